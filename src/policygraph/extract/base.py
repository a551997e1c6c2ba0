"""What every extractor shares: the context it reads and the mention helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ..lexicon import Lexicon, division_finder, lexicon
from ..model import Document, Mention, Sentence
from ..text import sentence_at, sentences, tokens

CJK = re.compile(r"[\u4e00-\u9fff]")
QUOTED = re.compile(r"[“\"]([^“”\"\n]{1,40})[”\"]")
BOOK = re.compile(r"《([^《》\n]{2,80})》")


@dataclass
class Context:
    """One document with its sentences and the lexicons, as every extractor sees it."""

    document: Document

    @cached_property
    def text(self) -> str:
        return self.document.text

    @cached_property
    def sentences(self) -> list[Sentence]:
        return sentences(self.document.text)

    @cached_property
    def lexicon(self) -> Lexicon:
        return lexicon()

    @cached_property
    def division_codes_named(self) -> frozenset[str]:
        """Codes of every division whose name (full or short) occurs anywhere in the text."""
        names = self.lexicon.divisions_by_name
        return frozenset(d.code for label in division_finder().present(self.text) for d in names[label])

    @cached_property
    def tokens(self) -> list[tuple[str, int, int]]:
        """jieba tokens of every sentence, with offsets into the document (each sentence cut once)."""
        out: list[tuple[str, int, int]] = []
        for sent in self.sentences:
            out.extend((tok, sent.start + s, sent.start + e) for tok, s, e in tokens(sent.text))
        return out

    @cached_property
    def token_bounds(self) -> frozenset[int]:
        """Offsets where a token starts or ends: a name found by lexicon should not cut a word in two."""
        return frozenset(x for _, s, e in self.tokens for x in (s, e))

    def sentence_of(self, offset: int) -> Sentence:
        return sentence_at(self.sentences, offset)

    def mention(self, type_: str, start: int, end: int, source: str) -> Mention:
        return Mention(type_, self.text[start:end], start, end, self.sentence_of(start).index, source)
