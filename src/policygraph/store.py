"""Stage 6: the Oxigraph store on disk, and the TriG file beside it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

if TYPE_CHECKING:  # the store is opened by every reading command: it must not import the pipeline
    from .rdf import Dataset


class StoreError(Exception):
    """A store that is missing or unreadable, with the reason in words."""


def write_trig(ds: Dataset, path: Path, prefixes: dict[str, str]) -> None:
    """Sorted TriG (graphs in order, triples in order within each), so the same graph gives the same bytes."""
    quads = ox.parse(ds.nquads(ordered=True), format=ox.RdfFormat.N_QUADS)
    ox.serialize(quads, output=str(path), format=ox.RdfFormat.TRIG, prefixes=prefixes)


def create_store(ds: Dataset, path: Path, extra_files: Iterable[tuple[Path, str]] = (), threads: int = 1) -> None:
    """A new on-disk store holding the quads (and extra Turtle files loaded into named graphs).

    The default graph holds each distinct triple of the named graphs once: SPARQL's union of named
    graphs is a multiset in Oxigraph, so a fact stated by three documents would come back three times.
    Queries read the default graph; ``GRAPH ?g`` still reaches each document's own statements.

    With ``threads`` > 1 the default graph and shares of the named graphs load at the same time: below
    a million quads Oxigraph's bulk loader runs on one core, and each load writes files of its own.
    """
    store = ox.Store(str(path))
    # N-Triples lines are N-Quads in the default graph, so every part loads as N-Quads
    parts = [ds.distinct_triples] + [part.nquads for part in ds.split(threads)]  # the largest load first
    concurrently([partial(_bulk_load, store, part) for part in parts], threads)
    for file, graph in extra_files:
        store.bulk_load(path=str(file), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(graph))
    store.flush()
    store.optimize()
    del store


def _bulk_load(store: ox.Store, nquads: Callable[[], bytes]) -> None:
    # lenient: every IRI was minted under a base the pipeline checked, so Oxigraph need not check each again
    store.bulk_load(nquads(), format=ox.RdfFormat.N_QUADS, lenient=True)


def concurrently(tasks: Sequence[Callable[[], object]], threads: int) -> None:
    """Run the tasks on up to ``threads`` threads (one: in order, here); the first error is raised.

    Threads are enough: Oxigraph's loading and writing run outside Python's interpreter lock.
    """
    if threads <= 1 or len(tasks) < 2:
        for task in tasks:
            task()
        return
    with ThreadPoolExecutor(max_workers=min(threads, len(tasks))) as pool:
        for future in [pool.submit(task) for task in tasks]:
            future.result()


def store_dir(path: Path) -> Path:
    """The store folder of a build folder (or the store folder itself); an error if there is none.

    In a build the store is a symbolic link that each build swaps; this is the link, not where it points.
    """
    path = Path(path)
    if (path / "store").is_dir():
        path = path / "store"
    elif (path / ".store.old").is_dir():  # a build from before store links was killed mid-swap
        path = path / ".store.old"
    if not path.is_dir():
        raise StoreError(f"{path}: no store here; run `policygraph build --out DIR` first")
    return path


def current_store_dir(path: Path) -> Path:
    """The folder the store link points to now: open this, never the link, so that a build swapping the
    link while the store opens cannot give a reader files of two stores."""
    return Path(os.path.realpath(store_dir(path)))


def open_store(path: Path, read_only: bool = True) -> ox.Store:
    """Open a built store (the ``store`` folder of a build, or the build folder itself).

    The link is resolved first; if a rebuild swapped it and deleted the folder while it was opening, the
    new folder is opened instead.
    """
    for attempt in range(3):
        real = current_store_dir(path)
        try:
            return ox.Store.read_only(str(real)) if read_only else ox.Store(str(real))
        except (OSError, RuntimeError) as exc:  # RocksDB reports a folder deleted under it as "Corruption"
            if attempt < 2 and current_store_dir(path) != real:
                continue  # swapped while opening: open the new one
            if "Corruption" in str(exc) or "CURRENT" in str(exc) or "MANIFEST" in str(exc):
                raise StoreError(f"{real}: the store is damaged ({str(exc).splitlines()[0][:200]}); "
                                 "build it again with `policygraph build`") from exc
            raise StoreError(f"{real}: cannot open the store ({str(exc).splitlines()[0][:200]})") from exc
    raise AssertionError("unreachable")
