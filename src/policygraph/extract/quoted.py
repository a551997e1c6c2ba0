"""Initiatives in quotation marks and titled documents in 《》.

Government writing quotes its programmes (“万人助万企”, “三个一批”) but also metaphors (“牛鼻子”);
the set phrases are general knowledge in ``data/lexicon/setphrases.txt``. A quoted programme often
continues outside the quotes (“三化三制”改革, “十四五”规划): the continuation makes an alias, or
for 规划 a policy document.
"""

from __future__ import annotations

import re
from functools import cache

from ..model import Mention
from .base import BOOK, QUOTED, Context

# What may follow a quoted programme name and belongs to it.
INITIATIVE_TAILS = ("改革", "行动", "活动", "工程", "战略", "计划", "机制", "工作要求", "建设", "供应", "原则",
                    "增量政策")
DOCUMENT_TAILS = ("规划", "协定", "纲要", "方案", "意见", "措施", "条例", "办法")
NAME_TAILS = re.compile("(产业园|文创园|双创园|创意园|商务区|片区|板块|新城|小镇|大赛|论坛|会议|大会|活动周|园区|有限公司|集团)")
BATCH = re.compile(r"^(签约|开工|投产|达效|竣工|储备|谋划|建成|招引|落地)一批$")  # a batch of a programme, not a programme
# a number, a ranking, a sentence, a verb with a complement (稳得住, 管得好), a question (怎么看), a five-year
# period named without its plan (确保“十四五”收好官)
NOT_PROGRAMME = re.compile(r"^[\d.%]+$|^第.+名$|[，。！？]$|.得[住好稳下起牢实]|^(?:怎么|如何|怎样|为什么)")
FIVE_YEAR_PERIOD = re.compile(r"^十[一二三四五六七八九]五$")
# Quoted words that follow these are a result, a state or an honour, not something carried out
# (确保“开门红”, 迈向“住有优居”, 被评为“平安建设先进县市区”, 再造“新经开”).
RESULT_BEFORE = re.compile(r"(?:确保|迈向|从|跑出|擦亮|被评为|获评|荣获|评为|再造|成为|获得)$")
# …and words after them make them a problem or a kind of polluter to deal with (“双拖欠”问题, “散乱污”等污染源)
PROBLEM_AFTER = re.compile(r"(?:问题|等问题|等污染|现象|难题)")  # matched at the closing quote
# a quoted kind of firm or of people is a category, like 小巨人 (行业“冠军企业”, “两代表一委员”)
CATEGORY_END = re.compile(r"(?:企业|单位|人员|人才|群众|干部|群体)$")
SEPARATORS = re.compile(r"[、，,；;\s]")


def find_quoted(ctx: Context) -> list[Mention]:
    text, phrases = ctx.text, ctx.lexicon.set_phrases
    found: list[Mention] = []
    for m in QUOTED.finditer(text):
        inner = m.group(1).strip()
        if not inner or inner in phrases or BATCH.match(inner) or NOT_PROGRAMME.search(inner):
            continue
        if _only_set_phrases(inner, phrases) or inner.endswith(_long_phrases(phrases)):
            continue  # “开门红、全年红”, “开门红月月红全年红”, “金牌店小二”
        if (RESULT_BEFORE.search(text[max(0, m.start() - 3):m.start()]) or PROBLEM_AFTER.match(text, m.end())
                or CATEGORY_END.search(inner)):
            continue
        if len(inner) < 2 or len(inner) > 30:
            continue
        after = text[m.end(): m.end() + 8]
        if NAME_TAILS.match(after):
            continue  # part of a park, zone or event name; the suffix extractor takes it
        doc_tail = next((t for t in DOCUMENT_TAILS if after.startswith(t)), None)
        if doc_tail:
            found.append(ctx.mention("PolicyDocument", m.start(), m.end() + len(doc_tail), "quoted"))
            continue
        if FIVE_YEAR_PERIOD.match(inner):
            continue
        if text.startswith("为主题", m.end()):  # 开展以“悦享新春 乐购中原”为主题的促消费活动: the activity's name
            found.append(ctx.mention("Event", m.start(1), m.end(1), "quoted-theme"))
            continue
        found.append(ctx.mention("Initiative", m.start(1), m.end(1), "quoted"))
        tail = next((t for t in INITIATIVE_TAILS if after.startswith(t)), None)
        if tail:
            found.append(ctx.mention("Initiative", m.start(), m.end() + len(tail), "quoted+tail"))
    return found


@cache
def _long_phrases(phrases: frozenset[str]) -> tuple[str, ...]:
    return tuple(p for p in phrases if len(p) >= 3)


def _only_set_phrases(inner: str, phrases: frozenset[str]) -> bool:
    """Whether a quotation is made of set phrases alone, listed or run together."""
    rest = SEPARATORS.sub("", inner)
    for phrase in sorted((p for p in phrases if len(p) >= 2 and p in rest), key=len, reverse=True):
        rest = rest.replace(phrase, "")
    return not rest and SEPARATORS.sub("", inner) != ""


def find_documents(ctx: Context) -> list[Mention]:
    return [ctx.mention("PolicyDocument", m.start(1), m.end(1), "book-title") for m in BOOK.finditer(ctx.text)]


# 平安顺德, 平安中原: the campaign for a safe district, named after the district
SAFE_AREA = re.compile(r"平安([\u4e00-\u9fff]{2,3})(?=[，,、。；;”\s]|建设)")


def find_programmes(ctx: Context) -> list[Mention]:
    """National strategies and campaigns a report names (``data/lexicon/programmes.txt``), as words of their own,
    and 平安 + the area's name.

    >>> from tests.conftest import doc
    >>> [m.text for m in find_programmes(Context(doc("全面推进乡村振兴,共抓长江大保护,深化平安桃江建设。")))]
    ['乡村振兴', '长江大保护', '平安桃江']
    """
    from ..lexicon import programme_finder

    bounds = ctx.token_bounds
    found = [ctx.mention("Initiative", s, e, "programme") for s, e in programme_finder().find(ctx.text)
             if s in bounds and (e in bounds or e == len(ctx.text))]
    for m in SAFE_AREA.finditer(ctx.text):
        if ctx.lexicon.is_place_name(m.group(1)):
            found.append(ctx.mention("Initiative", m.start(), m.end(), "programme"))
    return found
