"""Who may assert a fact: the options a learned scorer chooses the source from.

The rules name one source per sentence segment (the subject of a reporting verb, the
name after "according to", a source carried over from the sentences before, a
statement's own speaker). Reports are looser than any rule, so each fact gets every
plausible source as an option, with how the sentence ties it to the fact: no source
at all, each speaker the rules saw, the source of the sentences just before, a
statement's agents, and any other person, organisation, group or state of the segment
(with its role in the parse). The scorer in ``oxus_decoder`` picks the most likely.

What does not depend on the fact is prepared once per segment (:class:`SegmentSources`);
each fact adds its kind, whether the source takes part in it, and where the fact sits
relative to what the source says.
"""

from __future__ import annotations

from dataclasses import dataclass

from oxus.nlp.attribution.scan import DocView, Segment, fact_ids
from oxus.nlp.scoring.linear import Features

NONE, PREVIOUS, AGENT, MENTION = "none", "previous", "agent", "mention"

QUOTES = frozenset({"“", "”", '"', "«", "»"})
CLAUSES = frozenset({"ccomp", "parataxis", "xcomp", "advcl"})


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


@dataclass(frozen=True)
class _Prepared:
    """A source option's fact-independent part."""

    entity_id: str | None
    kind: str
    names: tuple[str, ...]
    root: int | None
    said: frozenset[int]
    """Tokens under the source's verb but outside the source's own words."""
    complement: bool


@dataclass(frozen=True)
class SegmentSources:
    """The options of every fact of one segment, before the fact is known."""

    leading: tuple[_Prepared, ...]
    """Nobody, the speakers the rules saw, the earlier source."""
    mentions: tuple[_Prepared, ...]
    context: tuple[str, ...]
    roots: tuple[tuple[str, int], ...]
    """(entity id, head token) of every mention of the segment."""


def family_of(fact: object) -> str:
    """A short tag of the fact's kind: ``relation``, ``event:attack``, ``estimate``."""
    kind = getattr(fact, "type", None)
    if kind is not None:
        return f"event:{kind.value}"
    return "relation" if hasattr(fact, "predicate") else "estimate"


def _context(view: DocView, seg: Segment, reporting: bool) -> tuple[str, ...]:
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
    return tuple(tags)


def _prepare(
    view: DocView,
    entity_id: str | None,
    kind: str,
    root: int | None,
    type_: str,
    context: tuple[str, ...],
) -> _Prepared:
    names = [kind, *(f"{kind}|{tag}" for tag in context)]
    if type_:
        names.append(f"{kind}|type|{type_}")
    said: frozenset[int] = frozenset()
    complement = False
    if root is not None:
        head = view.head[root]
        names += [f"{kind}|dep|{view.dep[root]}", f"{kind}|head|{view.lemma[head]}"]
        if head != root:
            said = view.subtree(head) - view.subtree(root)
            complement = any(view.dep[c] in CLAUSES for c in view.children(head))
    return _Prepared(entity_id, kind, tuple(names), root, said, complement)


def prepare_segment(
    view: DocView,
    seg: Segment,
    *,
    speakers: list[Speaker],
    previous: str | None,
    asserters: frozenset[str],
    reporting: bool,
) -> SegmentSources:
    """The fact-independent part of the source options of a segment's facts."""
    context = _context(view, seg, reporting)
    leading = [_prepare(view, None, NONE, None, "", context)]
    for speaker in speakers:
        type_ = speaker.entity_id.split(":", 1)[0]
        leading.append(_prepare(view, speaker.entity_id, speaker.how, speaker.root, type_, context))
    if previous is not None:
        leading.append(_prepare(view, previous, PREVIOUS, None, previous.split(":", 1)[0], context))
    mentions = [
        _prepare(view, m.id, MENTION, m.span.root.i, m.type, context)
        for m in seg.mentions
        if m.type in asserters
    ]
    roots = tuple((m.id, m.span.root.i) for m in seg.mentions)
    return SegmentSources(tuple(leading), tuple(mentions), context, roots)


def source_options(
    fact: object,
    prepared: SegmentSources,
    chosen: str | None,
    triggers: list[str] | None = None,
) -> list[SourceOption]:
    """Every option for the fact's source, each marked ``rule`` where the rules chose it;
    an event's trigger words ("warned", "pledged") tell speech from act."""
    family = family_of(fact)
    participants = set(fact_ids(fact))
    roots = [root for entity_id, root in prepared.roots if entity_id in participants]
    agents: list[_Prepared] = []
    if family == "event:statement":
        agents = [
            _Prepared(
                a,
                AGENT,
                (
                    AGENT,
                    *(f"{AGENT}|{t}" for t in prepared.context),
                    f"{AGENT}|type|{a.split(':', 1)[0]}",
                ),
                None,
                frozenset(),
                False,
            )
            for a in getattr(fact, "agents", None) or []
        ]
    options: dict[str | None, Features] = {}
    for option in (*prepared.leading, *agents, *prepared.mentions):
        if option.entity_id in options:
            options[option.entity_id][f"{option.kind}|also"] = 1.0
            continue
        f: Features = dict.fromkeys(option.names, 1.0)
        f[f"{option.kind}|{family}"] = 1.0
        if option.root is not None:
            f[f"{option.kind}|ties|{_ties(option, roots)}"] = 1.0
        if option.entity_id is not None and option.entity_id in participants:
            f[f"{option.kind}|participant"] = 1.0
            f[f"{option.kind}|participant|{family}"] = 1.0
        if option.entity_id == chosen:
            f["rule"] = 1.0
            f[f"rule|{option.kind}"] = 1.0
        for trigger in triggers or ():
            f[f"{option.kind}|trig|{trigger}"] = 1.0
        options[option.entity_id] = f
    if chosen is not None and chosen not in options:
        options[chosen] = {"other": 1.0, f"other|{family}": 1.0, "rule": 1.0, "rule|other": 1.0}
    return [SourceOption(entity_id, f) for entity_id, f in options.items()]


def _ties(option: _Prepared, roots: list[int]) -> str:
    """How the fact sits relative to a named source: inside what its verb says ("X said
    that <fact>"), the source inside the fact itself, or elsewhere in the segment."""
    if not roots:
        return "unnamed"
    if option.root in roots:
        return "inside"
    if option.said and all(r in option.said for r in roots):
        return "complement" if option.complement else "under_head"
    return "apart"
