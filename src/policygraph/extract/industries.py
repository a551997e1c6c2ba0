"""Industries: sector terms from the lexicon and the constructions that name a focus sector."""

from __future__ import annotations

import re

from ..lexicon import industry_finder
from ..model import Mention
from ..text import word_tag
from .base import Context
from .names import STOP_WORDS

# 以X为主攻方向 / 以X为支撑 / 以X、Y为主导 / 聚焦X、Y / X领域 / X产业集群
FOCUS = re.compile(r"以([^以为，。；,;]{2,30}?)为(?:主攻方向|支撑|主导|引领|重点|核心|方向|导向)")
CLUSTER = re.compile(r"([\u4e00-\u9fff]{2,8}?)产业集群")
# X经济 is a sector when X starts after a list separator or a verb that takes a sector (发展平台经济).
ECONOMY = re.compile(r"(?:^|(?<=[、，,：:；;“\s和及与])|(?<=发展|推进|做强|做大|壮大|培育|打造|繁荣|激活|促进|提振|引育|布局))"
                     r"([\u4e00-\u9fff]{2}经济)")
NOT_ECONOMY = {"实体经济", "地区经济", "区域经济", "社会经济", "国民经济", "县域经济", "全区经济", "宏观经济", "经济",
               "拼经济", "稳经济", "发展经济", "市场经济", "整体经济", "产业经济", "数字化经济"}
SPLIT = re.compile(r"[、和及与]")


def _lexicon_matches(ctx: Context) -> list[Mention]:
    return [ctx.mention("Industry", s, e, "industry-lexicon") for s, e in industry_finder().find(ctx.text)]


def _constructions(ctx: Context) -> list[Mention]:
    text = ctx.text
    found = []
    for m in FOCUS.finditer(text):
        pos = m.start(1)
        for part in SPLIT.split(m.group(1)):
            part_start = text.find(part, pos, m.end(1))
            if 2 <= len(part) <= 10 and part_start >= 0 and re.search("(业|经济|产业|制造|服务|技术|医药|材料|能源)$", part):
                found.append(ctx.mention("Industry", part_start, part_start + len(part), "focus"))
            pos = part_start + len(part) if part_start >= 0 else pos
    terms = ctx.lexicon.industries
    for m in CLUSTER.finditer(text):
        # 装备制造产业集群: a cluster of a known industry (the longest known tail of the words before it)
        words = m.group(1)
        for i in range(len(words) - 1):
            if words[i:] in terms:
                found.append(ctx.mention("Industry", m.start(1) + i, m.end(), "cluster"))
                break
    for m in ECONOMY.finditer(text):
        head = m.group(1)[:2]
        meeting = text.startswith(("工作", "会议", "形势", "运行"), m.end(1))  # 中央经济工作会议 is no sector
        if (m.group(1) not in NOT_ECONOMY and head not in STOP_WORDS and not meeting
                and not word_tag(head).startswith(("v", "d", "p"))):
            found.append(ctx.mention("Industry", m.start(1), m.end(1), "economy"))
    return found


def find_industries(ctx: Context) -> list[Mention]:
    return _lexicon_matches(ctx) + _constructions(ctx)
