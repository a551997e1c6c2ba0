"""Names in lists whose head noun says what they are."""

from __future__ import annotations

from tests.conftest import extract, labels


def test_the_head_after_deng_types_the_items():
    x = extract("中原区发展。在谈的美图秀秀、美数科技等53家意向投资企业即将落户。积极与中国环科院、中标检测等机构合作。"
                "鼓励中原万达、锦艺城、王府井等特色商圈开展促消费活动。")
    assert {"美图秀秀", "美数科技"} <= labels(x, "Enterprise")
    assert {"中国环科院", "中标检测"} <= labels(x, "Organization")
    assert {"中原万达", "锦艺城", "王府井"} <= labels(x, "Place")


def test_a_single_road_before_deng_daolu_is_a_place_and_jieba_does_not_cut_it():
    assert "须水河西路" in labels(extract("中原区发展。建成须水河西路等道路42条。"), "Place")


def test_kinds_of_bodies_and_items_with_their_own_ending_keep_to_themselves():
    x = extract("中原区发展。积极推动高校、企业、科研院所等用人单位引进人才。加快金马凯旋万达广场、探十里购物中心等实体消费载体建设。")
    assert not labels(x, "Organization") & {"高校", "企业", "科研院所"}
    assert "探十里购物中心" in labels(x, "Place") and "探十里购物中心" not in labels(x, "Park")
