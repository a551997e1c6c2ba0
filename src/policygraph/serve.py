"""A read-only SPARQL 1.1 Protocol endpoint over a built store (Starlette app, served by uvicorn).

Queries run in worker processes that hold the store open read-only. A query that passes the time
limit has its worker killed and replaced: pyoxigraph cannot interrupt a running query, and a thread
left running would keep a core busy. Results are capped at ``max_results`` rows or triples; a capped
answer says so in the ``X-Result-Truncated`` header.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing as mp
import multiprocessing.connection
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from . import sparql_results
from .query import PREDECLARED, saved_queries
from .store import open_store

GRAPH_MEDIA_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
RESULT_MEDIA_TYPES = {media: fmt for fmt, media in sparql_results.MEDIA_TYPES.items()} | {
    "application/json": "json", "text/plain": "tsv"}
UPDATE_REFUSED = "this endpoint is read-only: SPARQL updates are refused"


@dataclass(frozen=True)
class Settings:
    store: Path
    timeout: float = 10.0  # seconds per query
    max_results: int = 10_000  # rows of a SELECT, triples of a CONSTRUCT / DESCRIBE
    workers: int = 2
    cors: bool = False


@dataclass(frozen=True)
class QueryJob:
    query: str
    accept: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@dataclass
class Answer:
    status: int
    body: bytes
    media_type: str
    headers: dict[str, str] = field(default_factory=dict)


def negotiate(accept: str, offers: list[str]) -> str | None:
    """The offer the client prefers, by the q-values of its Accept header (first offer for */*).

    >>> negotiate("text/csv;q=0.5, application/sparql-results+json", ["text/csv", "application/sparql-results+json"])
    'application/sparql-results+json'
    >>> negotiate("text/html", ["text/csv"]) is None
    True
    """
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate((accept or "*/*").split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = next((float(p[2:]) for p in params if p.startswith("q=") and p[2:].replace(".", "", 1).isdigit()), 1.0)
        ranked.append((q, -i, media.lower()))
    for q, _, media in sorted(ranked, reverse=True):
        if q <= 0:
            continue
        if media in offers:
            return media
        if media in ("*/*", "application/*", "text/*"):
            prefix = media.split("/")[0]
            return next((o for o in offers if media == "*/*" or o.startswith(prefix + "/")), None)
    return None


def execute(store: ox.Store, job: QueryJob, max_results: int) -> Answer:
    """Run one query and write its answer in the negotiated format (runs inside a worker)."""
    try:
        result = store.query(job.query, prefixes=PREDECLARED,
                             default_graph=[ox.NamedNode(g) for g in job.default_graphs] or None,
                             named_graphs=[ox.NamedNode(g) for g in job.named_graphs] or None)
    except SyntaxError as exc:
        return Answer(400, f"the query does not parse: {exc}\n".encode(), "text/plain; charset=utf-8")
    except (OSError, ValueError) as exc:
        return Answer(400, f"the query failed: {exc}\n".encode(), "text/plain; charset=utf-8")
    if isinstance(result, ox.QueryTriples):
        media = negotiate(job.accept, list(GRAPH_MEDIA_TYPES))
        if media is None:
            return _not_acceptable(GRAPH_MEDIA_TYPES)
        triples, truncated = _take(result, max_results)
        rdf_format = GRAPH_MEDIA_TYPES[media]
        prefixes = PREDECLARED if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
        body = ox.serialize(triples, format=rdf_format, prefixes=prefixes) or b""
        return Answer(200, body, media, _truncation(truncated, max_results))
    offers = list(RESULT_MEDIA_TYPES)
    media = negotiate(job.accept, offers)
    if media is None:
        return _not_acceptable(RESULT_MEDIA_TYPES)
    fmt = RESULT_MEDIA_TYPES[media]
    media = sparql_results.MEDIA_TYPES[fmt]
    if isinstance(result, ox.QueryBoolean):
        return Answer(200, sparql_results.boolean(bool(result), fmt), media)
    variables = [v.value for v in result.variables]
    rows, truncated = _take(result, max_results)
    body = sparql_results.WRITERS[fmt](variables, [[s[v] for v in variables] for s in rows])
    return Answer(200, body, media, _truncation(truncated, max_results))


def _take(items: Any, limit: int) -> tuple[list, bool]:
    kept: list = []
    for item in items:
        if len(kept) == limit:
            return kept, True
        kept.append(item)
    return kept, False


def _truncation(truncated: bool, limit: int) -> dict[str, str]:
    return {"X-Result-Truncated": f"only the first {limit} results"} if truncated else {}


def _not_acceptable(offers: dict) -> Answer:
    return Answer(406, ("no acceptable format; this query answers in: " + ", ".join(offers) + "\n").encode(),
                  "text/plain; charset=utf-8")


def _worker_loop(conn: multiprocessing.connection.Connection, store_path: str, max_results: int) -> None:
    store = open_store(Path(store_path))
    while True:
        job = conn.recv()
        if job is None:
            return
        conn.send(execute(store, job, max_results))


class Workers:
    """Processes that each hold the store open; a query past the time limit costs its worker's life."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.context = mp.get_context("spawn")  # a fresh interpreter: no store handle inherited by fork
        self.idle: asyncio.Queue[tuple[Any, multiprocessing.connection.Connection]] = asyncio.Queue()

    def _spawn(self) -> tuple[Any, multiprocessing.connection.Connection]:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_worker_loop, daemon=True,
                                       args=(child, str(self.settings.store), self.settings.max_results))
        process.start()
        return process, parent

    def start(self) -> None:
        for _ in range(self.settings.workers):
            self.idle.put_nowait(self._spawn())

    async def run(self, job: QueryJob) -> Answer:
        process, conn = await self.idle.get()
        try:
            conn.send(job)
            if await asyncio.to_thread(conn.poll, self.settings.timeout):
                answer: Answer = conn.recv()
                self.idle.put_nowait((process, conn))
                return answer
        except (EOFError, OSError):  # the worker died (out of memory, killed): replace it
            pass
        process.kill()
        process.join()
        self.idle.put_nowait(self._spawn())
        return Answer(503, f"the query was stopped after the {self.settings.timeout:g} s time limit\n".encode(),
                      "text/plain; charset=utf-8")

    def stop(self) -> None:
        while not self.idle.empty():
            process, _ = self.idle.get_nowait()
            process.kill()
            process.join()


async def _job_from(request: Request) -> QueryJob | Response:
    """A query from GET ?query=, a form-encoded POST or a direct POST (SPARQL 1.1 Protocol §2.1)."""
    params = parse_qs(request.url.query, keep_blank_values=True)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if request.method == "POST":
        body = (await request.body()).decode("utf-8", errors="replace")
        if content_type == "application/sparql-update":
            return Response(UPDATE_REFUSED + "\n", status_code=403, media_type="text/plain")
        if content_type == "application/x-www-form-urlencoded":
            params.update(parse_qs(body, keep_blank_values=True))
        elif content_type == "application/sparql-query":
            params["query"] = [body]
        else:
            return Response("POST a query as application/sparql-query or application/x-www-form-urlencoded\n",
                            status_code=415, media_type="text/plain")
    if "update" in params:
        return Response(UPDATE_REFUSED + "\n", status_code=403, media_type="text/plain")
    queries = params.get("query", [])
    if len(queries) != 1 or not queries[0].strip():
        return Response("give exactly one query parameter\n", status_code=400, media_type="text/plain")
    return QueryJob(queries[0], request.headers.get("accept", "*/*"),
                    tuple(params.get("default-graph-uri", [])), tuple(params.get("named-graph-uri", [])))


def create_app(settings: Settings) -> Starlette:
    """The endpoint (``/sparql``), a query page (``/``) and the saved queries as JSON (``/queries``)."""
    open_store(settings.store)  # fail now, with a clear message, if there is no store
    workers = Workers(settings)

    async def sparql(request: Request) -> Response:
        job = await _job_from(request)
        if isinstance(job, Response):
            return job
        answer = await workers.run(job)
        return Response(answer.body, status_code=answer.status, media_type=answer.media_type, headers=answer.headers)

    async def page(request: Request) -> Response:
        return HTMLResponse(resources.files("policygraph").joinpath("sparql.html").read_text(encoding="utf-8"))

    async def queries(request: Request) -> Response:
        return JSONResponse([{"name": q.name, "description": q.description, "text": q.text}
                             for q in saved_queries().values()])

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        workers.start()
        yield
        workers.stop()

    middleware = [Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                             allow_headers=["Content-Type", "Accept"])] if settings.cors else []
    return Starlette(routes=[Route("/sparql", sparql, methods=["GET", "POST"]), Route("/", page),
                             Route("/queries", queries)],
                     middleware=middleware, lifespan=lifespan)


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 7878) -> None:
    """Serve until interrupted."""
    import uvicorn

    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
