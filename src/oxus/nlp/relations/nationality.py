"""citizen_of rules: demonyms before a name, "a citizen of X", "X's President Y".

Demonyms are not entity mentions, so the state is looked up by name in the knowledge
pack (``patterns/demonyms.yaml`` maps each demonym to the state's canonical name).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from oxus.nlp.clauses import Ment, governing_verb
from oxus.nlp.relations.based import clause_actors
from oxus.nlp.relations.people import Candidate, names_before
from oxus.nlp.tokenview import token_view

PRE_NAME = frozenset(
    {
        ",",
        "the",
        "a",
        "an",
        "-",
        "born",
        "-born",
        "national",
        "citizen",
        "militant",
        "jihadist",
        "fighter",
        "commander",
        "leader",
        "president",
        "politician",
        "analyst",
        "expert",
        "journalist",
        "blogger",
        "businessman",
        "preacher",
        "cleric",
        "official",
        "activist",
        "opposition",
        "terrorist",
        "suspect",
        "émigré",
        "emigre",
        "former",
        "prime",
        "minister",
        "foreign",
        "defence",
        "defense",
        "interior",
        "deputy",
        "envoy",
        "ambassador",
        "general",
        "colonel",
        "imam",
        "theologian",
        "student",
        "worker",
        "migrant",
        "schoolteacher",
        "teacher",
        "writer",
        "scholar",
        "researcher",
        "spokesman",
        "speaker",
        "governor",
        "senator",
        "sheikh",
        "mullah",
        "'s",
        "’s",
    }
)
"""Words that may sit between a demonym and the name it qualifies."""


def demonym_state(text: str, demonyms: dict[str, str]) -> str | None:
    """The state name for a demonym token ("Uzbek", "Uzbek-born"), else None."""
    word = text.split("-")[0]
    return demonyms.get(word) or demonyms.get(word.lower())


def citizen_relations(
    sent: Span,
    by_token: dict[int, Ment],
    *,
    demonyms: dict[str, str],
    ethnic: frozenset[str],
    citizen_nouns: frozenset[str],
    state_titles: frozenset[str],
) -> Iterator[Candidate]:
    """Nationality of people from demonyms, citizen nouns and state titles."""
    doc = sent.doc
    persons = [m for m in dict.fromkeys(by_token.values()) if m.type == "person"]
    for person in persons:
        # Demonym before the name: "the Tajik national X", "Uzbek President X", "Uzbek-born X".
        j = person.start - 1
        while j >= sent.start and person.start - j <= 5:
            tok = doc[j]
            if j in by_token:
                ment = by_token[j]
                follows = doc[ment.end] if ment.end < sent.end else None
                if (
                    ment.type == "state"
                    and follows is not None
                    and (follows.lower_ in ("'s", "’s") or follows.lower_ in state_titles)
                ):
                    yield Candidate(person, "citizen_of", ment, None, tok)
                break
            state = demonym_state(tok.text, demonyms) if tok.text[:1].isupper() else None
            if state is not None:
                if j - 1 < sent.start or doc[j - 1].lower_ not in ethnic:
                    yield Candidate(person, "citizen_of", state, None, tok)
                break
            if tok.lower_ not in PRE_NAME and not tok.text[:1].isupper():
                break
            j -= 1
        # Apposition after the name: "X, a Kyrgyz national", "X, a citizen of Uzbekistan".
        for cand in _apposition(sent, by_token, person, demonyms, ethnic, citizen_nouns):
            yield cand
            if _plural_apposition(sent, person):
                # "A, B and C, Tajikistan citizens": the whole list before.
                for other in names_before(sent, by_token, person):
                    yield Candidate(other, "citizen_of", cand.object, None, cand.cue)


def _apposition(
    sent: Span,
    by_token: dict[int, Ment],
    person: Ment,
    demonyms: dict[str, str],
    ethnic: frozenset[str],
    citizen_nouns: frozenset[str],
) -> Iterator[Candidate]:
    doc = sent.doc
    j = person.end
    if j >= sent.end or doc[j].lower_ not in (",", "("):
        return
    stop = min(sent.end, j + 9)
    k = j + 1
    while k < stop:
        tok = doc[k]
        if k in by_token:
            ment = by_token[k]
            if ment.type == "state":
                nxt = doc[ment.end] if ment.end < sent.end else None
                prev = doc[k - 1].lower_
                possessor = nxt is not None and nxt.lower_ in ("'s", "’s")
                if (nxt is not None and nxt.lemma_.lower() in citizen_nouns) or (
                    prev == "from" or (prev == "of" and not possessor)
                ):
                    yield Candidate(person, "citizen_of", ment, None, tok)
                    return
            if ment.type == "person":
                return
            k = ment.end
            continue
        if tok.lower_ in (",", ")", ";") and k > j + 1 and doc[k - 1].pos_ == "NOUN":
            return
        if tok.pos_ in ("VERB", "AUX") and not _origin_verb(doc, k):
            return
        state = demonym_state(tok.text, demonyms) if tok.text[:1].isupper() else None
        named = k + 1 < sent.end and doc[k + 1].pos_ == "PROPN"  # "the Russian Council"
        if state is not None and doc[k - 1].lower_ not in ethnic and not named:
            yield Candidate(person, "citizen_of", state, None, tok)
            return
        k += 1


def _origin_verb(doc: Doc, k: int) -> bool:
    """Verbs an origin apposition may hold: "X, Idlib-based ...", "X, who is originally
    from ...", "X, who was born in ..."."""
    word = doc[k].lower_
    if word in ("based", "born"):
        return True
    return word in ("is", "was", "are", "were") and doc[k - 1].lower_ == "who"


def _plural_apposition(sent: Span, person: Ment) -> bool:
    """Whether the apposition after the name is plural ("..., Tajik nationals")."""
    doc = sent.doc
    for tok in doc[person.end : min(person.end + 6, sent.end)]:
        if tok.tag_ == "NNS":
            return True
        if tok.lower_ in (";", ")") or tok.pos_ == "VERB":
            return False
    return False


def origin_relations(sent: Span, by_token: dict[int, Ment]) -> Iterator[Candidate]:
    """Origin of people: "X, who was born in Osh", "X is originally from Y", "a native of
    Y". The object may be a place; the component maps it to its state."""
    doc = sent.doc
    lower = token_view(doc).lower
    for i in range(sent.start, sent.end):
        if lower[i] not in ORIGIN_PREPOSITIONS:
            continue
        tok = doc[i]
        if not _origin_cue(tok):
            continue
        place = next(
            (
                by_token[t.i]
                for t in tok.subtree
                if t.i in by_token and by_token[t.i].type in ("place", "state")
            ),
            None,
        )
        if place is None:
            continue
        head = tok.head
        if head.pos_ == "NOUN":
            # "X, a native of Y"
            people = (
                [by_token[head.head.i]] if head.dep_ == "appos" and head.head.i in by_token else []
            )
        else:
            people = clause_actors(governing_verb(head), by_token, frozenset()) or []
        for person in people:
            if person.type == "person":
                yield Candidate(person, "citizen_of", place, None, tok)


ORIGIN_PREPOSITIONS = frozenset({"in", "of", "from"})


def _origin_cue(prep: Token) -> bool:
    """ "born in", "native of", "hails from", "originally from"."""
    word = prep.lower_
    if word not in ORIGIN_PREPOSITIONS:
        return False  # checked first: ``prep.head`` builds a Token
    head = prep.head
    if word == "in":
        return head.lower_ == "born"
    if word == "of":
        return head.lemma_.lower() == "native"
    if word == "from":
        return head.lemma_.lower() == "hail" or any(
            c.lower_ == "originally" for c in (*head.children, *prep.children)
        )
    return False
