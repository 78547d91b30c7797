"""Entities whose names are markup, added to the sample store: they must show as text.

A place named like an image tag with an error handler (based in by the Northern Front,
with coordinates, so it reaches the profile's minimap tooltip and the map's popups) and
a group named like a script element (allied with the Northern Front: a graph label).
Either, run as HTML, would set ``window.PWNED``.
"""

from __future__ import annotations

from oxus.model import (
    Document,
    DocumentFacts,
    Entity,
    EntityType,
    Event,
    EventType,
    Evidence,
    Mention,
    Predicate,
    Relation,
)
from oxus.store import Store
from tests.web.sample import NF

IMG = '<img src=x onerror="window.PWNED=1">'
SCRIPT = "<script>window.PWNED=2</script>"
XP = Entity("place:img-valley", EntityType.PLACE, IMG, country="TJ", lat=39.2, lon=69.4)
XG = Entity("group:script-front", EntityType.GROUP, SCRIPT, status="provisional")


def add_markup_names(store: Store) -> Store:
    """One more document whose facts name ``XP`` and ``XG``."""
    sentences = [
        f"The Northern Front keeps a camp in {IMG} near the border.",
        f"The Northern Front is allied with {SCRIPT} since spring.",
        f"{SCRIPT} attacked a checkpoint in {IMG} on 3 March.",
    ]
    text = "\n\n".join(sentences)
    spans, mentions, pos = [], [], 0
    for i, sentence in enumerate(sentences):
        start = text.index(sentence, pos)
        spans.append(Evidence(sentence, start, start + len(sentence), i))
        pos = start + len(sentence)
    for entity in (NF, XP, XG):
        at = text.find(entity.name)
        while at >= 0:
            mentions.append(Mention(entity.id, entity.name, at, at + len(entity.name)))
            at = text.find(entity.name, at + 1)
    facts = DocumentFacts(
        document=Document(
            id="x1",
            text=text,
            title=f"Camp in {IMG}",
            outlet="Test Wire",
            published="2024-03-05",
            content_hash="hash-x1",
        ),
        entities={e.id: e for e in (NF, XP, XG)},
        mentions=mentions,
        relations=[
            Relation(NF.id, Predicate.BASED_IN, XP.id, spans[0], confidence=0.8),
            Relation(NF.id, Predicate.ALLIED_WITH, XG.id, spans[1], confidence=0.8),
        ],
        events=[
            Event(
                EventType.ATTACK,
                spans[2],
                date="2024-03-03",
                location=XP.id,
                agents=[XG.id],
                confidence=0.8,
            )
        ],
    )
    store.save(facts)
    return store
