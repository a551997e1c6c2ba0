"""CSV cells that a spreadsheet cannot run: text from documents never becomes a formula.

A cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by Excel and
LibreOffice as a formula (``=HYPERLINK(...)`` from a sentence would become a live link). Such cells are
written with a leading apostrophe, as OWASP's "CSV Injection" page recommends; a plain number (``-2.6``)
is left as it is, so figures stay figures. Every CSV file policygraph writes goes through
:func:`safe_row`; the SPARQL endpoint's ``text/csv`` answers do not, because that is a protocol format
for programs, whose values must come back exactly.

>>> safe_row(["=1+1", "-2.6", "@SUM(A1)", "+86 371", "中原区", None])
["'=1+1", '-2.6', "'@SUM(A1)", "'+86 371", '中原区', '']
"""

from __future__ import annotations

import re
from collections.abc import Iterable

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?%?")


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_START) and not NUMBER.fullmatch(text):
        return "'" + text
    return text


def safe_row(values: Iterable[object]) -> list[str]:
    return [safe_cell(v) for v in values]
