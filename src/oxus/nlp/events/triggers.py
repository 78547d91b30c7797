"""Trigger words of ``oxus_events``: which words in a sentence can open an event.

The lexicon (``patterns/events.yaml``) lists trigger lemmas and phrases per event type;
whether a hit names an event depends on its part of speech and role: "attack" as a
modifier ("attack helicopters") names a kind of thing, "captured Kabul" takes a city,
not a person. Kept apart from the component so the word-level rules read on their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from spacy.tokens import Span, Token

from oxus.nlp.clauses import Ment
from oxus.nlp.grammar import OBJECTS, PASSIVE_SUBJECTS, participle
from oxus.nlp.lexicon import phrase_set
from oxus.nlp.relations.links import Cue, CueIndex
from oxus.nlp.tokenview import token_view

MODIFIER_DEPS = frozenset({"compound", "amod"})
"""Dependencies of a word that modifies a noun rather than heading its own phrase."""
DESCRIBING = frozenset({"acl", "relcl"})
UD_DESCRIBING = frozenset({"acl", "acl:relcl", "amod"})
"""Dependencies of a participle that describes the noun it hangs on."""


class TriggerFinder:
    """Finds trigger cues in a sentence and checks that each can name an event there."""

    def __init__(self, lex: Mapping[str, Any], lang: str = "en") -> None:
        self.english = lang == "en"
        self.phrasal = {
            tuple(w.split(" ")): kind
            for kind, words in lex["triggers"].items()
            for w in words
            if len(w.split(" ")) == 2
        }
        self.cues = CueIndex(
            {
                kind: {
                    "lemmas": [w for w in words if " " not in w],
                    "phrases": [w for w in words if " " in w],
                }
                for kind, words in lex["triggers"].items()
            },
            lang,
        )
        self.framed: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for kind, verbs in (lex.get("trigger_frames") or {}).items():
            for verb, words in verbs.items():
                self.framed.setdefault(verb, []).append((kind, phrase_set(words)))
        self.phrasal_verbs = frozenset(verb for verb, _ in self.phrasal)
        self.verb_only = phrase_set(lex.get("verb_only"))
        self.noun_only = phrase_set(lex.get("noun_only"))
        self.modifier_types = phrase_set(lex.get("modifier_types"))
        self.descriptive = phrase_set(lex.get("descriptive_participles"))
        captive = lex.get("captives", {})
        self.captive_triggers = phrase_set(captive.get("triggers"))
        self.captive_things = phrase_set(captive.get("things"))

    def find(self, sent: Span) -> list[Cue]:
        """Every trigger cue of the sentence: lexicon words and phrases, then phrasal verbs."""
        if not self.english:
            return self.cues.find(sent) + self._framed_cues(sent)
        return self.cues.find(sent) + self._phrasal_cues(sent)

    def _framed_cues(self, sent: Span) -> list[Cue]:
        """Verbs that are triggers only with a word of their own ("признали
        террористической", "внесли в перечень"), however far apart the two are."""
        found = []
        for tok in sent:
            for kind, needed in self.framed.get(tok.lemma_.lower(), ()):
                if any(t.lemma_.lower() in needed for t in tok.subtree if t.i != tok.i):
                    found.append(Cue(kind, tok.i, tok.i + 1))
        return found

    def _phrasal_cues(self, sent: Span) -> list[Cue]:
        """Two-word triggers inflected as verb + particle ("rounded up", "broke up")."""
        view = token_view(sent.doc)
        found = []
        for i in range(sent.start, sent.end):
            if view.pos[i] != "VERB" or view.lemma[i] not in self.phrasal_verbs:
                continue
            for child in view.children(i):
                kind = self.phrasal.get((view.lemma[i], view.lower[child]))
                if view.dep[child] == "prt" and kind is not None:
                    found.append(Cue(kind, i, child + 1))
        return found

    def accept(self, tok: Token, cue: Cue) -> bool:
        """Whether a one-word trigger has a part of speech that can name an event."""
        lemma = tok.lemma_.lower()
        if cue.end - cue.start > 1:
            return True
        if tok.dep_ in MODIFIER_DEPS and tok.head.pos_ in ("NOUN", "PROPN"):
            head_is_trigger = tok.head.lemma_.lower() in self.cues.words
            if head_is_trigger or cue.predicate not in self.modifier_types:
                return False
        if lemma in self.verb_only or tok.lower_ in self.verb_only:
            return tok.pos_ == "VERB"
        if lemma in self.noun_only or tok.lower_ in self.noun_only:
            return tok.pos_ in ("NOUN", "PROPN")
        return tok.pos_ in ("VERB", "NOUN", "ADJ", "PROPN")

    def takes_people(self, tok: Token, by_token: dict[int, Ment]) -> bool:
        """Whether a capture-type trigger takes people ("captured a weapons facilitator"),
        not territory or things ("captured Kabul", "tanks captured in battle")."""
        if tok.lemma_.lower() not in self.captive_triggers:
            return True
        taken = [c for c in tok.children if c.dep_ in OBJECTS | PASSIVE_SUBJECTS]
        first = tok
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if first.dep_ in ("acl", "amod"):
            taken.append(first.head)
        for noun in taken:
            ment = by_token.get(noun.i)
            if ment is not None and ment.type in ("place", "state"):
                return False
            if noun.lemma_.lower() in self.captive_things:
                return False
        return True

    def describes(self, tok: Token, kind: str) -> bool:
        """An "-ing" participle after a noun that says who someone is ("militants fighting
        alongside the Taliban"), not what happened, for ``descriptive_participles`` types."""
        return (
            kind in self.descriptive
            and tok.dep_ in (DESCRIBING if self.english else UD_DESCRIBING)
            and participle(tok, present=True)
        )
