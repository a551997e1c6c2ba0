"""Stage 5: extractions → quads. One named graph per document, one for the corpus's entities.

Per document graph ``<base>graph/<doc id>``: the document (Dublin Core), each entity's types and the
surface forms the document uses (``skos:altLabel``), each mention as a Web Annotation with a text
position selector into the original file, and every statement the document makes (relations, dates,
posts as ``org:Post``, indicators as ``qb:Observation``), each statement linked by ``prov:wasDerivedFrom``
to the sentence it was read from. The entities graph ``<base>graph/entities`` holds each entity's one
``skos:prefLabel``, its GB/T 2260 code and its parent division; ``<base>graph/divisions`` the parents
of coded areas that no text mentions.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from .config import OA, ORG, PG, PROV, QB, SDMX_DIM, SDMX_MEAS
from .lexicon import Division, lexicon
from .model import Entity, Evidence, Extraction, Observation
from .resolve import division_iri

Quad = tuple[URIRef, URIRef, URIRef | Literal, URIRef]


def _h(*parts: object) -> str:
    return hashlib.sha1("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


class Minter:
    """IRIs under one base."""

    def __init__(self, base: str):
        self.base = base

    def graph(self, name: str) -> URIRef:
        return URIRef(f"{self.base}graph/{name}")

    def document(self, doc_id: str) -> URIRef:
        return URIRef(f"{self.base}id/doc/{doc_id}")

    def evidence(self, doc_id: str, start: int, end: int) -> URIRef:
        return URIRef(f"{self.base}id/evidence/{doc_id}/{start}-{end}")

    def thing(self, kind: str, *parts: object) -> URIRef:
        return URIRef(f"{self.base}id/{kind}/{_h(*parts)}")


def document_quads(x: Extraction, mint: Minter) -> Iterator[Quad]:
    doc = x.document
    g = mint.graph(doc.id)
    d = mint.document(doc.id)
    yield d, RDF.type, PG.SourceDocument, g
    yield d, DCTERMS.identifier, Literal(doc.id), g
    yield d, DCTERMS.title, zh(doc.title), g
    yield d, DCTERMS.source, Literal(doc.path.name), g
    yield d, PG.sha256, Literal(doc.sha256), g
    yield d, DCTERMS.language, Literal("zh"), g
    if doc.date:
        yield d, DCTERMS.date, Literal(doc.date, datatype=XSD.date), g
    if doc.year:
        yield d, DCTERMS.temporal, Literal(str(doc.year), datatype=XSD.gYear), g
    if x.subject_area:
        yield d, DCTERMS.spatial, URIRef(x.entities[x.subject_area].iri or ""), g

    def iri(key: str) -> URIRef:
        return URIRef(x.entities[key].iri or "")

    def evidence(ev: Evidence | None) -> Iterator[Quad]:
        """The evidence node (sentence and its span in the original file) for one statement."""
        if ev is None:
            return
        sent = x.sentences[ev.sentence]
        s, e = doc.source_span(sent.start, sent.end)
        node = mint.evidence(doc.id, s, e)
        yield node, RDF.type, PG.Evidence, g
        yield node, OA.hasSource, d, g
        yield node, OA.start, Literal(s), g
        yield node, OA.end, Literal(e), g
        yield node, PG.sentence, zh(doc.as_written(sent.start, sent.end)), g

    def derived(statement: URIRef, ev: Evidence | None) -> Iterator[Quad]:
        if ev is None:
            return
        sent = x.sentences[ev.sentence]
        s, e = doc.source_span(sent.start, sent.end)
        yield statement, PROV.wasDerivedFrom, mint.evidence(doc.id, s, e), g
        yield from evidence(ev)

    for key, ent in x.entities.items():
        node = iri(key)
        for t in sorted(ent.types):
            yield node, RDF.type, PG[t], g
        for label in sorted(ent.labels):
            yield node, SKOS.altLabel, zh(label), g
        yield node, PG.mentionedIn, d, g
        for m in ent.mentions:
            s, e = doc.source_span(m.start, m.end)
            ann = URIRef(f"{mint.base}id/mention/{doc.id}/{s}-{e}")
            yield ann, RDF.type, PG.Mention, g
            yield ann, OA.hasBody, node, g
            yield ann, OA.hasSource, d, g
            yield ann, OA.start, Literal(s), g
            yield ann, OA.end, Literal(e), g
            yield ann, OA.exact, zh(doc.as_written(m.start, m.end)), g
            yield ann, PROV.wasDerivedFrom, mint.evidence(doc.id, *doc.source_span(
                x.sentences[m.sentence].start, x.sentences[m.sentence].end)), g
            yield from evidence(Evidence(m.start, m.end, m.sentence))

    for r in x.relations:
        s_node, o_node = iri(r.subject), iri(r.object)
        yield s_node, PG[r.predicate], o_node, g
        stmt = mint.thing("statement", s_node, r.predicate, o_node, doc.id)
        yield stmt, RDF.type, RDF.Statement, g
        yield stmt, RDF.subject, s_node, g
        yield stmt, RDF.predicate, PG[r.predicate], g
        yield stmt, RDF.object, o_node, g
        yield from derived(stmt, r.evidence)

    for lit in x.literals:
        s_node = iri(lit.subject)
        value = (Literal(lit.value, datatype=XSD.date) if lit.predicate == "date"
                 else Literal(lit.value, datatype=XSD.decimal))
        yield s_node, PG[lit.predicate], value, g
        stmt = mint.thing("statement", s_node, lit.predicate, lit.value, doc.id)
        yield stmt, RDF.type, RDF.Statement, g
        yield stmt, RDF.subject, s_node, g
        yield stmt, RDF.predicate, PG[lit.predicate], g
        yield stmt, RDF.object, value, g
        yield from derived(stmt, lit.evidence)

    for post in x.posts:
        person = iri(post.person)
        org_iri = iri(post.org) if post.org else None
        node = mint.thing("post", org_iri or "", post.title)
        label = (x.entities[post.org].label if post.org else "") + post.title
        yield node, RDF.type, ORG.Post, g
        yield node, RDFS.label, zh(label), g
        yield node, ORG.role, mint.thing("role", post.title), g
        yield mint.thing("role", post.title), RDF.type, ORG.Role, g
        yield mint.thing("role", post.title), SKOS.prefLabel, zh(post.title), g
        if org_iri:
            yield node, ORG.postIn, org_iri, g
        yield person, ORG.holds, node, g
        yield node, ORG.heldBy, person, g
        yield from derived(node, post.evidence)

    for obs in x.observations:
        yield from _observation(obs, iri(obs.area), doc.id, mint, g)
        yield from derived(mint.thing("obs", iri(obs.area), obs.indicator, obs.year, obs.value, obs.status,
                                      obs.measure), obs.evidence)


def _observation(obs: Observation, area: URIRef, doc_id: str, mint: Minter, g: URIRef) -> Iterator[Quad]:
    node = mint.thing("obs", area, obs.indicator, obs.year, obs.value, obs.status, obs.measure)
    concept = URIRef(f"{mint.base}id/indicator/{_h(obs.indicator)}")
    yield node, RDF.type, QB.Observation, g
    yield node, QB.dataSet, URIRef(f"{mint.base}id/dataset/indicators"), g
    yield node, SDMX_DIM.refArea, area, g
    yield node, SDMX_DIM.refPeriod, Literal(str(obs.year), datatype=XSD.gYear), g
    yield node, SDMX_MEAS.obsValue, Literal(round(obs.value, 6), datatype=XSD.decimal), g
    yield node, PG.indicator, concept, g
    yield node, PG.measure, Literal(obs.measure), g
    yield node, PG.unit, Literal(obs.unit), g
    yield node, PG.status, PG[obs.status], g
    yield node, PG.valueAsWritten, zh(obs.written), g
    yield concept, RDF.type, PG.Indicator, g
    yield concept, RDF.type, SKOS.Concept, g
    yield concept, SKOS.prefLabel, zh(obs.indicator), g


def entity_quads(corpus: dict[str, Entity], mint: Minter) -> Iterator[Quad]:
    """The corpus-level description of every entity: one preferred label, codes, parents.

    Divisions and coded development zones also sit in ``pg:DivisionScheme`` with ``skos:broader`` up to
    their province; parents the texts never mention are described there (as ``skos:Concept``, not as
    entities of the texts) so that 中原区 → 郑州市 → 河南省 always joins to datasets keyed by code.
    """
    g = mint.graph("entities")
    lex = lexicon()
    by_code = {e.code: iri for iri, e in corpus.items() if e.code}
    parents: dict[str, Division] = {}
    for iri, ent in corpus.items():
        node = URIRef(iri)
        for t in sorted(ent.types):
            yield node, RDF.type, PG[t], g
        yield node, SKOS.prefLabel, zh(ent.label), g
        for alias in sorted(ent.aliases):
            yield node, SKOS.altLabel, zh(alias), g
        code = None
        if ent.code:
            code = ent.code
            yield node, SKOS.notation, Literal(ent.code, datatype=PG.GBT2260), g
            if ent.level:
                yield node, PG.divisionLevel, Literal(ent.level), g
            parent = by_code.get(ent.parent_code or "")
            if parent:
                yield node, PG.locatedIn, URIRef(parent), g
        elif "DevelopmentZone" in ent.types:
            zone = next((lex.stat_zones[n] for n in sorted({ent.label, *ent.aliases}) if n in lex.stat_zones), None)
            if zone:
                code = zone.code
                yield node, SKOS.notation, Literal(zone.code, datatype=PG.StatAreaCode), g
        if code:
            yield node, SKOS.inScheme, PG.DivisionScheme, g
            chain = lex.ancestors(code)
            if chain:
                yield node, SKOS.broader, URIRef(division_iri(mint.base, chain[0].code)), g
            parents.update((d.code, d) for d in chain if d.code not in by_code)
    yield from _reference_divisions(parents, mint)


def _reference_divisions(parents: dict[str, Division], mint: Minter) -> Iterator[Quad]:
    """Parents no text mentions, in the division scheme only."""
    g = mint.graph("divisions")
    for code, d in sorted(parents.items()):
        node = URIRef(division_iri(mint.base, code))
        yield node, RDF.type, SKOS.Concept, g
        yield node, SKOS.inScheme, PG.DivisionScheme, g
        yield node, SKOS.prefLabel, zh(d.name), g
        yield node, SKOS.notation, Literal(code, datatype=PG.GBT2260), g
        yield node, PG.divisionLevel, Literal(d.level), g
        if d.parent:
            yield node, SKOS.broader, URIRef(division_iri(mint.base, d.parent)), g


def all_quads(extractions: Iterable[Extraction], corpus: dict[str, Entity], base: str) -> Iterator[Quad]:
    mint = Minter(base)
    yield from entity_quads(corpus, mint)
    for x in extractions:
        yield from document_quads(x, mint)


__all__ = ["OWL", "Minter", "Quad", "all_quads", "document_quads", "entity_quads"]
