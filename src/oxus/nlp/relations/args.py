"""The ends a relation candidate may have in a sentence: names, anaphors, demonyms.

Besides linked mentions, a sentence refers to entities through anaphors ("the group",
"its leader", "he") that stand for an entity named shortly before, and to states
through demonyms ("a Tajik national", "Uzbek authorities"). Each becomes an
:class:`Arg`, so candidate pairs cover what the text says, not only what it names.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from oxus.model import EntityType
from oxus.nlp.clauses import Ment
from oxus.nlp.extensions import TokenStrings
from oxus.nlp.relations.nationality import demonym_state
from oxus.nlp.relations.people import antecedent, is_group_anaphor
from oxus.nlp.states import pack_states

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
    root: Token
    kind: str = NAME

    @classmethod
    def of(cls, ment: Ment, kind: str = NAME) -> Arg:
        return cls(ment.id, ment.type, ment.start, ment.end, ment.span.root, kind)


def state_id(name: str) -> str | None:
    """The pack id of the state with this canonical name."""
    state = pack_states().get(name)
    return state.id if state is not None else None


def sentence_args(
    sent: Span,
    mentions: list[Ment],
    doc_ments: list[Ment],
    strings: TokenStrings,
    demonyms: dict[str, str],
) -> list[Arg]:
    """Every Arg of the sentence, in text order: names, then anaphors and demonyms."""
    doc = sent.doc
    taken = {i for m in mentions for i in range(m.start, m.end)}
    args = [Arg.of(m) for m in mentions]
    for i in range(sent.start, sent.end):
        if i in taken:
            continue
        extra = _anaphors(doc, i, strings, doc_ments)
        demonym = None if extra else _demonym(doc, i, strings, demonyms)
        args.extend(extra if demonym is None else [demonym])
    args.sort(key=lambda a: a.start)
    return args


def _anaphors(doc: Doc, i: int, strings: TokenStrings, doc_ments: list[Ment]) -> list[Arg]:
    """What the word at ``i`` stands for: a person ("he"), a group ("the group", "its"),
    or the people named just before ("they", "the suspects")."""
    word = strings.lower[i]
    tok = doc[i]
    if _plural_people(tok, word, strings):
        people = _people_before(doc_ments, i)
        if len(people) >= 2:
            return [Arg(m.id, m.type, i, i + 1, tok, ANAPHOR) for m in people]
    found: Ment | None = None
    if word in PERSON_PRONOUNS:
        found = antecedent(doc_ments, i, ("person",), reach=PERSON_REACH)
    elif word in GROUP_POSSESSIVES or is_group_anaphor(tok):
        found = antecedent(doc_ments, i, ("group",), reach=GROUP_REACH)
    if found is None:
        return []
    return [Arg(found.id, found.type, i, i + 1, tok, ANAPHOR)]


def _plural_people(tok: Token, word: str, strings: TokenStrings) -> bool:
    if word in PLURAL_PRONOUNS:
        return True
    if tok.tag_ != "NNS" or strings.lemma[tok.i] not in PLURAL_NOUNS:
        return False
    return any(
        c.lower_ in PLURAL_DETERMINERS or c.pos_ == "NUM" for c in tok.children if c.i < tok.i
    )


def _people_before(doc_ments: list[Ment], before: int) -> list[Ment]:
    """The people of the last sentence before ``before`` that names two or more."""
    found: list[Ment] = []
    sentence = None
    for ment in reversed(doc_ments):
        if ment.end > before or before - ment.end > PERSON_REACH * 2:
            continue
        if ment.type != "person":
            continue
        start = ment.span.sent.start
        if sentence is not None and start != sentence:
            break
        sentence = start
        if all(m.id != ment.id for m in found):
            found.append(ment)
    return found[::-1]


def _demonym(doc: Doc, i: int, strings: TokenStrings, demonyms: dict[str, str]) -> Arg | None:
    text = strings.text[i]
    if not text[:1].isupper():
        return None
    name = demonym_state(text, demonyms)
    sid = state_id(name) if name else None
    if sid is None:
        return None
    return Arg(sid, EntityType.STATE.value, i, i + 1, doc[i], DEMONYM)
