"""Stage 5: extractions → quads. One named graph per document, one for the corpus's entities.

Per document graph ``<base>graph/<doc id>``: the document (Dublin Core), each entity's types and the
surface forms the document uses (``skos:altLabel``), each mention as a Web Annotation with a text
position selector into the original file, and every statement the document makes (relations, dates,
posts as ``org:Post``, indicators as ``qb:Observation``), each statement linked by ``prov:wasDerivedFrom``
to the sentence it was read from. The entities graph ``<base>graph/entities`` holds each entity's one
``skos:prefLabel``, its GB/T 2260 code and its parent division; ``<base>graph/divisions`` the parents
of coded areas that no text mentions.

Statements are written straight as N-Triples text (:class:`Dataset`): a build makes a few hundred
thousand of them, and building rdflib or Oxigraph term objects for each one cost more than all the
rest of the write. Oxigraph parses the text in Rust when it loads the store.

>>> ds = Dataset()
>>> ds.add("<https://e.org/g>", "<https://e.org/s>", RDFS_LABEL, literal('say "hi"\\n', lang="zh"))
>>> print(ds.nquads().decode(), end="")
<https://e.org/s> <http://www.w3.org/2000/01/rdf-schema#label> "say \\"hi\\"\\n"@zh <https://e.org/g> .
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from rdflib import URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from .config import OA, ORG, PG, PROV, QB, SDMX_DIM, SDMX_MEAS
from .iris import Minter, division_iri
from .lexicon import Division, lexicon
from .model import Entity, Evidence, Extraction, Observation

Triple = str  # "<s> <p> <o>" in N-Triples syntax, without the final " ."


def iri(value: str) -> str:
    """An IRI as an N-Triples term (the IRIs minted here never need escaping)."""
    return f"<{value}>"


_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def web_iri(url: str) -> str:
    """A web address as an IRI: the characters an IRI may not hold percent-encoded.

    >>> web_iri("http://x.cn/a b|c.html")
    'http://x.cn/a%20b%7Cc.html'
    """
    return _NOT_IN_IRI.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), url)


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def literal(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    """A literal as an N-Triples term, with a language tag or a datatype (a rendered IRI)."""
    quoted = f'"{text.translate(_ESCAPES)}"'
    if lang:
        return f"{quoted}@{lang}"
    return f"{quoted}^^{datatype}" if datatype else quoted


def zh(text: str) -> str:
    return literal(text, lang="zh")


def _t(term: URIRef) -> str:
    return iri(str(term))


# every property and class written below, rendered once; PG is closed, so a typo fails at import
A, RDF_STATEMENT, RDF_SUBJECT, RDF_PREDICATE, RDF_OBJECT = map(_t, (RDF.type, RDF.Statement, RDF.subject,
                                                                     RDF.predicate, RDF.object))
RDFS_LABEL = _t(RDFS.label)
SKOS_PREF, SKOS_ALT, SKOS_NOTATION, SKOS_IN_SCHEME, SKOS_BROADER, SKOS_CONCEPT = map(_t, (
    SKOS.prefLabel, SKOS.altLabel, SKOS.notation, SKOS.inScheme, SKOS.broader, SKOS.Concept))
DC_IDENTIFIER, DC_TITLE, DC_SOURCE, DC_LANGUAGE, DC_ISSUED, DC_TEMPORAL, DC_SPATIAL, DC_PUBLISHER = map(_t, (
    DCTERMS.identifier, DCTERMS.title, DCTERMS.source, DCTERMS.language, DCTERMS.issued, DCTERMS.temporal,
    DCTERMS.spatial, DCTERMS.publisher))
XSD_DATE, XSD_DECIMAL, XSD_GYEAR, XSD_INTEGER = map(_t, (XSD.date, XSD.decimal, XSD.gYear, XSD.integer))
OA_HAS_SOURCE, OA_HAS_BODY, OA_START, OA_END, OA_EXACT = map(_t, (OA.hasSource, OA.hasBody, OA.start, OA.end,
                                                                  OA.exact))
PROV_DERIVED = _t(PROV.wasDerivedFrom)
ORG_POST, ORG_ROLE_CLASS, ORG_ROLE, ORG_POST_IN, ORG_HOLDS, ORG_HELD_BY = map(_t, (
    ORG.Post, ORG.Role, ORG.role, ORG.postIn, ORG.holds, ORG.heldBy))
QB_OBSERVATION, QB_DATASET = _t(QB.Observation), _t(QB.dataSet)
REF_AREA, REF_PERIOD, OBS_VALUE = _t(SDMX_DIM.refArea), _t(SDMX_DIM.refPeriod), _t(SDMX_MEAS.obsValue)
PG_SOURCE_DOCUMENT, PG_SHA256, PG_EVIDENCE, PG_SENTENCE, PG_MENTION, PG_MENTIONED_IN = map(_t, (
    PG.SourceDocument, PG.sha256, PG.Evidence, PG.sentence, PG.Mention, PG.mentionedIn))
PG_INDICATOR_CLASS, PG_INDICATOR, PG_MEASURE, PG_UNIT, PG_STATUS, PG_VALUE_AS_WRITTEN, PG_PREVIOUS_ACTUAL = map(_t, (
    PG.Indicator, PG.indicator, PG.measure, PG.unit, PG.status, PG.valueAsWritten, PG.previousActual))
PG_GBT2260, PG_STAT_AREA_CODE, PG_DIVISION_LEVEL, PG_LOCATED_IN, PG_DIVISION_SCHEME = map(_t, (
    PG.GBT2260, PG.StatAreaCode, PG.divisionLevel, PG.locatedIn, PG.DivisionScheme))


def pg(name: str) -> str:
    """A term of the ontology by name (entity types, relation names, statuses), rendered."""
    return _t(PG[name])


def integer(value: int) -> str:
    return literal(str(value), datatype=XSD_INTEGER)


@dataclass
class Dataset:
    """Named graphs of triples, each triple once per graph, kept in the order they were made."""

    graphs: dict[str, dict[Triple, None]] = field(default_factory=dict)

    def add(self, graph: str, s: str, p: str, o: str) -> None:
        self.graph(graph)[f"{s} {p} {o}"] = None

    def graph(self, graph: str) -> dict[Triple, None]:
        return self.graphs.setdefault(graph, {})

    def __len__(self) -> int:
        return sum(map(len, self.graphs.values()))

    def nquads(self, ordered: bool = False) -> bytes:
        """The quads as N-Quads; ``ordered`` sorts graphs and the triples within each (stable bytes)."""
        names = sorted(self.graphs) if ordered else list(self.graphs)
        lines: list[str] = []
        for g in names:
            triples = sorted(self.graphs[g]) if ordered else self.graphs[g]
            end = f" {g} .\n"
            lines.extend(t + end for t in triples)
        return "".join(lines).encode("utf-8")

    def split(self, parts: int) -> list[Dataset]:
        """The named graphs dealt into at most ``parts`` datasets of about the same size (largest first).

        >>> ds = Dataset()
        >>> for g, n in (("<a>", 3), ("<b>", 2), ("<c>", 2)):
        ...     for i in range(n):
        ...         ds.add(g, f"<s{i}>", "<p>", "<o>")
        >>> [sorted(part.graphs) for part in ds.split(2)], len(ds.split(5))
        ([['<a>'], ['<b>', '<c>']], 3)
        """
        shares = [Dataset() for _ in range(max(1, min(parts, len(self.graphs))))]
        sizes = [0] * len(shares)  # kept beside the shares: len() of a Dataset walks all its graphs
        for name in sorted(self.graphs, key=lambda g: -len(self.graphs[g])):
            smallest = sizes.index(min(sizes))
            shares[smallest].graphs[name] = self.graphs[name]
            sizes[smallest] += len(self.graphs[name])
        return shares

    def distinct_triples(self) -> bytes:
        """Every triple of the named graphs once, as N-Triples (the store's default graph)."""
        seen: dict[Triple, None] = {}
        for triples in self.graphs.values():
            seen.update(triples)
        return "".join(f"{t} .\n" for t in seen).encode("utf-8")


def add_document(ds: Dataset, x: Extraction, mint: Minter) -> None:
    """Everything one document says, in its own named graph."""
    doc = x.document
    out = ds.graph(mint.graph(doc.id))
    d = mint.document(doc.id)

    def add(s: str, p: str, o: str) -> None:
        out[f"{s} {p} {o}"] = None

    add(d, A, PG_SOURCE_DOCUMENT)
    add(d, DC_IDENTIFIER, literal(doc.id))
    if doc.title:
        add(d, DC_TITLE, zh(doc.title))
    # the page's address where it is known (an IRI other datasets can join on), else the file's name
    add(d, DC_SOURCE, iri(web_iri(doc.source)) if doc.source else literal(doc.path.name))
    add(d, PG_SHA256, literal(doc.sha256))
    add(d, DC_LANGUAGE, literal(doc.language))
    if doc.publisher:
        add(d, DC_PUBLISHER, literal(doc.publisher))
    if doc.date:
        add(d, DC_ISSUED, literal(doc.date, datatype=XSD_DATE))
    if doc.year:
        add(d, DC_TEMPORAL, literal(str(doc.year), datatype=XSD_GYEAR))
    if x.subject_area:
        add(d, DC_SPATIAL, iri(x.entities[x.subject_area].iri or ""))

    nodes = {key: iri(e.iri or "") for key, e in x.entities.items()}
    evidence_of: dict[int, str] = {}  # sentence index → its evidence node, described once

    def evidence(sentence: int) -> str:
        node = evidence_of.get(sentence)
        if node is None:
            sent = x.sentences[sentence]
            s, e = doc.source_span(sent.start, sent.end)
            node = evidence_of[sentence] = mint.evidence(doc.id, s, e)
            add(node, A, PG_EVIDENCE)
            add(node, OA_HAS_SOURCE, d)
            add(node, OA_START, integer(s))
            add(node, OA_END, integer(e))
            add(node, PG_SENTENCE, zh(doc.as_written(sent.start, sent.end)))
        return node

    def derived(statement: str, ev: Evidence | None) -> None:
        if ev is not None:
            add(statement, PROV_DERIVED, evidence(ev.sentence))

    for key, ent in x.entities.items():
        node = nodes[key]
        for t in sorted(ent.types):
            add(node, A, pg(t))
        for label in sorted(ent.labels):
            add(node, SKOS_ALT, zh(label))
        add(node, PG_MENTIONED_IN, d)
        for m in ent.mentions:
            s, e = doc.source_span(m.start, m.end)
            ann = mint.mention(doc.id, s, e)
            add(ann, A, PG_MENTION)
            add(ann, OA_HAS_BODY, node)
            add(ann, OA_HAS_SOURCE, d)
            add(ann, OA_START, integer(s))
            add(ann, OA_END, integer(e))
            add(ann, OA_EXACT, zh(doc.as_written(m.start, m.end)))
            add(ann, PROV_DERIVED, evidence(m.sentence))

    for r in x.relations:
        s_node, o_node, p = nodes[r.subject], nodes[r.object], pg(r.predicate)
        add(s_node, p, o_node)
        stmt = mint.thing("statement", s_node, r.predicate, o_node, doc.id)
        _reify(add, stmt, s_node, p, o_node)
        derived(stmt, r.evidence)

    for lit in x.literals:
        s_node, p = nodes[lit.subject], pg(lit.predicate)
        value = (literal(str(lit.value), datatype=XSD_DATE) if lit.predicate == "date"
                 else literal(_decimal(float(lit.value)), datatype=XSD_DECIMAL))
        add(s_node, p, value)
        stmt = mint.thing("statement", s_node, lit.predicate, lit.value, doc.id)
        _reify(add, stmt, s_node, p, value)
        derived(stmt, lit.evidence)

    for post in x.posts:
        person = nodes[post.person]
        org_node = nodes[post.org] if post.org else None
        node = mint.thing("post", org_node or "", post.title)
        role = mint.thing("role", post.title)
        add(node, A, ORG_POST)
        add(node, RDFS_LABEL, zh((x.entities[post.org].label if post.org else "") + post.title))
        add(node, ORG_ROLE, role)
        add(role, A, ORG_ROLE_CLASS)
        add(role, SKOS_PREF, zh(post.title))
        if org_node:
            add(node, ORG_POST_IN, org_node)
        add(person, ORG_HOLDS, node)
        add(node, ORG_HELD_BY, person)
        derived(node, post.evidence)

    for obs in x.observations:
        node = _observation(add, obs, nodes[obs.area], mint)
        derived(node, obs.evidence)


def _reify(add, stmt: str, s: str, p: str, o: str) -> None:
    add(stmt, A, RDF_STATEMENT)
    add(stmt, RDF_SUBJECT, s)
    add(stmt, RDF_PREDICATE, p)
    add(stmt, RDF_OBJECT, o)


def observation_node(obs: Observation, area: str, mint: Minter) -> str:
    return mint.thing("obs", area, obs.indicator, obs.year, obs.value, obs.status, obs.measure)


def _observation(add, obs: Observation, area: str, mint: Minter) -> str:
    node = observation_node(obs, area, mint)
    concept = mint.thing("indicator", obs.indicator)
    add(node, A, QB_OBSERVATION)
    add(node, QB_DATASET, mint.dataset("indicators"))
    add(node, REF_AREA, area)
    add(node, REF_PERIOD, literal(str(obs.year), datatype=XSD_GYEAR))
    add(node, OBS_VALUE, literal(_decimal(obs.value), datatype=XSD_DECIMAL))
    add(node, PG_INDICATOR, concept)
    add(node, PG_MEASURE, literal(obs.measure))
    add(node, PG_UNIT, literal(obs.unit))
    add(node, PG_STATUS, pg(obs.status))
    add(node, PG_VALUE_AS_WRITTEN, zh(obs.written))
    add(concept, A, PG_INDICATOR_CLASS)
    add(concept, A, SKOS_CONCEPT)
    add(concept, SKOS_PREF, zh(obs.indicator))
    return node


def _decimal(value: float) -> str:
    """A number in the canonical form of xsd:decimal (XSD 1.1: no exponent, no trailing zeros), which is
    how Oxigraph writes it back, so the N-Quads of a build and its store hold the same literals.

    >>> _decimal(765.3), _decimal(7.0), _decimal(-2.6), _decimal(0.000001), _decimal(-0.0)
    ('765.3', '7', '-2.6', '0.000001', '0')
    """
    text = f"{round(value, 6):.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def add_entities(ds: Dataset, corpus: dict[str, Entity], mint: Minter) -> None:
    """The corpus-level description of every entity: one preferred label, codes, parents.

    Divisions and coded development zones also sit in ``pg:DivisionScheme`` with ``skos:broader`` up to
    their province; parents the texts never mention are described there (as ``skos:Concept``, not as
    entities of the texts) so that 中原区 → 郑州市 → 河南省 always joins to datasets keyed by code.
    """
    out = ds.graph(mint.graph("entities"))

    def add(s: str, p: str, o: str) -> None:
        out[f"{s} {p} {o}"] = None

    lex = lexicon()
    by_code = {e.code: key for key, e in corpus.items() if e.code}
    parents: dict[str, Division] = {}
    for key, ent in corpus.items():
        node = iri(key)
        for t in sorted(ent.types):
            add(node, A, pg(t))
        add(node, SKOS_PREF, zh(ent.label))
        for alias in sorted(ent.aliases):
            add(node, SKOS_ALT, zh(alias))
        code = None
        if ent.code:
            code = ent.code
            add(node, SKOS_NOTATION, literal(ent.code, datatype=PG_GBT2260))
            if ent.level:
                add(node, PG_DIVISION_LEVEL, literal(ent.level))
            parent = by_code.get(ent.parent_code or "")
            if parent:
                add(node, PG_LOCATED_IN, iri(parent))
        elif "DevelopmentZone" in ent.types:
            zone = next((lex.stat_zones[n] for n in sorted({ent.label, *ent.aliases}) if n in lex.stat_zones), None)
            if zone:
                code = zone.code
                add(node, SKOS_NOTATION, literal(zone.code, datatype=PG_STAT_AREA_CODE))
        if code:
            add(node, SKOS_IN_SCHEME, PG_DIVISION_SCHEME)
            chain = lex.ancestors(code)
            if chain:
                add(node, SKOS_BROADER, iri(division_iri(mint.base, chain[0].code)))
            parents.update((d.code, d) for d in chain if d.code not in by_code)
    _add_reference_divisions(ds, parents, mint)


def _add_reference_divisions(ds: Dataset, parents: dict[str, Division], mint: Minter) -> None:
    """Parents no text mentions, in the division scheme only."""
    g = mint.graph("divisions")
    for code, d in sorted(parents.items()):
        node = iri(division_iri(mint.base, code))
        ds.add(g, node, A, SKOS_CONCEPT)
        ds.add(g, node, SKOS_IN_SCHEME, PG_DIVISION_SCHEME)
        ds.add(g, node, SKOS_PREF, zh(d.name))
        ds.add(g, node, SKOS_NOTATION, literal(code, datatype=PG_GBT2260))
        ds.add(g, node, PG_DIVISION_LEVEL, literal(d.level))
        if d.parent:
            ds.add(g, node, SKOS_BROADER, iri(division_iri(mint.base, d.parent)))


def add_comparisons(ds: Dataset, extractions: list[Extraction], mint: Minter) -> None:
    """Each target linked to the results of the year before for the same area, indicator, measure and unit.

    The two figures usually come from different documents (a work report's targets, the previous
    report's results), so the link is made over the corpus and kept in its own graph. It is the join
    ``targets-vs-results`` would otherwise make over every observation at query time.
    """
    series: dict[tuple, dict[str, dict[int, set[str]]]] = {}
    for x in extractions:
        for obs in x.observations:
            area = iri(x.entities[obs.area].iri or "")
            by_status = series.setdefault((area, obs.indicator, obs.measure, obs.unit), {})
            by_status.setdefault(obs.status, {}).setdefault(obs.year, set()).add(observation_node(obs, area, mint))
    g = mint.graph("comparisons")
    for by_status in series.values():
        actual = by_status.get("actual", {})
        for year, targets in by_status.get("target", {}).items():
            for target in targets:
                for result in actual.get(year - 1, ()):
                    ds.add(g, target, PG_PREVIOUS_ACTUAL, result)


def corpus_dataset(extractions: list[Extraction], corpus: dict[str, Entity], base: str) -> Dataset:
    """The whole corpus: the entities graph, the divisions graph and one graph per document."""
    ds = Dataset()
    for part in document_graphs(extractions, corpus, base):
        ds.graphs.update(part.graphs)  # each part holds graphs no other part has
    return ds


def document_graphs(extractions: list[Extraction], corpus: dict[str, Entity], base: str) -> Iterator[Dataset]:
    """The corpus's graphs a part at a time: the corpus-wide graphs, then each document's (for streaming N-Quads)."""
    mint = Minter(base)
    ds = Dataset()
    add_entities(ds, corpus, mint)
    add_comparisons(ds, extractions, mint)
    yield ds
    for x in extractions:
        ds = Dataset()
        add_document(ds, x, mint)
        yield ds


__all__ = ["Dataset", "Minter", "add_comparisons", "add_document", "add_entities", "corpus_dataset", "document_graphs", "iri",
           "literal", "zh"]
