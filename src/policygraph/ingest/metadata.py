"""What a document says about itself beside its text: front matter, a manifest row, a web page's own
metadata, and, from the text, its date line and headline.

Stated metadata (front matter, else a manifest row) wins over what is inferred; each field is
inferred only when nothing states it. Bad metadata never stops a document: a malformed block, an
unparseable date or an address that is no URL is one warning naming the file, and the field is left out.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlparse

FIELDS = ("title", "date", "source", "area", "publisher", "language")


@dataclass(frozen=True)
class Metadata:
    """Fields a file, a manifest or a page states about a document (None: not stated)."""

    title: str | None = None
    date: str | None = None  # ISO
    source: str | None = None  # the page's address
    area: str | None = None  # the division or zone the document is about, by name
    publisher: str | None = None
    language: str | None = None
    extra: tuple[tuple[str, str], ...] = ()  # other keys, kept as given
    warnings: tuple[str, ...] = ()

    def over(self, other: Metadata) -> Metadata:
        """These fields, with ``other``'s where these are not stated."""
        picked = {f: getattr(self, f) if getattr(self, f) is not None else getattr(other, f) for f in FIELDS}
        extra = dict(other.extra) | dict(self.extra)
        return Metadata(**picked, extra=tuple(sorted(extra.items())), warnings=self.warnings + other.warnings)


def metadata_from(values: Mapping[str, object], where: str) -> Metadata:
    """Metadata from a mapping (front matter, a manifest row): known keys checked, the rest kept.

    >>> m = metadata_from({"title": "标题", "date": dt.date(2023, 1, 11), "source": "http://x.cn/a", "栏目": "要闻"}, "")
    >>> m.date, m.source, m.extra
    ('2023-01-11', 'http://x.cn/a', (('栏目', '要闻'),))
    >>> metadata_from({"date": "someday", "source": "not a url"}, "front matter").warnings
    ("front matter: date 'someday' is not a date (YYYY-MM-DD); left out", "front matter: source 'not a url' is not a web address; left out")
    """
    known: dict[str, str | None] = {}
    warnings: list[str] = []
    extra: dict[str, str] = {}
    for key, value in values.items():
        name = str(key).strip().lower()
        if value is None or value == "":
            continue
        if name not in FIELDS:
            extra[str(key)] = str(value)
            continue
        text = str(value).strip()
        if name == "date":
            iso = iso_date(value)
            if iso is None:
                warnings.append(f"{where}: date {text!r} is not a date (YYYY-MM-DD); left out")
            known["date"] = iso
        elif name == "source":
            if not is_url(text):
                warnings.append(f"{where}: source {text!r} is not a web address; left out")
                continue
            known["source"] = text
        else:
            known[name] = text
    return Metadata(**known, extra=tuple(sorted(extra.items())), warnings=tuple(warnings))


def iso_date(value: object) -> str | None:
    """A date given as a date, a datetime or text (2023-01-11, 2023/1/11, 2023年1月11日, 2023-01-11 09:30)."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    m = re.match(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})", str(value))
    return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat() if 1900 <= y <= 2100 else None
    except ValueError:
        return None


def is_url(text: str) -> bool:
    parsed = urlparse(text)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc) and not any(c.isspace() for c in text)


# ---- front matter ---------------------------------------------------------------------------------

FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def split_front_matter(original: str, where: str = "front matter") -> tuple[str, Metadata]:
    """The text with a leading YAML front-matter block blanked out (its characters become spaces, so
    every offset still points into the original file), and what the block states.

    >>> text, meta = split_front_matter("---\\nsource: http://x.cn/a.html\\n---\\n中原区")
    >>> meta.source, text.strip(), len(text) == len("---\\nsource: http://x.cn/a.html\\n---\\n中原区")
    ('http://x.cn/a.html', '中原区', True)
    """
    m = FRONT_MATTER.match(original)
    if not m:
        return original, Metadata()
    blanked = re.sub(r"[^\n]", " ", m.group(0)) + original[m.end():]
    try:
        import frontmatter

        values = frontmatter.loads(m.group(0) + "\n").metadata
    except Exception as exc:  # PyYAML's errors: the block is there, but its content cannot be read
        first = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        return blanked, Metadata(warnings=(f"{where} is not valid YAML ({first}); built without it",))
    if not isinstance(values, dict):
        return blanked, Metadata(warnings=(f"{where} is not a list of key: value lines; built without it",))
    return blanked, metadata_from(values, where)


# ---- manifest -------------------------------------------------------------------------------------


class ManifestError(Exception):
    """A manifest that cannot be read at all (missing, not CSV or JSON Lines, no ``path`` column)."""


@dataclass
class Manifest:
    rows: dict[Path, Metadata] = field(default_factory=dict)  # by resolved path
    used: set[Path] = field(default_factory=set)

    def get(self, path: Path) -> Metadata | None:
        key = Path(path).resolve()
        found = self.rows.get(key)
        if found is not None:
            self.used.add(key)
        return found

    def missing(self) -> list[Path]:
        """Rows naming a file that does not exist."""
        return sorted(p for p in self.rows if not p.exists())

    def unused(self) -> list[Path]:
        """Rows for files that exist but were not part of the build."""
        return sorted(p for p in self.rows if p.exists() and p not in self.used)


def read_manifest(path: Path) -> Manifest:
    """A CSV (with a header) or JSON Lines file: ``path`` (relative to the manifest's folder) and any of
    ``title``, ``date``, ``source``, ``area``, ``publisher``, ``language``; other columns are kept."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{path}: cannot read the manifest ({exc})") from None
    if path.suffix.lower() in (".jsonl", ".json", ".ndjson"):
        records: list[dict] = []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as exc:
                raise ManifestError(f"{path}: line {n} is not JSON ({exc})") from None
            if not isinstance(record, dict):
                raise ManifestError(f"{path}: line {n} is not a JSON object")
            records.append(record)
    else:
        records = list(csv.DictReader(text.splitlines()))
    if not records or not all(r.get("path") for r in records):
        raise ManifestError(f"{path}: every row needs a 'path' (columns: path, {', '.join(FIELDS)})")
    rows = {}
    for n, record in enumerate(records, 1):
        file = Path(str(record["path"]))
        file = file if file.is_absolute() else path.parent / file
        rest = {k: v for k, v in record.items() if k != "path"}
        rows[file.resolve()] = metadata_from(rest, f"manifest {path.name} row {n}")
    return Manifest(rows)


# ---- web pages -----------------------------------------------------------------------------------

META_NAMES = {  # <meta name=...> of Chinese government sites (and common ones) → field
    "articletitle": "title", "og:title": "title", "pubdate": "date", "publishdate": "date",
    "article:published_time": "date", "contentsource": "publisher", "og:site_name": "publisher",
    "sitename": "publisher", "og:url": "source", "url": "source",
}


def page_metadata(html: str) -> Metadata:
    """Title, date, address and publisher a web page states in its ``<meta>`` tags, ``<link rel=canonical>``
    and ``<title>`` (the meta tags win: government sites put the article's own title in ``ArticleTitle``).

    >>> m = page_metadata('<meta name="ArticleTitle" content="中原区召开会议"><meta name="PubDate" content="2023-02-20 09:30">')
    >>> m.title, m.date
    ('中原区召开会议', '2023-02-20')
    """
    from html.parser import HTMLParser

    found: dict[str, str] = {}
    page_title: list[str] = []

    class Head(HTMLParser):
        in_title = False

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            a = {k.lower(): (v or "") for k, v in attrs}
            if tag == "meta":
                name = (a.get("name") or a.get("property") or "").lower()
                if name in META_NAMES and a.get("content", "").strip():
                    found.setdefault(META_NAMES[name], a["content"].strip())
            elif tag == "link" and a.get("rel", "").lower() == "canonical" and a.get("href"):
                found.setdefault("source", a["href"].strip())
            elif tag == "title":
                self.in_title = True

        def handle_endtag(self, tag: str) -> None:
            if tag == "title":
                self.in_title = False

        def handle_data(self, data: str) -> None:
            if self.in_title:
                page_title.append(data)

    parser = Head(convert_charrefs=True)
    parser.feed(html[:200_000])
    if "title" not in found and "".join(page_title).strip():
        found["title"] = _page_title("".join(page_title).strip())
    meta = metadata_from(found, "page metadata")
    return replace(meta, warnings=())  # a page's odd tags are the page's business, not the user's


def _page_title(title: str) -> str:
    """A ``<title>`` without the site's name after a separator (标题_中原区人民政府 → 标题)."""
    return re.split(r"\s*[_|｜–—-]{1,2}\s*(?=[^_|｜–—-]*$)", title)[0] if re.search(r"[_|｜]", title) else title


# ---- dates and headlines in the text -------------------------------------------------------------

HEADER_CHARS = 400  # a date further in is an event's date, not the document's
LABELLED_DATE = re.compile(r"(?:时间|日期|发布|更新)\s*[:：]?\s*(20\d\d|19\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
FULL_DATE = re.compile(r"(20\d\d|19\d\d)\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|-(\d{1,2})-(\d{1,2})(?!\d)"
                       r"|-(\d\d)-(\d\d)(?=\d\d:\d\d))")
MONTH_DAY = re.compile(r"(?<![\d年.-])(\d{1,2})月(\d{1,2})日")
URL_DATES = (  # the date in a page's address, most specific first
    re.compile(r"(?<!\d)(20\d\d|19\d\d)-?(\d\d)-?(\d\d)(?!\d)"),  # 2017-11-17, t20190612_, /20220123/
    re.compile(r"/(20\d\d|19\d\d)-?(\d\d)/(\d\d)(?:/|\D)"),  # /2019-06/12/, /201906/12/
    re.compile(r"/(20\d\d|19\d\d)/(\d\d)(\d\d)(?:/|\D)"),  # /2019/0612/
    re.compile(r"/(20\d\d|19\d\d)/(\d{1,2})/(\d{1,2})/"),  # /2020/03/26/, /art/2025/2/8/
)


def url_date(url: str | None) -> str | None:
    """The date a page's address holds.

    >>> [url_date(u) for u in ("http://x.cn/2019-06/12/c_1.htm", "http://x.cn/201906/12/a.html",
    ...  "http://x.cn/a/t20190612_3.shtml", "http://x.cn/2019/0612/9.html", "http://x.cn/1672891090176149.shtml")]
    ['2019-06-12', '2019-06-12', '2019-06-12', '2019-06-12', None]
    """
    if not url:
        return None
    path = urlparse(url).path
    for pattern in URL_DATES:
        for m in pattern.finditer(path):
            iso = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if iso:
                return iso
    return None


def text_date(text: str, year_hint: int | None, near: str | None = None) -> str | None:
    """The date line of a text's header: a labelled date (``发布时间:2021-05-17``), a full date (also one glued
    to its time, ``2021-05-1709:30:00``, ``2024年04月11日10:45``), else ``5月17日`` in the lead with the year
    of ``near`` (a date known otherwise, such as the address's) or ``year_hint``.

    >>> text_date("标题\\n时间:2022-02-09 00:00:00\\n正文", None), text_date("2021-05-1709:30:00 来源:x", None)
    ('2022-02-09', '2021-05-17')
    >>> text_date("江南网1月22日讯 今日上午", None, near="2022-01-23"), text_date("本报讯 12月31日,", None, near="2023-01-02")
    ('2022-01-22', '2022-12-31')
    """
    head = text[:HEADER_CHARS]
    for pattern, window in ((LABELLED_DATE, text), (FULL_DATE, head)):  # a labelled date may close the page
        for m in pattern.finditer(window):
            y, mo, d = (g for g in m.groups() if g is not None)
            iso = _valid(int(y), int(mo), int(d))
            if iso:
                return iso
    lead = MONTH_DAY.search(head[:200])
    if not lead:
        return None
    month, day = int(lead.group(1)), int(lead.group(2))
    if near:
        known = dt.date.fromisoformat(near)
        candidates = [_valid(known.year + k, month, day) for k in (0, -1, 1)]
        dated = [dt.date.fromisoformat(c) for c in candidates if c]
        return min(dated, key=lambda c: abs((c - known).days)).isoformat() if dated else None
    return _valid(year_hint, month, day) if year_hint else None


NOT_A_HEADLINE = re.compile(
    r"^(?:来源|时间|日期|发布|作者|编辑|责任编辑|记者|通讯员|摄影|浏览|点击|字号|打印|分享|【|\[)"  # page furniture
    r"|^\S{0,12}(?:讯|电)[(（\s]"  # 本报讯（记者…）, 新华社北京3月5日电
    r"|^\S{0,12}\d{1,2}月\d{1,2}日(?:讯|电)"
    r"|(?:摄|/图|图为|供图)$|^图为"  # photo captions
    r"|^https?://|^\d{4}[-/.年]\d{1,2}")


def headline(text: str) -> str | None:
    """The text's headline: its first paragraph when that reads as one, not a date or source line, a
    byline, a ``本报讯`` lead, a photo caption or a sentence. None when the text opens without one.

    >>> headline("桃江县18个重大项目集中开工 总投资达120.5亿元\\n时间:2022-02-09\\n正文。")
    '桃江县18个重大项目集中开工 总投资达120.5亿元'
    >>> headline("江南报讯(驻园区记者 李四)昨天,项目开工仪式举行。") is None
    True
    """
    for para in text.split("\n"):
        para = para.strip()
        if not para or para.isdigit():
            continue
        if NOT_A_HEADLINE.search(para) or len(para) > 80 or para.endswith(("。", "!", "！", ";", "；")) \
                or para.count("。") >= 1 or para.count(",") + para.count("，") >= 3:
            return None
        return para if len(para) >= 4 else None
    return None
