"""Joining external tables: the match stages, the report, and the columns answering SPARQL."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from policygraph import build, open_store
from policygraph.config import corpus_dir, examples_dir
from policygraph.link import Candidate, LinkError, core, link_table, match
from policygraph.query import run, saved_query

POOL = [Candidate("e:yutong", "宇通", {"宇通"}), Candidate("e:guochuang", "河南国创文化发展有限公司", {"河南国创文化发展有限公司"}),
        Candidate("e:weihua", "卫华", {"卫华", "卫华集团"}), Candidate("e:zy", "中原区", {"中原区"}, {"410102"}),
        Candidate("e:a1", "中原科技城产业发展有限公司", {"中原科技城产业发展有限公司"}),
        Candidate("e:a2", "中原科技城投资发展有限公司", {"中原科技城投资发展有限公司"})]


@pytest.mark.parametrize("key, method, iri", [
    ("河南国创文化发展有限公司", "exact", "e:guochuang"),
    ("河南国创文化发展有限公司 ", "exact", "e:guochuang"),   # spacing and width folded
    ("卫华集团有限公司", "core", "e:weihua"),                 # legal form removed
    ("河南省郑州市宇通客车股份有限公司", "prefix", "e:yutong"),  # region and form removed, short name begins it
    ("河南国创文化发展股份公司", "core", "e:guochuang"),
])
def test_name_stages(key: str, method: str, iri: str):
    m = match(key, POOL, "name")
    assert (m.status, m.method, [c.iri for c in m.entities]) == ("matched", method, [iri])


def test_fuzzy_accepts_a_variant_of_a_long_name_only():
    # one character differs in a 10-character core: similarity 0.9
    m = match("中原科技城产业发屐有限公司", POOL[:4] + POOL[4:5], "name")
    assert (m.status, m.method, m.entities[0].iri) == ("matched", "fuzzy", "e:a1")
    assert 0.85 <= m.score < 1
    assert match("宇华", POOL, "name").status == "unmatched"  # a short name one character off is another firm


def test_two_close_candidates_are_ambiguous():
    m = match("中原科技城发展有限公司", POOL, "name")
    assert m.status == "ambiguous" and {c.iri for c in m.entities} == {"e:a1", "e:a2"}


def test_code_matching_is_exact():
    assert match("410102", POOL, "code").entities[0].iri == "e:zy"
    assert match("410103", POOL, "code").status == "unmatched"


def test_core_removes_regions_and_legal_forms_but_keeps_short_names():
    assert core("郑州安图生物工程股份有限公司") == "安图生物工程"
    assert core("中原区") == "中原区" and core("集团") == "集团"


@pytest.fixture()
def bundled(tmp_path: Path) -> Path:
    out = tmp_path / "build"
    build([corpus_dir()], out, html=False)
    return out


def test_example_table_links_and_answers_sparql(bundled: Path, tmp_path: Path):
    table = examples_dir() / "enterprises.csv"
    report = link_table(bundled, table, "Enterprise")
    assert (report.count("matched"), report.count("unmatched")) == (7, 2)
    with report.report.open(encoding="utf-8-sig") as f:  # type: ignore[union-attr]
        rows = list(csv.DictReader(f))
    assert {r["status"] for r in rows} == {"matched", "unmatched"}
    answer = run(open_store(bundled), """
        SELECT ?industry ?method WHERE { ?e skos:prefLabel "宇通"@zh . ?r pg:describes ?e ; pg:matchMethod ?method ;
          ?p ?industry . ?p rdfs:label "行业大类" }""").rows
    assert answer == [["汽车制造业", "prefix"]]
    # linking again replaces the rows instead of adding a second copy
    link_table(bundled, table, "Enterprise")
    count = run(open_store(bundled), "SELECT (COUNT(*) AS ?n) WHERE { ?r a pg:TableRow }").rows
    assert count == [["7"]]
    saved = run(open_store(bundled), saved_query("linked-records").text).rows
    assert any(row[0] == "卫华" and row[4] == "通用设备制造业" for row in saved)


def test_bad_tables_are_clear_errors(bundled: Path, tmp_path: Path):
    with pytest.raises(LinkError, match="no such file"):
        link_table(bundled, tmp_path / "missing.csv", "Enterprise")
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(LinkError, match="no header or no rows"):
        link_table(bundled, empty, "Enterprise")
    table = tmp_path / "t.csv"
    shutil.copy(examples_dir() / "enterprises.csv", table)
    with pytest.raises(LinkError, match="unknown type"):
        link_table(bundled, table, "Company")
    with pytest.raises(LinkError, match="no column '注册资本'"):
        link_table(bundled, table, "Enterprise", columns=["注册资本"])


def test_a_rebuild_links_the_tables_again(bundled: Path):
    link_table(bundled, examples_dir() / "enterprises.csv", "Enterprise")
    report = build([corpus_dir()], bundled, html=False, update=True)
    assert report.relinked == ["relinked enterprises.csv: 7 matched, 0 ambiguous, 2 unmatched"]
    count = run(open_store(bundled), "SELECT (COUNT(*) AS ?n) WHERE { ?r a pg:TableRow }").rows
    assert count == [["7"]]
