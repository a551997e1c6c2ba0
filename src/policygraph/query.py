"""SPARQL over a built store, saved queries, and result formatting."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from .spreadsheet import safe_row
from .vocabulary import PREDECLARED


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


# SPARQL's lexical pieces that may hold any text (comments, strings, IRIs), and the words between them
_TOKEN = re.compile("|".join((
    r"(?P<comment>#[^\n]*)",
    r"(?P<string>'{3}(?:[^\\]|\\.)*?'{3}" + r'|"{3}(?:[^\\]|\\.)*?"{3}' + r"|'(?:[^'\\\n]|\\.)*'" + r'|"(?:[^"\\\n]|\\.)*")',
    r'(?P<iri><[^<>"{}|^`\\\s]*>)',
    r"(?P<bnode>_:[\w\u00c0-\uffff.-]+)",
    r"(?P<var>[?$][\w\u00b7\u00c0-\uffff]+)",
    r"(?P<pname>(?:[A-Za-z\u00c0-\uffff][\w.\u00b7\u00c0-\uffff-]*)?:(?:[\w\u00c0-\uffff%\\:.-]*[\w\u00c0-\uffff%:-])?)",
    r"(?P<word>[A-Za-z_]\w*)",
    r"(?P<other>\S)",
)))
UPDATE_KEYWORDS = frozenset("INSERT DELETE LOAD CLEAR CREATE DROP COPY MOVE ADD WITH".split())


def tokens(sparql: str) -> Iterator[tuple[str, str]]:
    """The query as (kind, text) pieces: ``comment``, ``string``, ``iri``, ``var``, ``pname``, ``word``, ``other``.

    >>> [t for t in tokens('SELECT ?s { ?s a pg:Park ; rdfs:label "SERVICE" } # SERVICE') if t[0] != "other"]
    [('word', 'SELECT'), ('var', '?s'), ('var', '?s'), ('word', 'a'), ('pname', 'pg:Park'), ('pname', 'rdfs:label'), ('string', '"SERVICE"'), ('comment', '# SERVICE')]
    """
    for m in _TOKEN.finditer(sparql):
        kind = m.lastgroup or "other"
        yield kind, m.group()


def _words(sparql: str) -> list[tuple[str, str]]:
    return [(kind, text) for kind, text in tokens(sparql) if kind != "comment"]


def declared_prefixes(sparql: str) -> dict[str, str]:
    """The ``PREFIX p: <iri>`` declarations of a query, with the predeclared ones.

    >>> declared_prefixes("PREFIX ex: <http://example.org/> SELECT * {}")["ex"]
    'http://example.org/'
    """
    found = dict(PREDECLARED)
    words = _words(sparql)
    for i, (kind, text) in enumerate(words[:-2]):
        if kind == "word" and text.upper() == "PREFIX" and words[i + 1][0] == "pname" and words[i + 2][0] == "iri":
            found[words[i + 1][1].rstrip(":")] = words[i + 2][1][1:-1]
    return found


def undeclared_prefixes(sparql: str) -> list[str]:
    """Prefixes used in prefixed names that neither the query nor policygraph declares.

    >>> undeclared_prefixes("SELECT * { ?s ex:p ?o ; pg:x _:b }")
    ['ex']
    """
    known = declared_prefixes(sparql)
    used = (text.split(":", 1)[0] for kind, text in _words(sparql) if kind == "pname")
    return sorted({p for p in used if p not in known})


def is_update(sparql: str) -> bool:
    """Whether the request is a SPARQL update (its first keyword after the prologue is an update's).

    >>> is_update("PREFIX ex: <http://x/> INSERT DATA { ex:a ex:b ex:c }"), is_update("SELECT * { ?s ?p ?o }")
    (True, False)
    """
    words = [text.upper() for kind, text in _words(sparql) if kind == "word"]
    first = next((w for w in words if w not in ("PREFIX", "BASE")), "")
    return first in UPDATE_KEYWORDS


def service_targets(sparql: str) -> list[str | None]:
    """The endpoints a query's ``SERVICE`` clauses call: full IRIs, or None where a variable names one.

    >>> service_targets("SELECT * { SERVICE SILENT <http://h:1/> { ?s ?p ?o } SERVICE ?x {} } # SERVICE <z>")
    ['http://h:1/', None]
    """
    words = _words(sparql)
    known = declared_prefixes(sparql)
    targets: list[str | None] = []
    for i, (kind, text) in enumerate(words):
        if kind != "word" or text.upper() != "SERVICE":
            continue
        rest = [w for w in words[i + 1:i + 3] if not (w[0] == "word" and w[1].upper() == "SILENT")]
        target_kind, target = rest[0] if rest else ("other", "")
        if target_kind == "iri":
            targets.append(target[1:-1])
        elif target_kind == "pname" and target.split(":", 1)[0] in known:
            prefix, local = target.split(":", 1)
            targets.append(known[prefix] + local)
        else:
            targets.append(None)
    return targets


def check_request(sparql: str, allowed_services: Iterable[str] = ()) -> None:
    """Refuse, before it runs, what a read-only query tool must not do: updates, and ``SERVICE`` calls to
    endpoints not named in ``allowed_services`` (a query must not make the server send requests for it).

    >>> check_request("SELECT * { SERVICE <http://10.0.0.1/> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    policygraph.query.QueryError: SERVICE <http://10.0.0.1/> is not allowed: federated queries are off unless an allowed endpoint is named (--allow-service)
    """
    if is_update(sparql):
        raise QueryError("updates are not supported: policygraph answers read-only queries (SELECT, ASK, CONSTRUCT, DESCRIBE)")
    allowed = set(allowed_services)
    for target in service_targets(sparql):
        if target is None or target not in allowed:
            shown = f"<{target}>" if target else "with a variable endpoint"
            raise QueryError(f"SERVICE {shown} is not allowed: federated queries are off unless an allowed "
                             "endpoint is named (--allow-service)")


def explain_syntax_error(sparql: str, exc: Exception) -> str:
    """One line saying why a query does not parse: an undeclared prefix named as such, not Oxigraph's list
    of the characters it expected."""
    missing = undeclared_prefixes(sparql)
    if missing:
        return (f"the query does not parse: prefix {', '.join(p + ':' for p in missing)} is not declared (add "
                f"PREFIX {missing[0]}: <...>; predeclared: {', '.join(p + ':' for p in PREDECLARED)})")
    first = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
    return f"the query does not parse: {first[:300]}"


def run(store: ox.Store, sparql: str, allowed_services: Iterable[str] = ()) -> Result:
    """Run a query on the default graph (every distinct triple of the named graphs, see ``create_store``)."""
    check_request(sparql, allowed_services)
    try:
        answer = store.query(sparql, prefixes=PREDECLARED)
    except SyntaxError as exc:
        raise QueryError(explain_syntax_error(sparql, exc)) from exc
    except (OSError, ValueError, RuntimeError) as exc:
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
    """``csv``, ``tsv`` or ``json`` text (the table format is drawn by the CLI); CSV and TSV cells that a
    spreadsheet would run as formulas are neutralised (:mod:`policygraph.spreadsheet`)."""
    if fmt == "json":
        return json.dumps([dict(zip(result.columns, row, strict=True)) for row in result.rows],
                          ensure_ascii=False, indent=1)
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows([safe_row(row) for row in result.rows])
    return buf.getvalue()


def read_query_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"{path}: cannot read the query file ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise QueryError(f"{path}: the query file is not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
