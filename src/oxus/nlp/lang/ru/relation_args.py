"""The ends a relation candidate may have in a Russian sentence: names, anaphors, demonyms.

As in English (:mod:`oxus.nlp.relations.args`), a sentence refers to entities through
anaphors and demonyms besides names. In Russian: "он", "его" (the person named just
before), "её", "их" and a bare "группировка", "организация", "движение" (the group
named before), "они", "эти боевики", "трое задержанных" (the people of the last
sentence that names several); demonyms are adjectives and nouns in lower case
("таджикский", "узбеки"), found by lemma.
"""

from __future__ import annotations

from spacy.tokens import Doc

from oxus.model import EntityType
from oxus.nlp.clauses import Ment
from oxus.nlp.lang.ru.relation_words import GROUP_NOUNS
from oxus.nlp.relations.args import (
    ANAPHOR,
    DEMONYM,
    GROUP_REACH,
    PERSON_REACH,
    Arg,
    _people_before,
)
from oxus.nlp.relations.people import antecedent
from oxus.nlp.states import state_id
from oxus.nlp.tokenview import TokenView

PERSON_PRONOUNS = frozenset({"он", "его", "него", "ему", "нему", "ним", "нем"})
"""Forms of "он" (by surface: natasha lemmatises the possessive "его" to itself)."""
GROUP_PRONOUNS = frozenset({"ее", "её", "нее", "она", "оно"})
PLURAL_PRONOUNS = frozenset({"они", "их", "них", "им", "ими"})
PEOPLE_NOUNS = frozenset(
    {"боевик", "подозреваемый", "задержанный", "обвиняемый", "фигурант", "уроженец"}
    | {"гражданин", "человек", "мужчина", "житель", "член", "брат", "террорист", "экстремист"}
)
"""Plural nouns that, with a demonstrative or a number, stand for people named just before."""
PLURAL_MARKERS = frozenset({"этот", "тот", "все", "весь", "оба", "трое", "двое", "четверо"})


def russian_sentence_args(
    doc: Doc,
    view: TokenView,
    sent_start: int,
    sent_end: int,
    mentions: list[Ment],
    doc_ments: list[Ment],
    demonyms: dict[str, str],
) -> list[Arg]:
    """Every Arg of a Russian sentence, in text order: names, anaphors, demonyms."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    args = [Arg.of(m) for m in mentions]
    for i in range(sent_start, sent_end):
        if i in taken:
            continue
        args.extend(_anaphors(view, i, doc_ments))
        name = demonyms.get(view.lemma[i])
        sid = state_id(name) if name else None
        if sid is not None:
            args.append(Arg(sid, EntityType.STATE.value, i, i + 1, i, DEMONYM))
    args.sort(key=lambda a: a.start)
    return args


def _anaphors(view: TokenView, i: int, doc_ments: list[Ment]) -> list[Arg]:
    """What the word at ``i`` stands for, if it is an anaphor."""
    word, lemma = view.lower[i].replace("ё", "е"), view.lemma[i]
    if _plural_people(view, i):
        people = _people_before(view, doc_ments, i)
        if len(people) >= 2:
            return [Arg(m.id, m.type, i, i + 1, i, ANAPHOR) for m in people]
    found: Ment | None = None
    if word in PERSON_PRONOUNS and view.pos[i] in ("PRON", "DET"):
        found = antecedent(doc_ments, i, ("person",), reach=PERSON_REACH)
    elif ((word in GROUP_PRONOUNS or word == "их") and view.pos[i] in ("PRON", "DET")) or (
        lemma in GROUP_NOUNS and view.pos[i] == "NOUN" and not _named(view, i)
    ):
        found = antecedent(doc_ments, i, ("group",), reach=GROUP_REACH)
    if found is None:
        return []
    return [Arg(found.id, found.type, i, i + 1, i, ANAPHOR)]


def _named(view: TokenView, i: int) -> bool:
    """Whether a group noun carries its own name ("группировка «X»", "движения Талибан")."""
    return any(
        (view.dep[c] in ("appos", "nmod", "flat:name") and view.pos[c] == "PROPN")
        or view.words[c] in ("«", '"')
        for c in view.children(i)
    )


def _plural_people(view: TokenView, i: int) -> bool:
    if view.lower[i] in PLURAL_PRONOUNS and view.pos[i] in ("PRON", "DET"):
        return True
    if view.pos[i] != "NOUN" or view.lemma[i] not in PEOPLE_NOUNS:
        return False
    return any(
        view.lemma[c] in PLURAL_MARKERS or view.pos[c] == "NUM" for c in view.children(i) if c < i
    )
