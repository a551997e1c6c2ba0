"""Government and party bodies written without a type-marking ending a suffix list could hold.

``区委``, ``区政府``, ``中原区委`` (a division name + 委), departments (``区发改委``, ``区科技局``,
``统战部``, ``区委办``), and enterprises named as representatives (``以中铁、郑煤机为代表的``).
"""

from __future__ import annotations

import re

from ..model import Mention
from .base import Context
from .names import STOP_WORDS

# 委 alone is a body only where it is no part of 委员 / 委托 / 委会 (人民政府委托 still names the government)
BODY = re.compile(r"(?:党工委|管委会|人民政府|政府|人大常委会|人大|政协|纪委监委|纪委|委办|委(?![\u4e00-\u9fff]?[员托会]))")
LEVEL = "省市区县镇乡"
DEPARTMENT = re.compile(
    r"(?<![\u4e00-\u9fff])([省市区县])?"
    r"(发改委|发改局|发展和改革委员会|科技局|工信局|经信局|经信委|经济和信息化局|城建局|住建局|商务局|财政局|教育局|民政局|人社局|"
    r"自然资源局|自然资源和规划局|规划局|生态环境局|环保局|园林局|体育局|行政审批局|数据资源局|投促局|招商局|人防办|"
    r"交通运输局|交通局|水利局|农业农村局|农委|文旅局|文化广电和旅游局|卫健委|应急管理局|市场监管局|统计局|审计局|"
    r"税务局|公安局|司法局|城管局|城市管理局|医保局|信访局|大数据局|金融局|退役军人事务局|组织部|宣传部|"
    r"统战部|政法委|编办|委办|政府办|人大办|政协办|网信办|国资委|国资局)"
)
REPRESENTATIVES = re.compile(r"以([^以为，。；]{2,40}?)为(?:代表|龙头)的")
COMPANY_LIST = re.compile(r"(?:引进|招引|落地|签约|入驻|吸引|培育)了?([^，。；]{2,60}?)等(?:\d+家)?(?:龙头|知名|头部|重点|优质)?(?:企业|公司|项目)")
SPLIT = re.compile(r"[、和及与]")
CENTRAL = re.compile(r"党中央|国务院")


def find_bodies(ctx: Context) -> list[Mention]:
    text = ctx.text
    names = ctx.lexicon.divisions_by_name
    found: list[Mention] = []
    for m in BODY.finditer(text):
        start = m.start()
        # a division's full name in front: 中原区委, 郑州市中原区委
        for n in range(min(10, start), 1, -1):
            if text[start - n:start] in names and text[start - n:start][-1] in LEVEL:
                start -= n
                break
        else:
            if start > 0 and text[start - 1] in LEVEL and (start < 2 or not re.match(r"[\u4e00-\u9fff]", text[start - 2])
                                                             or text[start - 2] in "、和与及全本"
                                                             or text[start - 2] in STOP_WORDS):  # 受区人民政府委托
                start -= 1
            elif m.group() in ("党工委", "管委会"):
                # the zone's name in front belongs to the body (guideline: its name): in full in a chain of posts,
                # else a bare 园区, 新区 … standing alone (园区党工委, 新区管委会)
                start -= len(_zone_in_post_chain(ctx, start, m.end()) or _bare_zone_before(text, start))
            else:
                continue
        found.append(ctx.mention("Organization", start, m.end(), "body"))
    for m in DEPARTMENT.finditer(text):
        found.append(ctx.mention("Organization", m.start(), m.end(), "department"))
    for m in CENTRAL.finditer(text):
        found.append(ctx.mention("Organization", m.start(), m.end(), "central"))
    return found


BARE_ZONES = ("园区", "新区", "开发区", "高新区", "经开区", "片区")


def _bare_zone_before(text: str, start: int) -> str:
    """A zone's bare name (园区, 新区 …) right before ``start`` that no other word runs into, else ''."""
    return next((w for w in BARE_ZONES if text.startswith(w, start - len(w))
                 and (start - len(w) == 0 or not re.match(r"[\u4e00-\u9fff]", text[start - len(w) - 1])
                      or text[start - len(w) - 1] in "、和与及全本")), "")


# A zone's full name, possibly with its second name in brackets: 湖南湘江新区(长沙高新区)
ZONE_BEFORE = re.compile(r"(?<![\u4e00-\u9fff）)])([\u4e00-\u9fff]{2,14}(?:新区|开发区|高新区|经开区|园区|试验区|示范区|合作区)"
                         r"(?:[(（][\u4e00-\u9fff]{2,12}[)）])?)$")


def _zone_in_post_chain(ctx: Context, start: int, end: int) -> str | None:
    """The zone named in front of a body in a chain of posts (长沙市委副书记、湖南湘江新区(长沙高新区)党工委书记):
    there each piece between 、 is a body and its title, so everything in front of the body names it.

    >>> from tests.conftest import doc
    >>> t = "市委常委、江南新区(江南高新区)管委会主任张三出席。"
    >>> [m.text for m in find_bodies(Context(doc(t))) if "管委会" in m.text]
    ['江南新区(江南高新区)管委会']
    >>> _zone_in_post_chain(Context(doc("会议在江南新区管委会召开。")), 7, 10) is None  # no title follows
    True
    """
    if not ctx.text.startswith(ctx.lexicon.titles, end):
        return None
    found = ZONE_BEFORE.search(ctx.text, max(0, start - 30), start)
    return found.group(1) if found else None


def find_representatives(ctx: Context) -> list[Mention]:
    """Short names listed as representative companies, or as companies brought in."""
    text = ctx.text
    found: list[Mention] = []
    for pattern in (REPRESENTATIVES, COMPANY_LIST):
        for m in pattern.finditer(text):
            pos = m.start(1)
            for part in SPLIT.split(m.group(1)):
                start = text.find(part, pos, m.end(1))
                pos = start + len(part)
                if 2 <= len(part) <= 8 and start >= 0 and re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9]+", part):
                    found.append(ctx.mention("Enterprise", start, start + len(part), "representative"))
    return found


# News organisations where a report credits them: its source line (来源：人民网-上海频道, 转自：上海证券报·中国证券网)
# and its dateline (苏报讯, 东南网1月22日讯, 红网时刻岳阳12月18日讯, 人民网上海4月11日电).
SOURCE_LINE = re.compile(r"(?:来源|稿源|信息来源|转自|来自)\s*[:：]\s*([^\n]{2,40})")
SOURCE_SPLIT = re.compile(r"[-—–·•|/、\s]+")
DATELINE = re.compile(r"^\s*([\u4e00-\u9fffA-Za-z]{2,10}?)(?:(?:[\u4e00-\u9fff]{2,3})?\d{1,2}月\d{1,2}日)?(?:讯|电)[(（\s]",
                      re.MULTILINE)
NEWS_ENDINGS = ("网", "报", "日报", "晚报", "时报", "客户端", "电视台", "融媒", "新闻", "发布", "风", "时刻")
NOT_NEWS = frozenset({"本报", "本网", "本台", "记者", "通讯员"})  # the paper itself, or a byline


def find_news_organisations(ctx: Context) -> list[Mention]:
    """The news organisations a report credits (guideline: a news organisation is an Organization).

    >>> from tests.conftest import doc
    >>> t = "标题\\n2024-01-05 10:00 来源:江南网-要闻频道 编辑:张三\\n江南日报讯(记者 李四)昨天,会议召开。"
    >>> sorted((m.text, m.type) for m in find_news_organisations(Context(doc(t))))[-2:]
    [('江南日报', 'Organization'), ('江南网', 'Organization')]
    """
    text = ctx.text
    found: list[Mention] = []
    for m in SOURCE_LINE.finditer(text):
        pos = m.start(1)
        for piece in SOURCE_SPLIT.split(m.group(1)):
            at = text.find(piece, pos)
            pos = at + len(piece)
            if piece.startswith(("编辑", "作者", "责任编辑", "记者", "时间", "日期")) or ":" in piece or "：" in piece:
                break  # the next field of the line
            if piece.endswith(("频道", "栏目", "专栏", "版")):
                continue  # 人民网-上海频道: a section of the site, not another organisation
            if 2 <= len(piece) <= 12 and at >= 0 and piece not in NOT_NEWS and re.fullmatch(r"[\u4e00-\u9fff]+", piece):
                found.append(ctx.mention("Organization", at, at + len(piece), "news-source"))
    for m in DATELINE.finditer(text):
        name = m.group(1)
        if name in NOT_NEWS or not name.endswith(NEWS_ENDINGS):
            continue
        found.append(ctx.mention("Organization", m.start(1), m.end(1), "news-dateline"))
    return found + _areas_of_news(ctx, found)


def _areas_of_news(ctx: Context, news: list[Mention]) -> list[Mention]:
    """The district a local news site is named after (长乐新闻网 → 长乐): its name without 区, 县 or 市."""
    names = ctx.lexicon.divisions_by_name
    found = []
    for m in news:
        for n in (3, 2):
            head = m.text[:n]
            if len(m.text) > n and any(head + level in names for level in ("区", "县", "市")):
                found.append(ctx.mention("AdministrativeDivision", m.start, m.start + n, "news-area"))
                break
    return found
