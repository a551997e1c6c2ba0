"""Event facts: dates, organisers, locations and participants, read from the event's sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from ..model import Entity, Evidence, LiteralFact, Mention, Relation
from .base import Context
from .bodies import NEWS_ENDINGS
from .facts import Facts, Found

DATES = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日((?:[、和至-]\d{1,2}日)*)")
ORGANISE = re.compile(r"(?:联合|共同)?(?:组织)?(?:召开|举办|主办|举行|承办|组织)")
HOLD_AT = re.compile(r"^(?:联合|共同)?(?:举行|召开|举办|开幕|启动)")
PARTICIPATE = re.compile(r"出席|参加|主持|讲话|强调|指出|致辞|参会|作工作部署|作报告|表示")
GOVERNING = ("委", "政府", "人大", "政协", "常委会", "管委会", "党工委")
ORGANISER_TYPES = {"Organization", "AdministrativeDivision", "DevelopmentZone"}
PLACE_TYPES = {"Park", "Place", "DevelopmentZone", "AdministrativeDivision"}


RELATIVE_DAYS = re.compile(r"(今天|今日|昨天|昨日)")


def dates_in(text: str, year: int | None, today: str | None = None) -> list[tuple[int, str]]:
    """(offset, ISO date) of every date in a text, days listed after a date included; ``今天`` and ``昨天``
    when ``today`` (the document's own date line) is known.

    >>> dates_in("1月12日、13日，在中原区", 2023)
    [(0, '2023-01-12'), (0, '2023-01-13')]
    >>> dates_in("昨天,项目签约仪式举行", 2018, today="2018-06-25")
    [(0, '2018-06-24')]
    """
    found = []
    if today:
        for m in RELATIVE_DAYS.finditer(text):
            back = 1 if m.group(1).startswith("昨") else 0
            found.append((m.start(), (date.fromisoformat(today) - timedelta(days=back)).isoformat()))
    for m in DATES.finditer(text):
        y = int(m.group(1)) if m.group(1) else year
        if y is None:
            continue
        month = int(m.group(2))
        days = [int(m.group(3)), *(int(d) for d in re.findall(r"\d{1,2}", m.group(4) or ""))]
        for d in days:
            try:
                found.append((m.start(), date(y, month, d).isoformat()))
            except ValueError:
                continue
    return sorted(found)


def _nested(spans: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
    """The spans that lie inside another span (one sweep in start order, longest first).

    >>> sorted(_nested([(0, 6), (0, 3), (2, 4), (7, 9)]))
    [(0, 3), (2, 4)]
    """
    inside = set()
    reach = -1
    for start, end in sorted(spans, key=lambda se: (se[0], -se[1])):
        if reach >= end:
            inside.add((start, end))
        reach = max(reach, end)
    return inside


def event_facts(found: Found) -> Facts:
    """Events' dates, organisers, locations and participants."""
    ctx, entities, span_key, area = found.ctx, found.entities, found.span_key, found.area
    relations: list[Relation] = []
    literals: list[LiteralFact] = []
    by_sentence: dict[int, list[tuple[Mention, str]]] = {}
    inside = _nested(span_key)
    for (start, end), key in span_key.items():
        if (start, end) in inside:
            continue  # 中原区 inside 中原区政府: the body acts, not the division
        for m in entities[key].mentions:
            if (m.start, m.end) == (start, end):
                by_sentence.setdefault(m.sentence, []).append((m, key))
                break
    year = ctx.document.year
    label_key = found.label_key
    for idx, items in by_sentence.items():
        sent = ctx.sentences[idx]
        events = [(m, k) for m, k in items if "Event" in entities[k].types]
        if not events:
            continue
        dates = dates_in(sent.text, year, ctx.document.date if ctx.document.dated_by_line else None)
        for ev, ek in events:
            evidence = Evidence(sent.start, sent.end, idx)
            # the nearest date before the event in its sentence, else the first date of the sentence
            before = [d for d in dates if sent.start + d[0] <= ev.start]
            chosen_offset = before[-1][0] if before else (dates[0][0] if dates else None)
            for off, iso in dates:
                if off == chosen_offset:
                    literals.append(LiteralFact(ek, "date", iso, evidence))
            # organiser named at the head of the event's own name (中原区政府2023年第一次全体会议)
            for label, k in label_key.items():
                if k != ek and entities[k].types & ORGANISER_TYPES and ev.text.startswith(label) and len(label) >= 2:
                    relations.append(Relation(ek, "organizer", k, evidence))
                    break
            # a venue or park at the head of the name is where it was held (临港产业园集中开工暨项目签约仪式)
            for label, k in label_key.items():
                if (k != ek and entities[k].types & {"Park", "Place"} and not entities[k].types & {"Event", "Project"}
                        and ev.text.startswith(label) and len(label) >= 3):
                    relations.append(Relation(ek, "location", k, evidence))
                    break
            for m, k in items:
                if k == ek:
                    continue
                types = entities[k].types
                between = ctx.text[m.end:ev.start] if m.end <= ev.start else ""
                after = ctx.text[m.end:m.end + 6]
                if (types & ORGANISER_TYPES and m.end <= ev.start and ORGANISE.search(between) and len(between) <= 40
                        and not entities[k].label.endswith(NEWS_ENDINGS)):  # 珠江时报讯…举行: the paper reports it
                    relations.append(Relation(ek, "organizer", k, evidence))
                elif types & PLACE_TYPES and ctx.text[m.start - 1:m.start] == "在" and HOLD_AT.match(after):
                    relations.append(Relation(ek, "location", k, evidence))
                elif ("Person" in types and PARTICIPATE.search(ctx.text[m.end:m.end + 8])) or ("Enterprise" in types and ctx.text[m.start - 1:m.start] in ("与", "和", "同")):
                    relations.append(Relation(ek, "participant", k, evidence))
    relations += _session_participants(ctx, entities, by_sentence, relations)
    relations += _main_event_participants(ctx, entities, by_sentence, relations)
    relations += _area_organised(ctx, entities, by_sentence, relations, area)
    return Facts(relations=relations, literals=literals)


HOSTED = re.compile(r"举办|承办|开展|组织开展|成功举办")


def _area_organised(ctx: Context, entities: dict[str, Entity], by_sentence: dict[int, list[tuple[Mention, str]]],
                    known: list[Relation], area: str | None) -> list[Relation]:
    """An event with no organiser named, that 全区 holds or that the text says was 举办 / 开展, is the
    document's area's (成功举办“郑创汇”国际创新创业大赛, 全区春节团拜会)."""
    if not area:
        return []
    organised = {r.subject for r in known if r.predicate == "organizer"}
    found = []
    for idx, items in by_sentence.items():
        sent = ctx.sentences[idx]
        for m, k in items:
            if "Event" not in entities[k].types or k in organised or k == area:
                continue
            whole_area = m.text.startswith("全区") or ctx.text[max(0, m.start - 2):m.start] == "全区"
            if whole_area or HOSTED.search(ctx.text[sent.start:m.start]):
                found.append(Relation(k, "organizer", area, Evidence(sent.start, sent.end, idx)))
                organised.add(k)
    return found


SESSION_OPENING = re.compile(r"^(?:会上|会议上|会议期间|活动中|活动现场)")
PARTICIPANT_TYPES = {"Person", "Organization", "Enterprise", "Subdistrict"}


def _session_participants(ctx: Context, entities: dict[str, Entity],
                          by_sentence: dict[int, list[tuple[Mention, str]]], known: list[Relation]) -> list[Relation]:
    """Who spoke or took part, in the sentences that report an event (会上，A、B、C等8个单位发言;
    区长邓英文主持讲话): the sentence after the event's, and a following sentence opening with 会上."""
    relations: list[Relation] = []
    sents = ctx.sentences
    organizers = {(r.subject, r.object) for r in known if r.predicate == "organizer"}
    for idx, items in sorted(by_sentence.items()):
        ek = next((k for _, k in items if "Event" in entities[k].types), None)
        if ek is None:
            continue
        for follow in (idx + 1, idx + 2):
            if follow >= len(sents) or any("Event" in entities[k].types for _, k in by_sentence.get(follow, [])):
                break
            sent = sents[follow]
            session = SESSION_OPENING.match(sent.text) is not None
            for m, k in by_sentence.get(follow, []):
                if k == ek or (ek, k) in organizers or not entities[k].types & PARTICIPANT_TYPES:
                    continue
                takes_part = PARTICIPATE.search(ctx.text[m.end:m.end + 8])
                if session or ("Person" in entities[k].types and takes_part):
                    relations.append(Relation(ek, "participant", k, Evidence(sent.start, sent.end, follow)))
    return relations


CLAUSE_END = re.compile(r"[，,。；;！？!?\n]")
TAKES_PART = re.compile(r"出席|参加|主持|讲话|致辞|宣布|见证|陪同|观摩|发言|作报告|作政府工作报告|介绍|表示|签约|参会|带队|率队")
SIGNED = re.compile(r"签约|签订|签署|入驻|落户")


REFERRED = re.compile(r"精神|决策部署|重要讲话|以来|提出|作出")  # 党的二十大精神: an event referred to, not reported
HOLDING = re.compile(r"召开|举行|举办|开幕|启动|开工|签约|在.{0,12}(?:上|中)|会上")


def _main_event(ctx: Context, entities: dict[str, Entity],
                by_sentence: dict[int, list[tuple[Mention, str]]]) -> str | None:
    """The event a report is about: the first one the text says was held (召开, 举行 …), not one it refers to
    (学习党的二十大精神); else the one named most."""
    seen: dict[str, tuple[int, int]] = {}
    held: list[tuple[int, str]] = []
    for idx, items in sorted(by_sentence.items()):
        for m, k in items:
            if "Event" in entities[k].types and not REFERRED.match(ctx.text, m.end):
                count, first = seen.get(k, (0, m.start))
                seen[k] = (count + 1, min(first, m.start))
                if HOLDING.search(ctx.sentences[idx].text):
                    held.append((m.start, k))
    if held:
        return min(held)[1]
    return min(seen, key=lambda k: (-seen[k][0], seen[k][1])) if seen else None


def _main_event_participants(ctx: Context, entities: dict[str, Entity],
                             by_sentence: dict[int, list[tuple[Mention, str]]], known: list[Relation]) -> list[Relation]:
    """Who took part in the event a report is about, wherever the report says so: a person whose clause says
    they attended, spoke or announced (区领导A、B、C参加会议, 市委书记X宣布项目开工), and at a signing, the firms
    and bodies of the sentences that report what was signed (与上海电影集团…签订…项目)."""
    main = _main_event(ctx, entities, by_sentence)
    if main is None:
        return []
    found = _main_event_location(ctx, entities, by_sentence, main)
    organizers = {r.object for r in known if r.predicate == "organizer" and r.subject == main}
    signing = bool(SIGNED.search(entities[main].label))
    for idx, items in sorted(by_sentence.items()):
        sent = ctx.sentences[idx]
        for m, k in items:
            types = entities[k].types
            if k == main or k in organizers:
                continue
            clause_end = CLAUSE_END.search(ctx.text, m.end)
            clause = ctx.text[m.end:clause_end.start() if clause_end else sent.end]
            person = "Person" in types and TAKES_PART.search(clause)
            party = signing and types & {"Enterprise", "Organization"} and SIGNED.search(sent.text) \
                and not types & {"AdministrativeDivision", "DevelopmentZone"} \
                and not entities[k].label.endswith(GOVERNING)  # 市委, 县政府: the hosts, not a party to a deal
            if person or party:
                found.append(Relation(main, "participant", k, Evidence(sent.start, sent.end, idx)))
    return found


HELD_HERE = re.compile(r"(?:项目)?(?:现场|分会场|主会场)?(?:隆重|正式|盛大)?(?:举行|召开|举办|开幕|启动)")


def _main_event_location(ctx: Context, entities: dict[str, Entity],
                         by_sentence: dict[int, list[tuple[Mention, str]]], main: str) -> list[Relation]:
    """Where the report's event was held: 在X举行, 在X现场举行 (the first such place the report names)."""
    for idx, items in sorted(by_sentence.items()):
        for m, k in sorted(items, key=lambda mk: mk[0].start):
            types = entities[k].types
            if k == main or not types & PLACE_TYPES or types & {"Event", "Project"}:
                continue
            if ctx.text[m.start - 1:m.start] == "在" and HELD_HERE.match(ctx.text, m.end):
                sent = ctx.sentences[idx]
                return [Relation(main, "location", k, Evidence(sent.start, sent.end, idx))]
    return []
