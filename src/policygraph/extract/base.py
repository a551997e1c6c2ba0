"""What every extractor shares: the context it reads and the mention helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ..lexicon import Lexicon, division_finder, lexicon
from ..model import Document, Mention, Sentence
from ..text import sentence_at, sentences

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

    def sentence_of(self, offset: int) -> Sentence:
        return sentence_at(self.sentences, offset)

    def mention(self, type_: str, start: int, end: int, source: str) -> Mention:
        return Mention(type_, self.text[start:end], start, end, self.sentence_of(start).index, source)
