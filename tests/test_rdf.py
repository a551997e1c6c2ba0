"""The RDF shape of a tiny case, compared with a golden graph (rdflib.compare.isomorphic)."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from policygraph import build
from tests.conftest import DATA

CASES = DATA / "cases"


def _entities_graph(trig: Path) -> Graph:
    ds = Dataset()
    ds.parse(trig, format="trig")
    g = Graph()
    for s, p, o, c in ds.quads((None, None, None, None)):
        if str(c).endswith("/graph/entities"):
            g.add((s, p, o))
    return g


def test_golden_entities_graph(tmp_path: Path):
    case = CASES / "posts"
    report = build([case / "input.txt"], tmp_path / "b", html=False)
    got = _entities_graph(report.graph)
    expected = Graph().parse(case / "expected-entities.ttl", format="turtle")
    if not isomorphic(got, expected):
        _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
        raise AssertionError("graphs differ:\nonly built:\n" + only_got.serialize(format="nt")
                             + "\nonly expected:\n" + only_expected.serialize(format="nt"))


def test_same_corpus_same_bytes(tmp_path: Path):
    a = build([DATA / "corpus"], tmp_path / "a", html=False).graph.read_bytes()
    b = build([DATA / "corpus"], tmp_path / "b", html=False).graph.read_bytes()
    assert a == b


def test_statements_point_at_their_sentence(small_build: Path):
    ds = Dataset(default_union=True)
    ds.parse(small_build / "graph.trig", format="trig")
    q = """PREFIX pg: <https://w3id.org/policygraph/ontology#>
    PREFIX prov: <http://www.w3.org/ns/prov#>
    PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
    SELECT ?sentence WHERE { ?st rdf:predicate pg:location ; prov:wasDerivedFrom/pg:sentence ?sentence }"""
    sentences = {str(r[0]) for r in ds.query(q)}
    assert any("二砂文化创意园联合举行项目集中签约仪式" in s for s in sentences)
