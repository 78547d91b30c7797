"""The domain model: documents, mentions, entities and the facts extracted from them.

These dataclasses are the one vocabulary shared by every layer (ingest, nlp, store,
analysis, export). The controlled vocabularies of the facts format
(`shared/spec/facts.md`) are the enums below: the one place they are defined.

Inside oxus, facts refer to entities by *id* (``group:jamaat-ansarullah``); the
facts-jsonl exporter turns ids into canonical names at the edge.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class EntityType(StrEnum):
    """What kind of thing an entity is (facts format, "Entities")."""

    GROUP = "group"
    PERSON = "person"
    ORGANIZATION = "organization"
    STATE = "state"
    PLACE = "place"


class Predicate(StrEnum):
    """Relation predicates of the facts format."""

    LEADER_OF = "leader_of"
    MEMBER_OF = "member_of"
    PART_OF = "part_of"
    ALLIED_WITH = "allied_with"
    RIVAL_OF = "rival_of"
    PLEDGED_ALLEGIANCE_TO = "pledged_allegiance_to"
    SPLINTER_OF = "splinter_of"
    BASED_IN = "based_in"
    DESIGNATED_BY = "designated_by"
    SUPPORTS = "supports"
    CITIZEN_OF = "citizen_of"

    @property
    def symmetric(self) -> bool:
        return self in (Predicate.ALLIED_WITH, Predicate.RIVAL_OF)


class EventType(StrEnum):
    """Event types of the facts format."""

    ATTACK = "attack"
    PLOT_FOILED = "plot_foiled"
    ARREST = "arrest"
    MILITARY_EXERCISE = "military_exercise"
    DESIGNATION = "designation"
    CLASH = "clash"
    STATEMENT = "statement"
    RECRUITMENT = "recruitment"
    MEETING = "meeting"


class Measure(StrEnum):
    """What an estimate counts."""

    FIGHTERS = "fighters"
    MEMBERS = "members"
    ARRESTS = "arrests"
    CASES = "cases"
    REFUGEES = "refugees"
    OTHER = "other"


SCORED_MEASURES = frozenset(
    {Measure.FIGHTERS, Measure.MEMBERS, Measure.ARRESTS, Measure.CASES, Measure.REFUGEES}
)


class Qualifier(StrEnum):
    """How a number is qualified ("about", "at least", "dozens", ...)."""

    EXACT = "exact"
    ABOUT = "about"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    RANGE = "range"
    VAGUE = "vague"
    CHANGE = "change"


class Polarity(StrEnum):
    AFFIRMED = "affirmed"
    DENIED = "denied"


COUNT_KEYS = ("killed", "wounded", "arrested", "cases", "participants")
"""Allowed keys of an event's ``counts``."""


@dataclass
class Document:
    """One ingested report: normalised text plus its publication metadata.

    ``text`` is the normalised text that every character offset in oxus refers to.
    ``published`` is ISO 8601 at the precision known (``2023``, ``2023-11``,
    ``2023-11-30``) or None.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    source: str | None = None
    """Where it was read from (a path or a feed URL), for the analyst's reference."""
    media_type: str = "text/plain"
    content_hash: str = ""
    language: str = "en"


@dataclass(frozen=True)
class Evidence:
    """The sentence a fact is stated in, located by character offsets in the document."""

    text: str
    start: int
    end: int
    sentence_index: int = 0


@dataclass
class Entity:
    """A person, group, organisation, state or place, known from the pack or discovered.

    ``status`` is ``pack`` for curated entities and ``provisional`` for names the
    pipeline found that the pack does not know.
    """

    id: str
    type: EntityType
    name: str
    aliases: list[str] = field(default_factory=list)
    status: str = "pack"
    country: str | None = None
    """ISO 3166-1 alpha-2 code of the state it belongs to (states, places)."""
    parent: str | None = None
    """Id of the enclosing place or state (places)."""
    lat: float | None = None
    lon: float | None = None
    description: str | None = None
    sources: list[str] = field(default_factory=list)


@dataclass
class Mention:
    """A span of document text that names an entity, with how it was resolved."""

    entity_id: str
    text: str
    start: int
    end: int
    sentence_index: int = 0
    method: str = "exact"
    """How the link was made: exact, normalised, transliteration, fuzzy, acronym,
    coreference, alias-capture or new."""
    score: float = 1.0


@dataclass
class Relation:
    """A typed link between two entities, stated in one sentence."""

    subject: str
    predicate: Predicate
    object: str
    evidence: Evidence
    role: str | None = None
    since: str | None = None
    until: str | None = None
    asserted_by: str | None = None
    """Entity id of whoever makes the claim, when the text attributes it."""
    polarity: Polarity = Polarity.AFFIRMED
    hedged: bool = False
    confidence: float = 0.5


@dataclass
class Event:
    """Something that happened (or was claimed to), with its participants."""

    type: EventType
    evidence: Evidence
    date: str | None = None
    location: str | None = None
    agents: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    asserted_by: str | None = None
    polarity: Polarity = Polarity.AFFIRMED
    hedged: bool = False
    confidence: float = 0.5


@dataclass
class Estimate:
    """A number that sizes a group, force, population or count of cases."""

    subject: str
    measure: Measure
    qualifier: Qualifier
    evidence: Evidence
    low: float | None = None
    high: float | None = None
    as_of: str | None = None
    asserted_by: str | None = None
    hedged: bool = False
    confidence: float = 0.5


@dataclass
class DocumentFacts:
    """Everything extracted from one document: the unit that is stored in one transaction."""

    document: Document
    entities: dict[str, Entity] = field(default_factory=dict)
    """The entities this document mentions (or that its facts refer to), by id."""
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    estimates: list[Estimate] = field(default_factory=list)


def fact_entity_ids(
    relations: Iterable[Relation], events: Iterable[Event], estimates: Iterable[Estimate]
) -> set[str]:
    """Every entity these facts name: ends, places, participants and who asserted them."""
    ids: set[str] = set()
    for r in relations:
        ids.update(filter(None, (r.subject, r.object, r.asserted_by)))
    for e in events:
        ids.update(filter(None, (e.location, e.asserted_by, *e.agents, *e.targets)))
    for s in estimates:
        ids.update(filter(None, (s.subject, s.asserted_by)))
    return ids


def slugify(text: str) -> str:
    """A stable, ASCII, hyphenated slug: the name part of an entity id."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    slug = re.sub(r"[^\w]+", "-", folded, flags=re.ASCII).strip("-")
    return slug or "x"


def entity_id(type_: EntityType | str, name: str) -> str:
    """The canonical id for an entity of this type and name (``person:mahdi-arsalon``)."""
    return f"{EntityType(type_).value}:{slugify(name)}"
