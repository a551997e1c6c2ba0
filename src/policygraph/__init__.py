"""policygraph: Chinese local-government policy texts → an RDF knowledge graph.

>>> import policygraph
>>> sorted(policygraph.__all__)[:3]
['BuildReport', 'build', 'entity_graph']
"""

from __future__ import annotations

from pathlib import Path

from .analyze import graph_stats
from .pipeline import BuildReport, build
from .project import entity_graph
from .query import Result, run, saved_queries
from .store import open_store
from .viz import write_page

__version__ = "0.1.0"


def query(store: str | Path, sparql: str) -> Result:
    """Run SPARQL on a built store (a build folder or its ``store`` folder)."""
    return run(open_store(Path(store)), sparql)


__all__ = ["BuildReport", "build", "entity_graph", "graph_stats", "open_store", "query", "saved_queries",
           "write_page"]
