"""Every IRI pattern of the graph, in one leaf module that every writer uses (rdf, link, pipeline).

IRIs are stable: they are built from what a thing is (a division's GB/T 2260 code, an entity's type and
preferred label, a document's id, a digest of a statement's parts), never from the order of a build.

>>> entity_iri("https://w3id.org/policygraph/", Entity("e0", {"Park"}, "二砂文化创意产业园"))
'https://w3id.org/policygraph/id/park/2f72f653fa10'
>>> graph_iri("https://w3id.org/policygraph/", "001_b599")
'https://w3id.org/policygraph/graph/001_b599'
"""

from __future__ import annotations

import hashlib
import re

from .model import Entity
from .vocabulary import PRIORITY

TYPE_PRIORITY = {t: i for i, t in enumerate(PRIORITY)}


def slug(type_: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", type_).lower()


def division_iri(base: str, code: str) -> str:
    """Divisions are named by their GB/T 2260 code, so other datasets can build the same IRI."""
    return f"{base}id/division/{code}"


def entity_iri(base: str, ent: Entity, scope: str = "") -> str:
    """A stable IRI: divisions by their GB/T 2260 code, others by type and preferred label (and, for a thing
    only one document identifies, that document's id as ``scope``).

    >>> e = Entity("e0", {"Park"}, "二砂文化创意产业园")
    >>> entity_iri("https://w3id.org/policygraph/", e)
    'https://w3id.org/policygraph/id/park/2f72f653fa10'
    """
    if ent.code:
        return division_iri(base, ent.code)
    primary = min(ent.types, key=lambda t: TYPE_PRIORITY.get(t, 99))
    if scope:  # a thing only one document's context identifies (a bare 市委): named within that document
        return f"{base}id/{slug(primary)}/{digest(primary, ent.label, scope)}"
    return f"{base}id/{slug(primary)}/{digest(primary, ent.label)}"


def id_prefix(base: str) -> str:
    """Where every node's IRI lives (``id:`` in the TriG file)."""
    return f"{base}id/"


def graph_iri(base: str, name: str) -> str:
    """A document's named graph, or one of the corpus's (entities, comparisons, ontology, link/TABLE)."""
    return f"{base}graph/{name}"


def table_iri(base: str, table: str, *parts: str) -> str:
    """A linked table, one of its columns (as a property) or one of its rows: ``table/NAME[/column|/row/N]``
    (``table`` and ``parts`` percent-encoded already, as :func:`urllib.parse.quote` gives them)."""
    return "/".join((f"{base}table/{table}", *parts))


def digest(*parts: object, length: int = 12) -> str:
    """Hex digits of a SHA-1 over the parts: the local name of nodes named by what they are."""
    return hashlib.sha1("|".join(map(str, parts)).encode("utf-8")).hexdigest()[:length]


class Minter:
    """IRIs under one base, rendered as N-Triples terms (what :mod:`policygraph.rdf` writes)."""

    def __init__(self, base: str):
        self.base = base

    def graph(self, name: str) -> str:
        return f"<{graph_iri(self.base, name)}>"

    def document(self, doc_id: str) -> str:
        return f"<{self.base}id/doc/{doc_id}>"

    def evidence(self, doc_id: str, start: int, end: int) -> str:
        return f"<{self.base}id/evidence/{doc_id}/{start}-{end}>"

    def mention(self, doc_id: str, start: int, end: int) -> str:
        return f"<{self.base}id/mention/{doc_id}/{start}-{end}>"

    def thing(self, kind: str, *parts: object) -> str:
        """A node named by a digest of its parts (rendered terms hash as their IRI or literal text)."""
        return f"<{self.base}id/{kind}/{digest(*(_unrendered(p) for p in parts), length=16)}>"

    def dataset(self, name: str) -> str:
        """An RDF Data Cube dataset (the indicators)."""
        return f"<{self.base}id/dataset/{name}>"


def _unrendered(part: object) -> object:
    """An IRI term back to its plain text, so that digests do not depend on how terms are written."""
    return part[1:-1] if isinstance(part, str) and part.startswith("<") and part.endswith(">") else part
