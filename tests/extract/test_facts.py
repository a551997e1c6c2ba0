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
    assert ("地区生产总值", 2022, 765.3, "亿元", "actual") in obs  # 全区生产总值 is the national indicator's name
    assert ("地区生产总值", 2022, 1.9, "%", "actual") in obs
    assert ("一般公共预算收入", 2022, -2.6, "%", "actual") in obs


def test_participants_in_the_sentences_that_report_the_meeting():
    x = extract("中原区发展。1月29日，中原区政府召开第一次全体(扩大)会议，动员全区。区委副书记、区长邓英文主持讲话。"
                "会上，林山寨办事处、航西办事处，区发改委、区科技局等4个单位进行了发言。")
    meeting = entity(x, "第一次全体(扩大)会议").label
    assert {(meeting, "邓英文"), (meeting, "林山寨办事处"), (meeting, "区发改委")} <= relations(x, "participant")
    assert (meeting, "中原区政府") in relations(x, "organizer")


def observations(text: str):
    return {(o.indicator, o.year, o.value, o.unit, o.status) for o in extract(text).observations}


def test_a_year_opening_dates_the_results_that_follow():
    obs = observations("中原区工作报告\n\n2022年是极不平凡的一年。\n\n全区37个省市重点项目完成投资410亿元，新增市场主体近2万家。\n\n"
                       "2023年重点项目推进会\n\n现场签约项目32个，总投资180亿元。")
    assert ("省市重点项目数", 2022, 37.0, "个", "actual") in obs
    assert ("省市重点项目完成投资", 2022, 410.0, "亿元", "actual") in obs
    assert ("新增市场主体", 2022, 2.0, "万家", "actual") in obs  # 近 is not part of the name
    assert ("现场签约项目数", 2023, 32.0, "个", "actual") in obs  # a headline resets the year


def test_a_target_word_governs_its_clause_and_the_rest_of_its_list_item_only():
    obs = observations("中原区发展。2023年，“签约一批”项目3个，总投资14亿元，预计开工率100%；“开工一批”项目7个，总投资29.2亿元。")
    assert ("签约一批项目数", 2023, 3.0, "个", "actual") in obs
    assert ("总投资", 2023, 14.0, "亿元", "actual") in obs
    assert ("开工率", 2023, 100.0, "%", "target") in obs
    assert ("开工一批项目数", 2023, 7.0, "个", "actual") in obs  # the semicolon ends the 预计


def test_a_portfolio_is_planned_but_a_batch_is_reported():
    obs = observations("郑州经济技术开发区发展。2023年，全区共实施项目393个，总投资2940.1亿元，年度计划投资502.8亿元，续建项目142个。"
                       "郑州经济技术开发区谋划第七期“三个一批”项目15个，总投资62.4亿元。")
    assert ("总投资", 2023, 2940.1, "亿元", "plan") in obs
    assert ("续建项目数", 2023, 142.0, "个", "plan") in obs
    assert ("总投资", 2023, 62.4, "亿元", "actual") in obs


def test_names_with_yishang_and_a_trailing_target_sentence():
    obs = observations("郑州经济技术开发区发展。2023年，经开区确定了地区生产总值**增长8%**，规模以上工业增加值**增长10%**的发展目标。")
    assert {(n, v, s) for n, _, v, _, s in obs} >= {("地区生产总值", 8.0, "target"),
                                                    ("规模以上工业增加值", 10.0, "target")}


def test_a_projects_own_figures_and_promises_are_not_the_areas():
    obs = observations("中原区发展。2022年，中原区与河南国创文化发展有限公司签约，国创文旅小镇项目累计完成投资31.76亿元，"
                       "达产后预计实现营收420亿元。全区101个灾后重建项目完成投资7.78亿元。")
    values = {v for _, _, v, _, _ in obs}
    assert 31.76 not in values and 420.0 not in values
    assert any(n == "灾后重建项目完成投资" and v == 7.78 for n, _, v, _, _ in obs)


def test_a_figure_restated_in_the_same_document_is_one_observation():
    x = extract("中原区发展。2023年现场签约项目32个。此次现场签约项目计32个，总投资180亿元。")
    assert sum(1 for o in x.observations if o.value == 32.0) == 1


def test_a_role_word_in_a_byline_holds_for_names_marked_wen():
    x = extract("中原区召开会议。正观新闻·郑州晚报记者 董占卿 通讯员 王耀祖 王文成/文 徐宗福/图")
    titles = {(person, title) for person, title, _ in posts(x)}
    assert ("王文成", "通讯员") in titles and ("王文成", "记者") not in titles
    assert ("徐宗福", "摄影") in titles


def test_a_fuller_post_replaces_the_bare_one():
    x = extract("中原区召开会议。正观新闻·郑州晚报记者 孙志刚")
    assert {(p, t) for p, t, _ in posts(x) if p == "孙志刚"} == {("孙志刚", "记者")}
    assert len([p for p in x.posts if x.entities[p.person].label == "孙志刚"]) == 1


def test_other_attendees_are_not_a_person():
    x = extract("中原区召开会议。请各位政协委员和其他列席人员提出意见。")
    assert not [e for e in x.entities.values() if "Person" in e.types]


def test_an_event_the_district_holds_is_organised_by_it():
    x = extract("中原区发展。中原区成功举办“郑创汇”国际创新创业大赛。2月1日，全区春节团拜会召开。")
    organised = relations(x, "organizer")
    assert ("郑创汇国际创新创业大赛", "中原区") in organised
    assert ("全区春节团拜会", "中原区") in organised


def test_a_count_before_its_verb_is_named_by_the_verb():
    obs = observations("郑州经济技术开发区发展。2022年，上汽发动机二期等148个项目开工建设，宇通国家电动客车工程技术中心等76个项目竣工投产。")
    assert ("开工项目数", 2022, 148.0, "个", "actual") in obs
    assert ("竣工投产项目数", 2022, 76.0, "个", "actual") in obs


def test_rates_that_share_one_value_are_one_observation_each():
    obs = observations("中原区发展。2023年，中原区前五期“三个一批”项目开工率、投产率、达效率均达100%。")
    assert {("前五期三个一批项目开工率", 2023, 100.0, "%", "actual"), ("投产率", 2023, 100.0, "%", "actual"),
            ("达效率", 2023, 100.0, "%", "actual")} <= obs


def test_a_portfolio_counts_projects_by_stage_and_a_stage_is_no_project_name():
    x = extract("郑州经济技术开发区发展。2023年，全区共实施项目393个，总投资2940.1亿元，年度计划投资502.8亿元，计划新开工项目187个。")
    obs = {(o.indicator, o.year, o.value, o.unit, o.status) for o in x.observations}
    assert ("实施项目数", 2023, 393.0, "个", "plan") in obs and ("计划新开工项目数", 2023, 187.0, "个", "plan") in obs
    assert not any("Project" in e.types for e in x.entities.values())


def test_the_measures_section_of_a_work_report_is_the_years_plan():
    obs = observations("中原区政府工作报告\n\n一、2022年工作回顾\n\n全区生产总值完成765.3亿元。\n\n"
                       "二、2023年主要工作措施\n\n投资95亿元实施42个安置房项目建设。\n\n三、保障措施\n\n全区完成投资9亿元。")
    assert ("投资", 2023, 95.0, "亿元", "plan") in obs and ("安置房项目数", 2023, 42.0, "个", "plan") in obs
    assert ("地区生产总值", 2022, 765.3, "亿元", "actual") in obs
    assert ("完成投资", 2023, 9.0, "亿元", "actual") in obs  # what was done, named so


def test_a_floor_is_a_value_and_this_time_is_no_part_of_a_name():
    obs = observations("中原区发展。2025年，力争主导产业项目签约额不低于200亿元。此次现场签约项目32个。")
    assert ("主导产业项目签约额", 2025, 200.0, "亿元", "target") in obs
    assert any(name == "现场签约项目数" for name, *_ in obs)
