"""Entity relations from constructions and from what a document about one area implies."""

from __future__ import annotations

import re
from itertools import pairwise

from ..labels import firm_core
from ..model import Entity, Evidence, Relation
from .base import Context
from .facts import Facts, Found

LOCATED_TYPES = {"Park", "Place", "Project", "Subdistrict", "DevelopmentZone"}
PARTY_DEPARTMENT = re.compile(r"(组织部|宣传部|统战部|政法委|委办|纪委)$")
GOVERNMENT_DEPARTMENT = re.compile(r"(局|发改委|卫健委|国资委|农委|政府办)$")
ISSUE = re.compile(r"出台|印发|制定|发布|实施|落实")
REPRESENT = re.compile(r"为(?:代表|龙头)的([^，。；]{2,20})")


def _first_mention(e: Entity) -> Evidence | None:
    if not e.mentions:
        return None
    m = min(e.mentions, key=lambda x: x.start)
    return Evidence(m.start, m.end, m.sentence)


# Local bodies (guideline: they are locatedIn their area): a division's name, or a bare level word, then the body
BODY_ENDINGS = ("人大常委会", "人民代表大会", "人民政府", "党工委", "管委会", "政协", "人大", "政府", "纪委", "委")
BARE_LEVEL = {"区": "county", "县": "county", "市": "prefecture", "省": "province"}


def _division_ancestors(ctx: Context, code: str | None) -> list[str]:
    """The codes above a division, nearest first."""
    chain, divisions = [], ctx.lexicon.divisions
    parent = divisions[code].parent if code in divisions else None
    while parent:
        chain.append(parent)
        parent = divisions[parent].parent if parent in divisions else None
    return chain


def hierarchy_relations(found: Found) -> Facts:
    """Where divisions, zones and local bodies sit (guideline: a division in its parent when the text names both;
    local bodies in their area): 湘阴县 in 岳阳市, 苏州工业园区 in 苏州, 岳阳市委 in 岳阳市, a bare 县委 in the county."""
    ctx, entities, area = found.ctx, found.entities, found.area
    rels: list[Relation] = []
    by_code = {e.code: k for k, e in entities.items() if e.code}
    divisions = {k: e for k, e in entities.items() if "AdministrativeDivision" in e.types}
    names = sorted(((label, k) for k, e in divisions.items() for label in e.labels if len(label) >= 2),
                   key=lambda lk: -len(lk[0]))
    zones = sorted(((label, k) for k, e in entities.items() if "DevelopmentZone" in e.types
                    for label in e.labels if len(label) >= 3), key=lambda lk: -len(lk[0]))
    area_entity = entities.get(area) if area else None
    for k, e in entities.items():
        ev = _first_mention(e)
        if k in divisions:
            parent = next((by_code[c] for c in _division_ancestors(ctx, e.code) if c in by_code), None)
            if parent and parent != k:
                rels.append(Relation(k, "locatedIn", parent, ev))
            continue
        if e.types & {"DevelopmentZone", "Park"} and not e.types & {"Project"}:
            # 滨海新城启动区 in 滨海新城: a zone or park named after the zone it is part of
            inner = next((zk for label, zk in zones if zk != k and e.label.startswith(label) and e.label != label), None)
            if inner:
                rels.append(Relation(k, "locatedIn", inner, ev))
                continue
        if e.types & {"DevelopmentZone", "Organization"}:
            # a zone's body sits in the zone (郑州经开区党工委), anything else in the division it is named after
            homes = (zones + names) if "Organization" in e.types else names
            home = next((dk for label, dk in homes if e.label.startswith(label) and e.label != label), None)
            if home is None and "Organization" in e.types and e.label.endswith(BODY_ENDINGS):
                home = _bare_body_home(ctx, e.label, area, area_entity, by_code)
            if home and home != k and (home != area or "Organization" in e.types):
                rels.append(Relation(k, "locatedIn", home, ev))
    return Facts(relations=rels)


def _bare_body_home(ctx: Context, label: str, area: str | None, area_entity: Entity | None,
                    by_code: dict[str, str]) -> str | None:
    """The area a bare body (区委, 市政府, 县人大常委会, 园区党工委, 管委会) belongs to: the document's area at that
    level, or the division above the area at that level."""
    if area is None or area_entity is None:
        return None
    if label.startswith(("园区", "党工委", "管委会")) and "DevelopmentZone" in area_entity.types:
        return area
    level = BARE_LEVEL.get(label[:1])
    if level is None:
        return None
    if area_entity.level == level or (level == "county" and "AdministrativeDivision" in area_entity.types
                                      and area_entity.level is None):
        return area
    for code in _division_ancestors(ctx, area_entity.code):
        if code in by_code and ctx.lexicon.divisions[code].level == level:
            return by_code[code]
    return None


def context_relations(found: Found) -> Facts:
    """What a document about one area implies (guideline: document context)."""
    entities, area = found.entities, found.area
    if not area:
        return Facts()
    rels = []
    holders = _industry_holders(entities, area)
    for k, e in entities.items():
        if k == area:
            continue
        ev = _first_mention(e)
        if e.types & LOCATED_TYPES and "AdministrativeDivision" not in e.types:
            rels.append(Relation(k, "locatedIn", area, ev))
        if "Initiative" in e.types:
            rels.append(Relation(area, "implements", k, ev))
        if "Industry" in e.types:
            rels.append(Relation(_industry_holder(holders, e, area), "focusIndustry", k, ev))
    return Facts(relations=rels)


def _industry_holders(entities: dict[str, Entity], area: str) -> list[tuple[int, int, str]]:
    """(start, sentence, key) of every mention of a park or zone other than the area."""
    return [(m.start, m.sentence, k) for k, e in entities.items() if k != area and e.types & {"Park", "DevelopmentZone"}
            and not e.types & {"Project", "AdministrativeDivision"} for m in e.mentions]


def _industry_holder(holders: list[tuple[int, int, str]], industry: Entity, area: str) -> str:
    """Whose focus an industry is: the park or zone its sentence names before it (临港产业园…重点发展新材料),
    else the document's area."""
    for m in industry.mentions:
        before = [(start, k) for start, sentence, k in holders if start < m.start and sentence == m.sentence]
        if before:
            return max(before)[1]
    return area


def construction_relations(found: Found) -> Facts:
    """Relations the text's constructions state: adjacency, names inside names, departments, issuers,
    programmes' members, representatives, developers."""
    ctx, entities, span_key, area = found.ctx, found.entities, found.span_key, found.area
    rels: list[Relation] = []
    spans = sorted(span_key.items())
    label_key = found.label_key
    area_label = entities[area].label if area else ""
    # adjacency: 建设路街道计划路9号院 (a place in a subdistrict), 郑州市中原区 (a division in its parent)
    for ((a_start, a_end), ka), ((b_start, b_end), kb) in pairwise(spans):
        if a_end != b_start or ka == kb:
            continue
        ta, tb = entities[ka].types, entities[kb].types
        here = Evidence(a_start, b_end, ctx.sentence_of(a_start).index)
        if "Subdistrict" in ta and tb & {"Place", "Park", "Project", "Subdistrict"}:  # 公岭镇三铺村 too
            rels.append(Relation(kb, "locatedIn", ka, here))
        if "AdministrativeDivision" in ta and "AdministrativeDivision" in tb:
            rels.append(Relation(kb, "locatedIn", ka, here))
    for k, e in entities.items():
        ev = _first_mention(e)
        # a project named after the park it is in, or after its developer
        if "Project" in e.types:
            for label in sorted(e.labels):
                for other_label, ok in label_key.items():
                    if ok == k or other_label not in label or other_label == label:
                        continue
                    other = entities[ok].types
                    # a two-character brand counts only where it opens the name: 上汽发动机二期, 宇通…中心
                    if len(other_label) < 2 or (len(other_label) == 2 and not (
                            "Enterprise" in other and label.startswith(other_label))):
                        continue
                    if other & {"Park", "Place"} and "Project" not in other:
                        rels.append(Relation(k, "locatedIn", ok, ev))
                    if other & {"Enterprise"}:
                        rels.append(Relation(k, "developer", ok, ev))
        # departments belong to the area's party committee or government
        if "Organization" in e.types and area_label:
            for label in e.labels:
                if PARTY_DEPARTMENT.search(label) and not label.endswith(("区委", "市委")):
                    parent = label_key.get(area_label + "委")
                elif GOVERNMENT_DEPARTMENT.search(label) and label.startswith(("区", "市", "县")):
                    parent = label_key.get(area_label + "政府")
                else:
                    continue
                if parent and parent != k:
                    rels.append(Relation(k, "memberOf", parent, ev))
                    break
        # policy documents issued by the area (or by the division their title starts with)
        if "PolicyDocument" in e.types and ev:
            issuer = next((label_key[x] for x in label_key if e.label.startswith(x) and len(x) >= 3
                           and entities[label_key[x]].types & {"AdministrativeDivision", "Organization"}), None)
            if issuer is None and area and ISSUE.search(ctx.sentences[ev.sentence].text):
                issuer = area
            if issuer and issuer != k:
                rels.append(Relation(k, "issuedBy", issuer, ev))
    rels += _part_of(ctx, entities, span_key)
    rels += _representatives(ctx, entities, span_key)
    rels += developers(ctx, entities, span_key)
    return Facts(relations=rels)


TRADE_WORDS = re.compile(r"(?:控股|集团|建材|房地产开发|房地产|置业|投资|科技|实业|发展|股份|有限|影视文化|文化)+$")
SIGNING = re.compile(r"签订|签约|签署|合作")
BUILT_BY = re.compile(r"由([^，,。；;]{2,30}?)(?:投资建设|统筹推进|投资兴建|投资|建设|开发|承建|打造|运营)的")
CLAUSE_BREAK = re.compile(r"[；;。\n]")


def _brand(label: str) -> str:
    """The name a firm's projects carry: its core name without trade words (长沙青禾控股有限公司 → 青禾)."""
    return TRADE_WORDS.sub("", firm_core(label))


def developers(ctx: Context, entities: dict[str, Entity], span_key: dict[tuple[int, int], str]) -> list[Relation]:
    """Who builds a project (guideline: ``developer``): the firm whose brand the project's name carries
    (广州昊志控股有限公司 → 昊志…产业园项目), the counterpart a project was signed with (与X签订Y项目), and the
    firm a sentence says builds the projects after it (由X统筹推进的A、B、C)."""
    rels: list[Relation] = []
    spans = sorted(span_key.items())
    firms = {k: e for k, e in entities.items() if e.types & {"Enterprise"}}
    projects = {k: e for k, e in entities.items() if "Project" in e.types}
    for fk, firm in firms.items():
        brand = _brand(firm.label)
        for pk, project in projects.items():
            if pk != fk and len(brand) >= 2 and brand in project.label and project.label != firm.label:
                rels.append(Relation(pk, "developer", fk, _first_mention(project)))
    text = ctx.text
    for (start, end), key in spans:
        types = entities[key].types
        if not types & {"Enterprise", "Organization"} or text[start - 1:start] != "与":
            continue
        stop = CLAUSE_BREAK.search(text, end)
        clause_end = stop.start() if stop else len(text)
        if not SIGNING.search(text, end, min(clause_end, end + 8)):
            continue
        ev = Evidence(start, clause_end, ctx.sentence_of(start).index)
        rels += [Relation(pk, "developer", key, ev) for (s, _e), pk in spans
                 if end < s < clause_end and pk in projects and pk != key]
    for m in BUILT_BY.finditer(text):
        firm_key = next((k for (s, e), k in spans if m.start(1) <= s and e <= m.end(1) and k in firms), None)
        if firm_key is None:
            continue
        sent = ctx.sentence_of(m.start())
        ev = Evidence(sent.start, sent.end, sent.index)
        rels += [Relation(pk, "developer", firm_key, ev) for (s, _e), pk in spans
                 if m.end() <= s < sent.end and pk in projects]
    return rels


def _part_of(ctx: Context, entities: dict[str, Entity], span_key: dict[tuple[int, int], str]) -> list[Relation]:
    """Projects in a paragraph about a programme's batches, parks in the sentence of a programme."""
    rels: list[Relation] = []
    batch_programmes = [k for k, e in entities.items() if "Initiative" in e.types and "一批" in e.label]
    # 招商2018项目签约专场活动: the projects signed at an event named after a campaign are part of the campaign
    events = [e.label for e in entities.values() if "Event" in e.types]
    campaigns = [k for k, e in entities.items() if "Initiative" in e.types and len(e.label) >= 3
                 and any(e.label in ev for ev in events)]
    park_programmes = [k for k, e in entities.items() if "Initiative" in e.types and "园" in e.label]
    paragraphs = []
    pos = 0
    for para in ctx.text.split("\n"):
        paragraphs.append((pos, pos + len(para), para))
        pos += len(para) + 1
    for (start, end), k in span_key.items():
        e = entities[k]
        ev = Evidence(start, end, ctx.sentence_of(start).index)
        if "Project" in e.types and batch_programmes:
            para = next(p for p in paragraphs if p[0] <= start <= p[1])[2]
            if "一批" in para:
                rels.extend(Relation(k, "partOf", p, ev) for p in batch_programmes)
        if "Project" in e.types and "Event" not in e.types:
            rels.extend(Relation(k, "partOf", c, ev) for c in campaigns if c != k)
        if "Park" in e.types and park_programmes:
            sent = ctx.sentence_of(start).text
            rels.extend(Relation(k, "partOf", p, ev) for p in park_programmes
                        if any(label in sent for label in entities[p].labels))
    return rels


def _representatives(ctx: Context, entities: dict[str, Entity], span_key: dict[tuple[int, int], str]) -> list[Relation]:
    """以中铁、郑煤机、卫华为代表的装备制造产业集群: each enterprise is a member of the industry."""
    rels: list[Relation] = []
    for m in REPRESENT.finditer(ctx.text):
        industry = next((k for (s, e), k in span_key.items() if m.start(1) <= s < m.end(1)
                         and "Industry" in entities[k].types), None)
        if not industry:
            continue
        clause_start = ctx.text.rfind("以", 0, m.start())
        for (s, _e), k in span_key.items():
            if clause_start <= s < m.start() and "Enterprise" in entities[k].types:
                rels.append(Relation(k, "memberOf", industry, Evidence(s, m.end(), ctx.sentence_of(s).index)))
    return rels
