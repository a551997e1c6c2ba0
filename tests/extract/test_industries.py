"""Industries named as a focus, and sector words used in passing that are not."""

from __future__ import annotations

from tests.conftest import extract, labels


def industries(text: str) -> set[str]:
    return labels(extract("中原区发展。" + text), "Industry")


def test_a_sector_word_qualifying_another_noun_is_no_focus():
    assert not industries("细化落实支持民营经济政策，构建多层次的现代物流体系。") & {"民营经济", "现代物流"}


def test_a_sector_word_inside_a_park_or_zone_name_is_no_focus():
    found = industries("加快路锦新能源汽车产业园建设。现代服务业开发区挂牌运营。")
    assert not found & {"新能源汽车", "现代服务业"}


def test_a_term_that_cuts_a_word_is_no_match():
    assert "新消费" not in industries("创新消费业态和模式。")


def test_a_working_method_with_plus_is_no_sector():
    assert "大数据" not in industries("完善“大数据+网格化+铁脚板”工作机制。")


def test_the_words_before_lingyu_name_a_sector_but_not_a_domain_of_policy():
    found = industries("生命科学大健康领域，以产业资本为牵引。经济社会领域，风险总体可控。持续深化6个细分领域。")
    assert "生命科学大健康" in found
    assert not found & {"经济社会", "6个细分"}


def test_every_item_of_a_list_of_sectors_is_a_sector():
    found = industries("以轨道交通、环保装备、煤矿智能化设备、医疗器械等行业领域为着力点。")
    assert {"轨道交通", "环保装备", "煤矿智能化设备", "医疗器械"} <= found


def test_sectors_joined_by_ji_inside_one_list_item_are_one_sector():
    found = industries("聚焦新能源汽车及零部件、高端装备、智慧物流、新一代信息技术、国际贸易及新消费等六大产业。")
    assert {"国际贸易及新消费", "新一代信息技术", "智慧物流"} <= found


def test_focus_constructions_and_sector_economies():
    found = industries("以科技服务业为主攻方向，以都市型工业为支撑，以龙头企业为引领。大力发展平台经济，更好统筹经济社会发展。")
    assert {"科技服务业", "都市型工业", "平台经济"} <= found
    assert not found & {"龙头企业", "经济社会"}
