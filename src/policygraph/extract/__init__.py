"""Stage 3: one document → mentions → entities and facts (:class:`~policygraph.model.Extraction`).

``extract_document`` is a pure function of one document and the shipped lexicons, so it runs
unchanged in worker processes or on a cluster. A new family plugs in by adding a function to
:data:`MENTION_EXTRACTORS` (context → mentions) or :data:`FACT_RULES` (:class:`~policygraph.extract.facts.Found` →
:class:`~policygraph.extract.facts.Facts`).
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Document, Extraction, Mention
from .base import Context
from .bodies import find_bodies, find_news_organisations, find_representatives
from .divisions import find_divisions, find_national_zones
from .events import event_facts
from .facts import FactRule, Found
from .firms import find_firms
from .grouping import local_entities
from .indicators import observation_facts
from .industries import find_industries
from .investments import find_investments
from .lists import find_category_lists
from .people import find_people
from .places import find_bounded_ways, find_ways
from .posts import post_facts
from .projects import find_project_lists
from .quoted import find_documents, find_programmes, find_quoted
from .relations import construction_relations, context_relations, hierarchy_relations
from .suffixed import find_suffixed
from .villages import find_villages

MentionExtractor = Callable[[Context], list[Mention]]
MENTION_EXTRACTORS: list[MentionExtractor] = [
    find_divisions, find_national_zones, find_suffixed, find_bodies, find_representatives, find_people, find_quoted, find_documents,
    find_industries, find_project_lists, find_ways, find_bounded_ways, find_category_lists,
    find_firms, find_news_organisations, find_programmes, find_villages,
]


def find_mentions(ctx: Context) -> list[Mention]:
    return [m for extractor in MENTION_EXTRACTORS for m in extractor(ctx)]


# In this order: relations are kept in it (the first statement of a relation gives its evidence).
FACT_RULES: list[FactRule] = [
    post_facts, context_relations, hierarchy_relations, construction_relations, event_facts, find_investments,
    observation_facts,
]


def extract_document(document: Document) -> Extraction:
    ctx = Context(document)
    entities, span_key, area = local_entities(ctx, find_mentions(ctx))
    result = Extraction(document, ctx.sentences, entities, subject_area=area)
    found = Found(ctx, entities, span_key, area)
    facts = [rule(found) for rule in FACT_RULES]
    result.posts = [p for f in facts for p in f.posts]
    result.relations = list(dict.fromkeys(r for f in facts for r in f.relations))
    result.literals = [lit for f in facts for lit in f.literals]
    result.observations = [o for f in facts for o in f.observations]
    return result


__all__ = ["FACT_RULES", "MENTION_EXTRACTORS", "extract_document", "find_mentions"]
