"""Reading who is named where in a Russian parse: the helpers the Russian relation rules share.

Russian names a group through a descriptor noun and a genitive or an apposition
("лидер группировки «Джамаат Ансаруллах»": Джамаат —appos→ группировки —nmod→ лидер),
a person after a title in apposition ("лидер ... Махди Арсалон"), a list by "и" and
commas (``conj``). A bare descriptor ("группировка", "организация") or a possessive
("её лидер", "их боевики") points back to the group named before.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from oxus.nlp.clauses import Ment
from oxus.nlp.relations.people import antecedent

GROUP_NOUNS = frozenset(
    {"группировка", "организация", "движение", "группа", "сеть", "формирование", "ячейка"}
    | {"партия", "структура", "бандформирование", "объединение", "джамаат"}
)
"""Nouns that stand for a group: named by their apposition or genitive, else anaphoric."""
GROUP_POSSESSIVES = frozenset({"ее", "их", "его"})
PERSON_PRONOUNS = frozenset({"он", "его", "него", "ему", "им", "нем"})
NAMING_DEPS = frozenset({"appos", "flat", "flat:name", "nmod", "conj"})
GROUP_REACH = 80
PERSON_REACH = 60


def ment_at(token: Token, by_token: dict[int, Ment]) -> Ment | None:
    return by_token.get(token.i)


def listed(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("Каримову, Бакиеву и Рахмонову")."""
    out, stack = [], [token]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(c for c in current.children if c.dep_ == "conj")
    return sorted(out, key=lambda t: t.i)


def named(token: Token, by_token: dict[int, Ment], types: Iterable[str]) -> list[Ment]:
    """The mentions of ``types`` a noun is or is named by: itself, its apposition or name
    ("организации «Исламское государство»"), its genitive ("лидер ИДУ"), through one
    descriptor noun ("лидер группировки «X»"), and what is coordinated with them."""
    wanted = set(types)
    found: list[Ment] = []
    for item in listed(token):
        ment = by_token.get(item.i)
        if ment is not None:
            found.append(ment)
            continue
        for child in item.children:
            if child.dep_ not in NAMING_DEPS:
                continue
            inner = by_token.get(child.i)
            if inner is not None:
                found.extend(by_token[t.i] for t in listed(child) if t.i in by_token)
            elif child.lemma_ in GROUP_NOUNS:
                found.extend(
                    by_token[g.i]
                    for g in child.children
                    if g.dep_ in NAMING_DEPS and g.i in by_token
                )
    out: list[Ment] = []
    for ment in found:
        if ment.type in wanted and all(m.id != ment.id for m in out):
            out.append(ment)
    return out


def group_anaphor(token: Token, by_token: dict[int, Ment], doc_ments: list[Ment]) -> Ment | None:
    """The group a bare descriptor ("группировка", "эта организация") or a possessive
    ("её", "их") stands for: the last group named before, within reach."""
    lemma = token.lemma_.lower()
    if lemma in GROUP_NOUNS:
        if named(token, by_token, ("group", "organization")):
            return None
    elif token.lower_.replace("ё", "е") not in GROUP_POSSESSIVES or token.pos_ not in (
        "PRON",
        "DET",
    ):
        return None
    return antecedent(doc_ments, token.i, ("group",), reach=GROUP_REACH)


def person_anaphor(token: Token, doc_ments: list[Ment]) -> Ment | None:
    """The person "он"/"его" stands for: the last person named before, within reach."""
    if token.lemma_.lower() not in PERSON_PRONOUNS and token.lower_ not in PERSON_PRONOUNS:
        return None
    return antecedent(doc_ments, token.i, ("person",), reach=PERSON_REACH)


def owners(noun: Token, by_token: dict[int, Ment], doc_ments: list[Ment]) -> list[Ment]:
    """The groups or organisations a noun belongs to: named in its genitive or apposition
    ("боевики ИГ", "лидер группировки «X»"), or pointed back to ("её лидер", "лидер
    группировки")."""
    found = [
        m
        for m in named(noun, by_token, ("group", "organization", "state"))
        if not m.start <= noun.i < m.end
    ]
    if found:
        return found
    for depth_two in _genitives(noun):
        # "министр обороны «Талибана»": the owner of the owner
        found = named(depth_two, by_token, ("group", "organization", "state"))
        if found:
            return found
    for child in noun.children:
        if child.dep_ in ("nmod", "det") and child.i not in by_token:
            ante = group_anaphor(child, by_token, doc_ments)
            if ante is not None:
                return [ante]
    return []


def clause_subject(token: Token) -> Token | None:
    """The subject of the clause a predicate noun or verb belongs to ("X является
    лидером Y", "X — лидер Y"), through a copula or a linking verb."""
    node = token
    for _ in range(3):
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubj:pass") and child.i != token.i:
                return child
        if node.dep_ not in ("xcomp", "obl", "conj", "acl", "acl:relcl") or node.head.i == node.i:
            return None
        node = node.head
    return None


def relative_antecedent(
    relative: Token, by_token: dict[int, Ment], types: Iterable[str]
) -> list[Ment]:
    """What "который" stands for: the names of the noun its clause hangs on, else the name
    just before it ("группировки «X», которая ...": the parse may hang the clause on an
    earlier noun of the same gender)."""
    clause = relative.head
    while clause.dep_ != "acl:relcl" and clause.head.i != clause.i and clause.pos_ != "VERB":
        clause = clause.head
    found = named(clause.head, by_token, types) if clause.dep_ == "acl:relcl" else []
    if found:
        return found
    wanted = set(types)
    j = relative.i - 1
    while j >= 0 and relative.i - j <= 4:
        ment = by_token.get(j)
        if ment is not None:
            return [ment] if ment.type in wanted else []
        if relative.doc[j].pos_ not in ("PUNCT", "SPACE"):
            return []
        j -= 1
    return []


def _genitives(noun: Token) -> list[Token]:
    """The genitives of a noun's genitives ("министр обороны X": обороны, then X)."""
    return [
        g
        for c in noun.children
        if c.dep_ == "nmod" and c.pos_ == "NOUN" and not any(k.dep_ == "case" for k in c.children)
        for g in c.children
        if g.dep_ == "nmod"
    ]
