"""Names in lists whose head noun says what they are: ``发挥字节跳动、滴滴等企业的资源优势``,
``与中国环科院、中标检测等机构合作``, ``鼓励中原万达、锦艺城、王府井等特色商圈``, ``建成须水河西路等道路42条``.

The head after 等 (and an optional count and qualifier: 等53家意向投资企业) gives the items their type; the list
opens after punctuation, a verb, a preposition or 的. A list of two or more items shows itself as a list; a
single item is taken only where its own ending agrees with the head (须水河西路 before 等道路).
"""

from __future__ import annotations

import re

from ..model import Mention
from ..text import frequencies, tokens
from .base import Context
from .names import OFFICIAL_IN_NAME, STOP_WORDS, is_named, leading_verbs_length

HEADS = {
    "企业": "Enterprise", "公司": "Enterprise", "品牌": "Enterprise", "厂商": "Enterprise", "商家": "Enterprise",
    "机构": "Organization", "单位": "Organization", "院所": "Organization", "高校": "Organization",
    "商圈": "Place", "商场": "Place", "景区": "Place", "场馆": "Place", "综合体": "Place", "道路": "Place",
    "园区": "Park", "载体": "Park", "片区": "DevelopmentZone", "板块": "DevelopmentZone",
}
LIST = re.compile(r"([\u4e00-\u9fffA-Za-z0-9·、]{2,80}?)等(?:\d+[家个所座条])?([\u4e00-\u9fff]{0,12}?)"
                  r"(" + "|".join(sorted(HEADS, key=len, reverse=True)) + r")")
OPENERS = re.compile(r"[，,。；;：:！？\n（(“”]|的$")
SINGLE = {"Place": re.compile(r"(?:路|街|大道|大街)$")}
# qualifiers that turn the head into a category of the items' kind rather than their kind (优势产业 is no firm)
NOT_HEAD_QUALIFIERS = ("产业", "行业", "领域", "类")


def _list_start(text: str, start: int, end: int) -> int:
    """Where the list opens: after the last punctuation or 的 before its first item."""
    for i in range(end - 1, start - 1, -1):
        if OPENERS.match(text[i]) or text[i] == "的":
            return i + 1
    return start


LIST_OPENERS = "为向对与和及了有是给"


def _opener_length(first: str) -> int:
    """The clause that opens a list, before its first item: 区领导为|星禾科技 (jieba may fuse 为 with the name).

    >>> _opener_length("区领导为星禾科技"), _opener_length("滴滴")
    (4, 0)
    """
    if len(first) <= 4:
        return 0
    return max((i + 1 for i in range(len(first) - 2) if first[i] in LIST_OPENERS), default=0)


def _item_ok(ctx: Context, name: str, kind: str) -> bool:
    if (not 2 <= len(name) <= 12 or name in STOP_WORDS or re.search(r"\d+[个家项所座条]", name)
            or any(c in name for c in "“”\"《》") or OFFICIAL_IN_NAME.search(name)):
        return False  # 北京佰才邦CEO孙立新 among 企业家代表: a person with a post, not a firm
    own = next((k for ending, k in ctx.lexicon.suffixes if name.endswith(ending)), kind)
    if own != kind:
        return False  # 探十里购物中心 among 载体: its own ending says it is a place; the suffix reader takes it
    if kind == "Enterprise":
        return True  # brands are everyday words as often as not (滴滴, 抖音); the head 企业 / 品牌 vouches for them
    return is_named([t for t, _, _ in tokens(name)], frequencies(), ctx.lexicon.divisions_by_name)


def find_category_lists(ctx: Context) -> list[Mention]:
    text = ctx.text
    found = []
    for m in LIST.finditer(text):
        if any(q in m.group(2) for q in NOT_HEAD_QUALIFIERS):
            continue
        kind = HEADS[m.group(3)]
        start = _list_start(text, m.start(1), m.end(1))
        items = []
        pos = start
        for raw in text[start:m.end(1)].split("、"):
            items.append((pos, raw))
            pos += len(raw) + 1
        if items:
            first_pos, first = items[0]
            cut = leading_verbs_length(first)
            cut += _opener_length(first[cut:])
            items[0] = (first_pos + cut, first[cut:])
        items = [(p, raw) for p, raw in items if _item_ok(ctx, raw, kind)]
        single = SINGLE.get(kind)
        if len(items) < 2 and not (items and single and single.search(items[0][1])):
            continue  # one name before 等企业 is as likely a description as a firm
        found += [ctx.mention(kind, p, p + len(raw), "category-list") for p, raw in items]
    return found
