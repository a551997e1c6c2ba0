"""Statistics on small graphs whose centralities and communities are known by hand."""

from __future__ import annotations

import networkx as nx
import pytest

from policygraph.graphstats import graph_stats
from policygraph.projection import NodeInfo


def graph(edges: list[tuple[str, str, str]], isolated: tuple[str, ...] = (), type_: str = "Park") -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for n in sorted({x for s, o, _ in edges for x in (s, o)} | set(isolated)):
        g.add_node(n, info=NodeInfo(n, n, {type_}, {n}))
    for s, o, key in edges:
        g.add_edge(s, o, key=key)
    return g


def test_a_star_has_its_hub_first_in_every_centrality():
    # hub with four spokes: degree centrality 4/4 = 1 for the hub, 1/4 for a spoke; every shortest
    # path between two spokes runs through the hub, so its betweenness is 1 and theirs 0
    star = graph([(leaf, "hub", "locatedIn") for leaf in "abcd"])
    s = graph_stats(star, top=5)
    assert s.top_degree[0] == ("hub", 1.0)
    assert s.top_degree[1] == ("a", 0.25)
    assert s.top_betweenness[0] == ("hub", 1.0)
    assert all(v == 0 for _, v in s.top_betweenness[1:])
    # PageRank, d = 0.85, n = 5: h = 0.03 + 3.4·l and l = 0.03 + 0.2125·h, so h = 0.132 / 0.2775 ≈ 0.4757
    assert s.top_pagerank[0][0] == "hub"
    assert s.top_pagerank[0][1] == pytest.approx(0.132 / 0.2775, abs=1e-5)
    assert sum(v for _, v in s.top_pagerank) == pytest.approx(1.0, abs=1e-5)  # rounded to 6 places


def test_a_path_has_its_middle_as_the_bridge():
    # a - b - c: one shortest path (a, c) of one pair out of one passes through b
    s = graph_stats(graph([("a", "b", "partOf"), ("b", "c", "partOf")]))
    assert s.top_betweenness[0] == ("b", 1.0)
    assert s.top_degree[0] == ("b", 1.0)


def test_two_triangles_joined_by_a_bridge_are_two_communities():
    edges = [("a", "b", "partOf"), ("b", "c", "partOf"), ("c", "a", "partOf"),
             ("x", "y", "partOf"), ("y", "z", "partOf"), ("z", "x", "partOf"), ("c", "x", "locatedIn")]
    s = graph_stats(graph(edges, isolated=("lonely",)))
    assert s.communities == 3  # the two triangles and the isolated node
    assert sorted(sorted(c.members) for c in s.largest_communities) == [["a", "b", "c"], ["x", "y", "z"]]
    assert [c.size for c in s.largest_communities] == [3, 3]
    assert (s.components, s.largest_component) == (2, 6)
    # c lies on the shortest paths from a and b to x, y and z: 6 of the (7-1)(7-2)/2 = 15 pairs of
    # the other nodes (the isolated node counts in n)
    assert {name for name, _ in s.top_betweenness[:2]} == {"c", "x"}
    assert s.top_betweenness[0][1] == pytest.approx(6 / 15)


def test_counts_by_type_and_relation_count_parallel_relations():
    g = graph([("a", "b", "partOf"), ("a", "b", "locatedIn")])
    s = graph_stats(g)
    assert s.relations == {"locatedIn": 1, "partOf": 1}
    assert s.types == {"Park": 2} and (s.nodes, s.edges) == (2, 2)


def test_an_empty_graph_has_no_statistics_but_no_error():
    s = graph_stats(nx.MultiDiGraph())
    assert (s.nodes, s.components, s.top_degree, s.largest_communities) == (0, 0, [], [])
