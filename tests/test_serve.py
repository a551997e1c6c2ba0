"""`policygraph serve` as a real process on a free loopback port, queried by real clients."""

from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from SPARQLWrapper import CSV, JSON, TURTLE, SPARQLWrapper

from policygraph.serve import negotiate
from tests.conftest import launch_chromium

DIVISIONS = "SELECT ?label WHERE { ?e a pg:AdministrativeDivision ; skos:prefLabel ?label } ORDER BY ?label"
FULL_DIVISIONS = ("PREFIX pg: <https://w3id.org/policygraph/ontology#> "
                  "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> " + DIVISIONS)
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(small_build: Path) -> Iterator[str]:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "policygraph", "serve", "--store", str(small_build),
                               "--port", str(port), "--timeout", "1.5", "--max-results", "50", "--cors"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=1).close()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"the server did not start: {server.stdout.read().decode() if server.stdout else ''}")
            time.sleep(0.2)
    yield base + "/sparql"
    server.terminate()
    assert server.wait(timeout=10) is not None  # stops on SIGTERM


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
    assert [r["label"]["value"] for r in rows] == ["中原区"]
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
        assert page.locator("#results td").all_inner_texts() == ["中原区@zh"]
        assert "1 rows" in page.locator("#status").inner_text()
        page.fill("#query", RUNAWAY)
        page.click("#run")
        page.wait_for_selector("#status .error", timeout=10_000)
        assert "503" in page.locator("#status").inner_text()
        browser.close()
    assert outside == []
