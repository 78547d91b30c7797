"""The Russian relation rules, read from a UD parse and the Russian relations lexicon.

The rules of ``oxus_relations`` are features of its candidates, named by the kind of
evidence they read (``title``, ``lead_verb``, ``verb_frame``, ``citizen``, ``cue``,
``based``); the Russian rules read the same kinds of evidence in Russian syntax and
carry the same names, so the scorer learned from English reports weighs them alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from spacy.tokens import Span

from oxus.nlp.clauses import Ment
from oxus.nlp.lang.ru.relation_frames import cue_relations, frame_relations
from oxus.nlp.lang.ru.relation_people import (
    citizen_relations,
    lead_verb_relations,
    title_relations,
)
from oxus.nlp.lang.ru.relation_places import PlaceCues, based_in_relations
from oxus.nlp.lexicon import phrase_map, phrase_set
from oxus.nlp.relations.links import CueIndex
from oxus.nlp.relations.people import Candidate
from oxus.nlp.relations.verbs import load_frames

Found = list[tuple[str, Candidate]]


class RussianRelationRules:
    """Every Russian rule over one sentence, each hit named by its rule."""

    def __init__(self, lex: Mapping[str, Any], demonyms: dict[str, str]) -> None:
        titles = phrase_map(lex["titles"])
        overrides = lex.get("role_override", {})
        self.titles = {w: overrides.get(w, role) for w, role in titles.items()}
        self.member_words = phrase_set(lex.get("member_words"))
        self.state_titles = phrase_set(lex.get("state_titles"))
        self.citizen_nouns = phrase_set(lex.get("citizen_nouns"))
        self.lead_verbs: dict[str, str] = lex.get("lead_verbs", {})
        self.frames = load_frames(lex.get("verb_frames", {}))
        self.cues = CueIndex(lex["cues"], "ru")
        self.ends: dict[str, dict[str, list[str]]] = lex["ends"]
        self.frame_predicates = phrase_set(lex.get("cue_verbs_left_to_frames"))
        self.demonyms = demonyms
        based = lex.get("based_in", {})
        self.places = PlaceCues(
            preps=phrase_set(based.get("preps")),
            lemmas=phrase_set(based.get("lemmas")),
            exclude_preps=phrase_set(lex.get("based_in_exclude_preps")),
            exclude_lemmas=phrase_set(lex.get("based_in_exclude_lemmas")),
            motion_preps=phrase_set(lex.get("based_in_motion_preps")),
        )

    def __call__(
        self, sent: Span, mentions: list[Ment], by_token: dict[int, Ment], doc_ments: list[Ment]
    ) -> Found:
        out: Found = []
        out += [
            ("title", c)
            for c in title_relations(
                sent, by_token, doc_ments, titles=self.titles, member_words=self.member_words
            )
        ]
        out += [
            ("lead_verb", c)
            for c in lead_verb_relations(sent, by_token, doc_ments, lead_verbs=self.lead_verbs)
        ]
        out += [
            ("verb_frame", c)
            for c in frame_relations(
                sent, by_token, doc_ments, frames=self.frames, demonyms=self.demonyms
            )
        ]
        out += [
            ("citizen", c)
            for c in citizen_relations(
                sent,
                by_token,
                demonyms=self.demonyms,
                citizen_nouns=self.citizen_nouns,
                state_titles=self.state_titles,
            )
        ]
        out += [
            ("cue", c)
            for c in cue_relations(
                sent,
                by_token,
                doc_ments,
                cues=self.cues,
                ends=self.ends,
                frame_predicates=self.frame_predicates,
            )
        ]
        out += [
            ("based", c)
            for c in based_in_relations(sent, mentions, by_token, doc_ments, self.places)
        ]
        return out
