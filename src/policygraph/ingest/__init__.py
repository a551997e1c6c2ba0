"""Stage 1: files → :class:`~policygraph.model.Document`."""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache
from pathlib import Path

from ..model import Document
from ..script import is_traditional, to_simplified
from .metadata import (
    Manifest,
    ManifestError,
    Metadata,
    headline,
    read_manifest,
    split_front_matter,
    text_date,
    url_date,
)
from .normalise import normalise
from .readers import MAX_BYTES, READERS, IngestError, read_with_metadata

__all__ = ["MAX_BYTES", "READERS", "IngestError", "Manifest", "ManifestError", "Metadata", "document_from_text",
           "find_files", "load_document", "read_manifest"]

_YEAR = re.compile(r"(20\d\d)年")
_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def find_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The files named, and every file below the folders named (hidden ones aside), in a stable order.

    Unsupported files are listed too, so that the build can say it skipped them, and so are what cannot
    be files to read: dangling links, links that loop back to a folder above, folders that cannot be
    listed. Reading each of those fails with a reason (:func:`~policygraph.ingest.readers.read_bytes`).
    """
    for path in paths:
        if path.is_dir():
            yield from sorted(_walk(path))
        else:
            yield path


def _walk(top: Path) -> Iterator[Path]:
    seen = {os.path.realpath(top)}
    unreadable: list[Path] = []
    for folder, dirs, files in os.walk(top, followlinks=True, onerror=lambda e: unreadable.append(Path(e.filename))):
        here = Path(folder)
        for name in list(dirs):
            real = os.path.realpath(here / name)
            if name.startswith(".") or real in seen:
                dirs.remove(name)
                if not name.startswith("."):
                    yield here / name  # a link back to a folder already walked: a loop
                continue
            seen.add(real)
        yield from (here / name for name in files if not name.startswith("."))
    yield from (p for p in unreadable if p != top)


def document_id(path: Path, digest: str) -> str:
    """A stable id: the file's name when it is URL-safe, otherwise a digest of its content.

    >>> document_id(Path("corpus/001_b599.txt"), "ab" * 32)
    '001_b599'
    >>> document_id(Path("中原区报告.txt"), "ab" * 32)
    'doc-abababababababab'
    """
    slug = _SAFE.sub("-", path.stem).strip("-.")
    return slug if slug and slug == path.stem else f"doc-{digest[:16]}"


def subject_year(text: str, date: str | None) -> int | None:
    """The year a document is about. With a date: the date's year, or the next year when a piece from the
    last quarter names it more (a new-year piece dated 2024-12-30 that sets out 2025 is about 2025).
    Without one: the year it names most (the later on a tie).

    A report published in February 2023 on 2022's results and 2023's plan is about 2023; an article of
    April 2024 on projects to finish in 2026 is about 2024.

    >>> subject_year("2022年完成……2023年目标……2023年", "2023-02-22"), subject_year("2026年建成……2026年", "2024-04-11")
    (2023, 2024)
    >>> subject_year("2025年目标……2025年", "2024-12-30"), subject_year("2022年完成……2023年目标……2023年", None)
    (2025, 2023)
    """
    counts = Counter(int(y) for y in _YEAR.findall(text))
    if date:
        year, month = int(date[:4]), int(date[5:7])
        return year + 1 if month >= 10 and counts[year + 1] > counts[year] else year
    return max(counts, key=lambda y: (counts[y], y)) if counts else None


@cache
def _known_terms() -> frozenset[str]:
    """Words a page break may cut in two and that are then joined again: industries and set phrases."""
    from ..lexicon import lexicon

    lex = lexicon()
    return frozenset(t for t in lex.industries | lex.set_phrases if len(t) >= 4)


def document_from_text(original: str, path: Path, doc_id: str | None = None, given: Metadata | None = None,
                       page: Metadata | None = None) -> Document:
    """A document from already decoded text (the entry point tests and other readers use).

    A leading front-matter block is read and left out of the text (its characters are blanked, so
    offsets still point into ``original``). Stated metadata (front matter, else ``given``, a manifest's
    row) wins; then the page's own (``page``); then what the text shows (its date line, its headline);
    then the address (a date in the URL).
    """
    digest = hashlib.sha256(original.encode("utf-8")).hexdigest()
    body, front = split_front_matter(original)
    stated = front.over(given or Metadata())
    found = stated.over(page or Metadata())
    text, offsets = normalise(body, _known_terms())
    if not text:
        raise IngestError(path, "has no text after normalisation")
    title = found.title or headline(text) or ""  # in the document's own characters
    traditional = is_traditional(text)
    if traditional:  # extraction and lexicons work on simplified characters; evidence keeps the original
        text = to_simplified(text)
    date, date_from = _date(text, stated, page or Metadata(), found.source)
    return Document(
        id=doc_id or document_id(path, digest),
        path=path,
        title=title,
        date=date,
        year=subject_year(text, date),
        original=original,
        text=text,
        source_offsets=offsets,
        sha256=digest,
        traditional=traditional,
        warnings=found.warnings,
        source=found.source,
        publisher=found.publisher,
        language=found.language or "zh",
        stated_area=found.area,
        date_from=date_from,
        extra=found.extra,
    )


def _date(text: str, stated: Metadata, page: Metadata, source: str | None) -> tuple[str | None, str | None]:
    """The publication date and where it was read, in the order stated → page → date line → address."""
    if stated.date:
        return stated.date, "stated"
    if page.date:
        return page.date, "page"
    in_address = url_date(source)
    in_text = text_date(text, subject_year(text, None), near=in_address)
    if in_text:
        return in_text, "text"
    return (in_address, "address") if in_address else (None, None)


def load_document(path: Path, max_bytes: int = MAX_BYTES, given: Metadata | None = None) -> Document:
    """Read, decode and normalise one file (``given``: its manifest row); raises :class:`IngestError`."""
    warnings: list[str] = []
    text, page = read_with_metadata(path, max_bytes, warnings)
    doc = document_from_text(text, path, given=given, page=page)
    return replace(doc, warnings=(*warnings, *doc.warnings)) if warnings else doc
