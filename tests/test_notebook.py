"""notebooks/explore.ipynb runs top to bottom in a real kernel (nbclient), so it cannot rot."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
from nbclient import NotebookClient

GLYPH_MISSING = re.compile(r"Glyph \d+ .* missing from|^\s*(fig\.tight_layout|fig\.canvas)")
NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "explore.ipynb"


def outputs(nb, kind: str) -> list[str]:
    """Every output of a MIME type (or stream text) of every code cell."""
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if kind == "stream" and out.output_type == "stream":
                found.append(out.text)
            elif kind in out.get("data", {}):
                found.append(out.data[kind])
    return found


def test_the_notebook_runs_and_shows_tables_plot_page_and_centralities(tmp_path: Path):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert not any(cell.get("outputs") for cell in nb.cells if cell.cell_type == "code"), "commit it without outputs"
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    assert (tmp_path / "build-notebook" / "graph.trig").exists(), "it builds through the Python API"
    tables = outputs(nb, "text/html")
    assert any("targetYear" in t and "地区生产总值" in t for t in tables), "targets-vs-results as a table"
    assert any("officials" in t and "co-mentions" in t for t in tables), "the saved queries listed"
    assert len(outputs(nb, "image/png")) == 1, "one figure of targets against results"
    page = next(t for t in tables if "<iframe srcdoc=" in t)
    assert "vis-network" in page and "中原区" in page, "the offline network page inline"
    assert any("pagerank" in t and "中原区" in t for t in tables), "centralities by networkx"
    # a missing glyph (no font with Chinese characters on this machine) is the machine's, not the notebook's fault
    streams = [line for t in outputs(nb, "stream") for line in t.splitlines() if not GLYPH_MISSING.search(line)]
    assert not any("Traceback" in line or "Warning" in line for line in streams), streams
