"""Stage 3, second half: one document's mentions → its entities.

Overlapping mentions are settled, quotes and trailing 等 dropped, and surface forms that denote one thing
are grouped: a name and its bracketed short form (郑州中央文化区(CCD)), a name with and without a generic
tail (三化三制 / 三化三制改革), standard abbreviations (文化创意产业园 / 文创园, 经济技术开发区 / 经开区), a name
with and without its division prefix (郑州国棉三厂… / 国棉三厂…), and bare bodies qualified by the document's
area (区委 → 中原区委). The area the document is about is chosen here too.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from ..labels import ABBREVIATIONS, LabelGroups, clean_label, preferred_label, qualify
from ..lexicon import lexicon
from ..model import Entity, Mention
from ..vocabulary import PRIORITY
from .base import Context

TAILS = ("改革", "活动", "行动", "项目", "工程", "建设", "产业集群", "产业", "战略", "工作要求", "供应", "机制", "创建",
         "评价机制", "服务直达平台", "营商环境", "品牌")
# Where one mention lies inside another, these inner types are names in their own right.
INNER_NAMES = {"AdministrativeDivision", "Place", "Enterprise", "Park", "Person",
               "DevelopmentZone", "Subdistrict"}
CONTAINERS = {"Project", "Event", "PolicyDocument"}
TYPE_PRIORITY = {t: i for i, t in enumerate(PRIORITY)}
BRACKET = re.compile(r"\(([A-Za-z][A-Za-z0-9 ]{1,12}|[\u4e00-\u9fff]{2,8})\)")


def settle_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Drop mentions that a longer one covers or crosses, unless the inner one is a name in its own
    right (a division inside an organisation's name, anything inside a project's or event's name)."""
    ordered = sorted(mentions, key=lambda m: (-m.length, m.start, TYPE_PRIORITY.get(m.type, 99)))
    kept: list[Mention] = []
    for m in ordered:
        ok = True
        for k in kept:
            if k.end <= m.start or m.end <= k.start or (k.start, k.end) == (m.start, m.end):
                continue  # apart, or the same span with another type (one entity with both types)
            inside = k.start <= m.start and m.end <= k.end
            # a name inside a person's name is part of it (镇江 in 李镇江), inside any other name its own
            if inside and m.type in INNER_NAMES and k.type != "Person" and (k.type in CONTAINERS or m.type != k.type):
                continue
            if inside and m.source == "quoted" and k.source == "quoted+tail":
                continue  # “三化三制”改革: the quoted core is the name, the whole an alias
            ok = False
            break
        if ok:
            kept.append(m)
    return sorted(kept, key=lambda m: (m.start, m.end, m.type))


AREA_TYPES = ("Subdistrict", "DevelopmentZone", "AdministrativeDivision")
# a delegation's visit names its host by the first character of its name: 代表团来怀考察 (怀宁县)
VISIT = re.compile(r"来([\u4e00-\u9fff])(?:考察|调研|视察|参观|学习|交流|对接|洽谈)")
LEAD_CHARS = 160  # the lead: the opening of the text after the headline
AREA_STEM = re.compile(r"(?:街道|镇|乡|县|区|市|省)$")


def _specificity(label: str, type_: str, lex_names: dict) -> int:
    """How narrow an area is: a town or street, a zone, a county, a city, a province (higher is narrower)."""
    if type_ == "Subdistrict":
        return 4
    if type_ == "DevelopmentZone":
        return 3
    levels = {d.level for d in lex_names.get(label, ())}
    return 2 if "county" in levels else 1 if "prefecture" in levels else 0


def subject_area(mentions: Iterable[Mention], lex_names: dict, title: str = "", text: str = "",
                 stated: str | None = None) -> str | None:
    """The label of the area a document is about.

    In order: the area its metadata states, when the text names it; the host of a visit in the headline
    (代表团来怀考察); the narrowest area the headline names (a town, a zone, a county before its city);
    the area the lead names first; else the county-level division (then zone, then city) named most.
    """
    areas = [m for m in mentions if m.type in AREA_TYPES]
    counts = Counter(clean_label(m.text) for m in areas)
    type_of = {clean_label(m.text): m.type for m in areas}
    if stated:
        named = [a for a in counts if a == stated or (len(a) >= 2 and (a in stated or stated in a))]
        if named:
            return max(named, key=lambda a: (a == stated, counts[a], len(a)))
    visit = VISIT.search(title)
    if visit:
        hosts = [a for a in counts if a.startswith(visit.group(1)) and type_of[a] == "AdministrativeDivision"]
        if hosts:
            return max(hosts, key=lambda a: (counts[a], _specificity(a, type_of[a], lex_names), len(a)))
    in_title = [a for a in counts if a in title or (len(stem := AREA_STEM.sub("", a)) >= 2 and stem in title)]
    if in_title:
        return max(in_title, key=lambda a: (_specificity(a, type_of[a], lex_names), counts[a], len(a)))
    lead_start = len(title) if title and text.startswith(title) else 0
    # an area named inside a longer area or inside a venue's, park's or firm's name (郑州 in 郑州高新区, in
    # 郑州国际会展中心) is not what the lead is about; inside a body's name (中原区委) it is
    containers = [o for o in mentions if o.type in (*AREA_TYPES, "Place", "Park", "Project", "Enterprise")]
    # 佛山市顺德区: a division written before its own district is the district's address, not the subject
    starts = {m.start for m in areas}
    in_lead = [m for m in areas if lead_start <= m.start < lead_start + LEAD_CHARS and m.type != "Subdistrict"
               and not any(o.start <= m.start and m.end <= o.end and o.length > m.length for o in containers)
               and not (m.type == "AdministrativeDivision" and m.end in starts)]
    if in_lead:  # the first area the lead names (the longest where names nest: 苏州工业园区 before 苏州),
        # preferring a division or listed zone, then one the text names again, over a passing phrase
        lex = lexicon()

        def known(label: str) -> bool:  # a division, a zone the national lists name, or a division's zone
            return (label in lex_names or label in lex.national_zones or label in lex.stat_zones
                    or (type_of.get(label) == "DevelopmentZone" and any(label.startswith(n) for n in (
                        label[:2], label[:3]) if n in lex_names)))

        first = min(in_lead, key=lambda m: (not known(clean_label(m.text)), counts[clean_label(m.text)] < 2,
                                            m.start, -m.length))
        return clean_label(first.text)
    by_level: dict[str, Counter[str]] = {"county": Counter(), "zone": Counter(), "other": Counter()}
    for m in areas:
        label = clean_label(m.text)
        if m.type == "AdministrativeDivision":
            level = "county" if any(d.level == "county" for d in lex_names.get(label, ())) else "other"
            by_level[level][label] += 1
        elif m.type == "DevelopmentZone":
            by_level["zone"][label] += 1
    for level in ("county", "zone", "other"):
        if by_level[level]:
            return max(by_level[level], key=lambda x: (by_level[level][x], len(x)))
    return None


def local_entities(ctx: Context, mentions: list[Mention]) -> tuple[dict[str, Entity], dict[tuple[int, int], str], str | None]:
    """Entities of one document, the mention spans → entity keys, and the subject area's key."""
    names = ctx.lexicon.divisions_by_name
    kept = [m for m in settle_overlaps(mentions) if clean_label(m.text)]
    doc = ctx.document
    area_label = subject_area(kept, names, doc.title, ctx.text, doc.stated_area)
    groups = LabelGroups()
    label_of: dict[tuple[int, int, str], str] = {}
    types: dict[str, set[str]] = defaultdict(set)
    for m in kept:
        label = clean_label(m.text)
        qualified = qualify(label, area_label) if m.type == "Organization" else label
        label_of[(m.start, m.end, m.type)] = qualified
        groups.find(qualified)
        types[qualified].add(m.type)
        if qualified != label:
            types[label].add(m.type)
            groups.union(qualified, label)
        # short forms of divisions: 郑州 → 郑州市
        if m.type == "AdministrativeDivision":
            full = next((d.name for d in names.get(label, ()) if d.name != label), None)
            if full:
                groups.union(full, label)
                types[full].add(m.type)
    labels = set(types)
    text = ctx.text
    quoted_at = {m.start: label_of[(m.start, m.end, m.type)] for m in kept if m.source == "quoted"}
    for m in kept:  # “四化”原则 is the programme “四化” with its head noun
        if m.source == "quoted+tail" and m.start + 1 in quoted_at:
            groups.union(label_of[(m.start, m.end, m.type)], quoted_at[m.start + 1])
    for m in kept:  # bracketed short forms right after a name
        b = BRACKET.match(text, m.end)
        if b and m.type not in ("Person", "AdministrativeDivision"):
            short = b.group(1)
            groups.union(label_of[(m.start, m.end, m.type)], short)
            types[short].add(m.type)
    for a in labels:
        for tail in TAILS:
            core = a[: -len(tail)]
            if a.endswith(tail) and core in labels and len(core) >= 2 and types[a] & types[core]:
                groups.union(a, core)
        for long_form, short_form in ABBREVIATIONS:
            if long_form in a:
                b2 = a.replace(long_form, short_form)
                if b2 in labels and types[a] & types[b2]:
                    groups.union(a, b2)
        for n in range(2, 5):
            if a[:n] in names and a[n:] in labels and len(a) - n >= 4 and types[a] & types[a[n:]]:
                groups.union(a, a[n:])
    bodies = sorted((x for x in labels if types[x] & {"Organization", "AdministrativeDivision"}), key=len, reverse=True)
    events = [x for x in labels if "Event" in types[x]]
    for a in events:
        for variant in event_variants(a, bodies):
            groups.union(a, variant)
            types[variant].add("Event")
    # 汽车 beside 汽车制造产业集群, 生物医药 beside 生物医药大健康: the sector and its cluster
    _refer_back(groups, [x for x in labels if "Industry" in types[x]], str.startswith, 2)
    # 项目集中签约仪式 after 2023年第一批项目集中签约仪式: the report refers back to one event
    _refer_back(groups, events, str.endswith, 6)
    members: dict[str, set[str]] = defaultdict(set)
    for label in types:
        members[groups.find(label)].add(label)
    entities: dict[str, Entity] = {}
    key_of_label: dict[str, str] = {}
    for group in members.values():
        group_types = set().union(*(types[x] for x in group))
        pref = preferred_label(group)
        key = f"e{len(entities)}"
        ent = Entity(key=key, types=group_types, label=pref, aliases=group - {pref})
        entities[key] = ent
        for x in group:
            key_of_label[x] = key
    span_key: dict[tuple[int, int], str] = {}
    for m in kept:
        key = key_of_label[label_of[(m.start, m.end, m.type)]]
        entities[key].mentions.append(m)
        span_key[(m.start, m.end)] = key
    for ent in entities.values():
        _attach_division_code(ent, ctx, area_label)
    area_key = key_of_label.get(area_label) if area_label else None
    return entities, span_key, area_key


def _refer_back(groups: LabelGroups, labels: list[str], within: Callable[[str, str], bool], shortest: int) -> None:
    """A shorter label of one kind in a document names the one fuller label it stands ``within``, when the
    fuller labels it fits all belong to one entity already."""
    for short in labels:
        fuller = [x for x in labels if x != short and within(x, short)]
        if len(short) >= shortest and len({groups.find(x) for x in fuller}) == 1:
            groups.union(short, fuller[0])


_CN_DIGITS = "零一二三四五六七八九十"
_YEAR_HEAD = re.compile(r"^(?:19|20)\d\d年")
_SCOPE_HEAD = re.compile(r"^(?:全区|全市|全省|全县|全国)")


def event_variants(label: str, bodies: Iterable[str]) -> set[str]:
    """Shorter ways other documents write the same event: without its year, scope or organiser, and
    with ordinals in Chinese numerals, so that reports of one meeting merge across documents.

    >>> sorted(event_variants("中原区政府2023年第1次全体(扩大)会议", ["中原区政府"]))
    ['中原区政府2023年第一次全体(扩大)会议', '第1次全体(扩大)会议', '第一次全体(扩大)会议']
    """
    out = {label}
    ordinal = re.sub(r"第([1-9])次", lambda m: f"第{_CN_DIGITS[int(m.group(1))]}次", label)
    out.add(ordinal)
    for form in list(out):
        rest = form
        for body in bodies:
            if rest.startswith(body) and len(rest) - len(body) >= 5:
                rest = rest[len(body):]
                break
        rest = _SCOPE_HEAD.sub("", _YEAR_HEAD.sub("", rest))
        if len(rest) >= 5:
            out.add(rest)
    out.discard(label)
    return out


def _attach_division_code(ent: Entity, ctx: Context, area_label: str | None) -> None:
    if "AdministrativeDivision" not in ent.types:
        return
    candidates = [d for label in ent.labels for d in ctx.lexicon.divisions_by_name.get(label, ())]
    if not candidates:
        return
    mentioned = ctx.division_codes_named

    def rank(d) -> tuple:
        ancestors = 0
        p = d.parent
        while p:
            ancestors += p in mentioned
            p = ctx.lexicon.divisions[p].parent if p in ctx.lexicon.divisions else None
        return (-ancestors, d.code)

    ranked = sorted(set(candidates), key=rank)
    best = ranked[0]
    if len(ranked) > 1 and rank(ranked[1])[0] == rank(best)[0]:
        return  # 西湖区 with neither 杭州 nor 南昌 named: a division, but which one the text does not say
    ent.code, ent.parent_code, ent.level = best.code, best.parent, best.level
    ent.label = best.name
    ent.aliases = (ent.aliases | {x for x in ent.labels if x != best.name}) - {best.name}
