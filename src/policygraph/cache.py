"""Extractions kept beside a build, so ``build --update`` re-extracts only new and changed documents.

An extraction is a pure function of the document (its id and text) and of the code and lexicons
that read it. The cache key is therefore the document id and file name, the SHA-256 of its text and a fingerprint
of the package's code and lexicons: change any of them and the document is extracted again. What
comes out of the cache is what extraction would have produced, so an update equals a full rebuild.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from dataclasses import replace
from functools import cache
from importlib.metadata import version
from pathlib import Path

from .config import lexicon_dir
from .model import Document, Extraction

CACHE_DIR = "cache"
MANIFEST = "manifest.json"


@cache
def code_fingerprint() -> str:
    """A digest of every module and lexicon file that extraction reads, and of the tokenizers' versions."""
    digest = hashlib.sha256()
    for tokenizer in ("jieba", "rjieba"):  # their dictionary and model decide the cut
        digest.update(f"{tokenizer} {version(tokenizer)}".encode())
    package = Path(__file__).resolve().parent
    for path in sorted([*package.rglob("*.py"), *lexicon_dir().glob("*")]):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def key(doc: Document) -> str:
    """A document's cache key: its text, and what it states about itself (a changed date, area or title
    changes what is extracted), under this code and these lexicons."""
    stated = repr((doc.title, doc.date, doc.date_from, doc.year, doc.source, doc.stated_area, doc.publisher))
    return hashlib.sha256(f"{doc.id}|{doc.path.name}|{doc.sha256}|{stated}|{code_fingerprint()}".encode()
                          ).hexdigest()[:32]


class ExtractionCache:
    """Reads extractions from the previous build's cache; the new build writes its own."""

    def __init__(self, previous: Path | None):
        self.previous = previous / CACHE_DIR if previous else None
        manifest = self.previous / MANIFEST if self.previous else None
        self.old: dict[str, str] = (json.loads(manifest.read_text(encoding="utf-8")).get("documents", {})
                                    if manifest and manifest.exists() else {})
        self.reused = 0

    def get(self, doc: Document) -> Extraction | None:
        if self.previous is None:
            return None
        file = self.previous / f"{key(doc)}.pickle"
        if not file.exists():
            return None
        try:
            with file.open("rb") as f:
                x = pickle.load(f)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None  # a damaged or foreign entry is extracted again
        if not isinstance(x, Extraction) or x.document.sha256 != doc.sha256:
            return None
        self.reused += 1
        return replace(x, document=doc)  # the same text, read from where the file is now

    def changes(self, extractions: list[Extraction]) -> dict[str, int]:
        """How the documents differ from the previous build: added, changed, removed, unchanged."""
        new = {x.document.id: x.document.sha256 for x in extractions}
        return {
            "added": sum(1 for d in new if d not in self.old),
            "changed": sum(1 for d, h in new.items() if d in self.old and self.old[d] != h),
            "removed": sum(1 for d in self.old if d not in new),
            "unchanged": sum(1 for d, h in new.items() if self.old.get(d) == h),
        }


def write_cache(extractions: list[Extraction], folder: Path) -> None:
    """Every extraction of a build, and a manifest of document ids and text digests."""
    target = folder / CACHE_DIR
    target.mkdir(parents=True, exist_ok=True)
    for x in extractions:
        with (target / f"{key(x.document)}.pickle").open("wb") as f:
            pickle.dump(x, f, protocol=pickle.HIGHEST_PROTOCOL)
    manifest = {"fingerprint": code_fingerprint(),
                "documents": {x.document.id: x.document.sha256 for x in extractions}}
    (target / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
