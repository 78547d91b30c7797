"""Relation rules from verb frames: "the US designated X", "X was banned in Y",
"X, backed by Y", "X swore allegiance to Y", "X joined Y".

A frame (``verb_frames`` in ``patterns/relations.yaml``) names the verbs of a predicate
and which end the doer fills; the doer and the one acted on come from the verb's
dependents, so a place or group merely near the verb is not linked.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from oxus.nlp.clauses import Ment
from oxus.nlp.relations_people import Candidate, _ments_of

RELATIVE = frozenset({"who", "which", "that", "whom"})


@dataclass(frozen=True)
class Frame:
    predicate: str
    lemmas: frozenset[str]
    nouns: frozenset[str]
    agent_is_subject: bool
    agent_preps: frozenset[str]
    patient_preps: frozenset[str]


def load_frames(spec: dict[str, dict[str, object]]) -> list[Frame]:
    def words(key: str, value: dict[str, object]) -> frozenset[str]:
        return frozenset(str(w).lower() for w in value.get(key, []) or [])  # type: ignore[union-attr]

    return [
        Frame(
            predicate=str(value.get("predicate", name)),
            lemmas=words("lemmas", value),
            nouns=words("nouns", value),
            agent_is_subject=value.get("agent_end", "subject") == "subject",
            agent_preps=words("agent_preps", value),
            patient_preps=words("patient_preps", value),
        )
        for name, value in spec.items()
    ]


def _noun_ok(verb: Token, frame: Frame) -> bool:
    if not frame.nouns:
        return True
    return any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in frame.nouns for c in verb.children
    )


def _nominal(token: Token, by_token: dict[int, Ment]) -> list[Ment]:
    """Mentions a noun stands for, seeing through copulas ("X is a group, which ...")."""
    found = _ments_of(token, by_token)
    if not found and token.dep_ == "attr":
        for child in token.head.children:
            if child.dep_ == "nsubj":
                found = _ments_of(child, by_token)
    return found


def verb_frame_relations(
    sent: Span, by_token: dict[int, Ment], *, frames: list[Frame]
) -> Iterator[Candidate]:
    """Candidates from verbs of a frame and their subject/object/prepositional dependents."""
    for tok in sent:
        if tok.pos_ != "VERB":
            continue
        lemma = tok.lemma_.lower()
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
