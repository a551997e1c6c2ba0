"""Projects: list items, the items before 等…项目, what is built, and the kinds of projects that are no names."""

from __future__ import annotations

from tests.conftest import extract, labels


def projects(text: str) -> set[str]:
    return labels(extract("中原区发展。" + text), "Project")


def test_ji_inside_a_list_item_joins_it_unless_a_whole_name_stands_before():
    found = projects("“开工一批”项目2个,分别是:郑州外国语中学莲湖校区项目及郑州市常庄水库加固提升及金水河分洪工程PPP项目。")
    assert {"郑州外国语中学莲湖校区项目", "郑州市常庄水库加固提升及金水河分洪工程PPP项目"} <= found
    assert "郑州市常庄水库加固提升" not in found


def test_the_items_before_deng_xiangmu_are_projects_but_not_domains():
    found = projects("加快推动中原设计产业园、云度场景等谋划签约项目尽快落地。重点突出城市更新、产业园区等领域项目的谋划储备。")
    assert {"中原设计产业园", "云度场景"} <= found
    assert not found & {"城市更新", "产业园区"}


def test_named_facilities_that_are_built_are_projects():
    found = projects("加速广电中心、会展中心及配套工程建设。加快推进遗址生态文化公园和郑煤机博物馆建设步伐。"
                     "加快百联、麦德龙项目建设。完成10条道路建设。加快公共服务配套设施建设。")
    assert {"广电中心", "会展中心", "遗址生态文化公园", "郑煤机博物馆", "百联"} <= found and found & {"麦德龙", "麦德龙项目"}
    assert not found & {"配套工程", "10条道路", "公共服务配套设施"}


def test_kinds_of_projects_are_no_names():
    found = projects("全区共纳入省市规划的101个灾后重建项目。列入市台帐的11个保交楼项目全部通过复工验收。"
                     "建立完善重大招商引资项目库。统筹招商引资和项目推进。全力以赴拼经济,分秒必争抓好项目建设。")
    assert not found
