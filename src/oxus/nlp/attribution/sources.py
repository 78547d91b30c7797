"""Who may assert a fact: the options a learned scorer chooses the source from.

The rules name one source per sentence segment (the subject of a reporting verb, the
name after "according to", a source carried over from the sentences before, a
statement's own speaker). Reports are looser than any rule, so each fact gets every
plausible source as an option, with how the sentence ties it to the fact: no source
at all, each speaker the rules saw, the source of the sentences just before, a
statement's agents, and any other person, organisation, group or state of the segment
(with its role in the parse). The scorer in ``oxus_decoder`` picks the most likely.
"""

from __future__ import annotations

from dataclasses import dataclass

from oxus.nlp.attribution.scan import DocView, Segment, fact_ids
from oxus.nlp.scoring.linear import Features

NONE, PREVIOUS, AGENT, MENTION = "none", "previous", "agent", "mention"

QUOTES = frozenset({"“", "”", '"', "«", "»"})


@dataclass(frozen=True)
class Speaker:
    """A source the rules saw in a segment: its entity, how it is named, its head token."""

    entity_id: str
    how: str
    root: int | None = None


@dataclass(frozen=True)
class SourceOption:
    """One possible ``asserted_by`` of a fact (None: nobody), with its features."""

    entity_id: str | None
    features: Features


def family_of(fact: object) -> str:
    """A short tag of the fact's kind: ``relation``, ``event:attack``, ``estimate``."""
    kind = getattr(fact, "type", None)
    if kind is not None:
        return f"event:{kind.value}"
    return "relation" if hasattr(fact, "predicate") else "estimate"


def segment_context(view: DocView, seg: Segment, reporting: bool) -> list[str]:
    """Words about the whole segment, shared by every option."""
    tags = []
    if reporting:
        tags.append("reporting")
    words = view.lower[seg.start : seg.end]
    if any(w in QUOTES for w in words):
        tags.append("quoted")
    if words and words[0] in QUOTES:
        tags.append("quote_start")
    if "according" in words:
        tags.append("according")
    return tags


def source_options(
    view: DocView,
    seg: Segment,
    fact: object,
    *,
    speakers: list[Speaker],
    previous: str | None,
    asserters: frozenset[str],
    context: list[str],
) -> list[SourceOption]:
    """Every option for the fact's source, each marked ``rule`` where the rules chose it."""
    family = family_of(fact)
    chosen = getattr(fact, "asserted_by", None)
    participants = set(fact_ids(fact))
    roots = [m.span.root.i for m in seg.mentions if m.id in participants]
    options: dict[str | None, Features] = {}

    def offer(entity_id: str | None, kind: str, root: int | None, type_: str) -> None:
        if entity_id in options:
            options[entity_id][f"{kind}|also"] = 1.0
            return
        f: Features = {kind: 1.0, f"{kind}|{family}": 1.0}
        for tag in context:
            f[f"{kind}|{tag}"] = 1.0
        if type_:
            f[f"{kind}|type|{type_}"] = 1.0
        if root is not None:
            head = view.head[root]
            f[f"{kind}|dep|{view.dep[root]}"] = 1.0
            f[f"{kind}|head|{view.lemma[head]}"] = 1.0
            f[f"{kind}|ties|{_ties(view, root, head, roots)}"] = 1.0
        if entity_id is not None and entity_id in participants:
            f[f"{kind}|participant"] = 1.0
            f[f"{kind}|participant|{family}"] = 1.0
        if entity_id == chosen:
            f["rule"] = 1.0
            f[f"rule|{kind}"] = 1.0
        options[entity_id] = f

    offer(None, NONE, None, "")
    for speaker in speakers:
        offer(speaker.entity_id, speaker.how, speaker.root, speaker.entity_id.split(":", 1)[0])
    if previous is not None:
        offer(previous, PREVIOUS, None, previous.split(":", 1)[0])
    for agent in getattr(fact, "agents", None) or []:
        if family == "event:statement":
            offer(agent, AGENT, None, agent.split(":", 1)[0])
    for ment in seg.mentions:
        if ment.type in asserters:
            offer(ment.id, MENTION, ment.span.root.i, ment.type)
    if chosen is not None and chosen not in options:
        offer(chosen, "other", None, chosen.split(":", 1)[0])
    return [SourceOption(entity_id, f) for entity_id, f in options.items()]


def _ties(view: DocView, root: int, head: int, roots: list[int]) -> str:
    """How the fact sits relative to a named source: inside what its verb says ("X said
    that <fact>"), the source inside the fact itself, or elsewhere in the segment."""
    if not roots:
        return "unnamed"
    if root in roots:
        return "inside"
    said = set(view.subtree(head)) - set(view.subtree(root))
    if head != root and all(r in said for r in roots):
        complements = {view.dep[c] for c in view.children(head)}
        return "complement" if complements & CLAUSES else "under_head"
    return "apart"


CLAUSES = frozenset({"ccomp", "parataxis", "xcomp", "advcl"})
