"""The graph of entities and their relations, read from a store into networkx (for pages and statistics)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx
import pyoxigraph as ox

from .config import ENTITY_PREDICATES, ENTITY_TYPES, PG
from .query import run

NODES = """
SELECT ?e ?type ?label ?alt WHERE {
  ?e a ?type ; skos:prefLabel ?label .
  FILTER(STRSTARTS(STR(?type), STR(pg:)))
  OPTIONAL { ?e skos:altLabel ?alt }
}"""
EDGES = """
SELECT DISTINCT ?s ?p ?o WHERE {
  ?s ?p ?o . FILTER(STRSTARTS(STR(?p), STR(pg:)) && isIRI(?o))
  ?s skos:prefLabel ?sl . ?o skos:prefLabel ?ol .
}"""
FACTS = """
SELECT ?e ?kind ?text WHERE {
  { ?e org:holds ?post . ?post rdfs:label ?text . BIND("post" AS ?kind) }
  UNION { ?e pg:date ?d . BIND(STR(?d) AS ?text) BIND("date" AS ?kind) }
  UNION { ?e pg:investment ?i . BIND(CONCAT(STR(?i), " 亿元") AS ?text) BIND("investment" AS ?kind) }
  UNION { ?e skos:notation ?c . BIND(CONCAT("GB/T 2260 ", STR(?c)) AS ?text) BIND("code" AS ?kind) }
  UNION { ?o sdmx-dimension:refArea ?e ; pg:indicator/skos:prefLabel ?n ; sdmx-dimension:refPeriod ?y ;
          pg:valueAsWritten ?w ; pg:status ?s .
          BIND(CONCAT(STR(?y), " ", STR(?n), " ", STR(?w), " (", STRAFTER(STR(?s), "#"), ")") AS ?text)
          BIND("indicator" AS ?kind) }
}"""
EDGE_EVIDENCE = """
SELECT ?s ?p ?o ?sentence ?doc WHERE {
  ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?ev .
  FILTER(isIRI(?o))
  ?ev pg:sentence ?sentence ; oa:hasSource ?d . ?d dcterms:identifier ?id .
  OPTIONAL { ?d dcterms:title ?title }
  BIND(IF(BOUND(?title), CONCAT(?title, " · ", ?id), ?id) AS ?doc)
}"""
EVIDENCE = """
SELECT ?e ?sentence ?doc WHERE {
  ?m a pg:Mention ; oa:hasBody ?e ; prov:wasDerivedFrom ?ev .
  ?ev pg:sentence ?sentence ; oa:hasSource ?d . ?d dcterms:identifier ?id .
  OPTIONAL { ?d dcterms:title ?title }
  BIND(IF(BOUND(?title), CONCAT(?title, " · ", ?id), ?id) AS ?doc)
}"""


@dataclass
class NodeInfo:
    iri: str
    label: str
    types: set[str] = field(default_factory=set)
    labels: set[str] = field(default_factory=set)
    facts: list[tuple[str, str]] = field(default_factory=list)
    evidence: list[tuple[str, str]] = field(default_factory=list)  # (sentence, "document title · id")


def entity_graph(store: ox.Store, with_details: bool = True, max_evidence: int = 5) -> nx.MultiDiGraph:
    """Entities as nodes (attribute ``info``: :class:`NodeInfo`), relations as edges keyed by predicate.

    With details, nodes carry their facts and evidence, and edges (attribute ``evidence``) the
    sentences each relation was read from, as (sentence, "document title · id") pairs.
    """
    pg = str(PG._NS)
    info: dict[str, NodeInfo] = {}
    for e, t, label, alt in run(store, NODES).rows:
        assert e and t and label
        name = t[len(pg):]
        if name not in ENTITY_TYPES:
            continue
        node = info.setdefault(e, NodeInfo(e, label))
        node.types.add(name)
        node.labels.add(label)
        if alt:
            node.labels.add(alt)
    g = nx.MultiDiGraph()
    for iri, node in info.items():
        g.add_node(iri, info=node)
    for s, p, o in run(store, EDGES).rows:
        assert s and p and o
        name = p[len(pg):]
        if name in ENTITY_PREDICATES and s in info and o in info:
            g.add_edge(s, o, key=name, predicate=name, evidence=[])
    if with_details:
        for e, kind, text in run(store, FACTS).rows:
            if e in info and kind and text:
                info[e].facts.append((kind, text))
        counts: dict[str, int] = defaultdict(int)
        for e, sentence, doc in run(store, EVIDENCE).rows:
            if (e in info and sentence and doc and counts[e] < max_evidence
                    and (sentence, doc) not in info[e].evidence):
                info[e].evidence.append((sentence, doc))
                counts[e] += 1
        for s, p, o, sentence, doc in run(store, EDGE_EVIDENCE).rows:
            key = (p or "")[len(pg):]
            if g.has_edge(s, o, key) and sentence and doc:
                found = g.edges[s, o, key]["evidence"]
                if len(found) < max_evidence and (sentence, doc) not in found:
                    found.append((sentence, doc))
        for node in info.values():
            node.facts = sorted(set(node.facts))
            node.evidence.sort()
    return g
