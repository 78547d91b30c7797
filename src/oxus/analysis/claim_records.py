"""The records claims are reported in: evidence, relation/event/estimate claims, conflicts.

Kept apart from the queries (``oxus.analysis.claims``) so surfaces can type against them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from oxus.analysis.grading import Credence, Grading, credence
from oxus.analysis.refs import EntityRef
from oxus.model import Predicate

ABOUT_TOLERANCE = 0.1
"""An "about" figure is read as +/-10%: "about 300" and "about 320" do not conflict."""


@dataclass(frozen=True)
class ClaimEvidence:
    """One sentence that states a claim: where it was read and who says so."""

    fact_id: int
    document_id: str
    title: str | None
    outlet: str | None
    published: str | None
    text: str
    start: int
    end: int
    asserted_by: EntityRef | None = None
    polarity: str = "affirmed"
    hedged: bool = False
    confidence: float = 0.5
    review: str = "machine"
    role: str | None = None
    since: str | None = None
    until: str | None = None
    grading: Grading | None = None
    """Its outlet's and speaker's grades and what the sentence is worth."""


@dataclass
class RelationClaim:
    """One relation, with every sentence in every document that states (or denies) it."""

    subject: EntityRef
    predicate: str
    object: EntityRef
    evidence: list[ClaimEvidence] = field(default_factory=list)
    counted: dict[str, int] = field(default_factory=dict, repr=False)
    """Stored rows per (subject id, object id, polarity) when ``evidence`` was capped."""

    @property
    def symmetric(self) -> bool:
        return Predicate(self.predicate).symmetric

    @property
    def evidence_count(self) -> int:
        """How many sentences state this, including any not loaded."""
        return sum(self.counted.values()) if self.counted else len(self.evidence)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.subject.id, self.predicate, self.object.id)

    @property
    def affirmed(self) -> list[ClaimEvidence]:
        return [e for e in self.evidence if e.polarity == "affirmed"]

    @property
    def denied(self) -> list[ClaimEvidence]:
        return [e for e in self.evidence if e.polarity == "denied"]

    @property
    def documents(self) -> list[str]:
        return sorted({e.document_id for e in self.evidence})

    @property
    def confidence(self) -> float:
        """The best single-sentence confidence among the affirming evidence (0 if none)."""
        return max((e.confidence for e in self.affirmed), default=0.0)

    @property
    def credence(self) -> Credence:
        """What the claim is worth across its sources (``oxus.analysis.grading``)."""
        return credence(self.evidence)

    @property
    def roles(self) -> list[str]:
        return sorted({e.role for e in self.evidence if e.role})

    @property
    def first_reported(self) -> str | None:
        return min((e.published for e in self.evidence if e.published), default=None)

    @property
    def last_reported(self) -> str | None:
        return max((e.published for e in self.evidence if e.published), default=None)


@dataclass
class EventClaim:
    """An event the entity took part in (as agent or target) or that happened there."""

    fact_id: int
    type: str
    date: str | None
    location: EntityRef | None
    agents: list[EntityRef]
    targets: list[EntityRef]
    counts: dict[str, int]
    evidence: ClaimEvidence

    @property
    def sort_date(self) -> str:
        return self.date or self.evidence.published or ""

    @property
    def credence(self) -> Credence:
        return credence([self.evidence])


@dataclass
class EstimatePoint:
    """One reported figure: its range at a date, who gives it and where."""

    fact_id: int
    qualifier: str
    low: float | None
    high: float | None
    as_of: str | None
    evidence: ClaimEvidence

    @property
    def date(self) -> str | None:
        return self.as_of or self.evidence.published

    @property
    def credence(self) -> Credence:
        return credence([self.evidence])

    @property
    def bounds(self) -> tuple[float, float]:
        """The range the figure allows, for comparing sources (open ends are unbounded)."""
        low = self.low if self.low is not None else 0.0
        high = self.high if self.high is not None else float("inf")
        if self.qualifier == "about":
            low, high = low * (1 - ABOUT_TOLERANCE), high * (1 + ABOUT_TOLERANCE)
        return low, high


@dataclass
class EstimateSeries:
    """Every figure for one (subject, measure), oldest first."""

    subject: EntityRef
    measure: str
    points: list[EstimatePoint] = field(default_factory=list)


@dataclass
class ConflictSide:
    """One position in a conflict ("affirmed", "200-999") and the sentences holding it."""

    label: str
    evidence: list[ClaimEvidence]

    @property
    def credence(self) -> Credence:
        """This side's weight, each of its sentences counted as affirming it."""
        return credence(_Affirming(ev) for ev in self.evidence)


class _Affirming:
    """A sentence read as affirming whatever side of a conflict it stands on."""

    polarity = "affirmed"

    def __init__(self, evidence: ClaimEvidence) -> None:
        self.grading = evidence.grading


@dataclass
class Conflict:
    """Two positions on the same thing that cannot both be true."""

    kind: str
    """``denial`` (a relation affirmed and denied) or ``estimate`` (non-overlapping figures)."""
    subject: EntityRef
    topic: str
    """The predicate or the measure it is about."""
    a: ConflictSide
    b: ConflictSide
    object: EntityRef | None = None
    period: str | None = None
    """The year two estimates are compared for."""


@dataclass
class EntityClaims:
    entity: EntityRef
    relations: list[RelationClaim]
    events: list[EventClaim]
    estimates: list[EstimateSeries]
    conflicts: list[Conflict]
