"""GraphML and GEXF exports read back into networkx with the graph's nodes, relations and evidence."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from policygraph import open_store
from policygraph.export import ExportError, export
from policygraph.project import entity_graph


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
