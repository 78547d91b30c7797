"""The ``oxus_events`` component: what happened, who did it, to whom, where and when.

A trigger word (``patterns/events.yaml``) opens an event; its arguments come from the
trigger's clause: agents from the subject side ("by X", "X's attack", or unnamed
authorities of a state: "Uzbek police detained"), targets from the object side ("on X",
"against X"), the most specific place of the trigger's clause (else of the sentence) as
location, the date nearest the trigger in the parse and the sentence's counts.
One event per trigger clause; events of one type in one sentence are merged, and an
event repeating an earlier one of the document (a headline restated) is dropped.

Only what happened counts: a trigger that modifies another noun ("attack helicopters"),
or whose clause is negated, modal or governed by an intention or prevention word
("planning attacks", "capacity to prevent attacks"), opens no event of the types that
must be realis; a planned attack whose plotters are arrested is a foiled plot.

This module assembles the event; the parts live beside it: trigger words in
:mod:`~oxus.nlp.events.triggers`, the realis filter in :mod:`~oxus.nlp.events.realis`,
agents and targets in :mod:`~oxus.nlp.events.arguments`, place and date in
:mod:`~oxus.nlp.events.place_time`, merging and restatements in :mod:`~oxus.nlp.events.merge`.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from oxus.model import Event, EventType
from oxus.nlp.candidates import Candidate, FollowUpCounts, doc_candidates, mark_language
from oxus.nlp.clauses import (
    Ment,
    doc_mentions,
    evidence_for,
    governing_verb,
    sentences_with_mentions,
)
from oxus.nlp.events.arguments import ArgumentFinder, Participants, mention_ids
from oxus.nlp.events.counts import counts_getter
from oxus.nlp.events.dating import date_events
from oxus.nlp.events.features import event_features
from oxus.nlp.events.merge import anaphoric, split_by_date
from oxus.nlp.events.place_time import (
    clause_mentions,
    embedded,
    event_date,
    event_location,
    in_report,
    names_other_event,
    outside_parentheses,
    own_places,
)
from oxus.nlp.events.realis import RealisFilter
from oxus.nlp.events.triggers import TriggerFinder
from oxus.nlp.extensions import TokenStrings, token_strings
from oxus.nlp.lexicon import load_lexicon, phrase_set
from oxus.nlp.relations.links import Cue
from oxus.nlp.states import state_of_entity

__all__ = ["EventExtractor", "make_events"]

ACTOR_TYPES = frozenset({"group", "person", "organization", "state"})
FOLLOW_UP_KEYS = frozenset({"killed", "wounded"})
"""Counts a sentence naming no one adds to the attack or clash told just before it."""


def russian_arguments(lex: dict[str, Any]) -> Participants:
    from oxus.nlp.lang.ru.event_args import RussianArguments

    return RussianArguments(lex)


class EventExtractor:
    """Finds events in a parsed Doc whose mentions are already linked."""

    def __init__(self, *, lexicon: str = "events", lang: str = "en") -> None:
        lex = load_lexicon(lexicon, lang)
        self.english = lang == "en"
        self.skip_reported_dates = not self.english
        """A Russian statement is not dated by the clause it reports ("объявили, что X погиб
        27 августа"); the English parse often hangs the statement's own date there, so
        English keeps it (measured on the gold)."""
        self.triggers = TriggerFinder(lex, lang)
        self.realis = RealisFilter(lex, lang)
        self.participants: Participants = (
            ArgumentFinder(lex) if lang == "en" else russian_arguments(lex)
        )
        self.state_agents = phrase_set(lex.get("state_agents"))
        self.authority_types = phrase_set(lex.get("authority_types"))
        self.force_lemmas = phrase_set(lex.get("force_triggers"))
        self.count_keys: dict[str, list[str]] = lex.get("count_keys", {})
        self.counts = counts_getter()

    def __call__(self, doc: Doc) -> Doc:
        found = doc_candidates(doc)
        strings = token_strings(doc)
        types = {m.id: m.type for m in doc_mentions(doc)}
        for index, sent, mentions in sentences_with_mentions(doc):
            if not mentions:
                tolls = {k: v for k, v in self.counts(sent).items() if k in FOLLOW_UP_KEYS}
                if tolls:
                    found.follow_ups.append(FollowUpCounts(index, tolls))
                continue
            by_token = {i: m for m in mentions for i in range(m.start, m.end)}
            cues = self.triggers.find(sent)
            kinds = {c.predicate for c in cues}
            triggers = {c.start for c in cues}
            for cue in cues:
                if cue.start in by_token:
                    continue
                tok = sent.doc[cue.start]
                seen = {c.fact.type.value for c in found.events}
                found.events.extend(
                    self._candidates(
                        sent,
                        index,
                        tok,
                        cue,
                        kinds,
                        [m for m in mentions if not names_other_event(m, tok, triggers)],
                        by_token,
                        strings,
                        types,
                        seen,
                    )
                )
        date_events(doc, found.events)
        mark_language(found.events, doc.lang_)
        return doc

    def _candidates(
        self,
        sent: Span,
        index: int,
        tok: Token,
        cue: Cue,
        kinds: set[str],
        mentions: list[Ment],
        by_token: dict[int, Ment],
        strings: TokenStrings,
        types: dict[str, str],
        seen: set[str],
    ) -> list[Candidate[Event]]:
        """The events a trigger may open: of the type the rules give it (or its lexicon
        type when the rules reject it), each with the features of that reading. ``seen``
        holds the types proposed earlier in the document ("the attack" may point back)."""
        rule_kind = self._opened_kind(tok, cue, kinds, by_token)
        kind = rule_kind or cue.predicate
        event = self._event(sent, index, tok, kind, mentions, by_token)
        if event is None:
            return []
        out = []
        parts = split_by_date(event, tok, mentions)
        referred = embedded(tok)
        for part in parts:
            features = event_features(
                sent,
                tok,
                part,
                strings,
                lexicon_kind=cue.predicate,
                rule_kind=part.type.value if rule_kind is not None else None,
                irrealis=self.realis.context(tok),
                anaphoric=anaphoric(tok) and part.type.value in seen,
                accepted=self.triggers.accept(tok, cue),
                headline=index == 0,
                types=types,
            )
            if len(parts) > 1:
                features[f"{part.type.value}|split"] = 1.0
            if referred:
                features[f"{part.type.value}|embedded"] = 1.0
            key = (part.type.value, str(index), str(tok.i), part.location or "", part.date or "")
            out.append(Candidate(part, features, key))
        return out

    def _opened_kind(
        self,
        tok: Token,
        cue: Cue,
        kinds: set[str],
        by_token: dict[int, Ment],
    ) -> str | None:
        """The type of event the rules say a cue opens, or None: not a trigger here,
        unreal, or a capture of things, not people."""
        if not self.triggers.accept(tok, cue):
            return None
        kind = self.realis.kind(tok, cue.predicate, kinds)
        if kind is None:
            return None
        if kind == "arrest" and not self.triggers.takes_people(tok, by_token):
            return None
        if self.triggers.describes(tok, kind):
            return None
        return kind

    def _event(
        self,
        sent: Span,
        index: int,
        tok: Token,
        kind: str,
        mentions: list[Ment],
        by_token: dict[int, Ment],
    ) -> Event | None:
        """The event a trigger opens, or None when it names no participant or place."""
        agents, targets = self.participants.arguments(tok, by_token)
        whole_sentence = mentions if self.english else outside_parentheses(sent, mentions)
        location = (
            (None if self.english else event_location(own_places(tok, mentions)))
            or event_location(clause_mentions(tok, mentions, nested=self.english))
            or (None if self.english and in_report(tok) else event_location(whole_sentence))
        )
        if not agents and not targets:
            _clause_actors(tok, mentions, location, agents, targets)
        agents = [m for m in agents if m is not location and m.type in ACTOR_TYPES]
        targets = [m for m in targets if m is not location and m.type in ACTOR_TYPES]
        authority = self.participants.authority(tok, by_token)
        state = authority if not any(m.type != "group" for m in agents) else None
        if kind == "attack" and self._force_on_militants(tok, authority, agents, targets):
            kind = "clash"
        if kind in self.state_agents:
            movers = [m for m in agents if m.type in ("group", "person")]
            agents = [m for m in agents if m not in movers]
            targets = movers + targets
        elif kind == "attack" and _state_against_group(agents, targets):
            kind = "clash"
        if not agents and not targets and location is None and not state:
            return None
        agent_ids = mention_ids(agents)
        if state == "" and location is not None:
            # "Police in Osh detained ...": unnamed authorities of the place's state.
            state = state_of_entity(sent.doc, location.id) or ""
        if state and state not in agent_ids and kind in self.authority_types:
            agent_ids.append(state)
        counts = self.counts(sent) if kind in self.count_keys else {}
        allowed = self.count_keys.get(kind, [])
        return Event(
            type=EventType(kind),
            evidence=evidence_for(sent, index),
            date=event_date(sent, tok, reported=kind == "statement" and self.skip_reported_dates),
            location=location.id if location else None,
            agents=agent_ids,
            targets=[i for i in mention_ids(targets) if i not in agent_ids],
            counts={k: v for k, v in counts.items() if k in allowed},
        )

    def _force_on_militants(
        self, tok: Token, authority: str | None, agents: list[Ment], targets: list[Ment]
    ) -> bool:
        """Security forces killing or striking militants: a clash, not an attack. In
        Russian reports, killing a named person is an attack on that person ("американские
        военные убили ... Юлдашева"); English reports keep the clash (a shootout in which
        security forces killed X is one), as measured on their gold and incidents."""
        return (
            authority is not None
            and tok.lemma_.lower() in self.force_lemmas
            and not any(m.type in ("group", "person") for m in agents)
            and (self.english or not any(m.type == "person" for m in targets))
        )


def _clause_actors(
    tok: Token,
    mentions: list[Ment],
    location: Ment | None,
    agents: list[Ment],
    targets: list[Ment],
) -> None:
    """With no argument in the parse, the clause's actors before the trigger are its
    agents and those after it its targets (added to ``agents`` and ``targets``)."""
    clause = governing_verb(tok)
    lo, hi = clause.left_edge.i, clause.right_edge.i
    for ment in mentions:
        if ment is location or ment.type not in ACTOR_TYPES or not lo <= ment.start <= hi:
            continue
        (agents if ment.start < tok.i else targets).append(ment)


def _state_against_group(agents: list[Ment], targets: list[Ment]) -> bool:
    """States or organisations acting on a group: an attack by them is a clash."""
    return (
        bool(agents)
        and all(m.type in ("state", "organization") for m in agents)
        and any(m.type == "group" for m in targets)
    )


@Language.factory(
    "oxus_events",
    assigns=["doc._.events"],
    requires=["token.dep", "token.lemma", "token.pos", "doc.sents"],
    default_config={"lexicon": "events"},
)
def make_events(nlp: Language, name: str, *, lexicon: str) -> EventExtractor:
    return EventExtractor(lexicon=lexicon, lang=nlp.lang or "en")
