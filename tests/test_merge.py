from __future__ import annotations

from pathlib import Path

from policygraph.extract import extract_document
from policygraph.ingest import document_from_text
from policygraph.iris import entity_iri
from policygraph.merge import merge_corpus, merge_key
from policygraph.model import Entity
from tests.conftest import entity, extract

BASE = "https://w3id.org/policygraph/"


def test_abbreviated_park_is_one_entity():
    x = extract("二砂文化创意产业园建设加快。在二砂文创园举行活动。")
    park = entity(x, "二砂文化创意产业园")
    assert park.label == "二砂文化创意产业园" and "二砂文创园" in park.aliases


def test_bracketed_short_form_is_an_alias():
    x = extract("打造以郑州中央文化区(CCD)为引领的示范区。")
    assert "CCD" in entity(x, "郑州中央文化区").aliases


def test_bare_bodies_are_qualified_by_the_area():
    x = extract("中原区召开会议。中原区经济发展。区委、区政府联合部署。")
    assert entity(x, "区委").label == "中原区委"
    assert entity(x, "区政府").label == "中原区政府"


def test_iris_are_stable_and_divisions_use_their_code():
    park = Entity("e0", {"Park"}, "二砂文化创意产业园")
    assert entity_iri(BASE, park) == entity_iri(BASE, Entity("e9", {"Park"}, "二砂文化创意产业园"))
    x = extract("郑州市中原区召开会议。")
    merge_corpus([x], BASE)
    assert entity(x, "中原区").iri == BASE + "id/division/410102"


def test_entities_merge_across_documents_but_bare_forms_do_not():
    a = extract_document(document_from_text("中原区二砂文创园举办活动。市委部署。", Path("a.txt")))
    b = extract_document(document_from_text("二砂文创园开园。市委召开会议。郑州市发展。", Path("b.txt")))
    corpus = merge_corpus([a, b], BASE)
    assert entity(a, "二砂文创园").iri == entity(b, "二砂文创园").iri
    assert entity(a, "市委").iri != entity(b, "市委").iri
    assert len({e.iri for e in corpus.values()}) == len(corpus)


def test_spelling_variants_meet_across_documents():
    a = extract_document(document_from_text(
        "中原区发展。中原区第十七届人民代表大会召开会议，郑州国棉三厂特色历史文化街区开街，发展科技服务业。", Path("a.txt")))
    b = extract_document(document_from_text(
        "中原区发展。中原区十七届人大闭幕，国棉三厂特色历史文化街区迎客，壮大科技服务产业。", Path("b.txt")))
    merge_corpus([a, b], BASE)
    assert entity(a, "中原区第十七届人民代表大会").iri == entity(b, "中原区十七届人大").iri
    assert entity(a, "郑州国棉三厂特色历史文化街区").iri == entity(b, "国棉三厂特色历史文化街区").iri


def test_a_city_name_is_not_stripped_where_it_runs_into_the_name():
    assert merge_key("郑州市民活动中心", "Place") == "郑州市民活动中心"
    assert merge_key("郑州人民医院", "Place") == "郑州人民医院"  # too little left to be a name of its own
    assert merge_key("中原区人民医院", "Place") == "中原区人民医院"  # county names always stay


def test_the_committee_a_representative_speaks_for_is_not_a_person():
    x = extract("中原区发展。李晓雷代表区委、区政府向大家致以祝福。")
    assert all("Person" not in e.types for e in x.entities.values() if e.label.endswith("区委"))


def test_one_park_under_two_kinds_of_park_and_one_programme_with_or_without_its_qualifier(tmp_path):
    from policygraph.config import iri_base
    from policygraph.merge import merge_corpus
    from tests.conftest import extract

    a = extract("中原区发展。打造芝麻街1958创意园、中原小微企业园。实施六大重点产业培育工程。", "a.txt")
    b = extract("中原区发展。提升芝麻街1958双创园、中原小微企园区。要实施六大产业培育工程。", "b.txt")
    corpus = merge_corpus([a, b], iri_base())
    parks = [e for e in corpus.values() if "Park" in e.types]
    assert sorted(len(e.labels) for e in parks) == [2, 2]
    assert any({"六大重点产业培育工程", "六大产业培育工程"} <= e.labels for e in corpus.values())


def test_a_shorter_name_of_an_event_in_the_same_report_is_that_event():
    from tests.conftest import entity, extract

    x = extract("中原区发展。1月13日举办2023年第一批项目集中签约仪式。双方在二砂文化创意园联合举行项目集中签约仪式。")
    assert "项目集中签约仪式" in entity(x, "2023年第一批项目集中签约仪式").labels


def test_a_bare_body_belongs_to_its_documents_area():
    def x(text: str, name: str):
        return extract_document(document_from_text(text, Path(name)))

    docs = [x("苏州工业园区召开大会。市委常委、园区党工委书记沈一出席。", "a.txt"),
            x("合肥高新区召开大会。省委常委、市委书记虞二出席。", "b.txt"),
            x("合肥高新区举行签约仪式。市委书记虞二见证签约。", "c.txt")]
    corpus = merge_corpus(docs, BASE)
    city_committees = [e for e in corpus.values() if e.label == "市委"]
    assert len(city_committees) == 2  # 苏州's and 合肥's; the two reports on 合肥高新区 mean one
