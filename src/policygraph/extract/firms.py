"""Firms named without a legal form: by the post or the project that marks them as firms.

Reports name companies by their brand far more often than by their registered name. What marks such a
brand as a firm is its place in the sentence: a company post after it (``董事长``, ``CEO``), or a project
named after it (``丰谷食品万吨粮油加工基地项目``).
"""

from __future__ import annotations

import re

from ..model import Mention
from ..text import frequencies, tokens
from .base import Context
from .names import OFFICIAL_IN_NAME, STOP_WORDS, is_named

NAME = r"[\u4e00-\u9fffA-Za-z0-9()（）]"
# 东岳新能CEO马力, 南屏智能董事长何静: a firm before a company post
COMPANY_POSTS = ("董事长", "副董事长", "总经理", "副总经理", "总裁", "副总裁", "CEO", "ceo", "首席执行官", "创始人",
                 "董事", "总监")
BEFORE_POST = re.compile(rf"(?:^|(?<=[，,、。；;：:\s“(（]))({NAME}{{2,14}}?)(?=(?:{'|'.join(COMPANY_POSTS)})"
                         r"[\u4e00-\u9fff]{2,3})", re.MULTILINE)
# 丰谷食品万吨粮油加工基地项目, 星禾科技汽车材料…项目: a brand with its trade heads the project's name
FIRM_WORDS = ("科技", "食品", "智能", "生物", "电子", "材料", "新材", "实业", "能源", "医药", "药业", "电气", "机械",
              "光电", "化工", "纺织", "服饰", "控股", "集团", "股份", "汽车", "新能源", "环保", "物流", "精密", "信息")
FIRM_HEAD = re.compile(r"(?:^|(?<=[，,、。；;：:\s“(（]))([\u4e00-\u9fff]{2,3}(?:" + "|".join(FIRM_WORDS) + r"))"
                       r"(?=[^，,、。；;：:\s]{2,30}?(?:项目|工程|基地))", re.MULTILINE)
NOT_FIRMS = STOP_WORDS | {"该公司", "公司", "企业", "本公司", "集团", "项目", "相关企业"}
GOVERNMENT_END = ("委", "局", "办", "政府", "部", "厅", "院", "会", "区", "县", "市", "镇", "街道", "中心", "组")


def _a_brand(ctx: Context, name: str) -> bool:
    """A brand: not a stop word, a body of government or a place, and with a proper part (a rare word)."""
    if (name in NOT_FIRMS or name.endswith(GOVERNMENT_END) or name in ctx.lexicon.divisions_by_name
            or OFFICIAL_IN_NAME.search(name)):
        return False
    words = [t for t, _, _ in tokens(name)]
    return is_named(words, frequencies(), ctx.lexicon.divisions_by_name, rare=50)


def find_firms(ctx: Context) -> list[Mention]:
    """Brands marked as firms by a company post after them, or by a project named after them (lists closed
    by 等…企业 are :mod:`~policygraph.extract.lists`' work).

    >>> from tests.conftest import doc
    >>> [m.text for m in find_firms(Context(doc("东岳新能CEO马力、南屏智能董事长何静介绍了企业发展。")))]
    ['东岳新能', '南屏智能']
    >>> [m.text for m in find_firms(Context(doc("其中,丰谷食品万吨粮油加工基地项目总投资3亿元。")))]
    ['丰谷食品']
    """
    text = ctx.text
    found: list[Mention] = []
    for pattern, source in ((BEFORE_POST, "firm+post"), (FIRM_HEAD, "firm-of-project")):
        for m in pattern.finditer(text):
            if _a_brand(ctx, m.group(1)):
                found.append(ctx.mention("Enterprise", m.start(1), m.end(1), source))
    return found
