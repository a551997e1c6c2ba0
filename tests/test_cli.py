"""The real commands, run through typer's CliRunner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from policygraph.cli import app
from tests.conftest import DATA

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def test_build_writes_graph_store_and_page(tmp_path: Path):
    result = invoke("build", DATA / "corpus", "--out", tmp_path / "b")
    assert result.exit_code == 0, result.output
    for name in ("graph.trig", "store", "graph.html"):
        assert (tmp_path / "b" / name).exists()
    assert "Person" in result.output and "2 documents" in result.output


def test_build_of_a_missing_path_is_a_clear_error(tmp_path: Path):
    result = invoke("build", tmp_path / "nope", "--out", tmp_path / "b")
    assert result.exit_code == 1
    assert "no such file or folder" in result.output and "Traceback" not in result.output


def test_a_base_that_is_no_iri_is_refused_before_any_work(tmp_path: Path):
    result = invoke("build", DATA / "corpus", "--out", tmp_path / "b", "--base", "not an iri")
    assert result.exit_code == 1
    assert "not an absolute IRI" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "b").exists()


def test_build_reports_skipped_files_and_keeps_going(tmp_path: Path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "good.txt").write_text((DATA / "corpus" / "zhongyuan.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    result = invoke("build", corpus, "--out", tmp_path / "b")
    assert result.exit_code == 0, result.output
    assert "empty.txt" in result.output and "is empty" in result.output


def test_queries_lists_at_least_eight(small_build: Path):
    result = invoke("queries")
    assert result.exit_code == 0
    assert sum(1 for line in result.output.splitlines() if line.startswith("│ ")) >= 8


def test_query_saved_inline_and_file_in_every_format(small_build: Path, tmp_path: Path):
    officials = invoke("query", "--name", "officials", "--store", small_build, "--format", "json")
    assert officials.exit_code == 0, officials.output
    rows = json.loads(officials.output)
    assert {"person": "李晓雷", "post": "中原区委书记", "body": "中原区委"} in rows
    inline = invoke("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s a pg:Person }", "--store", small_build, "--format", "csv")
    assert inline.output.splitlines()[0] == "n" and int(inline.output.splitlines()[1]) >= 4
    q = tmp_path / "q.rq"
    q.write_text("SELECT DISTINCT ?l WHERE { ?p a pg:Park ; skos:prefLabel ?l } ORDER BY ?l", encoding="utf-8")
    tsv = invoke("query", "--file", q, "--store", small_build, "--format", "tsv")
    assert tsv.output.splitlines() == ["l", "中原小微企业园", "二砂文化创意园"]
    table = invoke("query", "--name", "events", "--store", small_build)
    assert "rows" in table.output


def test_query_errors_are_messages_not_tracebacks(small_build: Path, tmp_path: Path):
    bad = invoke("query", "SELECT WHERE {", "--store", small_build)
    assert bad.exit_code == 1 and "does not parse" in bad.output
    missing = invoke("query", "--name", "nope", "--store", small_build)
    assert missing.exit_code == 1 and "no saved query 'nope'" in missing.output
    no_store = invoke("query", "--name", "officials", "--store", tmp_path / "none")
    assert no_store.exit_code == 1 and "no store here" in no_store.output


def test_stats_table_and_json(small_build: Path):
    result = invoke("stats", "--store", small_build, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["nodes"] > 10 and data["types"]["Person"] >= 4
    assert data["top_degree"][0][0] == "中原区"


def test_validate_passes_on_a_build(small_build: Path):
    result = invoke("validate", "--store", small_build)
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


def test_viz_focus_and_types(small_build: Path, tmp_path: Path):
    page = tmp_path / "p.html"
    result = invoke("viz", "--store", small_build, "--out", page, "--focus", "中原区", "--types", "AdministrativeDivision,Park")
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    data = json.loads(html.split("const DATA = ", 1)[1].split(";\n", 1)[0]) if "const DATA = " in html else None
    drawn = {n["ptype"] for n in data["nodes"]} if data else set()
    assert "二砂文化创意园" in html
    assert drawn == {"AdministrativeDivision", "Park"}, drawn  # the other types are left out, not just present
    unknown = invoke("viz", "--store", small_build, "--out", page, "--focus", "不存在的实体")
    assert unknown.exit_code == 1 and "no entity is labelled" in unknown.output


def test_export_graphml_and_gexf(small_build: Path, tmp_path: Path):
    for fmt in ("graphml", "gexf"):
        target = tmp_path / f"g.{fmt}"
        result = invoke("export", "--format", fmt, "--store", small_build, "--out", target)
        assert result.exit_code == 0, result.output
        assert target.stat().st_size > 1000
    bad = invoke("export", "--format", "dot", "--store", small_build)
    assert bad.exit_code == 2 and "dot" in bad.output


def test_stats_table_lists_communities(small_build: Path):
    result = invoke("stats", "--store", small_build)
    assert result.exit_code == 0, result.output
    assert "community" in result.output and "中原区" in result.output


def test_link_reports_matches_and_errors_clearly(tmp_path: Path):
    from policygraph.config import examples_dir

    out = tmp_path / "b"
    assert invoke("build", DATA / "corpus", "--out", out, "--no-html").exit_code == 0
    table = tmp_path / "firms.csv"
    table.write_text("名称,注册资本\n河南国创文化发展有限公司,1000万元\n无此公司有限公司,5万元\n", encoding="utf-8")
    result = invoke("link", table, "--type", "Enterprise", "--store", out)
    assert result.exit_code == 0, result.output
    assert "1 matched, 0 ambiguous, 1 unmatched of 2 rows" in result.output
    assert (out / "links" / "firms-report.csv").exists()
    bad = invoke("link", table, "--type", "Enterprise", "--key", "代码", "--store", out)
    assert bad.exit_code == 1 and "no column '代码'" in bad.output
    assert examples_dir().joinpath("enterprises.csv").exists()
    again = invoke("link", table, "--type", "Enterprise", "--store", out)
    assert again.exit_code == 0 and "replaced the earlier link" not in again.output
    other = invoke("link", table, "--type", "Organization", "--store", out)
    assert other.exit_code == 0 and "replaced the earlier link of firms.csv as Enterprise" in other.output


def test_serve_without_a_store_is_a_clear_error(tmp_path: Path):
    result = invoke("serve", "--store", tmp_path / "none")
    assert result.exit_code == 1 and "no store here" in result.output


def test_targets_vs_results_on_the_bundled_corpus(tmp_path: Path):
    out = tmp_path / "bundled"
    assert invoke("build", "--out", out, "--no-html").exit_code == 0
    result = invoke("query", "--name", "targets-vs-results", "--store", out, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    gdp = next(r for r in rows if r["area"] == "中原区" and r["indicator"] == "地区生产总值" and r["measure"] == "growth")
    assert (gdp["targetYear"], gdp["target"], gdp["resultYear"], gdp["result"]) == ("2023", "7", "2022", "1.9")
    fiscal = next(r for r in rows if r["area"] == "中原区" and r["indicator"] == "一般公共预算收入" and r["measure"] == "growth")
    assert (fiscal["target"], fiscal["result"]) == ("3", "-2.6")


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0 and result.output.startswith("policygraph ")


def test_build_out_naming_a_file_is_refused_before_any_work(tmp_path: Path):
    (tmp_path / "out").write_text("not a folder")
    result = invoke("build", DATA / "corpus", "--out", tmp_path / "out")
    assert result.exit_code == 1 and "is a file, not a folder" in result.output and "Traceback" not in result.output
    assert (tmp_path / "out").read_text() == "not a folder"


def test_nothing_to_build_names_every_readable_kind(tmp_path: Path):
    (tmp_path / "docs").mkdir()
    result = invoke("build", tmp_path / "docs", "--out", tmp_path / "b")
    assert result.exit_code == 1 and ".docx" in result.output and ".pdf" in result.output


def test_query_refuses_updates_service_and_names_undeclared_prefixes(small_build: Path, tmp_path: Path):
    import socket

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(1.0)
        service = f"SELECT * {{ SERVICE <http://127.0.0.1:{listener.getsockname()[1]}/> {{ ?s ?p ?o }} }}"
        result = invoke("query", service, "--store", small_build)
        assert result.exit_code == 1 and "not allowed" in result.output and "--allow-service" in result.output
        try:
            listener.accept()
            raise AssertionError("the query sent a request")
        except TimeoutError:
            pass
    for query, words in (("INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }", "updates are not supported"),
                         ("SELECT * { ?s ex:p ?o }", "prefix ex: is not declared")):
        result = invoke("query", query, "--store", small_build)
        assert result.exit_code == 1 and words in result.output and "Traceback" not in result.output
        assert len(result.output.strip().splitlines()) <= 3  # one message, folded by the terminal width at most
    (tmp_path / "q.rq").write_bytes("SELECT * { ?s rdfs:label \"中原\" }".encode("gb18030"))
    result = invoke("query", "--file", tmp_path / "q.rq", "--store", small_build)
    assert result.exit_code == 1 and "not UTF-8" in result.output
