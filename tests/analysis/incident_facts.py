"""Hand-made reports for incident tests: invented places, groups and sentences.

Places form a hierarchy as in the pack (a venue in a town in a province in a state),
with coordinates: Hall 9 is in Riverton, in North Province, in Freedonia; Lakeside is
10 km from Riverton; Hilltown is 300 km away, in the same state; Sylvania is another
state.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from oxus.model import (
    Document,
    DocumentFacts,
    Entity,
    EntityType,
    Event,
    EventType,
    Evidence,
    Mention,
    Polarity,
    Predicate,
    Relation,
)
from oxus.store import Store

PLACE, STATE, GROUP = EntityType.PLACE, EntityType.STATE, EntityType.GROUP
FREEDONIA = Entity("state:freedonia", STATE, "Freedonia", country="FD", lat=40.0, lon=60.0)
SYLVANIA = Entity("state:sylvania", STATE, "Sylvania", country="SY", lat=44.0, lon=64.0)
NORTH = Entity(
    "place:north-province",
    PLACE,
    "North Province",
    country="FD",
    parent=FREEDONIA.id,
    lat=41.0,
    lon=61.0,
)
RIVERTON = Entity(
    "place:riverton", PLACE, "Riverton", country="FD", parent=NORTH.id, lat=41.2, lon=61.2
)
HALL = Entity(
    "place:hall-9", PLACE, "Hall 9", country="FD", parent=RIVERTON.id, lat=41.21, lon=61.21
)
LAKESIDE = Entity(
    "place:lakeside", PLACE, "Lakeside", country="FD", parent=FREEDONIA.id, lat=41.25, lon=61.3
)
HILLTOWN = Entity(
    "place:hilltown", PLACE, "Hilltown", country="FD", parent=FREEDONIA.id, lat=38.5, lon=58.0
)
PORTVILLE = Entity(
    "place:portville", PLACE, "Portville", country="SY", parent=SYLVANIA.id, lat=44.1, lon=64.1
)
FRONT = Entity("group:red-front", GROUP, "Red Front")
LEGION = Entity("group:grey-legion", GROUP, "Grey Legion")
POLICE = Entity("organization:freedonian-police", EntityType.ORGANIZATION, "Freedonian Police")
MINISTER = Entity("person:ana-vale", EntityType.PERSON, "Ana Vale")
ENVOY = Entity("person:ben-oro", EntityType.PERSON, "Ben Oro")
LEADER = Entity("person:cyr-dane", EntityType.PERSON, "Cyr Dane")
ALL = (
    FREEDONIA,
    SYLVANIA,
    NORTH,
    RIVERTON,
    HALL,
    LAKESIDE,
    HILLTOWN,
    PORTVILLE,
    FRONT,
    LEGION,
    POLICE,
    MINISTER,
    ENVOY,
    LEADER,
)


@dataclass
class Report:
    """One document: its sentences, and the events and relations read from them."""

    doc_id: str
    published: str | None
    sentences: list[str]
    events: list[tuple[int, dict]] = field(default_factory=list)
    relations: list[tuple[int, dict]] = field(default_factory=list)
    outlet: str = "Test Wire"

    def event(self, sentence: int, type_: str, **values: object) -> Report:
        self.events.append((sentence, {"type": type_, **values}))
        return self

    def relation(
        self, sentence: int, subject: str, predicate: str, obj: str, **values: object
    ) -> Report:
        self.relations.append((sentence, {"s": subject, "p": predicate, "o": obj, **values}))
        return self

    def facts(self) -> DocumentFacts:
        text = "\n\n".join(self.sentences)
        spans, pos = [], 0
        for i, sentence in enumerate(self.sentences):
            start = text.index(sentence, pos)
            spans.append(Evidence(sentence, start, start + len(sentence), i))
            pos = start + len(sentence)
        mentions = []
        for entity in ALL:
            at = text.find(entity.name)
            while at >= 0:
                mentions.append(Mention(entity.id, entity.name, at, at + len(entity.name)))
                at = text.find(entity.name, at + 1)
        events = [
            Event(
                EventType(values["type"]),
                spans[i],
                date=values.get("date"),
                location=values.get("location"),
                agents=list(values.get("agents", [])),
                targets=list(values.get("targets", [])),
                counts=dict(values.get("counts", {})),
            )
            for i, values in self.events
        ]
        relations = [
            Relation(
                values["s"],
                Predicate(values["p"]),
                values["o"],
                spans[i],
                since=values.get("since"),
                until=values.get("until"),
                polarity=Polarity(values.get("polarity", "affirmed")),
            )
            for i, values in self.relations
        ]
        return DocumentFacts(
            document=Document(
                id=self.doc_id,
                text=text,
                title=f"Report {self.doc_id}",
                outlet=self.outlet,
                published=self.published,
                content_hash=f"hash-{self.doc_id}-{hash(text)}",
            ),
            entities={e.id: e for e in ALL},
            mentions=mentions,
            events=events,
            relations=relations,
        )


def store_reports(store: Store, *reports: Report) -> Store:
    store.sync_pack(list(ALL))
    for report in reports:
        store.save(report.facts())
    return store


def hall_attack_reports() -> list[Report]:
    """Two outlets report one attack with different tolls; a third, an unrelated raid."""
    return [
        Report(
            "wire-1",
            "2024-03-23",
            [
                "Gunmen attacked Hall 9 in Riverton on 22 March, killing 143 people.",
                "The Red Front claimed the attack on the concert venue.",
            ],
            outlet="First Wire",
        )
        .event(0, "attack", date="2024-03-22", location=HALL.id, counts={"killed": 143})
        .event(1, "statement", agents=[FRONT.id]),
        Report(
            "daily-2",
            "2025-04-30",
            [
                "The attack on the concert venue in Riverton took place on 22 March 2024.",
                "As a result of the attack on Hall 9, 146 people were killed.",
            ],
            outlet="Second Daily",
        ).event(0, "attack", date="2024-03-22", location=RIVERTON.id, counts={"killed": 146}),
        Report(
            "post-3",
            "2024-03-24",
            ["Police raided a flat in Hilltown on 22 March and killed two Grey Legion members."],
            outlet="Third Post",
        ).event(0, "attack", date="2024-03-22", location=HILLTOWN.id, targets=[LEGION.id]),
    ]
