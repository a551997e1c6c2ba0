"""Engines: every engine gives the graph a one-process build gives; the Dask one on a real local cluster."""

from __future__ import annotations

import os
import signal
import socket
from pathlib import Path

import distributed  # a test extra: the engine is tested on a real cluster, never skipped
import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from policygraph.cli import app
from policygraph.engine import DaskEngine, EngineError, LocalEngine, engine_for, start_forked
from policygraph.extract import extract_document
from policygraph.pipeline import BuildError, build, build_nquads, read_documents
from policygraph.store import open_store
from tests.conftest import DATA


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes, as a real cluster has: documents and extractions cross a process boundary."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as c:
        yield c


@pytest.fixture(scope="module")
def local_build(tmp_path_factory) -> Path:
    return build([DATA / "corpus"], tmp_path_factory.mktemp("local") / "b", html=False).graph


def quads_of(path: Path, fmt: ox.RdfFormat) -> set[ox.Quad]:
    return set(ox.parse(path=str(path), format=fmt))


def test_local_engine_keeps_document_order_with_two_processes():
    docs = read_documents([DATA / "corpus"]) * 3  # more documents than workers
    got = [x.document.id for x in LocalEngine(2).map(docs)]
    assert got == [d.id for d in docs]
    assert [len(x.entities) for x in LocalEngine(2).map(docs[:2])] == [len(extract_document(d).entities)
                                                                       for d in docs[:2]]


def test_dask_build_gives_the_local_graph(cluster, local_build: Path, tmp_path: Path):
    report = build([DATA / "corpus"], tmp_path / "d", html=False, engine=DaskEngine(cluster.scheduler_address))
    assert report.graph.read_bytes() == local_build.read_bytes()


def test_build_command_on_a_dask_cluster(cluster, local_build: Path, tmp_path: Path):
    result = CliRunner().invoke(app, ["build", str(DATA / "corpus"), "--out", str(tmp_path / "d"), "--no-html",
                                      "--engine", "dask", "--scheduler", cluster.scheduler_address])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "d" / "graph.trig").read_bytes() == local_build.read_bytes()


def store_quads(build_dir: Path) -> set[ox.Quad]:
    return set(open_store(build_dir.parent).quads_for_pattern(None, None, None))


def test_nquads_from_the_cluster_are_the_quads_of_the_built_store(cluster, local_build: Path, tmp_path: Path):
    out = tmp_path / "graph.nq"
    report = build_nquads([DATA / "corpus"], out, engine=DaskEngine(cluster.scheduler_address))
    streamed = quads_of(out, ox.RdfFormat.N_QUADS)
    assert streamed == store_quads(local_build)  # named graphs, ontology and the distinct default graph
    assert quads_of(local_build, ox.RdfFormat.TRIG) < streamed
    assert report.quads == len(streamed) == len(out.read_text(encoding="utf-8").splitlines())  # no line twice


def test_nquads_to_standard_output_loads_into_a_store(tmp_path: Path, local_build: Path):
    result = CliRunner().invoke(app, ["build", str(DATA / "corpus"), "--nquads", "-"])
    assert result.exit_code == 0, result.output
    store = ox.Store()
    store.load(result.stdout_bytes, format=ox.RdfFormat.N_QUADS)
    assert set(store) == store_quads(local_build)


def test_a_failed_nquads_build_leaves_the_previous_file(tmp_path: Path):
    out = tmp_path / "graph.nq"
    out.write_text("previous\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    with pytest.raises(BuildError, match="nothing to build"):
        build_nquads([tmp_path / "empty"], out)
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert {p.name for p in tmp_path.iterdir()} == {"graph.nq", "empty"}  # no partial file left behind


def unused_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_scheduler_is_a_clear_build_error(tmp_path: Path):
    engine = DaskEngine(f"tcp://127.0.0.1:{unused_port()}", timeout=1)
    with pytest.raises(BuildError, match="cannot reach the Dask scheduler"):
        build([DATA / "corpus"], tmp_path / "b", html=False, engine=engine)
    assert not (tmp_path / "b").exists()


@pytest.mark.parametrize(("args", "message"), [
    (["--engine", "dask"], "--engine dask needs --scheduler"),
    (["--engine", "dask", "--scheduler", "nonsense"], "nonsense: not a scheduler address"),
    (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler is for --engine dask"),
    (["--engine", "dask", "--scheduler", "tcp://127.0.0.1:8786", "--workers", "2"], "--workers is for --engine local"),
])
def test_engine_options_are_checked_before_any_work(tmp_path: Path, args: list[str], message: str):
    result = CliRunner().invoke(app, ["build", str(DATA / "corpus"), "--out", str(tmp_path / "b"), *args])
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output and not (tmp_path / "b").exists()


def test_engine_for_names_the_engines():
    assert engine_for("local", workers=3) == LocalEngine(3)
    assert engine_for("dask", scheduler="tcp://h:8786") == DaskEngine("tcp://h:8786")
    with pytest.raises(EngineError, match="no such engine"):
        engine_for("spark")


def test_a_forked_task_reports_its_own_error(tmp_path: Path):
    target = tmp_path / "written"
    wait = start_forked(lambda: target.write_text("done"))
    assert wait is not None
    wait()
    assert target.read_text() == "done"  # the child's work is on disk when the wait returns

    def fail() -> None:
        raise PermissionError(13, "Permission denied", str(tmp_path / "graph.trig"))

    wait = start_forked(fail)
    assert wait is not None
    with pytest.raises(OSError, match=r"PermissionError: .*Permission denied: .*graph.trig"):
        wait()


def test_a_forked_task_that_dies_is_an_error_not_a_hang():
    wait = start_forked(lambda: os.kill(os.getpid(), signal.SIGKILL))
    assert wait is not None
    with pytest.raises(OSError, match="exited without a word"):
        wait()
