"""Long texts in sections: split at paragraph breaks, extracted one by one, stitched back.

spaCy refuses texts over ``nlp.max_length`` (a million characters) and its memory grows
with the length of one ``Doc``. A document longer than a section is cut at the last
paragraph break before the section's end (else a line break, a sentence end, a space),
each section runs through the pipeline as its own ``Doc``, and the facts come back with
character offsets and sentence numbers shifted into the whole text, so evidence points
where it always does. Cutting looks only at the end of each section: linear time.
A document of one section is extracted exactly as before.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from oxus.limits import SECTION_CHARS
from oxus.model import Document, DocumentFacts, Entity, Evidence

_BREAKS = ("\n\n", "\n", ". ", " ")


@dataclass(frozen=True)
class Section:
    """A stretch of a document's text and where it starts in the whole."""

    start: int
    text: str


@dataclass(frozen=True)
class SectionFacts:
    """What one section gave: its facts (offsets within it) and how many sentences it had."""

    section: Section
    sentences: int
    facts: DocumentFacts


def split_sections(text: str, max_chars: int = SECTION_CHARS) -> list[Section]:
    """``text`` cut into sections of at most ``max_chars``, at the best break in reach."""
    if len(text) <= max_chars:
        return [Section(0, text)]
    sections: list[Section] = []
    start, end = 0, len(text)
    while end - start > max_chars:
        cut = _cut(text, start, start + max_chars)
        sections.append(Section(start, text[start:cut]))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        sections.append(Section(start, text[start:]))
    return sections


def _cut(text: str, start: int, limit: int) -> int:
    """Where to end a section that may not pass ``limit``: after the latest break."""
    floor = start + (limit - start) // 2
    for mark in _BREAKS:
        found = text.rfind(mark, floor, limit)
        if found != -1:
            return found + len(mark)
    return limit


def stitch(document: Document, parts: list[SectionFacts]) -> DocumentFacts:
    """One document's facts from its sections' facts, offsets in the whole text."""
    if len(parts) == 1 and parts[0].section.start == 0:
        only = parts[0].facts
        return only if only.document is document else replace(only, document=document)
    whole = DocumentFacts(document=document)
    first_sentence = 0
    for part in parts:
        offset, facts = part.section.start, part.facts
        for entity_id, entity in facts.entities.items():
            whole.entities[entity_id] = _merged(whole.entities.get(entity_id), entity)
        whole.mentions.extend(
            replace(
                m,
                start=m.start + offset,
                end=m.end + offset,
                sentence_index=m.sentence_index + first_sentence,
            )
            for m in facts.mentions
        )
        whole.relations.extend(
            replace(r, evidence=_shifted(r.evidence, offset, first_sentence))
            for r in facts.relations
        )
        whole.events.extend(
            replace(e, evidence=_shifted(e.evidence, offset, first_sentence)) for e in facts.events
        )
        whole.estimates.extend(
            replace(e, evidence=_shifted(e.evidence, offset, first_sentence))
            for e in facts.estimates
        )
        first_sentence += part.sentences
    return whole


def _shifted(evidence: Evidence, offset: int, first_sentence: int) -> Evidence:
    return replace(
        evidence,
        start=evidence.start + offset,
        end=evidence.end + offset,
        sentence_index=evidence.sentence_index + first_sentence,
    )


def _merged(known: Entity | None, seen: Entity) -> Entity:
    """One entity met in several sections: the first description, every alias."""
    if known is None:
        return seen
    extra = [alias for alias in seen.aliases if alias not in known.aliases]
    return replace(known, aliases=[*known.aliases, *extra]) if extra else known
