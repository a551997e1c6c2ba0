"""General-knowledge lexicons shipped in ``data/lexicon`` (each file states its source).

Loaded once per process: :func:`lexicon` is cached.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from .config import lexicon_dir

# Names in the division table that are also everyday words, and so never a mention by themselves.
_AMBIGUOUS_DIVISIONS = {"城区", "郊区", "矿区", "新区", "市中区", "城关区", "东区", "西区", "南区", "北区", "中区",
                        "新城区", "老城区", "城中区", "城东区", "城西区", "城南区", "城北区", "新市区", "开发区"}


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: str  # province, prefecture or county
    parent: str | None

    @property
    def short(self) -> str | None:
        """The short form a province or prefecture city is written in (河南省 → 河南, 郑州市 → 郑州)."""
        if self.level == "county":
            return None
        for suffix in ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市", "地区", "盟"):
            if self.name.endswith(suffix) and len(self.name) - len(suffix) >= 2:
                return self.name[: -len(suffix)]
        return None


@dataclass(frozen=True)
class Lexicon:
    divisions: dict[str, Division]  # by code
    divisions_by_name: dict[str, tuple[Division, ...]]  # full and short names
    surnames: frozenset[str]
    titles: tuple[str, ...]  # longest first
    suffixes: tuple[tuple[str, str], ...]  # (ending, type), longest first
    industries: frozenset[str]
    set_phrases: frozenset[str]
    stat_zones: dict[str, Division]  # development zones with an NBS statistical area code, by name
    national_zones: frozenset[str]  # national development zones by name and short name (苏州工业园区, 合肥经开区)
    programmes: frozenset[str]  # national strategies and campaigns (乡村振兴, 长江大保护)
    indicator_names: dict[str, str]  # short or older indicator names → the national indicator's name

    @cached_property
    def endings(self) -> tuple[str, ...]:
        """The type-marking endings alone, longest first (for ``str.startswith`` / ``str.endswith``)."""
        return tuple(ending for ending, _ in self.suffixes)

    def is_place_name(self, text: str) -> bool:
        """A division's name, full or short, or a county-level one without its 市/县/区 (新郑 for 新郑市).

        >>> lexicon().is_place_name("新郑"), lexicon().is_place_name("河南"), lexicon().is_place_name("集团")
        (True, True, False)
        """
        names = self.divisions_by_name
        return text in names or any(text + level in names for level in "市县区")

    def ancestors(self, code: str | None) -> list[Division]:
        """The parents of a division or zone code, nearest first (410102 → 郑州市, 河南省).

        >>> [d.name for d in lexicon().ancestors("410102")]
        ['郑州市', '河南省']
        """
        chain: list[Division] = []
        parent = (self.divisions.get(code or "") or next(
            (z for z in self.stat_zones.values() if z.code == code), None))
        while parent is not None and parent.parent in self.divisions:
            parent = self.divisions[parent.parent]
            chain.append(parent)
        return chain


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def _divisions(path: Path, level: str | None = None) -> dict[str, Division]:
    rows = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    reader = csv.DictReader(rows, delimiter="\t")
    return {r["code"]: Division(r["code"], r["name"], level or r["level"], r["parent"] or None) for r in reader}


@cache
def lexicon(root: Path | None = None) -> Lexicon:
    root = root or lexicon_dir()
    divisions = _divisions(root / "divisions.tsv")
    by_name: dict[str, list[Division]] = {}
    for d in divisions.values():
        if d.name in _AMBIGUOUS_DIVISIONS or len(d.name) < 2:
            continue
        by_name.setdefault(d.name, []).append(d)
        if d.short:
            by_name.setdefault(d.short, []).append(d)
    suffixes = []
    for line in _lines(root / "suffixes.tsv"):
        kind, ending = line.split("\t")
        suffixes.append((ending, kind))
    surnames = frozenset(tok for line in _lines(root / "surnames.txt") for tok in line.split())
    return Lexicon(
        divisions=divisions,
        divisions_by_name={k: tuple(v) for k, v in by_name.items()},
        surnames=surnames,
        titles=tuple(sorted(_lines(root / "titles.txt"), key=len, reverse=True)),
        suffixes=tuple(sorted(suffixes, key=lambda s: len(s[0]), reverse=True)),
        industries=frozenset(_lines(root / "industries.txt")),
        set_phrases=frozenset(_lines(root / "setphrases.txt")),
        stat_zones={z.name: z for z in _divisions(root / "statzones.tsv", level="zone").values()},
        national_zones=frozenset(_zone_names(line.split("\t")[0] for line in _lines(root / "national-zones.tsv")[1:])),
        programmes=frozenset(_lines(root / "programmes.txt")),
        indicator_names=dict(line.split("\t") for line in _lines(root / "indicators.tsv")[1:]),
    )


def _zone_names(names: Iterable[str]) -> Iterable[str]:
    """Each zone's name and its usual short form (合肥经济技术开发区 → 合肥经开区).

    >>> sorted(_zone_names(["合肥经济技术开发区", "苏州工业园区"]))
    ['合肥经开区', '合肥经济技术开发区', '苏州工业园区']
    """
    for name in names:
        yield name
        if name.endswith("经济技术开发区") and len(name) > len("经济技术开发区") + 1:
            yield name[: -len("经济技术开发区")] + "经开区"


class TermFinder:
    """Longest terms of a word list found left to right in a text, without overlaps.

    Only the lengths that some term starting with the current character has are tried, so a
    scan costs about one dictionary lookup per character instead of one per possible length.

    >>> TermFinder(["郑州", "郑州市", "中原区"]).find("郑州市中原区和郑州")
    [(0, 3), (3, 6), (7, 9)]
    """

    def __init__(self, terms: Iterable[str], min_length: int = 2):
        self.terms = frozenset(t for t in terms if len(t) >= min_length)
        lengths: dict[str, set[int]] = {}
        for t in self.terms:
            lengths.setdefault(t[0], set()).add(len(t))
        self.lengths = {c: sorted(ns, reverse=True) for c, ns in lengths.items()}

    def present(self, text: str) -> set[str]:
        """Every term that occurs anywhere in the text, overlaps included (``term in text`` for each term).

        >>> sorted(TermFinder(["郑州", "郑州市", "州市"]).present("郑州市"))
        ['州市', '郑州', '郑州市']
        """
        found = set()
        for i, c in enumerate(text):
            for size in self.lengths.get(c, ()):
                if text[i:i + size] in self.terms:
                    found.add(text[i:i + size])
        return found

    def find(self, text: str) -> list[tuple[int, int]]:
        found = []
        i, n = 0, len(text)
        while i < n:
            for size in self.lengths.get(text[i], ()):
                if i + size <= n and text[i:i + size] in self.terms:
                    found.append((i, i + size))
                    i += size
                    break
            else:
                i += 1
        return found


@cache
def division_finder() -> TermFinder:
    return TermFinder(lexicon().divisions_by_name)


@cache
def national_zone_finder() -> TermFinder:
    return TermFinder(lexicon().national_zones, min_length=4)


@cache
def programme_finder() -> TermFinder:
    return TermFinder(lexicon().programmes)


@cache
def industry_finder() -> TermFinder:
    return TermFinder(lexicon().industries)
