"""Entity types for names the pack does not know: from the NER label, the words of the
name and the words around it.

The small English model often mislabels Central Asian names ("Jamaat Ansarullah" as
PERSON, "Mahdi Arsalon" as ORG). Pack entities keep their curated type; for the rest,
cues decide: honorifics before a name make a person, "X province/valley" a place,
"leader of X" or "X group" an armed group, "ministry", "agency" or "news" an
organisation.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from oxus.model import EntityType
from oxus.nlp.entities.cues import EntityCues

NER_TYPES: dict[str, EntityType] = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORGANIZATION,
    "GPE": EntityType.PLACE,
    "LOC": EntityType.PLACE,
    "FAC": EntityType.PLACE,
    "NORP": EntityType.GROUP,
}
"""Statistical labels kept as candidates and the type each starts as (NORP survives only
when the pack knows the name, e.g. "Taliban")."""


def _words(span: Span) -> list[str]:
    return [t.lower_.strip(".") for t in span if not t.is_punct]


def _before(span: Span, n: int) -> list[str]:
    doc = span.doc
    start = max(span.sent.start if doc.has_annotation("SENT_START") else 0, span.start - n)
    return [t.lower_.strip(".") for t in doc[start : span.start]]


def _after(span: Span, n: int) -> list[str]:
    doc = span.doc
    end = min(span.sent.end if doc.has_annotation("SENT_START") else len(doc), span.end + n)
    return [t.lower_ for t in doc[span.end : end]]


def name_type(span: Span, cues: EntityCues) -> EntityType | None:
    """The type the words of the name itself imply, if any."""
    words = set(_words(span))
    if words & cues.media_words:
        return EntityType.ORGANIZATION  # "Harakat Online", "Jihad News": outlets
    if words & cues.group_name_words:
        return EntityType.GROUP
    if words & cues.organization_cues:
        return EntityType.ORGANIZATION
    return None


def organisation_type(span: Span, cues: EntityCues) -> EntityType:
    """Group or organisation for an ORG-like name: its own words first, then context."""
    by_name = name_type(span, cues)
    if by_name is not None:
        return by_name
    around = set(_before(span, 3)) | set(_after(span, 2))
    if around & cues.group_cues:
        return EntityType.GROUP
    return EntityType.ORGANIZATION


def governed_by_group_cue(span: Span, cues: EntityCues) -> bool:
    """ "leader of (the) X", "members of X": X is presented as an armed group."""
    before = _before(span, 3)
    if before and before[-1] == "the":
        before = before[:-1]
    return len(before) >= 2 and before[-1] == "of" and before[-2] in cues.group_of_cues


def looks_like_person(span: Span, cues: EntityCues, *, loose: bool) -> bool:
    """A given name first ("Farrukh Fayzimatov"), or (``loose``) a surname ending."""
    words = [t for t in span if t.is_alpha]
    if not words or not all(t.text[:1].isupper() for t in words) or len(words) > 4:
        return False
    if len(words) >= 2 and words[0].lower_ in cues.given_names:
        return True
    if len(span) == 2 and INITIAL.fullmatch(span[1].text) and len(span[0]) > 2:
        return True  # "Rabani Z.": a name with its surname cut to an initial
    return loose and not words[-1].is_upper and bool(cues.surname.search(words[-1].text))


INITIAL = re.compile(r"[A-Z]\.")
QUOTES = frozenset("“”\"‘’'«»")


def _words_before(span: Span, n: int) -> list[str]:
    """The ``n`` words before the name, quotes skipped ("alias “Usmoni Khon”")."""
    words = [w for w in _before(span, n + 2) if w not in QUOTES]
    return words[-n:]


def cue_type(span: Span, cues: EntityCues, own: EntityType | None) -> EntityType | None:
    """The type the words right before an unknown name give it: "alias X" or "known as
    X" (no group or organisation word in X) a person, "the magazine X" an organisation,
    "the city of X" a place."""
    before = _words_before(span, 2)
    if not before:
        return None
    if own is None and (before[-1] in cues.person_alias_cues or before == ["known", "as"]):
        return EntityType.PERSON
    if before[-1] in cues.outlet_nouns:
        return EntityType.ORGANIZATION
    if own is None and len(before) == 2 and before[1] == "of" and before[0] in cues.place_heads:
        return EntityType.PLACE
    return None


def context_type(span: Span, guess: EntityType, cues: EntityCues) -> EntityType:
    """Correct the type guessed for a name the pack does not know."""
    own = name_type(span, cues)
    by_cue = cue_type(span, cues, own)
    if by_cue is not None:
        return by_cue
    if (
        own is None
        and guess is not EntityType.PERSON
        and looks_like_person(span, cues, loose=guess is EntityType.ORGANIZATION)
    ):
        return EntityType.PERSON
    before = _before(span, 1)
    after = _after(span, 1)
    if before and before[-1] in cues.honorifics and own is None and len(span) <= 4:
        return EntityType.PERSON
    if after and after[0] in cues.place_heads and own is None:
        return EntityType.PLACE
    if (
        guess in (EntityType.ORGANIZATION, EntityType.PERSON)
        and own is None
        and len(span) == 1
        and not span[0].is_upper
        and before
        and before[-1] in cues.place_prepositions
    ):
        return EntityType.PLACE
    if guess is EntityType.PERSON and own is not None:
        return own
    if guess in (EntityType.PERSON, EntityType.ORGANIZATION):
        if after and after[0] in ("group", "movement", "militants", "jamaat", "faction"):
            return EntityType.GROUP
        if governed_by_group_cue(span, cues) and own is not EntityType.ORGANIZATION:
            return EntityType.GROUP
    if guess is EntityType.ORGANIZATION:
        return organisation_type(span, cues)
    return guess
