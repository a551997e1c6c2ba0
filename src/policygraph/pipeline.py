"""The whole path: files → documents → extractions → corpus entities → quads → TriG, store, HTML.

Output is written into a fresh folder beside the target and moved into place at the end, so a build
that fails or is killed leaves the previous graph, store and page as they were.
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

import jieba
import pyoxigraph as ox

from .cache import ExtractionCache, write_cache
from .config import PREFIXES, corpus_dir, iri_base, ontology_dir
from .engine import Engine, EngineError, LocalEngine, start_forked
from .ingest import (
    MAX_BYTES,
    READERS,
    IngestError,
    Manifest,
    ManifestError,
    find_files,
    load_document,
    read_manifest,
)
from .iris import graph_iri, id_prefix
from .merge import merge_corpus
from .model import Document, Entity, Extraction
from .rdf import Dataset, corpus_dataset, document_graphs
from .store import create_store, write_trig

jieba.setLogLevel(logging.WARNING)

Progress = Callable[[str, int, int], None]  # (stage, done, total)


class BuildError(Exception):
    """A build that cannot produce a graph (no readable documents, an unwritable output folder)."""


@dataclass
class BuildReport:
    out: Path
    documents: list[str] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    warnings: list[tuple[Path, str]] = field(default_factory=list)  # files read in spite of a problem
    counts_by_type: Counter[str] = field(default_factory=Counter)
    quads: int = 0
    relations: int = 0
    posts: int = 0
    observations: int = 0
    changes: dict[str, int] = field(default_factory=dict)  # with update: added, changed, removed, unchanged
    reused: int = 0  # extractions taken from the previous build's cache
    relinked: list[str] = field(default_factory=list)  # tables linked before, linked again to the new graph
    seconds: dict[str, float] = field(default_factory=dict)  # wall time of each stage, in order

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - started

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
                  skipped: list[tuple[Path, str]] | None = None, cache: ExtractionCache | None = None,
                  max_bytes: int = MAX_BYTES, engine: Engine | None = None,
                  manifest: Manifest | None = None) -> list[Extraction]:
    """Read and extract every file; unreadable ones are recorded in ``skipped``, cached ones reused.

    The ``engine`` runs the extraction (default: in this process); extraction is a pure function of
    the document, so every engine gives the same result.
    """
    docs = read_documents(paths, progress, skipped, max_bytes, manifest)
    results: list[Extraction | None] = [cache.get(doc) if cache else None for doc in docs]
    todo = [i for i, x in enumerate(results) if x is None]
    extracted = (engine or LocalEngine()).map([docs[i] for i in todo])
    for done, (i, x) in enumerate(zip(todo, extracted, strict=True), 1):
        results[i] = x
        if progress:
            progress("extract", done, len(todo))
    return [x for x in results if x is not None]


def read_documents(paths: Sequence[Path], progress: Progress | None = None,
                   skipped: list[tuple[Path, str]] | None = None, max_bytes: int = MAX_BYTES,
                   manifest: Manifest | None = None) -> list[Document]:
    """Every readable file under ``paths`` as a document, ids made unique; unreadable ones go to ``skipped``.
    A ``manifest`` gives metadata to the files it has a row for."""
    files = list(find_files(paths))
    docs = []
    seen_ids: Counter[str] = Counter()
    for i, path in enumerate(files):
        try:
            doc = load_document(path, max_bytes, manifest.get(path) if manifest else None)
        except IngestError as exc:
            if skipped is not None:
                skipped.append((exc.path, exc.reason))
            continue
        finally:
            if progress:
                progress("read", i + 1, len(files))
        seen_ids[doc.id] += 1
        if seen_ids[doc.id] > 1:  # two files with the same name in different folders
            doc = replace(doc, id=f"{doc.id}-{doc.sha256[:8]}")
        docs.append(doc)
    return docs


def _checked_paths(paths: Iterable[Path] | None) -> list[Path]:
    paths = [Path(p) for p in paths] if paths else [corpus_dir()]
    for p in paths:
        if not p.exists() and not p.is_symlink():  # a broken link is a file to skip, with its reason
            raise BuildError(f"{p}: no such file or folder")
    return paths


def _checked_base(base: str | None) -> str:
    """The IRI base, refused here if it is not an absolute IRI: the quads are loaded without checking each IRI."""
    chosen = iri_base(base)
    try:
        ox.NamedNode(f"{chosen}id/x")
    except ValueError as exc:
        raise BuildError(f"{chosen}: not an absolute IRI to mint IRIs under ({exc})") from None
    return chosen


def _checked_out(out: Path) -> Path:
    """The output folder, refused before any work if a file (not a folder) has its name."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise BuildError(f"{out}: is a file, not a folder; --out names the folder a build is written to")
    return out


def _nothing_to_build(paths: list[Path], skipped: list[tuple[Path, str]]) -> BuildError:
    kinds = ", ".join(sorted(READERS))
    reasons = "; ".join(f"{p}: {r}" for p, r in skipped) or f"no {kinds} files found"
    return BuildError(f"nothing to build from {', '.join(map(str, paths))} ({reasons})")


def _extract_or_fail(paths: list[Path], report: BuildReport, cache: ExtractionCache | None, max_bytes: int,
                     engine: Engine | None, progress: Progress | None,
                     manifest: Path | None = None) -> list[Extraction]:
    rows = _manifest(manifest)
    try:
        extractions = extract_files(paths, progress, report.skipped, cache, max_bytes, engine, rows)
    except EngineError as exc:
        raise BuildError(str(exc)) from None
    if rows is not None:
        report.warnings += [(p, "is in the manifest but does not exist") for p in rows.missing()]
        report.warnings += [(p, "is in the manifest but was not among the files built") for p in rows.unused()]
        report.warnings += [(x.document.path, "has no row in the manifest") for x in extractions
                            if x.document.path.resolve() not in rows.rows]
    if not extractions:
        raise _nothing_to_build(paths, report.skipped)
    return extractions


def _manifest(path: Path | None) -> Manifest | None:
    if path is None:
        return None
    try:
        return read_manifest(Path(path))
    except ManifestError as exc:
        raise BuildError(str(exc)) from None


def build(paths: Iterable[Path] | None = None, out: Path = Path("build"), base: str | None = None,
          html: bool = True, progress: Progress | None = None, update: bool = False,
          max_bytes: int = MAX_BYTES, workers: int = 1, engine: Engine | None = None,
          manifest: Path | None = None) -> BuildReport:
    """Build the graph of the documents under ``paths`` (the bundled corpus when none) into ``out``.

    With ``update``, documents whose text is unchanged since the build in ``out`` are not extracted
    again (see :mod:`policygraph.cache`); the graph is the one a full build gives. Extraction runs on
    ``engine``, by default ``workers`` local processes. A ``manifest`` (CSV or JSON Lines: ``path`` and any
    of title, date, source, area, publisher, language) gives metadata to files that state none.
    """
    paths = _checked_paths(paths)
    base = _checked_base(base)
    out = _checked_out(out)
    with _locked(out):
        return _build(paths, out, base, html, progress, update, max_bytes, engine or LocalEngine(workers), manifest)


def _build(paths: list[Path], out: Path, base: str, html: bool, progress: Progress | None, update: bool,
           max_bytes: int, engine: Engine, manifest: Path | None) -> BuildReport:
    recover(out)
    report = BuildReport(out)
    cache = ExtractionCache(out if update else None)
    with report.timed("read and extract"):
        extractions = _extract_or_fail(paths, report, cache, max_bytes, engine, progress, manifest)
    with report.timed("merge"):
        corpus = merge_corpus(extractions, base)
    with report.timed("quads"):
        quads = corpus_dataset(extractions, corpus, base)
    if progress:
        progress("write", 0, 1)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
        (staging / ".pid").write_text(str(os.getpid()))
    except OSError as exc:
        raise BuildError(f"{out}: cannot write the output folder ({exc.strerror or exc})") from exc
    try:
        prefixes = {k: str(v) for k, v in PREFIXES.items()}
        prefixes.update({"skos": "http://www.w3.org/2004/02/skos/core#", "dcterms": "http://purl.org/dc/terms/",
                         "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "xsd": "http://www.w3.org/2001/XMLSchema#",
                         "id": id_prefix(base)})
        with report.timed("write"):
            _write(extractions, quads, staging, prefixes, base, engine.local_cores)
        if html:
            from .viz import write_page
            with report.timed("page"):
                write_page(staging / "store", staging / "graph.html")
        _move_into_place(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    from .link import relink

    report.relinked = relink(out)
    report.changes = cache.changes(extractions) if update else {}
    report.reused = cache.reused
    _count(report, extractions, corpus, len(quads))
    if progress:
        progress("write", 1, 1)
    return report


@contextmanager
def _locked(out: Path) -> Iterator[None]:
    """Hold ``.NAME.lock`` beside the output folder for the whole build: a second build into the same folder
    is told it is busy, so one build's clean-up never deletes what the other is writing."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(out.parent / f".{out.name}.lock", os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise BuildError(f"{out}: cannot write the output folder ({exc.strerror or exc})") from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "another process"
            raise BuildError(f"{out}: busy, another build (pid {holder}) is writing this folder; "
                             "run this one when it has finished") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock; the file stays, so no second lock file can appear


def _checkpoint(name: str) -> None:
    """Where a test can stop a build: with ``POLICYGRAPH_PAUSE_AT=name`` the build writes the name to
    ``POLICYGRAPH_PAUSE_FILE`` and waits there (to be killed). A no-op otherwise."""
    if os.environ.get("POLICYGRAPH_PAUSE_AT") == name:
        Path(os.environ["POLICYGRAPH_PAUSE_FILE"]).write_text(name, encoding="utf-8")
        time.sleep(600)


def _write(extractions: list[Extraction], quads: Dataset, staging: Path, prefixes: dict[str, str], base: str,
           cores: int) -> None:
    """The store, the TriG file and the cache, side by side when there are cores for it.

    The TriG file and the cache are Python work, so they are written in a forked process started
    before the store's loading threads; the store loads on every core, ahead of that process, which
    runs at a lower priority and takes what the loads leave.
    """
    def side() -> None:
        write_trig(quads, staging / "graph.trig", prefixes)
        write_cache(extractions, staging)

    waiting = start_forked(side) if cores > 1 else None
    if waiting is None:
        side()
    create_store(quads, staging / "store", _extra_graphs(base), cores)
    if waiting is not None:
        waiting()


def build_nquads(paths: Iterable[Path] | None, out: Path | BinaryIO, base: str | None = None,
                 progress: Progress | None = None, max_bytes: int = MAX_BYTES,
                 engine: Engine | None = None, manifest: Path | None = None) -> BuildReport:
    """Write the graph of the documents under ``paths`` to ``out`` (a file or a stream) as N-Quads.

    This is the hand-off to a server triplestore (``oxigraph load``, QLever, Virtuoso): no store, TriG
    or page is written, and quads are serialised one document at a time. The quads are those of the
    store :func:`build` writes: the named graphs, the ontology graph, and last the default graph with
    each distinct triple once, so a server answers queries as ``policygraph query`` does. A file is
    written beside its target and renamed over it at the end, so a failed build leaves the old one.
    """
    paths = _checked_paths(paths)
    base = _checked_base(base)
    report = BuildReport(out if isinstance(out, Path) else Path("-"))
    extractions = _extract_or_fail(paths, report, None, max_bytes, engine, progress, manifest)
    if not isinstance(out, Path):
        _write_nquads(extractions, base, out, report, progress)
        return report
    part = out.parent / f".{out.name}.{os.getpid()}.part"
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with part.open("wb") as sink:
            _write_nquads(extractions, base, sink, report, progress)
        os.replace(part, out)
    except OSError as exc:
        raise BuildError(f"{out}: cannot write ({exc.strerror or exc})") from exc
    finally:
        part.unlink(missing_ok=True)
    return report


def _write_nquads(extractions: list[Extraction], base: str, out: BinaryIO, report: BuildReport,
                  progress: Progress | None) -> None:
    corpus = merge_corpus(extractions, base)
    written = 0
    distinct = Dataset()  # the default graph: every triple of the named graphs once
    for i, part in enumerate(document_graphs(extractions, corpus, base)):
        out.write(part.nquads())  # each graph's triples are distinct; two graphs never share a quad
        written += len(part)
        for triples in part.graphs.values():
            distinct.graph("").update(triples)
        if progress:
            progress("write", i, len(extractions))
    for file, graph in _extra_graphs(base):
        quads = [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(graph))
                 for t in ox.parse(path=str(file), format=ox.RdfFormat.TURTLE)]
        ox.serialize(quads, output=out, format=ox.RdfFormat.N_QUADS)
        written += len(quads)
    out.write(distinct.distinct_triples())
    written += len(distinct)
    _count(report, extractions, corpus, written)


def _extra_graphs(base: str) -> list[tuple[Path, str]]:
    """Files loaded into named graphs of their own beside the corpus: the ontology."""
    ontology = ontology_dir() / "policygraph.ttl"
    return [(ontology, graph_iri(base, "ontology"))] if ontology.exists() else []


def _count(report: BuildReport, extractions: list[Extraction], corpus: dict[str, Entity], quads: int) -> None:
    report.documents = [x.document.id for x in extractions]
    report.warnings += [(x.document.path, w) for x in extractions for w in x.document.warnings]
    for e in corpus.values():
        report.counts_by_type.update(e.types)
    report.quads = quads
    report.relations = sum(len(x.relations) for x in extractions)
    report.posts = sum(len(x.posts) for x in extractions)
    report.observations = sum(len(x.observations) for x in extractions)


def _move_into_place(staging: Path, out: Path) -> None:
    """Put each built artefact in ``out`` so that every path always holds a complete old or new one.

    Files are renamed over their target (atomic). A directory (the store) cannot be renamed over a
    non-empty one, so it is moved to ``.NAME-<token>`` and ``NAME`` is a symbolic link swapped in one
    rename; the previous directory is deleted after the swap. A build killed at any moment leaves each
    artefact either old or new, never missing; :func:`recover` clears what the killed build left over.
    """
    out.mkdir(parents=True, exist_ok=True)
    _checkpoint("swap")
    for item in sorted(staging.iterdir()):
        if item.name.startswith("."):
            continue
        target = out / item.name
        if item.is_dir():
            _swap_directory(item, target, staging.name.lstrip("."))
        else:
            os.replace(item, target)
        _checkpoint(f"swapped {item.name}")


def _swap_directory(new: Path, target: Path, token: str) -> None:
    home = target.parent / f".{target.name}-{token}"
    os.replace(new, home)
    _checkpoint(f"parked {target.name}")
    link = target.parent / f".{target.name}.link"
    if link.is_symlink() or link.exists():
        link.unlink()
    os.symlink(home.name, link)
    previous = target.parent / os.readlink(target) if target.is_symlink() else None
    if target.is_dir() and not target.is_symlink():  # a store from before links were used
        legacy = target.parent / f".{target.name}.old"
        os.replace(target, legacy)
        previous = legacy
    os.replace(link, target)
    if previous is not None and previous.exists() and previous != home:
        shutil.rmtree(previous, ignore_errors=True)


def recover(out: Path) -> None:
    """Clear what a killed build left: parked ``.NAME.old`` artefacts, unused store folders, staging."""
    if out.is_dir():
        for old in out.glob(".*.old"):
            target = out / old.name[1:-len(".old")]
            if target.exists():
                shutil.rmtree(old) if old.is_dir() else old.unlink()
            else:
                os.replace(old, target)
        # only the artefacts' own links count: a half-made ``.NAME.link`` of a killed build holds nothing
        in_use = {os.readlink(p) for p in out.iterdir() if p.is_symlink() and not p.name.endswith(".link")}
        for home in [*out.glob(".store-*"), *out.glob(".cache-*")]:
            if home.is_dir() and not home.is_symlink() and home.name not in in_use:
                shutil.rmtree(home, ignore_errors=True)
        for link in out.glob(".*.link"):
            link.unlink()
    if out.parent.is_dir():
        for staging in out.parent.glob(f".{out.name}.*"):
            owner = staging / ".pid"
            if staging.is_dir() and owner.exists() and not _alive(owner.read_text().strip()):
                shutil.rmtree(staging, ignore_errors=True)


def _alive(pid: str) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True
