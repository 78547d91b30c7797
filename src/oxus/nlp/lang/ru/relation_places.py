"""Russian based_in rules: a group or person located in a place or state.

A place locates an actor when it is under a locative preposition ("в Кабуле", "на
территории Сирии", "в провинции Бадахшан", "в 17-м районе Кабула") and the phrase
hangs on the actor ("ячейки ИГ в Кабуле", "боевики организации в Сирии"), on the
clause the actor is the subject of ("группировка действует в Афганистане", "лидер
ИДУ проживал в этом регионе"), or on a title of a person ("пресс-секретарь
госпиталя в Пешаваре Зулфикар Али Бабахел"). People move: a person is placed only
by a verb of residence or presence, a title, or an apposition, never by "из".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from oxus.nlp.clauses import Ment, governing_verb
from oxus.nlp.grammar import preposition
from oxus.nlp.lang.ru.relation_words import (
    group_anaphor,
    named,
    person_anaphor,
    relative_antecedent,
)
from oxus.nlp.relations.people import Candidate

PLACE_CLIMB = frozenset({"appos", "flat", "flat:name", "conj", "nmod"})
ACTORS = ("group", "person")
RELATIVE = frozenset({"который"})


@dataclass(frozen=True)
class PlaceCues:
    """Words of the based_in rules (``based_in`` in ``lang/ru/patterns/relations.yaml``)."""

    preps: frozenset[str]
    lemmas: frozenset[str]
    exclude_preps: frozenset[str]
    exclude_lemmas: frozenset[str]
    motion_preps: frozenset[str]


def locative_head(root: Token, cues: PlaceCues) -> Token | None:
    """The noun carrying the locative preposition of a place ("районе" for "в районе
    Южный Вазиристан"), climbing lists, appositions and genitives; None if not locative."""
    node = root
    for _ in range(4):
        prep = preposition(node)
        if prep is not None:
            return node if prep in cues.preps and prep not in cues.exclude_preps else None
        if node.dep_ not in PLACE_CLIMB or node.head.i == node.i:
            return None
        node = node.head
    return None


def based_in_relations(
    sent: Span,
    mentions: list[Ment],
    by_token: dict[int, Ment],
    doc_ments: list[Ment],
    cues: PlaceCues,
) -> Iterator[Candidate]:
    """Groups and people located in a place or state by a locative phrase."""
    if not any(m.type in ACTORS for m in mentions):
        return
    resident = any(t.lemma_ in cues.lemmas for t in sent)
    for loc in mentions:
        if loc.type not in ("place", "state"):
            continue
        head = locative_head(loc.span.root, cues)
        if head is None:
            continue
        motion = preposition(head) in cues.motion_preps
        for actor, how in _actors(head, by_token, doc_ments, cues):
            if actor.id == loc.id or actor.type not in ACTORS:
                continue
            if actor.type == "person" and (motion or (how == "clause" and not resident)):
                continue
            yield Candidate(actor, "based_in", loc, None, head)


def _actors(
    head: Token, by_token: dict[int, Ment], doc_ments: list[Ment], cues: PlaceCues
) -> list[tuple[Ment, str]]:
    """(actor, how it is tied) for a locative phrase: the noun it hangs on or that noun's
    owners and holders, else the subject of its clause."""
    attach = head.head
    if attach.i == head.i or attach.lemma_ in cues.exclude_lemmas:
        return []
    if attach.pos_ in ("NOUN", "PROPN"):
        found = named(attach, by_token, ACTORS)
        holder = attach
        for _ in range(2):  # "пресс-секретарь госпиталя в Пешаваре X"
            if found or holder.dep_ != "nmod":
                break
            holder = holder.head
            found = named(holder, by_token, ("person",))
        if found:
            return [(m, "phrase") for m in found]
        ante = group_anaphor(attach, by_token, doc_ments)
        if ante is not None:
            return [(ante, "phrase")]
    verb = governing_verb(attach)
    if verb.lemma_ in cues.exclude_lemmas:
        return []
    return [(m, "clause") for m in _clause_actors(verb, by_token, doc_ments)]


def _clause_actors(verb: Token, by_token: dict[int, Ment], doc_ments: list[Ment]) -> list[Ment]:
    """The subject of a clause (a participle's or "который"'s noun stands for it)."""
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubj:pass"):
            continue
        if child.lemma_ in RELATIVE:
            return relative_antecedent(child, by_token, ACTORS)
        found = named(child, by_token, ACTORS)
        people = [m for m in found if m.type == "person"]
        if found:
            # "лидер группировки X Махди Арсалон скрывается в ...": the leader, not X
            return people or found
        ante = group_anaphor(child, by_token, doc_ments) or person_anaphor(child, doc_ments)
        return [ante] if ante is not None else []
    if verb.dep_ in ("acl", "amod"):
        return named(verb.head, by_token, ACTORS)
    return []
