"""Candidate facts: what the text may state, with the features a learned scorer reads.

Each fact family's component proposes candidates broadly (every pair of typed
mentions a predicate allows, every trigger of an event type, every counted number
near a group or state) and leaves them on the Doc; attribution stamps who asserts
each one; the decoder (``oxus_decoder``) scores them with the extraction model and
keeps the facts. Training reads the same candidates, so what is learned is exactly
what runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from spacy.tokens import Doc

from oxus.model import Entity, Estimate, Event, Relation
from oxus.nlp.attribution.sources import SegmentSources, SourceOption, source_options
from oxus.nlp.scoring.linear import Features, LinearScorer

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
    count: int | None = None
    """An estimate's number, as a token index: a hedge covers the estimate only when it
    reaches the count ("eight people suspected of ties to X were arrested" is no hedged
    count of arrests)."""
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


RULES_ONLY = 0.8
"""A candidate's probability when no learned scorer is at hand and a rule found it."""
RULE_FEATURE = "*|rule"
"""The feature every family sets on a candidate the hand rules would have kept."""


def score_candidates(
    candidates: Iterable[Candidate[Any]],
    scorer: LinearScorer | None,
    *,
    learned: Callable[[Candidate[Any]], bool] | None = None,
) -> None:
    """Set each candidate's probability: the scorer's, or (without one, or where
    ``learned`` says the scorer does not apply) the rules' verdict."""
    for cand in candidates:
        if scorer is not None and (learned is None or learned(cand)):
            cand.probability = scorer.probability(cand.features)
        else:
            cand.probability = RULES_ONLY if RULE_FEATURE in cand.features else 0.0


def doc_candidates(doc: Doc) -> CandidateSet:
    """The Doc's candidate set, created on first use."""
    found = doc.user_data.get(CANDIDATES_KEY)
    if not isinstance(found, CandidateSet):
        found = doc.user_data[CANDIDATES_KEY] = CandidateSet()
    return found


def mark_language(candidates: list[Candidate[Any]], lang: str) -> None:
    """Give candidates of a document not in English a bias of their language
    (``lang|ru``): the scorers are shared across languages, and a language's rules and
    parser may be more or less trustworthy than English ones as a whole."""
    if lang == "en":
        return
    for cand in candidates:
        cand.features[f"lang|{lang}"] = 1.0
