"""Posts: ``区委常委、统战部部长、区委办主任闫凯`` → three posts, each a title and the body it belongs to."""

from __future__ import annotations

from ..labels import clean_label, qualify
from ..model import Entity, Evidence, Post
from .facts import Facts, Found
from .people import find_bylines, find_titled_people

# Titles whose body is the area's government when the text names none (区长 → 区政府).
GOVERNMENT_HEADS = {"区长", "副区长", "常务副区长", "市长", "副市长", "常务副市长", "县长", "副县长", "省长", "副省长"}


def split_phrase(phrase: str, titles: tuple[str, ...]) -> tuple[str, str] | None:
    """(body, title) of a post phrase, the longest title it ends with.

    >>> split_phrase("中原区委书记", ("副书记", "书记", "部长"))
    ('中原区委', '书记')
    """
    for t in titles:
        if phrase.endswith(t):
            return phrase[: -len(t)], t
    return None


def _body_entity(body: str, area_label: str | None, label_key: dict[str, str]) -> str | None:
    """The entity a post phrase's body names: the longest tail of the phrase that is an entity label
    (在…上，中原区委 → 中原区委), bare bodies qualified by the area (区委 → 中原区委)."""
    for i in range(len(body)):
        tail = body[i:]
        key = label_key.get(qualify(tail, area_label)) or label_key.get(tail)
        if key:
            return key
    return None


def post_facts(found: Found) -> Facts:
    """The posts the document's people hold."""
    return Facts(posts=find_posts(found))


def find_posts(found: Found) -> list[Post]:
    ctx, entities, span_key, area = found.ctx, found.entities, found.span_key, found.area
    label_key = found.label_key
    area_label = entities[area].label if area else None
    posts: list[Post] = []
    for titled in find_titled_people(ctx):
        person = span_key.get((titled.person.start, titled.person.end))
        if not person:
            continue
        for start, end in titled.phrases:
            parts = split_phrase(ctx.text[start:end], ctx.lexicon.titles)
            if not parts:
                continue
            body, title = parts
            body = clean_label(body)
            org = _body_entity(body, area_label, label_key)
            if not body and title in GOVERNMENT_HEADS and area_label:
                org = label_key.get(area_label + "政府") or label_key.get(area_label + "人民政府")
            posts.append(Post(person, title, org, Evidence(start, titled.person.end, titled.person.sentence)))
    for mention, role in find_bylines(ctx):
        person = span_key.get((mention.start, mention.end))
        if person:
            posts.append(Post(person, role, None, Evidence(mention.start, mention.end, mention.sentence)))
    return _most_specific(list(dict.fromkeys(posts)), entities)


def _most_specific(posts: list[Post], entities: dict[str, Entity]) -> list[Post]:
    """Drop a post that a fuller one of the same person restates: 记者 beside 郑州晚报记者,
    党工委书记 beside 郑州经济技术开发区党工委书记."""
    def label(p: Post) -> str:
        return (entities[p.org].label if p.org else "") + p.title

    return [p for p in posts if not any(q.person == p.person and label(q) != label(p) and label(q).endswith(label(p))
                                        for q in posts)]
