"""Roads, streets, rivers and lakes: a proper name followed by 路, 街, 大道, 河, 湖 … (卧龙路, 西站北街, 金水河).

jieba splits such names into a place or person word and the generic word (卧龙 / 路); a generic word
after a proper one is a name, after a common noun it is not (道路, 思路, 出路 stay words).
"""

from __future__ import annotations

import re

from ..model import Mention
from ..text import word_tag
from .base import Context

WAY_WORDS = {"路", "街", "大道", "大街", "西路", "东路", "南路", "北路", "中路", "北街", "南街", "东街", "西街",
             "河", "湖", "渠", "环"}
WAY_ENDINGS = tuple(sorted(WAY_WORDS, key=len, reverse=True))
PROPER_TAGS = ("ns", "nr", "nz")  # place, person and other proper names in jieba's dictionary
WATER = {"湖"}  # 西流湖: a lake's name may be a common word


def find_ways(ctx: Context) -> list[Mention]:
    found = []
    toks = ctx.tokens
    for i, (tok, s, e) in enumerate(toks):
        tag = word_tag(tok)
        if len(tok) >= 3 and tok.endswith(WAY_ENDINGS) and tag.startswith(PROPER_TAGS):
            found.append(ctx.mention("Place", s, e, "way"))  # 金水河, 西四环
        elif tok in WAY_WORDS and i and toks[i - 1][2] == s:
            prev, ps, _ = toks[i - 1]
            prev_tag = word_tag(prev)
            if len(prev) >= 2 and (prev_tag.startswith(PROPER_TAGS) or (tok in WATER and prev_tag == "n")):
                found.append(ctx.mention("Place", ps, e, "way"))
    return found


# A way named where a text marks out an area or a route: 位于长丰路、东湖涌以南, 汇通路(玉湖东路-白沙公路), 207省道
# jieba knows few local road names, so the boundary words around the name vouch for it instead.
WAY_END = r"(?:东路|西路|南路|北路|中路|大道|公路|省道|国道|高速|航道|大桥|路|街|涌|河|江|港)"
BOUNDED_WAY = re.compile(
    r"(?:(?<=[、,，(（\-—至沿与和])|(?<=位于)|(?<=途经)|(?<=沿线))"
    r"((?:\d{1,4}|[\u4e00-\u9fff]{2,4}?)" + WAY_END + r")"
    r"(?=以南|以北|以东|以西|以内|沿线|两侧|交叉口|段|[、,，)）\-—至与和])")
NOT_A_WAY_HEAD = ("道路", "公路", "线路", "思路", "出路", "门路", "铁路", "水路", "马路", "小河", "大河", "江河", "内河")
NOT_A_WAY_TAIL = ("思路", "出路", "道路", "门路", "线路", "套路", "销路", "活路", "后路", "退路", "一路", "网路", "新路")


def find_bounded_ways(ctx: Context) -> list[Mention]:
    """Roads, rivers and channels named among boundaries and routes (see :data:`BOUNDED_WAY`).

    >>> from tests.conftest import doc
    >>> [m.text for m in find_bounded_ways(Context(doc("位于长丰路、东湖涌以南,青云路以西;汇通路(玉湖东路-白沙公路)改建。")))]
    ['长丰路', '东湖涌', '青云路', '玉湖东路', '白沙公路']
    """
    found = []
    for m in BOUNDED_WAY.finditer(ctx.text):
        name = m.group(1)
        lead = next((w for w in ("位于", "途经", "沿线", "沿") if name.startswith(w)), "")
        if lead:  # ,位于长丰路: the verb before the first way is not part of its name
            if len(name) - len(lead) < 3:
                continue
            found.append(ctx.mention("Place", m.start(1) + len(lead), m.end(1), "bounded-way"))
            continue
        if name.startswith(NOT_A_WAY_HEAD) or name.endswith(NOT_A_WAY_TAIL) or len(name) < 3:
            continue
        found.append(ctx.mention("Place", m.start(1), m.end(1), "bounded-way"))
    return found
