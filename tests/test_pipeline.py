"""Builds that survive: --update equals a full rebuild, a killed build leaves the previous graph usable."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from policygraph import build, open_store
from policygraph.config import corpus_dir
from policygraph.pipeline import recover
from policygraph.query import run
from tests.conftest import DATA


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(corpus_dir(), folder)
    return folder


def test_update_equals_a_full_rebuild_and_reextracts_only_what_changed(tmp_path: Path):
    folder = corpus(tmp_path)
    build([folder], tmp_path / "b", html=False)
    (folder / "004_cd48a1200243268e.txt").unlink()                                   # deleted
    with (folder / "000_288952e235464d9b.txt").open("a", encoding="utf-8") as f:     # changed
        f.write("\n1月20日，中原区召开优化营商环境大会。\n")
    shutil.copy(DATA / "corpus" / "jingkai.txt", folder / "jingkai.txt")               # added
    updated = build([folder], tmp_path / "b", html=False, update=True)
    assert updated.changes == {"added": 1, "changed": 1, "removed": 1, "unchanged": 3}
    assert updated.reused == 3
    full = build([folder], tmp_path / "full", html=False)
    assert updated.graph.read_bytes() == full.graph.read_bytes()
    graphs = run(open_store(updated.out), "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    names = {g[0].rsplit("/", 1)[-1] for g in graphs}
    assert "jingkai" in names and "004_cd48a1200243268e" not in names


def test_update_without_a_previous_build_is_a_full_build(tmp_path: Path):
    report = build([DATA / "corpus"], tmp_path / "fresh", html=False, update=True)
    assert report.reused == 0 and report.changes["added"] == 2


KILLER = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    import policygraph.pipeline as pipeline
    calls = 0
    def dying(real):
        def call(*args, **kwargs):
            global calls
            calls += 1
            if calls == int(sys.argv[3]):
                os._exit(9)  # killed: no cleanup, no finally
            return real(*args, **kwargs)
        return call
    pipeline.os.replace = dying(os.replace)
    pipeline.os.symlink = dying(os.symlink)
    pipeline.build([Path(sys.argv[1])], Path(sys.argv[2]))
    print("finished")
""")


def _intact(out: Path, trig: bytes, triples: list) -> None:
    assert (out / "graph.trig").read_bytes() == trig
    assert run(open_store(out), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows == triples
    assert (out / "graph.html").stat().st_size > 1000


def test_a_build_killed_at_every_rename_leaves_the_previous_graph_usable(tmp_path: Path):
    out = tmp_path / "b"
    first = build([DATA / "corpus"], out)
    trig = first.graph.read_bytes()
    triples = run(open_store(out), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows
    kills = 0
    for k in range(1, 20):  # the k-th rename or link of the swap is where the process dies
        result = subprocess.run([sys.executable, "-c", KILLER, str(DATA / "corpus"), str(out), str(k)],
                                capture_output=True, text=True, timeout=120)
        _intact(out, trig, triples)  # the same corpus: old or new, the bytes are the same
        if "finished" in result.stdout:
            break
        kills += 1
        assert result.returncode == 9, result.stderr
    assert kills >= 4  # graph.html, graph.trig, cache and store swaps were each interrupted
    build([DATA / "corpus"], out)  # the next build clears what the killed ones left
    leftovers = [p.name for p in [*out.iterdir(), *tmp_path.iterdir()] if p.name.startswith(".")]
    assert sorted(leftovers) == sorted([f".cache-{n}" for n in _homes(out, "cache")] +
                                       [f".store-{n}" for n in _homes(out, "store")] + [".b.lock"])


def _homes(out: Path, name: str) -> list[str]:
    return [(out / name).readlink().name.split("-", 1)[1]]


def test_recover_restores_a_parked_artefact(tmp_path: Path):
    out = tmp_path / "b"
    out.mkdir()
    (out / ".graph.trig.old").write_text("old graph", encoding="utf-8")
    (out / ".store-abandoned").mkdir()
    recover(out)
    assert (out / "graph.trig").read_text(encoding="utf-8") == "old graph"
    assert not (out / ".store-abandoned").exists()


@pytest.mark.parametrize("strict, code", [(False, 0), (True, 1)])
def test_strict_turns_skipped_files_into_failure(tmp_path: Path, strict: bool, code: int):
    from typer.testing import CliRunner

    from policygraph.cli import app

    folder = tmp_path / "in"
    shutil.copytree(DATA / "corpus", folder)
    (folder / "empty.txt").write_bytes(b"")
    args = ["build", str(folder), "--out", str(tmp_path / "b"), "--no-html"] + (["--strict"] if strict else [])
    result = CliRunner().invoke(app, args)
    assert result.exit_code == code, result.output
    assert "empty.txt: is empty" in result.output and "1 of 3 files skipped" in result.output
    assert (tmp_path / "b" / "graph.trig").exists()  # built either way; --strict only changes the status


def test_two_workers_build_the_same_graph_as_one(tmp_path: Path):
    folder = corpus(tmp_path)
    one = build([folder], tmp_path / "one", html=False, workers=1)
    two = build([folder], tmp_path / "two", html=False, workers=2)
    assert one.graph.read_bytes() == two.graph.read_bytes()
    # the store loaded in parallel parts holds the same quads as the store loaded in one go
    stores = [open_store(b.out) for b in (one, two)]
    assert {str(q) for q in stores[0]} == {str(q) for q in stores[1]}
    assert len(stores[0]) == len(stores[1]) > two.quads // 2
