"""Events named by their ending, and subdistricts and parks that are named rather than kinds of places."""

from __future__ import annotations

from tests.conftest import extract, labels


def found(text: str, type_: str) -> set[str]:
    return labels(extract("中原区发展。" + text), type_)


def test_an_activity_is_an_event_when_dated_numbered_or_held():
    events = found("1月28日,郑州市第七期“三个一批”项目签约活动上,中原区签约项目15个。春节前夕开展答谢企业走访送祝福活动。"
                   "常态化开展“万人助万企”活动。开展丰富多彩的促消费活动。", "Event")
    assert {"郑州市第七期三个一批项目签约活动", "答谢企业走访送祝福活动"} <= events
    assert not events & {"“万人助万企”活动", "万人助万企活动", "促消费活动", "丰富多彩的促消费活动"}


def test_sessions_and_work_meetings_are_events_but_an_ending_that_cuts_a_word_is_not():
    events = found("落实市委十二届三次全会、市十六届人大一次会议部署,把市委经济工作会各项安排落实。积极申办国际国内重大赛事。", "Event")
    assert {"市委十二届三次全会", "市十六届人大一次会议", "市委经济工作会"} <= events
    assert not any(e.endswith("大赛") for e in events)


def test_a_subdistrict_is_named_by_a_place_word_or_its_road():
    subdistricts = found("李晓雷来到建设路街道、林山寨办事处。要求属地街道关注困难群众。养老服务设施社区覆盖率100%。"
                         "深入开展绿色社区创建。", "Subdistrict")
    assert subdistricts == {"建设路街道", "林山寨办事处"}


def test_parks_are_named_and_a_middle_dot_joins_a_name():
    parks = found("全力做好黄河智谷·中原企业总部港建设。打造特色产业园区集群。搭建专业化众创空间。要推动小微企业园建设。"
                  "加快推进新材料产业园区建设。", "Park")
    assert parks == {"黄河智谷·中原企业总部港", "新材料产业园区"}


def test_the_partys_congress_a_theme_in_quotes_and_no_session_number_alone():
    events = found("圆满完成党的二十大等重大节点安保维稳任务。开展以“悦享新春 乐购中原”为主题的促消费活动。"
                   "三次会议文件。1月29日,中原区政府召开第一次全体(扩大)会议。", "Event")
    assert {"党的二十大", "悦享新春 乐购中原", "第一次全体(扩大)会议"} <= events
    assert "三次会议" not in events


def test_a_works_verb_inside_an_event_name_is_part_of_it():
    events = found("3月15日上午，洛阳市涧西区2024年第一季度重点项目集中开工活动在中国一拖智能农机产业园举行。", "Event")
    assert events == {"洛阳市涧西区2024年第一季度重点项目集中开工活动"}
