"""A hand-made store for name-aware search: one group known by names in two scripts.

Sentences are invented. The documents: one mentions the group three times by acronym,
one in Russian, one names it in full without a linked mention, one writes "IS-K" in
capitals without a mention, one has "is k" in ordinary prose, one is unrelated, one
names the group and a city, one names a provisional group that an analyst may merge.
"""

from __future__ import annotations

from oxus.model import Document, DocumentFacts, Entity, EntityType, Mention
from oxus.store import Store

KP = Entity(
    "group:khorasan-province",
    EntityType.GROUP,
    "Islamic State Khorasan Province",
    aliases=["ISKP", "IS-K", "ИГ-Хорасан"],
)
ARSALON = Entity(
    "person:mahdi-arsalon", EntityType.PERSON, "Mahdi Arsalon", aliases=["Mehdi Arsalan"]
)
CITY = Entity("place:kabul", EntityType.PLACE, "Kabul", country="AF")
JUNK = Entity("group:jamaat", EntityType.GROUP, "Jamaat", status="provisional")
WING = Entity("group:khorasan-wing", EntityType.GROUP, "Khorasan Wing", status="provisional")
ENTITIES = (KP, ARSALON, CITY, JUNK, WING)

TEXTS = {
    "k1": "ISKP claimed the attack. ISKP fighters fled. Analysts said ISKP is weaker now.",
    "k2": "ИГ-Хорасан взял на себя ответственность за нападение.",
    "k3": "A report on the Islamic State Khorasan Province and its recruiters.",
    "k4": "Officials warned that IS-K cells remain active in the north.",
    "k5": "The answer is k, said the teacher, and the class moved on.",
    "k6": "Farmers in the valley expect a good harvest this year.",
    "k7": "ISKP attacked a bus in Kabul on Monday. Kabul police blamed ISKP.",
    "k8": "The commander Arsalan was seen near the border with his Jamaat fighters.",
    "k9": "Gunmen of the Khorasan Wing stormed a checkpoint.",
}
MENTIONS = {
    "k1": [(KP, "ISKP")],
    "k2": [(KP, "ИГ-Хорасан")],
    "k7": [(KP, "ISKP"), (CITY, "Kabul")],
    "k8": [(ARSALON, "Arsalan"), (JUNK, "Jamaat")],
    "k9": [(WING, "Khorasan Wing")],
}


def _facts(doc_id: str, published: str) -> DocumentFacts:
    text = TEXTS[doc_id]
    mentions = []
    for entity, surface in MENTIONS.get(doc_id, []):
        at = text.find(surface)
        while at >= 0:
            mentions.append(Mention(entity.id, surface, at, at + len(surface)))
            at = text.find(surface, at + len(surface))
    return DocumentFacts(
        document=Document(
            id=doc_id,
            text=text,
            title=f"Report {doc_id}",
            outlet="Test Wire",
            published=published,
            content_hash=f"hash-{doc_id}",
        ),
        entities={e.id: e for e in ENTITIES},
        mentions=mentions,
    )


def build(store: Store) -> Store:
    store.sync_pack([e for e in ENTITIES if e.status == "pack"])
    for number, doc_id in enumerate(sorted(TEXTS)):
        store.save(_facts(doc_id, f"2024-0{number + 1}-01"))
    return store
