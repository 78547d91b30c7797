"""Relation rules from verb frames: "the US designated X", "X was banned in Y",
"X, backed by Y", "X swore allegiance to Y", "X joined Y".

A frame (``verb_frames`` in ``patterns/relations.yaml``) names the verbs of a predicate
and which end the doer fills; the doer and the one acted on come from the verb's
dependents, so a place or group merely near the verb is not linked.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span, Token

from oxus.nlp.clauses import Ment
from oxus.nlp.relations.people import (
    Candidate,
    _ments_of,
    antecedent,
    is_group_anaphor,
    subject_antecedent,
)
from oxus.nlp.tokenview import token_view

RELATIVE = frozenset({"who", "which", "that", "whom"})
MEMBER_NOUNS = frozenset(
    {"element", "member", "fighter", "militant", "remnant", "leader", "commander", "unit"}
)
"""Nouns standing for a group through its people ("hosting elements of the X")."""


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
    demonyms: dict[str, str] | None = None,
) -> Iterator[Candidate]:
    """Candidates from verbs of a frame and their subject/object/prepositional dependents."""
    doc = sent.doc
    view = token_view(doc)
    words = frozenset().union(*(frame.lemmas for frame in frames)) if frames else frozenset()
    for i in range(sent.start, sent.end):
        if view.lemma[i] not in words and view.lower[i] not in words:
            continue
        tok = doc[i]
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
            roles = _frame_roles(tok, frame, by_token, doc_ments or [], demonyms)
            agents, patients = roles.agents, roles.patients
            subjects, objects = (agents, patients) if frame.agent_is_subject else (patients, agents)
            for s in subjects:
                for o in objects:
                    if s.id != o.id:
                        yield Candidate(s, frame.predicate, o, None, tok)
            for patient in patients:
                for state in roles.states:
                    yield Candidate(patient, frame.predicate, state, None, tok)


@dataclass
class Roles:
    """Who does and who undergoes a frame verb; ``states`` are doers named only by a
    demonym ("Kazakh authorities")."""

    agents: list[Ment] = field(default_factory=list)
    patients: list[Ment] = field(default_factory=list)
    states: list[str] = field(default_factory=list)


def _frame_roles(
    tok: Token,
    frame: Frame,
    by_token: dict[int, Ment],
    doc_ments: list[Ment],
    demonyms: dict[str, str] | None,
) -> Roles:
    """The doers and the ones acted on of a frame verb, from its dependents."""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or (
        tok.dep_ == "acl" and tok.tag_ == "VBN"
    )
    roles = Roles()
    for child in tok.children:
        dep = child.dep_
        if dep == "nsubj":
            roles.agents.extend(_ments_of(child, by_token))
            if frame.predicate == "designated_by":
                # "Kazakh authorities banned X", "the Uzbek Supreme Court banned X"
                roles.states.extend(_national_body(child, demonyms))
        elif dep in ("dobj", "nsubjpass"):
            roles.patients.extend(_patient(child, by_token, doc_ments))
        elif dep == "agent" or (dep == "prep" and child.lower_ in frame.agent_preps):
            if dep == "agent" or passive:
                for pobj in child.children:
                    roles.agents.extend(_ments_of(pobj, by_token))
        elif dep == "prep" and child.lower_ in frame.patient_preps:
            for pobj in child.children:
                roles.patients.extend(_ments_of(pobj, by_token))
    participle = tok.dep_ == "advcl" and tok.tag_ == "VBG"
    if not roles.agents and (tok.dep_ in ("xcomp", "conj") or participle):
        # "X promised to fund Y", "X regrouped and armed Y", "X did A, hosting Y":
        # the governing subject.
        roles.agents.extend(_inherited_subject(tok, by_token))
    if tok.dep_ in ("acl", "relcl"):
        rel_subject = any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in RELATIVE for c in tok.children
        )
        if tok.dep_ == "acl" or rel_subject:
            head = _nominal(tok.head, by_token)
            (roles.patients if passive else roles.agents).extend(head)
    # "added X to the US government's list": the list's owner designates too.
    roles.agents.extend(_list_owners(tok, frame, by_token))
    return roles


def _patient(child: Token, by_token: dict[int, Ment], doc_ments: list[Ment]) -> list[Ment]:
    """The ones an object or passive subject names: mentions, "members of X", or the
    group "it"/"the group" stands for ("the court banned it")."""
    found = _ments_of(child, by_token) or _members_of(child, by_token)
    if not found and doc_ments and is_group_anaphor(child):
        ante = subject_antecedent(doc_ments, child)
        found = [ante] if ante is not None else []
    return found


def _inherited_subject(verb: Token, by_token: dict[int, Ment]) -> list[Ment]:
    """Mentions of the subject of the verb an xcomp/conj/participle verb depends on,
    climbing a short chain ("X chose to turn ..., hosting Y")."""
    current = verb
    for _ in range(3):
        head = current.head
        if head.i == current.i or any(c.dep_ in ("nsubj", "nsubjpass") for c in current.children):
            return []
        for child in head.children:
            if child.dep_ == "nsubj":
                return _ments_of(child, by_token)
        if head.dep_ not in ("xcomp", "conj", "advcl"):
            return []
        current = head
    return []


def _members_of(noun: Token, by_token: dict[int, Ment]) -> list[Ment]:
    """Groups named through their people: "elements from the X", "members of the X"."""
    if noun.lemma_.lower() not in MEMBER_NOUNS:
        return []
    out: list[Ment] = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "from"):
            for pobj in child.children:
                out.extend(m for m in _ments_of(pobj, by_token) if m.type == "group")
    return out


def _list_owners(verb: Token, frame: Frame, by_token: dict[int, Ment]) -> list[Ment]:
    """Owners of a frame noun reached through a preposition ("to the US government's
    list", "on Kazakhstan's list"): they keep the list."""
    if not frame.nouns or frame.agent_is_subject:
        return []
    out: list[Ment] = []
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.lemma_.lower() in frame.nouns:
                for child in noun.children:
                    if child.dep_ == "poss":
                        out.extend(_ments_of(child, by_token))
    return out


def _national_body(subject: Token, demonyms: dict[str, str] | None) -> list[str]:
    """The state behind a national body named by a demonym ("Uzbek authorities", "the
    Kazakh Supreme Court"): a state's organs act for it."""
    if not demonyms:
        return []
    return [
        demonyms[c.text]
        for c in subject.children
        if c.dep_ in ("amod", "compound") and c.text in demonyms
    ]
