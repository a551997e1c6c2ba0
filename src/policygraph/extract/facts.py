"""What every fact rule reads and returns: one signature, ``rule(found) -> Facts``.

A fact rule reads the document's entities, found by the mention extractors and grouped, and returns the
facts it states: relations, literal facts (dates, investments), posts and indicator observations.
:data:`policygraph.extract.FACT_RULES` lists the rules in order; a new rule plugs in there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from ..model import Entity, LiteralFact, Observation, Post, Relation
from .base import Context


@dataclass
class Found:
    """One document's context, its entities, the entity each mention span names, and the area it is about."""

    ctx: Context
    entities: dict[str, Entity]
    span_key: dict[tuple[int, int], str]
    area: str | None

    @cached_property
    def label_key(self) -> dict[str, str]:
        """Every label of every entity → the entity's key."""
        return {label: k for k, e in self.entities.items() for label in e.labels}


@dataclass
class Facts:
    relations: list[Relation] = field(default_factory=list)
    literals: list[LiteralFact] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)


FactRule = Callable[[Found], Facts]
