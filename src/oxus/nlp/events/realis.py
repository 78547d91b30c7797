"""Did it happen? The realis filter of ``oxus_events``.

Only events that happened are facts: a trigger whose clause is negated, modal or
governed by an intention or prevention word ("planning attacks", "capacity to prevent
attacks") opens no event of the types listed in ``realis.types``, except that a planned
attack in a sentence that also reports an arrest is a foiled plot. Some types need a
doer ("he is accused of" names no one who accuses), and militants killed in fighting
are a toll, not an attack of their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from spacy.tokens import Token

from oxus.nlp.events.triggers import MODIFIER_DEPS
from oxus.nlp.grammar import PASSIVE_SUBJECTS, english, instrumental_agent, negated, passive
from oxus.nlp.lexicon import phrase_set

CLIMB_DEPS = frozenset(
    {"xcomp", "dobj", "pobj", "prep", "pcomp", "compound", "amod", "conj", "acl", "advcl"}
    | {"nsubjpass"}
)
"""Dependencies through which an irrealis context above a trigger still governs it."""
UD_CLIMB_DEPS = frozenset(
    {"xcomp", "obj", "obl", "nmod", "amod", "conj", "acl", "advcl", "nsubj:pass", "csubj"}
)
"""The same in Universal Dependencies (a Russian parse)."""
FEW = frozenset({"some", "many", "most", "несколько", "много", "большинство", "часть"})
"""Quantifiers standing for the people counted ("many were killed")."""


class RealisFilter:
    """Decides which event type, if any, a trigger opens given its modality."""

    def __init__(self, lex: Mapping[str, Any], lang: str = "en") -> None:
        self.english = lang == "en"
        self.climb = CLIMB_DEPS if self.english else UD_CLIMB_DEPS
        self.active_only = phrase_set(lex.get("active_only"))
        self.force_lemmas = phrase_set(lex.get("force_triggers"))
        self.combatants = phrase_set(lex.get("combatant_nouns"))
        realis = lex.get("realis", {})
        self.realis_types = phrase_set(realis.get("types"))
        self.modals = phrase_set(realis.get("modals"))
        self.plan_heads = phrase_set(realis.get("plan_heads"))
        self.irrealis_heads = phrase_set(realis.get("irrealis_heads"))

    def kind(self, tok: Token, kind: str, kinds: set[str]) -> str | None:
        """The event type a trigger opens given its modality, or None for none.

        Types in ``realis.types`` need an event that happened: a negated, modal or
        intended/prevented trigger opens nothing, except that a planned attack in a
        sentence that also reports an arrest is the foiled plot. Types in ``active_only``
        need a doer: "he is accused of" names no one who accuses.
        """
        if kind in self.active_only and agentless_passive(tok):
            return None
        if kind == "attack" and self._combatant_deaths(tok):
            return None
        if kind not in self.realis_types:
            return kind
        context = self._irrealis(tok)
        if context is None:
            return kind
        if kind == "attack" and context in self.plan_heads:
            return "plot_foiled" if "arrest" in kinds else None
        return None

    def context(self, tok: Token) -> str | None:
        """The word that would make the trigger unreal, whatever its type (a feature)."""
        return self._irrealis(tok)

    def _combatant_deaths(self, tok: Token) -> bool:
        """ "Dozens of militants were killed": a toll of fighting, not an attack of its own
        (a named victim, "X was killed in 2009", still is one)."""
        if tok.lemma_.lower() not in self.force_lemmas or not agentless_passive(tok):
            return False
        for child in tok.children:
            if child.dep_ in PASSIVE_SUBJECTS:
                noun = child
                if child.pos_ == "NUM" or child.lemma_.lower() in FEW:
                    noun = next((g for g in child.subtree if g.pos_ == "NOUN"), child)
                return noun.lemma_.lower() in self.combatants
        return False

    def _irrealis(self, tok: Token) -> str | None:
        """The word that makes the trigger unreal ("not", "will", "plan", "planned
        attacks"), if any: a modifier of it, or a negation, modal or head above it."""
        for child in tok.children:
            if child.dep_ in MODIFIER_DEPS and child.lemma_.lower() in self.irrealis_heads:
                return child.lemma_.lower()
        node = tok
        for _ in range(8):
            lemma = node.lemma_.lower()
            if node.i != tok.i and lemma in self.irrealis_heads:
                return lemma
            if not self.english and node.i != tok.i and lemma in self.modals:
                return lemma  # Russian modals are verbs heading the infinitive: "может напасть"
            for child in node.children:
                if child.dep_ == "neg" or (child.dep_ == "aux" and child.lower_ in self.modals):
                    return child.lower_
            if not self.english and negated(node):
                return "не"
            if node.dep_ not in self.climb or node.head.i == node.i:
                return None
            node = node.head
        return None


def agentless_passive(tok: Token) -> bool:
    """A passive verb with no "by" agent ("X is accused of ...", "X обвинен в ...")."""
    if tok.pos_ != "VERB":
        return False
    deps = {c.dep_ for c in tok.children}
    if english(tok):
        return "nsubjpass" in deps and "agent" not in deps
    if not passive(tok) or "obl:agent" in deps:
        return False
    return not any(
        instrumental_agent(c) and (c.pos_ == "PROPN" or "Anim" in c.morph.get("Animacy", []))
        for c in tok.children
    )
