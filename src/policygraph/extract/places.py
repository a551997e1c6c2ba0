"""Roads, streets, rivers and lakes: a proper name followed by 路, 街, 大道, 河, 湖 … (卧龙路, 西站北街, 金水河).

jieba splits such names into a place or person word and the generic word (卧龙 / 路); a generic word
after a proper one is a name, after a common noun it is not (道路, 思路, 出路 stay words).
"""

from __future__ import annotations

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
