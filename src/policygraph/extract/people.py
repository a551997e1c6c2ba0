"""People and the posts they hold: title + name, name lists after 领导, bylines, 同志."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Mention
from ..text import word_tag
from .base import CJK, Context
from .names import PUNCT

# Words that start right after a name and so end it (张波作工作部署 → 张波).
AFTER_NAME = ("主持", "出席", "参加", "强调", "表示", "指出", "讲话", "介绍", "带队", "一行", "深入", "看望", "慰问",
              "调研", "作", "等", "同志", "在", "说", "要", "率", "陪同", "向", "对", "为", "和", "与", "及", "是",
              "到", "来", "走访", "首先", "代表", "传达", "宣读", "通报", "总结", "部署", "就", "也", "还", "主任",
              "家属", "一家", "出", "参", "宣布", "致辞", "发言", "会见", "见证", "签约", "观摩", "考察", "视察",
              "察看", "听取", "了解", "来到", "先后", "一同", "共同", "分别", "带领", "实地")
ROLE_WORDS = ("记者", "通讯员", "摄影", "实习生", "书记", "主任", "部长", "区长", "市长", "局长", "常委")
NOT_GIVEN_NAMES = {"其他", "其它", "各位", "他们", "她们", "大家", "同志", "其", "各", "委", "局", "政府", "办", "委会"}  # 区委: 区 is a surname too
NOT_AFTER_NAME = ("项目", "工程", "一期", "二期", "三期", "片区", "园区")
BYLINE = {"记者": "记者", "通讯员": "通讯员", "摄影": "摄影", "实习生": "实习生"}
LEADERS = ("领导", "嘉宾")  # words before a list of names that are not post titles


@dataclass(frozen=True)
class TitledName:
    """A person's name with the chain of post phrases in front of it (区委常委、统战部部长)."""

    person: Mention
    phrases: tuple[tuple[int, int], ...]  # spans of post phrases, each ending in a title


def person_name_at(text: str, i: int, surnames: frozenset[str]) -> int:
    """The end of a person's name starting at ``i``, or ``i`` when none starts there."""
    if i >= len(text) or not CJK.match(text[i]):
        return i
    sur = 2 if text[i:i + 2] in surnames else 1 if text[i] in surnames else 0
    if not sur:
        return i
    best = i
    for given in (1, 2):
        end = i + sur + given
        if end > len(text) or not all(CJK.match(c) for c in text[i + sur:end]):
            break
        if text[i + sur:end] in NOT_GIVEN_NAMES:  # 委员和其他列席人员: 和 is a surname, 其他 is no given name
            return best
        best = end
        if text.startswith(AFTER_NAME, end) and given == 1:
            return end  # 闫凯参加 → 闫凯
    if best - i == sur + 2 and text.startswith(AFTER_NAME + ROLE_WORDS, best - 1):
        best -= 1
    return best


def _ends_name(text: str, end: int) -> bool:
    """Whether what follows a candidate name ends it: punctuation, a list separator or a verb."""
    return end >= len(text) or text[end] in PUNCT or text.startswith(AFTER_NAME, end)


def _title_end_before(text: str, pos: int, titles: tuple[str, ...]) -> str | None:
    for t in titles:
        if text.startswith(t, pos - len(t)):
            return t
    return None


def find_titled_people(ctx: Context) -> list[TitledName]:
    """Every name right after a post title (optionally a space between), with its post phrases."""
    text, lex = ctx.text, ctx.lexicon
    results: list[TitledName] = []
    for title in (*lex.titles, *LEADERS):
        pos = text.find(title)
        while pos >= 0:
            after = pos + len(title)
            i = after + (1 if after < len(text) and text[after] == " " else 0)
            end = person_name_at(text, i, lex.surnames)
            if title in LEADERS and not _ends_name(text, end):
                end = i  # 领导来到… is not a list of names
            if text.startswith(NOT_AFTER_NAME, end) or "期" in text[i:end]:
                end = i  # 高新区长康二期项目: a project's name, not 区长 and a person
            if end > i and (end >= len(text) or not text.startswith(title, end)):
                phrases = _phrase_chain(text, after, lex.titles) if title not in LEADERS else ()
                results.append(TitledName(ctx.mention("Person", i, end, "title+name"), phrases))
                # a list of further names: 区领导郭宏力、王宏伟、李国立等
                j = end
                while j < len(text) and text[j] == "、":
                    k = list_name_at(text, j + 1, lex.surnames)
                    if k == j + 1:
                        break
                    results.append(TitledName(ctx.mention("Person", j + 1, k, "name-list"), phrases))
                    j = k
            pos = text.find(title, pos + 1)
    return _dedupe(results)


def list_name_at(text: str, i: int, surnames: frozenset[str]) -> int:
    """The end of a name in a list of names (after 、), or ``i``: a name by its surname, else any two or three
    characters that the list's separators, 等 or a verb bound (a list of officials names people whatever
    their surname: 区领导赵一鸣、洪文涛、吴家荣).

    >>> t = "区领导赵一鸣、洪文涛、吴家荣等参加"
    >>> list_name_at(t, 7, frozenset("周吴")), list_name_at(t, 11, frozenset("周吴"))
    (10, 14)
    """
    k = person_name_at(text, i, surnames)
    if k - i in (2, 3) and (k >= len(text) or not CJK.match(text[k]) or text[k] in "等出参"
                            or text.startswith(AFTER_NAME, k)):
        return k
    run = i
    while run < len(text) and CJK.match(text[run]) and run - i < 4:
        run += 1
    for end in (run, run - 1):  # 顾瑾参加: the run may take the first character of the verb
        if end - i in (2, 3) and (end >= len(text) or text[end] in "、等" or text[end] in PUNCT
                                  or text.startswith(AFTER_NAME, end)) and text[i:end] not in NOT_GIVEN_NAMES:
            return end
    return i


def _names_before(text: str, at: int, surnames: frozenset[str]) -> list[tuple[int, int]]:
    """Names listed before ``at`` and joined by 、: 张双成、刘畅等区领导 (read from the right)."""
    found: list[tuple[int, int]] = []
    end = at
    while end > 0:
        start = next((s for s in (end - 3, end - 2) if s >= 0 and list_name_at(text, s, surnames) == end
                      and (s == 0 or not CJK.match(text[s - 1]))), None)
        if start is None:
            break
        found.append((start, end))
        if start == 0 or text[start - 1] != "、":
            break
        end = start - 1
    return found


LEADERS_AFTER = re.compile(r"等(?:区|市|县|省|镇|州|园区|新区)?(?:领导|负责同志|嘉宾)")
NAME_BEFORE_TITLE = re.compile(r"总书记")


def find_listed_before(ctx: Context) -> list[Mention]:
    """Names before 等区领导 (张双成、刘畅等区领导), and a name before 总书记 (习近平总书记)."""
    text, surnames = ctx.text, ctx.lexicon.surnames
    found = [ctx.mention("Person", s, e, "name-list")
             for m in LEADERS_AFTER.finditer(text) for s, e in _names_before(text, m.start(), surnames)]
    for m in NAME_BEFORE_TITLE.finditer(text):  # 贯彻习近平总书记: a three- or two-character name right before it
        start = next((s for s in (m.start() - 3, m.start() - 2) if s >= 0 and text[s] in surnames
                      and person_name_at(text, s, surnames) == m.start()), None)
        if start is not None:
            found.append(ctx.mention("Person", start, m.start(), "name+title"))
    return found


def _phrase_chain(text: str, title_end: int, titles: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """Post phrases ending at ``title_end`` and before it, joined by 、 (区委常委、统战部部长、区委办主任)."""
    phrases = []
    end = title_end
    while True:
        start = end
        while start > 0 and text[start - 1] not in PUNCT and end - start < 16:
            start -= 1
        phrases.append((start, end))
        if start > 0 and text[start - 1] == "、" and _title_end_before(text, start - 1, titles):
            end = start - 1
            continue
        break
    return tuple(reversed(phrases))


def _dedupe(results: list[TitledName]) -> list[TitledName]:
    seen: dict[tuple[int, int], TitledName] = {}
    for r in results:
        key = (r.person.start, r.person.end)
        if key not in seen or len(r.phrases) > len(seen[key].phrases):
            seen[key] = r
    return sorted(seen.values(), key=lambda r: r.person.start)


def find_bylines(ctx: Context) -> list[tuple[Mention, str]]:
    """Reporters and correspondents: ``记者 鲁燕 通讯员 张凯``, ``王赛华/文``, ``杨勇/图``."""
    text, surnames = ctx.text, ctx.lexicon.surnames
    found: list[tuple[Mention, str]] = []
    for word, role in BYLINE.items():
        pos = text.find(word)
        while pos >= 0:
            i = pos + len(word)
            while True:
                while i < len(text) and text[i] in " :：":
                    i += 1
                end = person_name_at(text, i, surnames)
                if end - i < 2:
                    break
                found.append((ctx.mention("Person", i, end, "byline"), role))
                if end < len(text) and text[end] in " 、" and person_name_at(text, end + 1, surnames) - end - 1 >= 2:
                    i = end + 1
                    continue
                break
            pos = text.find(word, pos + 1)
    named = {(m.start, m.end) for m, _ in found}
    for m in re.finditer(r"([\u4e00-\u9fff]{2,3})\s?/\s?([文图])", text):
        start = m.start(1)
        end = person_name_at(text, start, surnames)
        # 通讯员 王耀祖 王文成/文: the role word before the names says what they are; /文 marks the group
        if end == m.end(1) and (start, end) not in named:
            found.append((ctx.mention("Person", start, end, "byline"), "记者" if m.group(2) == "文" else "摄影"))
    return found


def find_comrades(ctx: Context) -> list[Mention]:
    """``赵振江同志``, ``烈士赵振江``, ``家属赵富忠``."""
    text, surnames = ctx.text, ctx.lexicon.surnames
    found = []
    for m in re.finditer(r"([\u4e00-\u9fff]{2,3})同志", text):
        for start in (m.start(1), m.start(1) + 1):
            if person_name_at(text, start, surnames) == m.end(1) and m.end(1) - start >= 2:
                found.append(ctx.mention("Person", start, m.end(1), "comrade"))
                break
    for m in re.finditer(r"(?:烈士|家属|老党员|老兵|劳模|困难群众|困难职工|村民|居民|代表)", text):
        end = person_name_at(text, m.end(), surnames)
        if (end - m.end() in (2, 3) and not _common_word(text[m.end():end])
                and (end >= len(text) or text[end] in PUNCT or text.startswith(("家属", "一家", "同志", "家中", "家里"), end))):
            found.append(ctx.mention("Person", m.end(), end, "kin"))
    return found


def _common_word(candidate: str) -> bool:
    """关注困难群众冷暖: a word jieba knows as something other than a name is no person (冷 is a surname too)."""
    tag = word_tag(candidate)
    return bool(tag) and not tag.startswith("nr")


def find_people(ctx: Context) -> list[Mention]:
    return ([t.person for t in find_titled_people(ctx)] + [m for m, _ in find_bylines(ctx)] + find_comrades(ctx)
            + find_listed_before(ctx))
