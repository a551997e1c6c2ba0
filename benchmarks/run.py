"""Measure policygraph against its ceilings, all in one run on one machine, and print the figures.

    python benchmarks/run.py [--scales 1,10,100] [--queries-at 75] [--pages 1000,5000] [--rounds 3]

* build throughput (characters per second) with one worker and with two, each as a ratio to bare
  ``jieba.cut`` over the same text, and where the build's time goes, stage by stage;
* speed-up of ``--workers 2`` against ``--workers 1``;
* scaling: build time and peak memory at each scale of the bundled corpus (separate processes);
* latency of every saved query on a store of about a million triples (``--queries-at`` copies of the
  bundled corpus), against rdflib's in-memory store running the same queries on the same triples (an
  rdflib run longer than ``--rdflib-bound`` seconds is reported as exceeding it);
* load time of the ``viz`` page at given node counts in headless Chromium (when Chromium is present);
* start-up of ``policygraph --help`` and of a saved query against a bare ``import typer, pyoxigraph``.

Ratios, not seconds, are the result: they hold from one machine to another.
"""

from __future__ import annotations

import argparse
import json
import logging
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

import jieba

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate
from startup import bundled_build
from startup import measure as startup_times
from startup import report as startup_report

ROOT = Path(__file__).resolve().parents[1]
jieba.setLogLevel(logging.WARNING)

BUILD_ONE = """
import json, resource, sys, time
from pathlib import Path
from policygraph.pipeline import build
from policygraph.text import load
load()  # the dictionary load is start-up, not throughput
started = time.perf_counter()
report = build([Path(sys.argv[1])], Path(sys.argv[2]), html=False, workers=int(sys.argv[3]))
seconds = time.perf_counter() - started
chars = sum(len(p.read_text(encoding="utf-8")) for p in Path(sys.argv[1]).glob("*.txt"))
print(json.dumps({"seconds": seconds, "chars": chars, "quads": report.quads, "stages": report.seconds,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


STORE_ALONE = """
import json, shutil, sys, time
from pathlib import Path
from policygraph.config import iri_base
from policygraph.engine import LocalEngine
from policygraph.pipeline import _extra_graphs, extract_files
from policygraph.rdf import corpus_dataset
from policygraph.merge import merge_corpus
from policygraph.store import create_store
corpus, work = Path(sys.argv[1]), Path(sys.argv[2])
base = iri_base(None)
extractions = extract_files([corpus], engine=LocalEngine(2))
quads = corpus_dataset(extractions, merge_corpus(extractions, base), base)
seconds = {}
for threads in (1, 2):
    shutil.rmtree(work / f"store-{threads}", ignore_errors=True)
    started = time.perf_counter()
    create_store(quads, work / f"store-{threads}", _extra_graphs(base), threads)
    seconds[threads] = time.perf_counter() - started
print(json.dumps(seconds))
"""


def store_alone(corpus: Path, work: Path) -> dict:
    """Seconds of writing the corpus's store on one and on two threads."""
    result = subprocess.run([sys.executable, "-c", STORE_ALONE, str(corpus), str(work)],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def build_once(corpus: Path, out: Path, workers: int) -> dict:
    """One build in a fresh process, so that peak memory is the build's own."""
    result = subprocess.run([sys.executable, "-c", BUILD_ONE, str(corpus), str(out), str(workers)],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def _median_build(results: list[dict]) -> dict:
    """The build of median time among repeated builds of the same corpus."""
    return sorted(results, key=lambda r: r["seconds"])[len(results) // 2]


def jieba_rate(corpus: Path) -> float:
    """Characters per second of bare jieba.cut (default dictionary, HMM on) over the corpus text."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    jieba.initialize()
    started = time.perf_counter()
    for t in texts:
        for _ in jieba.cut(t):
            pass
    return sum(map(len, texts)) / (time.perf_counter() - started)


def query_latencies(store_dir: Path, rdflib_bound: float) -> list[tuple[str, float, float | str | None]]:
    """(query, ms in Oxigraph, ms in rdflib, or None when over the bound, or why rdflib failed)."""
    import multiprocessing as mp

    import pyoxigraph as ox
    from rdflib import Graph

    from policygraph.query import run, saved_queries
    from policygraph.store import open_store

    store = open_store(store_dir)
    triples = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    print(f"  store: {triples:,} triples in the default graph")
    # Oxigraph first, before rdflib's graph fills this process: a million rdflib objects make every
    # garbage collection pass of the interpreter slow, which would be charged to Oxigraph's queries
    ox_ms = {}
    for q in saved_queries().values():
        run(store, q.text)  # warm
        started = time.perf_counter()
        for _ in range(5):
            run(store, q.text)
        ox_ms[q.name] = (time.perf_counter() - started) / 5 * 1000
    # rdflib's memory store holds the same triples, parsed once (not timed); each query runs in a
    # forked child that shares it, so that one cut off at the bound does not end the others
    started = time.perf_counter()
    graph = Graph()
    graph.parse(data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).decode("utf-8"),
                format="nt")
    print(f"  rdflib: {len(graph):,} triples parsed in {time.perf_counter() - started:.0f} s (not timed)")
    import gc

    gc.freeze()  # the forked children need not walk a million rdflib objects at every collection
    rows = []
    ctx = mp.get_context("fork")
    for q in saved_queries().values():
        conn_parent, conn_child = ctx.Pipe()
        worker = ctx.Process(target=_rdflib_query, args=(graph, q.text, conn_child))
        worker.start()
        rd_ms = conn_parent.recv() if conn_parent.poll(rdflib_bound) else None
        worker.kill()
        worker.join()
        rows.append((q.name, ox_ms[q.name], rd_ms))
    return rows


def _rdflib_query(graph, sparql: str, conn) -> None:
    """The same query in rdflib's memory store over the same triples."""
    from policygraph.query import PREDECLARED

    prologue = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREDECLARED.items())
    started = time.perf_counter()
    try:
        list(graph.query(prologue + sparql))
    except Exception as exc:  # rdflib cannot run some valid queries (unbound variables in aggregates)
        conn.send(f"fails in rdflib ({exc.__class__.__name__})")
        return
    conn.send((time.perf_counter() - started) * 1000)


def page_load_ms(nodes: int, work: Path) -> float | None:
    """Milliseconds from opening a viz page of ``nodes`` nodes to its layout having settled."""
    import shutil

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        return None
    import networkx as nx
    from playwright.sync_api import sync_playwright

    from policygraph.projection import NodeInfo
    from policygraph.viz import render

    g = nx.MultiDiGraph()
    for i in range(nodes):
        g.add_node(f"n{i}", info=NodeInfo(f"n{i}", f"节点{i}", {"Park"}, {f"节点{i}"}))
    for i in range(1, nodes):
        g.add_edge(f"n{i}", f"n{(i * 7919) % i}", key="locatedIn")
    page_file = work / f"page-{nodes}.html"
    page_file.write_text(render(g), encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        started = time.perf_counter()
        page.goto(page_file.as_uri())
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=600_000)
        elapsed = (time.perf_counter() - started) * 1000
        browser.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,10,100", help="corpus sizes, as copies of the bundled corpus")
    parser.add_argument("--queries-at", type=int, default=75,
                        help="copies of the bundled corpus in the query store (75: about a million triples)")
    parser.add_argument("--rdflib-bound", type=float, default=30.0, help="seconds before an rdflib query is cut")
    parser.add_argument("--rounds", type=int, default=3,
                        help="rounds of the throughput and speed-up builds (their median is the result)")
    parser.add_argument("--pages", default="1000,5000", help="node counts of the viz page load test")
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpora = {}
        for s in sorted({*scales, args.queries_at}):
            corpora[s] = work / f"corpus-{s}x"
            generate(s, corpora[s])
        base = corpora[min(scales, key=lambda s: abs(s - 10))]
        print(f"build throughput against bare jieba.cut ({base.name}; median of {args.rounds} rounds, each "
              "round jieba, 1 worker and 2 workers back to back)")
        rounds = []
        for _ in range(args.rounds):  # interleaved, so that a machine that speeds up or slows down meets all three
            ceiling = jieba_rate(base)
            rounds.append((ceiling, build_once(base, work / "b1", 1), build_once(base, work / "b2", 2)))
        ceiling = median(c for c, _, _ in rounds)
        one = _median_build([r1 for _, r1, _ in rounds])
        two = _median_build([r2 for _, _, r2 in rounds])
        print(f"  jieba.cut    {ceiling:>9,.0f} chars/s")
        for label, i, r in (("1 worker ", 1, one), ("2 workers", 2, two)):
            ratios = [run[i]["chars"] / run[i]["seconds"] / run[0] for run in rounds]
            reading = [run[i]["chars"] / run[i]["stages"]["read and extract"] / run[0] for run in rounds]
            rate = r["chars"] / r["seconds"]
            print(f"  {label}    {rate:>9,.0f} chars/s ({r['chars']:,} chars, {r['quads']:,} quads in "
                  f"{r['seconds']:.2f} s): ratio {median(ratios):.2f} (rounds: {', '.join(f'{x:.2f}' for x in ratios)}); "
                  f"reading and extracting alone: ratio {median(reading):.2f}")
        speedups = [r1["seconds"] / r2["seconds"] for _, r1, r2 in rounds]
        print(f"  speed-up of 2 workers over 1: {median(speedups):.2f}x "
              f"(rounds: {', '.join(f'{x:.2f}' for x in speedups)})")
        alone, jieba_pass = store_alone(base, work), one["chars"] / ceiling
        print(f"  the store write alone: {alone['1'] / jieba_pass:.2f} passes of jieba.cut on one thread, "
              f"{alone['2'] / jieba_pass:.2f} on two (a 0.6 build may take {1 / 0.6:.2f} for everything)")
        for label, r in (("1 worker ", one), ("2 workers", two)):
            print(f"  stages, {label}: " + ", ".join(f"{k} {v / r['seconds']:.0%}" for k, v in r["stages"].items()))
        print("scaling (1 worker; time and peak memory of the build process)")
        previous = None
        for s in scales:
            r = one if corpora[s] == base else build_once(corpora[s], work / f"s{s}", 1)
            line = f"  {s:>4}x: {r['chars']:>10,} chars {r['seconds']:8.2f} s {r['peak_mb']:8.0f} MB"
            if previous:
                line += (f"   x{r['chars'] / previous['chars']:.0f} text -> x{r['seconds'] / previous['seconds']:.1f} time, "
                         f"x{r['peak_mb'] / previous['peak_mb']:.1f} memory")
            print(line)
            if s == max(scales) and s != min(scales):
                print(f"        stages at {s}x: " + ", ".join(f"{k} {v / r['seconds']:.0%}" for k, v in r["stages"].items()))
            previous = r
        query_store = work / f"q{args.queries_at}"
        build_once(corpora[args.queries_at], query_store, 2)
        print(f"saved queries on the {args.queries_at}x store: Oxigraph against rdflib in memory")
        for name, ox_ms, rd_ms in query_latencies(query_store, args.rdflib_bound):
            rd = (f"{rd_ms:9.1f} ms  rdflib/Oxigraph {rd_ms / ox_ms:7.1f}" if isinstance(rd_ms, float)
                  else rd_ms if isinstance(rd_ms, str) else f"> {args.rdflib_bound:.0f} s (stopped)")
            print(f"  {name:20s} {ox_ms:8.1f} ms   rdflib {rd}")
        print("viz page load in headless Chromium")
        for n in (int(x) for x in args.pages.split(",") if x):
            ms = page_load_ms(n, work)
            print(f"  {n:>5} nodes: " + (f"{ms:,.0f} ms to a settled layout" if ms is not None else "no Chromium here"))
        print("command start-up on the bundled build (median of 9 interleaved rounds)")
        print("\n".join(startup_report(startup_times(bundled_build(work)))))
    print(f"peak memory of this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
