"""The project's vocabulary in one place: entity types and relations with their Chinese names, colours and
priority, and the namespaces every writer and query uses.

Plain strings only (no rdflib), so that commands which only read a store start quickly. The ontology
(``ontology/policygraph.ttl``) is the reference: ``tests/test_vocabulary.py`` fails when a class or
property is added there and not here, or the reverse, or when a Chinese name differs.

>>> ENTITY_TYPES[0], TYPES["Park"].zh, TYPES["Park"].colour
('AdministrativeDivision', '园区', '#2ca02c')
>>> PRIORITY[0]
'Person'
"""

from __future__ import annotations

from dataclasses import dataclass

PG = "https://w3id.org/policygraph/ontology#"
NAMESPACES: dict[str, str] = {
    "pg": PG,
    "qb": "http://purl.org/linked-data/cube#",
    "sdmx-dimension": "http://purl.org/linked-data/sdmx/2009/dimension#",
    "sdmx-measure": "http://purl.org/linked-data/sdmx/2009/measure#",
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "oa": "http://www.w3.org/ns/oa#",
    "prov": "http://www.w3.org/ns/prov#",
}
# prefixes every query may use without declaring them
PREDECLARED: dict[str, str] = NAMESPACES | {
    "skos": "http://www.w3.org/2004/02/skos/core#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/"}


@dataclass(frozen=True)
class EntityType:
    name: str  # the class's local name in the ontology
    zh: str  # its rdfs:label@zh
    colour: str  # on the page and in GEXF
    shape: str  # vis-network shape on the page


# In the guideline's order; this order also picks an entity's main type on the page and in exports.
TYPES: dict[str, EntityType] = {t.name: t for t in (
    EntityType("AdministrativeDivision", "行政区划", "#1f77b4", "box"),
    EntityType("DevelopmentZone", "功能区", "#17becf", "box"),
    EntityType("Subdistrict", "街道", "#9ecae1", "box"),
    EntityType("Park", "园区", "#2ca02c", "ellipse"),
    EntityType("Place", "地点", "#98df8a", "ellipse"),
    EntityType("Project", "项目", "#ff7f0e", "diamond"),
    EntityType("Person", "人物", "#d62728", "dot"),
    EntityType("Organization", "机构", "#9467bd", "box"),
    EntityType("Enterprise", "企业", "#8c564b", "box"),
    EntityType("Initiative", "举措", "#e377c2", "star"),
    EntityType("PolicyDocument", "政策文件", "#7f7f7f", "square"),
    EntityType("Event", "事件", "#bcbd22", "triangle"),
    EntityType("Industry", "产业", "#f7b6d2", "hexagon"),
)}
ENTITY_TYPES: tuple[str, ...] = tuple(TYPES)

# Which type a mention keeps when two extractors type the same words differently (first wins).
PRIORITY: tuple[str, ...] = (
    "Person", "AdministrativeDivision", "Subdistrict", "DevelopmentZone", "Park", "Project", "Event", "PolicyDocument",
    "Enterprise", "Organization", "Place", "Initiative", "Industry")

# Entity-to-entity relations with their rdfs:label@zh.
RELATIONS: dict[str, str] = {
    "locatedIn": "位于", "partOf": "属于", "implements": "实施", "focusIndustry": "主导产业", "organizer": "主办方",
    "participant": "参与方", "location": "举办地", "issuedBy": "发布方", "developer": "建设单位", "memberOf": "隶属",
}
ENTITY_PREDICATES: tuple[str, ...] = tuple(RELATIONS)
