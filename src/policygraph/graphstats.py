"""Graph statistics with networkx: counts, centrality, communities, components."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field

import networkx as nx


@dataclass
class Community:
    size: int
    members: list[str]  # labels of the most connected members, most connected first


@dataclass
class Stats:
    nodes: int
    edges: int
    types: dict[str, int]
    relations: dict[str, int]
    components: int
    largest_component: int
    communities: int
    top_degree: list[tuple[str, float]] = field(default_factory=list)
    top_pagerank: list[tuple[str, float]] = field(default_factory=list)
    top_betweenness: list[tuple[str, float]] = field(default_factory=list)
    largest_communities: list[Community] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def _label(g: nx.MultiDiGraph, n: str) -> str:
    info = g.nodes[n].get("info")
    return info.label if info is not None else str(n)


def _top(g: nx.MultiDiGraph, scores: dict[str, float], k: int) -> list[tuple[str, float]]:
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], _label(g, kv[0])))[:k]
    return [(_label(g, n), round(v, 6)) for n, v in ranked]


def graph_stats(g: nx.MultiDiGraph, top: int = 10) -> Stats:
    """Counts by type and relation, the most central entities, communities and components.

    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("a", "b", key="partOf"), g.add_edge("c", "b", key="partOf")
    >>> s = graph_stats(g, top=1)
    >>> s.top_degree, s.components, s.relations
    ([('b', 1.0)], 1, {'partOf': 2})
    """
    types: Counter[str] = Counter()
    for _, d in g.nodes(data=True):
        info = d.get("info")
        if info is not None:
            types.update(info.types)
    relations = Counter(k for _, _, k in g.edges(keys=True))
    simple = nx.Graph(g.to_undirected())
    components = list(nx.connected_components(simple)) if simple.number_of_nodes() else []
    communities = (nx.community.louvain_communities(simple, seed=1) if simple.number_of_edges() else components)
    return Stats(
        nodes=g.number_of_nodes(),
        edges=g.number_of_edges(),
        types=dict(sorted(types.items())),
        relations=dict(sorted(relations.items())),
        components=len(components),
        largest_component=max((len(c) for c in components), default=0),
        communities=len(communities),
        top_degree=_top(g, nx.degree_centrality(simple) if simple.number_of_nodes() > 1 else {}, top),
        top_pagerank=_top(g, nx.pagerank(simple) if simple.number_of_edges() else {}, top),
        top_betweenness=_top(g, nx.betweenness_centrality(simple) if simple.number_of_nodes() > 2 else {}, top),
        largest_communities=_largest(g, simple, communities, top),
    )


def _largest(g: nx.MultiDiGraph, simple: nx.Graph, groups: list[set[str]], k: int, shown: int = 8) -> list[Community]:
    """The k largest groups of more than one entity, each with the labels of its most connected members."""
    ranked = sorted(groups, key=lambda c: (-len(c), min(_label(g, n) for n in c)))[:k]
    return [Community(len(c), [_label(g, n) for n in sorted(c, key=lambda n: (-simple.degree(n), _label(g, n)))[:shown]])
            for c in ranked if len(c) > 1]
