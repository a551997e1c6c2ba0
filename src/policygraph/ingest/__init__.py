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
from .normalise import normalise
from .readers import MAX_BYTES, READERS, IngestError, read_text
from .script import is_traditional, to_simplified

__all__ = ["MAX_BYTES", "READERS", "IngestError", "document_from_text", "find_files", "load_document"]

_DATE = re.compile(r"(20\d\d|19\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO_DATE = re.compile(r"(?:时间|日期|发布)\s*[:：]\s*(20\d\d)[-/.](\d{1,2})[-/.](\d{1,2})")
_YEAR = re.compile(r"(20\d\d)年")
_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")
HEADER_CHARS = 400  # a bare date further in is an event's date, not the document's


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


def publication_date(text: str) -> str | None:
    """The first full date the text states, as ISO.

    >>> publication_date("——2023年2月22日在中原区第十七届人民代表大会")
    '2023-02-22'
    >>> publication_date("时间:2024-02-27 来源:经开时报")
    '2024-02-27'
    """
    candidates = []
    for pattern, window in ((_ISO_DATE, text), (_DATE, text[:HEADER_CHARS])):
        m = pattern.search(window)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            if 1 <= mo <= 12 and 1 <= d <= 31:
                candidates.append((m.start(), f"{y:04d}-{mo:02d}-{d:02d}"))
    return min(candidates)[1] if candidates else None


def subject_year(text: str, date: str | None) -> int | None:
    """The year a document is about: the year it names most (the later on a tie), else its date's year.

    A report published in February 2023 on 2022's results and 2023's plan is about 2023; a new-year
    piece dated 2024-12-30 that sets out 2025 is about 2025.

    >>> subject_year("2022年完成……2023年目标……2023年", "2023-02-22")
    2023
    """
    counts = Counter(int(y) for y in _YEAR.findall(text))
    if not counts:
        return int(date[:4]) if date else None
    return max(counts, key=lambda y: (counts[y], y))


def title_of(text: str) -> str:
    """The first paragraph that reads like a headline."""
    for para in text.split("\n"):
        para = para.strip()
        if len(para) >= 4 and not para.isdigit():
            return para[:120]
    return ""


@cache
def _known_terms() -> frozenset[str]:
    """Words a page break may cut in two and that are then joined again: industries and set phrases."""
    from ..lexicon import lexicon

    lex = lexicon()
    return frozenset(t for t in lex.industries | lex.set_phrases if len(t) >= 4)


def document_from_text(original: str, path: Path, doc_id: str | None = None) -> Document:
    """A document from already decoded text (the entry point tests and other readers use)."""
    digest = hashlib.sha256(original.encode("utf-8")).hexdigest()
    text, offsets = normalise(original, _known_terms())
    if not text:
        raise IngestError(path, "has no text after normalisation")
    title = title_of(text)  # in the document's own characters
    traditional = is_traditional(text)
    if traditional:  # extraction and lexicons work on simplified characters; evidence keeps the original
        text = to_simplified(text)
    date = publication_date(text)
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
    )


def load_document(path: Path, max_bytes: int = MAX_BYTES) -> Document:
    """Read, decode and normalise one file; raises :class:`IngestError` with the reason."""
    warnings: list[str] = []
    doc = document_from_text(read_text(path, max_bytes, warnings), path)
    return replace(doc, warnings=tuple(warnings)) if warnings else doc
