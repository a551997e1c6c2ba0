"""Stage 3: one document → mentions → entities and facts (:class:`~policygraph.model.Extraction`).

``extract_document`` is a pure function of one document and the shipped lexicons, so it runs
unchanged in worker processes or on a cluster. A new family plugs in by adding a function to
:data:`MENTION_EXTRACTORS` (document → mentions) or :data:`FACT_EXTRACTORS`.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Document, Extraction, Mention
from ..resolve import local_entities
from .base import Context
from .bodies import find_bodies, find_news_organisations, find_representatives
from .divisions import find_divisions, find_national_zones
from .events import event_facts
from .firms import find_firms
from .indicators import find_observations
from .industries import find_industries
from .investments import find_investments
from .lists import find_category_lists
from .people import find_people
from .places import find_bounded_ways, find_ways
from .posts import find_posts
from .projects import find_project_lists
from .quoted import find_documents, find_quoted
from .relations import construction_relations, context_relations, hierarchy_relations
from .suffixed import find_suffixed

MentionExtractor = Callable[[Context], list[Mention]]
MENTION_EXTRACTORS: list[MentionExtractor] = [
    find_divisions, find_national_zones, find_suffixed, find_bodies, find_representatives, find_people, find_quoted, find_documents,
    find_industries, find_project_lists, find_ways, find_bounded_ways, find_category_lists,
    find_firms, find_news_organisations,
]


def find_mentions(ctx: Context) -> list[Mention]:
    return [m for extractor in MENTION_EXTRACTORS for m in extractor(ctx)]


def extract_document(document: Document) -> Extraction:
    ctx = Context(document)
    entities, span_key, area = local_entities(ctx, find_mentions(ctx))
    result = Extraction(document, ctx.sentences, entities, subject_area=area)
    result.posts = find_posts(ctx, entities, span_key, area)
    event_rels, result.literals = event_facts(ctx, entities, span_key, area)
    result.literals += find_investments(ctx, entities, span_key)
    result.relations = list(dict.fromkeys(
        context_relations(ctx, entities, area) + hierarchy_relations(ctx, entities, area)
        + construction_relations(ctx, entities, span_key, area) + event_rels))
    owned = [(m.start, m.end) for e in entities.values() if e.types & {"Project", "Enterprise"} for m in e.mentions]
    areas = sorted((m.start, m.end, k) for k, e in entities.items()
                   if e.types & {"AdministrativeDivision", "DevelopmentZone", "Subdistrict"} for m in e.mentions)
    result.observations = find_observations(ctx, area, owned, areas)
    return result


__all__ = ["MENTION_EXTRACTORS", "extract_document", "find_mentions"]
