"""Documents as they come: front matter, a manifest, a saved government page; dates, headlines, subject areas."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policygraph import build, query
from policygraph.ingest import load_document
from policygraph.ingest.metadata import headline, text_date, url_date
from tests.conftest import doc

BODY = ("1月12日,在中原区委、区政府组织召开的2023年重点项目建设工作第一次观摩推进会上,中原区委书记李晓雷强调,"
        "全区上下要勇挑大梁,奋勇争先。")

GOV_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>西湖区召开重点项目推进会_杭州市西湖区人民政府</title>
<meta name="ArticleTitle" content="西湖区召开2023年重点项目推进会">
<meta name="PubDate" content="2023-03-08 09:30">
<meta name="ContentSource" content="西湖区发改局">
<link rel="canonical" href="https://www.hzxh.gov.cn/art/2023/3/8/art_1229_1.html">
</head><body><div class="nav"><a href="/">首页</a> &gt; <a href="/xw">要闻动态</a></div>
<div class="article"><h1>西湖区召开2023年重点项目推进会</h1>
<p>昨天,西湖区召开2023年重点项目推进会。西湖区委书记张三出席会议并讲话,会议部署全年重点项目建设工作。</p>
<p>会议指出,今年西湖区安排重点项目86个,总投资1200亿元,年度计划投资300亿元。</p></div>
<div class="footer">版权所有 杭州市西湖区人民政府 浙ICP备00000000号</div></body></html>"""


def documents(build_dir: Path) -> dict[str, dict[str, str | None]]:
    from policygraph import saved_queries

    rows = query(build_dir, saved_queries()["documents"].text)
    return {r[0]: dict(zip(rows.columns[1:], r[1:], strict=True)) for r in rows.rows}


def test_a_saved_page_a_front_matter_file_and_a_manifest_give_title_date_source_and_area(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_text(GOV_PAGE, encoding="utf-8")
    (folder / "fm.txt").write_text("---\ntitle: 中原区观摩推进会\ndate: 2023-01-13\nsource: http://zy.gov.cn/a/1.html\n"
                                   "area: 中原区\n栏目: 要闻\n---\n" + BODY, encoding="utf-8")
    (folder / "plain.txt").write_text("金水区召开会议\n\n" + BODY.replace("中原区", "金水区"), encoding="utf-8")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("path,title,date,source,area\nin/plain.txt,金水区重点项目会议,2023-02-01,"
                        "http://js.gov.cn/b/2.html,金水区\nin/missing.txt,没有的文件,2023-02-02,,\n", encoding="utf-8")
    report = build([folder], tmp_path / "b", html=False, manifest=manifest)
    docs = documents(tmp_path / "b")
    assert docs["page"]["title"] == "西湖区召开2023年重点项目推进会"
    assert docs["page"]["date"] == "2023-03-08" and docs["page"]["area"] == "西湖区"
    assert docs["page"]["source"] == "https://www.hzxh.gov.cn/art/2023/3/8/art_1229_1.html"
    assert docs["fm"] == {"title": "中原区观摩推进会", "date": "2023-01-13", "year": "2023", "area": "中原区",
                          "source": "http://zy.gov.cn/a/1.html", "entities": docs["fm"]["entities"]}
    assert docs["plain"]["title"] == "金水区重点项目会议" and docs["plain"]["date"] == "2023-02-01"
    assert docs["plain"]["source"] == "http://js.gov.cn/b/2.html" and docs["plain"]["area"] == "金水区"
    warned = {(p.name, w) for p, w in report.warnings}
    assert ("missing.txt", "is in the manifest but does not exist") in warned
    assert ("page.html", "has no row in the manifest") in warned


def test_front_matter_is_not_extracted_and_evidence_points_into_the_file(tmp_path: Path):
    text = "---\nsource: http://x.cn/2023/0113/1.html\ntitle: 标题李四\n---\n" + BODY
    (tmp_path / "d.txt").write_text(text, encoding="utf-8")
    d = load_document(tmp_path / "d.txt")
    assert "source" not in d.text and "李四" not in d.text and d.text.startswith("1月12日")
    start = d.text.index("李晓雷")
    s, e = d.source_span(start, start + 3)
    assert d.original[s:e] == "李晓雷"


def test_bad_metadata_is_one_warning_and_the_document_is_built(tmp_path: Path):
    (tmp_path / "a.txt").write_text("---\ndate: someday\nsource: not a url\n---\n" + BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text("---\ntitle: [unclosed\n---\n" + BODY, encoding="utf-8")
    report = build([tmp_path], tmp_path / "out", html=False)
    assert sorted(report.documents) == ["a", "b"]
    warned = [(p.name, w) for p, w in report.warnings]
    assert any(n == "a.txt" and "date 'someday' is not a date" in w for n, w in warned)
    assert any(n == "a.txt" and "not a web address" in w for n, w in warned)
    assert any(n == "b.txt" and "not valid YAML" in w for n, w in warned)


def test_a_manifest_that_cannot_be_read_stops_the_build_with_its_reason(tmp_path: Path):
    from policygraph.pipeline import BuildError

    (tmp_path / "d.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "m.jsonl").write_text(json.dumps({"title": "no path"}) + "\n", encoding="utf-8")
    with pytest.raises(BuildError, match="needs a 'path'"):
        build([tmp_path / "d.txt"], tmp_path / "b", html=False, manifest=tmp_path / "m.jsonl")


@pytest.mark.parametrize("text, near, want", [
    ("标题\n时间:2022-02-09 00:00:00\n正文。", None, "2022-02-09"),
    ("标题\n2021-05-1709:30:00 来源:某网\n正文。", None, "2021-05-17"),
    ("标题\n2024年04月11日10:45 | 来源:人民网\n正文。", None, "2024-04-11"),
    ("江南网1月22日讯 今日上午,会议开幕。", "2022-01-23", "2022-01-22"),
    ("本报讯 12月31日,会议召开。", "2023-01-02", "2022-12-31"),
    ("正文没有日期。", None, None),
])
def test_the_date_line(text: str, near: str | None, want: str | None):
    assert text_date(text, None, near=near) == want


def test_dates_in_addresses():
    assert url_date("https://szb.x.com/epaper/html/2022-03/08/content_1.htm") == "2022-03-08"
    assert url_date("http://www.hnnews.cc/szyw/202511/t20251105_8891707.html") == "2025-11-05"
    assert url_date("https://m.szdushi.com.cn/news/1672891090176149.shtml") is None


@pytest.mark.parametrize("text, want", [
    ("桃江县18个重大项目集中开工 总投资达120.5亿元\n时间:2022-02-09\n正文。", "桃江县18个重大项目集中开工 总投资达120.5亿元"),
    ("江南报讯(驻园区记者 李四)昨天,项目开工仪式举行。", None),
    ("江南网1月22日讯(本网记者 王五)今日上午,会议开幕。", None),
    ("1月11日,区人大会议开幕,区长作政府工作报告。\n正文。", None),
    ("来源:某某网\n正文。", None),
    ("仪式现场。姚佳烁 摄", None),
])
def test_the_headline_is_never_an_invented_sentence(text: str, want: str | None):
    assert headline(text) == want


def test_today_and_yesterday_are_dated_only_against_a_date_line():
    from tests.conftest import extract

    dated = extract("开创新格局\n2018-06-25 15:05:53 来源:海峡风\n昨天,福清市2018年重大项目集中签约仪式举行。")
    assert {lit.value for lit in dated.literals if lit.predicate == "date"} == {"2018-06-24"}
    undated = extract("江南报讯(记者 李四)昨天,昆山经开区2023年一季度重大项目集中开工仪式举行。")
    assert not [lit for lit in undated.literals if lit.predicate == "date"]


@pytest.mark.parametrize("text, area", [
    ("桃江县党政代表团来安考察\n5月6日,桃江县委书记李明率代表团来安化县考察,桃江县县长王强参加。", "安化县"),
    ("江南报讯(记者 李四)昨天,昆山经济技术开发区2023年一季度重大项目集中开工仪式举行。开发区开工项目40个。昆山经济技术开发区将加快建设。", "昆山经济技术开发区"),
    ("6个项目总投资12亿元 资阳6月份重大项目集中开工\n6月28日,益阳市6月份重大项目集中开工活动举行。区委副书记、区长在资阳区分会场报告。", "资阳区"),
])
def test_the_subject_area_is_what_the_headline_and_lead_are_about(text: str, area: str):
    from tests.conftest import extract

    x = extract(text)
    assert x.subject_area is not None and x.entities[x.subject_area].label == area


def test_a_stated_area_wins_when_the_text_names_it():
    from tests.conftest import extract

    d = doc("---\narea: 金水区\n---\n郑州市中原区、金水区召开会议。中原区委书记出席。中原区区长讲话。")
    from policygraph.extract import extract_document

    x = extract_document(d)
    assert x.entities[x.subject_area].label == "金水区"
    assert extract("郑州市中原区、金水区召开会议。中原区委书记出席。中原区区长讲话。").subject_area is not None
