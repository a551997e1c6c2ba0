from __future__ import annotations

import re
from pathlib import Path

from policygraph import open_store
from policygraph.projection import entity_graph
from policygraph.viz import render, select


def test_page_is_self_contained(small_build: Path):
    html = (small_build / "graph.html").read_text(encoding="utf-8")
    assert "vis.Network" in html
    # no script, stylesheet or image is loaded from anywhere
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", html)
    assert not re.search(r"url\(\s*['\"]?https?:", html)


def test_text_from_documents_cannot_break_out_of_the_data(small_build: Path):
    g = entity_graph(open_store(small_build))
    node = next(iter(g.nodes))
    g.nodes[node]["info"].label = "</script><script>alert(1)</script>"
    g.nodes[node]["info"].evidence.append(("<img src=x onerror=alert(1)>", "doc"))
    html = render(g)
    data = html[html.index("const DATA = "):]
    assert "</script><script>alert(1)" not in data and "<img src=x" not in data


def test_large_graphs_are_cut_with_a_note(small_build: Path):
    g = entity_graph(open_store(small_build))
    cut, note = select(g, max_nodes=5)
    assert cut.number_of_nodes() == 5 and "left out" in note
    assert select(g)[1] == ""
