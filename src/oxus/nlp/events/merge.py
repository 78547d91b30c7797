"""From trigger hits to distinct events: merged, split by date, restatements dropped.

Several triggers of one type in one sentence report one event ("attacked and killed"),
so they are merged; a clause that dates its places apart ("in February in Tomsk, and in
May in Kazan") reports one event per place; an event that repeats an earlier one of the
document (a headline restated in the body), or a definite reference back to one ("after
the attack"), adds nothing new.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from oxus.model import Event
from oxus.nlp.clauses import Ment, governing_verb, in_subtree
from oxus.nlp.events.place_time import locative
from oxus.nlp.extensions import DATES, MENTIONS

DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def anaphoric(tok: Token) -> bool:
    """A definite nominal trigger with no date or participant of its own ("after the
    attack", "these arrests"): it points back to an event the document already reported.
    Russian has no article, so any such noun may ("ответственность за теракт")."""
    if tok.pos_ != "NOUN":
        return False
    if tok.doc.lang_ == "en" and not any(c.lower_ in DEFINITE for c in tok.children):
        return False
    doc = tok.doc
    own = [*doc.spans.get(DATES, []), *doc.spans.get(MENTIONS, [])]
    return not any(span.root.i != tok.i and in_subtree(span.root, tok) for span in own)


def split_by_date(event: Event, tok: Token, mentions: list[Ment]) -> list[Event]:
    """One event per place when the clause dates its places apart ("arrests took place in
    February in Tomsk and Omsk, and in May in Kazan"): each place with the date before it."""
    clause = governing_verb(tok)
    lo, hi = clause.left_edge.i, clause.right_edge.i
    spans = tok.doc.spans.get(DATES, [])
    dates = [d for d in spans if lo <= d.start and d.end <= hi + 1 and d._.date]
    if len({d._.date for d in dates}) < 2:
        return [event]
    parts: list[Event] = []
    for ment in mentions:
        if ment.type not in ("place", "state") or not lo <= ment.start <= hi:
            continue
        before = [d for d in dates if d.end <= ment.start]
        if not before or not locative(ment):
            continue
        part = replace(event, location=ment.id, date=before[-1]._.date)
        part.agents, part.targets = list(event.agents), list(event.targets)
        part.counts = dict(event.counts)
        parts.append(part)
    if len({p.date for p in parts}) < 2:
        return [event]
    return parts


def merge_key(event: Event) -> str:
    """The key of a dated, placed part of a split event: type, place and date."""
    return f"{event.type.value}@{event.location}@{event.date}"


def same_event(first: Event, second: Event) -> bool:
    """Whether two events of one document are one restated: type, date, place and actors."""
    return (
        first.type == second.type
        and first.date == second.date
        and first.location == second.location
        and set(first.agents) | set(first.targets) == set(second.agents) | set(second.targets)
    )


def merge_into(into: Event, other: Event) -> None:
    """Add what ``other`` knows and ``into`` lacks: actors, place, counts, and a more
    precise date of the same time ("2024-03-22" over "2024")."""
    for ent in other.agents:
        if ent not in into.agents:
            into.agents.append(ent)
    for ent in other.targets:
        if ent not in into.targets and ent not in into.agents:
            into.targets.append(ent)
    into.location = into.location or other.location
    if other.date and (
        not into.date or (len(other.date) > len(into.date) and other.date.startswith(into.date))
    ):
        into.date = other.date
    for key, value in other.counts.items():
        into.counts.setdefault(key, value)
