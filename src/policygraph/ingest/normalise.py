"""Repair newspaper layout and keep a map back to the original characters.

Newspaper columns break words across lines (``组\\n织召开``) and sometimes across a blank line at a
column or page break; headlines are repeated. The normaliser rejoins wrapped lines, keeps paragraph
boundaries as single newlines, drops whitespace inside Chinese text, drops paragraphs repeated
verbatim, and applies NFKC to each character (full-width digits and brackets become ASCII) so that
``text[i]`` always comes from ``original[offsets[i]]``.
"""

from __future__ import annotations

import re
import unicodedata

TERMINAL = set("。！？!?…")  # a closing quote or bracket at a column edge is mid-sentence
COLUMN_WIDTH = 60  # lines at most this long, when most lines of a block are, are a narrow column


# Radical code points that PDF text layers give for whole characters (a font's glyph for 马 mapped to
# U+2EE2 CJK RADICAL C-SIMPLIFIED HORSE); NFKC already folds the Kangxi radicals (⼆ → 二).
RADICALS = dict(zip("⺟⺠⻁⻄⻅⻆⻉⻋⻑⻓⻔⻘⻙⻚⻛⻜⻝⻡⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳",
                    "母民虎西见角贝车長长门青韦页风飞食首马骨鬼鱼鸟卤麦黄黾齐齿龙龟", strict=True))


def _blocks(original: str) -> list[list[tuple[int, str]]]:
    """Blank-line separated blocks of (start offset, line) pairs."""
    blocks: list[list[tuple[int, str]]] = [[]]
    pos = 0
    for raw in original.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        if line.strip():
            blocks[-1].append((pos, line))
        elif blocks[-1]:
            blocks.append([])
        pos += len(raw)
    return [b for b in blocks if b]


CLAUSE_MARKS = re.compile(r"[，。；,;]|[：:](?!\d)")  # not the colon of a time (16:30)
# a page's date or source line (no prose in it): never the continuation of the line before, nor continued
META_LINE = re.compile(r"^\s*(?:(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}|(?:来源|时间|日期|发布时间|发布日期|作者|编辑|责任编辑)\s*[:：])[^,，。；;]*$")


def _is_wrapped(line: str, width: int) -> bool:
    """A line filled to the column width without closing punctuation continues on the next line."""
    stripped = line.strip()
    return width <= COLUMN_WIDTH and len(stripped) >= max(12, int(width * 0.8)) and stripped[-1] not in TERMINAL


HEADING = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]|第[一二三四五六七八九十\d]+[章节条部分])")
OPENING_QUOTES = "“‘「『《"
SPLIT_WORD_REACH = 6  # characters each side of a break searched for a known term running across it


def _stops_mid_sentence(line: str) -> bool:
    """Prose (it has clause punctuation) that stops on a character, not a stop mark: the sentence goes on.

    >>> _stops_mid_sentence("1月12日,在中原区委组织召开的观摩推进会上,区委书记李晓雷强调,坚持")
    True
    >>> _stops_mid_sentence("(二)聚焦产业升级,构建现代产业体系,推动经济高质量发展")
    False
    """
    line = line.strip()
    return len(line) >= 20 and bool(CLAUSE_MARKS.search(line)) and _is_han(line[-1]) and not HEADING.match(line)


def _splits_a_term(before: str, after: str, terms: frozenset[str]) -> bool:
    """Whether a known term runs across the break between ``before`` and ``after`` (战略性 | 新兴产业).

    >>> _splits_a_term("都市型工业方面,以战略性", "新兴产业、未来产业为导向", frozenset({"战略性新兴产业"}))
    True
    """
    if not terms or not before or not after or not _is_han(before[-1]) or before[-1] in TERMINAL:
        return False
    left, right = before[-SPLIT_WORD_REACH:], after[:SPLIT_WORD_REACH]
    return any(left[i:] + right[:j] in terms for i in range(len(left)) for j in range(1, len(right) + 1))


def paragraphs(original: str, terms: frozenset[str] = frozenset()) -> list[list[tuple[int, str]]]:
    """Paragraphs as lists of (offset, line) pieces, wrapped lines and column and page breaks rejoined.

    ``terms`` are known words (industries, set phrases): a blank line that cuts one in two is a page break.
    """
    result: list[list[tuple[int, str]]] = []
    carry = False
    for block in _blocks(original):
        if result and not carry and _splits_a_term(result[-1][-1][1].strip(), block[0][1].strip(), terms):
            carry = True
        lengths = sorted(len(line.strip()) for _, line in block)
        width = lengths[len(lengths) * 3 // 4] if lengths else 0  # robust column width
        if len(block) == 1:
            width = max(width, COLUMN_WIDTH + 1)
        for i, (offset, line) in enumerate(block):
            if carry and result:
                result[-1].append((offset, line))
            else:
                result.append([(offset, line)])
            following = block[i + 1][1].lstrip() if i + 1 < len(block) else ""
            carry = len(block) > 1 and not META_LINE.match(following) and not META_LINE.match(line) and (
                _is_wrapped(line, width) or (following[:1] in OPENING_QUOTES and _stops_mid_sentence(line)))
        # a column break inside a sentence: the block's last line is full width and unterminated
        last = block[-1][1].strip()
        carry = len(block) > 1 and _is_wrapped(last, width) and len(last) >= width
        # a page break inside a sentence: prose (it has clause punctuation) that stops mid-word
        carry = (carry or _stops_mid_sentence(last)) and not META_LINE.match(last)
    return result


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def normalise(original: str, terms: frozenset[str] = frozenset()) -> tuple[str, tuple[int, ...]]:
    """Normalised text and, for each of its characters, the offset it came from (``terms``: see :func:`paragraphs`).

    >>> text, offsets = normalise("1月12日、13日，在中原区委、区政府组\\n织召开的2023年重点项目建设工作第一次\\n观摩推进会上。\\n\\n第二段")
    >>> text
    '1月12日、13日,在中原区委、区政府组织召开的2023年重点项目建设工作第一次观摩推进会上。\\n第二段'
    >>> text, offsets = normalise("前 5期“三个一批”项目 18个")
    >>> text
    '前5期“三个一批”项目18个'
    """
    chars: list[str] = []
    offsets: list[int] = []
    seen: set[str] = set()
    for para in paragraphs(original, terms):
        para_chars: list[str] = []
        para_offsets: list[int] = []
        for offset, line in para:
            gap = False
            for i, ch in enumerate(line):
                if ch.isspace():
                    gap = True
                    continue
                # spaces between Chinese words on one line separate names (记者 鲁燕 通讯员 张凯)
                if gap and para_chars and _is_han(para_chars[-1]) and _is_han(ch):
                    para_chars.append(" ")
                    para_offsets.append(offset + i - 1)
                gap = False
                for out in unicodedata.normalize("NFKC", RADICALS.get(ch, ch)):
                    if out.isspace():
                        continue
                    para_chars.append(out)
                    para_offsets.append(offset + i)
            # keep one space between Latin words split by a line break or spaces (``CCD Park``)
        para_chars, para_offsets = _restore_latin_spaces(para_chars, para_offsets, original)
        key = "".join(para_chars)
        if not key or key in seen:
            continue
        seen.add(key)
        if chars:  # the paragraph break stands for the whitespace just before the paragraph
            chars.append("\n")
            offsets.append(max(para_offsets[0] - 1, offsets[-1]))
        chars.extend(para_chars)
        offsets.extend(para_offsets)
    return "".join(chars), tuple(offsets)


def _restore_latin_spaces(chars: list[str], offsets: list[int], original: str) -> tuple[list[str], list[int]]:
    """Put back a single space where whitespace separated two Latin letters or digits in the original."""
    out_c: list[str] = []
    out_o: list[int] = []
    for i, ch in enumerate(chars):
        if out_c and offsets[i] - offsets[i - 1] > 1 and ch.isascii() and ch.isalnum():
            prev = out_c[-1]
            gap = original[offsets[i - 1] + 1: offsets[i]]
            if prev.isascii() and prev.isalpha() and ch.isalpha() and gap.strip() == "":
                out_c.append(" ")
                out_o.append(offsets[i - 1] + 1)
        out_c.append(ch)
        out_o.append(offsets[i])
    return out_c, out_o
