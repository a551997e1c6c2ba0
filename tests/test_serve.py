"""`policygraph serve` as a real process on a free loopback port, queried by real clients."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from SPARQLWrapper import CSV, JSON, TURTLE, SPARQLWrapper

from policygraph.serve import Answer, QueryJob, execute, negotiate
from tests.conftest import launch_chromium

DIVISIONS = "SELECT ?label WHERE { ?e a pg:AdministrativeDivision ; skos:prefLabel ?label } ORDER BY ?label"
FULL_DIVISIONS = ("PREFIX pg: <https://w3id.org/policygraph/ontology#> "
                  "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> " + DIVISIONS)
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(store: Path, *options: str) -> Iterator[str]:
    """``policygraph serve`` on a free port, once it says it is ready; yields the endpoint's URL."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "policygraph", "serve", "--store", str(store),
                               "--port", str(port), *options], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=1).close()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"the server did not start: {server.stdout.read().decode() if server.stdout else ''}")
            time.sleep(0.2)
    try:
        yield base + "/sparql"
    finally:
        server.terminate()
        assert server.wait(timeout=10) is not None  # stops on SIGTERM


@pytest.fixture(scope="module")
def endpoint(small_build: Path) -> Iterator[str]:
    with serving(small_build, "--timeout", "1.5", "--max-results", "50", "--cors") as url:
        yield url


@contextlib.contextmanager
def busy_cores(n: int = 2) -> Iterator[None]:
    """``n`` CPU-bound processes beside the test, as on a loaded machine."""
    spinners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(n)]
    try:
        yield
    finally:
        for p in spinners:
            p.kill()
            p.wait()


def http(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=20) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def test_sparqlwrapper_gets_json_and_csv(endpoint: str):
    client = SPARQLWrapper(endpoint)
    client.setQuery(FULL_DIVISIONS)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    # 河南 in 河南国创…有限公司 and 郑州 in 郑州经开区 are divisions named inside names
    assert [r["label"]["value"] for r in rows] == ["中原区", "河南省", "郑州市"]
    assert rows[0]["label"]["xml:lang"] == "zh"
    client.setReturnFormat(CSV)
    table = list(csv.reader(io.StringIO(client.query().convert().decode("utf-8"))))
    assert table[0] == ["label"] and ["中原区"] in table[1:]


def test_get_and_form_post_with_predeclared_prefixes(endpoint: str):
    status, headers, body = http(endpoint + "?" + urllib.parse.urlencode({"query": DIVISIONS}))
    assert status == 200 and headers["content-type"].startswith("application/sparql-results+json")
    assert "中原区" in json.dumps(json.loads(body), ensure_ascii=False)
    status, headers, body = http(endpoint, urllib.parse.urlencode({"query": DIVISIONS}).encode(),
                                 {"Content-Type": "application/x-www-form-urlencoded",
                                  "Accept": "text/tab-separated-values"})
    assert status == 200 and body.decode().splitlines()[0] == "?label" and '"中原区"@zh' in body.decode()


def test_xml_results_and_ask(endpoint: str):
    status, _, body = http(endpoint, DIVISIONS.encode(), {"Content-Type": "application/sparql-query",
                                                         "Accept": "application/sparql-results+xml"})
    assert status == 200 and b"<sparql" in body and "中原区".encode() in body
    status, _, body = http(endpoint, b"ASK { ?s a pg:Person }", {"Content-Type": "application/sparql-query"})
    assert json.loads(body) == {"head": {}, "boolean": True}


def test_construct_as_turtle_ntriples_and_jsonld(endpoint: str):
    query = "CONSTRUCT { ?e skos:prefLabel ?l } WHERE { ?e a pg:AdministrativeDivision ; skos:prefLabel ?l }"
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    client.setReturnFormat(TURTLE)
    turtle = client.query().convert().decode("utf-8")
    assert "@prefix skos:" in turtle and '"中原区"@zh' in turtle
    for accept, marker in (("application/n-triples", "<http://www.w3.org/2004/02/skos/core#prefLabel>"),
                           ("application/ld+json", '"@language":"zh"')):
        status, headers, body = http(endpoint, query.encode(), {"Content-Type": "application/sparql-query",
                                                                "Accept": accept})
        assert status == 200 and headers["content-type"].startswith(accept) and marker in body.decode()


def test_updates_are_refused(endpoint: str):
    insert = b"INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }"
    status, _, body = http(endpoint, insert, {"Content-Type": "application/sparql-update"})
    assert status == 403 and b"read-only" in body
    status, _, _ = http(endpoint, b"update=" + urllib.parse.quote(insert).encode(),
                        {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403
    status, _, body = http(endpoint + "?" + urllib.parse.urlencode({"query": "ASK { <http://x/a> ?p ?o }"}))
    assert json.loads(body)["boolean"] is False


def test_a_runaway_query_is_stopped_and_the_server_goes_on(endpoint: str):
    started = time.monotonic()
    status, _, body = http(endpoint, RUNAWAY.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 503 and b"time limit" in body
    assert time.monotonic() - started < 6
    assert http(endpoint + "?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}))[0] == 200


def test_the_limit_stops_a_runaway_but_not_a_normal_query_while_both_cores_are_busy(small_build: Path):
    with serving(small_build, "--timeout", "1.5") as url, busy_cores(2):
        for _ in range(3):  # the first query after start, and the first after a replacement, are normal queries too
            status, _, body = http(url + "?" + urllib.parse.urlencode({"query": DIVISIONS}))
            assert status == 200 and "中原区" in body.decode()
            status, _, body = http(url, RUNAWAY.encode(), {"Content-Type": "application/sparql-query"})
            assert status == 503 and b"time limit" in body


def test_a_failure_part_way_through_the_results_is_an_answer_not_a_lost_worker():
    class Failing:
        def query(self, *args, **kwargs):
            class Solutions:
                variables: tuple = ()

                def __iter__(self):
                    raise OSError("the remote answer was junk")
            return Solutions()

    answer = execute(Failing(), QueryJob("SELECT * { ?s ?p ?o }", "*/*"), 10)  # type: ignore[arg-type]
    assert isinstance(answer, Answer) and answer.status == 400 and b"junk" in answer.body


def test_service_is_refused_and_no_request_leaves(endpoint: str):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(1.0)
        target = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
        for query in (f"SELECT * {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
                      f"PREFIX x: <{target}> SELECT * {{ SERVICE SILENT x: {{ ?s ?p ?o }} }}",
                      "SELECT * { SERVICE <file:///etc/passwd> { ?s ?p ?o } }"):
            status, _, body = http(endpoint, query.encode(), {"Content-Type": "application/sparql-query"})
            assert status == 400 and b"SERVICE" in body and b"not allowed" in body
        with pytest.raises(TimeoutError):
            listener.accept()  # nothing came


def test_the_host_header_must_name_the_server(endpoint: str):
    url = endpoint + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    assert http(url, headers={"Host": "attacker.example"})[0] == 400
    assert http(url, headers={"Host": "localhost"})[0] == 200


def test_an_update_sent_as_a_query_is_refused_in_words(endpoint: str):
    update = "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }"
    status, _, body = http(endpoint + "?" + urllib.parse.urlencode({"query": update}))
    assert status == 403 and b"updates are not supported" in body


def test_an_undeclared_prefix_is_named(endpoint: str):
    status, _, body = http(endpoint + "?" + urllib.parse.urlencode({"query": "SELECT * { ?s ex:p ?o }"}))
    assert status == 400 and b"prefix ex: is not declared" in body and len(body.splitlines()) == 1


def test_a_request_over_the_size_limit_is_refused(small_build: Path):
    with serving(small_build, "--max-request-kb", "4") as url:
        query = "ASK {} #" + "x" * 5000
        assert http(url, query.encode(), {"Content-Type": "application/sparql-query"})[0] == 413
        assert http(url + "?" + urllib.parse.urlencode({"query": query}))[0] == 413
        assert http(url + "?" + urllib.parse.urlencode({"query": "ASK {}"}))[0] == 200


def test_a_query_past_the_memory_cap_is_stopped_and_the_server_goes_on(small_build: Path):
    hungry = "SELECT ?a ?f ?i { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?f ?i LIMIT 1"  # sorts every triple cubed
    with serving(small_build, "--memory", "300", "--timeout", "30") as url:
        status, _, body = http(url, hungry.encode(), {"Content-Type": "application/sparql-query"})
        assert status == 507 and b"300 MB" in body
        assert http(url + "?" + urllib.parse.urlencode({"query": DIVISIONS}))[0] == 200


def test_slow_queries_do_not_hold_a_normal_one_past_the_waiting_limit(small_build: Path):
    with serving(small_build, "--timeout", "1.5") as url:
        slow = [threading.Thread(target=http, args=(url, RUNAWAY.encode(), {"Content-Type": "application/sparql-query"}))
                for _ in range(6)]
        for t in slow:
            t.start()
        time.sleep(0.3)
        started = time.monotonic()
        status, _, body = http(url + "?" + urllib.parse.urlencode({"query": DIVISIONS}))
        waited = time.monotonic() - started
        for t in slow:
            t.join()
        assert (status == 200 and "中原区" in body.decode()) or (status == 503 and b"busy" in body)
        assert waited < 1.5 + 1.5 + 1.0  # the waiting limit, then at most the query's own limit


def test_after_a_rebuild_answers_come_from_the_new_store_only(tmp_path: Path):
    from policygraph import build

    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    (one / "a.txt").write_text("郑州市中原区人民政府召开会议。", encoding="utf-8")
    for name in ("a", "b", "c"):
        (two / f"{name}.txt").write_text(f"郑州市中原区{name}会议召开。", encoding="utf-8")
    out = tmp_path / "build"
    build([one], out, html=False)
    count = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) { ?d a pg:SourceDocument }"})
    with serving(out, "--timeout", "10") as url:
        assert json.loads(http(url + "?" + count)[2])["results"]["bindings"][0]["n"]["value"] == "1"
        build([two], out, html=False)
        seen = {json.loads(http(url + "?" + count)[2])["results"]["bindings"][0]["n"]["value"] for _ in range(8)}
        assert seen == {"3"}


def test_rdflib_sparqlstore_gets_a_construct_asking_for_json(endpoint: str):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(endpoint, returnFormat="json")
    graph = store.query("CONSTRUCT { ?e skos:prefLabel ?l } WHERE { ?e a pg:AdministrativeDivision ; skos:prefLabel ?l }")
    assert {str(o) for _, _, o in graph} == {"中原区", "河南省", "郑州市"}


def test_results_are_capped_and_say_so(endpoint: str):
    status, headers, body = http(endpoint + "?" + urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"}))
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 50
    assert "first 50" in headers["x-result-truncated"]


def test_bad_queries_and_formats_are_clear_client_errors(endpoint: str):
    status, _, body = http(endpoint + "?" + urllib.parse.urlencode({"query": "SELEKT nothing"}))
    assert status == 400 and b"does not parse" in body
    assert http(endpoint)[0] == 400  # no query at all
    assert http(endpoint + "?" + urllib.parse.urlencode({"query": DIVISIONS}), headers={"Accept": "image/png"})[0] == 406


def test_cors_on_request_and_the_query_page(endpoint: str):
    _, headers, _ = http(endpoint + "?" + urllib.parse.urlencode({"query": "ASK {}"}),
                         headers={"Origin": "http://example.org"})
    assert headers.get("access-control-allow-origin") == "*"
    status, headers, body = http(endpoint.removesuffix("sparql"))
    assert status == 200 and b"policygraph SPARQL" in body and b"http" not in body.split(b"<script>")[1].split(b"fetch")[0]
    saved = json.loads(http(endpoint.removesuffix("sparql") + "queries")[2])
    assert "targets-vs-results" in {q["name"] for q in saved}


def test_negotiation_follows_q_values():
    offers = ["application/sparql-results+json", "text/csv"]
    assert negotiate("text/csv, */*;q=0.1", offers) == "text/csv"
    assert negotiate("*/*", offers) == offers[0]
    assert negotiate("text/csv;q=0", offers) is None


def test_the_query_page_runs_a_query_in_a_browser(endpoint: str):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page()
        outside: list[str] = []
        page.on("request", lambda r: None if r.url.startswith("http://127.0.0.1") else outside.append(r.url))
        page.goto(endpoint.removesuffix("sparql"))
        page.fill("#query", DIVISIONS)
        page.click("#run")
        page.wait_for_selector("#results td")
        assert page.locator("#results td").all_inner_texts() == ["中原区@zh", "河南省@zh", "郑州市@zh"]
        assert "3 rows" in page.locator("#status").inner_text()
        page.fill("#query", RUNAWAY)
        page.click("#run")
        page.wait_for_selector("#status .error", timeout=10_000)
        assert "503" in page.locator("#status").inner_text()
        browser.close()
    assert outside == []
