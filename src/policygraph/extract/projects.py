"""Projects named in lists: ``“开工一批”项目6个……分别是：A、B、C及D``, ``签约X等28个重点项目``.

An item in a project list is a project whatever its ending (中原区建设路第六小学 in a 投产一批 list).
"""

from __future__ import annotations

import re

from ..model import Mention
from .base import Context

LIST_INTRO = re.compile(r"(?:项目|工程)[^\n]{0,60}?(?:分别是|分别为|包括|主要有)[:：]")
ITEM_SPLIT = re.compile(r"[、；;]|及(?=[\u4e00-\u9fff]{4})|和(?=[\u4e00-\u9fff]{4})")
SAMPLE = re.compile(r"(?:签约|推进|实施|谋划|建成|开工|完成|加快|确保|推动)([^，,。；;：:]{4,60}?)等(?:\d+个)?(?:重点|重大)?项目")
ITEM_LEAD = re.compile(r"^(?:推进|实施|加快|推动|建设|开工|启动|完成)+")


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
    for m in SAMPLE.finditer(text):  # 上汽发动机二期等148个项目, A、B等项目: each named item is a project
        for item in re.finditer(r"[^、]+", m.group(1)):
            lead = ITEM_LEAD.match(item.group())
            name = item.group()[lead.end() if lead else 0:]
            if 4 <= len(name) <= 40 and not name.endswith(("重点", "重大")) and not re.search(r"\d+个", name):
                start = m.start(1) + item.end() - len(name)
                found.append(ctx.mention("Project", start, start + len(name), "project-sample"))
    return found
