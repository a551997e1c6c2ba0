"""Traditional characters matched to simplified ones for extraction, one character to one.

One-to-one keeps every offset of the normalised text valid, so evidence still points at the
original characters. The table is OpenCC's character list (``data/lexicon/t2s.tsv``).
"""

from __future__ import annotations

from functools import cache

from .config import lexicon_dir

TRADITIONAL_SHARE = 0.03  # simplified prose has next to no traditional-only characters; traditional has ~20 %


@cache
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for line in (lexicon_dir() / "t2s.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            trad, simp = line.split("\t")
            table[ord(trad)] = simp
    return table


def to_simplified(text: str) -> str:
    """
    >>> to_simplified("中原區人民政府召開經濟工作會議")
    '中原区人民政府召开经济工作会议'
    """
    return text.translate(_table())


def is_traditional(text: str) -> bool:
    """Whether a text is written in traditional characters.

    >>> is_traditional("中原區人民政府召開經濟工作會議"), is_traditional("中原区人民政府召开经济工作会议")
    (True, False)
    >>> is_traditional("乾隆年间，中原区发展。")
    False
    """
    table = _table()
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    return bool(han) and sum(ord(c) in table and not _simplified_too(c) for c in han) / len(han) >= TRADITIONAL_SHARE


@cache
def _simplified_too(c: str) -> bool:
    """Characters of GB2312 (the simplified set) that OpenCC also lists as traditional: 乾, 著, 于 ...

    They occur in simplified prose (乾隆, 显著), so they do not show a text is traditional.
    """
    try:
        c.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True
