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

DEFAULT_BASE = "https://w3id.org/policygraph/"


def iri_base(base: str | None = None) -> str:
    """The base under which entity, document and graph IRIs are minted (``POLICYGRAPH_BASE`` overrides)."""
    chosen = base or os.environ.get("POLICYGRAPH_BASE") or DEFAULT_BASE
    return chosen if chosen.endswith(("/", "#")) else chosen + "/"


class PG(DefinedNamespace):
    """The policygraph ontology (``ontology/policygraph.ttl``)."""

    _NS = Namespace("https://w3id.org/policygraph/ontology#")
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


QB = Namespace("http://purl.org/linked-data/cube#")
SDMX_DIM = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
SDMX_MEAS = Namespace("http://purl.org/linked-data/sdmx/2009/measure#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
OA = Namespace("http://www.w3.org/ns/oa#")
PROV = Namespace("http://www.w3.org/ns/prov#")

PREFIXES = {
    "pg": PG._NS,
    "qb": QB,
    "sdmx-dimension": SDMX_DIM,
    "sdmx-measure": SDMX_MEAS,
    "org": ORG,
    "schema": SCHEMA,
    "oa": OA,
    "prov": PROV,
}

ENTITY_TYPES: tuple[str, ...] = (
    "AdministrativeDivision", "DevelopmentZone", "Subdistrict", "Park", "Place", "Project", "Person",
    "Organization", "Enterprise", "Initiative", "PolicyDocument", "Event", "Industry",
)
ENTITY_PREDICATES: tuple[str, ...] = (
    "locatedIn", "partOf", "implements", "focusIndustry", "organizer", "participant", "location",
    "issuedBy", "developer", "memberOf",
)


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
