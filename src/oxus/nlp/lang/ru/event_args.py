"""Who did it and to whom, read off a Russian parse: the agents and targets of a trigger.

Universal Dependencies as natasha gives them: the doer is the subject (``nsubj``), the
instrumental of a passive ("убит американцами") or a "со стороны X" phrase; the one
acted on is the object (``obj``), the passive subject (``nsubj:pass``), a "на/против/по
X" phrase or the genitive of a noun trigger ("задержание боевиков", "убийство лидера").
A noun trigger that is the object of a light verb ("провели операцию", "совершили
теракт") takes the verb's subject as doer; a participle takes the noun it describes
("задержанные боевики"); "который" stands for the noun its clause hangs on. Unnamed
authorities ("пакистанские спецслужбы", "силовики Таджикистана", "американцами") stand
for their state.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from spacy.tokens import Token

from oxus.nlp.clauses import Ment
from oxus.nlp.events.arguments import unique_mentions
from oxus.nlp.grammar import instrumental_agent, preposition
from oxus.nlp.lexicon import load_lexicon, phrase_set
from oxus.nlp.states import state_entity_id

RELATIVE = frozenset({"который", "что", "кто"})
LIGHT_DEPS = frozenset({"obj", "nsubj:pass"})
"""How a noun trigger hangs on the verb that carries it ("провели операцию")."""
SHARED_DEPS = frozenset({"conj", "advcl", "xcomp"})
OWNER_DEPS = frozenset({"nmod", "appos", "conj", "flat", "flat:name"})
CLAUSE_DEPS = frozenset({"parataxis", "acl", "acl:relcl", "advcl", "ccomp", "csubj"})


@cache
def demonym_states() -> dict[str, str]:
    """{lemma: state name} of the Russian demonyms ("пакистанский", "американец")."""
    table = load_lexicon("demonyms", "ru").get("demonyms") or {}
    return {str(d).lower(): state for state, words in table.items() for d in words}


class RussianArguments:
    """Reads an event's participants off the dependents of its trigger in a UD parse."""

    def __init__(self, lex: Mapping[str, Any]) -> None:
        self.agent_preps = phrase_set(lex.get("agent_preps"))
        self.target_preps = phrase_set(lex.get("target_preps")) | phrase_set(lex.get("with_preps"))
        self.authorities = phrase_set(lex.get("authority_nouns"))
        self.light_verbs = phrase_set(lex.get("light_verbs"))
        self.doer_genitive = phrase_set(lex.get("doer_genitive"))

    def arguments(self, tok: Token, by_token: dict[int, Ment]) -> tuple[list[Ment], list[Ment]]:
        """Agents and targets from the trigger's dependents (and its light verb's)."""
        agents: list[Ment] = []
        targets: list[Ment] = []
        light = self._light_verb(tok)
        heads = [tok] if light is None else [tok, light]
        shared = _shared_subject(heads[-1])
        if shared is not None:
            agents.extend(_subtree_ments(shared, by_token))
        for head in heads:
            for child in head.children:
                if head is light and child.i == tok.i:
                    continue
                if head is tok and child.dep_ == "acl":
                    # "операция, проведенная силами X": the participle's doer.
                    for doer in child.children:
                        if doer.dep_ == "obl:agent" or instrumental_agent(doer):
                            agents.extend(_subtree_ments(doer, by_token))
                    continue
                bucket = self._bucket(child, head is tok, tok)
                if bucket == "agent":
                    agents.extend(_subtree_ments(_antecedent(child), by_token))
                elif bucket == "target":
                    targets.extend(_subtree_ments(_antecedent(child), by_token))
        if tok.dep_ in ("amod", "acl") and tok.pos_ == "VERB":
            # "задержанные боевики", "убитый лидер X": the participle's noun.
            targets.extend(_named(tok.head, by_token))
        return unique_mentions(agents), unique_mentions(targets)

    def _bucket(self, child: Token, own: bool, tok: Token) -> str | None:
        """Which side a dependent joins: "agent", "target" or None."""
        dep = child.dep_
        if dep == "nsubj":
            return "agent"
        if dep == "obl:agent" or (instrumental_agent(child) and self._animate(child)):
            return "agent"
        if not own:
            return None
        if dep in ("obj", "iobj", "nsubj:pass", "ccomp"):
            return "target"
        if dep in ("obl", "nmod"):
            prep = preposition(child)
            if prep in self.agent_preps:
                return "agent"
            if prep in self.target_preps:
                return "target"
            if prep is None and tok.pos_ == "NOUN" and "Gen" in child.morph.get("Case", []):
                # "нападение боевиков", but "задержание боевиков", "убийство лидера"
                return "agent" if tok.lemma_ in self.doer_genitive else "target"
        return None

    def _animate(self, noun: Token) -> bool:
        """Whether an instrumental can be a doer: people, a name or a force ("силами X"),
        not an instrument ("ракетным ударом")."""
        return (
            noun.pos_ == "PROPN"
            or "Anim" in noun.morph.get("Animacy", [])
            or noun.lemma_.lower() in self.authorities
        )

    def authority(self, tok: Token, by_token: dict[int, Ment]) -> str | None:
        """The state whose unnamed authorities act ("пакистанские военные разыскали",
        "силовики Таджикистана задержали", "убит американцами"): its entity id, "" for
        authorities of no named state, None when the doer is not an authority."""
        for doer in self._doers(tok):
            if doer.i in by_token:
                continue
            lemma = doer.lemma_.lower()
            state = demonym_states().get(lemma)
            if state is not None:
                return state_entity_id(tok.doc, state)
            if lemma not in self.authorities:
                continue
            for child in doer.children:
                state = demonym_states().get(child.lemma_.lower())
                if child.dep_ == "amod" and state:
                    return state_entity_id(tok.doc, state)
                ment = by_token.get(child.i)
                if child.dep_ == "nmod" and ment is not None and ment.type == "state":
                    return ment.id
            return ""
        return None

    def _light_verb(self, tok: Token) -> Token | None:
        """The verb that carries a noun trigger ("провели операцию", "теракт был совершен")."""
        if tok.pos_ != "NOUN" or tok.dep_ not in LIGHT_DEPS or tok.head.i == tok.i:
            return None
        verb = tok.head
        return verb if verb.pos_ == "VERB" and verb.lemma_ in self.light_verbs else None

    def _doers(self, tok: Token) -> list[Token]:
        """Who performs the trigger: a verb's subject or instrumental agent (a subjectless
        conjoined verb's from the first verb); a noun's "со стороны" phrase, its doer
        genitive or its light verb's subject."""
        verb = tok if tok.pos_ == "VERB" else self._light_verb(tok)
        doers: list[Token] = []
        if verb is not None:
            doers += [
                c
                for c in verb.children
                if c.dep_ in ("nsubj", "obl:agent") or instrumental_agent(c)
            ]
            shared = _shared_subject(verb)
            if shared is not None:
                doers.append(shared)
        if tok.pos_ != "VERB":
            doers += [
                c
                for c in tok.children
                if preposition(c) == "с сторона"
                or (
                    c.dep_ == "nmod" and tok.lemma_ in self.doer_genitive and preposition(c) is None
                )
            ]
        return doers


def _shared_subject(verb: Token) -> Token | None:
    """The subject a subjectless conjoined or dependent verb shares with the verb it hangs
    from ("военные разыскали и окружили базу")."""
    if verb.pos_ != "VERB" or verb.dep_ not in SHARED_DEPS:
        return None
    if any(c.dep_ in ("nsubj", "nsubj:pass") for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ == "nsubj"), None)


def _antecedent(token: Token) -> Token:
    """What "который" stands for: the noun its relative clause hangs on."""
    if token.lemma_.lower() not in RELATIVE or token.head.dep_ != "acl:relcl":
        return token
    return token.head.head


def _subtree_ments(token: Token, by_token: dict[int, Ment]) -> list[Ment]:
    """The mentions of a token's phrase, each entity once; clauses inside it (a
    parenthesis, a relative clause) speak of other things."""
    found: list[Ment] = []
    stack = [token]
    while stack:
        current = stack.pop()
        if current.i in by_token:
            found.append(by_token[current.i])
        stack.extend(c for c in current.children if c.dep_ not in CLAUSE_DEPS)
    return unique_mentions(sorted(found, key=lambda m: m.start))


def _named(noun: Token, by_token: dict[int, Ment]) -> list[Ment]:
    """The mentions a noun is, or is named by ("боевики ИГ", "лидер X Юлдашев")."""
    out = [by_token[noun.i]] if noun.i in by_token else []
    out += [by_token[c.i] for c in noun.children if c.dep_ in OWNER_DEPS and c.i in by_token]
    return unique_mentions(out)
