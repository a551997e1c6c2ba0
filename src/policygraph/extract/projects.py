"""Projects named in lists and as the object of construction.

* ``“开工一批”项目6个……分别是：A、B、C及D``: an item of a project list is a project whatever its ending
  (中原区建设路第六小学 in a 投产一批 list); 及 inside an item joins it (常庄水库加固提升及金水河分洪工程PPP项目)
  unless what stands before it is a whole name.
* ``A、B等(N个)(工业载体)项目``: the items before 等…项目 are projects (上汽发动机一期、宇通…技术中心等76个项目).
* ``加快A、B和C(等…)(项目)建设``: what is built is a project: named facilities (广电中心, 郑煤机博物馆), or any
  named item when the text says 项目 (加快百联、麦德龙项目建设).

An item that is also a park, a place or a body (二砂文化创意园, 中原区人民医院) keeps that type too.
"""

from __future__ import annotations

import re

from ..model import Mention
from ..text import frequencies, tokens
from .base import Context
from .names import RARE, STOP_WORDS, is_named

LIST_INTRO = re.compile(r"(?:项目|工程)[^\n]{0,60}?(?:分别是|分别为|包括|主要有)[:：]")
ITEM_SPLIT = re.compile(r"[、；;]")
JOIN_SPLIT = re.compile(r"[及和与](?=[\u4e00-\u9fff]{2})")
# A、B等(N个)(修饰)项目: the modifier says what kind of projects (谋划签约, 工业载体), never a domain (领域, 方面)
SAMPLE = re.compile(r"([^，,。；;：:\n]{2,160}?)等(?:\d+个)?([\u4e00-\u9fff]{0,8}?)项目")
# 加快A、B和C(等…)(项目)建设
BUILT = re.compile(r"(?:加快|加速|推进|启动|完成|做好|实施|推动)(?:推进|做好)?([^，,。；;：:\n]{2,120}?)"
                   r"(?:等([\u4e00-\u9fff]{0,8}?))?(项目)?建设")
DOMAIN_WORDS = ("领域", "方面", "类", "方向", "行业", "基础设施", "民生", "社会事业")  # 路桥工程、学校等基础设施项目: kinds
ITEM_LEAD = re.compile(r"(?:全力|高效|加快|积极|持续|大力|着力|扎实)?(?:推进|实施|加快|推动|建设|开工|启动|完成|促进|加速|确保|"
                       r"做好|依托|支持|谋划|签约|建成)+")  # matched where an item starts
# What a facility's name ends with, for things built without the word 项目 (广电中心, 金马凯旋万达广场)
FACILITY = re.compile(r"(?:中心|广场|公园|博物馆|图书馆|体育馆|医院|学校|小学|中学|幼儿园|综合体|园|园区|街区|二期|一期|三期|"
                      r"港|城|馆|院|场|站|厂|楼|大厦|基地|小镇|生产线|枢纽|大桥|隧道|机场|码头)$")
GENERIC_ITEM = re.compile(r"^(?:省市|省|市|区|县)?(?:重点|重大|续建|新建|在建|专项债|配套|民生|其他|各类|各项|相关|部分)")


def find_project_lists(ctx: Context) -> list[Mention]:
    return _listed(ctx) + _samples(ctx) + _built(ctx)


def _listed(ctx: Context) -> list[Mention]:
    text = ctx.text
    found: list[Mention] = []
    for m in LIST_INTRO.finditer(text):
        end = text.find("。", m.end())
        end = len(text) if end < 0 else end
        pos = m.end()
        for piece in ITEM_SPLIT.split(text[m.end():end]):
            for item in _split_joined(piece, ctx.lexicon.endings):
                start = text.find(item, pos, end)
                if start < 0:
                    continue
                pos = start + len(item)
                item_clean = item.strip()
                if 4 <= len(item_clean) <= 40:
                    found.append(ctx.mention("Project", start, start + len(item_clean), "project-list"))
    return found


def _split_joined(piece: str, endings: tuple[str, ...]) -> list[str]:
    """A list item split at 及 / 和 only where what stands before is a whole name (…校区项目及郑州市…)."""
    parts, start = [], 0
    for m in JOIN_SPLIT.finditer(piece):
        if piece[start:m.start()].endswith(endings):
            parts.append(piece[start:m.start()])
            start = m.end()
    parts.append(piece[start:])
    return parts


# what a sentence says before the first item of a list: 由X统筹推进的|苏州中环广场, 实地察看了|303电台搬迁工程
ITEM_PREAMBLE = re.compile(r".*(?:的|了|察看|查看|来到|走进|参观|视察|介绍|宣布|包括|以及)")


def _item_start(text: str, start: int, end: int) -> int:
    """Past the verbs that introduce a list (加快推进, 促进, 全力做好) and the clause before its first item.

    >>> t = "由新建元控股集团统筹推进的苏州中环广场"
    >>> t[_item_start(t, 0, len(t)):]
    '苏州中环广场'
    """
    lead = ITEM_LEAD.match(text, start, end)
    start = lead.end() if lead else start
    preamble = ITEM_PREAMBLE.match(text, start, end)
    return preamble.end() if preamble and end - preamble.end() >= 2 else start


def _item_kind(ctx: Context, start: int, end: int, facility: bool) -> str | None:
    """"named", "facility" (a facility's name of everyday words: 会展中心) or None (no item to take)."""
    item = ctx.text[start:end]
    if not 2 <= len(item) <= 40 or GENERIC_ITEM.match(item) or any(c in item for c in "“”\"等") or item in STOP_WORDS:
        return None
    if re.search(r"\d+(?:个|家|所|条|座)", item):
        return None  # 10条道路: a count, not a name
    if facility and not FACILITY.search(item):
        return None
    words = [t for t, _, _ in tokens(item)]
    if is_named(words, frequencies(), ctx.lexicon.divisions_by_name, RARE["Project"]):
        return "named"
    return "facility" if FACILITY.search(item) else None


def _items(ctx: Context, start: int, end: int, facility: bool, source: str) -> list[Mention]:
    text = ctx.text
    whole_names = (*ctx.lexicon.endings, "中心", "广场", "公园", "馆")
    kinds = []
    pos = start
    for piece in text[start:end].split("、"):
        for raw in _split_joined(piece, whole_names):
            raw_start = text.find(raw, pos, end)
            item_start = _item_start(text, raw_start, raw_start + len(raw))
            item_end = raw_start + len(raw)
            kinds.append((item_start, item_end, _item_kind(ctx, item_start, item_end, facility)))
            pos = item_end
    # 广电中心、会展中心: a facility of everyday words counts where a named one is built beside it
    listed = any(kind == "named" for _, _, kind in kinds)
    return [ctx.mention("Project", s, e, source) for s, e, kind in kinds
            if kind == "named" or (kind == "facility" and listed)]


def _samples(ctx: Context) -> list[Mention]:
    """上汽发动机二期等148个项目, A、B等谋划签约项目: each named item is a project."""
    found = []
    for m in SAMPLE.finditer(ctx.text):
        if any(w in m.group(2) for w in DOMAIN_WORDS):
            continue  # 城市更新、产业园区等领域项目: domains, not projects
        found += _items(ctx, m.start(1), m.end(1), facility=False, source="project-sample")
    return found


def _built(ctx: Context) -> list[Mention]:
    """加速广电中心、会展中心及配套工程建设; 加快百联、麦德龙项目建设."""
    found = []
    for m in BUILT.finditer(ctx.text):
        if m.group(2) and any(w in m.group(2) for w in DOMAIN_WORDS):
            continue
        found += _items(ctx, m.start(1), m.end(1), facility=not m.group(3), source="construction")
    return found
