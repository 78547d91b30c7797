"""Russian relation rules from verbs and cue words: designations, support, membership,
links between groups.

Verb frames (``verb_frames`` of the Russian relations lexicon) read the doer and the one
acted on from the verb's dependents: "ИГ (организация запрещена в РФ)", "запрещенная в
России организация X", "признана террористической в Казахстане" (designated_by), "X
финансирует Y" (supports), "X вступил в ИГ" (member_of). Cue words and phrases
(``cues``) link the subject of their clause to their genitive or prepositional
argument: "которая является ответвлением ИГ" (part_of), "перестрелка между талибами и
боевиками X" (rival_of), "X сотрудничает с Y" (allied_with), "при поддержке X".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from oxus.nlp.clauses import Ment
from oxus.nlp.grammar import instrumental_agent, preposition
from oxus.nlp.lang.ru.relation_words import (
    clause_subject,
    group_anaphor,
    listed,
    named,
    relative_antecedent,
)
from oxus.nlp.relations.links import SYMMETRIC, Cue, CueIndex
from oxus.nlp.relations.people import Candidate
from oxus.nlp.relations.verbs import Frame

ACTORS = ("group", "person", "organization", "state")
ARGUMENT_PREPS = frozenset({"с", "против", "между", "среди", "от", "из", "к", "на сторона"})
"""Prepositions introducing the other party of a cue ("война с X", "отколоться от X")."""
HOSTING = frozenset({"parataxis", "appos", "acl", "amod"})
"""How a designation hangs on the name it designates ("ИГ* (организация запрещена в РФ)")."""


End = Ment | str
"""A relation end: a mention, or a state's name (a national body: "узбекские власти")."""


def frame_relations(
    sent: Span,
    by_token: dict[int, Ment],
    doc_ments: list[Ment],
    *,
    frames: list[Frame],
    demonyms: dict[str, str],
) -> Iterator[Candidate]:
    """Candidates from verbs of a frame and their subject, object and oblique dependents."""
    for tok in sent:
        if tok.pos_ not in ("VERB", "ADJ"):
            continue
        lemma = tok.lemma_.lower()
        for frame in frames:
            if lemma not in frame.lemmas or not _noun_ok(tok, frame):
                continue
            agents, patients = _roles(tok, frame, by_token, doc_ments, demonyms)
            subjects, objects = (agents, patients) if frame.agent_is_subject else (patients, agents)
            for s in subjects:
                for o in objects:
                    if _id(s) != _id(o):
                        yield Candidate(s, frame.predicate, o, None, tok)


def _id(end: End) -> str:
    return end if isinstance(end, str) else end.id


def _noun_ok(tok: Token, frame: Frame) -> bool:
    if not frame.nouns:
        return True
    return any(t.lemma_.lower() in frame.nouns for t in tok.subtree if t.i != tok.i)


def _roles(
    tok: Token,
    frame: Frame,
    by_token: dict[int, Ment],
    doc_ments: list[Ment],
    demonyms: dict[str, str],
) -> tuple[list[End], list[Ment]]:
    """The doers and the ones acted on of a frame verb (or participle)."""
    agents: list[End] = []
    patients: list[Ment] = []
    for child in tok.children:
        dep = child.dep_
        prep = preposition(child)
        if dep == "nsubj":
            agents += named(child, by_token, ACTORS) or _national_body(child, demonyms)
        elif dep in ("obj", "nsubj:pass"):
            patients += _patients(child, by_token, doc_ments)
        elif dep == "obl:agent" or instrumental_agent(child):
            agents += named(child, by_token, ACTORS)
        elif prep is not None and (
            prep in frame.agent_preps or f"{prep} {child.lemma_}" in frame.agent_preps
        ):
            agents += _states(child, by_token)
        elif prep is not None and prep in frame.patient_preps:
            patients += named(child, by_token, ACTORS)
    if tok.dep_ in HOSTING and tok.head.i != tok.i:
        # "запрещенная организация «X»", "ИГ* (организация запрещена в РФ)"
        patients += named(tok.head, by_token, ("group", "person"))
    if not patients and not frame.agent_is_subject:
        subject = next((c for c in tok.children if c.dep_ in ("nsubj:pass", "obj")), None)
        ante = group_anaphor(subject, by_token, doc_ments) if subject is not None else None
        patients += [ante] if ante is not None else []
    return list(dict.fromkeys(agents)), list(dict.fromkeys(patients))


def _national_body(subject: Token, demonyms: dict[str, str]) -> list[End]:
    """The state behind a body named by a demonym ("узбекские власти", "казахстанский
    суд"): a state's organs act for it."""
    return [
        demonyms[c.lemma_.lower()]
        for c in subject.children
        if c.dep_ == "amod" and c.lemma_.lower() in demonyms
    ]


def _patients(child: Token, by_token: dict[int, Ment], doc_ments: list[Ment]) -> list[Ment]:
    found = named(child, by_token, ACTORS)
    if not found and child.head.dep_ in HOSTING and child.head.head.i in by_token:
        found = [by_token[child.head.head.i]]  # "ИГ* (организация запрещена в РФ)"
    if not found:
        ante = group_anaphor(child, by_token, doc_ments)
        found = [ante] if ante is not None else []
    return found


def _states(token: Token, by_token: dict[int, Ment]) -> list[Ment]:
    """States a locative names ("в РФ", "на территории России", "в Узбекистане")."""
    found = named(token, by_token, ("state",))
    if not found and token.lemma_ == "территория":
        found = [m for c in token.children for m in named(c, by_token, ("state",))]
    return found


def cue_relations(
    sent: Span,
    by_token: dict[int, Ment],
    doc_ments: list[Ment],
    *,
    cues: CueIndex,
    ends: dict[str, dict[str, list[str]]],
    frame_predicates: frozenset[str],
) -> Iterator[Candidate]:
    """Links between the subject side of a cue and its argument side."""
    doc = sent.doc
    for cue in cues.find(sent):
        word = doc[cue.end - 1] if doc[cue.end - 1].pos_ in ("NOUN", "VERB") else doc[cue.start]
        if cue.predicate in frame_predicates and word.pos_ == "VERB":
            continue
        spec = ends.get(cue.predicate, {})
        allowed = set(spec.get("subject", [])) | set(spec.get("object", []))
        others = _arguments(word, cue, by_token, allowed)
        if cue.predicate in SYMMETRIC and len(others) >= 2 and _between(word, cue, doc):
            for i, a in enumerate(others):
                for b in others[i + 1 :]:
                    yield Candidate(a, cue.predicate, b, None, word)
            continue
        selves = _self_side(word, by_token, doc_ments, allowed)
        for s in selves:
            for o in others:
                if s.id == o.id:
                    continue
                pair = (o, s) if cue.reverse else (s, o)
                yield Candidate(pair[0], cue.predicate, pair[1], None, word)


def _between(word: Token, cue: Cue, doc: object) -> bool:
    """Whether the cue's parties are both in its argument ("между X и Y")."""
    return any(preposition(c) == "между" for c in word.children) or "между" in {
        t.lemma_ for t in word.doc[cue.start : cue.end]
    }


def _arguments(word: Token, cue: Cue, by_token: dict[int, Ment], allowed: set[str]) -> list[Ment]:
    """The parties a cue word takes: its genitive, object or prepositional argument."""
    found: list[Ment] = []
    for child in word.children:
        prep = preposition(child)
        if child.dep_ in ("nmod", "obj", "obl", "iobj") and (
            prep is None or prep in ARGUMENT_PREPS
        ):
            for item in listed(child):
                found += named(item, by_token, allowed)
    return [m for m in dict.fromkeys(found) if not m.start <= word.i < m.end]


def _self_side(
    word: Token, by_token: dict[int, Ment], doc_ments: list[Ment], allowed: set[str]
) -> list[Ment]:
    """The party the cue says something of: the subject of its clause ("которая является
    ответвлением" - the noun the clause hangs on), the name it is in apposition to."""
    if word.dep_ in ("appos", "amod", "acl") and word.head.i != word.i:
        found = named(word.head, by_token, allowed)
        if found:
            return found
    subject = clause_subject(word)
    if subject is None:
        return []
    if subject.lemma_ == "который":
        return relative_antecedent(subject, by_token, allowed)
    found = named(subject, by_token, allowed)
    if not found:
        ante = group_anaphor(subject, by_token, doc_ments)
        found = [ante] if ante is not None else []
    return found
