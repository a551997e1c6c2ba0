"""Hostile and unlucky input: damaged files, odd files, readers during a rebuild, formulas in cells,
concurrent and killed builds. Each test failed before the hardening it pins."""

from __future__ import annotations

import csv
import io
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policygraph import build, open_store
from policygraph.cli import app
from policygraph.pipeline import BuildError
from policygraph.query import format_result, run
from policygraph.store import StoreError
from tests.conftest import DATA

REPORT = "中原区召开经济工作会议\n\n1月12日，中原区委书记李晓雷在二砂文化创意园主持召开2023年经济工作会议。"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def invoke(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args])


def _docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    for p in REPORT.split("\n\n"):
        document.add_paragraph(p)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _damaged_docx(original: bytes, rng: random.Random) -> bytes:
    """A valid zip whose XML parts are cut, flipped or filled with junk; or the zip's own bytes flipped."""
    if rng.random() < 0.3:
        data = bytearray(original)
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            part = src.read(item.filename)
            if item.filename.endswith(".xml") and rng.random() < 0.5:
                cut = rng.randrange(len(part) or 1)
                part = rng.choice([part[:cut], part[:cut] + b"<w:p><<" + part[cut:], part.replace(b"<", b"&", 3),
                                   bytes(rng.randrange(256) for _ in range(50))])
            dst.writestr(item, part)
    return out.getvalue()


def _damaged_pdf(original: bytes, rng: random.Random) -> bytes:
    data = bytearray(original)
    kind = rng.random()
    if kind < 0.4:
        for _ in range(rng.randint(1, 40)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif kind < 0.7:
        data = data[: rng.randrange(len(data))]
    else:  # hostile numbers: huge lengths, deep references
        at = rng.randrange(len(data))
        data[at:at] = rng.choice([b"/Length 99999999999 ", b"<< /Kids [" * 50, b" 0 R" * 200, b"9" * 400])
    return bytes(data)


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_a_hundred_damaged_files_never_abort_a_build(tmp_path: Path, kind: str):
    rng = random.Random(22)
    original = _docx_bytes() if kind == "docx" else (DATA / "files" / "report.pdf").read_bytes()
    damage = _damaged_docx if kind == "docx" else _damaged_pdf
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(REPORT, encoding="utf-8")
    for i in range(100):
        (folder / f"bad{i:03d}.{kind}").write_bytes(damage(original, rng))
    report = build([folder], tmp_path / "b", html=False)
    assert "good" in report.documents
    assert len(report.documents) + len(report.skipped) == 101
    assert all(path.name.startswith("bad") and reason for path, reason in report.skipped)


def test_odd_files_are_named_and_skipped_and_strict_fails(tmp_path: Path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(REPORT, encoding="utf-8")
    (folder / "sub" / "loop").symlink_to(folder)  # back to a folder above
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(folder / "pipe.txt")
    looping = tmp_path / "self.txt"
    looping.symlink_to(looping)
    result = invoke("build", folder, looping, "--out", tmp_path / "b", "--no-html", "--strict")
    assert result.exit_code == 1, result.output
    for name, reason in (("loop", "symbolic link loop"), ("dangling.txt", "dangling symbolic link"),
                         ("zero.txt", "a device"), ("pipe.txt", "a FIFO"), ("self.txt", "symbolic link loop")):
        assert f"{name}: is {reason}" in result.output or f"{name}: is a {reason}" in result.output, (name, result.output)
    assert "5 of 6 files skipped" in result.output
    assert (tmp_path / "b" / "graph.trig").exists()


def test_a_fifo_named_directly_does_not_hang(tmp_path: Path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "good.txt").write_text(REPORT, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "policygraph", "build", str(tmp_path / "pipe.txt"),
                           str(tmp_path / "good.txt"), "--out", str(tmp_path / "b"), "--no-html"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "a FIFO" in done.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_folder_is_named(tmp_path: Path):
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "good.txt").write_text(REPORT, encoding="utf-8")
    (folder / "locked").chmod(0)
    try:
        report = build([folder], tmp_path / "b", html=False)
    finally:
        (folder / "locked").chmod(0o755)
    assert [(p.name, r) for p, r in report.skipped] == [("locked", "is a folder that cannot be listed (permission denied?)")]


def test_a_file_larger_than_it_says_is_read_no_further_than_the_limit(tmp_path: Path):
    from policygraph.ingest import IngestError
    from policygraph.ingest.readers import read_bytes

    (tmp_path / "big.txt").write_bytes(b"x" * 5000)
    with pytest.raises(IngestError, match="over the"):
        read_bytes(tmp_path / "big.txt", max_bytes=4000)


def test_a_cut_off_last_character_is_read_with_a_warning(tmp_path: Path):
    (tmp_path / "cut.txt").write_bytes(REPORT.encode("utf-8")[:-2])  # the last 。 loses two of its three bytes
    result = invoke("build", tmp_path / "cut.txt", "--out", tmp_path / "b", "--no-html")
    assert result.exit_code == 0, result.output
    assert "warning" in result.output and "cut.txt" in result.output and "last character is cut off" in result.output
    assert "skipped" not in result.output


def test_opening_the_store_while_builds_swap_it_never_fails(tmp_path: Path):
    out = tmp_path / "b"
    build([DATA / "corpus"], out, html=False)
    stop = threading.Event()
    failures: list[str] = []
    opens = 0

    def rebuild() -> None:
        try:
            for _ in range(4):
                build([DATA / "corpus"], out, html=False)
        finally:
            stop.set()

    builder = threading.Thread(target=rebuild)
    builder.start()
    while not stop.is_set():
        try:
            assert run(open_store(out), COUNT).rows[0][0] != "0"
            opens += 1
        except (StoreError, OSError) as exc:
            failures.append(str(exc))
    builder.join()
    assert failures == [] and opens > 10


def test_a_damaged_store_is_a_one_line_error(tmp_path: Path):
    out = tmp_path / "b"
    build([DATA / "corpus"], out, html=False)
    (out / "store" / "CURRENT").write_text("junk\n")
    result = invoke("query", COUNT, "--store", out)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "store" in result.output and len(result.output.strip().splitlines()) <= 3


def test_formulas_in_cells_are_neutralised_in_every_csv_the_project_writes(tmp_path: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "d.txt").write_text("=1+1 中原区委书记李晓雷在二砂文化创意园主持召开会议。", encoding="utf-8")
    out = tmp_path / "b"
    build([tmp_path / "in"], out, html=False)
    store = open_store(out)
    result = run(store, 'SELECT ("=1+1" AS ?f) ("-2.6" AS ?n) ("@x" AS ?a) WHERE {}')
    assert format_result(result, "csv").splitlines()[1] == "'=1+1,-2.6,'@x"
    from policygraph.export import export

    export(store, "csv", tmp_path / "csv")
    cells = [c for row in csv.reader((tmp_path / "csv" / "relations.csv").read_text(encoding="utf-8-sig").splitlines())
             for c in row]
    assert not any(c.startswith(("=", "@")) for c in cells)
    assert any(c.startswith("'=1+1") for c in cells)


def test_a_second_build_into_the_same_folder_is_told_it_is_busy(tmp_path: Path):
    out = tmp_path / "b"
    env = dict(os.environ, POLICYGRAPH_PAUSE_AT="swap", POLICYGRAPH_PAUSE_FILE=str(tmp_path / "paused"))
    first = subprocess.Popen([sys.executable, "-m", "policygraph", "build", str(DATA / "corpus"), "--out", str(out)],
                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(tmp_path / "paused", first)
        with pytest.raises(BuildError, match="busy"):
            build([DATA / "corpus"], out, html=False)
    finally:
        first.kill()
        first.wait()
    build([DATA / "corpus"], out, html=False)  # the lock died with its holder


def _wait_for(marker: Path, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert process.poll() is None and time.monotonic() < deadline, "the build did not reach its pause"
        time.sleep(0.05)


@pytest.mark.parametrize("moment", ["swap", "swapped cache", "parked store", "swapped graph.html", "swapped graph.trig"])
def test_a_build_killed_inside_the_swap_leaves_a_complete_build_and_no_leftovers(tmp_path: Path, moment: str):
    folder = tmp_path / "in"
    shutil.copytree(DATA / "corpus", folder)
    out = tmp_path / "b"
    build([folder], out)
    trig = (out / "graph.trig").read_bytes()
    (folder / "zhongyuan.txt").unlink()  # the killed build writes a different graph
    new = build([folder], tmp_path / "reference", html=False).graph.read_bytes()
    env = dict(os.environ, POLICYGRAPH_PAUSE_AT=moment, POLICYGRAPH_PAUSE_FILE=str(tmp_path / "paused"))
    killed = subprocess.Popen([sys.executable, "-m", "policygraph", "build", str(folder), "--out", str(out)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_for(tmp_path / "paused", killed)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    assert (out / "graph.trig").read_bytes() in (trig, new)  # whole, old or new
    assert run(open_store(out), COUNT).rows[0][0] != "0"
    assert (out / "graph.html").stat().st_size > 1000
    build([folder], out)  # the next build clears everything the killed one left
    leftovers = sorted(p.name for p in [*out.iterdir(), *tmp_path.iterdir()] if p.name.startswith("."))
    homes = sorted(f".{name}-" + (out / name).readlink().name.split("-", 1)[1] for name in ("cache", "store"))
    assert leftovers == sorted([*homes, ".b.lock", ".reference.lock"])
