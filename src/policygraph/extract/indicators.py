"""Indicators: targets, results and plans as area × year × indicator × value observations.

Reads clauses such as ``地区生产总值增长7%`` (in a targets sentence: a target),
``全区生产总值完成765.3亿元，同比增长1.9%`` (a result), ``同比下降2.6%`` (−2.6) and portfolios
``谋划重大项目251个，总投资2800亿元，年度计划投资超400亿元`` (a plan).
"""

from __future__ import annotations

import re

from ..model import Evidence, Observation
from .base import Context

NUMBER = r"(\d+(?:\.\d+)?)"
UNITS = "亿元|万元|元|万平方米|平方米|万人|万家|万户|个|家|人|亩|所|套|项|%"
GROWTH = re.compile(rf"(增长|下降|增速|提高|回落|降低)(?:了)?(?:为)?{NUMBER}(%|个百分点)")
LEVEL = re.compile(rf"(?:完成|实现|达到|达|为|突破|超过|超|共|累计|计)?{NUMBER}({UNITS})")
CLAUSE = re.compile(r"[^，,；;。：:]+")
TARGET = re.compile(r"预期目标|目标是|目标为|力争|确保|预计|计划实现|主要目标")
PLAN = re.compile(r"计划投资|谋划|计划总投资|储备")
YEAR = re.compile(r"(20\d\d)年")
LEAD_WORDS = re.compile(r"^(?:其中|全区|全市|全县|全年|全省|财政|实现|完成|累计|共|新增的|预计|力争|确保|[一二三四五六七八九十]+要)")
STRIP = re.compile(r"(?:同比|完成|实现|达到|达|为|突破|超过|超|共|累计|计|总额|了)+$")
# What an indicator's name ends with: an amount, a rate, a count (地区生产总值, 开工率, 项目数, 总投资).
INDICATOR_END = re.compile(r"(总值|增加值|投资|总额|收入|支出|产值|营收|利润|税收|率|数|额|量|面积|人数|就业|规模|强度|占比|"
                           r"指数|消费|出口|进口|贸易|项目|企业|主体|资金|融资|土地|人口|户数|亩)$")
VERBISH = re.compile(r"[，。的在把将要以]|建设|推进|推动|加快|实施|打造|坚持")


def _indicator_name(clause: str, value_start: int) -> str:
    name = clause[:value_start]
    name = re.sub(r"\([^)]*\)", "", name)
    name = LEAD_WORDS.sub("", name)
    name = STRIP.sub("", name)
    return name.strip()


def _year(sentence: str, doc_year: int | None, status: str) -> int | None:
    years = [int(y) for y in YEAR.findall(sentence)]
    if years:
        return years[0]
    if doc_year and ("去年" in sentence or "上年" in sentence):
        return doc_year - 1
    return doc_year


def find_observations(ctx: Context, area: str | None) -> list[Observation]:
    if not area:
        return []
    found: list[Observation] = []
    for sent in ctx.sentences:
        status = "target" if TARGET.search(sent.text) else "actual"
        year = _year(sent.text, ctx.document.year, status)
        if year is None:
            continue
        last_name = ""
        for cm in CLAUSE.finditer(sent.text):
            clause = cm.group()
            clause_status = "plan" if PLAN.search(clause) and status != "target" else status
            for m in GROWTH.finditer(clause):
                name = _indicator_name(clause, m.start()) or last_name
                if not name or len(name) > 20 or VERBISH.search(name) or not INDICATOR_END.search(name):
                    continue
                value = float(m.group(2)) * (-1 if m.group(1) in ("下降", "回落", "降低") else 1)
                found.append(_obs(ctx, area, name, "growth", year, value, "%", clause_status,
                                  m.group(), sent.start + cm.start() + m.start(), sent.index))
            for m in LEVEL.finditer(clause):
                if GROWTH.search(clause[max(0, m.start() - 4):m.end()]):
                    continue
                name = _indicator_name(clause, m.start())
                if (not name or len(name) > 20 or VERBISH.search(name) or name[-1].isdigit()
                        or not INDICATOR_END.search(name)):
                    continue
                last_name = name
                found.append(_obs(ctx, area, name, "level", year, float(m.group(1)), m.group(2), clause_status,
                                  m.group(), sent.start + cm.start() + m.start(), sent.index))
    return found


def _obs(ctx: Context, area: str, name: str, measure: str, year: int, value: float, unit: str, status: str,
         written: str, start: int, sentence: int) -> Observation:
    return Observation(area, name, measure, year, value, unit, status, written,
                       Evidence(start, start + len(written), sentence))
