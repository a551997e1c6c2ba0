"""Label normalisation shared by extraction and resolution."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .lexicon import lexicon

LEGAL_FORMS = ("股份有限公司", "有限责任公司", "集团有限公司", "集团股份有限公司", "有限公司", "集团公司",
               "股份公司", "总公司", "分公司", "公司", "集团", "控股")
PLACE_IN_BRACKETS = re.compile(r"\(([\u4e00-\u9fff]{2,6})\)")
# Bare forms that name a different body in every document (same rule as the scorer's gold).
GENERIC = re.compile(r"^(省|市|区|县|镇|乡)?(委|政府|人民政府|人大|人大常委会|政协|委办|党工委|管委会|纪委)$"
                     r"|^(经开区|开发区|高新区|经济技术开发区|政府工作报告|工作报告)$")


def strip_quotes(label: str) -> str:
    """A label without quotation or title marks (the guideline compares labels that way)."""
    return re.sub("[“”‘’\"'《》〈〉「」]", "", label)


def clean_label(text: str) -> str:
    """
    >>> clean_label("“三化三制”改革等")
    '三化三制改革'
    """
    label = strip_quotes(text).strip()
    return re.sub("等$", "", label).strip()


def qualify(label: str, area: str | None) -> str:
    """A bare body (区委, 区政府) named for the document's area (中原区委).

    >>> qualify("区委", "中原区"), qualify("区人民政府", "中原区"), qualify("市委", "中原区")
    ('中原区委', '中原区政府', '市委')
    """
    if not area or not GENERIC.match(label) or not label or label[0] != area[-1]:
        return label
    body = label[1:].replace("人民政府", "政府")
    return area + body


def fold(name: str) -> str:
    """Width, case and spacing folded, so registry and text spellings compare.

    >>> fold(" 河南 国创（集团）Ａ ")
    '河南国创(集团)a'
    """
    return "".join(unicodedata.normalize("NFKC", name).lower().split())


def core(name: str) -> str:
    """A name without its leading region and trailing legal form.

    >>> core("河南省郑州市宇通客车股份有限公司"), core("卫华集团有限公司"), core("中原区")
    ('宇通客车', '卫华', '中原区')
    """
    name = fold(name)
    regions = lexicon().divisions_by_name
    changed = True
    while changed:
        changed = False
        for size in range(min(len(name) - 2, 12), 1, -1):  # keep at least two characters
            if name[:size] in regions:
                name, changed = name[size:], True
                break
    for form in sorted(LEGAL_FORMS, key=len, reverse=True):
        if name.endswith(form) and len(name) - len(form) >= 2:
            name = name[: -len(form)]
            break
    return name


def firm_core(name: str) -> str:
    """The name a firm is known by in prose: no region in front or in brackets, no legal form.

    >>> firm_core("联通(河南)产业互联网有限公司"), firm_core("联通产业互联网")
    ('联通产业互联网', '联通产业互联网')
    """
    bare = PLACE_IN_BRACKETS.sub(lambda m: "" if lexicon().is_place_name(m.group(1)) else m.group(0), fold(name))
    return core(bare)


PROGRAMME_TAILS = ("改革", "活动", "行动", "工作要求", "供应", "机制", "创建")
ABBREVIATIONS = (("文化创意产业园", "文创园"), ("文化创意产业园", "文化创意园"), ("文化创意园", "文创园"),
                 ("经济技术开发区", "经开区"), ("高新技术产业开发区", "高新区"), ("产业园区", "产业园"),
                 ("企业园", "企园区"), ("人民政府", "政府"))


class LabelGroups:
    """Union-find over labels: the forms that name one thing, within a document or across a corpus."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def preferred_label(labels: Iterable[str]) -> str:
    """The most complete specific form: the longest label that is not a bare generic one, and not
    another label with a generic tail (三化三制, not 三化三制改革).

    >>> preferred_label(["区委", "中原区委"]), preferred_label(["三化三制", "三化三制改革"])
    ('中原区委', '三化三制')
    """
    pool = set(labels)
    specific = [x for x in pool if not GENERIC.match(x)] or list(pool)
    core = [x for x in specific if not any(x.endswith(t) and x[: -len(t)] in pool for t in PROGRAMME_TAILS)]
    return sorted(core or specific, key=lambda x: (-len(x), x))[0]
