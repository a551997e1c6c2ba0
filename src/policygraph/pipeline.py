"""The whole path: files → documents → extractions → corpus entities → quads → TriG, store, HTML.

Output is written into a fresh folder beside the target and moved into place at the end, so a build
that fails or is killed leaves the previous graph, store and page as they were.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import jieba

from .config import PREFIXES, corpus_dir, iri_base, ontology_dir
from .extract import extract_document
from .ingest import IngestError, find_files, load_document
from .model import Extraction
from .rdf import all_quads
from .resolve import merge_corpus
from .store import create_store, to_oxigraph, write_trig

jieba.setLogLevel(logging.WARNING)

Progress = Callable[[str, int, int], None]  # (stage, done, total)


class BuildError(Exception):
    """A build that cannot produce a graph (no readable documents, an unwritable output folder)."""


@dataclass
class BuildReport:
    out: Path
    documents: list[str] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    counts_by_type: Counter[str] = field(default_factory=Counter)
    quads: int = 0
    relations: int = 0
    posts: int = 0
    observations: int = 0

    @property
    def graph(self) -> Path:
        return self.out / "graph.trig"

    @property
    def store(self) -> Path:
        return self.out / "store"

    @property
    def html(self) -> Path:
        return self.out / "graph.html"


def extract_files(paths: Sequence[Path], progress: Progress | None = None,
                  skipped: list[tuple[Path, str]] | None = None) -> list[Extraction]:
    """Read and extract every supported file; unreadable files are recorded in ``skipped``."""
    files = list(find_files(paths))
    results: list[Extraction] = []
    seen_ids: Counter[str] = Counter()
    for i, path in enumerate(files):
        try:
            doc = load_document(path)
        except IngestError as exc:
            if skipped is not None:
                skipped.append((exc.path, exc.reason))
            if progress:
                progress("extract", i + 1, len(files))
            continue
        seen_ids[doc.id] += 1
        if seen_ids[doc.id] > 1:  # two files with the same name in different folders
            doc = replace(doc, id=f"{doc.id}-{doc.sha256[:8]}")
        results.append(extract_document(doc))
        if progress:
            progress("extract", i + 1, len(files))
    return results


def build(paths: Iterable[Path] | None = None, out: Path = Path("build"), base: str | None = None,
          html: bool = True, progress: Progress | None = None) -> BuildReport:
    """Build the graph of the documents under ``paths`` (the bundled corpus when none) into ``out``."""
    paths = [Path(p) for p in paths] if paths else [corpus_dir()]
    for p in paths:
        if not p.exists():
            raise BuildError(f"{p}: no such file or folder")
    base = iri_base(base)
    out = Path(out)
    report = BuildReport(out)
    extractions = extract_files(paths, progress, report.skipped)
    if not extractions:
        reasons = "; ".join(f"{p}: {r}" for p, r in report.skipped) or "no .txt, .md or .html files found"
        raise BuildError(f"nothing to build from {', '.join(map(str, paths))} ({reasons})")
    corpus = merge_corpus(extractions, base)
    quads = to_oxigraph(all_quads(extractions, corpus, base))
    if progress:
        progress("write", 0, 1)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    except OSError as exc:
        raise BuildError(f"{out}: cannot write the output folder ({exc.strerror or exc})") from exc
    try:
        prefixes = {k: str(v) for k, v in PREFIXES.items()}
        prefixes.update({"skos": "http://www.w3.org/2004/02/skos/core#", "dcterms": "http://purl.org/dc/terms/",
                         "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "xsd": "http://www.w3.org/2001/XMLSchema#",
                         "id": f"{base}id/"})
        write_trig(quads, staging / "graph.trig", prefixes)
        ontology = ontology_dir() / "policygraph.ttl"
        create_store(quads, staging / "store", [(ontology, f"{base}graph/ontology")] if ontology.exists() else [])
        if html:
            from .viz import write_page
            write_page(staging / "store", staging / "graph.html")
        _move_into_place(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    report.documents = [x.document.id for x in extractions]
    for e in corpus.values():
        report.counts_by_type.update(e.types)
    report.quads = len(quads)
    report.relations = sum(len(x.relations) for x in extractions)
    report.posts = sum(len(x.posts) for x in extractions)
    report.observations = sum(len(x.observations) for x in extractions)
    if progress:
        progress("write", 1, 1)
    return report


def _move_into_place(staging: Path, out: Path) -> None:
    """Swap each built artefact into ``out``; the old one is removed only after the new one is there."""
    out.mkdir(parents=True, exist_ok=True)
    for item in sorted(staging.iterdir()):
        target = out / item.name
        old = None
        if target.exists():
            old = out / f".{item.name}.old"
            if old.exists():
                shutil.rmtree(old) if old.is_dir() else old.unlink()
            os.replace(target, old)
        os.replace(item, target)
        if old is not None:
            shutil.rmtree(old) if old.is_dir() else old.unlink()
