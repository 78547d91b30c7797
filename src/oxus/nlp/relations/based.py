"""based_in rules: a group or person located in a place or state.

A place locates an actor when a locative preposition ("in", "across", "from their
bases in") or a control verb ("captured X") ties it to a clause, and the actor is what
that clause is about: its subject, the noun a relative or participle clause hangs on
("X, which operates in Y", "X, based in Y"), or the noun the phrase attaches to ("the
Taliban in Kabul"). A place merely named elsewhere in the sentence locates nobody.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from oxus.nlp.clauses import Ment, governing_verb
from oxus.nlp.extensions import token_strings
from oxus.nlp.relations.people import (
    Candidate,
    _ments_of,
    is_group_anaphor,
    subject_antecedent,
)

RELATIVE = frozenset({"which", "who", "that"})
CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "ccomp"})
ACTOR_TYPES = frozenset({"group", "person"})
LIST_PREPS = frozenset({"including", "like", "notably", "namely"})


@dataclass(frozen=True)
class BasedCues:
    """Words of the based_in rules (``based_in`` section of ``patterns/relations.yaml``)."""

    preps: frozenset[str]
    lemmas: frozenset[str]
    exclude_preps: frozenset[str]
    exclude_lemmas: frozenset[str]
    cue_preps: frozenset[str]
    place_nouns: frozenset[str] = frozenset()
    control_lemmas: frozenset[str] = frozenset()
    branch_nouns: frozenset[str] = frozenset()


def based_in_relations(
    sent: Span,
    mentions: list[Ment],
    by_token: dict[int, Ment],
    cues: BasedCues,
    prior: list[Ment] | None = None,
) -> Iterator[Candidate]:
    """Groups and people located in a place or state by a preposition or "X-based"."""
    if not any(m.type in ACTOR_TYPES for m in mentions):
        return
    lemmas = token_strings(sent.doc).lemma
    has_base_cue = not cues.lemmas.isdisjoint(lemmas[sent.start : sent.end])
    for loc in mentions:
        if loc.type not in ("place", "state"):
            continue
        if _compound_based(sent, loc):
            actor = _based_modifies(sent, loc, by_token)
            if actor is not None:
                yield Candidate(actor, "based_in", loc, None, loc.span.root)
            continue
        root = place_root(loc.span.root, cues.place_nouns)
        described = _described_by(root, by_token) if root.dep_ == "pobj" else None
        if described is not None and described.type == "person":
            # "X, an analyst from Tashkent": the apposition places the person.
            yield Candidate(described, "based_in", loc, None, root)
            continue
        actors = _located_actors(root, by_token, cues, has_base_cue, prior)
        if actors is None:
            continue
        if not actors:
            actors = _loose_actors(sent, mentions, root, cues)
        motion = root.dep_ == "pobj" and root.head.lower_ in cues.cue_preps
        for actor in dict.fromkeys(actors):
            if actor.type == "person" and (motion or not (has_base_cue and _near(actor, loc, 12))):
                # People move: only a place near them, with a word of residence, locates
                # them; "came to X" does not.
                continue
            if actor.type in ACTOR_TYPES:
                yield Candidate(actor, "based_in", loc, None, root)


def place_root(token: Token, place_nouns: frozenset[str]) -> Token:
    """The token standing for a place in the clause: climbs lists ("Faryab, Sar-e Pol
    and Jowzjan"), "the province of X" and "provinces including X"."""
    current = token
    for _ in range(6):
        head = current.head
        listed = current.dep_ == "conj" and head.i != current.i
        owner = current.dep_ == "poss" and head.lemma_.lower() in place_nouns
        if listed or owner or (current.dep_ == "appos" and head.pos_ in ("NOUN", "PROPN")):
            # "Syria's Aleppo Province", "Afghanistan's Badakhshan province"
            current = head
        elif (
            current.dep_ == "pobj"
            and head.lower_ in ("of", *LIST_PREPS)
            and head.head.lemma_.lower() in place_nouns
        ):
            current = head.head
        else:
            break
    return current


def _located_actors(
    root: Token,
    by_token: dict[int, Ment],
    cues: BasedCues,
    has_base_cue: bool,
    prior: list[Ment] | None = None,
) -> list[Ment] | None:
    """The actors a locative place phrase (or a controlled place) is said of; ``[]`` when
    the phrase locates but its clause names no actor, None when it does not locate."""
    head = root.head
    if root.dep_ == "dobj" and head.lemma_.lower() in cues.control_lemmas:
        return clause_actors(head, by_token, cues.exclude_lemmas, prior)
    if (
        root.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.lemma_.lower() in cues.control_lemmas
    ):
        # "assumed control of X"
        return clause_actors(governing_verb(head.head), by_token, cues.exclude_lemmas, prior)
    if root.dep_ == "poss" and head.i in by_token and by_token[head.i].type == "group":
        return [by_token[head.i]]  # "Afghanistan's Taliban"
    if root.dep_ in ("compound", "nmod") and head.lemma_.lower() in cues.branch_nouns:
        return _noun_owners(head, by_token) or None  # "the Afghanistan wing of X"
    if root.dep_ != "pobj" or head.lower_ not in cues.preps or head.lower_ in cues.exclude_preps:
        return None
    attach = head.head
    if head.lower_ in cues.cue_preps and (attach.pos_ in ("NOUN", "PROPN") or not has_base_cue):
        # "fighters from Tajikistan" says where people come from, not where they are.
        return None
    if attach.lemma_.lower() in cues.exclude_lemmas:
        return None
    if attach.i in by_token:
        # "the Taliban in Kabul"
        return _ments_of(attach, by_token)
    if attach.pos_ == "NOUN":
        # "X's affiliate in Syria" places the affiliate, not X.
        owners = (
            [] if attach.lemma_.lower() in cues.branch_nouns else _noun_owners(attach, by_token)
        )
        if owners:
            return owners  # "IMU fighters in X", "the presence of groups, including Y, in X"
        if attach.lemma_.lower() not in cues.lemmas and attach.dep_ not in ("dobj", "attr", "pobj"):
            return []
    verb = governing_verb(attach)
    if verb.lemma_.lower() in cues.exclude_lemmas:
        return None
    return clause_actors(verb, by_token, cues.exclude_lemmas, prior)


def _loose_actors(sent: Span, mentions: list[Ment], root: Token, cues: BasedCues) -> list[Ment]:
    """Groups of the place's clause or of the main clause, when the parse names no actor
    ("members of the IMU were killed in X"): reports locate groups loosely. Names used
    as modifiers ("the X-linked faction") are not actors, and people seized somewhere
    ("forces captured a facilitator from X in Y") do not place X there."""
    doc = sent.doc
    clause = governing_verb(root)
    if clause.lemma_.lower() in cues.control_lemmas:
        return []
    out: list[Ment] = []
    for ment in mentions:
        if ment.type != "group" or _hyphen_modifier(doc, ment, sent.end):
            continue
        head = ment.span.root.head
        if ment.span.root.dep_ == "pobj" and head.lower_ not in OWNING_PREPS:
            continue  # "talks with the X", "sent to the X": X is not the one located
        if ment.span.root.dep_ == "poss" and head.lemma_.lower() in cues.branch_nouns:
            continue  # "X's affiliate": the affiliate is the one located
        root_dep = ment.span.root.dep_
        if root_dep in ("compound", "amod", "nmod") and ment.span.root.head.i >= ment.end:
            continue  # "the Taliban takeover"
        actor_clause = governing_verb(ment.span.root)
        if actor_clause.i == clause.i or "ROOT" in (actor_clause.dep_, clause.dep_):
            out.append(ment)
    return out


def _hyphen_modifier(doc: Doc, ment: Ment, end: int) -> bool:
    """A name glued to a modifier ("al-Qaeda-linked"): it describes another noun."""
    nxt = doc[ment.end].lower_ if ment.end < end else ""
    return nxt in ("-", "–") or nxt.startswith("-")


def _noun_owners(noun: Token, by_token: dict[int, Ment]) -> list[Ment]:
    """Groups owning a noun: "its/IMU's fighters", "militants of the IMU", "the presence
    of groups, including the IMU"."""
    out: list[Ment] = []
    for child in noun.children:
        if child.dep_ in ("poss", "compound") and child.i in by_token:
            out.extend(_ments_of(child, by_token))
        elif child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                out.extend(_ments_of(pobj, by_token) or _subject_groups(pobj, by_token))
    return [m for m in out if m.type == "group"]


def clause_actors(
    verb: Token,
    by_token: dict[int, Ment],
    events: frozenset[str],
    prior: list[Ment] | None = None,
) -> list[Ment] | None:
    """The subject of a clause, climbing participle/adverbial clauses to the one that has
    one; a relative pronoun or participle stands for the noun it hangs on. None when the
    subject is an event ("arrests took place in X"): the place is the event's."""
    for _ in range(4):
        for child in verb.children:
            if child.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if child.lower_ in RELATIVE and verb.dep_ == "relcl":
                return _ments_of(_first_conjunct(verb.head), by_token)
            found = _ments_of(child, by_token)
            if not found and child.lemma_.lower() in events:
                return None
            if not found and prior and is_group_anaphor(child):
                ante = subject_antecedent(prior, child)  # "The group operates in X"
                found = [ante] if ante is not None else []
            return (found or _subject_groups(child, by_token)) + _comitative(verb, by_token)
        if verb.dep_ == "acl":
            found = _ments_of(verb.head, by_token)  # "X, based in Y", "the X regime ruling Y"
            if found:
                return found
        if verb.dep_ not in CLIMB_DEPS or verb.head.i == verb.i:
            return []
        verb = governing_verb(verb.head)
    return []


def _first_conjunct(token: Token) -> Token:
    """The head of a coordinated list ("A and B, which ...": the clause hangs on B)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _comitative(verb: Token, by_token: dict[int, Ment]) -> list[Ment]:
    """Groups acting with the subject ("X fights in Y alongside Z"): there too."""
    out: list[Ment] = []
    preps = [c for c in verb.children if c.dep_ == "prep"]
    if not any(p.lower_ in ("alongside", "beside") for p in preps):
        return []
    for prep in preps:
        # "... alongside other groups, including X and Y"
        if prep.lower_ in ("alongside", "beside", "including"):
            for pobj in prep.children:
                out.extend(_ments_of(pobj, by_token) or _subject_groups(pobj, by_token))
    return [m for m in out if m.type == "group"]


def _subject_groups(subject: Token, by_token: dict[int, Ment]) -> list[Ment]:
    """Groups named inside a nominal subject ("fighters of the IMU", "IMU militants")."""
    out: list[Ment] = []
    for tok in subject.subtree:
        ment = by_token.get(tok.i)
        if (
            ment is not None
            and ment.type == "group"
            and ment not in out
            and not _hyphen_modifier(subject.doc, ment, len(subject.doc))
        ):
            if not _owning_path(_path(tok, subject)):
                continue
            out.append(ment)
    return out


OWNING_PREPS = frozenset({"of", "from", "including", "among", "within"})


def _owning_path(path: list[Token]) -> bool:
    """Whether a name inside a noun phrase stands for who the phrase is ("fighters of
    the IMU", "IMU militants"), not for someone else it mentions ("talks with the X",
    "a war against the X", "militants who fled the X")."""
    for tok in path:
        if tok.dep_ in ("relcl", "acl", "advcl"):
            return False
        if tok.dep_ == "prep" and tok.lower_ not in OWNING_PREPS:
            return False
    return True


def _path(token: Token, top: Token) -> list[Token]:
    """Tokens from ``token`` up to (not including) ``top``."""
    out: list[Token] = []
    current = token
    while current.i != top.i and current.head.i != current.i:
        out.append(current)
        current = current.head
    return out


def _compound_based(sent: Span, loc: Ment) -> bool:
    doc = sent.doc
    nxt = doc[loc.end : min(loc.end + 2, sent.end)].text.lower().replace(" ", "")
    return nxt.startswith("-based") or nxt.startswith("based")


def _based_modifies(sent: Span, loc: Ment, by_token: dict[int, Ment]) -> Ment | None:
    """The actor an "X-based" modifier describes: the next name ("the Kabul-based
    Crescent Front"), or the person its noun is in apposition to ("Y, a Kabul-based
    analyst")."""
    doc = sent.doc
    j = loc.end
    while j < sent.end and j - loc.end <= 6:
        tok = doc[j]
        ment = by_token.get(j)
        if ment is not None:
            return ment if ment.type in ACTOR_TYPES else None
        if tok.pos_ in ("NOUN",) and tok.lower_ != "based":
            head = by_token.get(tok.head.i) if tok.dep_ == "appos" else None
            return head if head is not None and head.type in ACTOR_TYPES else None
        if tok.pos_ in ("VERB", "AUX", "ADP", "PUNCT") and tok.lower_ not in ("-", "based"):
            return None
        j += 1
    return None


def _described_by(root: Token, by_token: dict[int, Ment]) -> Ment | None:
    """The mention a "<noun> from/in <place>" apposition describes, if any."""
    prep = root.head
    noun = prep.head
    if prep.lower_ not in ("from", "in", "of") or noun.dep_ != "appos" or noun.pos_ != "NOUN":
        return None
    return by_token.get(noun.head.i)


def _near(a: Ment, b: Ment, distance: int) -> bool:
    return abs(a.start - b.start) <= distance
