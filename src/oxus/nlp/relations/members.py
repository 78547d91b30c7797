"""member_of for people a member noun names, when the group is the one talked about.

"Two militants, named as A and B, appear in the video", "The members of the cell are
A and B": the sentence names the people and calls them members or militants, but names
no group; the report named it shortly before. ("Suspects", "gunmen" or "attackers" are
left out: who they belong to is what the report is often unsure of, and the group named
last is too often another one.) Each person so named becomes a member of the last group named within
reach, and the component adds that group as an end implied at the member noun.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from oxus.nlp.clauses import Ment
from oxus.nlp.relations.people import Candidate, antecedent
from oxus.nlp.tokenview import token_view

MEMBER_NOUNS = frozenset(
    {"member", "militant", "fighter", "operative", "jihadist", "recruit", "insurgent"}
)
"""Nouns that call the people they name members of a group."""
NAMING_LEMMAS = frozenset({"name", "identify", "call", "be", "include"})
"""Verbs that give the names of what a member noun speaks of ("named as", "are")."""
NAMING_ARGS = frozenset({"attr", "oprd", "dobj", "prep", "pobj", "appos", "conj", "npadvmod"})
REACH = 120
"""How many tokens back the group may be named."""


def named_member_relations(
    sent: Span, by_token: dict[int, Ment], doc_ments: list[Ment]
) -> Iterator[Candidate]:
    """(person, member_of, group talked about) for people a member noun names."""
    if any(m.type == "group" for m in by_token.values()):
        return
    view = token_view(sent.doc)
    for i in range(sent.start, sent.end):
        if view.pos[i] != "NOUN" or view.lemma[i] not in MEMBER_NOUNS or i in by_token:
            continue
        tok = sent.doc[i]
        people = _named_by(tok, by_token)
        if not people:
            continue
        group = antecedent(doc_ments, tok.i, ("group",), reach=REACH)
        if group is None:
            continue
        for person in people:
            yield Candidate(person, "member_of", group, None, tok)


def _named_by(noun: Token, by_token: dict[int, Ment]) -> list[Ment]:
    """The people the noun names: in apposition to it, after a naming participle on it
    ("militants, named as A and B"), or after the verb it is the subject of ("the
    members are A and B", "the suspects were identified as A and B")."""
    roots: list[Token] = []
    for child in noun.children:
        naming = child.dep_ == "acl" and child.lemma_.lower() in NAMING_LEMMAS
        if child.dep_ == "appos" or naming:
            roots.append(child)
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in NAMING_LEMMAS:
        roots.extend(c for c in head.children if c.dep_ in NAMING_ARGS)
    found: list[Ment] = []
    for root in roots:
        for t in root.subtree:
            ment = by_token.get(t.i)
            if ment is not None and ment.type == "person" and ment not in found:
                found.append(ment)
    return found
