"""Relation rules from verb frames: "the US designated X", "X was banned in Y",
"X, backed by Y", "X swore allegiance to Y", "X joined Y".

A frame (``verb_frames`` in ``patterns/relations.yaml``) names the verbs of a predicate
and which end the doer fills; the doer and the one acted on come from the verb's
dependents, so a place or group merely near the verb is not linked.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span, Token

from oxus.nlp.clauses import Ment
from oxus.nlp.relations_people import Candidate, _ments_of, antecedent

RELATIVE = frozenset({"who", "which", "that", "whom"})


@dataclass(frozen=True)
class Frame:
    predicate: str
    lemmas: frozenset[str]
    nouns: frozenset[str]
    agent_is_subject: bool
    agent_preps: frozenset[str]
    patient_preps: frozenset[str]
    attributive: bool = False


def load_frames(spec: dict[str, dict[str, Any]]) -> list[Frame]:
    """Frames from the ``verb_frames`` lexicon section; ``predicate`` lets two frames
    share one predicate."""

    def words(key: str, value: dict[str, Any]) -> frozenset[str]:
        return frozenset(str(w).lower() for w in value.get(key) or [])

    return [
        Frame(
            predicate=str(value.get("predicate", name)),
            lemmas=words("lemmas", value),
            nouns=words("nouns", value),
            agent_is_subject=value.get("agent_end", "subject") == "subject",
            agent_preps=words("agent_preps", value),
            patient_preps=words("patient_preps", value),
            attributive=bool(value.get("attributive", False)),
        )
        for name, value in spec.items()
    ]


def _noun_ok(verb: Token, frame: Frame) -> bool:
    if not frame.nouns:
        return True
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in frame.nouns:
            return True
        if child.dep_ == "prep" and any(
            g.dep_ == "pobj" and g.lemma_.lower() in frame.nouns for g in child.children
        ):
            return True
    return False


def _nominal(token: Token, by_token: dict[int, Ment]) -> list[Ment]:
    """Mentions a noun stands for, seeing through copulas ("X is a group, which ...")."""
    found = _ments_of(token, by_token)
    if not found and token.dep_ == "attr":
        for child in token.head.children:
            if child.dep_ == "nsubj":
                found = _ments_of(child, by_token)
    return found


def _clause_state(
    noun: Token, by_token: dict[int, Ment], doc_ments: list[Ment], anaphors: frozenset[str]
) -> list[Ment]:
    """The state doing the clause's action: its subject, or "the country" resolved to the
    last state named before."""
    verb = noun
    while verb.dep_ not in ("ROOT",) and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    for child in verb.children:
        if child.dep_ != "nsubj":
            continue
        found = [m for m in _ments_of(child, by_token) if m.type == "state"]
        if found:
            return found
        if child.lemma_.lower() in anaphors:
            state = antecedent(doc_ments, child.i, ("state",))
            return [state] if state is not None else []
    return []


def _attributive(
    tok: Token,
    by_token: dict[int, Ment],
    doc_ments: list[Ment],
    frame: Frame,
    anaphors: frozenset[str],
) -> Iterator[Candidate]:
    """ "the banned group X", "banned organisations, including X and Y"."""
    noun = tok.head
    named = [by_token[t.i] for t in noun.subtree if t.i in by_token and t.i != tok.i]
    doers = _clause_state(noun, by_token, doc_ments, anaphors)
    for ment in dict.fromkeys(named):
        for doer in doers:
            if ment.id != doer.id:
                pair = (doer, ment) if frame.agent_is_subject else (ment, doer)
                yield Candidate(pair[0], frame.predicate, pair[1], None, tok)


def verb_frame_relations(
    sent: Span,
    by_token: dict[int, Ment],
    doc_ments: list[Ment] | None = None,
    *,
    frames: list[Frame],
    anaphors: frozenset[str] = frozenset(),
) -> Iterator[Candidate]:
    """Candidates from verbs of a frame and their subject/object/prepositional dependents."""
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.dep_ == "amod":
            for frame in frames:
                if frame.attributive and (lemma in frame.lemmas or tok.lower_ in frame.lemmas):
                    yield from _attributive(tok, by_token, doc_ments or [], frame, anaphors)
            continue
        if tok.pos_ != "VERB":
            continue
        for frame in frames:
            if lemma not in frame.lemmas or not _noun_ok(tok, frame):
                continue
            passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or (
                tok.dep_ == "acl" and tok.tag_ == "VBN"
            )
            agents: list[Ment] = []
            patients: list[Ment] = []
            for child in tok.children:
                dep = child.dep_
                if dep == "nsubj":
                    agents.extend(_ments_of(child, by_token))
                elif dep in ("dobj", "nsubjpass"):
                    patients.extend(_ments_of(child, by_token))
                elif dep == "agent" or (dep == "prep" and child.lower_ in frame.agent_preps):
                    if dep == "agent" or passive:
                        for pobj in child.children:
                            agents.extend(_ments_of(pobj, by_token))
                elif dep == "prep" and child.lower_ in frame.patient_preps:
                    for pobj in child.children:
                        patients.extend(_ments_of(pobj, by_token))
            if tok.dep_ in ("acl", "relcl"):
                rel_subject = any(
                    c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in RELATIVE for c in tok.children
                )
                if tok.dep_ == "acl" or rel_subject:
                    head = _nominal(tok.head, by_token)
                    (patients if passive else agents).extend(head)
            subjects, objects = (agents, patients) if frame.agent_is_subject else (patients, agents)
            for s in subjects:
                for o in objects:
                    if s.id != o.id:
                        yield Candidate(s, frame.predicate, o, None, tok)
