"""SPARQL over a built store, saved queries, and result formatting."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from .config import PREFIXES


class QueryError(Exception):
    """A query that cannot be parsed or run, or a saved query that does not exist."""


@dataclass(frozen=True)
class SavedQuery:
    name: str
    description: str
    text: str


@dataclass
class Result:
    """A SELECT result as plain strings (or a boolean for ASK, or triples for CONSTRUCT)."""

    columns: list[str]
    rows: list[list[str | None]]
    boolean: bool | None = None


def saved_queries() -> dict[str, SavedQuery]:
    """The queries shipped in ``policygraph/queries``: the first comment line is the description."""
    found = {}
    for item in sorted(resources.files("policygraph").joinpath("queries").iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".rq"):
            continue
        text = item.read_text(encoding="utf-8")
        first = text.splitlines()[0] if text else ""
        name = item.name[:-3]
        found[name] = SavedQuery(name, first.lstrip("# ").strip(), text)
    return found


def saved_query(name: str) -> SavedQuery:
    queries = saved_queries()
    if name not in queries:
        raise QueryError(f"no saved query {name!r}; `policygraph queries` lists them: {', '.join(queries)}")
    return queries[name]


def _plain(term: object) -> str | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode | ox.Literal | ox.BlankNode):
        return term.value
    return str(term)


# prefixes every query may use without declaring them
PREDECLARED: dict[str, str] = {k: str(v) for k, v in PREFIXES.items()} | {
    "skos": "http://www.w3.org/2004/02/skos/core#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/"}


def run(store: ox.Store, sparql: str) -> Result:
    """Run a query on the default graph (every distinct triple of the named graphs, see ``create_store``)."""
    try:
        answer = store.query(sparql, prefixes=PREDECLARED)
    except SyntaxError as exc:
        raise QueryError(f"the query does not parse: {exc}") from exc
    except OSError as exc:
        raise QueryError(f"the query failed: {exc}") from exc
    if isinstance(answer, ox.QueryBoolean):
        return Result(["ask"], [[str(bool(answer)).lower()]], boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        columns = [v.value for v in answer.variables]
        rows = [[_plain(sol[c]) for c in columns] for sol in answer]
        return Result(columns, rows)
    triples = list(answer)
    return Result(["subject", "predicate", "object"], [[_plain(t.subject), _plain(t.predicate), _plain(t.object)]
                                                       for t in triples])


def format_result(result: Result, fmt: str) -> str:
    """``csv``, ``tsv`` or ``json`` text (the table format is drawn by the CLI)."""
    if fmt == "json":
        return json.dumps([dict(zip(result.columns, row, strict=True)) for row in result.rows],
                          ensure_ascii=False, indent=1)
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows([["" if v is None else v for v in row] for row in result.rows])
    return buf.getvalue()


def read_query_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"{path}: cannot read the query file ({exc.strerror or exc})") from exc
