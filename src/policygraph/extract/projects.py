"""Projects named in lists: ``“开工一批”项目6个……分别是：A、B、C及D``, ``签约X等28个重点项目``.

An item in a project list is a project whatever its ending (中原区建设路第六小学 in a 投产一批 list).
"""

from __future__ import annotations

import re

from ..model import Mention
from .base import Context

LIST_INTRO = re.compile(r"(?:项目|工程)[^\n]{0,60}?(?:分别是|分别为|包括|主要有)[:：]")
ITEM_SPLIT = re.compile(r"[、；;]|及(?=[\u4e00-\u9fff]{4})|和(?=[\u4e00-\u9fff]{4})")
SAMPLE = re.compile(r"(?:签约|推进|实施|谋划|建成|开工|完成)([^，。；、]{4,30}?)等\d+个(?:重点|重大)?项目")


def find_project_lists(ctx: Context) -> list[Mention]:
    text = ctx.text
    found: list[Mention] = []
    for m in LIST_INTRO.finditer(text):
        end = text.find("。", m.end())
        end = len(text) if end < 0 else end
        pos = m.end()
        for item in ITEM_SPLIT.split(text[m.end():end]):
            start = text.find(item, pos, end)
            pos = start + len(item)
            item_clean = item.strip()
            if 4 <= len(item_clean) <= 40 and start >= 0:
                found.append(ctx.mention("Project", start, start + len(item_clean), "project-list"))
    for m in SAMPLE.finditer(text):
        found.append(ctx.mention("Project", m.start(1), m.end(1), "project-sample"))
    return found
