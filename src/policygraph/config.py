"""Namespaces, the base IRI and where the shipped data lives.

The ontology terms are a closed :class:`rdflib.namespace.DefinedNamespace`, so a typo in a
class or property name fails at import time instead of writing a wrong IRI.

>>> str(PG.Park)
'https://w3id.org/policygraph/ontology#Park'
>>> iri_base("https://example.org/pg")
'https://example.org/pg/'
"""

from __future__ import annotations

import os
from pathlib import Path

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from .vocabulary import ENTITY_PREDICATES, ENTITY_TYPES, NAMESPACES
from .vocabulary import PG as PG_IRI

DEFAULT_BASE = "https://w3id.org/policygraph/"


def iri_base(base: str | None = None) -> str:
    """The base under which entity, document and graph IRIs are minted (``POLICYGRAPH_BASE`` overrides)."""
    chosen = base or os.environ.get("POLICYGRAPH_BASE") or DEFAULT_BASE
    return chosen if chosen.endswith(("/", "#")) else chosen + "/"


class PG(DefinedNamespace):
    """The policygraph ontology (``ontology/policygraph.ttl``)."""

    _NS = Namespace(PG_IRI)
    _fail = True

    # classes: the 13 entity types of the annotation guideline, and helpers
    AdministrativeDivision: URIRef
    DevelopmentZone: URIRef
    Subdistrict: URIRef
    Park: URIRef
    Place: URIRef
    Project: URIRef
    Person: URIRef
    Organization: URIRef
    Enterprise: URIRef
    Initiative: URIRef
    PolicyDocument: URIRef
    Event: URIRef
    Industry: URIRef
    SourceDocument: URIRef
    Indicator: URIRef
    Status: URIRef
    Mention: URIRef
    # entity-to-entity relations
    locatedIn: URIRef
    partOf: URIRef
    implements: URIRef
    focusIndustry: URIRef
    organizer: URIRef
    participant: URIRef
    location: URIRef
    issuedBy: URIRef
    developer: URIRef
    memberOf: URIRef
    # literal-valued
    date: URIRef
    investment: URIRef
    # indicators
    indicator: URIRef
    status: URIRef
    unit: URIRef
    measure: URIRef
    valueAsWritten: URIRef
    previousActual: URIRef
    target: URIRef
    actual: URIRef
    plan: URIRef
    # provenance
    mentionedIn: URIRef
    sentence: URIRef
    documentId: URIRef
    sha256: URIRef
    divisionLevel: URIRef
    GBT2260: URIRef
    StatAreaCode: URIRef
    TableRow: URIRef
    describes: URIRef
    rowNumber: URIRef
    matchMethod: URIRef
    matchScore: URIRef
    DivisionScheme: URIRef
    Evidence: URIRef


PREFIXES = {prefix: Namespace(iri) for prefix, iri in NAMESPACES.items()}
QB = PREFIXES["qb"]
SDMX_DIM = PREFIXES["sdmx-dimension"]
SDMX_MEAS = PREFIXES["sdmx-measure"]
ORG = PREFIXES["org"]
SCHEMA = PREFIXES["schema"]
OA = PREFIXES["oa"]
PROV = PREFIXES["prov"]


__all__ = ["ENTITY_PREDICATES", "ENTITY_TYPES", "PG", "PREFIXES", "data_dir", "iri_base"]


def data_dir() -> Path:
    """Shipped data: ``policygraph/_data`` in a wheel, the repository's folders in a checkout."""
    packaged = Path(__file__).resolve().parent / "_data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2]


def _shipped(name: str) -> Path:
    """A folder of ``data/``: beside the package in a wheel, under ``data/`` in a checkout."""
    root = data_dir()
    return root / name if (root / name).is_dir() else root / "data" / name


def lexicon_dir() -> Path:
    return _shipped("lexicon")


def corpus_dir() -> Path:
    return _shipped("corpus")


def examples_dir() -> Path:
    """Example tables for ``policygraph link`` (``data/examples``)."""
    return _shipped("examples")


def ontology_dir() -> Path:
    return data_dir() / "ontology"
