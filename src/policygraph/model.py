"""The typed records that flow between the pipeline stages.

documents → :class:`Document` → :class:`Sentence` → :class:`Mention` → :class:`Entity` and facts
(:class:`Relation`, :class:`LiteralFact`, :class:`Post`, :class:`Observation`) → :class:`Extraction`.
Offsets are into ``Document.text`` (the normalised text); ``Document.source_offsets`` maps them back
to the original file's characters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Document:
    """One normalised source document."""

    id: str
    path: Path
    title: str  # the headline, or "" when the text has none
    date: str | None  # ISO date of publication
    year: int | None  # the year the document is about
    original: str  # the decoded file as read
    text: str  # normalised: lines rejoined, repeated paragraphs dropped, NFKC per character
    source_offsets: tuple[int, ...]  # text[i] came from original[source_offsets[i]]
    sha256: str
    traditional: bool = False  # written in traditional characters; ``text`` holds them simplified
    warnings: tuple[str, ...] = ()  # what was read in spite of a problem (a cut-off last character, ...)
    source: str | None = None  # the web address it was saved from
    publisher: str | None = None
    language: str = "zh"
    stated_area: str | None = None  # the area front matter or a manifest says it is about, by name
    date_from: str | None = None  # where ``date`` was read: "stated", "page", "text" (a date line) or "address"
    extra: tuple[tuple[str, str], ...] = ()  # other front-matter or manifest keys

    @property
    def dated_by_line(self) -> bool:
        """Whether the date is the document's own (stated, or its date line), so 今天 and 昨天 can be dated."""
        return self.date is not None and self.date_from != "address"

    def as_written(self, start: int, end: int) -> str:
        """``text[start:end]`` in the document's own characters (traditional ones where it used them)."""
        span = self.text[start:end]
        if not self.traditional:
            return span
        import unicodedata

        from .script import to_simplified

        chars = []
        for i, c in enumerate(span, start):
            # the original as the normaliser read it: a compatibility ideograph (U+F9D3) is its unified 陸
            o = unicodedata.normalize("NFKC", self.original[self.source_offsets[i]]) if i < len(self.source_offsets) else c
            chars.append(o if len(o) == 1 and o != c and to_simplified(o) == c else c)
        return "".join(chars)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original file that ``text[start:end]`` came from."""
        if start >= end:
            return (self.source_offsets[start] if start < len(self.source_offsets) else len(self.original),) * 2
        return self.source_offsets[start], self.source_offsets[end - 1] + 1


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A surface form of a typed name at a place in a document."""

    type: str
    text: str
    start: int
    end: int
    sentence: int
    source: str = ""  # which extractor found it, for debugging

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass
class Entity:
    """One real-world thing within a document (``key`` is local) or across the corpus (``iri`` set)."""

    key: str
    types: set[str]
    label: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    code: str | None = None  # GB/T 2260 code of an administrative division
    parent_code: str | None = None
    level: str | None = None
    iri: str | None = None

    @property
    def labels(self) -> set[str]:
        return {self.label, *self.aliases}


@dataclass(frozen=True)
class Evidence:
    """Where in a document a statement was read."""

    start: int
    end: int
    sentence: int


@dataclass(frozen=True)
class Relation:
    subject: str  # entity keys
    predicate: str
    object: str
    evidence: Evidence | None = None


@dataclass(frozen=True)
class LiteralFact:
    subject: str
    predicate: str  # "date" or "investment"
    value: str | float
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Post:
    person: str
    title: str
    org: str | None
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Observation:
    """One indicator value for an area and a year (an RDF Data Cube observation)."""

    area: str
    indicator: str
    measure: str  # "level" or "growth"
    year: int
    value: float
    unit: str
    status: str  # "target", "actual" or "plan"
    written: str  # the number as written, with its unit
    evidence: Evidence | None = None


@dataclass
class Extraction:
    """Everything read from one document."""

    document: Document
    sentences: list[Sentence]
    entities: dict[str, Entity]
    relations: list[Relation] = field(default_factory=list)
    literals: list[LiteralFact] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    subject_area: str | None = None  # the key of the area the document is about
