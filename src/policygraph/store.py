"""Stage 6: the Oxigraph store on disk, and the TriG file beside it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from .rdf import Quad


class StoreError(Exception):
    """A store that is missing or unreadable, with the reason in words."""


def _term(t: URIRef | Literal | BNode) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    if isinstance(t, URIRef):
        return ox.NamedNode(str(t))
    if isinstance(t, BNode):
        return ox.BlankNode(str(t))
    if t.language:
        return ox.Literal(str(t), language=t.language)
    if t.datatype:
        return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
    return ox.Literal(str(t))


def to_oxigraph(quads: Iterable[Quad]) -> list[ox.Quad]:
    """Oxigraph quads, each once (evidence nodes are emitted again for every statement they support)."""
    return [ox.Quad(_term(s), _term(p), _term(o), ox.NamedNode(str(g)))  # type: ignore[arg-type]
            for s, p, o, g in dict.fromkeys(quads)]


def write_trig(quads: list[ox.Quad], path: Path, prefixes: dict[str, str]) -> None:
    """Sorted TriG, so the same graph always gives the same bytes."""
    ordered = sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    ox.serialize(ordered, output=str(path), format=ox.RdfFormat.TRIG, prefixes=prefixes)


def create_store(quads: list[ox.Quad], path: Path, extra_files: Iterable[tuple[Path, str]] = ()) -> None:
    """A new on-disk store holding the quads (and extra Turtle files loaded into named graphs).

    The default graph holds each distinct triple of the named graphs once: SPARQL's union of named
    graphs is a multiset in Oxigraph, so a fact stated by three documents would come back three times.
    Queries read the default graph; ``GRAPH ?g`` still reaches each document's own statements.
    """
    store = ox.Store(str(path))
    store.bulk_extend(quads)
    distinct = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in distinct)
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
