"""Stage 4: every document's entities → the corpus's entities, each with its IRI.

Entities sharing a specific (non-generic) label and a type are one entity, and so are divisions sharing a
GB/T 2260 code; its IRI is derived from its type and preferred label (:mod:`policygraph.iris`), so the same
corpus always gives the same IRIs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from .iris import entity_iri
from .labels import ABBREVIATIONS, GENERIC, LabelGroups, firm_core, preferred_label
from .lexicon import lexicon
from .model import Entity, Extraction

SEPARATORS = re.compile(r"[，,、；;\s　]")
NTH_CONGRESS = re.compile(r"第?([一二三四五六七八九十]+)届人民代表大会")
NTH_COMMITTEE = re.compile(r"^(.{2,6}?[区县市])第[一二三四五六七八九十]+届委员会$")
DISTINCT_NAMES = {"Park", "DevelopmentZone", "Place"}


def merge_key(label: str, type_: str) -> str:
    """A spelling of a name under which its variants in other documents meet.

    >>> merge_key("起步就是冲刺，开局就是决战", "Initiative") == merge_key("起步就是冲刺、开局就是决战", "Initiative")
    True
    >>> merge_key("中原区第十七届人民代表大会", "Organization"), merge_key("中原区十七届人大", "Organization")
    ('中原区十七届人大', '中原区十七届人大')
    >>> merge_key("郑州市中原区第十二届委员会", "Organization"), merge_key("科技服务业", "Industry")
    ('中原区委', '科技服务')
    >>> merge_key("郑州国棉三厂特色历史文化街区", "Park") == merge_key("国棉三厂特色历史文化街区", "Park")
    True
    >>> merge_key("渡森服饰年产300万件服装智能化生产线建设项目", "Project")
    '渡森服饰年产300万件服装智能化生产线'
    """
    key = SEPARATORS.sub("", label)
    if type_ == "Organization":
        key = NTH_CONGRESS.sub(r"\1届人大", key)
        key = _without_leading_prefecture(key, 4)
        committee = NTH_COMMITTEE.match(key)
        if committee:  # 中原区第十二届委员会 is the district's party committee: 中原区委
            key = committee.group(1) + "委"
    elif type_ == "Industry":  # 装备制造 / 装备制造产业集群: one sector, named with or without its cluster
        for tail in ("产业集群", "集群"):
            key = key.removesuffix(tail) if len(key) - len(tail) >= 2 else key
        key = key.removesuffix("产业") if len(key) > 4 else key
        key = key.removesuffix("业") if key.endswith("服务业") else key
    elif type_ in DISTINCT_NAMES:
        key = _without_leading_prefecture(key, 7)
        if type_ == "Park":  # 芝麻街1958创意园 / 芝麻街1958双创园, 中原小微企业园 / 中原小微企园区: one park, one core
            key = _park_core(key)
    elif type_ == "Enterprise":  # 联通(河南)产业互联网有限公司 / 联通产业互联网
        key = firm_core(key)
    elif type_ == "Initiative":  # 六大重点产业培育工程 / 六大产业培育工程
        key = QUALIFIERS.sub("", key) or key
    elif type_ == "Project":  # …生产线 and …生产线建设项目 are one project
        for tail in ("建设项目", "项目"):
            if key.endswith(tail) and len(key) - len(tail) >= 6:
                key = key[: -len(tail)]
                break
    return key


QUALIFIERS = re.compile(r"重点|重大")


def _park_core(name: str) -> str:
    """A park's name without its kind of park (创意园, 双创园, 企业园 …), when at least four characters name it.

    >>> _park_core("芝麻街1958双创园") == _park_core("芝麻街1958创意园"), _park_core("中原小微企园区")
    (True, '中原小微~park')
    """
    for ending in _park_endings():
        if name.endswith(ending) and len(name) - len(ending) >= 4:
            return name[: -len(ending)] + "~park"
    return name


@cache
def _park_endings() -> tuple[str, ...]:
    endings = {e for e, kind in lexicon().suffixes if kind == "Park"} | {short for _, short in ABBREVIATIONS}
    return tuple(sorted(endings, key=len, reverse=True))


def _without_leading_prefecture(name: str, keep: int) -> str:
    """郑州国棉三厂… → 国棉三厂…: a city or province name in front, when enough name is left."""
    lex = lexicon()
    for size in (4, 3, 2):
        head = name[:size]
        rest = name[size:]
        # 郑州市民活动中心: the 市 after 郑州 ends the city's name, so 市民活动中心 is not a name of its own
        if (any(d.level in ("province", "prefecture") for d in lex.divisions_by_name.get(head, ()))
                and len(rest) >= keep and rest[0] not in "省市区县"):
            return rest
    return name


def merge_corpus(extractions: list[Extraction], base: str) -> dict[str, Entity]:
    """Give every entity of every document its corpus-wide IRI (in place) and return the corpus
    entities by IRI, each with all its labels, types and mentions."""
    groups = LabelGroups()
    everything = [(x.document.id, e) for x in extractions for e in x.entities.values()]
    for doc_id, e in everything:
        node = f"{doc_id}#{e.key}"
        groups.find(node)
        for label in e.labels:
            if GENERIC.match(label):
                continue
            for t in e.types:
                groups.union(node, f"{t}|{label}")
                groups.union(node, f"{t}|~{merge_key(label, t)}")
        if e.code:
            groups.union(node, f"code|{e.code}")
    clusters: dict[str, list[Entity]] = defaultdict(list)
    for doc_id, e in everything:
        clusters[groups.find(f"{doc_id}#{e.key}")].append(e)
    corpus: dict[str, Entity] = {}
    # the area a document is about scopes its bare bodies: two reports on 中原区 mean one 市委
    area_of = {x.document.id: (x.entities[x.subject_area].label if x.subject_area else x.document.id)
               for x in extractions}
    home = {id(e): area_of[doc_id] for doc_id, e in everything}
    for members in clusters.values():
        labels = set().union(*(m.labels for m in members))
        types = set().union(*(m.types for m in members))
        division = next((m for m in members if m.code), None)
        pref = division.label if division else preferred_label(labels)
        merged = Entity("corpus", types, pref, aliases=labels - {pref},
                        mentions=[x for m in members for x in m.mentions])
        if division:
            merged.code, merged.parent_code, merged.level = division.code, division.parent_code, division.level
        # a body known only by a bare name (市委, 管委会) belongs to its document's area: 苏州's 市委 is not 合肥's
        bare = all(GENERIC.match(label) for label in labels)
        merged.iri = entity_iri(base, merged, scope=home[id(members[0])] if bare else "")
        for m in members:
            m.iri = merged.iri
        corpus[merged.iri] = merged
    return dict(sorted(corpus.items()))


__all__ = ["merge_corpus", "merge_key"]
