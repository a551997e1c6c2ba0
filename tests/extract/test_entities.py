"""Each mention family on a small text of the kind it reads."""

from __future__ import annotations

from tests.conftest import entity, extract, labels


def test_divisions_with_codes_and_short_forms():
    x = extract("郑州市中原区召开会议。郑州发展很快。河南省委部署。")
    zy = entity(x, "中原区")
    assert (zy.code, zy.parent_code, zy.level) == ("410102", "410100", "county")
    assert "郑州" in entity(x, "郑州市").labels
    assert labels(x, "AdministrativeDivision") == {"郑州市", "中原区", "河南省"}


def test_short_form_alone_is_not_a_division():
    x = extract("奋力谱写新时代中原更加出彩的绚丽篇章。")
    assert not labels(x, "AdministrativeDivision")


def test_suffix_names_stop_at_the_verb_before_them():
    x = extract("李晓雷一行来到建设路街道计划路9号院看望群众。加快打造中原小微企业园、能源科技产业园等产业发展空间。")
    assert "建设路街道" in labels(x, "Subdistrict")
    assert {"中原小微企业园", "能源科技产业园"} <= labels(x, "Park")


def test_quoted_programmes_but_not_metaphors():
    x = extract("坚持“项目为王”理念，常态化开展“万人助万企”，当好“店小二”“金管家”，确保“开门红”。深入推进“三化三制”改革。")
    initiatives = labels(x, "Initiative")
    assert {"项目为王", "万人助万企"} <= initiatives
    assert not initiatives & {"店小二", "金管家", "开门红"}
    assert entity(x, "三化三制改革").label in {"三化三制", "三化三制改革"}
    assert "三化三制" in entity(x, "三化三制改革").labels


def test_titled_documents_and_quoted_plans():
    x = extract("研究出台《中原区持续激发市场主体活力十一条措施》，编制“十四五”规划。")
    assert {"中原区持续激发市场主体活力十一条措施", "十四五规划"} <= labels(x, "PolicyDocument")


def test_people_after_titles_and_in_bylines():
    x = extract("区委常委、统战部部长、区委办主任闫凯参加慰问。记者 鲁燕 通讯员 张凯")
    assert {"闫凯", "鲁燕", "张凯"} <= labels(x, "Person")


def test_name_ends_before_the_verb():
    x = extract("区党工委副书记、管委会主任张波作工作部署。区领导郭宏力、王宏伟等出席会议。")
    assert {"张波", "郭宏力", "王宏伟"} <= labels(x, "Person")


def test_project_list_items_are_projects_whatever_their_ending():
    x = extract("“投产一批”项目3个。分别是：渡森服饰年产300万件服装智能化生产线建设项目、中原区建设路第六小学及大喜城综合体项目。")
    assert {"渡森服饰年产300万件服装智能化生产线建设项目", "中原区建设路第六小学", "大喜城综合体项目"} <= labels(x, "Project")


def test_enterprises_by_suffix_and_as_representatives():
    x = extract("中原区政府与河南国创文化发展有限公司签约。以中铁、郑煤机、卫华为代表的装备制造产业集群加快发展。")
    assert {"河南国创文化发展有限公司", "中铁", "郑煤机", "卫华"} <= labels(x, "Enterprise")


def test_industries_from_focus_constructions():
    x = extract("以科技服务业为主攻方向，以都市型工业为支撑，大力发展平台经济。")
    assert {"科技服务业", "都市型工业", "平台经济"} <= labels(x, "Industry")


def test_economy_sectors_but_not_verbs_before_economy():
    x = extract("大力发展平台经济，推动经济高质量发展，发展夜间经济、首店经济。全力拼经济。")
    assert {"平台经济", "夜间经济", "首店经济"} <= labels(x, "Industry")
    assert not labels(x, "Industry") & {"推动经济", "拼经济", "力拼经济"}


def test_named_programmes_by_their_endings():
    x = extract("加快实施产业基础再造工程，深化国资国企改革、开发区改革，打好蓝天保卫战，实施创新驱动发展战略。")
    assert {"产业基础再造工程", "国资国企改革", "开发区改革", "蓝天保卫战", "创新驱动发展战略"} <= labels(x, "Initiative")


def test_programme_batches_are_not_programmes_and_verbs_do_not_start_projects():
    x = extract("以“三个一批”项目为抓手，“签约一批”项目2个。要抓牢项目，实施国棉三厂特色历史文化街区综合改造项目。")
    assert "三个一批" in labels(x, "Initiative") and "签约一批" not in labels(x, "Initiative")
    assert labels(x, "Project") == {"国棉三厂特色历史文化街区综合改造项目"}


def test_counts_of_things_are_not_names():
    x = extract("全区新开工11个项目，新建7所幼儿园。")
    assert not labels(x, "Project") and not labels(x, "Organization")


def test_phrases_lists_and_sizes_ending_in_a_name_word_are_not_names():
    x = extract("中原区发展。吹响了项目建设冲锋号，梯次接续的项目不断，以大项目带动，一是开发区建设提速，"
                "推进芝麻街1958双创园二期等项目，新建5000平方米以上公园2个，2023年老旧小区改造。")
    found = {e.label for e in x.entities.values()}
    assert not found & {"吹响了项目", "梯次接续的项目", "以大项目", "一是开发区", "芝麻街1958双创园二期等项目",
                        "5000平方米以上公园", "2023年老旧小区"}


def test_a_name_does_not_run_across_a_paragraph_break():
    x = extract("中原区发展。\n\n推进服装智能\n\n化生产线建设项目。")
    assert all("\n" not in e.label for e in x.entities.values())


def test_roads_streets_rivers_and_lakes_after_a_proper_name():
    x = extract("中原区发展。改造卧龙路、泰州路和西站北街，打通西四环，推进西流湖、金水河治理。提出新思路，完善道路网络和铁路。")
    assert labels(x, "Place") == {"卧龙路", "泰州路", "西站北街", "西四环", "西流湖", "金水河"}


def test_documents_by_their_kind_of_title_with_the_year_inside():
    x = extract("中原区发展。向大会报告中原区2022年国民经济和社会发展计划执行情况，落实RCEP贸易协定。")
    assert labels(x, "PolicyDocument") == {"中原区2022年国民经济和社会发展计划", "RCEP贸易协定"}


def test_a_legal_form_proves_a_firm_and_a_conjunction_separates_two():
    x = extract("中原区发展。中原环保股份有限公司入选示范企业，腾讯官方与市城建集团签约。")
    assert {"中原环保股份有限公司", "市城建集团"} <= labels(x, "Enterprise")
    assert not any("与" in e.label for e in x.entities.values())


def test_brands_listed_before_a_firm_noun_are_enterprises():
    x = extract("中原区发展。联合抖音、吉利玛特、苏宁等线上品牌和平台。发挥字节跳动、滴滴等企业的资源优势。"
                "推动产业升级等工作。")
    assert labels(x, "Enterprise") >= {"抖音", "吉利玛特", "苏宁", "字节跳动", "滴滴"}
    assert "产业升级" not in labels(x, "Enterprise")


def test_projects_named_before_deng_xiangmu_and_phases():
    x = extract("经开区发展。上汽发动机二期等148个项目开工建设。加快华润燃气智慧燃气信息科技中心等项目建设，确保磨街二期投用。")
    assert {"上汽发动机二期", "华润燃气智慧燃气信息科技中心", "磨街二期"} <= labels(x, "Project")


def test_a_sentence_broken_by_a_blank_line_is_rejoined():
    from policygraph.ingest.normalise import normalise

    text, _ = normalise("项目7个，投资总额29.2亿元。分别是：渡森服饰年产300万件服装智能\n\n化生产线建设项目、中原区建设路第六小学。\n\n标题\n\n正文。")
    assert "服装智能化生产线建设项目" in text and "\n标题\n" in text


def test_quoted_questions_complements_and_metaphors_are_not_initiatives():
    x = extract("中原区发展。回答好“怎么看”“怎么干”，做到“稳得住”“管得好”，打好“组合拳”，绘好“路线图”，推进“万人助万企”。")
    assert labels(x, "Initiative") == {"万人助万企"}


def test_words_inside_a_commission_meeting_or_count_are_not_names():
    x = extract("中原区发展。中原区发展和改革委员会主任牛振军出席中央经济工作会议，新建9所中小学。")
    found = {e.label for e in x.entities.values()}
    assert not found & {"中原区发展和改革", "中央经济", "9所中小学"}


def test_names_listed_with_a_proven_name_are_names():
    x = extract("中原区发展。推动祥云板块、圃田生态新城板块、扩展新区板块等六大板块开发。建设生态新城板块。")
    assert labels(x, "DevelopmentZone") == {"祥云板块", "圃田生态新城板块", "扩展新区板块"}


def test_event_names_keep_their_scope_and_theme():
    x = extract("中原区发展。筹备召开全区高质量发展总结表彰暨工作动员大会，召开省市民营经济高质量发展会议。")
    assert {"全区高质量发展总结表彰暨工作动员大会", "省市民营经济高质量发展会议"} <= labels(x, "Event")


def test_people_visited_at_home_and_no_everyday_word_after_a_kind_of_person():
    x = extract("中原区领导看望困难群众。在棉纺路街道困难职工赵永刚家中，李晓雷询问情况。时刻关注困难群众冷暖。")
    assert "赵永刚" in labels(x, "Person") and "冷暖" not in labels(x, "Person")


def test_zones_named_by_their_industry_campaigns_and_a_verb_before_a_body_or_zone():
    x = extract("中原区发展。受区人民政府委托，作报告。扎实开展爱国卫生运动。全面提高开发区对全区经济的支撑度。"
                "中原区现代服务业开发区挂牌运营。")
    assert "中原区政府" in labels(x, "Organization") and "受区人民政府" not in labels(x, "Organization")
    assert "爱国卫生运动" in labels(x, "Initiative")
    assert labels(x, "DevelopmentZone") == {"现代服务业开发区"}
