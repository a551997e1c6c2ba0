"""A read-only SPARQL 1.1 Protocol endpoint over a built store (Starlette app, served by uvicorn).

Queries run in worker processes that hold the store open read-only: pyoxigraph cannot interrupt a
running query, and a thread left running would keep a core busy, so a query past the time limit has
its worker killed. Workers are started and warmed (store opened, a first query run) before the server
listens, a warm spare stands ready to replace a killed one, and the time limit counts from the moment
a ready worker takes the query. A request waits at most the time limit for a free worker, then is told
the server is busy. Each worker's memory is capped. When a new build replaces the store, new workers
open it and the old ones are retired: an answer always comes from one store.

Queries may not make the server send requests: ``SERVICE`` is refused unless its endpoint is named in
``allowed_services``, and the ``Host`` header must name the server (against DNS rebinding).
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing as mp
import multiprocessing.connection
import resource
import signal
import socket
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from . import sparql_results
from .query import QueryError, check_request, explain_syntax_error, saved_queries
from .store import current_store_dir, open_store
from .vocabulary import PREDECLARED

GRAPH_MEDIA_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
RESULT_MEDIA_TYPES = {media: fmt for fmt, media in sparql_results.MEDIA_TYPES.items()} | {
    "application/json": "json", "text/plain": "tsv"}
UPDATE_REFUSED = "this endpoint is read-only: SPARQL updates are refused"


LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1", "[::1]")


@dataclass(frozen=True)
class Settings:
    store: Path  # a build folder or its store link: a rebuild behind it is noticed
    timeout: float = 10.0  # seconds a query may run, and seconds a request may wait for a free worker
    max_results: int = 10_000  # rows of a SELECT, triples of a CONSTRUCT / DESCRIBE
    workers: int = 2
    cors: bool = False
    allowed_services: tuple[str, ...] = ()  # endpoints SERVICE may call; none by default
    allowed_hosts: tuple[str, ...] | None = None  # Host header values accepted; None: the bound address's names
    max_request_bytes: int = 1 << 20  # a query (or form body) longer than this is refused with 413
    memory_mb: int = 2048  # each worker's data memory (RLIMIT_DATA); a query past it stops with 507


def hosts_for(bound: str, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Host header values a server bound to ``bound`` accepts: loopback names for loopback, this machine's
    names and addresses for a wildcard address, the address itself otherwise; ``*`` in ``extra`` accepts any.

    >>> hosts_for("127.0.0.1")
    ('localhost', '127.0.0.1', '::1', '[::1]')
    >>> hosts_for("10.1.2.3", ("data.example.org",))
    ('10.1.2.3', 'data.example.org')
    """
    if bound in LOOPBACK_NAMES or bound.startswith("127."):
        names: tuple[str, ...] = (*LOOPBACK_NAMES, bound) if bound not in LOOPBACK_NAMES else LOOPBACK_NAMES
    elif bound in ("0.0.0.0", "::", ""):
        host = socket.gethostname()
        names = (*LOOPBACK_NAMES, host, socket.getfqdn())
        with contextlib.suppress(OSError):
            names += tuple(str(a[4][0]) for a in socket.getaddrinfo(host, None))
    else:
        names = (bound, f"[{bound}]") if ":" in bound else (bound,)
    return tuple(dict.fromkeys((*names, *extra)))


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


def _text(status: int, message: str) -> Answer:
    return Answer(status, (message.rstrip("\n") + "\n").encode(), "text/plain; charset=utf-8")


def execute(store: ox.Store, job: QueryJob, max_results: int, allowed_services: tuple[str, ...] = ()) -> Answer:
    """Run one query and write its answer in the negotiated format (runs inside a worker).

    Every failure, while parsing or while reading the results, is an answer saying what it was.
    """
    try:
        check_request(job.query, allowed_services)
        result = store.query(job.query, prefixes=PREDECLARED,
                             default_graph=[ox.NamedNode(g) for g in job.default_graphs] or None,
                             named_graphs=[ox.NamedNode(g) for g in job.named_graphs] or None)
        return _write(result, job, max_results)
    except QueryError as exc:
        return _text(403 if str(exc).startswith("updates") else 400, str(exc))
    except SyntaxError as exc:
        return _text(400, explain_syntax_error(job.query, exc))
    except MemoryError:
        return _text(507, "the query needed more memory than a query may use here (--memory)")
    except Exception as exc:  # an error met part-way through the results: the query's failure, not the worker's
        return _text(400, f"the query failed: {exc.__class__.__name__}: {exc}")
    except BaseException as exc:  # pyo3's PanicException (a Rust panic, an allocation refused) is no Exception
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        if "alloc" in str(exc) or "memory" in str(exc):
            return _text(507, "the query needed more memory than a query may use here (--memory)")
        return _text(500, f"the query failed inside the store: {exc.__class__.__name__}: {exc}")


def _write(result: Any, job: QueryJob, max_results: int) -> Answer:
    if isinstance(result, ox.QueryTriples):
        media = negotiate(job.accept, list(GRAPH_MEDIA_TYPES))
        if media is None and negotiate(job.accept, list(RESULT_MEDIA_TYPES)):
            media = "text/turtle"  # a client that names only result formats (rdflib's SPARQLStore) still gets the graph
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
    return _text(406, "no acceptable format; this query answers in: " + ", ".join(offers))


WARM_UP = "ASK { ?s ?p ?o }"


def _worker_loop(conn: multiprocessing.connection.Connection, store_path: str, max_results: int,
                 allowed_services: tuple[str, ...], memory_mb: int) -> None:
    """A worker: cap its memory, open the store, run a first query, say it is ready, then answer jobs."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops its workers
    if memory_mb > 0:
        limit = memory_mb * 1024 * 1024
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
    store = open_store(Path(store_path))
    store.query(WARM_UP)
    conn.send("ready")
    while True:
        job = conn.recv()
        if job is None:
            return
        conn.send(execute(store, job, max_results, allowed_services))


@dataclass
class Worker:
    process: Any
    conn: multiprocessing.connection.Connection
    store: str  # the store folder it opened (the resolved link)

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


class Workers:
    """Warm worker processes on the current store, a warm spare, and the time and waiting limits."""

    def __init__(self, settings: Settings, current: Callable[[], Path] | None = None):
        self.settings = settings
        self.current = current or (lambda: current_store_dir(settings.store))
        self.context = mp.get_context("spawn")  # a fresh interpreter: no store handle inherited by fork
        self.idle: asyncio.Queue[Worker] = asyncio.Queue()
        self.spares: list[asyncio.Future[Worker]] = []
        self.replacing: set[asyncio.Future[None]] = set()
        self.store = ""
        self.switching: asyncio.Lock | None = None

    def _spawn(self, store: str) -> Worker:
        parent, child = self.context.Pipe()
        s = self.settings
        process = self.context.Process(target=_worker_loop, daemon=True,
                                       args=(child, store, s.max_results, s.allowed_services, s.memory_mb))
        process.start()
        child.close()
        return Worker(process, parent, store)

    async def _ready(self, worker: Worker) -> Worker:
        """The worker once it has opened the store and answered its first query."""
        ok = await asyncio.to_thread(worker.conn.poll, 120)
        try:
            if ok and worker.conn.recv() == "ready":
                return worker
        except (EOFError, OSError):
            pass
        worker.kill()
        raise RuntimeError(f"a query worker could not open the store {worker.store}")

    def _start_spare(self) -> None:
        self.spares.append(asyncio.ensure_future(self._ready(self._spawn(self.store))))

    async def start(self) -> None:
        """Open the current store in every worker and in a spare; return once all are warm."""
        self.switching = asyncio.Lock()
        await self._open(str(self.current()))

    async def _open(self, store: str) -> None:
        self.store = store
        fresh = [self._ready(self._spawn(store)) for _ in range(self.settings.workers)]
        for worker in await asyncio.gather(*fresh):
            self.idle.put_nowait(worker)
        self._start_spare()

    async def _follow_rebuilds(self) -> None:
        """Move to a new build's store: new workers open it; old ones are retired as they come back."""
        now = str(self.current())
        if now == self.store:
            return
        assert self.switching is not None
        async with self.switching:
            if now == self.store:
                return
            while not self.idle.empty():
                self.idle.get_nowait().kill()
            for spare in self.spares:
                spare.cancel()
            self.spares = []
            await self._open(now)

    async def _replacement(self) -> None:
        """Put the warm spare in a lost worker's place and start the next spare."""
        spare = self.spares.pop(0) if self.spares else asyncio.ensure_future(self._ready(self._spawn(self.store)))
        self._start_spare()
        with contextlib.suppress(RuntimeError, asyncio.CancelledError):
            worker = await spare
            if worker.store == self.store:
                self.idle.put_nowait(worker)
            else:
                worker.kill()

    def _give_back(self, worker: Worker) -> None:
        if worker.store == self.store:
            self.idle.put_nowait(worker)
        else:  # a rebuild happened while it worked
            worker.kill()

    async def run(self, job: QueryJob) -> Answer:
        await self._follow_rebuilds()
        try:
            worker = await asyncio.wait_for(self.idle.get(), self.settings.timeout)
        except TimeoutError:
            return _text(503, f"the server is busy: no query worker came free within {self.settings.timeout:g} s; "
                              "try again later")
        try:
            worker.conn.send(job)
            if await asyncio.to_thread(worker.conn.poll, self.settings.timeout):
                answer: Answer = worker.conn.recv()
                self._give_back(worker)
                return answer
            timed_out = True
        except (EOFError, OSError):
            timed_out = False
        exitcode = worker.process.exitcode
        worker.kill()
        replacing = asyncio.ensure_future(self._replacement())
        self.replacing.add(replacing)
        replacing.add_done_callback(self.replacing.discard)
        if timed_out:
            return _text(503, f"the query was stopped after the {self.settings.timeout:g} s time limit")
        how = f"signal {-exitcode}" if exitcode is not None and exitcode < 0 else f"exit code {exitcode}"
        if self.settings.memory_mb > 0:  # a refused allocation aborts Oxigraph's Rust code
            return _text(507, f"the query stopped its worker ({how}): most likely it needed more than the "
                              f"{self.settings.memory_mb} MB a query may use (--memory)")
        return _text(500, f"the query's worker stopped unexpectedly ({how})")

    def stop(self) -> None:
        for spare in self.spares:
            if spare.done() and not spare.cancelled() and spare.exception() is None:
                spare.result().kill()
            spare.cancel()
        while not self.idle.empty():
            self.idle.get_nowait().kill()


async def _body(request: Request, limit: int) -> bytes | None:
    """The request body, or None when it is longer than ``limit`` bytes (read no further than that)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


async def _job_from(request: Request, max_bytes: int) -> QueryJob | Response:
    """A query from GET ?query=, a form-encoded POST or a direct POST (SPARQL 1.1 Protocol §2.1)."""
    too_large = Response(f"the request is larger than the {max_bytes} bytes a query may have\n", status_code=413,
                         media_type="text/plain")
    if len(request.url.query) > max_bytes:
        return too_large
    params = parse_qs(request.url.query, keep_blank_values=True)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if request.method == "POST":
        raw = await _body(request, max_bytes)
        if raw is None:
            return too_large
        body = raw.decode("utf-8", errors="replace")
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


def create_app(settings: Settings, on_ready: Callable[[], None] | None = None) -> Starlette:
    """The endpoint (``/sparql``), a query page (``/``) and the saved queries as JSON (``/queries``).

    ``on_ready`` is called once every worker is warm, just before the server listens.
    """
    open_store(settings.store)  # fail now, with a clear message, if there is no store
    workers = Workers(settings)

    async def sparql(request: Request) -> Response:
        job = await _job_from(request, settings.max_request_bytes)
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
        await workers.start()
        if on_ready:
            on_ready()
        yield
        workers.stop()

    hosts = settings.allowed_hosts
    middleware = [] if hosts is None or "*" in hosts else [Middleware(TrustedHostMiddleware, allowed_hosts=list(hosts))]
    if settings.cors:
        middleware.append(Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                                     allow_headers=["Content-Type", "Accept"]))
    return Starlette(routes=[Route("/sparql", sparql, methods=["GET", "POST"]), Route("/", page),
                             Route("/queries", queries)],
                     middleware=middleware, lifespan=lifespan)


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 7878,
          on_ready: Callable[[], None] | None = None) -> None:
    """Serve until interrupted; the Host header must name ``host`` unless ``settings.allowed_hosts`` says more."""
    import uvicorn

    if settings.allowed_hosts is None:
        from dataclasses import replace

        settings = replace(settings, allowed_hosts=hosts_for(host))
    # a query still running when the server stops is not waited for: its worker is killed at shutdown
    uvicorn.run(create_app(settings, on_ready), host=host, port=port, log_level="warning", timeout_graceful_shutdown=2)
