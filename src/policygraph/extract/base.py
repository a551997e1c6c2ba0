"""What every extractor shares: the context it reads and the mention helpers."""

from __future__ import annotations

import re
from bisect import bisect_right
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

    @cached_property
    def token_at(self) -> dict[int, str]:
        """The token that starts at an offset."""
        return {s: tok for tok, s, _ in self.tokens}

    @cached_property
    def _token_starts(self) -> list[int]:
        return [s for _, s, _ in self.tokens]

    def span_tokens(self, start: int, end: int) -> list[tuple[str, int, int]]:
        """Tokens of ``text[start:end]`` with offsets into the document, cut from the document's tokens.

        Only a word that the span's edges cut in two, and text between sentences, is cut again on its own:
        the document was cut once, and names are read off that cut rather than off a fresh one per name.
        """
        text, toks = self.text, self.tokens
        out: list[tuple[str, int, int]] = []
        pos = start
        i = max(bisect_right(self._token_starts, start) - 1, 0)
        while pos < end:
            while i < len(toks) and toks[i][2] <= pos:
                i += 1
            if i < len(toks) and toks[i][1] == pos and toks[i][2] <= end:
                out.append(toks[i])  # a whole word of the document's cut
                pos = toks[i][2]
                continue
            # a word an edge cuts, or text no sentence holds (a line break): cut up to the next word alone
            stop = end if i == len(toks) else min(end, toks[i][1] if toks[i][1] > pos else toks[i][2])
            out.extend((tok, pos + s, pos + e) for tok, s, e in tokens(text[pos:stop]))
            pos = stop
        return out

    def sentence_of(self, offset: int) -> Sentence:
        return sentence_at(self.sentences, offset)

    def mention(self, type_: str, start: int, end: int, source: str) -> Mention:
        return Mention(type_, self.text[start:end], start, end, self.sentence_of(start).index, source)
