"""Relation rules centred on people: titles (leader_of), membership, leading verbs, nationality.

Each rule looks at the tokens right around a title word ("Jamaat Ansarullah commander
Mahdi Arsalon", "X, the leader of Y", "its leader, X", "Y's founder X"), a leading verb
("led by X") or a demonym ("the Tajik national X"), and yields candidate triples; the
component checks the entity types afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from oxus.nlp.clauses import Ment
from oxus.nlp.extensions import token_strings

SKIP_BEFORE_HOLDER = frozenset(
    {
        ",",
        "the",
        "sheikh",
        "shaykh",
        "mullah",
        "mulla",
        "mawlawi",
        "maulvi",
        "commander",
        "(",
        "“",
        '"',
        "'",
        "named",
        "called",
        "as",
        "is",
        "was",
        "a",
        "an",
        "mr",
        "mr.",
        "dr",
        "dr.",
        "general",
        "gen.",
        "colonel",
        "emir",
        "amir",
        "haji",
        "hajji",
        "qari",
        "ustad",
        "–",
        "-",
    }
)
"""Tokens allowed between a title word and the name that follows it."""
SKIP_BEFORE_TITLE = frozenset(
    {
        "'s",
        "’s",
        "’",
        "'",
        "former",
        "current",
        "late",
        "top",
        "senior",
        "then",
        "-",
        "new",
        "military",
        "political",
        "founding",
        "supreme",
        "overall",
        "spiritual",
        "deputy",
        "chief",
        "ex",
        "longtime",
        "long-time",
        "de",
        "facto",
        "acting",
        "interim",
        "powerful",
        "notorious",
        "the",
        "its",
        "their",
        "his",
        "a",
        "an",
        "self",
        "-styled",
        "styled",
        "alleged",
        "main",
        "field",
        "local",
        "regional",
        "key",
        "prominent",
        "most",
        "wanted",
        "one",
        "of",
        "two",
    }
)
"""Modifiers that may sit between an organisation and its title word."""
OF_PREPS = frozenset({"of", "for", "at", "in", "with", "within", "from"})
ANAPHORS = frozenset({"its", "their", "group", "movement", "organisation", "organization"})


@dataclass(frozen=True)
class Candidate:
    """A relation before type checking: ends are mentions or bare entity ids."""

    subject: Ment | str
    predicate: str
    object: Ment | str
    role: str | None = None
    cue: Token | None = None


def _ment_at(by_token: dict[int, Ment], i: int) -> Ment | None:
    return by_token.get(i)


def holder_right(sent: Span, by_token: dict[int, Ment], i: int, types: set[str]) -> Ment | None:
    """The first mention of ``types`` right after token ``i``, past honorifics and commas."""
    j = i + 1
    while j < sent.end and j - i <= 4:
        ment = by_token.get(j)
        if ment is not None:
            return ment if ment.type in types else None
        if sent.doc[j].lower_ not in SKIP_BEFORE_HOLDER:
            return None
        j += 1
    return None


def org_left(sent: Span, by_token: dict[int, Ment], i: int) -> Ment | None:
    """The group/organisation/state naming the title at ``i`` from its left ("IJU's leader")."""
    j = i - 1
    doc = sent.doc
    if j > sent.start and doc[j].text == ")":
        # "Federal Security Service (FSB) Director X"
        opened = next(
            (k for k in range(j - 1, max(j - 6, sent.start - 1), -1) if doc[k].text == "("), None
        )
        if opened is not None:
            j = opened - 1
            i = opened
    while j >= sent.start and i - j <= 5:
        ment = by_token.get(j)
        if ment is not None:
            return ment if ment.type in ("group", "organization", "state") else None
        tok = sent.doc[j]
        if tok.lower_ not in SKIP_BEFORE_TITLE and tok.pos_ != "ADJ":
            return None
        j -= 1
    return None


def org_right(
    sent: Span,
    by_token: dict[int, Ment],
    i: int,
    descriptors: frozenset[str] = frozenset(),
) -> Ment | None:
    """The organisation after "title of/at [the]" ("leader of the Taliban movement").

    ``descriptors`` may sit before the name ("members of the terrorist organisation X").
    """
    j = i + 1
    doc = sent.doc
    if j < sent.end and doc[j].lower_ == "-" and j + 1 < sent.end:
        j += 1  # "secretary-general", split
    if j >= sent.end or doc[j].lower_ not in OF_PREPS:
        return None
    j += 1
    while j < sent.end and j - i <= 7:
        ment = by_token.get(j)
        if ment is not None:
            return ment if ment.type in ("group", "organization", "state") else None
        word = doc[j].lower_
        if word not in ("the", "a", "an", "so-called", "so", "called", "“", '"') and (
            doc[j].pos_ != "ADJ" and word not in descriptors
        ):
            return None
        j += 1
    return None


def holder_left(sent: Span, by_token: dict[int, Ment], i: int, stop: int) -> Ment | None:
    """The name before ", [the|its|a] [org's] title" (apposition after the name)."""
    j = stop - 1
    doc = sent.doc
    coordinated = False
    while j >= sent.start and stop - j <= 7:
        tok = doc[j]
        if tok.lower_ == ",":
            prev = by_token.get(j - 1)
            return prev
        if j in by_token:
            return None  # another name sits between: "A, B and the head of C"
        if tok.lower_ == "and" and j > sent.start and doc[j - 1].pos_ == "NOUN":
            coordinated = True  # "X, professor and chief researcher at Y"
        elif coordinated and tok.pos_ in ("NOUN", "PROPN"):
            pass
        elif (
            tok.lower_ not in SKIP_BEFORE_TITLE
            and tok.pos_ != "ADJ"
            and tok.lower_ not in ("who", "is", "was", "as", "serves", "served")
        ):
            return None
        j -= 1
    return None


def antecedent(
    doc_ments: list[Ment], before: int, types: tuple[str, ...], *, reach: int | None = None
) -> Ment | None:
    """The last mention of ``types`` before token ``before`` (same or earlier sentences),
    no further back than ``reach`` tokens when given."""
    for ment in reversed(doc_ments):
        if ment.end > before:
            continue
        if reach is not None and before - ment.end > reach:
            return None
        if ment.type in types:
            return ment
    return None


GROUP_ANAPHORS = frozenset(
    {"group", "movement", "organisation", "organization", "faction", "network", "outfit"}
)
ANAPHOR_DETS = frozenset({"the", "this", "that"})
ANAPHOR_REACH = 80
"""How many tokens back "the group" may find the group it stands for."""


def is_group_anaphor(token: Token) -> bool:
    """ "It" or a bare "the/this group" used as a clause subject."""
    if token.lower_ == "it":
        # Not the expletive of "it is believed that ...", "it is clear whether ...".
        head = token.head
        return not any(c.dep_ in ("ccomp", "csubj", "acomp") for c in head.children)
    if token.lemma_.lower() not in GROUP_ANAPHORS:
        return False
    kids = list(token.children)
    dets = [c for c in kids if c.dep_ == "det" and c.lower_ in ANAPHOR_DETS]
    # "the group", "this insurgent group"; not "a group" or "groups of fighters"
    return bool(dets) and all(c in dets or _descriptor(c) for c in kids)


def _descriptor(token: Token) -> bool:
    """A common-word modifier of an anaphoric noun ("insurgent", "militant", "banned")."""
    if token.dep_ == "amod":
        return token.pos_ == "ADJ"
    return token.dep_ == "compound" and token.pos_ == "NOUN" and token.text.islower()


def subject_antecedent(doc_ments: list[Ment], token: Token) -> Ment | None:
    """The group an anaphor ("it", "the group") stands for: the last group named before
    it, within reach (reports name a group, then refer back to it)."""
    return antecedent(doc_ments, token.i, ("group",), reach=ANAPHOR_REACH)


def title_relations(
    sent: Span,
    by_token: dict[int, Ment],
    doc_ments: list[Ment],
    *,
    titles: dict[str, str],
    member_words: frozenset[str],
    descriptors: frozenset[str] = frozenset(),
) -> Iterator[Candidate]:
    """leader_of / member_of from title and member nouns next to names."""
    doc = sent.doc
    strings = token_strings(doc)
    for i in range(sent.start, sent.end):
        if i in by_token:
            continue
        word = strings.lower[i]
        bigram = f"{strings.lower[i - 1]} {word}" if i > sent.start else word
        lemma = strings.lemma[i]
        role = titles.get(bigram) or titles.get(word) or titles.get(lemma)
        is_member = lemma in member_words or word in member_words
        if role is None and not is_member:
            continue
        tok = doc[i]
        predicate = "leader_of" if role is not None else "member_of"
        holder_types = {"person"} if role is not None else {"person", "state"}
        org = org_left(sent, by_token, tok.i)
        org_at_right = None
        if org is None:
            org_at_right = org_right(sent, by_token, tok.i, descriptors)
            org = org_at_right
        if org is None and tok.i > sent.start and doc[tok.i - 1].lower_ in ANAPHORS:
            org = antecedent(doc_ments, doc[tok.i - 1].i, ("group", "organization"))
        if org is None and _anaphor_possessive(doc, tok.i, sent.start):
            # "the organisation's secretary general X"
            org = antecedent(doc_ments, tok.i - 2, ("group", "organization"))
        if org is None and tok.i + 3 < sent.end and doc[tok.i + 1].lower_ == "of":
            nxt = doc[tok.i + 2 : tok.i + 4]
            if any(t.lower_ in ANAPHORS for t in nxt):
                org = antecedent(doc_ments, tok.i, ("group", "organization"))
        if org is None:
            continue
        after = _org_tail(sent, by_token, org.end if org_at_right is not None else tok.i + 1) - 1
        holders: list[Ment] = []
        right = holder_right(sent, by_token, after, holder_types)
        if right is not None:
            holders.append(right)
            holders.extend(_list_after(sent, by_token, right, holder_types))
        else:
            first = org.start if org.start < tok.i else tok.i
            left = holder_left(sent, by_token, tok.i, first)
            if left is not None and left.type in holder_types:
                holders.append(left)
                if tok.tag_ == "NNS":
                    # "A and B, two leaders of X"
                    holders.extend(
                        m for m in names_before(sent, by_token, left) if m.type in holder_types
                    )
            elif tok.dep_ == "attr":
                # Copula: "X is a member of Y", "X became the group's leader".
                for child in tok.head.children:
                    ment = by_token.get(child.i)
                    if child.dep_ == "nsubj" and ment is not None and ment.type in holder_types:
                        holders.append(ment)
        for holder in holders:
            if holder is org:
                continue
            yield Candidate(holder, predicate, org, role, tok)


def _anaphor_possessive(doc: Doc, i: int, start: int) -> bool:
    """Whether the title at ``i`` follows "the group's" / "the organisation's"."""
    return (
        i - 2 >= start
        and doc[i - 1].lower_ in ("'s", "’s")
        and doc[i - 2].lower_ in ANAPHORS - {"its", "their"}
    )


def names_before(sent: Span, by_token: dict[int, Ment], last: Ment) -> list[Ment]:
    """The mentions listed right before ``last`` ("A, B and C"), nearest first."""
    doc = sent.doc
    out: list[Ment] = []
    j = last.start - 1
    while j >= sent.start:
        if doc[j].lower_ in (",", "and"):
            j -= 1
            continue
        ment = by_token.get(j)
        if ment is None or ment.type != last.type:
            break
        out.append(ment)
        j = ment.start - 1
    return out


ORG_TAIL = frozenset({"movement", "group", "organisation", "organization", "party", "network"})
"""Descriptor nouns that may follow an organisation's name ("the Taliban movement")."""


def _org_tail(sent: Span, by_token: dict[int, Ment], end: int) -> int:
    """The end of an organisation's name with its tail: a parenthesised acronym ("(FSB)"),
    a descriptor noun ("movement") and a locative ("in Afghanistan")."""
    doc = sent.doc
    j = end
    while j < sent.end:
        word = doc[j].lower_
        if word == "(":
            close = next(
                (k for k in range(j + 1, min(j + 6, sent.end)) if doc[k].text == ")"), None
            )
            if close is None:
                break
            j = close + 1
        elif word in ORG_TAIL:
            j += 1
        elif (
            word in ("in", "at")
            and j + 1 in by_token
            and by_token[j + 1].type in ("place", "state")
        ):
            j = by_token[j + 1].end
        else:
            break
    return j


def _list_after(sent: Span, by_token: dict[int, Ment], first: Ment, types: set[str]) -> list[Ment]:
    """Further names coordinated with ``first`` ("members ... – A and B")."""
    out: list[Ment] = []
    j = first.end
    doc = sent.doc
    while j < sent.end:
        if doc[j].lower_ in (",", "and", "(", ")"):
            j += 1
            continue
        ment = by_token.get(j)
        if ment is None or ment.type not in types:
            break
        out.append(ment)
        j = ment.end
    return out


def lead_verb_relations(
    sent: Span, by_token: dict[int, Ment], doc_ments: list[Ment], *, lead_verbs: dict[str, str]
) -> Iterator[Candidate]:
    """leader_of from "led by X", "X heads Y", "which X founded"."""
    doc = sent.doc
    strings = token_strings(doc)
    for i in range(sent.start, sent.end):
        role = lead_verbs.get(strings.lemma[i])
        if role is None:
            continue
        tok = doc[i]
        if tok.pos_ != "VERB":
            continue
        agents: list[Ment] = []
        objects: list[Ment] = []
        head_is_agent = False
        for child in tok.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    agents.extend(_ments_of(pobj, by_token))
            elif child.dep_ == "nsubj":
                if child.lower_ in ("who", "that") and tok.dep_ == "relcl":
                    # "X, who chairs Y"
                    agents.extend(_ments_of(tok.head, by_token))
                    head_is_agent = True
                agents.extend(_ments_of(child, by_token))
            elif child.dep_ in ("dobj", "nsubjpass"):
                objects.extend(_ments_of(child, by_token))
        if tok.dep_ in ("acl", "relcl") and not objects and not head_is_agent:
            objects.extend(_ments_of(tok.head, by_token))
        explicit = any(c.dep_ == "dobj" for c in tok.children)
        if not objects and not explicit:
            # "X, who founded it" / "founded in 2010 by X": the group talked about.
            found = antecedent(
                [m for m in doc_ments if m.type in ("group", "organization")],
                tok.i,
                ("group", "organization"),
            )
            if found is not None and (found.start >= sent.start or tok.i - sent.start < 8):
                objects.append(found)
        for person in agents:
            for org in objects:
                yield Candidate(person, "leader_of", org, role, tok)


def _ments_of(token: Token, by_token: dict[int, Ment]) -> list[Ment]:
    """The mention at a token plus mentions coordinated with it (``conj``)."""
    out: list[Ment] = []
    stack = [token]
    while stack:
        current = stack.pop()
        ment = by_token.get(current.i)
        if ment is not None and ment not in out:
            out.append(ment)
        stack.extend(c for c in current.children if c.dep_ in ("conj", "appos", "compound"))
    return out
