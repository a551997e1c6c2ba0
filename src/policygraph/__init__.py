"""policygraph: Chinese local-government policy texts → an RDF knowledge graph.

The public API is imported on first use, so that a command which only reads a store does not load
the extraction pipeline, jieba or networkx.

>>> import policygraph
>>> sorted(policygraph.__all__)[:3]
['BuildReport', 'Result', 'build']
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

# light modules, imported now: the submodule ``policygraph.query`` must be loaded before the function
# ``query`` below is defined, or its first import would put the module in the function's place
from .query import Result, run, saved_queries
from .store import open_store

__version__ = "0.1.0"

# public name -> the module that defines it, imported on first use
_LAZY = {"BuildReport": "pipeline", "build": "pipeline", "entity_graph": "projection", "graph_stats": "graphstats",
         "write_page": "viz"}

if TYPE_CHECKING:
    from .graphstats import graph_stats
    from .pipeline import BuildReport, build
    from .projection import entity_graph
    from .viz import write_page


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def query(store: str | Path, sparql: str) -> Result:
    """Run SPARQL on a built store (a build folder or its ``store`` folder)."""
    return run(open_store(Path(store)), sparql)


__all__ = ["BuildReport", "Result", "build", "entity_graph", "graph_stats", "open_store", "query", "saved_queries",
           "write_page"]
