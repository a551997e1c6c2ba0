"""Initiatives: programmes named by their ending or in quotes, and the phrases that only look like them."""

from __future__ import annotations

from tests.conftest import entity, extract, labels


def initiatives(text: str) -> set[str]:
    return labels(extract("中原区发展。" + text), "Initiative")


def test_a_verb_alone_or_a_particle_before_the_ending_is_no_programme():
    found = initiatives("用好改革关键一招，深化国资国企改革。把投资作为最有效的战略抓手。始终保有战略上的清醒。")
    assert "国资国企改革" in found
    assert not found & {"用好改革", "有效的战略", "始终保有战略"}


def test_a_programme_is_named_with_the_work_it_does():
    found = initiatives("深化民生保障改善工程。要实施十大重点建设项目带动工程。深化文商旅体融合发展工程。")
    assert {"民生保障改善工程", "十大重点建设项目带动工程", "文商旅体融合发展工程"} <= found


def test_the_verb_that_introduces_a_programme_is_not_part_of_its_name():
    assert "改革创新工程" in initiatives("推动产业园建设。\n深化改革创新工程\n要发挥好改革创新的作用。")


def test_quoted_results_honours_problems_and_periods_are_no_programmes():
    found = initiatives("确保“开门红、全年红”。连续五年被评为“平安建设先进县市区”。全力推进“双拖欠”问题化解。"
                        "确保“十四五”收好官。")
    assert not found & {"开门红、全年红", "平安建设先进县市区", "双拖欠", "十四五"}


def test_a_quoted_programme_keeps_its_principle_or_policy_head():
    x = extract("中原区发展。坚持“四化”原则，抢抓中央出台“一揽子”增量政策的机遇，编制“十四五”规划。")
    assert "四化原则" in entity(x, "四化").labels
    assert "一揽子增量政策" in entity(x, "一揽子").labels
    assert "十四五规划" in labels(x, "PolicyDocument")


def test_a_metaphor_with_a_qualifier_is_still_a_metaphor():
    assert "金牌店小二" not in initiatives("当好“金牌店小二”，深入推进“五星”支部创建。")


def test_a_quoted_kind_of_firm_is_a_category():
    found = initiatives("以国内外500强和行业“冠军企业”为目标。加大“专精特新”企业培育力度。")
    assert "冠军企业" not in found and "专精特新" in found
