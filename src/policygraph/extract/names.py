"""Find where a name begins, given where its type-marking ending is.

Chinese writes names without spaces, so a name ending in ``产业园`` starts somewhere to the left.
Walking left over jieba tokens, a name stops at punctuation, at a function word or a verb that
introduces it (``打造``, ``在``, ``与``), at a number that counts rather than names, and at a
length limit. Names inside enumerations are bounded by the list's separators.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from ..lexicon import lexicon
from ..text import tokens, word_tag

# Words that stand before a name and are never part of it.
STOP_WORDS = frozenset("""
在 于 的 和 与 及 以及 等 为 是 了 将 把 被 从 向 到 对 以 由 并 或 还 也 又 都 就 这 那 其
该 此 各 让 使 据 自 同 跟 给 至 而 且 即 上 中 下 时 后 前 内 外 间 其中 包括 分别 分别是
主要 重点 全面 加快 推进 推动 实施 打造 建设 建成 建立 构建 开展 举办 举行 召开 组织 参加 出席 主持
来到 走进 深入 看望 慰问 调研 考察 签约 开工 投产 落地 入驻 引进 培育 发展 提升 完成 实现 成立 挂牌
依托 围绕 聚焦 坚持 持续 继续 积极 大力 全力 着力 谋划 支持 鼓励 引导 成功 率先 新建 续建 改造 启动
位于 成为 作为 形成 带动 促进 助力 服务 优化 强化 深化 做好 抓好 用好 落实 如 像 比如 例如 包含 涵盖
加速 推出 高标准 高质量 一批 一个 一座 一家 首个 全市 全省 全区 全国 全县 辖区 区内 市内 省内 当地
联合 共同 正式 顺利 圆满 已 已经 正在 即将 计划 预计 拟 力争 确保 通过 获批 获评 入选 荣获 评为 代表 委托
受 报告 审议 参观 观摩 走访 前往 赴 会同 携手 牵头 签署 签订 达成 协调 对接 洽谈 承办 主办 开幕 闭幕
召集 以来 今年 去年 明年 全年 期间 当天 上午 下午 晚上 近日 日前 目前 现已 我 我们 你 他 她 它 他们
各类 有 无 年 月 日 个 家 所 项 名 位 次 届 新 老 大 小 多 少 好 更 最 很 再 又 才 只 均 共 要 应 需
总 每 另 其他 相关 有关 抓牢 狠抓 抢抓 抓好 发挥 充分 搭建 完善 贯彻 做大 做强 做优 要求 提高 保障 争创 创建 扩大
加强 加大 进一步 不断 切实 统筹 扎实 申报 争取 纳入 包括 涉及 依靠 借助 利用 结合 对标 瞄准 立足 突出 重塑
落户 列入 这是 该县 该区 该市 该镇 加上 部分
""".split())

# A post and a name after it, or a delegation (一行): such words belong to a clause about a person, never to a
# name of a project, a firm or a place (区长杨小菁介绍开工项目, 北京佰才邦CEO孙立新, 周海兵一行来到项目).
OFFICIAL_IN_NAME = re.compile(r"一行|(?:书记|区长|市长|县长|省长|镇长|主任|部长|局长|主席|董事长|总经理|总裁|负责人|CEO|ceo)"
                              r"[\u4e00-\u9fff]{2,3}")

# One-character place words: a stop word right before one of them is part of the name (计划|路9号院, 建设|路街道).
NAME_PART_CHARS = frozenset("路街河湖山桥号巷村")
PUNCT = set("，。、；：？！,.;:?!“”‘’\"'《》〈〉「」『』()（）[]【】—-·…/ \n\t")
# A number with a measure word counts things (``18个``); a bare number can be part of a name (``1958``).
YEAR_TOKEN = re.compile(r"^(?:19|20)\d\d$")
_COUNTING = re.compile(r"^[0-9.]+[个家项所座条场批类种]$|^[一二三四五六七八九十百千两]+[个家项所座条场批类种]$")


def name_start(text: str, end: int, floor: int, max_chars: int = 24, max_tokens: int = 8,
               stop: frozenset[str] = STOP_WORDS, punct: frozenset[str] | set[str] = PUNCT,
               first_free: bool = False, barriers: frozenset[str] = frozenset(),
               joiners: frozenset[str] = frozenset(), place_brackets: bool = False,
               cut: Callable[[int, int], list[tuple[str, int, int]]] | None = None) -> int:
    """The start of a name whose type ending starts at ``end``, not before ``floor``.

    ``first_free`` lets the word next to the ending be a common verb (文化发展|有限公司); a token
    ending in one of ``barriers`` ends another name (建设路街道|计划路9号院). ``cut`` gives the tokens of a
    span with document offsets (the document's own cut); by default the span is cut on its own.

    >>> s = "加快打造中原小微企业园"
    >>> s[name_start(s, len(s) - 3, 0):]
    '中原小微企业园'
    >>> s = "来到建设路街道"
    >>> s[name_start(s, len(s) - 2, 0):]
    '建设路街道'
    >>> s = "成功举办“郑创汇”国际创新创业大赛"
    >>> s[name_start(s, len(s) - 2, 0):]
    '“郑创汇”国际创新创业大赛'
    """
    lo = max(floor, end - max_chars - 4)
    start = end
    right = ""
    toks = list(reversed(cut(lo, end) if cut else [(t, lo + s, lo + e) for t, s, e in tokens(text[lo:end])]))
    quoted_from = None  # inside a quotation the walk takes everything up to its opening mark
    for used, (tok, absolute, _) in enumerate(toks):
        if quoted_from is not None:
            if absolute > quoted_from:
                continue
            start, right, quoted_from = absolute, tok, None
            continue
        if tok == "”" and "”" not in punct:
            opening = text.rfind("“", max(floor, absolute - 16), absolute)
            if opening >= 0:
                quoted_from = opening
                continue
        if tok == ")" and place_brackets:
            opening = text.rfind("(", max(floor, absolute - 8), absolute)
            if opening >= 0 and lexicon().is_place_name(text[opening + 1:absolute]):
                quoted_from = opening  # 华润雪花啤酒(新郑)有限公司, 联通(河南)产业互联网有限公司
                continue
        if tok in joiners and used and used + 1 < len(toks) and not any(ch in punct for ch in toks[used + 1][0]):
            continue  # 黄河智谷·中原企业总部港: a middle dot between two parts of one name
        if any(ch in punct for ch in tok):
            break
        dated = tok == "年" and used + 1 < len(toks) and YEAR_TOKEN.match(toks[used + 1][0])  # 2022年…计划
        # a stop word before a one-character name part (计划|路, 建设|路) belongs to the name
        greater = tok == "大" and word_tag(right) == "ns"  # 大中原汽车城, 大湾区: 大 before a place name is its part
        # the word before a place in brackets is the firm's trade name, a stop word or not (荣华家(上海)…有限公司)
        trade_name = place_brackets and right == "("
        if (tok in stop and not dated and right not in NAME_PART_CHARS and not greater and not trade_name
                and not (first_free and used == 0)):
            break
        if used and any(tok.endswith(b) for b in barriers):
            break
        if _COUNTING.match(tok):
            break
        if end - absolute > max_chars or used >= max_tokens:
            break
        start = absolute
        right = tok
        if greater:
            break  # 大 opens the name
    # a quoted word directly before the name is part of it (“一带一路”国际商务区)
    if start > floor and text[start - 1] == "”":
        opening = text.rfind("“", max(floor, start - 16), start - 1)
        if opening >= 0:
            start = opening
    return start


def is_named(words: list[str], freq: dict[str, int], places: set[str] | dict, rare: int = 200) -> bool:
    """Whether a name has a proper part: a rare or unknown word, a number, Latin letters or a place name.

    Generic phrases (产业结构优化升级项目) are made of common words only.
    """
    endings = _type_endings()
    for w in words:
        if w in GENERIC_WORDS or w in endings:
            continue  # 新城 in 生态新城板块 marks a kind of zone; it does not name one
        if any(ch.isdigit() or (ch.isascii() and ch.isalpha()) for ch in w) or w in places:
            return True
        if freq.get(w, 0) < rare or word_tag(w) in PROPER_TAGS:
            return True
    return False


@cache
def _type_endings() -> frozenset[str]:
    return frozenset(lexicon().endings)


# jieba dictionary frequency below which a word is taken as part of a proper name; projects and places are
# named from everyday words far more often than bodies are (招商引资 is 73: 重大招商引资项目 names no project)
RARE = {"Project": 20, "Place": 20, "Park": 20, "Subdistrict": 1}  # a subdistrict is named by a place word or its road
PROPER_TAGS = frozenset(("nr", "ns", "nz", "nt", "nrt", "nrfg"))  # person, place, other and firm names
# Words of government writing that jieba does not know or tags as names, but that name kinds of things
# (老旧小区, 灾后重建项目, 保交楼项目), not one thing.
GENERIC_WORDS = frozenset("""
基础设施 新型 城镇化 民生 高质量 示范 龙头 重大 重点 各类 若干 有关 相关 老旧 灾后 保交楼 保交房 城中村 棚户区
安置房 背街小巷 智能化 数字化 信息化 网格化 一体化 养老 托育 普惠 兜底 储备 在建 新建 续建 小微 专业化 特色 现有
""".split())


def clause_start(text: str, end: int, floor: int) -> int:
    """The start of the clause (after the nearest separator) that ends at ``end``."""
    i = end - 1
    while i >= floor and text[i] not in PUNCT:
        i -= 1
    return i + 1


def introduces(tok: str) -> bool:
    """Whether a token is a word that opens a phrase rather than names: a stop word, or a verb, preposition,
    adverb or conjunction by jieba's tag (a verbal noun such as 建设 in 建设项目 names)."""
    tag = word_tag(tok)
    return tok in STOP_WORDS or (tag.startswith(("v", "p", "d", "c")) and tag != "vn")


def leading_verbs_length(item: str) -> int:
    """How many characters of verbs, prepositions and adverbs open the first item (鼓励中原万达 → 中原万达)."""
    skipped = 0
    for tok, _, _ in tokens(item):
        # a one-character verb is too often the first character of a name cut by jieba (建成须|水河西路)
        if introduces(tok) and (len(tok) > 1 or tok in STOP_WORDS):
            skipped += len(tok)
            continue
        break
    return skipped
