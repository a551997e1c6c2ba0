"""General constructions that names and facts of unseen districts come in: each rule pinned by a text of its own
(invented sentences with invented names, not copies of any development document)."""

from __future__ import annotations

from tests.conftest import entity, extract, labels


def test_every_name_of_a_list_of_officials_whatever_the_surname():
    x = extract("区委书记林建国主持会议,区领导赵海、洪文涛、覃立明、代小红参加会议。")
    assert {"林建国", "赵海", "洪文涛", "覃立明", "代小红"} <= labels(x, "Person")


def test_names_listed_before_their_leaders_word_and_before_a_verb():
    x = extract("孙卫东、钱晓燕等区领导在分会场参加活动。县委书记周立新宣布项目开工,县长郑文致辞。")
    assert {"孙卫东", "钱晓燕", "周立新", "郑文"} <= labels(x, "Person")
    assert not {n for n in labels(x, "Person") if n.endswith(("宣", "致"))}


def test_a_national_leader_before_his_title():
    assert "习近平" in labels(extract("深入学习贯彻习近平总书记重要讲话精神。"), "Person")


def test_a_clause_about_an_official_is_no_project():
    x = extract("副区长吴明介绍开工项目情况。市委书记张强宣布项目开工。调研组一行来到项目现场。力争项目年内投产。")
    assert labels(x, "Project") == set()


def test_the_clause_before_a_list_of_projects_is_cut_off():
    x = extract("仪式上,由城投集团统筹推进的滨湖中心广场、东城美术馆等重点项目集中开工。")
    assert "滨湖中心广场" in labels(x, "Project")
    assert not any(n.startswith("由") for n in labels(x, "Project"))


def test_roads_and_rivers_named_in_boundaries_and_routes():
    x = extract("片区位于长丰路、东湖涌以南,青云路以西;改建工程起于汇通路(玉湖东路-白沙公路)。")
    assert {"长丰路", "东湖涌", "青云路", "玉湖东路", "白沙公路"} <= labels(x, "Place")
    assert not labels(extract("要聚焦思路,找准出路。"), "Place")


def test_a_province_and_a_city_by_their_short_names_but_not_a_road():
    x = extract("来自浙江、安徽和苏州的企业参加签约,项目位于泰州路。")
    assert {"浙江省", "安徽省", "苏州市"} <= labels(x, "AdministrativeDivision")
    assert "泰州市" not in labels(x, "AdministrativeDivision")


def test_a_listed_national_zone_that_ends_like_a_park_is_a_zone():
    x = extract("昨天,苏州工业园区举行重大项目集中开工仪式。")
    assert "DevelopmentZone" in entity(x, "苏州工业园区").types


def test_brands_marked_as_firms_by_a_list_a_post_or_a_project():
    x = extract("区领导为星禾科技、蓝湾生物、云拓智能等首批入驻企业代表颁证。"
                "东岳新能CEO马力、南屏智能董事长何静介绍了企业发展。"
                "其中,丰谷食品年产五万吨粮油加工基地项目总投资5亿元。")
    firms = labels(x, "Enterprise")
    assert {"星禾科技", "蓝湾生物", "云拓智能", "东岳新能", "南屏智能", "丰谷食品"} <= firms
    assert not any("马力" in f or "何静" in f for f in firms)
    assert {"马力", "何静"} <= labels(x, "Person")


def _relations(x, predicate: str) -> set[tuple[str, str]]:
    return {(x.entities[r.subject].label, x.entities[r.object].label) for r in x.relations if r.predicate == predicate}


def test_divisions_sit_in_their_named_parent_and_bodies_in_their_area():
    x = extract("益阳市桃江县召开项目推进会。县委书记李明主持。益阳市委副书记王强、县人大常委会主任赵平出席。"
                "桃江县委、县政府将全力推进项目建设。")
    located = _relations(x, "locatedIn")
    assert ("桃江县", "益阳市") in located
    assert ("益阳市委", "益阳市") in located and ("桃江县委", "桃江县") in located
    assert not labels(x, "Project")


def test_a_zone_body_sits_in_its_zone_not_in_its_city():
    x = extract("益阳高新区召开大会。益阳高新区党工委书记李明讲话。益阳高新区将加快发展。")
    assert ("益阳高新区党工委", "益阳高新区") in _relations(x, "locatedIn")


def test_who_took_part_in_the_event_a_report_is_about():
    x = extract("昨日,桃江县2024年重大项目集中开工仪式举行。县委书记李明宣布项目开工。"
                "县领导王强、赵平、孙丽参加活动。会议强调,要学习贯彻党的二十大精神。")
    took_part = {p for e, p in _relations(x, "participant")}
    assert {"李明", "王强", "赵平", "孙丽"} <= took_part
    assert not {e for e, _ in _relations(x, "participant")} - {"桃江县2024年重大项目集中开工仪式"}


def _observations(x) -> set[tuple]:
    return {(x.entities[o.area].label, o.indicator, o.measure, o.year, o.value, o.unit, o.status) for o in x.observations}


def test_a_targets_heading_makes_its_whole_paragraph_targets_and_last_year_is_results():
    x = extract("---\ndate: 2024-01-20\n---\n江西省政府工作报告\n初步统计,去年全省地区生产总值30000亿元、增长6.0%。\n"
                "今年经济社会发展的主要预期目标是:全省地区生产总值增长5%左右。固定资产投资增长6%,社会消费品零售总额增长7%。")
    obs = {(i, m, y, v, s) for _, i, m, y, v, _, s in _observations(x)}
    assert ("地区生产总值", "level", 2023, 30000, "actual") in obs
    assert ("固定资产投资", "growth", 2024, 6, "target") in obs
    assert ("社会消费品零售总额", "growth", 2024, 7, "target") in obs


def test_an_estimate_of_the_year_just_ended_is_a_result():
    x = extract("2024年1月10日,九江市濂溪区召开人代会。\n过去一年,全区预计工业总产值突破1.5万亿元。")
    assert any(o.status == "actual" and o.value == 1.5 and o.unit == "万亿元" for o in x.observations)


def test_a_batch_that_started_is_reported_and_the_annual_plan_is_planned():
    x = extract("2023年3月1日,桃江县重大项目集中开工。今年一季度,桃江县开工项目有40个,总投资300亿元,年度计划投资90亿元。")
    status = {o.value: o.status for o in x.observations}
    assert status[300] == "actual" and status[90] == "plan"


def test_figures_of_another_area_that_opens_the_sentence_are_that_areas():
    x = extract("2024年7月30日,桃江县重大项目集中开工。当天,益阳市7月份重大项目集中开工活动举行,60个项目集中开工,"
                "总投资200亿元。桃江县集中开工项目8个。")
    areas = {o.value: x.entities[o.area].label for o in x.observations}
    assert areas[200] == "益阳市" and areas[8] == "桃江县"


def test_news_organisations_a_report_credits_and_the_district_a_local_site_is_named_after():
    x = extract("区人大视察重点项目\n2019-05-06 10:00 来源:桃江新闻网 编辑:刘一\n桃江新闻网讯 5月6日,区人大常委会视察项目。"
                "\n转自:湖南日报·华声在线")
    assert {"桃江新闻网", "湖南日报", "华声在线"} <= labels(x, "Organization")
    assert "桃江" in labels(x, "AdministrativeDivision")


def test_a_projects_own_investment_but_not_an_approximate_one():
    x = extract("2024年8月1日,桃江县重大项目集中开工。其中,丰谷食品加工基地项目总投资3亿元,"
                "另外还有投资8亿元的东岳装备生产项目、投资超5亿元的滨湖改造项目。")
    invested = {x.entities[f.subject].label: f.value for f in x.literals if f.predicate == "investment"}
    assert invested.get("丰谷食品加工基地项目") == 3.0 and invested.get("东岳装备生产项目") == 8.0
    assert "滨湖改造项目" not in invested


def test_a_short_name_split_across_words_is_no_division():
    x = extract("片区东至浙江西路。县委副书记、县长王镇江主持会议。")
    assert not {"江西省", "镇江市"} & labels(x, "AdministrativeDivision")


def test_batches_named_by_area_and_time_are_no_projects_and_public_works_no_industries():
    x = extract("2024年7月30日,桃江县重大项目集中开工。本月桃江县集中开工项目8个。桃江7月份新开工项目涵盖先进制造业及其配套、"
                "食品加工等产业,以及路桥工程、学校等基础设施项目。")
    assert not labels(x, "Project")
    assert "先进制造业" in labels(x, "Industry") and not any("配套" in n for n in labels(x, "Industry"))
    assert not {"基础设施", "基础设施建设"} & labels(x, "Industry")


def test_the_partys_plenum_is_an_event_and_slogans_are_no_initiatives():
    x = extract("全县上下深入学习党的二十届三中全会精神,坚持“稳中有进”,抓好“点上”“线上”“面上”工作。")
    assert "党的二十届三中全会" in labels(x, "Event")
    assert not {"稳中有进", "点上", "线上", "面上"} & labels(x, "Initiative")


def test_who_builds_a_project():
    x = extract("签约仪式上,桃江县与华岳集团签订桃花江文旅小镇项目和滨江度假项目;与长沙青禾控股有限公司签订青禾智能制造产业园项目。"
                "活动现场,由江投控股集团统筹推进的桃江中心广场、桃江美术馆等重点项目集中开工。")
    built = _relations(x, "developer")
    assert ("桃花江文旅小镇项目", "华岳集团") in built and ("滨江度假项目", "华岳集团") in built
    assert ("青禾智能制造产业园项目", "长沙青禾控股有限公司") in built
    assert ("桃江中心广场", "江投控股集团") in built


def test_a_park_named_in_the_sentence_holds_the_focus_industries_it_names():
    x = extract("2024年5月1日,桃江县召开大会。桃江高新产业园重点发展新材料、电子信息等产业。全县大力发展文化旅游产业。")
    focus = _relations(x, "focusIndustry")
    assert ("桃江高新产业园", "新材料") in focus and ("桃江县", "文化旅游") in focus


def test_national_programmes_and_a_districts_safety_campaign_are_initiatives():
    x = extract("桃江县全面推进乡村振兴,共抓长江大保护,深化平安桃江建设。")
    assert {"乡村振兴", "长江大保护", "平安桃江"} <= labels(x, "Initiative")
    assert ("桃江县", "乡村振兴") in _relations(x, "implements")


def test_a_past_years_portfolio_is_reported_and_a_headline_yields_to_the_body():
    x = extract("---\ndate: 2022-03-08\n---\n桃江发布 20个重大项目\n总投资达80亿元\n"
                "2022年,桃江县共有20个项目发布,总投资80亿元,年度计划投资30亿元。"
                "2021年,桃江县共有重点建设项目18个,总投资60亿元,年度计划投资25亿元,年度完成投资27亿元。")
    status = {(o.year, o.value): o.status for o in x.observations}
    assert status[(2022, 80)] == "plan" and status[(2022, 30)] == "plan"
    assert status[(2021, 60)] == "actual" and status[(2021, 25)] == "plan" and status[(2021, 27)] == "actual"


def test_figures_of_projects_that_settled_in_a_zone_are_the_zones_and_a_target_follows_its_cue():
    x = extract("2020年10月17日,益阳市重大项目集中开工。当天,签约落户益阳高新区项目20个,总投资88亿元。"
                "2021年,益阳市的主要目标是地区生产总值增长6%。")
    areas = {o.value: (x.entities[o.area].label, o.status) for o in x.observations}
    assert areas[88] == ("益阳高新区", "actual")
    assert areas[6] == ("益阳市", "target")


def test_two_bodies_written_together_and_verbs_before_ways_are_cut():
    x = extract("来源:益阳高新区管委会桃江县人民政府\n片区位于长丰路、东湖涌以南。部分区人大常委会委员参加。")
    assert "桃江县人民政府" in labels(x, "Organization") or "桃江县政府" in labels(x, "Organization")
    assert not any(n.startswith("部分") for n in labels(x, "Organization"))
    assert "长丰路" in labels(x, "Place") and not any(n.startswith("位于") for n in labels(x, "Place"))


def test_a_county_level_city_before_a_town_is_its_address():
    x = extract("义乌市佛堂镇古镇旅游度假项目签约。")
    assert "佛堂镇" in labels(x, "Subdistrict")


def test_meetings_by_their_kind_and_a_monthly_batch_event():
    x = extract("6月28日,益阳市6月份重大项目集中开工活动举行。10月8日,区委、区政府召开全区三季度经济形势分析会。")
    events = labels(x, "Event")
    assert "益阳市6月份重大项目集中开工活动" in events and "全区三季度经济形势分析会" in events


def test_where_the_reported_event_was_held():
    x = extract("2018年6月24日,桃江县招商项目签约专场活动举行。签约活动在桃花江大酒店举行,县领导王强出席。")
    assert "桃花江大酒店" in labels(x, "Place")
    assert ("桃江县招商项目签约专场活动", "桃花江大酒店") in _relations(x, "location")
    y = extract("2020年10月30日,桃江高新产业园集中开工暨项目签约仪式举行。")
    assert ("桃江高新产业园集中开工暨项目签约仪式", "桃江高新产业园") in _relations(y, "location")


def test_a_project_named_by_its_works_with_its_own_investment():
    x = extract("2024年7月1日,桃江县重大项目集中开工。另外还有投资4亿元的青龙湾改造升级项目、投资2亿元的东门老街提升改造项目。")
    invested = {x.entities[f.subject].label: f.value for f in x.literals if f.predicate == "investment"}
    assert invested == {"青龙湾改造升级项目": 4.0, "东门老街提升改造项目": 2.0}


def test_a_meeting_named_by_what_it_pushes_and_the_hosts_are_no_parties_to_a_deal():
    x = extract("2021年3月5日,加快推进先进制造业发展全市贯彻“六稳”重大项目集中开工推进会暨首批项目签约仪式举行。"
                "省委常委、市委书记李明出席。市政府与华岳集团签约。")
    event = "加快推进先进制造业发展全市贯彻“六稳”重大项目集中开工推进会暨首批项目签约仪式"
    assert event.replace("“", "").replace("”", "") in {n.replace("“", "").replace("”", "") for n in labels(x, "Event")}
    parties = {p for _, p in _relations(x, "participant")}
    assert "李明" in parties and not {"市委", "省委", "市政府"} & parties


def test_list_qualifiers_stay_with_their_sector_and_a_projects_name_is_no_person():
    x = extract("湘阴县重点发展先进装备制造、绿色食品加工等产业。签约仪式在高新区长康二期项目现场举行。要打好治水大会战。")
    assert {"先进装备制造", "绿色食品加工"} <= labels(x, "Industry")
    assert "康二期" not in labels(x, "Person") and not labels(x, "Event") & {"治水大会"}


def test_a_rate_after_an_amount_is_the_amounts_and_a_batch_counted_with_its_total_is_a_figure():
    x = extract("---\ndate: 2022-01-22\n---\n江西省人大会议开幕。初步统计,去年全省地区生产总值32000亿元、增长8.7%。"
                "昨天,江西省集中签约6个项目,总投资120亿元。")
    obs = {(o.indicator, o.measure, o.value) for o in x.observations}
    assert ("地区生产总值", "growth", 8.7) in obs
    assert any(m == "level" and v == 6 and i.endswith("项目数") for i, m, v in obs)


def test_figures_to_a_months_end_prices_and_foreign_capital_and_a_comparison_is_no_year():
    x = extract("2019年9月5日,江南区召开重大项目推进会。\n今年全区列入市级重点项目20个,年度计划投资30亿元,"
                "至8月底累计完成投资21.5亿元。1—8月,项目投资完成率比去年同期高出3个百分点;全区新增外资项目15个,"
                "完成协议注册外资2.5亿美元。居民消费价格上涨1.2%。")
    obs = {(i, y, v, u, s) for _, i, _, y, v, u, s in _observations(x)}
    assert ("累计完成投资", 2019, 21.5, "亿元", "actual") in obs
    assert ("协议注册外资", 2019, 2.5, "亿美元", "actual") in obs
    assert ("新增外资项目数", 2019, 15, "个", "actual") in obs  # 比去年同期 compares; the figures are this year's
    assert ("居民消费价格", 2019, 1.2, "%", "actual") in obs


def test_a_zone_named_in_full_in_a_chain_of_posts_names_its_body():
    x = extract("2024年5月6日,市委副书记、江南新区(江南高新区)党工委书记张三,江南新区(江南高新区)管委会主任李四调研。")
    assert {"江南新区(江南高新区)党工委", "江南新区(江南高新区)管委会"} <= labels(x, "Organization")


def test_a_village_after_its_town_but_not_village_words():
    x = extract("2025年4月2日,考察团来到青石镇王家村,又到城乡结合部和美丽乡村示范村。")
    assert labels(x, "Subdistrict") >= {"王家村"} and not labels(x, "Subdistrict") & {"示范村", "乡村", "美丽乡村示范村"}


def test_names_given_their_figures_respectively_get_one_each():
    x = extract("---\ndate: 2024-01-20\n---\n江西省政府工作报告\n今年全省主要预期目标是:城镇居民、农村居民人均可支配收入分别增长6%、7%。")
    obs = {(i, m, v, s) for _, i, m, _, v, _, s in _observations(x)}
    assert {("城镇居民人均可支配收入", "growth", 6, "target"), ("农村居民人均可支配收入", "growth", 7, "target")} <= obs


def test_a_firms_trade_name_before_a_place_in_brackets_even_a_common_word():
    x = extract("2021年3月2日,江南区举行签约仪式。区政府与美佳家(杭州)智能家居有限公司签订合作协议。")
    assert "美佳家(杭州)智能家居有限公司" in labels(x, "Enterprise")
