"""SHACL validation of a built graph against ``ontology/shapes.ttl``, reported readably."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from pyshacl import validate as shacl_validate
from rdflib import Dataset, Graph
from rdflib.namespace import SH

from .config import ontology_dir


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str
    severity: str


def _union_graph(store: ox.Store) -> Graph:
    data = store.dump(format=ox.RdfFormat.N_QUADS)
    ds = Dataset()
    ds.parse(data=data, format="nquads")
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def validate_store(store: ox.Store, shapes: Path | None = None) -> list[Violation]:
    """Every SHACL result, sorted; empty when the graph conforms."""
    shapes = shapes or ontology_dir() / "shapes.ttl"
    shapes_graph = Graph().parse(shapes, format="turtle")
    ontology = Graph().parse(ontology_dir() / "policygraph.ttl", format="turtle")
    conforms, report, _ = shacl_validate(_union_graph(store), shacl_graph=shapes_graph, ont_graph=ontology,
                                         inference="none", advanced=True)
    if conforms:
        return []
    out = []
    for r in report.subjects(predicate=SH.resultSeverity):
        out.append(Violation(
            focus=str(report.value(r, SH.focusNode)),
            path=str(report.value(r, SH.resultPath) or ""),
            message=str(report.value(r, SH.resultMessage) or ""),
            severity=str(report.value(r, SH.resultSeverity)).rsplit("#", 1)[-1],
        ))
    return sorted(out, key=lambda v: (v.severity, v.focus, v.path))
