"""The built page in real headless Chromium with every network request blocked.

Chromium comes from the system and is driven by Playwright (see ``launch_chromium`` in conftest).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from policygraph import build, open_store
from policygraph.projection import entity_graph
from tests.conftest import DATA, launch_chromium

playwright_api = pytest.importorskip("playwright.sync_api")

HOSTILE = ("中原区在二砂文化创意园举办招商推介会<script>window.__pwned = 1</script>，"
           "<img src=x onerror=\"window.__pwned = 2\">现场签约项目3个。\n")


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory) -> Path:
    """The sample corpus plus a document whose text carries a script and an image with an onerror handler."""
    corpus = tmp_path_factory.mktemp("corpus")
    for f in (DATA / "corpus").iterdir():
        shutil.copy(f, corpus / f.name)
    (corpus / "hostile.txt").write_text("中原区招商推介会\n\n" + HOSTILE, encoding="utf-8")
    out = tmp_path_factory.mktemp("build")
    build([corpus], out)
    return out


@pytest.fixture(scope="module")
def page(hostile_build: Path) -> Iterator:
    """The whole-graph page, loaded offline; ``page.requests`` lists every request it made."""
    with playwright_api.sync_playwright() as p:
        browser = launch_chromium(p)
        context = browser.new_context(offline=True, viewport={"width": 1280, "height": 800})
        requests: list[str] = []
        context.on("request", lambda r: requests.append(r.url))
        # anything but the page itself is refused, whatever the page tries
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                      else route.abort("blockedbyclient"))
        pg = context.new_page()
        pg.requests = requests
        pg.goto((hostile_build / "graph.html").as_uri())
        pg.wait_for_selector("body[data-ready=true]", state="attached", timeout=60_000)
        yield pg
        pg.screenshot(path=str(hostile_build / "screenshot.png"))
        browser.close()


def node_iri(build_dir: Path, label: str) -> str:
    g = entity_graph(open_store(build_dir), with_details=False)
    return next(n for n, d in g.nodes(data=True) if d["info"].label == label)


def test_every_node_is_drawn(page, hostile_build: Path):
    expected = entity_graph(open_store(hostile_build), with_details=False).number_of_nodes()
    drawn = page.evaluate("() => pgNetwork.body.nodeIndices.length")
    assert drawn == expected > 10
    box = page.locator("#graph canvas").bounding_box()
    assert box and box["width"] > 500 and box["height"] > 500
    assert f"{expected} 个节点" in page.locator("#status").inner_text()


def test_no_request_left_the_page(page, hostile_build: Path):
    assert page.requests == [(hostile_build / "graph.html").as_uri()]


def test_searching_a_label_focuses_that_node(page, hostile_build: Path):
    page.fill("#search", "二砂文化创意园")  # an alternative label of the park
    page.press("#search", "Enter")
    iri = page.evaluate("() => pgNetwork.getSelectedNodes()")[0]
    assert "二砂文化创意园" in page.evaluate(f"() => DATA.details[{iri!r}].labels")
    assert page.locator("#panel h3").first.inner_text() in {"二砂文化创意园", "二砂文化创意产业园", "二砂文创园"}
    # the view is centred on the node
    centre = page.evaluate(f"() => pgNetwork.canvasToDOM(pgNetwork.getPositions([{iri!r}])[{iri!r}])")
    box = page.locator("#graph canvas").bounding_box()
    assert abs(centre["x"] - box["width"] / 2) < 5 and abs(centre["y"] - box["height"] / 2) < 5


def test_clicking_a_node_shows_its_evidence(page, hostile_build: Path):
    iri = node_iri(hostile_build, "李晓雷")
    page.fill("#search", "李晓雷")
    page.press("#search", "Enter")
    page.locator("#panel").evaluate("p => p.replaceChildren()")  # forget what the search showed
    # zoomed in close, so no neighbour's label covers the node
    at = page.evaluate(f"""() => {{ const p = pgNetwork.getPositions([{iri!r}])[{iri!r}];
      pgNetwork.moveTo({{position: p, scale: 3, animation: false}}); return pgNetwork.canvasToDOM(p); }}""")
    box = page.locator("#graph canvas").bounding_box()
    page.mouse.click(box["x"] + at["x"], box["y"] + at["y"])
    assert page.locator("#panel h3").first.inner_text() == "李晓雷"
    evidence = page.locator("#panel blockquote").first.inner_text()
    assert "中原区委书记李晓雷强调" in evidence and "zhongyuan" in evidence


def test_injected_markup_in_a_document_does_not_run(page):
    page.fill("#search", "中原区")
    page.press("#search", "Enter")
    panel = page.locator("#panel")
    shown = panel.inner_text()
    assert "<script>" in shown and "onerror=" in shown, "the markup is shown as text"
    assert panel.locator("script, img").count() == 0
    assert page.evaluate("() => window.__pwned === undefined")


def test_a_type_toggle_hides_its_nodes(page):
    before = page.evaluate("() => pgNetwork.body.nodeIndices.length")
    people = page.evaluate("() => DATA.nodes.filter(n => n.ptype === 'Person').length")
    page.locator('input[data-type="Person"]').uncheck()
    assert page.evaluate("() => pgNetwork.body.nodeIndices.length") == before - people
    page.locator('input[data-type="Person"]').check()
    assert page.evaluate("() => pgNetwork.body.nodeIndices.length") == before


def test_clicking_a_relation_shows_the_sentence_it_came_from(page):
    # zoom onto the middle of a relation with evidence where vis finds that line and no node (hub
    # labels are large), so the click lands on the line and on nothing else
    box = page.locator("#graph canvas").bounding_box()
    centre = {"x": box["width"] / 2, "y": box["height"] / 2}
    edge = page.evaluate("""centre => {
      const pos = pgNetwork.getPositions();
      for (const e of DATA.edges.filter(e => DATA.relations[e.id].evidence.length)) {
        pgNetwork.moveTo({position: {x: (pos[e.from].x + pos[e.to].x) / 2, y: (pos[e.from].y + pos[e.to].y) / 2},
                          scale: 3, animation: false});
        if (pgNetwork.getNodeAt(centre) === undefined && pgNetwork.getEdgeAt(centre) === e.id) return e.id;
      }
    }""", centre)
    assert edge, "some relation can be clicked on its own"
    page.mouse.click(box["x"] + centre["x"], box["y"] + centre["y"])
    relation = page.evaluate(f"() => DATA.relations[{edge!r}]")
    panel = page.locator("#panel")
    assert panel.locator("h3").first.inner_text() == f"{relation['from']} → {relation['to']}"
    assert relation["predicate"] in panel.inner_text()
    assert relation["evidence"][0][0] in panel.locator("blockquote").first.inner_text()
