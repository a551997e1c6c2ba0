"""Stage 6: the Oxigraph store on disk, and the TriG file beside it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from .rdf import Dataset


class StoreError(Exception):
    """A store that is missing or unreadable, with the reason in words."""


def write_trig(ds: Dataset, path: Path, prefixes: dict[str, str]) -> None:
    """Sorted TriG (graphs in order, triples in order within each), so the same graph gives the same bytes."""
    quads = ox.parse(ds.nquads(ordered=True), format=ox.RdfFormat.N_QUADS)
    ox.serialize(quads, output=str(path), format=ox.RdfFormat.TRIG, prefixes=prefixes)


def create_store(ds: Dataset, path: Path, extra_files: Iterable[tuple[Path, str]] = ()) -> None:
    """A new on-disk store holding the quads (and extra Turtle files loaded into named graphs).

    The default graph holds each distinct triple of the named graphs once: SPARQL's union of named
    graphs is a multiset in Oxigraph, so a fact stated by three documents would come back three times.
    Queries read the default graph; ``GRAPH ?g`` still reaches each document's own statements.
    """
    store = ox.Store(str(path))
    # lenient: every IRI was minted under a base the pipeline checked, so Oxigraph need not check each again
    store.bulk_load(ds.nquads(), format=ox.RdfFormat.N_QUADS, lenient=True)
    store.bulk_load(ds.distinct_triples(), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph(), lenient=True)
    for file, graph in extra_files:
        store.bulk_load(path=str(file), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(graph))
    store.flush()
    store.optimize()
    del store


def resolve_store_dir(path: Path) -> Path:
    """The store folder of a build folder (or the store folder itself); an error if there is none."""
    path = Path(path)
    if (path / "store").is_dir():
        path = path / "store"
    elif (path / ".store.old").is_dir():  # a build from before store links was killed mid-swap
        path = path / ".store.old"
    if not path.is_dir():
        raise StoreError(f"{path}: no store here; run `policygraph build --out DIR` first")
    return path


def open_store(path: Path, read_only: bool = True) -> ox.Store:
    """Open a built store (the ``store`` folder of a build, or the build folder itself)."""
    path = resolve_store_dir(path)
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as exc:
        raise StoreError(f"{path}: cannot open the store ({exc})") from exc
