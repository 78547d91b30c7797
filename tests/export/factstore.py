"""A small hand-made store with facts spread over three documents, for claims and exports.

Names are invented. The store holds: one relation reported by two documents, a
symmetric relation stated in both orders (one end through a merged entity), a denial,
estimates that conflict, events with places that have coordinates.
"""

from __future__ import annotations

from oxus.model import (
    Document,
    DocumentFacts,
    Entity,
    EntityType,
    Estimate,
    Event,
    EventType,
    Evidence,
    Measure,
    Mention,
    Polarity,
    Predicate,
    Qualifier,
    Relation,
)
from oxus.store import Store
from oxus.store.curation import merge_entities

NF = Entity(
    "group:northern-front",
    EntityType.GROUP,
    "Northern Front",
    aliases=["NF"],
    description="An invented armed group.",
)
NF2 = Entity("group:n-front", EntityType.GROUP, "N. Front", status="provisional")
EB = Entity("group:eastern-brigade", EntityType.GROUP, "Eastern Brigade")
AK = Entity("person:ali-karimov", EntityType.PERSON, "Ali Karimov")
VP = Entity(
    "place:valley-province",
    EntityType.PLACE,
    "Valley Province",
    country="TJ",
    parent="state:tajikistan",
    lat=38.5,
    lon=70.25,
)
TJ = Entity("state:tajikistan", EntityType.STATE, "Tajikistan", country="TJ", lat=38.86, lon=71.28)
POLICE = Entity("organization:police", EntityType.ORGANIZATION, "Police")
UN = Entity("organization:un-team", EntityType.ORGANIZATION, "UN Team", aliases=["the UN team"])
ALL = (NF, NF2, EB, AK, VP, TJ, POLICE, UN)


class Doc:
    """Sentences joined into a text, with the evidence span of each."""

    def __init__(self, doc_id: str, published: str, outlet: str, sentences: list[str]) -> None:
        self.text = " ".join(sentences)
        self.spans = []
        pos = 0
        for i, sentence in enumerate(sentences):
            start = self.text.index(sentence, pos)
            self.spans.append(Evidence(sentence, start, start + len(sentence), i))
            pos = start + len(sentence)
        self.document = Document(
            id=doc_id,
            text=self.text,
            title=f"Report {doc_id}",
            url=f"https://example.org/{doc_id}",
            outlet=outlet,
            published=published,
            content_hash=f"hash-{doc_id}",
        )

    def facts(self, **kinds: list) -> DocumentFacts:
        used = {e.id: e for e in ALL}
        mentions = []
        for entity in ALL:
            for name in (entity.name, *entity.aliases):
                at = self.text.find(name)
                if at >= 0:
                    mentions.append(Mention(entity.id, name, at, at + len(name)))
                    break
        return DocumentFacts(document=self.document, entities=used, mentions=mentions, **kinds)


def documents() -> list[DocumentFacts]:
    d1 = Doc(
        "d1",
        "2024-04-02",
        "Test Wire",
        [
            "The Northern Front, led by Ali Karimov, is based in Valley Province.",
            "Officials said the group has about 300 fighters.",
            "Police arrested 12 members of the Northern Front in Valley Province in March.",
        ],
    )
    d2 = Doc(
        "d2",
        "2024-06-10",
        "Other Daily",
        [
            "The Northern Front is based in Valley Province, according to the UN team.",
            "The group is allied with the Eastern Brigade.",
            "The UN team estimated the group at 6,500 fighters.",
        ],
    )
    d3 = Doc(
        "d3",
        "2024-08-01",
        "Third Post",
        [
            "The Eastern Brigade has allied itself with the N. Front.",
            "The Northern Front denied that it is based in Valley Province.",
            "Hundreds of fighters joined the Northern Front this year.",
            "On 15 July the Northern Front attacked a post in Valley Province, killing 4 guards.",
        ],
    )
    s1, s2, s3 = d1.spans, d2.spans, d3.spans
    return [
        d1.facts(
            relations=[
                Relation(AK.id, Predicate.LEADER_OF, NF.id, s1[0], role="leader", confidence=0.8),
                Relation(NF.id, Predicate.BASED_IN, VP.id, s1[0], confidence=0.7),
            ],
            events=[
                Event(
                    EventType.ARREST,
                    s1[2],
                    date="2024-03",
                    location=VP.id,
                    agents=[POLICE.id],
                    targets=[NF.id],
                    counts={"arrested": 12},
                )
            ],
            estimates=[
                Estimate(NF.id, Measure.FIGHTERS, Qualifier.ABOUT, s1[1], 300, 300, "2024-04-02")
            ],
        ),
        d2.facts(
            relations=[
                Relation(
                    NF.id, Predicate.BASED_IN, VP.id, s2[0], asserted_by=UN.id, confidence=0.9
                ),
                Relation(NF.id, Predicate.ALLIED_WITH, EB.id, s2[1], confidence=0.6),
            ],
            estimates=[
                Estimate(
                    NF.id,
                    Measure.FIGHTERS,
                    Qualifier.EXACT,
                    s2[2],
                    6500,
                    6500,
                    "2024-06",
                    asserted_by=UN.id,
                )
            ],
        ),
        d3.facts(
            relations=[
                Relation(EB.id, Predicate.ALLIED_WITH, NF2.id, s3[0], confidence=0.6),
                Relation(
                    NF.id,
                    Predicate.BASED_IN,
                    VP.id,
                    s3[1],
                    asserted_by=NF.id,
                    polarity=Polarity.DENIED,
                ),
            ],
            events=[
                Event(
                    EventType.ATTACK,
                    s3[3],
                    date="2024-07-15",
                    location=VP.id,
                    agents=[NF.id],
                    counts={"killed": 4},
                )
            ],
            estimates=[Estimate(NF.id, Measure.FIGHTERS, Qualifier.VAGUE, s3[2], 200, 999, "2024")],
        ),
    ]


def build_store(store: Store, *, merge: bool = True) -> Store:
    """Fill ``store`` with the three documents; merge the N. Front into the Northern Front."""
    store.sync_pack(list(ALL))
    for facts in documents():
        store.save(facts)
    if merge:
        merge_entities(store, NF2.id, NF.id)
    return store
