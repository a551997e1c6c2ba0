"""Write a built graph in formats other tools read.

RDF for triplestores and RDF tools (Turtle, N-Triples and JSON-LD of the merged graph; TriG and N-Quads
with one named graph per document), GraphML and GEXF for network tools (Gephi, yEd, Cytoscape), and
CSV (one file of entities, one of relations) for spreadsheets. Each format is one function from a
store to a path, registered in :data:`EXPORTERS`, so a new format plugs in without touching the
others or the command line.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .spreadsheet import safe_row
from .store import open_store
from .vocabulary import PREDECLARED

if TYPE_CHECKING:  # the network formats load networkx when they run, not when the command starts
    import networkx as nx


class ExportError(Exception):
    """An export that cannot be written (an unknown format, an unwritable file)."""


def flat_graph(g: nx.MultiDiGraph, colours: bool = False) -> nx.MultiDiGraph:
    """The entity graph with plain string attributes, as GraphML and GEXF require.

    >>> import networkx as nx
    >>> from policygraph.projection import NodeInfo
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("x", info=NodeInfo("x", "中原区", {"AdministrativeDivision"}, {"中原区"}))
    >>> g.add_node("y", info=NodeInfo("y", "郑州市", {"AdministrativeDivision"}, {"郑州市"}))
    >>> _ = g.add_edge("x", "y", key="partOf", evidence=[("中原区是郑州市的市辖区。", "d1")])
    >>> flat = flat_graph(g)
    >>> flat.nodes["x"]["label"], flat.nodes["x"]["type"], flat.edges["x", "y", "partOf"]["evidence"]
    ('中原区', 'AdministrativeDivision', '中原区是郑州市的市辖区。')
    """
    import networkx as nx

    from .viz import COLOURS, main_type

    flat = nx.MultiDiGraph()
    for n, d in sorted(g.nodes(data=True)):
        info = d["info"]
        attrs: dict[str, object] = {"label": info.label, "type": main_type(info), "types": " ".join(sorted(info.types)),
                 "altLabels": "|".join(sorted(info.labels - {info.label})), "iri": info.iri,
                 "facts": "\n".join(f"{k}: {t}" for k, t in info.facts)}
        if colours:
            hex_colour = COLOURS[main_type(info)][0]
            r, gr, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
            attrs["viz"] = {"color": {"r": r, "g": gr, "b": b, "a": 1.0}, "size": 5.0 + g.degree(n)}
        flat.add_node(n, **attrs)
    for s, o, key, d in sorted(g.edges(keys=True, data=True), key=lambda e: e[:3]):
        evidence = d.get("evidence") or []
        flat.add_edge(s, o, key=key, label=key, predicate=key,
                      evidence="\n".join(sentence for sentence, _ in evidence))
    return flat


def write_graphml(store: ox.Store, out: Path) -> None:
    import networkx as nx

    from .projection import entity_graph

    nx.write_graphml(flat_graph(entity_graph(store)), out, encoding="utf-8")


def write_gexf(store: ox.Store, out: Path) -> None:
    import networkx as nx

    from .projection import entity_graph

    nx.write_gexf(flat_graph(entity_graph(store), colours=True), out, encoding="utf-8")


def _merged(fmt: ox.RdfFormat) -> Callable[[ox.Store, Path], None]:
    """The merged graph (each distinct triple once: the store's default graph) in a triple format."""
    def write(store: ox.Store, out: Path) -> None:
        prefixes = PREDECLARED if fmt is ox.RdfFormat.TURTLE else None
        store.dump(str(out), format=fmt, from_graph=ox.DefaultGraph(), prefixes=prefixes)
    return write


def _dataset(fmt: ox.RdfFormat) -> Callable[[ox.Store, Path], None]:
    """Every named graph (documents, entities, divisions, ontology) in a quad format."""
    def write(store: ox.Store, out: Path) -> None:
        quads = (q for q in store.quads_for_pattern(None, None, None) if not isinstance(q.graph_name, ox.DefaultGraph))
        prefixes = PREDECLARED if fmt is ox.RdfFormat.TRIG else None
        ox.serialize(sorted(quads, key=str), str(out), format=fmt, prefixes=prefixes)
    return write


def write_csv(store: ox.Store, out: Path) -> None:
    """``out/entities.csv`` (one row per entity) and ``out/relations.csv`` (one row per relation)."""
    from .projection import entity_graph
    from .viz import main_type

    g = entity_graph(store)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "entities.csv").open("w", encoding="utf-8-sig", newline="") as f:  # BOM: Excel reads UTF-8
        writer = csv.writer(f)
        writer.writerow(["iri", "label", "type", "types", "alt_labels", "facts"])
        for _, d in sorted(g.nodes(data=True), key=lambda nd: nd[0]):
            info = d["info"]
            writer.writerow(safe_row([info.iri, info.label, main_type(info), " ".join(sorted(info.types)),
                                      "|".join(sorted(info.labels - {info.label})),
                                      "; ".join(f"{k}: {t}" for k, t in info.facts)]))
    with (out / "relations.csv").open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["subject", "subject_label", "relation", "object", "object_label", "evidence", "document"])
        for s, o, key, d in sorted(g.edges(keys=True, data=True), key=lambda e: e[:3]):
            sentence, doc = (d.get("evidence") or [("", "")])[0]
            writer.writerow(safe_row([s, g.nodes[s]["info"].label, key, o, g.nodes[o]["info"].label, sentence, doc]))


EXPORTERS: dict[str, Callable[[ox.Store, Path], None]] = {
    "ttl": _merged(ox.RdfFormat.TURTLE),
    "nt": _merged(ox.RdfFormat.N_TRIPLES),
    "jsonld": _merged(ox.RdfFormat.JSON_LD),
    "trig": _dataset(ox.RdfFormat.TRIG),
    "nq": _dataset(ox.RdfFormat.N_QUADS),
    "graphml": write_graphml,
    "gexf": write_gexf,
    "csv": write_csv,
}


def export(store: Path | ox.Store, fmt: str, out: Path) -> Path:
    """Write a built graph to ``out`` (a folder for ``csv``, a file otherwise) in format ``fmt``."""
    writer = EXPORTERS.get(fmt)
    if writer is None:
        raise ExportError(f"unknown format {fmt!r}; known: {', '.join(EXPORTERS)}")
    try:
        writer(open_store(store) if isinstance(store, Path) else store, out)
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {exc.strerror or exc}") from exc
    return out
