"""Saved queries: each runs, and each one rewritten for speed answers what its plain form answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from policygraph import build
from policygraph.query import run, saved_queries
from policygraph.store import open_store

# The straightforward way to ask each question; the saved forms are shaped for speed at a million triples
# (hash joins through subqueries, links made at build time), so they must give the same rows.
PLAIN = {
    "co-mentions": """
SELECT DISTINCT ?a ?b (COUNT(DISTINCT ?doc) AS ?documents) WHERE {
  ?x a pg:Person ; skos:prefLabel ?a ; pg:mentionedIn ?doc .
  ?y a pg:Person ; skos:prefLabel ?b ; pg:mentionedIn ?doc .
  FILTER(STR(?a) < STR(?b))
} GROUP BY ?a ?b""",
    "initiatives": """
SELECT ?area (COUNT(DISTINCT ?i) AS ?n) WHERE {
  ?a pg:implements ?i ; skos:prefLabel ?area . ?i skos:prefLabel ?initiative .
} GROUP BY ?area""",
    "documents": """
SELECT DISTINCT ?id ?title ?date ?year ?area ?source (COUNT(DISTINCT ?e) AS ?entities) WHERE {
  ?d a pg:SourceDocument ; dcterms:identifier ?id .
  OPTIONAL { ?d dcterms:title ?title }
  OPTIONAL { ?d dcterms:issued ?date }
  OPTIONAL { ?d dcterms:temporal ?year }
  OPTIONAL { ?d dcterms:spatial/skos:prefLabel ?area }
  OPTIONAL { ?d dcterms:source ?source }
  OPTIONAL { ?e pg:mentionedIn ?d }
} GROUP BY ?id ?title ?date ?year ?area ?source""",
    "evidence": """
SELECT ?document ?subject ?relation ?object ?sentence WHERE {
  { SELECT ?d ?document ?date WHERE {
      ?d a pg:SourceDocument ; dcterms:identifier ?document .
      OPTIONAL { ?d dcterms:issued ?date }
    } ORDER BY DESC(?date) ?document LIMIT 5 }
  ?ev oa:hasSource ?d ; a pg:Evidence ; pg:sentence ?sentence .
  ?st prov:wasDerivedFrom ?ev ; a rdf:Statement ; rdf:subject/skos:prefLabel ?subject ; rdf:predicate ?p ;
      rdf:object ?o .
  OPTIONAL { ?o skos:prefLabel ?olabel }
  BIND(COALESCE(?olabel, STR(?o)) AS ?object)
  BIND(STRAFTER(STR(?p), "#") AS ?relation)
} ORDER BY DESC(?date) ?document ?subject ?relation ?object LIMIT 500""",
    "targets-vs-results": """
SELECT DISTINCT ?area ?indicator ?measure ?targetYear ?target ?resultYear ?result ?unit WHERE {
  ?t a qb:Observation ; sdmx-dimension:refArea ?a ; pg:indicator ?i ; pg:measure ?measure ; pg:unit ?unit ;
     sdmx-dimension:refPeriod ?targetYear ; sdmx-measure:obsValue ?target ; pg:status pg:target .
  ?a skos:prefLabel ?area . ?i skos:prefLabel ?indicator .
  OPTIONAL {
    ?r a qb:Observation ; sdmx-dimension:refArea ?a ; pg:indicator ?i ; pg:measure ?measure ; pg:unit ?unit ;
       sdmx-dimension:refPeriod ?resultYear ; sdmx-measure:obsValue ?result ; pg:status pg:actual .
    FILTER(xsd:integer(STR(?resultYear)) = xsd:integer(STR(?targetYear)) - 1)
  }
}""",
}


@pytest.fixture(scope="module")
def bundled(tmp_path_factory) -> Path:
    return build(None, tmp_path_factory.mktemp("bundled") / "b", html=False).out


def rows(store_dir: Path, sparql: str, columns: list[str] | None = None) -> set[tuple]:
    result = run(open_store(store_dir), sparql)
    keep = [result.columns.index(c) for c in (columns or result.columns)]
    return {tuple(row[i] for i in keep) for row in result.rows}


@pytest.mark.parametrize("name", sorted(set(saved_queries()) - {"linked-records"}))
def test_every_saved_query_answers_on_the_bundled_corpus(bundled: Path, name: str):
    result = run(open_store(bundled), saved_queries()[name].text)
    assert result.rows, f"{name} answered no rows"
    assert all(len(row) == len(result.columns) for row in result.rows)


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_a_saved_query_answers_as_its_plain_form(bundled: Path, name: str):
    plain = run(open_store(bundled), PLAIN[name])
    assert plain.rows
    assert rows(bundled, saved_queries()[name].text, plain.columns) == rows(bundled, PLAIN[name])


def test_projects_are_one_row_each_with_every_place(bundled: Path):
    result = run(open_store(bundled), saved_queries()["projects"].text)
    projects = [row[0] for row in result.rows]
    assert len(projects) == len(set(projects))
    where = {row[0]: set((row[1] or "").split("、")) for row in result.rows}
    plain = rows(bundled, "SELECT ?p ?w WHERE { ?x a pg:Project ; skos:prefLabel ?p ; pg:locatedIn/skos:prefLabel ?w }")
    assert all(w in where[p] for p, w in plain)


def test_evidence_shows_the_latest_documents_sentences(bundled: Path):
    result = run(open_store(bundled), saved_queries()["evidence"].text)
    documents = {row[0] for row in result.rows}
    assert 0 < len(documents) <= 5
    assert all(row[4] for row in result.rows), "every relation has its sentence"


def test_a_target_is_linked_to_the_previous_years_result_across_documents(tmp_path: Path):
    (tmp_path / "a.txt").write_text("中原区2022年工作总结\n\n2022年，全区生产总值同比增长1.9%，固定资产投资增长3.1%。",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("中原区2023年计划\n\n2023年主要预期目标是：地区生产总值增长7%。\n\n"
                                    "2021年，全区生产总值同比增长5.5%。", encoding="utf-8")
    out = build([tmp_path], tmp_path / "b", html=False).out
    linked = rows(out, """SELECT ?ty ?t ?ry ?r WHERE {
      ?target pg:previousActual ?result ; sdmx-dimension:refPeriod ?ty ; sdmx-measure:obsValue ?t .
      ?result sdmx-dimension:refPeriod ?ry ; sdmx-measure:obsValue ?r }""")
    assert linked == {("2023", "7", "2022", "1.9")}  # not 2021's result, not another indicator's


def test_divisions_give_one_row_per_area_with_its_parent_and_province(small_build):
    from policygraph import query

    rows = query(small_build, saved_queries()["divisions"].text).rows
    areas = [r[0] for r in rows]
    assert len(areas) == len(set(areas)), "one row per area, not one per ancestor"
    by_area = {r[0]: r for r in rows}
    assert by_area["中原区"][4:] == ["郑州市", "410100", "河南省"]
