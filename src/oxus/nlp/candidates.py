"""Candidate facts: what the text may state, with the features a learned scorer reads.

Each fact family's component proposes candidates broadly (every pair of typed
mentions a predicate allows, every trigger of an event type, every counted number
near a group or state) and leaves them on the Doc; attribution stamps who asserts
each one; the decoder (``oxus_decoder``) scores them with the extraction model and
keeps the facts. Training reads the same candidates, so what is learned is exactly
what runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from spacy.tokens import Doc

from oxus.model import Entity, Estimate, Event, Relation
from oxus.nlp.attribution.sources import SegmentSources, SourceOption, source_options
from oxus.nlp.scoring.linear import Features

FactT = TypeVar("FactT", Relation, Event, Estimate)

CANDIDATES_KEY = "oxus_candidates"
EXTRA_ENTITIES_KEY = "oxus_candidate_entities"
FAMILIES = ("relations", "events", "estimates")


@dataclass
class Candidate(Generic[FactT]):
    """One possible fact: the fact it would become, its features and its decoding key.

    ``key`` groups candidates that state the same fact (a relation triple stated in
    several sentences); the decoder keeps at most one fact per key.
    """

    fact: FactT
    features: Features
    key: tuple[str, ...]
    probability: float = 0.0
    source_context: SegmentSources | None = None
    """What ``oxus_attribution`` saw of the fact's segment: its possible sources."""
    rule_source: str | None = None
    """The source the attribution rules chose."""
    _sources: list[SourceOption] | None = field(default=None, repr=False)

    @property
    def sources(self) -> list[SourceOption]:
        """Who may assert the fact, each option with its features (worked out on first
        use: only the candidates the decoder keeps, or training reads, need them)."""
        if self._sources is None:
            if self.source_context is None:
                self._sources = []
            else:
                triggers = [name[7:] for name in self.features if name.startswith("*|trig|")]
                self._sources = source_options(
                    self.fact, self.source_context, self.rule_source, triggers
                )
        return self._sources


@dataclass(frozen=True)
class FollowUpCounts:
    """Casualties a sentence with no names gives right after an attack or clash ("As a
    result of the attack, 146 people were killed"): they belong to that event."""

    sentence_index: int
    counts: dict[str, int]


@dataclass
class CandidateSet:
    """Everything a document's components proposed, by family, plus entities that only
    candidates refer to (a state named by a demonym: "the Tajik national X")."""

    relations: list[Candidate[Relation]] = field(default_factory=list)
    events: list[Candidate[Event]] = field(default_factory=list)
    estimates: list[Candidate[Estimate]] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    follow_ups: list[FollowUpCounts] = field(default_factory=list)

    def everything(self) -> list[Candidate[Any]]:
        """Every candidate of every family."""
        return [*self.relations, *self.events, *self.estimates]


def doc_candidates(doc: Doc) -> CandidateSet:
    """The Doc's candidate set, created on first use."""
    found = doc.user_data.get(CANDIDATES_KEY)
    if not isinstance(found, CandidateSet):
        found = doc.user_data[CANDIDATES_KEY] = CandidateSet()
    return found
