"""The code's shape, checked: stages import only earlier stages, and the vocabulary agrees with the ontology."""

from __future__ import annotations

import ast
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from policygraph import vocabulary
from policygraph.config import ontology_dir

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "policygraph"
# The pipeline's stages in order; a module may import its own stage, an earlier one, or a shared module.
STAGES = ["ingest", "text", "extract", "merge", "rdf", "store"]
SHARED = {"model", "vocabulary", "config", "lexicon", "labels", "iris", "spreadsheet", "script"}


def _stage(module: str) -> str | None:
    top = module.split(".")[0]
    return top if top in STAGES else None


def _imports(path: Path) -> set[str]:
    """The policygraph modules a file imports at run time (imports under ``if TYPE_CHECKING`` are types only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
    found: set[str] = set()
    type_only = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
                 for n in ast.walk(node)}
    for node in ast.walk(tree):
        if id(node) in type_only or not isinstance(node, ast.ImportFrom) or not node.level:
            continue
        parts = package.split(".")
        base = parts[: len(parts) - node.level] if path.name != "__init__.py" else parts[: len(parts) - node.level + 1]
        target = ".".join([*base, node.module] if node.module else base)
        found |= {f"{target}.{a.name}" if not node.module else target for a in node.names}
    return {m for m in found if m}


def test_no_stage_imports_a_later_one():
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        here = _stage(".".join(path.relative_to(PACKAGE).with_suffix("").parts))
        if here is None:
            continue
        for module in _imports(path):
            there = _stage(module)
            if there and STAGES.index(there) > STAGES.index(here):
                wrong.append(f"{path.relative_to(PACKAGE)} imports {module}")
    assert wrong == []


def test_shared_modules_import_no_stage():
    for name in SHARED:
        path = PACKAGE / f"{name}.py"
        assert not {_stage(m) for m in _imports(path)} - {None}, name


def _ontology() -> Graph:
    return Graph().parse(ontology_dir() / "policygraph.ttl")


def _zh(g: Graph, term: URIRef) -> str:
    return next(str(o) for o in g.objects(term, RDFS.label) if isinstance(o, Literal) and o.language == "zh")


def test_the_vocabulary_module_and_the_ontology_name_the_same_types_and_relations():
    g, pg = _ontology(), vocabulary.PG
    helpers = {"SourceDocument", "Indicator", "Status", "Mention", "Evidence", "TableRow"}  # not kinds of entity
    classes = {str(c)[len(pg):] for c in g.subjects(RDF.type, OWL.Class) if str(c).startswith(pg)} - helpers
    assert classes == set(vocabulary.ENTITY_TYPES), "add the type to both ontology/policygraph.ttl and vocabulary.py"
    for name, t in vocabulary.TYPES.items():
        assert _zh(g, URIRef(pg + name)) == t.zh, name
    entity_relations = {str(p)[len(pg):] for p in g.subjects(RDF.type, OWL.ObjectProperty) if str(p).startswith(pg)
                        and (URIRef(pg + "indicator"), None, None) != (p, None, None)}
    model_relations = {"indicator", "status", "previousActual", "mentionedIn", "describes"}
    assert entity_relations - model_relations == set(vocabulary.ENTITY_PREDICATES)
    for name, zh in vocabulary.RELATIONS.items():
        assert _zh(g, URIRef(pg + name)) == zh, name
    assert set(vocabulary.PRIORITY) == set(vocabulary.ENTITY_TYPES)
