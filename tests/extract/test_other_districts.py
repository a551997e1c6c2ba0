"""Texts from districts other than the sample corpus's: the rules must not lean on its names."""

from __future__ import annotations

from tests.conftest import entity, extract, labels

WEST_LAKE = ("西湖区召开经济工作会议\n\n会议指出，2023年全区实现地区生产总值1235.6亿元，同比增长6.5%。紫金港科技城建设加快推进。"
             "聚焦数字经济、生命健康、文化旅游三大主导产业，加快之江文化中心、杭州西站枢纽等重大工程建设，"
             "推动城西科创大走廊西湖段、三墩北单元等片区开发。推进西溪湿地综合保护工程，深入实施“数字经济一号工程”。"
             "会上，区发改委、区经信局作交流发言。")


def test_a_county_name_several_cities_share_is_the_area_even_when_no_city_is_named():
    x = extract(WEST_LAKE.replace("杭州西站枢纽", "西站枢纽"))
    area = x.entities[x.subject_area]
    assert area.label == "西湖区" and "AdministrativeDivision" in area.types
    assert area.code is None  # 杭州's or 南昌's: the text does not say
    assert {(o.indicator, o.year, o.value) for o in x.observations} >= {("地区生产总值", 2023, 1235.6), ("地区生产总值", 2023, 6.5)}


def test_the_city_named_beside_it_settles_its_code():
    assert entity(extract("杭州市西湖区召开会议。西湖区发展。"), "西湖区").code == "330106"


def test_zones_lists_of_zones_departments_and_works():
    x = extract(WEST_LAKE)
    assert {"紫金港科技城", "城西科创大走廊西湖段", "三墩北单元"} <= labels(x, "DevelopmentZone")
    assert {"生命健康", "数字经济", "文化旅游"} <= labels(x, "Industry")
    assert {"之江文化中心", "杭州西站枢纽", "西溪湿地综合保护工程"} <= labels(x, "Project")
    assert "数字经济一号工程" in labels(x, "Initiative") and "西溪湿地综合保护工程" not in labels(x, "Initiative")
    assert {"区发改委", "区经信局"} <= labels(x, "Organization")


def test_towns_zones_places_and_firms_with_a_place_in_brackets():
    x = extract("新郑市召开大会。以郑州航空港经济综合实验区为引领，加快龙湖镇、薛店镇产业发展，推动华润雪花啤酒（新郑）有限公司扩产。"
                "新郑市人民医院、轩辕黄帝故里景区、郑州新郑国际机场等单位代表发言。推进乡村振兴，提高城镇化水平。")
    assert labels(x, "Subdistrict") == {"龙湖镇", "薛店镇"}
    assert "郑州航空港经济综合实验区" in labels(x, "DevelopmentZone")
    assert {"轩辕黄帝故里景区", "郑州新郑国际机场"} <= labels(x, "Place")
    assert not labels(x, "Organization") & {"轩辕黄帝故里景区", "郑州新郑国际机场"}
    assert "华润雪花啤酒(新郑)有限公司" in labels(x, "Enterprise")


def test_a_firm_meets_its_prose_name_across_documents():
    from policygraph.merge import merge_key

    assert merge_key("联通(河南)产业互联网有限公司", "Enterprise") == merge_key("联通产业互联网", "Enterprise")


HIGH_TECH = ("郑州高新区举行重大项目集中签约仪式。4月18日，签约仪式在郑州国际会展中心举行。市委常委、高新区党工委书记刘东出席。"
             "本次签约项目涵盖新一代信息技术、生物医药、智能传感器等领域。实现汽车、装备制造、生物医药等主导产业全覆盖，"
             "打造千亿级汽车制造产业集群。")


def test_venues_sector_lists_opened_by_a_verb_and_posts_in_a_working_committee():
    x = extract(HIGH_TECH)
    assert "郑州国际会展中心" in labels(x, "Place")
    assert {"新一代信息技术", "生物医药", "智能传感器"} <= labels(x, "Industry")
    assert ("刘东", "书记", "郑州高新区党工委") in {
        (x.entities[p.person].label, p.title, x.entities[p.org].label if p.org else None) for p in x.posts}


def test_a_sector_and_its_cluster_in_one_report_are_one_sector():
    assert "汽车" in entity(extract(HIGH_TECH), "汽车制造产业集群").labels


def test_games_manors_and_a_counted_kind_of_school():
    x = extract("巩义市发展。成功举办2023年巩义市运动会。康百万庄园接待游客300万人次。新建改扩建中小学8所。")
    assert "2023年巩义市运动会" in labels(x, "Event") and not labels(x, "Initiative")
    assert "康百万庄园" in labels(x, "Place")
    assert not labels(x, "Organization")
