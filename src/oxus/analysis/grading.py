"""How far a claim can be trusted: extraction confidence weighed by who publishes and who says it.

One sentence (``Grading``)::

    credence = confidence × min(r(outlet), r(speaker)) × (0.75 if hedged)

``confidence`` is the extraction's (0..1), ``r`` maps an Admiralty grade to a weight
(``WEIGHTS``); the speaker (whoever the report quotes, "according to the FSB") counts
only when the registry grades it A–E: a claim is as weak as the weakest link that
carries it, and an ungraded speaker leaves the outlet's judgement standing.

A claim (``Credence``), stated in many sentences::

    confidence = 1 − ∏ over independent sources (1 − the source's best credence)

Sentences from one source (an agency's story republished by three outlets) count once.
Its Admiralty credibility (1–6): 1 when two or more sources graded A–C affirm it and
nothing denies it; 5 when a denial weighs more than every affirmation, 4 when it weighs
less; 6 when only ungraded (F) outlets carry it; else 2 at ``PROBABLE`` or more, 3 at
``POSSIBLE`` or more, 4 below. The code printed with a claim is the best source's grade
and the credibility: ``B2``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from oxus.analysis.sources import GRADES, UNGRADED, SourceBook, reliability_label

WEIGHTS = {"A": 0.95, "B": 0.8, "C": 0.6, "D": 0.4, "E": 0.2, "F": 0.5}
HEDGED = 0.75
PROBABLE = 0.55
POSSIBLE = 0.3
CREDIBILITY = {
    1: "Confirmed by other sources",
    2: "Probably true",
    3: "Possibly true",
    4: "Doubtful",
    5: "Improbable",
    6: "Truth cannot be judged",
}
UNKNOWN_OUTLET = "unknown outlet"


@dataclass(frozen=True)
class Grading:
    """Who carries one sentence, their grades, and what the sentence is worth."""

    source: str
    """The outlet's registry name, else the outlet as the report prints it."""
    source_id: str | None
    grade: str
    speaker: str | None
    """The registry name of the quoted speaker, when the registry knows it."""
    speaker_grade: str | None
    credence: float

    @property
    def reliability(self) -> str:
        return reliability_label(self.grade)

    @property
    def key(self) -> str:
        """What counts as one independent source."""
        return self.source_id or f"outlet:{self.source}"


def grade_sentence(
    book: SourceBook,
    *,
    outlet: str | None,
    url: str | None,
    speaker_id: str | None,
    confidence: float,
    hedged: bool,
) -> Grading:
    """The grading of one sentence of one report."""
    source = book.for_document(outlet, url)
    speaker = book.for_entity(speaker_id)
    grade = source.grade if source else UNGRADED
    weight = WEIGHTS[grade]
    if speaker is not None and speaker.grade != UNGRADED:
        weight = min(weight, WEIGHTS[speaker.grade])
    credence = confidence * weight * (HEDGED if hedged else 1.0)
    return Grading(
        source=source.name if source else (outlet or UNKNOWN_OUTLET),
        source_id=source.id if source else None,
        grade=grade,
        speaker=speaker.name if speaker else None,
        speaker_grade=speaker.grade if speaker else (UNGRADED if speaker_id else None),
        credence=round(credence, 4),
    )


class Graded(Protocol):
    """Anything stated in one sentence: a claim's evidence, an event."""

    @property
    def grading(self) -> Grading | None: ...

    @property
    def polarity(self) -> str: ...


@dataclass(frozen=True)
class Credence:
    """What a claim is worth across all the sentences that state or deny it."""

    confidence: float
    credibility: int
    sources: tuple[tuple[str, str], ...]
    """(name, grade) of the sources that affirm it, best first."""

    @property
    def credibility_label(self) -> str:
        return CREDIBILITY[self.credibility]

    @property
    def code(self) -> str:
        """The Admiralty code: best source's grade and the credibility (``B2``)."""
        grade = self.sources[0][1] if self.sources else UNGRADED
        return f"{grade}{self.credibility}"

    def cited(self, limit: int = 3) -> str:
        """``B2, RFE/RL; C2, TASS``: the code with each of the best few sources."""
        return "; ".join(f"{g}{self.credibility}, {name}" for name, g in self.sources[:limit])


def _best(items: Iterable[Graded], polarity: str) -> dict[str, Grading]:
    best: dict[str, Grading] = {}
    for item in items:
        g = item.grading
        if g is None or item.polarity != polarity:
            continue
        if g.key not in best or g.credence > best[g.key].credence:
            best[g.key] = g
    return best


def credence(items: Iterable[Graded]) -> Credence:
    """Combine the sentences of one claim (see the module docstring for the formula)."""
    items = list(items)
    affirmed, denied = _best(items, "affirmed"), _best(items, "denied")
    ranked = sorted(affirmed.values(), key=lambda g: (g.grade, -g.credence, g.source))
    doubt = 1.0
    for g in ranked:
        doubt *= 1.0 - g.credence
    confidence = round(1.0 - doubt, 4) if ranked else 0.0
    top_affirm = max((g.credence for g in ranked), default=0.0)
    top_deny = max((g.credence for g in denied.values()), default=0.0)
    if not ranked:
        level = 5 if denied else 6
    elif denied:
        level = 5 if top_deny > top_affirm else 4
    elif sum(1 for g in ranked if g.grade in "ABC") >= 2:
        level = 1
    elif all(g.grade == UNGRADED for g in ranked):
        level = 6
    elif confidence >= PROBABLE:
        level = 2
    elif confidence >= POSSIBLE:
        level = 3
    else:
        level = 4
    return Credence(confidence, level, tuple((g.source, g.grade) for g in ranked))


__all__ = [
    "CREDIBILITY",
    "GRADES",
    "WEIGHTS",
    "Credence",
    "Graded",
    "Grading",
    "credence",
    "grade_sentence",
]
