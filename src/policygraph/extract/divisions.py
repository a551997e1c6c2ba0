"""Administrative divisions, from the national GB/T 2260 table."""

from __future__ import annotations

from ..lexicon import division_finder, national_zone_finder
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
    # a county name used in several provinces (鼓楼区, 西湖区) is still the area the text is about; which one
    # it is, and so its code, is settled later by the city or province the text names, if it names one
    return [m for m in found if m.text in full_seen or m.text in short_ok]


def find_national_zones(ctx: Context) -> list[Mention]:
    """National development zones by their listed names (``data/lexicon/national-zones.tsv``), also inside
    longer names: 苏州工业园区 is a zone though it ends like a park."""
    return [ctx.mention("DevelopmentZone", start, end, "national-zones")
            for start, end in national_zone_finder().find(ctx.text)]
