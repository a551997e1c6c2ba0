"""Where extraction runs: in this process, in local worker processes, or on a Dask cluster.

Extraction (:func:`policygraph.extract.extract_document`) is a pure function from one document to its
extraction, so an engine only maps it over documents and yields the results in document order. The
rest of the build (resolution across documents, quads, store) does not know which engine ran it, and
every engine gives the same graph.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Protocol

from .extract import extract_document
from .model import Document, Extraction

ADDRESS = re.compile(r"(?:[a-z]+://)?(?:\[[0-9a-fA-F:]+\]|[^\s:/\[\]]+):\d+")  # tcp://host:port, [ipv6]:port


class EngineError(Exception):
    """An engine that cannot run: a missing optional package, an unreachable scheduler."""


class Engine(Protocol):
    @property
    def local_cores(self) -> int:
        """Cores the rest of the build (writing the TriG file and the store) may use on this machine."""
        ...

    def map(self, docs: Sequence[Document]) -> Iterator[Extraction]:
        """The extraction of each document, in the order of ``docs``."""
        ...


def default_workers() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


@dataclass(frozen=True)
class LocalEngine:
    """``workers`` processes on this machine (1: in this process)."""

    workers: int = 1

    @property
    def local_cores(self) -> int:
        return self.workers

    def map(self, docs: Sequence[Document]) -> Iterator[Extraction]:
        if self.workers <= 1 or len(docs) < 2:
            yield from map(extract_document, docs)
            return
        # the first document is extracted here, which loads the dictionary and lexicons once; forked
        # workers then share them instead of each loading its own
        yield extract_document(docs[0])
        context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
        rest = docs[1:]
        with ProcessPoolExecutor(max_workers=min(self.workers, len(rest)), mp_context=context) as pool:
            yield from pool.map(extract_document, rest, chunksize=max(1, len(rest) // (self.workers * 8)))


@dataclass(frozen=True)
class DaskEngine:
    """The workers of the Dask cluster whose scheduler listens at ``scheduler`` (``tcp://host:8786``).

    Each worker needs policygraph installed (the same version: it carries the lexicons). Documents go
    to the cluster as they are, extractions come back; a document is a key of its own, so a worker
    lost mid-build costs only the documents it held, which the scheduler runs again elsewhere.
    """

    scheduler: str
    timeout: float = 10.0  # seconds to wait for the scheduler before giving up

    @property
    def local_cores(self) -> int:
        return default_workers()

    def map(self, docs: Sequence[Document]) -> Iterator[Extraction]:
        client = self._connect()
        try:
            keys = [f"extract-{d.id}-{d.sha256[:16]}" for d in docs]
            futures = client.map(extract_document, docs, key=keys, pure=False)
            for future in futures:
                yield future.result()
                future.release()  # its extraction is ours now; the worker may forget it
        finally:
            client.close()

    def _connect(self):  # -> distributed.Client
        try:
            from distributed import Client
        except ImportError:
            raise EngineError("--engine dask needs dask.distributed: pip install 'policygraph[dask]'") from None
        if not ADDRESS.fullmatch(self.scheduler):
            raise EngineError(f"{self.scheduler}: not a scheduler address (tcp://host:8786)")
        try:
            return Client(self.scheduler, timeout=self.timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise EngineError(f"{self.scheduler}: cannot reach the Dask scheduler ({exc})") from None


def start_forked(task: Callable[[], None]) -> Callable[[], None] | None:
    """Start ``task`` in a forked copy of this process, at a lower priority; the returned call waits for
    it and raises :class:`OSError` with the task's own error if it failed. None where processes cannot fork.

    A fork shares this process's memory as it is, so nothing is sent to the child; call this before
    starting threads, since only the calling thread exists in the child. The lower priority lets the
    work the caller waits on have the cores first; the task uses what that work leaves.
    """
    if sys.platform != "linux":
        return None
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def run() -> None:
        os.nice(10)
        try:
            task()
        except BaseException as exc:  # the parent reports it; the child only passes it on
            send.send(f"{exc.__class__.__name__}: {exc}")
            raise SystemExit(1) from None
        send.send(None)

    child = context.Process(target=run, daemon=True)
    child.start()
    send.close()  # the child holds the only sending end: if it dies, receiving ends instead of waiting

    def wait() -> None:
        try:
            error = receive.recv()
        except EOFError:
            error = "exited without a word"
        child.join()
        if error is not None or child.exitcode != 0:
            raise OSError(error or f"exit code {child.exitcode}")

    return wait


def engine_for(name: str, workers: int | None = None, scheduler: str | None = None) -> Engine:
    """The engine a user names: ``local`` (with ``workers``, default all cores) or ``dask`` (with ``scheduler``)."""
    if name == "local":
        if scheduler:
            raise EngineError("--scheduler is for --engine dask")
        return LocalEngine(workers or default_workers())
    if name == "dask":
        if not scheduler:
            raise EngineError("--engine dask needs --scheduler ADDRESS (a Dask scheduler, tcp://host:8786)")
        if workers:
            raise EngineError("--workers is for --engine local; a Dask cluster has its own workers")
        return DaskEngine(scheduler)
    raise EngineError(f"{name}: no such engine (local, dask)")
