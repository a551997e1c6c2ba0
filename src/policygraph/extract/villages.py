"""Villages written after their town: 公岭镇三铺村, 石湖乡李家村.

A village (村, with its 村民委员会) is the rural counterpart of an urban 社区: both are the fifth level of the
NBS statistical division codes (统计用区划和城乡划分代码: 居民委员会 and 村民委员会), so the guideline's
Subdistrict holds them. 村 alone ends too many words (乡村, 农村, 示范村) to be read as a name anywhere; after a
town's name it is one.
"""

from __future__ import annotations

import re

from ..model import Mention
from .base import Context

# a town's name (its last two characters: 城镇, 家乡 are words, not towns) and the village after it; 村 never opens the village's name
VILLAGE_AFTER_TOWN = re.compile(r"([\u4e00-\u9fff]{2}[镇乡])([^\W\d村镇乡]{1,3}村)(?![民委级务两])")
NOT_A_TOWN = frozenset({"城镇", "乡镇", "城乡", "家乡", "故乡", "下乡", "重镇", "名镇", "小镇", "古镇", "集镇", "老乡",
                        "返乡", "同乡", "水乡", "他乡", "异乡"})


def find_villages(ctx: Context) -> list[Mention]:
    """Villages named right after a town or township.

    >>> from tests.conftest import doc
    >>> [m.text for m in find_villages(Context(doc("考察了石湖镇李家村的茶园,推进乡村振兴示范村建设。")))]
    ['李家村']
    """
    found = []
    for m in VILLAGE_AFTER_TOWN.finditer(ctx.text):
        if m.group(1) in NOT_A_TOWN or m.start(2) not in ctx.token_bounds:
            continue
        found.append(ctx.mention("Subdistrict", m.start(2), m.end(2), "village"))
    return found
