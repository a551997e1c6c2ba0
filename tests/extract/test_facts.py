"""Posts, events, relations and indicators on small texts."""

from __future__ import annotations

from tests.conftest import entity, extract


def posts(x):
    return {(x.entities[p.person].label, p.title, x.entities[p.org].label if p.org else None) for p in x.posts}


def relations(x, predicate):
    return {(x.entities[r.subject].label, x.entities[r.object].label) for r in x.relations if r.predicate == predicate}


def test_three_posts_in_one_chain():
    x = extract("中原区召开会议。区委常委、统战部部长、区委办主任闫凯参加慰问。")
    assert {("闫凯", "常委", "中原区委"), ("闫凯", "部长", "统战部")} <= posts(x)
    assert any(t == "主任" for p, t, _ in posts(x) if p == "闫凯")


def test_secretary_of_the_district_committee_and_bylines():
    x = extract("中原区委书记李晓雷强调。区委副书记、区长邓英文主持。区政府部署。记者 鲁燕 通讯员 张凯")
    found = posts(x)
    assert ("李晓雷", "书记", "中原区委") in found
    assert ("邓英文", "副书记", "中原区委") in found and ("邓英文", "区长", "中原区政府") in found
    assert ("鲁燕", "记者", None) in found and ("张凯", "通讯员", None) in found


def test_event_dates_two_days_organisers_and_location():
    x = extract("中原区发展。1月12日、13日，在中原区委、区政府组织召开的2023年重点项目建设工作第一次观摩推进会上，"
                "中原区委书记李晓雷强调。1月13日上午，中原区政府与河南国创文化发展有限公司在二砂文化创意园联合举行项目集中签约仪式。")
    meeting = entity(x, "2023年重点项目建设工作第一次观摩推进会")
    dates = {lit.value for lit in x.literals if lit.subject == meeting.key}
    assert dates == {"2023-01-12", "2023-01-13"}
    assert {("2023年重点项目建设工作第一次观摩推进会", "中原区委"),
            ("2023年重点项目建设工作第一次观摩推进会", "中原区政府")} <= relations(x, "organizer")
    assert ("项目集中签约仪式", "二砂文化创意园") in relations(x, "location")
    assert ("项目集中签约仪式", "河南国创文化发展有限公司") in relations(x, "participant")


def test_document_context_relations():
    x = extract("中原区以科技服务业为主攻方向，常态化开展“万人助万企”，打造中原小微企业园。")
    assert ("中原区", "科技服务业") in relations(x, "focusIndustry")
    assert ("中原区", "万人助万企") in relations(x, "implements")
    assert ("中原小微企业园", "中原区") in relations(x, "locatedIn")


def test_place_in_subdistrict_and_departments_in_government():
    x = extract("中原区领导来到建设路街道计划路9号院。区委、区政府部署，区发改委、区科技局参加，统战部参加。")
    assert ("计划路9号院", "建设路街道") in relations(x, "locatedIn")
    assert ("区发改委", "中原区政府") in relations(x, "memberOf")
    assert ("统战部", "中原区委") in relations(x, "memberOf")


def test_representative_enterprises_are_members_of_the_industry():
    x = extract("郑州经开区以中铁、郑煤机、卫华为代表的装备制造产业集群加快发展。")
    cluster = entity(x, "装备制造产业集群").label
    assert {("中铁", cluster), ("郑煤机", cluster), ("卫华", cluster)} <= relations(x, "memberOf")


def test_targets_results_and_declines():
    x = extract("中原区发展。2023年主要预期目标是：地区生产总值增长7%；固定资产投资增长15%。"
                "2022年，全区生产总值完成765.3亿元，同比增长1.9%；财政一般公共预算收入完成50.2亿元，同比下降2.6%。")
    obs = {(o.indicator, o.year, o.value, o.unit, o.status) for o in x.observations}
    assert ("地区生产总值", 2023, 7.0, "%", "target") in obs
    assert ("固定资产投资", 2023, 15.0, "%", "target") in obs
    assert ("生产总值", 2022, 765.3, "亿元", "actual") in obs
    assert ("生产总值", 2022, 1.9, "%", "actual") in obs
    assert ("一般公共预算收入", 2022, -2.6, "%", "actual") in obs


def test_participants_in_the_sentences_that_report_the_meeting():
    x = extract("中原区发展。1月29日，中原区政府召开第一次全体(扩大)会议，动员全区。区委副书记、区长邓英文主持讲话。"
                "会上，林山寨办事处、航西办事处，区发改委、区科技局等4个单位进行了发言。")
    meeting = entity(x, "第一次全体(扩大)会议").label
    assert {(meeting, "邓英文"), (meeting, "林山寨办事处"), (meeting, "区发改委")} <= relations(x, "participant")
    assert (meeting, "中原区政府") in relations(x, "organizer")
