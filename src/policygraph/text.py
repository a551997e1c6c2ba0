"""Stage 2: sentences and tokens of a normalised document.

Text is cut as jieba cuts it, with a domain dictionary generated from the lexicons (division names,
post titles, name endings, industries), so that ``区委书记李晓雷`` splits at the title and
``二砂文化创意产业园`` keeps its ending as one token. The cut is made by jieba-rs, jieba's Rust port,
about ten times faster than jieba's Python, and gives jieba's tokens (see :func:`tokens`).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import jieba
import jieba.finalseg
import rjieba

from .lexicon import lexicon
from .model import Sentence

_SENTENCE_END = re.compile(r"[。！？!?]+[”’」』)]?|\n")
# jieba's own patterns: the blocks it cuts, the spaces between them, and how it reads unknown words
_BLOCK, _SPACE = jieba.re_han_default, jieba.re_skip_default
_HAN, _SKIP = jieba.finalseg.re_han, jieba.finalseg.re_skip
_TOTAL_CARRIER = "\ue000"  # a private-use character: outside jieba's blocks, so jieba-rs never meets it in a text
_lock = threading.RLock()  # _cutter() reads dictionary() while holding it


def sentences(text: str) -> list[Sentence]:
    """Split at sentence-final punctuation and paragraph breaks, keeping offsets.

    >>> [s.text for s in sentences("一要突破。二要创新！\\n标题")]
    ['一要突破。', '二要创新！', '标题']
    """
    result: list[Sentence] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end() if m.group() != "\n" else m.start()
        if text[start:end].strip():
            result.append(Sentence(len(result), start, end, text[start:end]))
        start = m.end()
    if text[start:].strip():
        result.append(Sentence(len(result), start, len(text), text[start:]))
    return result


def sentence_at(sents: list[Sentence], offset: int) -> Sentence:
    """The sentence containing an offset (binary search)."""
    lo, hi = 0, len(sents) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sents[mid].start <= offset:
            lo = mid
        else:
            hi = mid - 1
    return sents[lo]


DOMAIN_FREQ = 2000  # the frequency a domain word gets: it outweighs the splits jieba would otherwise choose


def _domain_words() -> list[str]:
    lex = lexicon()
    return sorted(set(lex.divisions_by_name) | set(lex.titles) | {s for s, _ in lex.suffixes} | set(lex.industries))


@dataclass(frozen=True)
class Dictionary:
    """jieba's dictionary with the domain words: what the cut weighs, and what the extractors look up."""

    freq: dict[str, int]  # word -> frequency, the domain words at DOMAIN_FREQ (as jieba's add_word sets them)
    tags: dict[str, str]  # word -> part-of-speech tag, from jieba's own dictionary only
    replaced: int  # the frequencies the domain words had before: jieba's total still counts them


@cache
def dictionary() -> Dictionary:
    """jieba's ``dict.txt`` read once (jieba's own loading would read it twice, for frequencies and tags)."""
    with _lock:
        freq: dict[str, int] = {}
        tags: dict[str, str] = {}
        with jieba.get_dict_file() as f:
            for line in f.read().decode("utf-8").splitlines():
                word, count, tag = line.split(" ")
                freq[word], tags[word] = int(count), tag
        replaced = 0
        for word in _domain_words():
            replaced += freq.get(word, 0)
            freq[word] = DOMAIN_FREQ
        return Dictionary(freq, tags, replaced)


def frequencies() -> dict[str, int]:
    """Word frequencies of the dictionary the text is cut with (a rare word is likely part of a name)."""
    return dictionary().freq


def word_tag(word: str) -> str:
    """jieba's dictionary part-of-speech tag of a word ('' when unknown); a lookup, not posseg's slow cut.

    >>> word_tag("推动"), word_tag("平台")
    ('v', 'n')
    """
    return dictionary().tags.get(word, "")


@cache
def _cutter() -> rjieba.Jieba:
    """jieba-rs, the Rust port of jieba (same dictionary, same model), given the same domain words.

    jieba adds an added word's frequency to the dictionary total even when the word was there already;
    jieba-rs replaces the old frequency. One private-use entry, which no text holds, carries the
    difference, so both compute the same word probabilities and choose the same cut.
    """
    with _lock:
        cutter = rjieba.Jieba()
        for word in _domain_words():
            cutter.add_word(word, DOMAIN_FREQ, None)
        cutter.add_word(_TOTAL_CARRIER, dictionary().replaced, None)
        return cutter


def load() -> None:
    """Load the dictionaries now rather than at the first document (start-up, not throughput)."""
    dictionary()
    _cutter()


def jieba_tokenizer() -> jieba.Tokenizer:
    """jieba's own (Python) tokenizer with the same domain words: the cut :func:`tokens` reproduces."""
    tok = jieba.Tokenizer()
    tok.initialize()
    for word in _domain_words():
        tok.add_word(word, freq=DOMAIN_FREQ)
    return tok


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) triples of ``text``: jieba's cut (``cut(text, HMM=True)``), made in Rust.

    Text is split into blocks as jieba splits it; jieba-rs cuts each block. Where jieba-rs's
    unknown-word rules read letters and digits differently from jieba's (``1-5月``, ``Wi-Fi``), its
    token is split again as jieba would, so the tokens are jieba's own (tests/test_text.py checks this
    against jieba on the seed corpus and on random text).

    >>> [t for t, _, _ in tokens("2023-2025年推进5G基站建设")]
    ['2023', '-', '2025', '年', '推进', '5G', '基站', '建设']
    """
    out: list[tuple[str, int, int]] = []
    cut = _cutter().cut
    freq = dictionary().freq
    pos = 0
    for block in _BLOCK.split(text):
        if not block:
            continue
        if _BLOCK.match(block):
            words: Iterable[str] = (piece for word in cut(block, True) for piece in _as_jieba(word, freq))
        else:  # outside blocks jieba yields whitespace as it comes and every other character alone
            words = (piece for x in _SPACE.split(block) if x
                     for piece in ((x,) if _SPACE.match(x) else tuple(x)))
        for word in words:
            out.append((word, pos, pos + len(word)))
            pos += len(word)
    return out


def _as_jieba(word: str, freq: dict[str, int]) -> Iterable[str]:
    """A jieba-rs token as jieba gives it: letters, digits and signs outside the dictionary split by
    jieba's unknown-word pattern."""
    if len(word) == 1 or _HAN.search(word) or freq.get(word):
        return (word,)
    return (x for x in _SKIP.split(word) if x)
