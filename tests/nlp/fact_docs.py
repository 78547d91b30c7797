"""Hand-built Docs for the relation, event and attribution tests: parse + linked mentions."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span

from oxus.model import Entity, EntityType, entity_id
from oxus.nlp.decoder import Decoder
from oxus.nlp.extensions import DATES, MENTIONS, register_extensions
from oxus.nlp.scoring.bundle import ExtractionModel


def make_doc(
    nlp: Language,
    text: str,
    mentions: dict[str, str],
    *,
    dates: dict[str, str] | None = None,
) -> Doc:
    """Parse ``text`` and mark every occurrence of each ``{surface: type}`` as a mention.

    The entity id is ``type:slug(surface)``; ``dates`` maps surface text to an ISO date.
    """
    register_extensions()
    doc = nlp(text)
    spans: list[Span] = []
    entities: dict[str, Entity] = {}
    for surface, type_ in mentions.items():
        eid = entity_id(type_, surface)
        entities[eid] = Entity(eid, EntityType(type_), surface)
        spans.extend(_find(doc, surface, label=type_, kb_id=eid))
    doc.spans[MENTIONS] = sorted(spans, key=lambda s: s.start)
    doc._.entities = entities
    date_spans = []
    for surface, iso in (dates or {}).items():
        for span in _find(doc, surface, label="DATE"):
            span._.date = iso
            date_spans.append(span)
    doc.spans[DATES] = date_spans
    return doc


def _find(doc: Doc, surface: str, **kwargs: str) -> list[Span]:
    found = []
    start = doc.text.find(surface)
    while start >= 0:
        span = doc.char_span(start, start + len(surface), **kwargs)
        if span is None:
            raise ValueError(f"{surface!r} does not align with token boundaries")
        found.append(span)
        start = doc.text.find(surface, start + len(surface))
    return found


def eid(type_: str, name: str) -> str:
    return entity_id(type_, name)


def rules_only(*components: Callable[[Doc], Doc]) -> Callable[[Doc], Doc]:
    """Run ``components``, then decode their candidates with no learned model: the rules'
    verdicts alone, so a test sees what the rules find."""
    decoder = Decoder(model=ExtractionModel())

    def run(doc: Doc) -> Doc:
        for component in components:
            doc = component(doc)
        return decoder(doc)

    return run
