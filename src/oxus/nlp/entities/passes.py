"""Later passes of ``oxus_gazetteer`` over the chosen candidates.

After pack and NER candidates are merged, four kinds of name still need a look: runs of
capitalised Cyrillic words (the English model has no Russian NER), the outlet named in
an in-text source citation ("(The Hindu, June 19)"), a group's province branch
("ISIS Georgia Province"), which is a group, not a place, and a body's press service
("the CSTO press service reported"), which speaks for it and is named after it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from oxus.kb.matcher import NameMatcher
from oxus.kb.names import has_cyrillic
from oxus.model import EntityType
from oxus.nlp.entities.candidates import Candidate, is_capitalised
from oxus.nlp.entities.cues import EntityCues
from oxus.nlp.extensions import doc_text, token_strings

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
CITATION = re.compile(
    r"\((?P<name>(?:The )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4}),\s+"
    rf"(?:(?:{MONTHS})\.?\s+\d{{1,2}}|\d{{4}})"
)
"""An in-text source citation: "(The Hindu, June 19)", "(Jihadology, June 22, 2020)"."""


def cyrillic_candidates(doc: Doc, chosen: list[Candidate], matcher: NameMatcher) -> list[Candidate]:
    """Runs of capitalised Cyrillic words (the English model has no Russian NER),
    kept only when they resolve to a pack entity."""
    taken = {i for c in chosen for i in range(c.start, c.end)}
    out: list[Candidate] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if i in taken or not (is_capitalised(token) and has_cyrillic(token.text)):
            i += 1
            continue
        j = i
        while j < len(doc) and j not in taken and is_capitalised(doc[j]):
            j += 1
        link = matcher.resolve(doc[i:j].text)
        if link.entity_id and not link.is_new:
            entity = matcher.entities[link.entity_id]
            out.append(Candidate(i, j, entity.type, entity.id, link.method, link.score))
        i = j
    return out


def with_cited_sources(doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
    """The name in a source citation is an outlet (an organisation): it replaces the
    statistical guess there, unless the pack knows the name."""
    out = list(chosen)
    for match in CITATION.finditer(doc_text(doc)):
        span = doc.char_span(match.start("name"), match.end("name"))
        if span is None:
            continue
        overlapping = [c for c in out if c.start < span.end and span.start < c.end]
        if any(c.source != "ner" for c in overlapping):
            continue
        out = [c for c in out if c not in overlapping]
        out.append(Candidate(span.start, span.end, EntityType.ORGANIZATION, source="ner"))
    return out


def group_provinces(doc: Doc, chosen: list[Candidate], cues: EntityCues) -> list[Candidate]:
    """A group that names its branches as provinces, followed by "<Name> Province",
    names one of them ("ISIS Georgia Province"): a group itself, not a place."""
    by_start = {c.start: c for c in chosen}
    out = list(chosen)
    for group in chosen:
        place = by_start.get(group.end)
        if group.kb_id not in cues.province_groups or place is None or place.kb_id:
            continue
        if doc[place.end - 1].lower_ not in cues.province_words:
            continue
        out = [c for c in out if c is not group and c is not place]
        out.append(Candidate(group.start, place.end, EntityType.GROUP, source="ner"))
    return out


PRESS_NOUNS = frozenset({"service", "office", "centre", "center", "secretary"})
OWNER_TYPES = frozenset({EntityType.ORGANIZATION, EntityType.STATE, EntityType.GROUP})
OWNER_ADJECTIVES = frozenset({"presidential", "president's"})


def press_services(doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
    """ "X press service", "X's press office", "the press service of X" and "the
    presidential press service" name an organisation of their own: the source reports
    credit ("the CSTO press service reported in a statement"), not X itself."""
    if doc.lang_ != "en":
        return chosen
    by_end = {c.end: c for c in chosen}
    by_start = {c.start: c for c in chosen}
    out = list(chosen)
    lower = token_strings(doc).lower
    for i in range(len(doc) - 1):
        if lower[i] != "press" or lower[i + 1] not in PRESS_NOUNS:
            continue
        start, end = i, i + 2
        if any(c.start < end and start < c.end and c.kb_id for c in out):
            continue  # the pack knows this press office by name
        before = start - 1 if start > 0 and lower[start - 1] in ("'s", "’s") else start
        owner = by_end.get(before)
        after = _owner_after(doc, end, by_start)
        if owner is not None and owner.type in OWNER_TYPES:
            new = Candidate(owner.start, end, EntityType.ORGANIZATION, source="ner")
        elif after is not None and after.type in OWNER_TYPES:
            new = Candidate(start, after.end, EntityType.ORGANIZATION, source="ner")
        elif start > 0 and lower[start - 1] in OWNER_ADJECTIVES:
            new = Candidate(start - 1, end, EntityType.ORGANIZATION, source="ner")
        else:
            continue
        # the owner's own mention lies inside the new span and goes with the rest
        out = [c for c in out if not (c.start < new.end and new.start < c.end)]
        out.append(new)
    return out


def _owner_after(doc: Doc, end: int, by_start: dict[int, Candidate]) -> Candidate | None:
    """The name after "press service of (the)"."""
    if end >= len(doc) or doc[end].lower_ != "of":
        return None
    at = end + 1
    if at < len(doc) and doc[at].lower_ == "the":
        at += 1
    return by_start.get(at)
