"""Administrative divisions, from the national GB/T 2260 table."""

from __future__ import annotations

from ..lexicon import division_finder, national_zone_finder
from ..model import Mention
from ..text import word_tag
from .base import Context

ROAD_AFTER = ("路", "街", "大道", "大街", "道", "巷", "东路", "西路", "南路", "北路", "中路")


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
    # a province's short name (浙江, 安徽) is always the province; a city's (苏州, 舟山) where jieba's
    # dictionary knows it as a place name, not as a word or a person's name (大同, 来宾, 白银 stay words)
    # … and where it is a word of the text's own cut, not two halves of others (珠江|西|航道, 李镇江)
    bounds = ctx.token_bounds
    short_ok |= {m.text for m in found if any(_unmistakable_short(d, m.text) for d in names[m.text])
                 and m.start in bounds and m.end in bounds}
    # a county name used in several provinces (鼓楼区, 西湖区) is still the area the text is about; which one
    # it is, and so its code, is settled later by the city or province the text names, if it names one
    # 泰州路, 北京大街: a city's short name before a way's ending names the road, not the city
    return [m for m in found if m.text in full_seen or (m.text in short_ok and not text.startswith(ROAD_AFTER, m.end))]


def find_national_zones(ctx: Context) -> list[Mention]:
    """National development zones by their listed names (``data/lexicon/national-zones.tsv``), also inside
    longer names: 苏州工业园区 is a zone though it ends like a park."""
    return [ctx.mention("DevelopmentZone", start, end, "national-zones")
            for start, end in national_zone_finder().find(ctx.text)]


def _unmistakable_short(d: object, surface: str) -> bool:
    level = getattr(d, "level", None)
    if getattr(d, "short", None) != surface:
        return False
    return level == "province" or (level == "prefecture" and word_tag(surface).startswith("ns"))
