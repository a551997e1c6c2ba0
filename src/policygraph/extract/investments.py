"""A single project's total investment (guideline: ``investment`` in 亿元, where stated for that project).

Reports give it right after the project's name (``X项目总投资3亿元``) or before it (``投资8亿元的X项目``). Only
exact amounts count: ``超``, ``近``, ``约``, ``以上`` figures describe, they do not state the investment.
"""

from __future__ import annotations

import re

from ..model import Evidence, LiteralFact
from .facts import Facts, Found

AMOUNT = r"(\d+(?:\.\d+)?)\s*(亿元|万元|亿美元)"
# 项目总投资3亿元 / 项目,总投资3亿元 / 项目计划总投资3亿元: the figure right after the name
AFTER = re.compile(r"[,，]?(?:计划|预计)?(?:总投资|投资总额|投资)(?:约|达|为)?" + AMOUNT + r"(?!以上|左右)")
# 投资8亿元的X项目: the figure right before the name
BEFORE = re.compile(r"(?<![超近约逾])(?:总投资|投资)" + AMOUNT + r"的$")
TO_YI = {"亿元": 1.0, "万元": 1e-4}  # 亿美元 is no 亿元: left out rather than converted at a guessed rate


def find_investments(found: Found) -> Facts:
    """``investment`` of each project whose own figure the text states.

    >>> from tests.conftest import extract
    >>> x = extract("其中,丰谷食品加工基地项目总投资3亿元,另外还有投资8亿元的东岳装备生产项目、投资超5亿元的滨湖改造项目。")
    >>> sorted((x.entities[f.subject].label, f.value) for f in x.literals if f.predicate == "investment")
    [('东岳装备生产项目', 8.0), ('丰谷食品加工基地项目', 3.0)]
    """
    ctx, entities, span_key = found.ctx, found.entities, found.span_key
    text = ctx.text
    facts: list[LiteralFact] = []
    for (start, end), key in sorted(span_key.items()):
        if "Project" not in entities[key].types:
            continue
        after = AFTER.match(text, end, end + 24)
        before = BEFORE.search(text, max(0, start - 16), start)  # in place: the lookbehind sees 超, 近 before it
        stated = after or before
        if not stated or stated.group(2) not in TO_YI:
            continue
        value = round(float(stated.group(1)) * TO_YI[stated.group(2)], 6)
        sentence = ctx.sentence_of(start)
        facts.append(LiteralFact(key, "investment", value, Evidence(sentence.start, sentence.end, sentence.index)))
    first: dict[str, LiteralFact] = {}
    for fact in facts:  # one investment per project: the first the text states
        first.setdefault(fact.subject, fact)
    return Facts(literals=list(first.values()))
