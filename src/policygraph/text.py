"""Stage 2: sentences and tokens of a normalised document.

jieba is loaded once per process with a domain dictionary generated from the lexicons (division
names, post titles, name endings, industries), so that ``区委书记李晓雷`` splits at the title and
``二砂文化创意产业园`` keeps its ending as one token.
"""

from __future__ import annotations

import re
import threading
from functools import cache

import jieba

from .lexicon import lexicon
from .model import Sentence

_SENTENCE_END = re.compile(r"[。！？!?]+[”’」』)]?|\n")
_lock = threading.Lock()


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


@cache
def tokenizer() -> jieba.Tokenizer:
    """A private jieba tokenizer with the domain dictionary, initialised once."""
    with _lock:
        tok = jieba.Tokenizer()
        tok.initialize()
        lex = lexicon()
        words = set(lex.divisions_by_name) | set(lex.titles) | {s for s, _ in lex.suffixes} | set(lex.industries)
        for word in sorted(words):
            tok.add_word(word, freq=2000)
        return tok


@cache
def _tags() -> dict[str, str]:
    import jieba.posseg

    return dict(jieba.posseg.dt.word_tag_tab)


def word_tag(word: str) -> str:
    """jieba's dictionary part-of-speech tag of a word ('' when unknown); a lookup, not posseg's slow cut.

    >>> word_tag("推动"), word_tag("平台")
    ('v', 'n')
    """
    return _tags().get(word, "")


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) triples of ``text``."""
    out = []
    pos = 0
    for tok in tokenizer().cut(text, HMM=True):
        out.append((tok, pos, pos + len(tok)))
        pos += len(tok)
    return out
