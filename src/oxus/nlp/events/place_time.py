"""Where and when an event happened: its location and date from the trigger's clause.

A sentence can name several places and dates for different things ("The trial over the
May attack begins in June in Kabul"); the event takes the ones nearest its trigger in
the parse: the most specific place of the trigger's clause (else of the sentence) and
the date of its own phrase or clause (else the sentence's first).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from oxus.nlp.clauses import Ment, dates_in, governing_verb, in_subtree
from oxus.nlp.grammar import PASSIVE_SUBJECTS, SUBJECTS, english, preposition

LOCATIVE = frozenset(
    {"in", "at", "near", "across", "throughout", "inside", "outside"}
    | {"в", "на", "около", "возле", "близ", "вблизи", "у", "под", "внутри", "по"}
)
INNER_CLAUSES = frozenset({"parataxis", "acl:relcl", "advcl", "ccomp", "csubj"})
REPORTED = frozenset({"ccomp", "parataxis"})
"""How the clause a statement reports hangs on it ("said that ...", "..., he said")."""
UD_CLIMB = frozenset({"conj", "appos", "flat", "flat:name", "nmod"})
"""A place inside a locative phrase: listed, apposed ("в провинции Бадахшан") or a
genitive owner ("в 17-м районе Кабула")."""


def clause_mentions(tok: Token, mentions: list[Ment], *, nested: bool = True) -> list[Ment]:
    """The mentions inside the trigger's clause (a place there is the event's own);
    ``nested=False`` leaves out clauses inside it (a parenthesis, a relative clause)."""
    clause = governing_verb(tok)
    if not nested:
        return [
            m for m in mentions if m.span.root.i == clause.i or _phrase_path(m.span.root, clause)
        ]
    return [m for m in mentions if in_subtree(m.span.root, clause)]


def own_places(tok: Token, mentions: list[Ment]) -> list[Ment]:
    """The places named in the trigger's own phrase under a locative preposition
    ("запрещенной в России": a Russian participle carries its own place, whatever its
    clause's; "задержав уроженцев Центральной Азии" names where people come from)."""
    return [m for m in mentions if _phrase_path(m.span.root, tok) and locative(m)]


def _phrase_path(token: Token, top: Token) -> bool:
    """Whether ``token`` hangs under ``top`` without crossing a clause (a parenthesis or
    a relative clause inside the phrase speaks of something else)."""
    node = token
    for _ in range(12):
        if node.i == top.i:
            return token.i != top.i
        if node.dep_ in INNER_CLAUSES or node.head.i == node.i:
            return False
        node = node.head
    return False


def locative(ment: Ment) -> bool:
    """A mention under "in", "at", "near" (or in a list under one: "in X and Y"); in a
    Russian parse also a name in apposition to, or owning, the noun under "в"."""
    root = ment.span.root
    if english(root):
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE
    for _ in range(3):
        if preposition(root) in LOCATIVE:
            return True
        if root.dep_ not in UD_CLIMB or root.head.i == root.i:
            return False
        if root.dep_ == "nmod" and preposition(root) is not None:
            return False
        root = root.head
    return preposition(root) in LOCATIVE


def _acting(ment: Ment) -> bool:
    """A place as the subject of a verb other than "be": a city standing for its rulers."""
    root = ment.span.root
    return root.dep_ in SUBJECTS | PASSIVE_SUBJECTS and root.head.lemma_ not in ("be", "быть")


REFERENCE_HEADS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
    | {"km", "kilometre", "kilometer", "mile", "kilometres", "kilometers", "miles"}
)
"""Words that make the place after "of"/"from" a point of reference ("550 km west of
Almaty", "30 miles from Kabul"), not where the event happened."""


def reference_point(ment: Ment) -> bool:
    """A place named only to say how far or in which direction the event was from it."""
    root = ment.span.root
    if not english(root) or root.dep_ != "pobj" or root.head.lower_ not in ("of", "from"):
        return False
    prep = root.head
    before = prep.doc[prep.i - 1] if prep.i > 0 else prep
    return any(t.lower_ in REFERENCE_HEADS for t in (prep.head, before))


def event_location(mentions: list[Ment]) -> Ment | None:
    """The most specific location: a place under a locative preposition, then any place
    but a subject ("Kabul fell", "Moscow held drills" name actors), then a state under a
    locative preposition; never a point of reference ("550 km west of Almaty")."""
    mentions = [m for m in mentions if not reference_point(m)]
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


def event_date(sent: Span, tok: Token, *, reported: bool = False) -> str | None:
    """The date the trigger's own phrase or clause carries, else the sentence's first.

    "The trial over the May attack begins in June": the attack is dated May, not June. A
    trigger that only refers to an event inside a phrase about something else takes a
    date of its own phrase only ("the perpetrators of the attack were tried in June"), and
    a verb describing a noun ("the men detained in Osh") a date of its own clause. With
    ``reported``, a statement is not dated by what it reports ("announced that X died on
    27 August").
    """
    dates = dates_in(sent)
    said = _reported(tok) if reported else set()
    dates = [d for d in dates if d.root.i not in said]
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


def _reported(tok: Token) -> set[int]:
    """Tokens of the clauses a statement reports (its complement and quoted parts)."""
    out: set[int] = set()
    for child in tok.children:
        if child.dep_ in REPORTED:
            out.update(t.i for t in child.subtree)
    return out


def outside_parentheses(sent: Span, mentions: list[Ment]) -> list[Ment]:
    """The mentions not inside parentheses: "(организация запрещена в РФ)" is the
    writer's aside, no place of what the sentence reports."""
    depth, inside = 0, set()
    for token in sent:
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(depth - 1, 0)
        elif depth:
            inside.add(token.i)
    return [m for m in mentions if m.start not in inside]


SAYING = frozenset(
    {"say", "confirm", "tell", "report", "announce", "state", "add", "claim", "declare"}
)
"""Verbs whose complement reports an event; a place attached to them is the speaker's."""


def in_report(tok: Token) -> bool:
    """Whether the trigger sits in what a verb of saying reports ("In Kabul, a spokesman
    confirmed that Fazlullah was killed in Kunar": Kabul is where it was said)."""
    clause = governing_verb(tok)
    return clause.dep_ == "ccomp" and clause.head.lemma_.lower() in SAYING


def names_other_event(ment: Ment, tok: Token, triggers: set[int]) -> bool:
    """A place naming another event ("detained nine linked to the Crocus City Hall attack
    suspects": the hall is where the attack was, not the arrest)."""
    root = ment.span.root
    if ment.type not in ("place", "state") or root.dep_ != "compound":
        return False
    head = root.head
    if head.i == tok.i or any(c.i == tok.i for c in head.children):
        return False
    # "the Crocus City Hall attack": the place and the trigger modify the same noun, or
    # the place modifies the trigger itself
    return head.i in triggers or any(
        c.i in triggers and c.dep_ == "compound" for c in head.children
    )
