"""Administrative divisions, from the national GB/T 2260 table."""

from __future__ import annotations

from ..lexicon import division_finder
from ..model import Mention
from .base import Context


def find_divisions(ctx: Context) -> list[Mention]:
    """Full names anywhere (also inside longer names); short forms (郑州, 河南) only where the full
    name also occurs in the document, so that 中原 in 中原更加出彩 is not taken for a place."""
    text, names = ctx.text, ctx.lexicon.divisions_by_name
    found: list[Mention] = []
    full_seen: set[str] = set()
    for start, end in division_finder().find(text):
        surface = text[start:end]
        if any(d.name == surface for d in names[surface]):
            full_seen.add(surface)
        found.append(ctx.mention("AdministrativeDivision", start, end, "divisions"))
    short_ok = {d.short for s in full_seen for d in names[s] if d.short}
    kept = [m for m in found if m.text in full_seen or m.text in short_ok]
    # a county name used in several provinces (鼓楼区) needs its city or province named too
    codes = {d.code for m in kept for d in names[m.text]}
    return [m for m in kept if len(names[m.text]) == 1 or any(
        d.parent in codes or (d.parent and ctx.lexicon.divisions[d.parent].parent in codes) for d in names[m.text]
        if d.parent in ctx.lexicon.divisions)]
