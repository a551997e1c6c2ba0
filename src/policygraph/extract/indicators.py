"""Indicators: targets, results and plans as area × year × indicator × value observations.

Reads clauses such as ``地区生产总值增长7%`` (in a targets sentence: a target),
``全区生产总值完成765.3亿元，同比增长1.9%`` (a result), ``同比下降2.6%`` (−2.6) and portfolios
``谋划重大项目251个，总投资2800亿元，年度计划投资超400亿元`` (a plan).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from ..lexicon import division_finder, lexicon
from ..model import Evidence, Observation
from .base import Context
from .facts import Facts, Found

NUMBER = r"(\d+(?:\.\d+)?)"
UNITS = "万亿元|亿元|万元|亿美元|万美元|美元|元|万平方米|平方米|万吨|吨|万人|万家|万户|个|家|人|亩|所|套|项|%"
GROWTH = re.compile(rf"(增长|下降|增速|提高|回落|降低|上涨|涨幅|增幅)\**(?:了)?(?:为)?{NUMBER}(%|个百分点)")
LEVEL = re.compile(rf"(?:完成|实现|达到|达|为|突破|超过|超|共|累计|计|控制在|稳定在|保持在|不少于|不低于)?(?:近|约|逾|超)?{NUMBER}({UNITS})")
# A count written before its noun: 37个省市重点项目, 101个灾后重建项目 (named 省市重点项目数).
COUNT_FIRST = re.compile(rf"{NUMBER}(个|家|项|所)((?:[\u4e00-\u9fff“”]{{0,10}}?)(?:项目|企业|单位))(?![\u4e00-\u9fff]{{0,2}}[个家])")
# A count before the verb of what happened to it: 上汽发动机二期等148个项目开工建设 (开工项目数).
COUNT_THEN_VERB = re.compile(rf"{NUMBER}(个|家|项)(项目|企业)(?:集中)?(竣工投产|开工|竣工|投产|签约|落地|建成|入驻|达效)")
# Rates coordinated by 、 and given one value: 开工率、投产率、达效率均达100% (three observations).
RATES_SHARING = re.compile(rf"((?:[\u4e00-\u9fff]{{1,6}}率、)+[\u4e00-\u9fff]{{1,6}}率)均(?:达到|达|为|实现|保持)?{NUMBER}%")
# 城镇居民、农村居民人均可支配收入分别增长7%、8%: one figure to each name, in order, sharing the last one's ending
RESPECTIVELY = re.compile(rf"((?:[\u4e00-\u9fff]{{2,8}}、)+[\u4e00-\u9fff]{{2,20}}?)分别"
                          rf"(增长|下降|提高|达到|达|为|完成|实现)?((?:{NUMBER}(?:%|{UNITS})?、)+{NUMBER}({UNITS}))")
CLAUSE = re.compile(r"[^，,；;。：:]+")
# A heading cue makes the rest of its sentence targets (2023年主要预期目标是：…); a clause cue (力争, 预计)
# makes its own clause and the ones after it targets, not the figures reported before it.
TARGET_HEADING = re.compile(r"预期目标|目标是|目标为|主要目标|计划实现")
TARGET_LEAD = re.compile(r"(?:目标|任务|预期)(?:是|为)[:：]?")
TARGET_CLAUSE = re.compile(r"力争|确保|预计|预期|争取|目标")
# 预计 of a year already ended is an estimate of a result, not a target (guideline: 预计 … for the year just ended)
ESTIMATE = re.compile(r"预计")
TARGET_TRAILING = re.compile(r"(?:的|为)(?:发展|主要|预期)?目标[。；;]?$")  # …增长13%的发展目标。
# A paragraph that opens with a year sets the year of what follows (2022年是…极不平凡的一年 → the
# results after it are 2022's), until another paragraph opens with a year or a headline starts a new piece.
YEAR_OPENING = re.compile(r"^(?:[一二三四五六七八九十]+、)?(20\d\d)年(?!\d{1,2}月)")  # 一、2022年…执行情况 too
LAST_YEAR_OPENING = re.compile(r"^(?:过去一年|一年来|去年)")
PLAN = re.compile(r"计划投资|谋划|计划总投资|储备")  # a year's portfolio; a batch at an event is reported, not planned
DONE = re.compile(r"完成投资|完成率|已完成|占年度")  # what a portfolio reached is a result, even in a planning sentence
ANNUAL_PLAN = re.compile(r"年度计划投资|年内计划投资|年度投资计划|年计划投资")  # always the year's plan, batch or not
# a batch that happened: the projects started, signed, finished at a reported event (开工项目有89个)
HAPPENED = re.compile(r"(?:[一二三四]季度|上半年|下半年|本月|本周|此次|本次|当天|今天|昨天|\d{1,2}月份?)[^。；;]{0,10}?"
                      r"(?:开工|签约|竣工|投产|落地)(?:项目|企业)")
YEAR = re.compile(r"(20\d\d)年")
LEAD_WORDS = re.compile(r"^(?:20\d\d年|(?:截至|截止到?|至)\d{1,2}月(?:底|末)?|\d{1,2}[—–-]\d{1,2}月|今年|去年|上年|初步统计|其中|目前|当前|此次|本次|全区|全市|全县|全年|全省|财政|实现|完成|累计|共|新增的|预计|力争|确保|[一二三四五六七八九十]+要)+")
DONE_SO_FAR = re.compile(r"(?:累计)?完成(?:投资|产值)$")
STRIP = re.compile(r"(?:同比|完成|实现|达到|达|为|突破|超过|超|共|累计|计|了|近|约|逾|控制在|不少于|不低于)+$")
# The area that reports a figure is not part of the figure's name (中原区共谋划重大项目 → 谋划重大项目).
AREA_LEAD = re.compile(r"^(?:全区|全市|全县)?(?:共|累计|全年)?")
COUNT_UNITS = {"个", "家", "项", "所", "套"}
BATCH = re.compile(r"一批|第.期|批次|[首一二三四五六七八九十]批|集中(?:签约|开工|投产)|现场签约")
# What an indicator's name ends with: an amount, a rate, a count (地区生产总值, 开工率, 项目数, 总投资).
INDICATOR_END = re.compile(r"(总值|增加值|投资|总额|收入|支出|产值|营收|利润|税收|率|数|额|量|面积|人数|就业|规模|强度|占比|"
                           r"指数|价格|外资|内资|消费|出口|进口|贸易|项目|企业|主体|资金|融资|土地|人口|户数|亩)$")
VERBISH = re.compile(r"[，。的在把将要以]|建设|推进|推动|加快|实施|打造|坚持")
NOT_VERBISH = re.compile(r"以上|以下|以内|在库|在建|^实施(?=项目数?$)")  # 规模以上工业增加值, 实施项目数 are names


def _verbish(name: str) -> bool:
    """A phrase with a verb or particle in it (加快建设项目), not a name (规模以上工业增加值, 实施项目数)."""
    return bool(VERBISH.search(NOT_VERBISH.sub("", name)))


def _indicator_name(clause: str, value_start: int, unit: str = "", split_list: bool = False) -> str:
    """The words before a figure, less lead words and the reporting area; a count is named as one.

    >>> _indicator_name("中原区共谋划重大项目251个", 10, "个"), _indicator_name("新增市场主体近2万家", 7, "万家")
    ('谋划重大项目数', '新增市场主体')
    >>> _level_before("全省地区生产总值48810亿元、增长8.0%", 16)
    '地区生产总值'

    """
    name = clause[:value_start].strip("*").replace("“", "").replace("”", "")
    name = TARGET_LEAD.split(name)[-1]  # 主要目标是地区生产总值增长6%: the indicator follows the cue
    if split_list and "、" in name and re.search(r"\d", name):
        name = name.rsplit("、", 1)[1]  # 工业总产值突破1.2万亿元、进出口总额增长7.1%: after a figure, the next name
        if len(name) < 2:
            return ""  # 地区生产总值48810亿元、增长8.0%: the rate has no name of its own (see _level_before)
    counted = list(COUNT_FIRST.finditer(name))
    if counted:  # 101个灾后重建项目完成投资: the figure is about the counted projects
        name = name[counted[-1].start(3):]
    name = re.sub(r"\([^)]*\)", "", name)
    done = DONE_SO_FAR.search(name)
    name = LEAD_WORDS.sub("", name)
    name = STRIP.sub("", name)
    leading = division_finder().find(name[:12])
    stripped = AREA_LEAD.sub("", name[leading[0][1]:] if leading and leading[0][0] == 0 else name)
    if len(stripped) >= 2:
        name = stripped
    if done and len(name) <= 2:
        name = done.group()  # 至8月底累计完成投资: 投资 alone would lose what the figure counts
    if unit in COUNT_UNITS and re.search(r"(项目|企业|主体|单位|学校|园区)$", name):
        name += "数"
    return name.strip()


# 去年 as the time of the figures, not in a comparison (比去年同期高出5.2个百分点, 较上年增长)
LAST_YEAR = re.compile(r"(?<![比较于同])(?:去年|上年)(?!同期)|过去一年|一年来")


def _year(sentence: str, context_year: int | None) -> int | None:
    years = [int(y) for y in YEAR.findall(sentence)]
    if years:
        return years[0]
    if context_year and LAST_YEAR.search(sentence):
        return context_year - 1
    return context_year


def paragraph_years(text: str, doc_year: int | None) -> list[tuple[int, int | None]]:
    """(paragraph start, year its figures are about), from year openings and headlines.

    >>> paragraph_years("2022年是极不平凡的一年。\\n生产总值完成765亿元。\\n2023年重点项目推进会\\n签约32个。", 2023)
    [(0, 2022), (15, 2022), (28, 2023), (41, 2023)]
    """
    out = []
    year = doc_year
    start = 0
    for para in text.split("\n"):
        m = YEAR_OPENING.match(para)
        if m:
            year = int(m.group(1))
        elif doc_year and LAST_YEAR_OPENING.match(para):
            year = doc_year - 1
        elif len(para) <= 30 and not re.search(r"[，。；,;]", para):  # a headline: a new piece begins
            year = doc_year
        out.append((start, year))
        start += len(para) + 1
    return out


# A work report's section of the coming year's measures (四、2023年经济社会发展的主要工作措施): its amounts are
# the year's plan. A heading of the same rank that is not one ends it.
MEASURES_HEADING = re.compile(r"^[一二三四五六七八九十]+、.*(?:工作措施|工作安排|主要任务|重点任务|工作打算|重点工作|工作部署)")
TOP_HEADING = re.compile(r"^[一二三四五六七八九十]+、")


def measures_sections(text: str) -> list[tuple[int, bool]]:
    """(paragraph start, whether the paragraph is in a section of planned measures).

    >>> measures_sections("一、2022年工作回顾\\n完成765亿元。\\n二、2023年主要工作措施\\n实施42个项目。\\n三、保障\\n")
    [(0, False), (12, False), (21, False), (35, True), (44, False), (49, False)]
    """
    out = []
    start = 0
    inside = False
    for para in text.split("\n"):
        heading = len(para) <= 40 and bool(TOP_HEADING.match(para))
        if heading:
            inside = bool(MEASURES_HEADING.match(para))
        out.append((start, inside and not heading))
        start += len(para) + 1
    return out


OUTCOME = re.compile(r"达产后|达效后|建成后|投产后|投用后|可实现|预计实现|拉动")  # a project's promise, not the area's figure


def observation_facts(found: Found) -> Facts:
    """The area's figures (and those of another area a sentence opens with)."""
    entities = found.entities
    owned = [(m.start, m.end) for e in entities.values() if e.types & {"Project", "Enterprise"} for m in e.mentions]
    areas = sorted((m.start, m.end, k) for k, e in entities.items()
                   if e.types & {"AdministrativeDivision", "DevelopmentZone", "Subdistrict"} for m in e.mentions)
    return Facts(observations=find_observations(found.ctx, found.area, owned, areas))


def find_observations(ctx: Context, area: str | None, owned: list[tuple[int, int]] = (),  # type: ignore[assignment]
                      areas: list[tuple[int, int, str]] = ()) -> list[Observation]:  # type: ignore[assignment]
    """The area's figures in the document. ``owned`` are spans naming projects and enterprises: a figure
    in the same clause after such a name (X项目累计完成投资31.76亿元) is that project's, not the area's."""
    if not area:
        return []
    found: list[Observation] = []
    target_para: int | None = None
    target_year: int | None = None
    doc_year = ctx.document.year
    stem = re.sub(r"(?:区|县|市|镇|街道)$", "", next((ctx.text[s:e] for s, e, k in areas if k == area), ""))
    years = paragraph_years(ctx.text, ctx.document.year)
    measures = measures_sections(ctx.text)
    starts = [start for start, _ in years]  # both tables have one row per paragraph, in order
    # a headline's figures round the body's (70亿 / 70.1亿): the body's statements are read first
    ordered = sorted(ctx.sentences, key=lambda s: _headline_line(ctx.text, s.start, s.end))
    for sent in ordered:
        para = bisect_right(starts, sent.start) - 1
        context_year = years[para][1] if para >= 0 else ctx.document.year
        planned = measures[para][1] if para >= 0 else False
        heading = bool(TARGET_HEADING.search(sent.text) or TARGET_TRAILING.search(sent.text))
        year = _year(sent.text, context_year)
        # a targets heading (主要预期目标是：) makes the rest of its paragraph targets, sentence after sentence,
        # while they are about the heading's year (2022年，全区生产总值完成… after it reports results)
        if heading:
            target_para, target_year = para, year
        elif para != target_para or year != target_year:
            target_para = None
        heading_target = heading or target_para == para
        # a year's portfolio (共实施项目393个，总投资…，年度计划投资…) is planned as a whole
        batch = bool(BATCH.search(sent.text) or HAPPENED.search(sent.text))
        portfolio = planned or (bool(PLAN.search(sent.text)) and not batch)
        if year is None:
            continue
        sentence_area = _area_named_before(ctx, area, areas, sent.start, sent.end, stem)
        last_name = ""
        clause_target = False
        for cm in CLAUSE.finditer(sent.text):
            clause = cm.group()
            if cm.start() and sent.text[cm.start() - 1] in "；;":  # a new item of a list
                clause_target = False
            estimate = bool(ESTIMATE.search(clause)) and ctx.document.year is not None and year < ctx.document.year
            clause_target = (clause_target or bool(TARGET_CLAUSE.search(clause))) and not estimate
            status = "target" if heading_target or clause_target else "actual"
            done = bool(DONE.search(clause))
            planned_here = (portfolio and (doc_year is None or year >= doc_year)) or ANNUAL_PLAN.search(clause)
            clause_status = "plan" if planned_here and not done and status != "target" else status
            clause_start = sent.start + cm.start()
            if OUTCOME.search(clause):
                continue

            named = [(s - clause_start, e - clause_start) for s, e in owned
                     if clause_start <= s < clause_start + len(clause)]  # names in this clause, clause offsets

            for m in COUNT_FIRST.finditer(clause):
                if _owned(clause, named, m.start()):
                    continue
                name = LEAD_WORDS.sub("", m.group(3).replace("“", "").replace("”", "")) + "数"
                # a bare 6个项目 in a list is not a headline figure; 37个省市重点项目 is, and so is a batch counted
                # with its total investment (6个项目总投资311.6亿元)
                totalled = TOTALLED.match(sent.text, cm.start() + m.end())
                if (len(name) >= 5 or totalled) and float(m.group(1)) > 1 and not _verbish(name):
                    found.append(_obs(ctx, sentence_area, name, "level", year, float(m.group(1)), m.group(2), clause_status,
                                      m.group(), sent.start + cm.start() + m.start(), sent.index))
            for m in COUNT_THEN_VERB.finditer(clause):
                if float(m.group(1)) > 1 and not _owned(clause, named, m.start()):
                    found.append(_obs(ctx, sentence_area, m.group(4) + m.group(3) + "数", "level", year, float(m.group(1)),
                                      m.group(2), clause_status, m.group(), sent.start + cm.start() + m.start(), sent.index))
            for m in RATES_SHARING.finditer(clause):
                rates = m.group(1).split("、")
                # the first rate's name may begin before the match (城区功能性亮灯率): read it like any name
                first = _indicator_name(clause, m.start() + len(rates[0]))
                if first.endswith(rates[0]) and len(first) <= 20 and not _verbish(first):
                    rates[0] = first
                for rate in rates:
                    found.append(_obs(ctx, sentence_area, rate, "level", year, float(m.group(2)), "%", clause_status,
                                      m.group(), sent.start + cm.start() + m.start(), sent.index))
            shared = list(_respectively(clause))
            for name, measure, value, unit, at, written in shared:
                found.append(_obs(ctx, sentence_area, name, measure, year, value, unit, clause_status,
                                  written, sent.start + cm.start() + at, sent.index))
            for m in GROWTH.finditer(clause):
                if _owned(clause, named, m.start()) or any(at <= m.start() for *_, at, _ in shared):
                    continue
                name = (_indicator_name(clause, m.start(), split_list=True) or _level_before(clause, m.start())
                        or last_name)
                if not name or len(name) > 20 or _verbish(name) or not INDICATOR_END.search(name):
                    continue
                value = float(m.group(2)) * (-1 if m.group(1) in ("下降", "回落", "降低") else 1)
                found.append(_obs(ctx, sentence_area, name, "growth", year, value, "%", clause_status,
                                  m.group(), sent.start + cm.start() + m.start(), sent.index))
            for m in LEVEL.finditer(clause):
                if GROWTH.search(clause[max(0, m.start() - 4):m.end()]) or _owned(clause, named, m.start()):
                    continue
                name = _indicator_name(clause, m.start(), m.group(2))
                if (not name or len(name) > 20 or _verbish(name) or re.search(r"\d|、", name)
                        or not INDICATOR_END.search(name)):
                    continue
                last_name = name
                if m.group(2) in COUNT_UNITS and float(m.group(1)) <= 1:
                    continue  # 1家 in a list of achievements
                found.append(_obs(ctx, sentence_area, name, "level", year, float(m.group(1)), m.group(2), clause_status,
                                  m.group(), sent.start + cm.start() + m.start(), sent.index))
    return _first_of_each(found)


def _respectively(clause: str) -> Iterator[tuple[str, str, float, str, int, str]]:
    """(name, measure, value, unit, where, as written) for each name of a list given its figures 分别 (respectively).

    >>> [t[:4] for t in _respectively("城镇居民、农村居民人均可支配收入分别增长7%、8%")]
    [('城镇居民人均可支配收入', 'growth', 7.0, '%'), ('农村居民人均可支配收入', 'growth', 8.0, '%')]
    >>> [t[:4] for t in _respectively("出口、进口分别达到120亿元、80亿元")]
    [('出口', 'level', 120.0, '亿元'), ('进口', 'level', 80.0, '亿元')]
    """
    for m in RESPECTIVELY.finditer(clause):
        heads = m.group(1).split("、")
        values = re.findall(NUMBER, m.group(3))
        if len(values) != len(heads):
            continue
        last = heads[-1]
        # 城镇居民、农村居民人均可支配收入: the first names lack the ending the last one carries
        tail = "" if INDICATOR_END.search(heads[0]) or len(last) <= len(heads[0]) else last[len(heads[0]):]
        names = [h + tail for h in heads[:-1]] + [last]
        if not all(INDICATOR_END.search(n) and not _verbish(n) for n in names):
            continue
        unit = m.group(6)
        growth = m.group(2) in ("增长", "下降", "提高") and unit == "%"
        sign = -1 if m.group(2) == "下降" else 1
        for name, value in zip(names, values, strict=True):
            yield name, "growth" if growth else "level", sign * float(value), unit, m.start(), m.group()


LANDED = re.compile(r"(?:落户|入驻|落地)$")
AREA_SUBJECT = re.compile(r"(?:^|[，,；;：:])(?:[\d]{1,2}月\d{0,2}日?|今年|去年|当天|同日|此外|其中)?$|(?:落户|入驻|在|位于|落地)$")


def _addresses(text: str, end: int, stem: str) -> bool:
    """Whether the subject area's stem (宝山 for 宝山区) follows right after ``end``."""
    return len(stem) >= 2 and text.startswith(stem, end)


def _headline_line(text: str, start: int, end: int) -> bool:
    """A short line without a full stop: a headline or subtitle (里水发布 52个重大项目 / 总投资达743.58亿元)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return len(line) <= 30 and "。" not in line


def _area_named_before(ctx: Context, area: str, areas: list[tuple[int, int, str]], start: int, end: int,
                       stem: str = "") -> str:
    """The area a sentence's figures are about: the document's, unless the sentence names only another area
    (襄阳市…95个项目集中开工 in a report on 襄州区; 签约落户合肥高新区项目80个 in a report on 合肥市).

    ``areas`` are (start, end, entity key) of the divisions and zones named in the document.
    """
    text = ctx.text
    named = [k for s, e, k in areas if start <= s < end]
    landed = [k for s, e, k in areas if start <= s < end and k != area and LANDED.search(text[max(start, s - 4):s])]
    if landed:  # 签约落户合肥高新区项目80个: the figures are the zone's, even in a report on 合肥市
        return landed[-1]
    if not named or area in named:
        return area
    # the other area must be what the sentence is about: it opens a clause (after time words) or is where
    # projects went (落户, 入驻, 在); 新增郑州市科技型企业 names a kind of firm, not an area
    for s, e, k in areas:
        if not (start <= s < end and (AREA_SUBJECT.search(text[max(start, s - 12):s]) or s == start)):
            continue
        if _addresses(text, e, stem):
            continue  # 在上海宝山落地: 上海 is the address of the report's own 宝山区
        return k
    return area


TOTALLED = re.compile(r"[,，]?(?:计划)?总投资(?:额)?(?:达|约|超|为)?\d")


def _level_before(clause: str, at: int) -> str:
    """The name of the amount a growth rate follows (地区生产总值48810亿元、增长8.0%: the rate is the GDP's)."""
    before = [m for m in LEVEL.finditer(clause, 0, at) if clause[m.end():at].strip("、，, ") == ""]
    return _indicator_name(clause, before[-1].start(), before[-1].group(2)) if before else ""


def _owned(clause: str, named: list[tuple[int, int]], value_at: int) -> bool:
    """A project or firm named before the figure, with no 等 / count between them, owns it."""
    return any(e <= value_at and not re.search(r"等|\d+(?:个|家|项)", clause[e:value_at])
               and not re.search(r"\d+(?:个|家|项)$", clause[:s])  # 101个…项目: a class of projects
               for s, e in named)


def _first_of_each(found: list[Observation]) -> list[Observation]:
    """One observation per figure: a document restating 32个 (现场签约项目, 此次现场签约项目) keeps the first.

    The first statement of a figure is usually its headline with its year and status; later ones
    repeat it in passing (a 2023 heading recalling 2022's 37个省市重点项目), so they are not new figures.
    """
    kept: list[Observation] = []
    for obs in found:
        if not any(k.area == obs.area and k.value == obs.value and k.unit == obs.unit and k.measure == obs.measure
                   and (k.indicator in obs.indicator or obs.indicator in k.indicator)
                   for k in kept):
            kept.append(obs)
    return kept


def canonical_indicator(name: str) -> str:
    """The national indicator a name stands for (生产总值 → 地区生产总值), else the name as written.

    >>> canonical_indicator("全区生产总值"), canonical_indicator("规模以上工业增加值"), canonical_indicator("供应土地")
    ('地区生产总值', '规模以上工业增加值', '供应土地')
    """
    names = lexicon().indicator_names
    for start in range(len(name)):
        tail = name[start:]
        if tail in names.values():  # 经开区确定了地区生产总值: what comes before a verb is not a qualifier
            return tail if start == 0 or name[:start] in ("全区", "全市", "全县", "全省", "全年") or re.search(
                r"(了|确定|实现|完成)$", name[:start]) else name
        if tail in names and (start == 0 or name[:start] in ("全区", "全市", "全县", "全省", "全年", "地区")):
            return names[tail]
    return name


def _obs(ctx: Context, area: str, name: str, measure: str, year: int, value: float, unit: str, status: str,
         written: str, start: int, sentence: int) -> Observation:
    return Observation(area, canonical_indicator(name), measure, year, value, unit, status, written,
                       Evidence(start, start + len(written), sentence))
