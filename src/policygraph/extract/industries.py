"""Industries: sector terms named as a focus, from the lexicon and from the constructions that name one.

A sector word in passing is no focus: 民营经济政策 and 现代物流体系 use it to qualify another noun,
新医元医疗健康产业园 and 现代服务业开发区 to name a park or zone. A term from the lexicon counts where it
stands as a noun phrase of its own (followed by punctuation, a conjunction, a verb, or a category head
such as 领域 / 产业集群). Enumerations and ``X领域`` name sectors the lexicon does not know (煤矿智能化设备,
生命科学大健康), and sectors joined by 及 / 与 inside one list item are one sector (国际贸易及新消费).
"""

from __future__ import annotations

import re

from ..lexicon import industry_finder
from ..model import Mention
from ..text import tokens, word_tag
from .base import Context
from .names import STOP_WORDS, introduces

# 以X为主攻方向 / 以X为支撑 / 以X、Y为主导 / 聚焦X、Y / X领域 / X产业集群
FOCUS = re.compile(r"以([^以为，。；,;]{2,30}?)为(?:主攻方向|支撑|主导|引领|重点|核心|方向|导向)")
CLUSTER = re.compile(r"([\u4e00-\u9fff]{2,8}?)产业集群")
# X经济 is a sector when X starts after a list separator or a verb that takes a sector (发展平台经济).
ECONOMY = re.compile(r"(?:^|(?<=[、，,：:；;“\s和及与])|(?<=发展|推进|做强|做大|壮大|培育|打造|繁荣|激活|促进|提振|引育|布局))"
                     r"([\u4e00-\u9fff]{2}经济)")
NOT_ECONOMY = {"实体经济", "地区经济", "区域经济", "社会经济", "国民经济", "县域经济", "全区经济", "宏观经济", "经济",
               "拼经济", "稳经济", "发展经济", "市场经济", "整体经济", "产业经济", "数字化经济", "国内经济", "民营经济",
               "国有经济", "集体经济", "私营经济", "外向型经济"}
# X经济 followed by these is the economy at large, not a sector (经济社会发展, 经济下行, 经济工作会议)
ECONOMY_AT_LARGE = ("社会", "下行", "工作", "会议", "形势", "运行", "增长", "总量", "指标", "大省", "大区")
SPLIT = re.compile(r"[、和及与]")
# Nouns a sector may stand before and still be the thing named (装备制造产业集群, 节能环保领域, 提升现代商贸业层级)
CATEGORY_HEADS = ("产业", "行业", "领域", "集群", "方面", "企业", "板块", "赛道", "层级", "能级", "水平", "链")
# X领域, A、B、C等行业领域: the words before name a sector
FIELD = re.compile(r"([\u4e00-\u9fff0-9A-Za-z]{2,12})领域")
LISTED = re.compile(r"((?:[\u4e00-\u9fff0-9A-Za-z]{2,12}[、])+[\u4e00-\u9fff0-9A-Za-z]{2,12})(?:等|[两二三四五六七八九十]大)"
                    r"(?:[\u4e00-\u9fff]{0,6})?(?:产业|行业|领域|产业链|业态)")
NOT_SECTOR_WORDS = ("各", "重点", "相关", "关键", "其他", "主要", "新兴", "优势", "传统", "多个", "该", "这些", "上述")
JOINED = re.compile(r"[及与]([\u4e00-\u9fff]{2,8}?)(?=[、，,。；;：:等和为]|产业|领域|行业|集群|$)")


def standalone(ctx: Context, start: int, end: int) -> bool:
    """Whether a sector term at ``start:end`` names the sector itself rather than qualifying a noun or a name."""
    text = ctx.text
    if start not in ctx.token_bounds or end not in ctx.token_bounds:
        return False  # 创新消费, 品牌服装研发: the term cuts a word
    rest = text[end:end + 8]
    if rest[:1] in "+＋":
        return False  # “大数据+网格化”: a working method
    if rest.startswith(CATEGORY_HEADS):
        return True
    if rest.startswith(ctx.lexicon.endings):
        return False  # 新能源汽车产业园, 现代服务业开发区: part of a park's or zone's name
    following = ctx.token_at.get(end, "")
    return not (following and (word_tag(following).startswith("n") or word_tag(following) == "an"))  # 现代物流体系, 生命健康安全


def _lexicon_matches(ctx: Context) -> list[Mention]:
    return [ctx.mention("Industry", s, e, "industry-lexicon") for s, e in industry_finder().find(ctx.text)
            if standalone(ctx, s, e)]


SECTOR_TAIL = re.compile(r"(?:业|经济|制造|技术|医药|材料|能源|健康|设计|环保|检测|服务|装备|设备|器械|交通|物流|金融|科技|"
                         r"信息|互联网|电商|旅游|文化|演艺|赛事|汽车|零部件|通信|芯片|软件|数据|智能|农业|食品|纺织|服装|化工)$")
COUNTED = re.compile(r"\d|[一二两三四五六七八九十几多]+(?:个|大|项|类)|等")


def _sector_phrase(ctx: Context, start: int, end: int, tail: bool = False) -> bool:
    """A list item or the words before 领域 that can be a sector's name: no verb or count, no generic
    qualifier; with ``tail``, also ending like a sector (经济社会领域 and 民生领域 are domains of policy)."""
    phrase = ctx.text[start:end]
    first = ctx.token_at.get(start, phrase[:1])
    return (2 <= len(phrase) <= 12 and not phrase.startswith(NOT_SECTOR_WORDS) and phrase not in STOP_WORDS
            and not COUNTED.search(phrase) and (not tail or bool(SECTOR_TAIL.search(phrase)))
            and (first in industry_finder().terms or not word_tag(first).startswith(("v", "p", "d", "r", "m", "c"))))


def _after_last_verb(item: str) -> int:
    """Where a list's first item begins: after the last verb, preposition or adverb in front of it."""
    cut = max((e for tok, _, e in tokens(item) if introduces(tok)), default=0)
    return cut if cut < len(item) else 0


def _fields_and_lists(ctx: Context) -> list[Mention]:
    """生命科学大健康领域; 以轨道交通、环保装备、煤矿智能化设备、医疗器械等行业领域为着力点."""
    text = ctx.text
    found = []
    for m in FIELD.finditer(text):
        start = m.start(1)
        while start < m.end(1) and (start not in ctx.token_bounds or text[start:m.end(1)] in STOP_WORDS):
            start += 1
        # the phrase begins after a sentence or clause boundary, or after the list marker 一是/二是
        before = text[max(0, start - 1):start]
        if before and before not in "。；;，,：:\n、" and not re.search(r"[一二三四五六七八九十]是$", text[max(0, start - 2):start]):
            continue
        if _sector_phrase(ctx, start, m.end(1), tail=True):
            found.append(ctx.mention("Industry", start, m.end(1), "field"))
    for m in LISTED.finditer(text):
        lead = _after_last_verb(m.group(1).split("、")[0])  # 项目涵盖新一代信息技术、…: the verb opens the list
        items = m.group(1)[lead:].split("、")
        known = sum(1 for item in items if item in industry_finder().terms)
        if known < 2:  # a list of sectors shows itself by naming at least two known ones
            continue
        pos = m.start(1) + lead
        for item in items:
            if pos in ctx.token_bounds and _sector_phrase(ctx, pos, pos + len(item)):
                found.append(ctx.mention("Industry", pos, pos + len(item), "sector-list"))
            pos += len(item) + 1
    return found


def _joined(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """国际贸易及新消费, 机器人与人工智能: a sector joined to the next by 及 / 与 inside one list item is one sector."""
    text = ctx.text
    out = []
    for m in mentions:
        j = JOINED.match(text, m.end)
        if j and m.source in ("industry-lexicon", "sector-list") and text[m.start - 1:m.start] not in "及与":
            out.append(ctx.mention("Industry", m.start, j.end(1), "joined"))
    return out


def _constructions(ctx: Context) -> list[Mention]:
    text = ctx.text
    found = []
    for m in FOCUS.finditer(text):
        pos = m.start(1)
        for part in SPLIT.split(m.group(1)):
            part_start = text.find(part, pos, m.end(1))
            if (2 <= len(part) <= 10 and part_start >= 0 and not part.endswith("企业")
                    and re.search("(业|经济|产业|制造|服务|技术|医药|材料|能源)$", part)):
                found.append(ctx.mention("Industry", part_start, part_start + len(part), "focus"))
            pos = part_start + len(part) if part_start >= 0 else pos
    terms = ctx.lexicon.industries
    for m in CLUSTER.finditer(text):
        # 装备制造产业集群: a cluster of a known industry (the longest known tail of the words before it)
        words = m.group(1)
        for i in range(len(words) - 1):
            if words[i:] in terms:
                if text[m.start(1) + i - 1:m.start(1) + i] not in "及与":  # 机器人与人工智能产业集群: joined below
                    found.append(ctx.mention("Industry", m.start(1) + i, m.end(), "cluster"))
                break
    for m in ECONOMY.finditer(text):
        head = m.group(1)[:2]
        at_large = text.startswith(ECONOMY_AT_LARGE, m.end(1))
        if (m.group(1) not in NOT_ECONOMY and head not in STOP_WORDS and not at_large
                and m.start(1) in ctx.token_bounds and not word_tag(head).startswith(("v", "d", "p", "c"))):
            found.append(ctx.mention("Industry", m.start(1), m.end(1), "economy"))
    return found


# Kinds of public works, not industries (guideline: 基础设施, 社会民生 are not industries)
NOT_INDUSTRIES = frozenset({"基础设施", "基础设施建设", "社会事业", "生态建设", "民生", "社会民生", "民生事业", "城市建设"})
SUPPORT_TAIL = re.compile(r"(?:及其|及)配套(?:产业)?$")  # 先进制造业及其配套: the sector itself
LEADING_VERB = re.compile(r"^(?:项目)?(?:涉及|涵盖|包括)")


QUALIFIER = re.compile(r"(?:先进|绿色|高端|新型|现代|智能|特色|新一代|战略性)$")
LIST_EDGE = "、，,：:；;（(“"
FOCUS_VERBS = frozenset({"发展", "打造", "培育", "聚焦", "做强", "壮大", "引进", "涵盖", "涉及", "包括"})


def find_industries(ctx: Context) -> list[Mention]:
    found = _lexicon_matches(ctx) + _fields_and_lists(ctx) + _constructions(ctx)
    found = [_qualified(ctx, m) for m in found]
    return [m for m in (_trimmed(ctx, m) for m in found + _joined(ctx, found)) if m.text not in NOT_INDUSTRIES]


def _qualified(ctx: Context, m: Mention) -> Mention:
    """A sector with the qualifier a list item gives it (、绿色|食品加工, 、先进|装备制造): the item is the sector."""
    q = QUALIFIER.search(ctx.text, max(0, m.start - 3), m.start)
    if q is None or q.end() != m.start:
        return m
    before = ctx.text[max(0, q.start() - 2):q.start()]
    if q.start() > 0 and ctx.text[q.start() - 1] not in LIST_EDGE and before not in FOCUS_VERBS:
        return m
    return ctx.mention(m.type, q.start(), m.end, m.source)


def _trimmed(ctx: Context, m: Mention) -> Mention:
    """A sector without what a list wraps around it (项目涉及|高端制造, 食品加工|及配套)."""
    lead = LEADING_VERB.match(m.text)
    tail = SUPPORT_TAIL.search(m.text)
    start = m.start + (lead.end() if lead else 0)
    end = m.start + (tail.start() if tail else len(m.text))
    if (start, end) == (m.start, m.end) or end - start < 2:
        return m
    return ctx.mention(m.type, start, end, m.source)
