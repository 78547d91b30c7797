"""Russian relation rules about people: titles, leading verbs and nationality.

"лидер Исламского движения Узбекистана Тахир Юлдашев", "Махди Арсалон, лидер
группировки", "её лидер X", "X является лидером Y" (leader_of, by the role the title
names); "член/боевик группировки X" (member_of); "возглавляемая X группировка", "X
возглавляет Y" (leader_of); "таджикский боевик X", "уроженец Таджикистана X", "X,
гражданин Узбекистана", "Ислам Каримов (Узбекистан)", "президент Узбекистана X"
(citizen_of). Ends are mentions, or state names from demonyms.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from oxus.nlp.clauses import Ment
from oxus.nlp.grammar import instrumental_agent
from oxus.nlp.lang.ru.relation_words import (
    clause_subject,
    group_anaphor,
    listed,
    named,
    owners,
    person_anaphor,
)
from oxus.nlp.relations.people import Candidate, antecedent

NAME_GAP = frozenset({"«", "»", '"', "(", ")", ",", "–", "-", "—", "*"})
"""Tokens between a title's phrase and the name after it ("лидер «X» Тахир Юлдашев")."""
ETHNIC = frozenset({"этнический"})
COPULAS = frozenset({"являться", "быть", "стать", "оказаться", "считаться"})


def holders(tok: Token, by_token: dict[int, Ment], doc_ments: list[Ment]) -> list[Ment]:
    """The people a title noun names: its apposition ("лидер ... Махди Арсалон"), the
    name it is in apposition to ("Махди Арсалон, лидер ..."), the subject of its clause
    ("X является лидером Y", "он стал лидером"), or the name right after its phrase."""
    found: list[Ment] = []
    for child in tok.children:
        if child.dep_ in ("appos", "flat:name", "parataxis") and child.i in by_token:
            found += [by_token[t.i] for t in listed(child) if t.i in by_token]
    if tok.dep_ in ("appos", "conj") and tok.head.i in by_token:
        found.append(by_token[tok.head.i])
    subject = clause_subject(tok) if tok.dep_ != "nsubj" else None
    if subject is not None:
        found += named(subject, by_token, ("person", "state")) or _pronoun(subject, doc_ments)
    if not found:
        end = max([t.i for t in tok.subtree if t.i >= tok.i], default=tok.i) + 1
        while end < len(tok.doc) and tok.doc[end].text in NAME_GAP:
            end += 1
        ment = by_token.get(end)
        if ment is not None and ment.start == end:
            found.append(ment)
    return list(dict.fromkeys(found))


def _pronoun(token: Token, doc_ments: list[Ment]) -> list[Ment]:
    found = person_anaphor(token, doc_ments)
    return [found] if found is not None else []


def title_relations(
    sent: Span,
    by_token: dict[int, Ment],
    doc_ments: list[Ment],
    *,
    titles: dict[str, str],
    member_words: frozenset[str],
) -> Iterator[Candidate]:
    """leader_of / member_of from title and member nouns with their group and their name."""
    doc = sent.doc
    for title in sent:
        if title.i in by_token or title.pos_ not in ("NOUN", "PROPN", "ADJ"):
            continue
        lemma = title.lemma_.lower()
        before = doc[title.i - 1].lemma_.lower() if title.i > sent.start else ""
        role = titles.get(f"{before} {lemma}") or titles.get(lemma)
        if role is None and lemma not in member_words:
            continue
        if title.dep_ == "nmod" and title.head.lemma_.lower() in titles:
            continue  # "министра" in "заместитель министра": the office, not its holder's
        predicate = "leader_of" if role is not None else "member_of"
        office = next(
            (c for c in title.children if c.dep_ == "nmod" and c.lemma_.lower() in titles), None
        )
        if office is not None:
            # "заместитель министра ... ИЭА": who holds an office of X's is one of X's
            predicate, role = "member_of", None
        owner_of = office if office is not None else title
        orgs = [m for m in owners(owner_of, by_token, doc_ments) if m.type != "state"]
        if not orgs:
            continue
        for holder in holders(title, by_token, doc_ments):
            if holder.type not in ("person", "state") or (role and holder.type != "person"):
                continue
            for org in orgs:
                if holder.id != org.id:
                    yield Candidate(holder, predicate, org, role, title)


def lead_verb_relations(
    sent: Span, by_token: dict[int, Ment], doc_ments: list[Ment], *, lead_verbs: dict[str, str]
) -> Iterator[Candidate]:
    """leader_of from "X возглавляет Y", "группировка, которую возглавляет X",
    "возглавляемая X группировка", "основанная X"."""
    for tok in sent:
        role = lead_verbs.get(tok.lemma_.lower())
        if role is None or tok.pos_ != "VERB":
            continue
        agents: list[Ment] = []
        objects: list[Ment] = []
        for child in tok.children:
            if child.dep_ in ("nsubj", "obl:agent") or instrumental_agent(child):
                agents += named(child, by_token, ("person",)) or _pronoun(child, doc_ments)
            elif child.dep_ in ("obj", "nsubj:pass"):
                objects += _groups(child, by_token, doc_ments)
        if tok.dep_ in ("amod", "acl", "acl:relcl") and not objects:
            objects += _groups(tok.head, by_token, doc_ments)
        if not objects:
            found = antecedent(doc_ments, tok.i, ("group", "organization"))
            if found is not None and tok.i - found.end < 30:
                objects.append(found)
        for person in agents:
            for org in objects:
                yield Candidate(person, "leader_of", org, role, tok)


def _groups(token: Token, by_token: dict[int, Ment], doc_ments: list[Ment]) -> list[Ment]:
    found = named(token, by_token, ("group", "organization"))
    if not found:
        ante = group_anaphor(token, by_token, doc_ments)
        found = [ante] if ante is not None else []
    return found


def citizen_relations(
    sent: Span,
    by_token: dict[int, Ment],
    *,
    demonyms: dict[str, str],
    citizen_nouns: frozenset[str],
    state_titles: frozenset[str],
) -> Iterator[Candidate]:
    """citizen_of from a demonym, a citizen noun or a state title describing a person, or
    a state in parentheses after the name."""
    doc = sent.doc
    persons = [m for m in dict.fromkeys(by_token.values()) if m.type == "person"]
    for person in persons:
        for noun in _describers(person, by_token):
            yield from _described(person, noun, by_token, demonyms, citizen_nouns, state_titles)
        j = person.end
        if j + 2 < sent.end and doc[j].text == "(" and doc[j + 2].text == ")":
            state = by_token.get(j + 1)
            if state is not None and state.type == "state":
                yield Candidate(person, "citizen_of", state, None, doc[j + 1])


def _describers(person: Ment, by_token: dict[int, Ment]) -> list[Token]:
    """Nouns that say who a person is: the one the name is in apposition to ("боевик X"),
    its own apposition ("X, уроженец Y") or the predicate of its clause."""
    root = person.span.root
    found = [root]
    if root.dep_ in ("appos", "flat:name", "parataxis") and root.head.i not in by_token:
        found.append(root.head)
    found += [c for c in root.children if c.dep_ == "appos" and c.i not in by_token]
    if root.dep_ == "nsubj" and root.head.lemma_ in COPULAS:
        # "X является уроженцем Y", "X был гражданином Y"
        found += [c for c in root.head.children if c.dep_ in ("xcomp", "obl") and c.pos_ == "NOUN"]
    if root.dep_ == "nsubj" and root.head.pos_ == "NOUN":
        found.append(root.head)  # "X — уроженец Y"
    return found


def _described(
    person: Ment,
    noun: Token,
    by_token: dict[int, Ment],
    demonyms: dict[str, str],
    citizen_nouns: frozenset[str],
    state_titles: frozenset[str],
) -> Iterator[Candidate]:
    lemma = noun.lemma_.lower()
    ethnic = any(c.lemma_.lower() in ETHNIC for c in noun.children)
    if lemma in demonyms and noun.i not in by_token and not ethnic:
        yield Candidate(person, "citizen_of", demonyms[lemma], None, noun)  # "таджик X"
    for child in noun.children:
        word = child.lemma_.lower()
        if child.dep_ == "amod" and word in demonyms:
            if not any(g.lemma_.lower() in ETHNIC for g in child.children):
                yield Candidate(person, "citizen_of", demonyms[word], None, child)
        elif child.dep_ == "nmod" and (lemma in citizen_nouns or lemma in state_titles):
            for state in named(child, by_token, ("state", "place")):
                yield Candidate(person, "citizen_of", state, None, noun)
