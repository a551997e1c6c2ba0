"""Generate a benchmark corpus: the bundled documents varied and multiplied to any size.

Copy k of a document names other real districts (the k-th county of the national table with its
city and province in place of 中原区 / 郑州市 / 河南省), shifts the numbers it states, and rotates its
paragraphs, so that copies are distinct documents with distinct ids, entities and figures rather than
duplicates that resolution would merge.

    python benchmarks/corpus.py --copies 10 --out /tmp/corpus-10x
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from policygraph.config import corpus_dir
from policygraph.lexicon import lexicon

NUMBER = re.compile(r"\d+(?:\.\d+)?")


def counties() -> list[tuple[str, str, str]]:
    """(county, city, province) triples of the national table, in code order."""
    lex = lexicon()
    out = []
    for d in sorted(lex.divisions.values(), key=lambda d: d.code):
        city = lex.divisions.get(d.parent or "")
        province = lex.divisions.get(city.parent or "") if city else None
        if d.level == "county" and city and province and d.name.endswith("区"):
            out.append((d.name, city.name, province.name))
    return out


def vary(text: str, k: int, places: tuple[str, str, str]) -> str:
    if k == 0:
        return text
    county, city, province = places
    for old, new in (("中原区", county), ("郑州市", city), ("河南省", province)):
        text = text.replace(old, new)

    def shift(m: re.Match[str]) -> str:
        value = m.group(0)
        if "." in value:
            return f"{float(value) * (1 + k % 7 / 100):.1f}"
        number = int(value)
        return value if 1900 <= number <= 2100 or number <= 31 else str(number + k)  # years and dates kept

    text = NUMBER.sub(shift, text)
    paragraphs = text.split("\n\n")
    head, body = paragraphs[:1], paragraphs[1:]
    if body:
        body = body[k % len(body):] + body[: k % len(body)]
    return "\n\n".join(head + body)


def generate(copies: int, out: Path, source: Path | None = None) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    places = counties()
    written = []
    for path in sorted((source or corpus_dir()).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for k in range(copies):
            target = out / f"{k:05d}_{path.name}"
            target.write_text(vary(text, k, places[(k * 37) % len(places)]), encoding="utf-8")
            written.append(target)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=10, help="copies of each bundled document")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    files = generate(args.copies, args.out)
    print(f"wrote {len(files)} documents, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB, to {args.out}")


if __name__ == "__main__":
    main()
