"""Who did it and to whom: the agents and targets of an event trigger.

Agents come from the subject side of the trigger's clause ("by X", "X's attack", the
subject of the light verb in "troops conducted a raid", or unnamed authorities of a
state: "Uzbek police detained"); targets from the object side ("on X", "against X").
Relative pronouns stand for their antecedent ("X, the leader who was killed").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from spacy.tokens import Token

from oxus.nlp.clauses import Ment
from oxus.nlp.lexicon import load_lexicon, phrase_set
from oxus.nlp.states import state_entity_id

SUBJECT_DEPS = frozenset({"nsubj", "agent", "poss", "compound", "amod", "nmod"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "pobj", "attr", "oprd", "dative", "ccomp", "xcomp"})
RELATIVE = frozenset({"who", "whom", "which", "that"})


class Participants(Protocol):
    """Reads an event's agents and targets, and the state of unnamed authorities acting,
    off a trigger (one reader per language's parse)."""

    def arguments(self, tok: Token, by_token: dict[int, Ment]) -> tuple[list[Ment], list[Ment]]: ...

    def authority(self, tok: Token, by_token: dict[int, Ment]) -> str | None: ...


class ArgumentFinder:
    """Reads an event's participants off the dependents of its trigger."""

    def __init__(self, lex: Mapping[str, Any]) -> None:
        self.agent_preps = phrase_set(lex.get("agent_preps"))
        self.target_preps = phrase_set(lex.get("target_preps"))
        self.with_preps = phrase_set(lex.get("with_preps"))
        self.authorities = phrase_set(lex.get("authority_nouns"))
        dem = load_lexicon("demonyms").get("demonyms") or {}
        self.demonyms = {d.lower(): state for state, words in dem.items() for d in words}

    def arguments(self, tok: Token, by_token: dict[int, Ment]) -> tuple[list[Ment], list[Ment]]:
        """Agents and targets from the trigger's dependents (and its light verb's)."""
        agents: list[Ment] = []
        targets: list[Ment] = []
        heads = [tok]
        if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "pobj", "nsubjpass", "attr"):
            verb = tok.head if tok.dep_ != "pobj" else tok.head.head
            heads.append(verb)
        shared = _shared_subject(heads[-1])
        if shared is not None:
            agents.extend(_subtree_ments(shared, by_token))
        for head in heads:
            for child in head.children:
                dep = child.dep_
                if dep == "prep":
                    bucket = self._prep_bucket(child.lower_, agents, targets)
                    if bucket is not None:
                        for pobj in child.children:
                            bucket.extend(_subtree_ments(pobj, by_token))
                elif dep in SUBJECT_DEPS and (head is tok or dep == "nsubj"):
                    agents.extend(_subtree_ments(_antecedent(child), by_token))
                elif dep in OBJECT_DEPS and head is tok:
                    targets.extend(_subtree_ments(_antecedent(child), by_token))
        return unique_mentions(agents), unique_mentions(targets)

    def _prep_bucket(self, word: str, agents: list[Ment], targets: list[Ment]) -> list[Ment] | None:
        """Which side a preposition's object joins: "by X" agents, "on X" targets."""
        if word in self.agent_preps:
            return agents
        if word in self.target_preps or word in self.with_preps:
            return targets
        return None

    def authority(self, tok: Token, by_token: dict[int, Ment]) -> str | None:
        """The state whose unnamed authorities act ("Uzbek authorities detained", "police
        in Germany arrested"): its entity id, "" for authorities of no named state, None
        when the doer is not an authority."""
        for doer in _doers(tok):
            if doer.lemma_.lower() not in self.authorities or doer.i in by_token:
                continue
            for child in doer.children:
                state = self.demonyms.get(child.lower_)
                if child.dep_ in ("compound", "amod") and state:
                    return state_entity_id(tok.doc, state)
                if child.dep_ == "prep" and child.lower_ in ("in", "of"):
                    for pobj in child.children:
                        ment = by_token.get(pobj.i)
                        if ment is not None and ment.type == "state":
                            return ment.id
            return ""
        return None


def _antecedent(token: Token) -> Token:
    """What a relative pronoun stands for: "X, the leader who was killed" -> X."""
    if token.lower_ not in RELATIVE or token.head.dep_ != "relcl":
        return token
    noun = token.head.head
    while noun.dep_ == "appos" and noun.head.i != noun.i:
        noun = noun.head
    return noun


def _doers(tok: Token) -> list[Token]:
    """Who performs the trigger: a verb's subject or "by" agent; a noun's possessor, "by"
    agent, or the subject of the light verb it is the object of ("troops conducted a raid")."""
    doers = [c for c in tok.children if c.dep_ == "poss"]
    heads = [tok] if tok.pos_ == "VERB" else []
    if tok.pos_ != "VERB" and tok.dep_ == "dobj":
        heads.append(tok.head)
    for head in heads:
        doers += [c for c in head.children if c.dep_ == "nsubj"]
        doers += [g for c in head.children if c.dep_ == "agent" for g in c.children]
    if tok.pos_ != "VERB":
        doers += [g for c in tok.children if c.lower_ == "by" for g in c.children]
    return doers


def _shared_subject(verb: Token) -> Token | None:
    """The subject a subjectless conjoined, adverbial or complement verb shares with the
    verb it hangs from ("X met Y and signed a deal", "X, hosting Y, ...")."""
    if verb.pos_ != "VERB" or verb.dep_ not in ("conj", "advcl", "xcomp"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    first = verb.head
    return next((c for c in first.children if c.dep_ == "nsubj"), None)


def _subtree_ments(token: Token, by_token: dict[int, Ment]) -> list[Ment]:
    """The mentions inside a token's subtree, each entity once."""
    return unique_mentions([by_token[t.i] for t in token.subtree if t.i in by_token])


def unique_mentions(ments: list[Ment]) -> list[Ment]:
    """The mentions with the first of each entity kept, in order."""
    out: list[Ment] = []
    for ment in ments:
        if all(ment.id != m.id for m in out):
            out.append(ment)
    return out


def mention_ids(ments: list[Ment]) -> list[str]:
    """The entity ids of the mentions, each once, in order."""
    return list(dict.fromkeys(m.id for m in ments))
