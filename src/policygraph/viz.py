"""An interactive network page that works offline: pyvis builds the network, the page inlines vis-network.

Every script and style is inlined (pyvis's own ``in_line`` mode still links Bootstrap from a CDN, so
the page uses its own template). Document text reaches the page only as JSON data that is escaped
for a ``<script>`` element and is put into the page with ``textContent``, never as HTML.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .store import open_store
from .vocabulary import ENTITY_TYPES, TYPES

if TYPE_CHECKING:  # networkx and pyvis load when a page is drawn, not when a command starts
    import networkx as nx
    from pyvis.network import Network

    from .projection import NodeInfo

COLOURS = {t.name: (t.colour, t.shape) for t in TYPES.values()}
TYPE_NAMES_ZH = {t.name: t.zh for t in TYPES.values()}
MAX_NODES = 1500
HUB_LABELS = 12


class VizError(Exception):
    """A page that cannot be drawn (an unknown focus label, an empty selection)."""


def main_type(node: NodeInfo) -> str:
    return min(node.types, key=ENTITY_TYPES.index)


def select(g: nx.MultiDiGraph, focus: str | None = None, depth: int = 1, types: set[str] | None = None,
           max_nodes: int = MAX_NODES) -> tuple[nx.MultiDiGraph, str]:
    """The part of the graph to draw, and a note saying what was left out (empty when nothing was)."""
    import networkx as nx

    note = []
    if types:
        g = g.subgraph([n for n, d in g.nodes(data=True) if d["info"].types & types]).copy()
    if focus:
        hits = [n for n, d in g.nodes(data=True) if focus in d["info"].labels]
        if not hits:
            hits = [n for n, d in g.nodes(data=True) if any(focus in x for x in d["info"].labels)]
        if not hits:
            raise VizError(f"no entity is labelled {focus!r}")
        keep: set[str] = set()
        for h in hits:
            keep |= set(nx.ego_graph(g.to_undirected(as_view=True), h, radius=depth))
        g = g.subgraph(keep).copy()
    if g.number_of_nodes() > max_nodes:
        ranked = sorted(g.nodes, key=lambda n: (-g.degree(n), n))[:max_nodes]
        left = g.number_of_nodes() - max_nodes
        g = g.subgraph(ranked).copy()
        note.append(f"显示连接最多的 {max_nodes} 个节点，省略 {left} 个 / showing the {max_nodes} most connected "
                    f"nodes; {left} left out")
    return g, "；".join(note)


def network(g: nx.MultiDiGraph) -> Network:
    """The pyvis network of a selection: colour and shape by type, edges labelled by relation."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    # the hubs get labels large enough to read on the whole-graph view; the rest appear on zooming in
    hubs = set(sorted(g.nodes, key=lambda n: (-g.degree(n), n))[:HUB_LABELS])
    for n, d in sorted(g.nodes(data=True)):
        info: NodeInfo = d["info"]
        colour, shape = COLOURS[main_type(info)]
        # the type goes in its own field: vis's ``group`` would recolour nodes with its own palette
        net.add_node(n, label=info.label, color=colour, shape=shape, title=info.label, ptype=main_type(info),
                     size=12 + min(20, 2 * g.degree(n)), isolated=g.degree(n) == 0,
                     font={"size": 40 if n in hubs and g.degree(n) > 2 else 14})
    for i, (s, o, key) in enumerate(sorted(g.edges(keys=True))):
        net.add_edge(s, o, id=f"e{i}", label=key, title=key, arrows="to")
    return net


def _script_json(data: object) -> str:
    """JSON that can sit inside a <script> element whatever strings it holds."""
    return (json.dumps(data, ensure_ascii=False)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def render(g: nx.MultiDiGraph, note: str = "", title: str = "policygraph") -> str:
    net = network(g)
    details = {}
    for n, d in g.nodes(data=True):
        info: NodeInfo = d["info"]
        details[n] = {"label": info.label, "types": sorted(info.types), "labels": sorted(info.labels),
                      "iri": info.iri, "facts": info.facts, "evidence": info.evidence}
    relations = {e["id"]: {"from": g.nodes[e["from"]]["info"].label, "to": g.nodes[e["to"]]["info"].label,
                           "predicate": e["label"], "evidence": g.edges[e["from"], e["to"], e["label"]].get("evidence", [])}
                 for e in net.edges}
    data = {
        "nodes": net.nodes, "edges": net.edges, "details": details, "relations": relations, "note": note,
        "types": [{"name": t, "zh": TYPE_NAMES_ZH[t], "colour": c, "count": sum(
            1 for _, d in g.nodes(data=True) if main_type(d["info"]) == t)} for t, (c, _) in COLOURS.items()],
    }
    lib = resources.files("pyvis").joinpath("templates/lib/vis-9.1.2")
    page = resources.files("policygraph").joinpath("page.html").read_text(encoding="utf-8")
    return (page.replace("/*VIS_CSS*/", lib.joinpath("vis-network.css").read_text(encoding="utf-8"))
            .replace("/*VIS_JS*/", lib.joinpath("vis-network.min.js").read_text(encoding="utf-8").replace("</script", "<\\/script"))
            .replace("/*DATA*/null", _script_json(data))
            .replace("<!--TITLE-->", title.replace("&", "&amp;").replace("<", "&lt;")))


def write_page(store: Path | ox.Store, out: Path, focus: str | None = None, depth: int = 1,
               types: set[str] | None = None, construct: str | None = None, max_nodes: int = MAX_NODES) -> Path:
    """Draw a built graph (or the result of a CONSTRUCT query on it) as one offline HTML file."""
    from .projection import entity_graph

    st = open_store(store) if isinstance(store, Path) else store
    g = entity_graph(st)
    if construct:
        g = _construct_selection(st, g, construct)
    selection, note = select(g, focus, depth, types, max_nodes)
    out.write_text(render(selection, note), encoding="utf-8")
    return out


def _construct_selection(store: ox.Store, g: nx.MultiDiGraph, sparql: str) -> nx.MultiDiGraph:
    """Keep the entities and relations that a CONSTRUCT query returns."""
    import networkx as nx

    from .query import run

    result = run(store, sparql)
    keep_edges = {(s, p.split("#")[-1], o) for s, p, o in result.rows if s and p and o}
    keep_nodes = {x for s, _, o in keep_edges for x in (s, o) if x in g}
    sub = nx.MultiDiGraph()
    for n in keep_nodes:
        sub.add_node(n, **g.nodes[n])
    for s, p, o in keep_edges:
        if s in keep_nodes and o in keep_nodes:
            sub.add_edge(s, o, key=p, predicate=p)
    return sub
