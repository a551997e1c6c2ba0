"""Division codes and parents on the bundled corpus, and development zones' statistical codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from policygraph import build, open_store
from policygraph.config import corpus_dir
from policygraph.query import run


@pytest.fixture(scope="module")
def bundled(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bundled")
    build([corpus_dir()], out, html=False)
    return out


def test_division_chain_carries_codes_and_parents(bundled: Path):
    rows = run(open_store(bundled), """
        SELECT ?name ?code ?parent WHERE {
          ?d skos:prefLabel ?name ; skos:notation ?code . FILTER(DATATYPE(?code) = pg:GBT2260)
          OPTIONAL { ?d skos:broader/skos:prefLabel ?parent }
        }""").rows
    chain = {name: (code, parent) for name, code, parent in rows}
    assert chain["中原区"] == ("410102", "郑州市")
    assert chain["郑州市"] == ("410100", "河南省")
    assert chain["河南省"] == ("410000", None)


def test_mentioned_divisions_are_entities_and_parents_link_by_located_in(bundled: Path):
    rows = run(open_store(bundled), """
        SELECT ?child ?parent WHERE {
          ?c a pg:AdministrativeDivision ; skos:prefLabel ?child ; pg:locatedIn ?p .
          ?p a pg:AdministrativeDivision ; skos:prefLabel ?parent }""").rows
    assert ["中原区", "郑州市"] in rows and ["郑州市", "河南省"] in rows


def test_a_development_zone_carries_its_statistical_code(bundled: Path):
    rows = run(open_store(bundled), """
        SELECT ?code ?parent WHERE {
          ?z a pg:DevelopmentZone ; skos:prefLabel "郑州经济技术开发区"@zh ; skos:notation ?code ;
             skos:broader/skos:notation ?parent . FILTER(DATATYPE(?code) = pg:StatAreaCode) }""").rows
    assert rows == [["410171", "410100"]]


def test_unmentioned_parents_are_described_but_are_not_entities(tmp_path: Path):
    doc = tmp_path / "d.txt"
    doc.write_text("二七区召开会议\n\n1月5日，二七区召开经济工作会议。\n", encoding="utf-8")
    store = open_store(build([doc], tmp_path / "b", html=False).out)
    rows = run(store, """SELECT ?name ?entity WHERE { ?d skos:inScheme pg:DivisionScheme ; skos:prefLabel ?name .
                         BIND(EXISTS { ?d a pg:AdministrativeDivision } AS ?entity) } ORDER BY ?name""").rows
    assert sorted(rows) == [["二七区", "true"], ["河南省", "false"], ["郑州市", "false"]]
