"""Where and when an event happened: its location and date from the trigger's clause.

A sentence can name several places and dates for different things ("The trial over the
May attack begins in June in Kabul"); the event takes the ones nearest its trigger in
the parse: the most specific place of the trigger's clause (else of the sentence) and
the date of its own phrase or clause (else the sentence's first).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from oxus.nlp.clauses import Ment, dates_in, governing_verb, in_subtree

LOCATIVE = frozenset({"in", "at", "near", "across", "throughout", "inside", "outside"})


def clause_mentions(tok: Token, mentions: list[Ment]) -> list[Ment]:
    """The mentions inside the trigger's clause (a place there is the event's own)."""
    clause = governing_verb(tok)
    return [m for m in mentions if in_subtree(m.span.root, clause)]


def locative(ment: Ment) -> bool:
    """A mention under "in", "at", "near" (or in a list under one: "in X and Y")."""
    root = ment.span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE


def _acting(ment: Ment) -> bool:
    """A place as the subject of a verb other than "be": a city standing for its rulers."""
    root = ment.span.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ != "be"


def event_location(mentions: list[Ment]) -> Ment | None:
    """The most specific location: a place under a locative preposition, then any place
    but a subject ("Kabul fell", "Moscow held drills" name actors), then a state under a
    locative preposition."""
    for ok in (
        lambda m: m.type == "place" and locative(m),
        lambda m: m.type == "place" and not _acting(m),
        lambda m: m.type == "state" and locative(m),
    ):
        for ment in mentions:
            if ok(ment):
                return ment
    return None


EMBEDDING_DEPS = frozenset({"acl", "relcl"})
"""Dependencies of a clause that only describes a noun ("the men involved in the attack")."""


def embedded(tok: Token) -> bool:
    """A trigger that only refers to an event inside a phrase about something else: the
    object of a preposition on a noun ("the perpetrators of the attack", "mourning over
    the attack") or in a clause describing a noun ("the four involved in the attack").
    Only a noun refers so; a verb tells the event itself ("12 members arrested")."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    node = tok
    for _ in range(8):
        head = node.head
        if head.i == node.i:
            return False
        if node.dep_ in EMBEDDING_DEPS:
            return True
        if node.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("NOUN", "PROPN"):
            return head.head.i != tok.i
        if node.pos_ == "VERB" and node.dep_ not in ("conj", "xcomp"):
            return False
        node = head
    return False


def event_date(sent: Span, tok: Token) -> str | None:
    """The date the trigger's own phrase or clause carries, else the sentence's first.

    "The trial over the May attack begins in June": the attack is dated May, not June. A
    trigger that only refers to an event inside a phrase about something else takes a
    date of its own phrase only ("the perpetrators of the attack were tried in June"), and
    a verb describing a noun ("the men detained in Osh") a date of its own clause.
    """
    dates = dates_in(sent)
    if not dates:
        return None
    clause = governing_verb(tok)
    referred = embedded(tok)
    describing = tok.dep_ in EMBEDDING_DEPS

    def rank(span: Span) -> tuple[int, int]:
        root = span.root
        if in_subtree(root, tok):
            return (0, abs(root.i - tok.i))
        if referred:
            return (3, 0)
        if governing_verb(root).i == clause.i:
            return (1, abs(root.i - tok.i))
        return (3, 0) if describing else (2, 0)

    best = min(dates, key=rank)
    if rank(best)[0] == 3:
        return None
    date: str | None = best._.date
    return date
