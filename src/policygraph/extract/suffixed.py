"""Names recognised by their type-marking ending (产业园, 街道, 有限公司, 推进会 ...).

The endings and their types are general knowledge in ``data/lexicon/suffixes.tsv``; the start of
each name is found by :func:`~policygraph.extract.names.name_start`.
"""

from __future__ import annotations

import re
from functools import cache

from ..labels import GENERIC
from ..model import Mention
from ..text import frequencies, tokens, word_tag
from .base import CJK, Context
from .names import NAME_PART_CHARS, OFFICIAL_IN_NAME, PUNCT, RARE, STOP_WORDS, is_named, name_start

# Events carry years, ordinals and sessions in their names (2023年…第一次观摩推进会, 十二届四次全体(扩大)会议).
EVENT_STOP = STOP_WORDS - set("""
年 第 次 届 全区 全市 全省 全国 重点 项目 建设 工作 集中 签约 新 大 全 观摩 发展 代表 经济 高质量 民营 开工 竣工 投产 开业 揭牌 启动 开幕 闭幕 推进 招商 表彰 总结
加快 贯彻
""".split())  # 加快推进…全市贯彻“六稳”重大项目集中开工推进会: a meeting may be named by what it pushes
EVENT_PUNCT = frozenset(PUNCT - set("()·“”"))  # 郑州市第七期“三个一批”项目签约活动: a programme inside the name
# Programmes are named with the work they do (民生保障改善工程, 十大重点建设项目带动工程, 养老服务提升行动):
# inside such a name these verbs are nouns; the verb that introduces it (实施, 深化, 开展) still ends it.
PROGRAMME_STOP = STOP_WORDS - set("""
发展 建设 服务 保障 提升 培育 带动 改造 优化 重点 示范 创建 引领 打造 促进 完善 强化
""".split())
MAX_CHARS = {"Event": 72, "Project": 32, "PolicyDocument": 36}  # 甲会议暨乙仪式: two events in one name
JOINERS = frozenset("·•")
# 活动 ends an event's name only where the name dates or numbers it (第七期…签约活动, 2022…主会场活动) or the text
# says it was held (开展答谢企业走访送祝福活动); a quoted programme's 活动 is the programme (“万人助万企”活动)
HELD = re.compile(r"(?:开展|举办|举行|组织|启动|召开)$")
GENERIC_EVENT = re.compile(r"^(?:本次|此次|该|这次|昨天|今天|当天|昨日|今日)?(?:集中|现场|项目)?(?:签约|开工|启动|揭牌|开幕|竣工|投产)*(?:活动|仪式|会议|大会)$")
HELD_AFTER = re.compile(r"(?:在[^，,。；;]{2,20}?)?(?:隆重|正式|盛大)?(?:举行|举办|开幕|启动)")
HELD_VERB = re.compile(r"开展|举办|举行|组织|启动|召开")
DATED = re.compile(r"\d{4}|\d{1,2}月份?|第[一二三四五六七八九十\d]+[期届次]")
NEEDS_PROPER_PART = {"Project", "Place", "Park", "DevelopmentZone", "Organization", "Enterprise", "Subdistrict"}
# Words that end like a name but are common nouns (projects named by stage or rank: GENERIC_PROJECT below).
NOT_NAMES = frozenset("""
新建项目 工业项目 好项目 大项目 该项目 此项目 项目 工程 产业园区 园区 街道 社区 会议 大会 活动 公司 集团
企业集团 中心 办事处 系统工程 一号工程 公园 广场 片区 板块 新城 小区 新区 开发区 经开区
高新区 管委会 委员会 小镇 仪式 改革 深化改革 全面深化改革 行动 专项行动 战略 试点 保卫战 攻坚战 综合改革
体制改革 机制改革 各项改革 重点改革
""".split())
# A project or works named only by its stage, rank or field (计划新开工项目, 省市重点项目, 竣工投产项目) is a class
# of projects that a count or a portfolio is about, not a named project.
GENERIC_PROJECT = re.compile(r"^(?:计划|新|续建|前期|开工|竣工|投产|签约|在建|在库|储备|实施|重点|重大|落地|达效|拟建|已建|集中|"
                             r"省市|省级|市级|区级|产业|主导产业|民生|招商|建设|全部|其余|其他|"
                             r"路桥|道路|水利|市政|管网|绿化|基础设施|配套|产业化)+(?:项目|工程)$")


# Where walking left meets the end of another kind of name, this name has begun.
_AREA_ENDINGS = frozenset(("街道", "办事处", "社区", "园", "园区", "片区", "板块", "新城"))
BARRIERS = {"Place": _AREA_ENDINGS, "Subdistrict": frozenset(("街道", "办事处")), "Park": frozenset(("街道", "办事处"))}
STRIP_COUNTY = {"Park", "Place", "Subdistrict", "DevelopmentZone"}


WAY_NAMED = re.compile(r"[路街村寨庙]$")  # a subdistrict named after its road or village
COUNT_AFTER = re.compile(r"\d+(?:\.\d+)?[个所家座条项处]")
COUNTED = re.compile(r"(?:\d+|[一二三四五六七八九十百千两]+)(?:个|家|所|项|座|条|批)$")
STRIP_LEADING_VERBS = {"Project", "Initiative", "Park", "Place", "Event", "Organization", "DevelopmentZone"}
TAG_STRIPPED = {"Project", "Place"}  # programme and park names often start with a verb-like word (创新驱动…)
LEADING_TAGS = ("v", "d", "p", "c", "r", "ad", "u")
LEADING_WORDS = sorted((w for w in STOP_WORDS if len(w) >= 2), key=len, reverse=True)


EVENT_LEADING_WORDS = [w for w in LEADING_WORDS if w in EVENT_STOP]  # 全区…大会: 全区 names the event


@cache
def _by_first_character(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The words by their first character, longest first: one dictionary lookup instead of a scan of them all."""
    index: dict[str, list[str]] = {}
    for w in words:
        index.setdefault(w[0], []).append(w)
    return {c: tuple(ws) for c, ws in index.items()}


def _without_leading_verbs(text: str, start: int, ending: int, by_tag: bool, words: list[str] = LEADING_WORDS) -> int:
    """抓牢项目 / 实施国棉三厂…街区 / 深化改革创新工程: the verb that introduces a name is not part of it."""
    by_first = _by_first_character(tuple(words))
    while True:  # a fused token (深化改革创新) still starts with the verb
        word = next((w for w in by_first.get(text[start], ()) if text.startswith(w, start)
                     and ending - start - len(w) >= 2 and text[start + len(w)] not in NAME_PART_CHARS), None)
        if word is None:
            break
        start += len(word)
    if not by_tag:
        return start
    for tok, s, _ in tokens(text[start:ending]):
        tag = word_tag(tok)
        # a one-character "verb" opening a name is mostly jieba cutting the name (探|十里购物中心), unless it is a
        # function word (在, 把)
        single = len(tok) == 1 and tok not in STOP_WORDS
        if tag == "vn" or not tag.startswith(LEADING_TAGS) or single or start + s >= ending - 1:
            return start + s
    return ending


def _without_county_prefix(text: str, start: int, ending: int, kind: str, places: dict) -> int:
    """中原区二砂文创园 → 二砂文创园: a district's name in front of a park or place is context, not name."""
    if kind not in STRIP_COUNTY:
        return start
    for n in range(2, 8):
        head = text[start:start + n]
        county = head in places and (head[-1] in "区县" or (  # 福清市 is a county-level city
            head[-1] == "市" and any(d.level == "county" for d in places[head])))
        if county and ending - (start + n) >= 2:
            return start + n
    return start


def _endings(ctx: Context) -> list[tuple[int, int, str]]:
    """(ending start, ending end, type) for every occurrence, the longest ending at each end position."""
    text = ctx.text
    best: dict[int, tuple[int, str]] = {}
    for ending, kind in ctx.lexicon.suffixes:  # longest first
        pos = text.find(ending)
        while pos >= 0:
            end = pos + len(ending)
            if end not in best:
                best[end] = (pos, kind)
            pos = text.find(ending, pos + 1)
    return sorted((start, end, kind) for end, (start, kind) in best.items())


ENUMERATION = re.compile(r"(?:[一二三四五六七八九十]是|首先|其次|同时|此外|另外)")
PLAIN_NAMED = {"Project", "Park", "DevelopmentZone", "Place", "Subdistrict"}
PARTICLES = re.compile(r"[了的着]")
CONJUNCTION = re.compile(r"[与和及、]")
LEADING_COUNT = re.compile(r"(?:\d+|[一二三四五六七八九十百千两]+)(?:个|家|所|项|座|条|批|处|名)")  # 9所中小学
YEAR_LEAD = re.compile(r"20\d\d年")
MEASURED = re.compile(r"\d+(?:\.\d+)?(?:万|千)?(?:平方米|亩|公里|米|个|所|家)")  # 5000平方米以上公园: a size, not a name
PREPOSITIONS = set("以在把将对为从向")


def find_suffixed(ctx: Context) -> list[Mention]:
    found: list[Mention] = []
    unproven: list[tuple[int, int, str]] = []  # look like names but have no rare word: kept if listed with names
    for start_of_ending, end, kind in _endings(ctx):
        start = _name_start(ctx, start_of_ending, end, kind)
        if start is None or _a_phrase(ctx, start, start_of_ending, end, kind):
            continue
        if kind == "Initiative" and ctx.text.startswith("工程", start_of_ending) and _built_somewhere(ctx, start, start_of_ending):
            kind = "Project"  # 西溪湿地综合保护工程 is works on a place; 数字经济一号工程 is a programme
        if _proven(ctx, start, start_of_ending, end, kind):
            found.append(ctx.mention(kind, start, end, "suffix"))
        else:
            unproven.append((start, end, kind))
    found += [ctx.mention("Event", m.start(), m.end(), "congress") for m in PARTY_CONGRESS.finditer(ctx.text)]
    return found + _listed_with_names(ctx, found, unproven)


def _name_start(ctx: Context, start_of_ending: int, end: int, kind: str) -> int | None:
    """Where the name that ends with the ending at ``start_of_ending`` begins, or None when nothing precedes it."""
    text = ctx.text
    sent = ctx.sentence_of(start_of_ending)
    event = kind == "Event"
    start = name_start(text, start_of_ending, sent.start, max_chars=MAX_CHARS.get(kind, 20),
                       stop=EVENT_STOP if event else PROGRAMME_STOP if kind in ("Initiative", "Project") else STOP_WORDS,
                       punct=EVENT_PUNCT if event else PUNCT,
                       first_free=kind in ("Enterprise", "Organization", "Project", "Initiative"),
                       barriers=BARRIERS.get(kind, frozenset()), max_tokens=30 if event else 8,
                       joiners=JOINERS if kind in ("Park", "Project") else frozenset(),
                       place_brackets=kind == "Enterprise", cut=ctx.span_tokens)
    if event and text.startswith("活动", start_of_ending):
        start = _held_activity_start(text, start, start_of_ending, sent.start)
    start = _without_county_prefix(text, start, start_of_ending, kind, ctx.lexicon.divisions_by_name)
    if start >= start_of_ending:
        return None
    if kind in STRIP_LEADING_VERBS:
        start = _without_leading_verbs(text, start, start_of_ending, by_tag=kind in TAG_STRIPPED,
                                       words=EVENT_LEADING_WORDS if event else LEADING_WORDS)
    if kind == "Organization" and text[start] in STOP_WORDS and GENERIC.match(text[start + 1:end]):
        start += 1  # 受区人民政府委托: 受 introduces the body
    if kind == "Organization":  # 无锡高新区管委会新吴区人民政府: two bodies written one after the other
        inner = [m.end() for m in BODY_END.finditer(text, start, start_of_ending) if start_of_ending - m.end() >= 3]
        if inner:
            start = inner[-1]
    if kind == "Enterprise" and text[start] in PREPOSITION_CHARS and start_of_ending - start >= 3:
        start += 1  # 由江投控股集团统筹: jieba may fuse the preposition with the firm's first character
    enumerated = ENUMERATION.match(text, start, start_of_ending)
    if enumerated:  # 一是开发区…: the list marker is not part of the name
        start = enumerated.end()
    dated = YEAR_LEAD.match(text, start, start_of_ending)
    if dated and kind in PLAIN_NAMED:  # 2023年老旧小区: the year dates the work, it does not name a place
        start = dated.end()
    joins = [m.end() for m in CONJUNCTION.finditer(text, start, start_of_ending)] if kind == "Enterprise" else []
    return joins[-1] if joins else start  # 腾讯官方与市城建集团: the firm is what follows the last 与


def _a_phrase(ctx: Context, start: int, start_of_ending: int, end: int, kind: str) -> bool:
    """Whether what the walk found is a phrase, a list, a count or a kind of thing rather than a name."""
    text = ctx.text
    body, name = text[start:start_of_ending], text[start:end]
    if "\n" in body or body.endswith("等") or (kind in PLAIN_NAMED and (
            PARTICLES.search(body) or body[:1] in PREPOSITIONS or MEASURED.search(body))):
        return True  # 吹响了项目, 梯次接续的项目, 以大项目, X等项目: a phrase or a list, not a name
    if (not body or name in NOT_NAMES or GENERIC_PROJECT.match(name)
            or (kind == "Project" and GENERIC_PROJECT.match(
                BATCH_TIME.sub("", _without_divisions(ctx, BATCH_TIME.sub("", name)))))
            or (not CJK.search(body) and not text[start].isalnum())):
        return True
    if kind == "Initiative" and text.startswith(("委员会", "委", "局", "办"), end):
        return True  # 发展和改革委员会: 改革 here is part of a commission's name
    if COUNTED.search(body) or LEADING_COUNT.match(text, start, start_of_ending) or COUNT_AFTER.match(text, end):
        return True  # 11个项目, 7所幼儿园, 中小学8所: a count of things, not a name
    if kind in NEEDS_PROPER_PART and OFFICIAL_IN_NAME.search(body):
        return True  # 区长杨小菁介绍开工项目, 市委书记王祺扬宣布项目, 周海兵一行来到项目: a clause, not a name
    if kind == "Project" and _without_divisions(ctx, body) in LEADING_WORDS_SET:
        return True  # 力争项目, 桃江县召开项目(推进会): a verb before the word 项目
    if kind in ("Project", "Initiative") and ("“" in name or "一批" in name):
        return True  # “三个一批”项目: projects of a programme, not a named project
    if kind == "Initiative" and (len(body) < 2 or end not in ctx.token_bounds
                                 or _not_a_programme_body(ctx, start, start_of_ending)):
        return True  # 运动会 holds no 运动, 改革开放 no 改革
    if kind == "Event" and not _an_event(ctx, start, start_of_ending, end):
        return True
    # 镇, 乡: one character ends a name only where it ends a word (龙湖镇, not 乡村 or 城镇化)
    return end - start_of_ending == 1 and (end not in ctx.token_bounds or len(body) < 2)


PREPOSITION_CHARS = frozenset("由被向对在从将为")
BODY_END = re.compile(r"管委会|人民政府|党工委|委员会")
LEADING_WORDS_SET = frozenset(LEADING_WORDS) | {"宣布", "介绍", "力争", "推动", "谋划", "签约", "开工"}


# 本月|襄州区|集中开工项目, 南海区|2022年|重大项目, 襄州|7月份|新开工项目: a batch named by its area and time
BATCH_TIME = re.compile(r"^(?:本月|本季度|今年|去年|全年|(?:19|20)\d\d年|\d{1,2}月份?|[一二三四]季度)+")


def _without_divisions(ctx: Context, body: str) -> str:
    """The body without the divisions that open it (益阳市桃江县召开 → 召开, 襄州7月份 → 7月份)."""
    a_division = ctx.lexicon.is_place_name  # 襄州 for 襄州区: a county is written without its level word too
    while True:
        head = next((body[:n] for n in range(min(len(body) - 1, 8), 1, -1) if a_division(body[:n])), None)
        if head is None:
            return body
        body = body[len(head):]


INVESTED_BEFORE = re.compile(r"投资[\d.]+(?:亿|万)元的$")
INVESTED_AFTER = re.compile(r"[,，]?(?:计划)?总投资[\d.]+(?:亿|万)元")
SUBDISTRICT_BODY = re.compile(r"镇长|乡长|党委|党工委|人民政府|政府|街道办|办事处|人大")


def _proven(ctx: Context, start: int, start_of_ending: int, end: int, kind: str) -> bool:
    """Whether the name has something that makes it one thing's name: a rare word, a registered legal form, a
    road (建设路街道), an industry (新材料产业园区); kinds that need none always are."""
    text = ctx.text
    if kind not in NEEDS_PROPER_PART:
        return True
    if kind == "Enterprise" and text[start_of_ending:end].endswith("有限公司"):
        return True  # a registered legal form is proof enough of a name
    if kind == "Subdistrict" and WAY_NAMED.search(text, start, start_of_ending):
        return True
    if kind == "Project" and (INVESTED_BEFORE.search(text, max(0, start - 16), start)
                              or INVESTED_AFTER.match(text, end)):
        return True  # 投资4亿元的X项目, X项目总投资3亿元: a project with its own investment is one project
    if kind == "Subdistrict" and (SUBDISTRICT_BODY.match(text, end) or text.count(text[start:end]) >= 2):
        return True  # 里水镇镇长, 里水镇党委, or a town the report names again: a town's name, not a word
    if kind in ("Park", "DevelopmentZone") and text[start:start_of_ending] in ctx.lexicon.industries:
        return True
    words = [t for t, _, _ in ctx.span_tokens(start, start_of_ending)]
    return is_named(words, frequencies(), ctx.lexicon.divisions_by_name, RARE.get(kind, 200))


ORDINAL_ONLY = re.compile(r"^第?[一二三四五六七八九十\d]+[次届期]$")
BARE_EVENT_ENDINGS = frozenset(("会议", "大会", "全会", "活动", "仪式"))
# 党的二十大, 党的二十届三中全会: the Party's national congress and its plenums
PARTY_CONGRESS = re.compile(r"党的[一二三四五六七八九十]+(?:大|届[一二三四五六七八九十]+中全会)")


PLACE_WORDS = re.compile(r"[河湖江山桥路街]|湿地|水库|隧道|管廊|渠")


def _built_somewhere(ctx: Context, start: int, end: int) -> bool:
    """Whether the words before 工程 name a place (a river, a lake, a road, a division): works, not a programme."""
    for tok, _, _ in ctx.span_tokens(start, end):
        if tok in ctx.lexicon.divisions_by_name or word_tag(tok) == "ns" or (len(tok) >= 2 and PLACE_WORDS.search(tok[-2:])):
            return True
    return False


def _held_activity_start(text: str, start: int, start_of_ending: int, floor: int) -> int:
    """开展答谢企业走访送祝福活动: what lies between the verb that holds an activity and 活动 names it, verbs and all."""
    window_start = max(floor, start_of_ending - 20)
    held = [m for m in HELD_VERB.finditer(text, window_start, start) if not any(c in PUNCT for c in text[m.end():start])]
    if not held:
        return start
    return held[-1].end() + (text[held[-1].end()] == "好")  # 开展好…活动


def _an_event(ctx: Context, start: int, start_of_ending: int, end: int) -> bool:
    """重大赛事 has no 大赛 in it (the ending cuts a word); 活动 needs a date, a number or a verb that holds it."""
    text = ctx.text
    if end not in ctx.token_bounds:
        return False  # 治水大会|战: the ending must close a word
    if text[start_of_ending:end] in BARE_EVENT_ENDINGS and ORDINAL_ONLY.match(text[start:start_of_ending]):
        return False  # 三次会议: a session's number is not its name (第一次全体(扩大)会议 is)
    if GENERIC_EVENT.match(text[start:end]):
        return False  # 签约活动, 开工仪式: the report referring to its event, not a name
    if text[start_of_ending:end] == "活动":
        if (text[start] == "“" and text[start_of_ending - 1] == "”") or "的" in text[start:start_of_ending]:
            return False
        dated = bool(DATED.search(text, start, start_of_ending))
        if "“" in text[start:start_of_ending]:
            return dated  # 开展好“三个一批”重大项目建设活动 is the programme's work; its 第七期 签约活动 is an event
        held_after = bool(HELD_AFTER.match(text, end))  # 签约专场活动举行: the text says it was held
        return dated or held_after or bool(HELD.search(text[max(0, start - 3):start]))
    return True


def _not_a_programme_body(ctx: Context, start: int, end: int) -> bool:
    """有效的战略, 多重国家重大战略和改革, 用好改革, 始终保有战略: a particle, a trailing conjunction, or only
    verbs, adverbs and adjectives before the ending make a phrase, not a programme's name."""
    body = ctx.text[start:end]
    if PARTICLES.search(body) or body[-1] in "和与及或":
        return True
    return all(word_tag(tok).startswith(("v", "d", "p", "c", "a", "u", "r")) and word_tag(tok) != "vn"
               for tok, _, _ in ctx.span_tokens(start, end))


def _listed_with_names(ctx: Context, found: list[Mention], unproven: list[tuple[int, int, str]]) -> list[Mention]:
    """Candidates coordinated by 、 with a proven name of the same type are names too: in 祥云板块、圃田生态新城板块
    the first is rare enough to be a name, so the second is one of the same list."""
    named = {(m.start, m.end, m.type) for m in found}
    added: list[Mention] = []
    changed = True
    while changed:
        changed = False
        for start, end, kind in unproven:
            if (start, end, kind) in named:
                continue
            after = ctx.text[end:end + 1] == "、" and any(s == end + 1 and k == kind for s, _, k in named)
            before = ctx.text[start - 1:start] == "、" and any(e == start - 1 and k == kind for _, e, k in named)
            if after or before:
                named.add((start, end, kind))
                added.append(ctx.mention(kind, start, end, "suffix-listed"))
                changed = True
    return added
