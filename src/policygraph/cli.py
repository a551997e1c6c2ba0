"""The ``policygraph`` command. Each command parses its options, calls one library function and
turns library errors into a clear message and exit code 1 (2 for bad usage, as typer does).

Each command imports the library modules it uses when it runs: ``policygraph --help`` or a query
does not load the extraction pipeline, jieba, networkx or pyvis.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from . import __version__
from .export import EXPORTERS
from .viz import MAX_NODES
from .vocabulary import ENTITY_TYPES

if TYPE_CHECKING:
    from .engine import Engine

app = typer.Typer(help="Turn Chinese policy texts into an RDF knowledge graph; query it, explore it.",
                  no_args_is_help=True, add_completion=False)
out = Console()
err = Console(stderr=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"policygraph {__version__}")
        raise typer.Exit()


@app.callback()
def _options(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                   help="Print the version and exit.")] = False) -> None:
    """Turn Chinese policy texts into an RDF knowledge graph; query it, explore it."""

StoreOpt = Annotated[Path, typer.Option("--store", "-s", help="A build folder (or its store folder).")]


class EngineName(StrEnum):
    local = "local"
    dask = "dask"


class Format(StrEnum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"


def fail(message: str) -> typer.Exit:
    typer.secho(f"error: {message}", err=True, fg=typer.colors.RED)
    return typer.Exit(1)


@app.command()
def build(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders (.txt, .md, .html, .docx, .pdf). "
                                                          "Default: the bundled corpus.")] = None,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("build"),
    update: Annotated[Path | None, typer.Option("--update", help="Update this build folder: extract only new and "
                                                                 "changed documents, drop deleted ones.")] = None,
    base: Annotated[str | None, typer.Option(help="Base IRI for minted IRIs.")] = None,
    html: Annotated[bool, typer.Option(help="Also write graph.html.")] = True,
    strict: Annotated[bool, typer.Option(help="Exit with status 1 if any file was skipped.")] = False,
    max_size: Annotated[float, typer.Option(min=0.001, help="Skip files larger than this many MB.")] = 50.0,
    workers: Annotated[int | None, typer.Option(min=1, help="Processes extracting documents (default: all cores).")] = None,
    engine_name: Annotated[EngineName, typer.Option("--engine", help="Where extraction runs: local processes, "
                                                                     "or a Dask cluster (with --scheduler).")] = EngineName.local,
    scheduler: Annotated[str | None, typer.Option(help="The Dask scheduler of --engine dask (tcp://host:8786).")] = None,
    nquads: Annotated[Path | None, typer.Option("--nquads", help="Write the graph as N-Quads to this file ('-': "
                                                                "standard output) for a server triplestore, "
                                                                "instead of a build folder.")] = None,
    manifest: Annotated[Path | None, typer.Option(help="A CSV or JSON Lines file of metadata for the files: "
                                                       "path, and any of title, date, source, area, publisher, "
                                                       "language. Front matter in a file wins.")] = None,
) -> None:
    """Build graph.trig, an Oxigraph store and graph.html from documents (or N-Quads with --nquads)."""
    from rich.progress import BarColumn, Progress, TextColumn

    from . import engine, pipeline, store
    if update is not None and out_dir != Path("build") and out_dir != update:
        raise fail(f"--update {update} and --out {out_dir} name different folders; give one")
    if nquads is not None and update is not None:
        raise fail("--nquads writes a whole graph; it cannot --update a build folder")
    try:
        runner = engine.engine_for(engine_name.value, workers, scheduler)
    except engine.EngineError as exc:
        raise fail(str(exc)) from None
    if nquads is not None:
        return _build_nquads(paths, nquads, base, int(max_size * 1024 * 1024), runner, manifest)
    target = update or out_dir
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                  console=err, transient=True) as bar:
        task = bar.add_task("reading", total=None)

        def progress(stage: str, done: int, total: int) -> None:
            bar.update(task, description=stage, completed=done, total=total)

        try:
            report = pipeline.build(paths, target, base=base, html=html, progress=progress,
                                    update=update is not None, max_bytes=int(max_size * 1024 * 1024),
                                    engine=runner, manifest=manifest)
        except (pipeline.BuildError, store.StoreError) as exc:
            raise fail(str(exc)) from None
    for path, reason in report.skipped:
        typer.secho(f"skipped {path}: {reason}", err=True, fg=typer.colors.YELLOW)
    for path, warning in report.warnings:
        typer.secho(f"warning {path}: {warning}", err=True, fg=typer.colors.YELLOW)
    table = Table(title=f"{len(report.documents)} documents → {report.out}")
    table.add_column("type")
    table.add_column("entities", justify="right")
    for t, n in sorted(report.counts_by_type.items(), key=lambda kv: (-kv[1], kv[0])):
        table.add_row(t, str(n))
    table.add_section()
    table.add_row("relations", str(report.relations))
    table.add_row("posts", str(report.posts))
    table.add_row("indicators", str(report.observations))
    table.add_row("quads", str(report.quads))
    out.print(table)
    out.print(f"wrote {report.graph}, {report.store}" + (f", {report.html}" if html else ""), highlight=False)
    for line in report.relinked:
        out.print(line, highlight=False)
    if report.changes:
        out.print("update: " + ", ".join(f"{n} {k}" for k, n in report.changes.items())
                  + f"; {report.reused} extractions reused", highlight=False)
    if report.skipped:
        typer.secho(f"{len(report.skipped)} of {len(report.skipped) + len(report.documents)} files skipped "
                    "(listed above)", err=True, fg=typer.colors.YELLOW)
        if strict:
            raise typer.Exit(1)


def _build_nquads(paths: list[Path] | None, target: Path, base: str | None, max_bytes: int,
                  runner: Engine, manifest: Path | None) -> None:
    from . import pipeline

    try:
        report = pipeline.build_nquads(paths, sys.stdout.buffer if str(target) == "-" else target, base=base,
                                       max_bytes=max_bytes, engine=runner, manifest=manifest)
    except pipeline.BuildError as exc:
        raise fail(str(exc)) from None
    for path, reason in report.skipped:
        typer.secho(f"skipped {path}: {reason}", err=True, fg=typer.colors.YELLOW)
    for path, warning in report.warnings:
        typer.secho(f"warning {path}: {warning}", err=True, fg=typer.colors.YELLOW)
    typer.secho(f"{len(report.documents)} documents → {report.quads} quads in {target}", err=True)


@app.command("query")
def query_cmd(
    sparql: Annotated[str | None, typer.Argument(help="A SPARQL query.")] = None,
    file: Annotated[Path | None, typer.Option("--file", "-f", help="Read the query from a .rq file.")] = None,
    name: Annotated[str | None, typer.Option("--name", "-n", help="Run a saved query (see `queries`).")] = None,
    store_dir: StoreOpt = Path("build"),
    fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.table,
    allow_service: Annotated[list[str] | None, typer.Option(
        "--allow-service", help="An endpoint IRI that SERVICE may call (repeat). Default: SERVICE is refused.")] = None,
) -> None:
    """Run SPARQL on a built graph (the union of all documents' graphs)."""
    from . import store
    from .query import QueryError, format_result, read_query_file, run, saved_query

    given = [x for x in (sparql, file, name) if x is not None]
    if len(given) != 1:
        raise fail("give exactly one of: a query, --file FILE, --name SAVED")
    try:
        text = sparql if sparql is not None else (
            read_query_file(file) if file is not None else saved_query(name or "").text)
        result = run(store.open_store(store_dir), text or "", allow_service or ())
    except (QueryError, store.StoreError) as exc:
        raise fail(str(exc)) from None
    if fmt is Format.table:
        table = Table(*result.columns)
        for row in result.rows:
            table.add_row(*["" if v is None else v for v in row])
        out.print(table)
        out.print(f"{len(result.rows)} rows", style="dim")
    else:
        typer.echo(format_result(result, fmt.value), nl=False)


@app.command()
def queries() -> None:
    """List the saved queries."""
    from .query import saved_queries

    table = Table("name", "what it answers")
    for q in saved_queries().values():
        table.add_row(q.name, q.description)
    out.print(table)


@app.command("viz")
def viz_cmd(
    store_dir: StoreOpt = Path("build"),
    out_file: Annotated[Path, typer.Option("--out", "-o", help="The HTML page to write.")] = Path("graph.html"),
    focus: Annotated[str | None, typer.Option(help="Draw the neighbourhood of the entity with this label.")] = None,
    depth: Annotated[int, typer.Option(min=1, max=5, help="Neighbourhood depth with --focus.")] = 1,
    types: Annotated[str | None, typer.Option(help="Only these types, comma separated (Park,Project).")] = None,
    query_file: Annotated[Path | None, typer.Option("--query", help="Draw the result of a CONSTRUCT query.")] = None,
    max_nodes: Annotated[int, typer.Option(min=1, help="Cut larger graphs to the most connected nodes.")] = MAX_NODES,
) -> None:
    """Draw a built graph as an interactive HTML page that works offline."""
    from . import store, viz
    from .query import QueryError, read_query_file

    try:
        wanted = {t.strip() for t in types.split(",")} if types else None
        unknown = (wanted or set()) - set(ENTITY_TYPES)
        if unknown:
            raise fail(f"unknown type(s) {', '.join(sorted(unknown))}; known: {', '.join(ENTITY_TYPES)}")
        construct = read_query_file(query_file) if query_file else None
        viz.write_page(store.open_store(store_dir), out_file, focus, depth, wanted, construct, max_nodes)
    except (viz.VizError, QueryError, store.StoreError) as exc:
        raise fail(str(exc)) from None
    out.print(f"wrote {out_file}", highlight=False)


class StatsFormat(StrEnum):
    table = "table"
    json = "json"


ExportFormat = StrEnum("ExportFormat", {name: name for name in EXPORTERS})  # type: ignore[misc]


@app.command("export")
def export_cmd(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="ttl, nt, jsonld (merged graph); trig, nq (graph "
                                                               "per document); graphml, gexf; csv (a folder).")],
    store_dir: StoreOpt = Path("build"),
    out_file: Annotated[Path | None, typer.Option("--out", "-o", help="File to write (default graph.FORMAT; "
                                                                     "for csv a folder, default graph-csv).")] = None,
) -> None:
    """Write a built graph for other tools: RDF files, GraphML / GEXF for Gephi, or CSV tables."""
    from . import export, store

    target = out_file or Path("graph-csv" if fmt.value == "csv" else f"graph.{fmt.value}")
    try:
        export.export(store.open_store(store_dir), fmt.value, target)
    except (export.ExportError, store.StoreError) as exc:
        raise fail(str(exc)) from None
    out.print(f"wrote {target}", highlight=False)


@app.command()
def stats(
    store_dir: StoreOpt = Path("build"),
    top: Annotated[int, typer.Option(min=1, help="How many central entities to list.")] = 10,
    fmt: Annotated[StatsFormat, typer.Option("--format", help="table, or json for programs.")] = StatsFormat.table,
) -> None:
    """Counts by type and relation, the most central entities, communities and components."""
    from . import graphstats, projection, store

    try:
        result = graphstats.graph_stats(projection.entity_graph(store.open_store(store_dir), with_details=False), top)
    except store.StoreError as exc:
        raise fail(str(exc)) from None
    if fmt is StatsFormat.json:
        typer.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=1))
        return
    out.print(f"{result.nodes} entities, {result.edges} relations, {result.components} components "
              f"(largest {result.largest_component}), {result.communities} communities")
    for title, data in (("type", result.types), ("relation", result.relations)):
        table = Table(title, "count")
        for k, v in data.items():
            table.add_row(k, str(v))
        out.print(table)
    table = Table("degree", "", "PageRank", "", "betweenness", "")
    for row in zip(result.top_degree, result.top_pagerank, result.top_betweenness, strict=False):
        table.add_row(*[str(x) for pair in row for x in pair])
    out.print(table)
    table = Table("community", "size", "most connected members")
    for i, community in enumerate(result.largest_communities, 1):
        table.add_row(str(i), str(community.size), "、".join(community.members))
    out.print(table)


@app.command("serve")
def serve_cmd(
    store_dir: StoreOpt = Path("build"),
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 7878,
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds a query may run before it is stopped, and "
                                                         "seconds a request may wait for a free worker.")] = 10.0,
    max_results: Annotated[int, typer.Option(min=1, help="Most rows (or triples) returned per query.")] = 10_000,
    workers: Annotated[int, typer.Option(min=1, help="Queries answered at the same time.")] = 2,
    cors: Annotated[bool, typer.Option(help="Allow queries from pages of other origins.")] = False,
    allow_service: Annotated[list[str] | None, typer.Option(
        "--allow-service", help="An endpoint IRI that SERVICE may call (repeat). Default: SERVICE is refused.")] = None,
    allow_host: Annotated[list[str] | None, typer.Option(
        "--allow-host", help="Another name the Host header may give (repeat; '*' for any). Default: the names "
                             "of --host.")] = None,
    max_request_kb: Annotated[int, typer.Option(min=1, help="Largest query or form body accepted, in KB.")] = 1024,
    memory: Annotated[int, typer.Option(min=0, help="Memory each query worker may use, in MB (0: no cap).")] = 2048,
) -> None:
    """Serve the graph as a read-only SPARQL 1.1 Protocol endpoint at /sparql, with a query page at /."""
    from . import serve, store

    try:
        settings = serve.Settings(store.store_dir(store_dir), timeout, max_results, workers, cors,
                                  tuple(allow_service or ()), serve.hosts_for(host, tuple(allow_host or ())),
                                  max_request_kb * 1024, memory)
        serve.serve(settings, host, port, on_ready=lambda: err.print(
            f"SPARQL endpoint http://{host}:{port}/sparql (query page at /); Ctrl-C stops", highlight=False))
    except (store.StoreError, RuntimeError) as exc:
        raise fail(str(exc)) from None


class LinkOn(StrEnum):
    name = "name"
    code = "code"


@app.command("link")
def link_cmd(
    table: Annotated[Path, typer.Argument(help="A CSV table with a header row (UTF-8 or GB18030).")],
    type_: Annotated[str, typer.Option("--type", help="The entity type its rows describe (Enterprise, ...).")],
    on: Annotated[LinkOn, typer.Option(help="Match by name (with aliases and fuzzy scores) or by code.")] = LinkOn.name,
    key: Annotated[str | None, typer.Option(help="The column holding the name or code (default: guessed).")] = None,
    column: Annotated[list[str] | None, typer.Option("--column", "-c", help="A column to add (repeat; "
                                                                          "default: all).")] = None,
    store_dir: StoreOpt = Path("build"),
) -> None:
    """Join an external table to the graph's entities and add its columns, with provenance and a report."""
    from . import link, store

    try:
        report = link.link_table(store_dir, table, type_, on.value, key, column)
    except (link.LinkError, store.StoreError) as exc:
        raise fail(str(exc)) from None
    rows = Table("row", "key", "status", "method", "entity")
    for m in report.rows:
        rows.add_row(str(m.row), m.key, m.status, m.method, "、".join(c.label for c in m.entities))
    out.print(rows)
    out.print(f"{report.count('matched')} matched, {report.count('ambiguous')} ambiguous, "
              f"{report.count('unmatched')} unmatched of {len(report.rows)} rows; "
              f"added to graph <{report.graph}>; report {report.report}", highlight=False)
    if report.replaced:
        typer.secho(report.replaced, err=True, fg=typer.colors.YELLOW)


@app.command("validate")
def validate_cmd(store_dir: StoreOpt = Path("build")) -> None:
    """Check a built graph against the SHACL shapes in ontology/shapes.ttl."""
    from . import store, validate

    try:
        violations = validate.validate_store(store.open_store(store_dir))
    except store.StoreError as exc:
        raise fail(str(exc)) from None
    if not violations:
        out.print("[green]conforms[/green]: no SHACL violations")
        return
    table = Table("severity", "focus node", "path", "message")
    for v in violations[:200]:
        table.add_row(v.severity, v.focus, v.path, v.message)
    out.print(table)
    raise fail(f"{len(violations)} SHACL violations")


def main() -> None:
    app()
