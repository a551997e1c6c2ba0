"""Write a built graph in formats other tools read: GraphML and GEXF (Gephi, yEd, Cytoscape).

Each format is one function from the entity graph to a file, registered in :data:`EXPORTERS`, so a
new format plugs in without touching the others or the command line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from .project import NodeInfo, entity_graph
from .store import open_store
from .viz import COLOURS, main_type


class ExportError(Exception):
    """An export that cannot be written (an unknown format, an unwritable file)."""


def flat_graph(g: nx.MultiDiGraph, colours: bool = False) -> nx.MultiDiGraph:
    """The entity graph with plain string attributes, as GraphML and GEXF require.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("x", info=NodeInfo("x", "中原区", {"AdministrativeDivision"}, {"中原区"}))
    >>> g.add_node("y", info=NodeInfo("y", "郑州市", {"AdministrativeDivision"}, {"郑州市"}))
    >>> _ = g.add_edge("x", "y", key="partOf", evidence=[("中原区是郑州市的市辖区。", "d1")])
    >>> flat = flat_graph(g)
    >>> flat.nodes["x"]["label"], flat.nodes["x"]["type"], flat.edges["x", "y", "partOf"]["evidence"]
    ('中原区', 'AdministrativeDivision', '中原区是郑州市的市辖区。')
    """
    flat = nx.MultiDiGraph()
    for n, d in sorted(g.nodes(data=True)):
        info: NodeInfo = d["info"]
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


def write_graphml(g: nx.MultiDiGraph, out: Path) -> None:
    nx.write_graphml(flat_graph(g), out, encoding="utf-8")


def write_gexf(g: nx.MultiDiGraph, out: Path) -> None:
    nx.write_gexf(flat_graph(g, colours=True), out, encoding="utf-8")


EXPORTERS: dict[str, Callable[[nx.MultiDiGraph, Path], None]] = {
    "graphml": write_graphml,
    "gexf": write_gexf,
}


def export(store: Path | ox.Store, fmt: str, out: Path) -> Path:
    """Write the entities and relations of a built graph to ``out`` in format ``fmt``."""
    writer = EXPORTERS.get(fmt)
    if writer is None:
        raise ExportError(f"unknown format {fmt!r}; known: {', '.join(EXPORTERS)}")
    g = entity_graph(open_store(store) if isinstance(store, Path) else store)
    try:
        writer(g, out)
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {exc.strerror or exc}") from exc
    return out
