"""Join an external table (CSV) to the graph's entities and add its columns with provenance.

Rows are matched to entities of one type in stages, stopping at the first stage that decides:

1. ``code``: the key equals an entity's ``skos:notation`` (GB/T 2260 or statistical code);
2. ``exact``: the normalised key equals one of an entity's labels;
3. ``core``: equal once region prefixes (河南省, 郑州市 …) and legal forms (股份有限公司, 集团 …) are removed;
4. ``prefix``: an entity's core name of two or more characters begins the row's core name (宇通 → 宇通客车),
   the way texts shorten registered names;
5. ``fuzzy``: the best ``difflib`` similarity of core names is at least :data:`FUZZY_THRESHOLD` and beats
   the runner-up by :data:`FUZZY_MARGIN`.

A stage with more than one candidate makes the row ``ambiguous``; no candidate at any stage leaves it
``unmatched``. Matched rows become ``pg:TableRow`` nodes in the named graph ``<base>graph/link/<table>``,
carrying the columns as properties, ``pg:describes`` the entity, the match method and score, and
``prov:wasDerivedFrom`` the table (its file name and SHA-256). The columns are also stated on the entity
itself, in the same graph, so queries can read them directly.
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox

from .config import ENTITY_TYPES, PG, iri_base
from .iris import graph_iri, table_iri
from .labels import core, fold
from .query import run
from .spreadsheet import safe_row
from .store import StoreError, open_store, store_dir
from .vocabulary import PREDECLARED

# Chinese names are short: one different character in a 6-character core gives 2·5/12 ≈ 0.83, so 0.85
# accepts a one-character difference only in cores of 7 characters or more, where it is a typo or
# variant rather than another firm (宇通 / 宇华 must not meet).
FUZZY_THRESHOLD = 0.85
FUZZY_MARGIN = 0.05
PROV_DERIVED = ox.NamedNode(PREDECLARED["prov"] + "wasDerivedFrom")
RDF_TYPE = ox.NamedNode(PREDECLARED["rdf"] + "type")
PG_SHA256 = ox.NamedNode(str(PG.sha256))
XSD_INTEGER = ox.NamedNode(PREDECLARED["xsd"] + "integer")
XSD_DECIMAL = ox.NamedNode(PREDECLARED["xsd"] + "decimal")
RDFS_LABEL = ox.NamedNode(PREDECLARED["rdfs"] + "label")
DCT_TITLE = ox.NamedNode(PREDECLARED["dcterms"] + "title")


class LinkError(Exception):
    """A table that cannot be linked (missing file or column, unknown type, empty table)."""


@dataclass
class Candidate:
    iri: str
    label: str
    labels: set[str] = field(default_factory=set)
    codes: set[str] = field(default_factory=set)

    # the spellings every row is compared with: worked out once per entity, not once per row and stage
    @cached_property
    def normalised(self) -> set[str]:
        return {fold(x) for x in self.labels}

    @cached_property
    def cores(self) -> set[str]:
        return {core(x) for x in self.labels}


@dataclass
class RowMatch:
    row: int  # 1-based data row number (the header is row 0)
    key: str
    status: str  # matched, ambiguous, unmatched
    method: str = ""
    score: float = 0.0
    entities: list[Candidate] = field(default_factory=list)


@dataclass
class LinkReport:
    table: Path
    graph: str
    rows: list[RowMatch]
    report: Path | None = None
    replaced: str | None = None  # what the table's earlier link was, when this one replaced a different one

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)


def candidates(store: ox.Store, type_: str) -> list[Candidate]:
    found: dict[str, Candidate] = {}
    for iri, label, alt, code in run(store, f"""
        SELECT ?e ?label ?alt ?code WHERE {{
          ?e a pg:{type_} ; skos:prefLabel ?label .
          OPTIONAL {{ ?e skos:altLabel ?alt }} OPTIONAL {{ ?e skos:notation ?code }}
        }}""").rows:
        assert iri and label
        c = found.setdefault(iri, Candidate(iri, label, {label}))
        if alt:
            c.labels.add(alt)
        if code:
            c.codes.add(code)
    return sorted(found.values(), key=lambda c: c.iri)


def match(key: str, pool: list[Candidate], on: str) -> RowMatch:
    """Match one key against the candidates, stage by stage (see the module's description)."""
    key = key.strip()
    result = RowMatch(0, key, "unmatched")
    if not key:
        return result
    if on == "code":
        stages = [("code", [c for c in pool if key in c.codes])]
    else:
        k, kc = fold(key), core(key)
        stages = [
            ("exact", [c for c in pool if k in c.normalised]),
            ("core", [c for c in pool if kc in c.cores]),
            ("prefix", [c for c in pool if any(len(x) >= 2 and kc.startswith(x) for x in c.cores)]),
        ]
    for method, found in stages:
        if len(found) == 1:
            return RowMatch(0, key, "matched", method, 1.0, found)
        if len(found) > 1:
            return RowMatch(0, key, "ambiguous", method, 1.0, found)
    if on == "name":
        scored = sorted(((max(difflib.SequenceMatcher(None, kc, x).ratio() for x in c.cores), c)
                         for c in pool), key=lambda sc: (-sc[0], sc[1].iri))
        if scored and scored[0][0] >= FUZZY_THRESHOLD:
            best, runner_up = scored[0][0], scored[1][0] if len(scored) > 1 else 0.0
            if best - runner_up >= FUZZY_MARGIN:
                return RowMatch(0, key, "matched", "fuzzy", round(best, 3), [scored[0][1]])
            return RowMatch(0, key, "ambiguous", "fuzzy", round(best, 3),
                            [c for s, c in scored if best - s < FUZZY_MARGIN])
    return result


def _read_table(table: Path) -> tuple[list[str], list[dict[str, str]]]:
    try:
        text = table.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise LinkError(f"{table}: no such file") from None
    except UnicodeDecodeError:
        try:
            text = table.read_bytes().decode("gb18030")
        except UnicodeDecodeError:
            raise LinkError(f"{table}: not UTF-8 or GB18030 text") from None
    reader = csv.DictReader(text.splitlines())
    rows = list(reader)
    if not reader.fieldnames or not rows:
        raise LinkError(f"{table}: no header or no rows")
    return list(reader.fieldnames), rows


def _choose_key(columns: list[str], on: str, key: str | None) -> str:
    if key:
        if key not in columns:
            raise LinkError(f"no column {key!r}; the table has: {', '.join(columns)}")
        return key
    hints = ("代码", "code", "编码") if on == "code" else ("名称", "name", "企业", "单位")
    found = next((c for c in columns if any(h in c.lower() for h in hints)), None)
    if found is None:
        raise LinkError(f"say which column holds the {on} with --key; the table has: {', '.join(columns)}")
    return found


def link_table(build: Path, table: Path, type_: str, on: str = "name", key: str | None = None,
               columns: list[str] | None = None, base: str | None = None) -> LinkReport:
    """Match the table's rows to entities of ``type_``, add the matched rows to the store, write a report.

    Linking the same table again replaces what it added before.
    """
    if type_ not in ENTITY_TYPES:
        raise LinkError(f"unknown type {type_!r}; known: {', '.join(ENTITY_TYPES)}")
    if on not in ("name", "code"):
        raise LinkError("--on is name or code")
    header, rows = _read_table(table)
    key = _choose_key(header, on, key)
    wanted = columns or [c for c in header if c != key]
    missing = [c for c in wanted if c not in header]
    if missing:
        raise LinkError(f"no column {', '.join(map(repr, missing))}; the table has: {', '.join(header)}")
    store_folder = store_dir(build)
    pool = candidates(open_store(store_folder), type_)
    matches = []
    for i, row in enumerate(rows, 1):
        m = match(row.get(key) or "", pool, on)
        m.row = i
        matches.append(m)
    base = base or iri_base()
    name = quote(table.stem)
    graph = ox.NamedNode(graph_iri(base, f"link/{name}"))
    quads = list(_link_quads(table, rows, matches, wanted, key, graph, base, name))
    _replace_graph(store_folder, graph, quads)
    out = store_folder.parent / "links"
    out.mkdir(exist_ok=True)
    spec = {"table": str(table.resolve()), "type": type_, "on": on, "key": key, "columns": columns, "base": base}
    report = LinkReport(table, graph.value, matches, out / f"{table.stem}-report.csv",
                        _replaced(out / f"{table.stem}.json", spec))
    write_report(report)
    (out / f"{table.stem}.json").write_text(json.dumps(spec, ensure_ascii=False, indent=1), encoding="utf-8")
    return report


def _replaced(spec_file: Path, spec: dict) -> str | None:
    """The earlier link of a table of the same name, in words, when the new one differs from it (a table's
    graph holds one link: linking it again replaces the last one)."""
    try:
        before = json.loads(spec_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    changed = [k for k in ("table", "type", "on", "key") if before.get(k) != spec[k]]
    if not changed:
        return None
    return (f"replaced the earlier link of {Path(before.get('table', '')).name} as {before.get('type')} "
            f"(on {before.get('on')}): a table's graph holds its latest link only")


def relink(build: Path) -> list[str]:
    """Link again every table linked to this build before (a rebuild starts from the documents, and
    entities may have new IRIs); returns one line per table saying what happened."""
    lines = []
    for spec_file in sorted((Path(build) / "links").glob("*.json")):
        spec = json.loads(spec_file.read_text(encoding="utf-8"))
        try:
            r = link_table(Path(build), Path(spec["table"]), spec["type"], spec["on"], spec["key"], spec["columns"],
                           spec.get("base"))
            lines.append(f"relinked {Path(spec['table']).name}: {r.count('matched')} matched, "
                         f"{r.count('ambiguous')} ambiguous, {r.count('unmatched')} unmatched")
        except (LinkError, StoreError) as exc:
            lines.append(f"could not relink {Path(spec['table']).name}: {exc}")
    return lines


def _link_quads(table: Path, rows: list[dict[str, str]], matches: list[RowMatch], columns: list[str], key: str,
                graph: ox.NamedNode, base: str, name: str):
    source = ox.NamedNode(table_iri(base, name))
    yield ox.Quad(source, RDF_TYPE, ox.NamedNode("http://www.w3.org/ns/prov#Entity"), graph)
    yield ox.Quad(source, DCT_TITLE, ox.Literal(table.name), graph)
    yield ox.Quad(source, PG_SHA256, ox.Literal(hashlib.sha256(table.read_bytes()).hexdigest()), graph)
    props = {c: ox.NamedNode(table_iri(base, name, quote(c))) for c in [key, *columns]}
    for c, p in props.items():
        yield ox.Quad(p, RDF_TYPE, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#Property"), graph)
        yield ox.Quad(p, RDFS_LABEL, ox.Literal(c), graph)
    for m, row in zip(matches, rows, strict=True):
        if m.status != "matched":
            continue
        entity = ox.NamedNode(m.entities[0].iri)
        node = ox.NamedNode(table_iri(base, name, "row", str(m.row)))
        yield ox.Quad(node, RDF_TYPE, ox.NamedNode(str(PG.TableRow)), graph)
        yield ox.Quad(node, ox.NamedNode(str(PG.describes)), entity, graph)
        yield ox.Quad(node, ox.NamedNode(str(PG.rowNumber)), ox.Literal(str(m.row), datatype=XSD_INTEGER), graph)
        yield ox.Quad(node, ox.NamedNode(str(PG.matchMethod)), ox.Literal(m.method), graph)
        yield ox.Quad(node, ox.NamedNode(str(PG.matchScore)), ox.Literal(f"{m.score}", datatype=XSD_DECIMAL), graph)
        yield ox.Quad(node, PROV_DERIVED, source, graph)
        for c, p in props.items():
            value = (row.get(c) or "").strip()
            if value:
                yield ox.Quad(node, p, ox.Literal(value), graph)
                yield ox.Quad(entity, p, ox.Literal(value), graph)



def _replace_graph(store_dir: Path, graph: ox.NamedNode, quads: list[ox.Quad]) -> None:
    """Swap the table's named graph (and its share of the default graph) in one transaction."""
    try:
        store = open_store(store_dir, read_only=False)
    except StoreError as exc:
        raise LinkError(f"{exc} (is `policygraph serve` running on it?)") from exc
    old = list(store.quads_for_pattern(None, None, None, graph))
    elsewhere = {(q.subject, q.predicate, q.object) for q in old
                 if any(o.graph_name != graph and not isinstance(o.graph_name, ox.DefaultGraph)
                        for o in store.quads_for_pattern(q.subject, q.predicate, q.object))}
    removals = old + [ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in old
                      if (q.subject, q.predicate, q.object) not in elsewhere]
    additions = quads + [ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads]
    # one SPARQL update is one transaction: a failure leaves the store as it was
    store.update(_update_text(removals, additions))
    store.flush()


def _update_text(removals: list[ox.Quad], additions: list[ox.Quad]) -> str:
    def block(quads: list[ox.Quad]) -> str:
        default = " ".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads
                           if isinstance(q.graph_name, ox.DefaultGraph))
        named: dict[str, list[str]] = {}
        for q in quads:
            if not isinstance(q.graph_name, ox.DefaultGraph):
                named.setdefault(str(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object} .")
        return default + " ".join(f"GRAPH {g} {{ {' '.join(ts)} }}" for g, ts in named.items())
    parts = []
    if removals:
        parts.append(f"DELETE DATA {{ {block(removals)} }}")
    if additions:
        parts.append(f"INSERT DATA {{ {block(additions)} }}")
    return " ;\n".join(parts) or "INSERT DATA {}"


def write_report(report: LinkReport) -> None:
    assert report.report is not None
    with report.report.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["row", "key", "status", "method", "score", "entity", "label"])
        for m in report.rows:
            if not m.entities:
                writer.writerow(safe_row([m.row, m.key, m.status, m.method, m.score, "", ""]))
            for c in m.entities:
                writer.writerow(safe_row([m.row, m.key, m.status, m.method, m.score, c.iri, c.label]))
