"""Firms named in lists by their brand, without a legal form: ``发挥字节跳动、滴滴等企业的资源优势``,
``联合抖音、吉利玛特、苏宁等线上品牌和平台``.

The list's head noun (企业, 品牌, 平台, 公司) says what its items are; a verb or preposition opens it.
"""

from __future__ import annotations

import re

from ..model import Mention
from .base import Context
from .names import STOP_WORDS

LIST = re.compile(r"(?:发挥|联合|引进|引入|做好|依托|吸引|推动|支持|培育|服务|引育|招引|签约|落地|入驻|走访|对接|邀请|包括|如)"
                  r"([\u4e00-\u9fffA-Za-z0-9·、]{2,80}?)等(?:\d+家)?[\u4e00-\u9fff]{0,8}?(?:企业|品牌|平台|公司)")
ITEM = re.compile(r"[^、]+")


def find_enterprise_lists(ctx: Context) -> list[Mention]:
    found = []
    for m in LIST.finditer(ctx.text):
        items = list(ITEM.finditer(m.group(1)))
        if len(items) < 2:  # one name before 等企业 is as likely a description as a firm
            continue
        for item in items:
            name = item.group()
            if 2 <= len(name) <= 8 and name not in STOP_WORDS and not re.search(r"\d", name):
                start = m.start(1) + item.start()
                found.append(ctx.mention("Enterprise", start, start + len(name), "enterprise-list"))
    return found
