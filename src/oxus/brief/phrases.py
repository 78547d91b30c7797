"""Template phrases: how a predicate, a figure or an event reads in a sentence.

Figures are written as the reports write them ("about 300", "hundreds") so that every
number in a brief can be found in the sentence it came from.
"""

from __future__ import annotations

from oxus.analysis.claims import ClaimEvidence, EstimatePoint
from oxus.analysis.grading import Credence
from oxus.analysis.incidents.views import DisagreementValue, Incident

PREDICATES = {
    "leader_of": "is reported as {role} of",
    "member_of": "is reported to be a member of",
    "part_of": "is reported to be part of",
    "allied_with": "is reported to be allied with",
    "rival_of": "is reported to be a rival of",
    "pledged_allegiance_to": "is reported to have pledged allegiance to",
    "splinter_of": "is reported to have split from",
    "based_in": "is reported to be based in",
    "designated_by": "is reported to be designated as a terrorist or banned organisation by",
    "supports": "is reported to support",
    "citizen_of": "is reported to be a citizen of",
}
VAGUE_WORDS = {(24, 99): "dozens", (200, 999): "hundreds", (2000, 9999): "thousands"}
EVENT_NOUNS = {
    "attack": "Attack",
    "plot_foiled": "Foiled plot",
    "arrest": "Arrests",
    "military_exercise": "Military exercise",
    "designation": "Designation",
    "clash": "Clash",
    "statement": "Statement",
    "recruitment": "Recruitment",
    "meeting": "Meeting",
}


def number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def figure(point: EstimatePoint) -> str:
    """The figure as reported: "about 300", "at least 200", "25-150", "hundreds"."""
    low, high = point.low, point.high
    if point.qualifier == "vague" and low is not None and high is not None:
        word = VAGUE_WORDS.get((int(low), int(high)))
        if word:
            return word
    if point.qualifier == "change" and low is not None:
        return f"{low:+g}%"
    if low is not None and high is not None and low != high:
        return f"{number(low)}-{number(high)}"
    if point.qualifier == "at_least" and low is not None:
        return f"at least {number(low)}"
    if point.qualifier == "at_most" and high is not None:
        return f"up to {number(high)}"
    value = low if low is not None else high
    if value is None:
        return "unspecified"
    return f"about {number(value)}" if point.qualifier == "about" else number(value)


def according_to(evidence: list[ClaimEvidence], *, verb: str = "according to") -> str:
    """Who makes the claim: all its sources, or some of them ("in some reports")."""
    names = sorted({_speaker(ev) for ev in evidence if ev.asserted_by})
    if not names:
        return ""
    if all(ev.asserted_by for ev in evidence):
        return f"{'' if verb == 'by' else ','} {verb} {', '.join(names)}"
    return f" ({verb} {', '.join(names)} in some reports)"


def _speaker(ev: ClaimEvidence) -> str:
    """Who asserts it, with the registry's grade for them: ``the FSB [D]``."""
    name = ev.asserted_by.name if ev.asserted_by else ""
    grade = ev.grading.speaker_grade if ev.grading else None
    return f"{name} [{grade}]" if grade else name


def relation_sentence(subject: str, predicate: str, obj: str, roles: list[str]) -> str:
    phrase = PREDICATES[predicate].format(role=" and ".join(roles) or "leader")
    return f"{subject} {phrase} {obj}"


def graded(text: str, credence: Credence) -> str:
    """The sentence with its Admiralty code and best sources: ``... (B2, RFE/RL)``."""
    cited = credence.cited()
    return f"{text} ({cited})" if cited else text


def _sides(values: list[DisagreementValue]) -> str:
    return ", ".join(f"{v.label} per {', '.join(v.sources)}" for v in values)


def incident_sentence(incident: Incident) -> str:
    """ "Attack against X at Crocus City Hall, Krasnogorsk (killed 146 per A, 143 per B)"."""
    parts = [EVENT_NOUNS.get(incident.type, incident.type)]
    if incident.agents:
        parts.append("by " + ", ".join(a.name for a in incident.agents))
    if incident.targets:
        parts.append("against " + ", ".join(t.name for t in incident.targets))
    if incident.place_path:
        parts.append("in " + ", ".join(p.name for p in incident.place_path[:2]))
    text = " ".join(parts)
    counts = []
    for key, value in incident.counts.items():
        differing = incident.disagreement(key)
        counts.append(
            f"{key} {_sides(differing.values)}" if differing else f"{number(value)} {key}"
        )
    if counts:
        text += " (" + "; ".join(counts) + ")"
    reports = len(incident.documents)
    if reports > 1:
        text += f"; {reports} reports"
    return text


def incident_date(incident: Incident) -> str:
    """The incident's date, dates other reports give, or when it was first reported."""
    if not incident.date:
        return f"undated, reported {incident.first_reported or 'at an unknown date'}"
    differing = incident.disagreement("date")
    if differing is None:
        return incident.date
    others = [v for v in differing.values if v.label != incident.date]
    return f"{incident.date} ({_sides(others)})"
