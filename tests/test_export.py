"""Every export format read back by another library: networkx for GraphML / GEXF, rdflib for RDF, csv."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from policygraph import open_store
from policygraph.export import ExportError, export
from policygraph.projection import entity_graph


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_export_round_trips_nodes_and_relations(small_build: Path, tmp_path: Path, fmt: str, read):
    g = entity_graph(open_store(small_build))
    back = read(export(small_build, fmt, tmp_path / f"g.{fmt}"))
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()
    labels = {d["label"] for _, d in back.nodes(data=True)}
    assert "中原区" in labels
    predicates = {d.get("predicate") for *_, d in back.edges(data=True)}
    assert predicates == {k for *_, k in g.edges(keys=True)}
    assert any(d.get("evidence") for *_, d in back.edges(data=True)), "relations keep their sentences"


def test_gexf_carries_the_page_colours(small_build: Path, tmp_path: Path):
    text = export(small_build, "gexf", tmp_path / "g.gexf").read_text(encoding="utf-8")
    assert "<viz:color" in text and 'r="31" g="119" b="180"' in text  # AdministrativeDivision blue


def test_unknown_format_is_an_error(small_build: Path, tmp_path: Path):
    with pytest.raises(ExportError, match="unknown format 'dot'"):
        export(small_build, "dot", tmp_path / "g.dot")


@pytest.mark.parametrize("fmt, rdflib_format", [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_merged_graph_formats_hold_every_distinct_triple(small_build: Path, tmp_path: Path, fmt: str, rdflib_format: str):
    from rdflib import Graph

    store = open_store(small_build)
    distinct = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    g = Graph().parse(export(store, fmt, tmp_path / f"g.{fmt}"), format=rdflib_format)
    assert len(g) == distinct > 500


@pytest.mark.parametrize("fmt, rdflib_format", [("trig", "trig"), ("nq", "nquads")])
def test_dataset_formats_keep_a_graph_per_document(small_build: Path, tmp_path: Path, fmt: str, rdflib_format: str):
    from rdflib import Dataset

    ds = Dataset().parse(export(small_build, fmt, tmp_path / f"g.{fmt}"), format=rdflib_format)
    graphs = {str(c.identifier).rsplit("/", 1)[-1] for c in ds.graphs() if len(c)}
    assert {"zhongyuan", "jingkai", "entities"} <= graphs


def test_csv_is_one_table_of_entities_and_one_of_relations(small_build: Path, tmp_path: Path):
    g = entity_graph(open_store(small_build))
    folder = export(small_build, "csv", tmp_path / "csv")
    with (folder / "entities.csv").open(encoding="utf-8-sig", newline="") as f:
        entities = list(csv.DictReader(f))
    with (folder / "relations.csv").open(encoding="utf-8-sig", newline="") as f:
        relations = list(csv.DictReader(f))
    assert len(entities) == g.number_of_nodes() and len(relations) == g.number_of_edges()
    zhongyuan = next(e for e in entities if e["label"] == "中原区")
    assert zhongyuan["type"] == "AdministrativeDivision" and "410102" in zhongyuan["facts"]
    assert all(r["subject_label"] and r["relation"] for r in relations)
    assert any(r["evidence"] for r in relations)
