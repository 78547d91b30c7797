"""The ends a relation candidate may have in a sentence: names, anaphors, demonyms.

Besides linked mentions, a sentence refers to entities through anaphors ("the group",
"its leader", "he") that stand for an entity named shortly before, and to states
through demonyms ("a Tajik national", "Uzbek authorities"). Each becomes an
:class:`Arg`, so candidate pairs cover what the text says, not only what it names.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from oxus.model import EntityType
from oxus.nlp.clauses import Ment
from oxus.nlp.relations.nationality import demonym_state
from oxus.nlp.relations.people import GROUP_ANAPHORS, antecedent, is_group_anaphor
from oxus.nlp.states import state_id
from oxus.nlp.tokenview import TokenView

NAME, ANAPHOR, DEMONYM, IMPLIED = "name", "anaphor", "demonym", "implied"
"""How an Arg refers: named, through an anaphor, a demonym, or implied by a rule."""

PERSON_PRONOUNS = frozenset({"he", "his", "him", "she", "her"})
GROUP_POSSESSIVES = frozenset({"its", "their"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
PLURAL_NOUNS = frozenset(
    {"man", "suspect", "detainee", "defendant", "accused", "militant", "member", "brother"}
    | {"woman", "people", "individual", "national", "citizen", "convict", "fighter"}
)
"""Plural nouns that, made definite ("the suspects", "these men"), stand for people named
just before."""
PLURAL_DETERMINERS = frozenset({"the", "these", "those", "all", "both"})
ANAPHOR_WORDS = PERSON_PRONOUNS | GROUP_POSSESSIVES | PLURAL_PRONOUNS | {"it"}
ANAPHOR_LEMMAS = PLURAL_NOUNS | GROUP_ANAPHORS
"""Words worth a closer look as anaphors; any other word is not one."""
PERSON_REACH = 60
GROUP_REACH = 80
"""How many tokens back an anaphor may find what it stands for."""


@dataclass(frozen=True)
class Arg:
    """One possible relation end in a sentence: an entity and the words that refer to it."""

    id: str
    type: str
    start: int
    end: int
    root: int
    """The index of the head token of the words that refer."""
    kind: str = NAME

    @classmethod
    def of(cls, ment: Ment, kind: str = NAME) -> Arg:
        return cls(ment.id, ment.type, ment.start, ment.end, ment.span.root.i, kind)


def sentence_args(
    doc: Doc,
    view: TokenView,
    sent_start: int,
    sent_end: int,
    mentions: list[Ment],
    doc_ments: list[Ment],
    demonyms: dict[str, str],
) -> list[Arg]:
    """Every Arg of the sentence, in text order: names, then anaphors and demonyms."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    args = [Arg.of(m) for m in mentions]
    for i in range(sent_start, sent_end):
        if i in taken:
            continue
        word = view.lower[i]
        if word in ANAPHOR_WORDS or view.lemma[i] in ANAPHOR_LEMMAS:
            args.extend(_anaphors(doc, view, i, doc_ments))
        elif view.words[i][:1].isupper():
            demonym = _demonym(view, i, demonyms)
            if demonym is not None:
                args.append(demonym)
    args.sort(key=lambda a: a.start)
    return args


def _anaphors(doc: Doc, view: TokenView, i: int, doc_ments: list[Ment]) -> list[Arg]:
    """What the word at ``i`` stands for: a person ("he"), a group ("the group", "its"),
    or the people named just before ("they", "the suspects")."""
    word = view.lower[i]
    if _plural_people(view, i):
        people = _people_before(view, doc_ments, i)
        if len(people) >= 2:
            return [Arg(m.id, m.type, i, i + 1, i, ANAPHOR) for m in people]
    found: Ment | None = None
    if word in PERSON_PRONOUNS:
        found = antecedent(doc_ments, i, ("person",), reach=PERSON_REACH)
    elif word in GROUP_POSSESSIVES or is_group_anaphor(doc[i]):
        found = antecedent(doc_ments, i, ("group",), reach=GROUP_REACH)
    if found is None:
        return []
    return [Arg(found.id, found.type, i, i + 1, i, ANAPHOR)]


def _plural_people(view: TokenView, i: int) -> bool:
    if view.lower[i] in PLURAL_PRONOUNS:
        return True
    if view.tag[i] != "NNS" or view.lemma[i] not in PLURAL_NOUNS:
        return False
    return any(
        view.lower[c] in PLURAL_DETERMINERS or view.pos[c] == "NUM"
        for c in view.children(i)
        if c < i
    )


def _people_before(view: TokenView, doc_ments: list[Ment], before: int) -> list[Ment]:
    """The people of the last sentence before ``before`` that names two or more."""
    found: list[Ment] = []
    sentence = None
    for ment in reversed(doc_ments):
        if ment.end > before or before - ment.end > PERSON_REACH * 2:
            continue
        if ment.type != "person":
            continue
        at = view.sentence_of(ment.start)
        if sentence is not None and at != sentence:
            break
        sentence = at
        if all(m.id != ment.id for m in found):
            found.append(ment)
    return found[::-1]


def _demonym(view: TokenView, i: int, demonyms: dict[str, str]) -> Arg | None:
    name = demonym_state(view.words[i], demonyms)
    sid = state_id(name) if name else None
    if sid is None:
        return None
    return Arg(sid, EntityType.STATE.value, i, i + 1, i, DEMONYM)
