"""A hand-made store for the web app and analysis tests (invented names and sentences).

It holds: a group with a leader, members, bases with coordinates, an ally, a rival, a
parent and a splinter; size estimates over three years, two of which conflict; a
denied relation; events of several types and countries; a provisional entity with a
merge candidate; a low-confidence fact; and a document whose text contains markup.
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
from oxus.store.curation import propose_merge

GROUP = EntityType.GROUP
NF = Entity("group:northern-front", GROUP, "Northern Front", aliases=["NF", "Shimoli Front"])
NF2 = Entity("group:n-front", GROUP, "N. Front", status="provisional")
EB = Entity("group:eastern-brigade", GROUP, "Eastern Brigade")
RL = Entity("group:river-legion", GROUP, "River Legion")
UM = Entity("group:umbrella-movement", GROUP, "Umbrella Movement")
SP = Entity("group:true-front", GROUP, "True Front", status="provisional")
AK = Entity("person:ali-karimov", EntityType.PERSON, "Ali Karimov")
BR = Entity("person:bek-rustam", EntityType.PERSON, "Bek Rustam", status="provisional")
VP = Entity(
    "place:valley-province",
    EntityType.PLACE,
    "Valley Province",
    country="TJ",
    parent="state:tajikistan",
    lat=38.5,
    lon=70.25,
)
HD = Entity(
    "place:hill-district",
    EntityType.PLACE,
    "Hill District",
    country="AF",
    parent="state:afghanistan",
)
TJ = Entity("state:tajikistan", EntityType.STATE, "Tajikistan", country="TJ", lat=38.86, lon=71.28)
AF = Entity("state:afghanistan", EntityType.STATE, "Afghanistan", country="AF", lat=33.9, lon=67.7)
POLICE = Entity("organization:police", EntityType.ORGANIZATION, "Police")
UN = Entity("organization:un-team", EntityType.ORGANIZATION, "UN Team")
ALL = (NF, NF2, EB, RL, UM, SP, AK, BR, VP, HD, TJ, AF, POLICE, UN)
PACK = [e for e in ALL if e.status == "pack"]


class Doc:
    """Sentences joined into a text, with the evidence span of each."""

    def __init__(self, doc_id: str, published: str, sentences: list[str], **meta: str) -> None:
        self.text = "\n\n".join(sentences)
        self.spans: list[Evidence] = []
        pos = 0
        for i, sentence in enumerate(sentences):
            start = self.text.index(sentence, pos)
            self.spans.append(Evidence(sentence, start, start + len(sentence), i))
            pos = start + len(sentence)
        self.document = Document(
            id=doc_id,
            text=self.text,
            title=meta.get("title", f"Report {doc_id}"),
            outlet=meta.get("outlet", "Test Wire"),
            url=f"https://example.org/{doc_id}",
            published=published,
            content_hash=f"hash-{doc_id}",
        )

    def facts(self, **kinds: list) -> DocumentFacts:
        mentions = []
        for entity in ALL:
            for name in (entity.name, *entity.aliases):
                at = self.text.find(name)
                while at >= 0:
                    mentions.append(Mention(entity.id, name, at, at + len(name)))
                    at = self.text.find(name, at + len(name))
        return DocumentFacts(
            document=self.document, entities={e.id: e for e in ALL}, mentions=mentions, **kinds
        )


def documents() -> list[DocumentFacts]:
    d1 = Doc(
        "r1",
        "2022-05-02",
        [
            "The Northern Front, led by Ali Karimov, is based in Valley Province.",
            "Officials said the group has about 300 fighters.",
            "Police arrested 12 members of the Northern Front in Valley Province in April.",
        ],
        title="Arrests in Valley Province",
    )
    d2 = Doc(
        "r2",
        "2023-06-10",
        [
            "The Northern Front is allied with the Eastern Brigade and fights the River Legion.",
            "The UN Team estimated the Northern Front at 6,500 fighters.",
            "Bek Rustam, a member of the Northern Front, was seen in Hill District.",
            "The Northern Front operates under the Umbrella Movement.",
        ],
        outlet="Other Daily",
    )
    d3 = Doc(
        "r3",
        "2023-09-01",
        [
            "Police said the group has about 900 fighters.",
            "The Northern Front denied that it is allied with the Eastern Brigade.",
            "On 15 July the Northern Front attacked a post in Hill District, killing 4 guards.",
            "The True Front broke away from the Northern Front.",
        ],
        outlet="Third Post",
    )
    d4 = Doc(
        "r4",
        "2024-02-20",
        [
            "Reportedly the N. Front has at least 1,200 members.",
            "Markup test: <script>alert('x')</script> & <b>bold</b> stays text.",
        ],
        title="A <script> in the title",
    )
    s1, s2, s3, s4 = d1.spans, d2.spans, d3.spans, d4.spans
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
                    date="2022-04",
                    location=VP.id,
                    agents=[POLICE.id],
                    targets=[NF.id],
                    counts={"arrested": 12},
                )
            ],
            estimates=[
                Estimate(NF.id, Measure.FIGHTERS, Qualifier.ABOUT, s1[1], 300, 300, "2022-05")
            ],
        ),
        d2.facts(
            relations=[
                Relation(NF.id, Predicate.ALLIED_WITH, EB.id, s2[0], confidence=0.6),
                Relation(NF.id, Predicate.RIVAL_OF, RL.id, s2[0], confidence=0.6),
                Relation(BR.id, Predicate.MEMBER_OF, NF.id, s2[2], confidence=0.7),
                Relation(NF.id, Predicate.BASED_IN, HD.id, s2[2], confidence=0.3),
                Relation(NF.id, Predicate.PART_OF, UM.id, s2[3], confidence=0.7),
            ],
            estimates=[
                Estimate(
                    NF.id,
                    Measure.FIGHTERS,
                    Qualifier.EXACT,
                    s2[1],
                    6500,
                    6500,
                    "2023-06",
                    asserted_by=UN.id,
                )
            ],
        ),
        d3.facts(
            relations=[
                Relation(
                    NF.id,
                    Predicate.ALLIED_WITH,
                    EB.id,
                    s3[1],
                    asserted_by=NF.id,
                    polarity=Polarity.DENIED,
                ),
                Relation(SP.id, Predicate.SPLINTER_OF, NF.id, s3[3], confidence=0.6),
            ],
            events=[
                Event(
                    EventType.ATTACK,
                    s3[2],
                    date="2023-07-15",
                    location=HD.id,
                    agents=[NF.id],
                    counts={"killed": 4},
                    confidence=0.4,
                )
            ],
            estimates=[
                Estimate(
                    NF.id,
                    Measure.FIGHTERS,
                    Qualifier.ABOUT,
                    s3[0],
                    900,
                    900,
                    "2023-09",
                    asserted_by=POLICE.id,
                )
            ],
        ),
        d4.facts(
            estimates=[
                Estimate(
                    NF2.id,
                    Measure.MEMBERS,
                    Qualifier.AT_LEAST,
                    s4[0],
                    1200,
                    None,
                    "2024-02",
                    hedged=True,
                )
            ]
        ),
    ]


def build(store: Store) -> Store:
    """Fill ``store`` with the sample; propose N. Front as a duplicate of the Northern Front."""
    store.sync_pack(PACK)
    for facts in documents():
        store.save(facts)
    propose_merge(store, NF2.id, NF.id, 0.9, "similar names")
    return store
