"""Where a hedge, a denial or a source reaches inside a sentence segment.

A hedge covers the clause of its verb, not a relative clause or participle hanging off a
noun in it; a denial likewise. These helpers read only :class:`DocView` lists, so the
attribution component stays one pass over plain data.
"""

from __future__ import annotations

import re

from oxus.nlp.attribution.scan import DocView, Segment, fact_ids
from oxus.nlp.clauses import Ment
from oxus.nlp.lemma_phrases import lemma_phrase_set

SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "он", "она", "они"})
SPEAKER_DEPS = frozenset({"nsubj", "agent"})
NOMINAL_DEPS = frozenset({"compound", "amod", "appos", "poss", "nmod", "flat"})
"""Dependencies inside one noun phrase: a title, a demonym, a possessor, a name beside it."""
PARTICIPLE_DEPS = frozenset({"advcl", "xcomp", "conj"})
"""How a participle of saying hangs on the clause whose subject speaks ("X warned ..., saying")."""
PREFERENCE = {"person": 0, "organization": 1, "state": 2, "group": 3}
"""Who speaks for a phrase naming several: a person before an organisation, a state, a group."""


def alternation(phrases: list[str]) -> re.Pattern[str] | None:
    """One compiled ``\\b(a|b|c)\\b`` for a phrase list, longest first."""
    if not phrases:
        return None
    ordered = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b")


class Phrases:
    """A lexicon's phrases, found in a segment as token spans: English phrases on the
    lower-cased text, those of other languages as lemma sequences."""

    def __init__(self, phrases: list[str] | None, lang: str = "en") -> None:
        self.pattern = alternation(phrases or []) if lang == "en" else None
        self.lemmas = lemma_phrase_set(phrases) if lang != "en" else None

    def __bool__(self) -> bool:
        return bool(self.pattern or self.lemmas)

    def spans(self, view: DocView, seg: Segment, low: str) -> list[tuple[int, int]]:
        """(first token, end token) of every phrase in the segment, in text order."""
        if self.lemmas is not None:
            return [(a, b) for a, b, _ in self.lemmas.find(view.lemma, seg.start, seg.end)]
        if self.pattern is None:
            return []
        return [
            (
                view.token_at(seg.start_char + match.start()),
                view.token_at(seg.start_char + match.end() - 1) + 1,
            )
            for match in self.pattern.finditer(low)
        ]


def phrase_anchors(view: DocView, seg: Segment, low: str, phrases: Phrases) -> list[int | None]:
    """For each phrase match, its first verb (the clause it hedges or denies), else None."""
    out: list[int | None] = []
    for first, end in phrases.spans(view, seg, low):
        verbs = [i for i in range(first, end) if view.pos[i] == "VERB"]
        out.append(verbs[0] if verbs else None)
    return out


def reaches(
    view: DocView, anchors: tuple[int | None, ...], roots: list[int], *, every: bool
) -> bool:
    """Whether a hedge/denial covers the fact: unscoped, or the fact's mentions in its clause.

    A relation needs both its ends in the clause ("X is believed to be part of Y, which Z
    founded" hedges X-Y, not Z-Y); an event or estimate needs one of its entities. A fact
    whose entities are not named in the segment (a pronoun, an "its") is covered.
    """
    if not anchors:
        return False
    if not roots or None in anchors:
        return True
    described = _described_within(view, roots) if every else None
    test = all if every else any
    return any(
        test(view.in_scope(a, r) for r in roots)
        and (described is None or a in view.subtree(described))
        for a in anchors
        if a is not None
    )


MODALS = frozenset({"could", "might", "may"})
"""Modals that make a number a guess ("the number could be in the hundreds of thousands")."""


def modal_number(view: DocView, count: int) -> bool:
    """Whether a verb whose clause holds the number ``count`` is under a modal of
    possibility: an estimate given as what could be, not as what is."""
    i, steps = count, 0
    while view.head[i] != i and steps < 16:
        if view.dep[i] in view.boundaries:
            return False
        i, steps = view.head[i], steps + 1
        if view.pos[i] in ("VERB", "AUX") and any(
            view.dep[c] == "aux" and view.lower[c] in MODALS for c in view.children(i)
        ):
            return True
    return False


def _described_within(view: DocView, roots: list[int]) -> int | None:
    """The head of the noun phrase a relation only describes, else None: a name with the
    other end as its modifier ("Tajik national X", "the group's leader, X"), or a title
    with an unnamed owner and the name beside it ("its leader, X"). A hedge or denial of
    the clause around such a phrase is about something else."""
    for head in {_phrase_head(view, r) for r in roots}:
        phrase = view.subtree(head)
        if not all(r in phrase for r in roots):
            continue
        direct = sum(_phrase_head(view, r) == head for r in roots)
        owned = any(view.dep[c] == "poss" and view.pos[c] == "PRON" for c in view.children(head))
        if direct > 1 or (owned and head not in roots):
            return head
    return None


def _phrase_head(view: DocView, i: int) -> int:
    steps = 0
    while view.dep[i] in NOMINAL_DEPS and view.head[i] != i and steps < 16:
        i, steps = view.head[i], steps + 1
    return i


def mention_tokens(seg: Segment) -> set[int]:
    return {i for m in seg.mentions for i in range(m.start, m.end)}


def describes_source(view: DocView, source_root: int | None, roots: list[int]) -> bool:
    """Whether a relation only describes the speaker ("Taliban spokesman X said", "said X,
    an analyst from Tashkent"): the writer's words, not the speaker's claim."""
    if source_root is None or not roots:
        return False
    top = source_root
    if view.doc.lang_ != "en":
        # "представитель движения Талибан Забихулла Муджахид": the name is in apposition
        # to the title that carries the rest of the description
        while view.dep[top] in ("appos", "flat:name") and view.head[top] != top:
            top = view.head[top]
    elif view.dep[top] == "appos" and view.pos[view.head[top]] == "NOUN":
        top = view.head[top]  # "said Taliban commander, X": the title describes X
    phrase = set(view.subtree(top))
    return all(r in phrase for r in roots)


def depth(view: DocView, i: int) -> int:
    """How many heads lie above token ``i`` (the sentence root has depth 0)."""
    depth = 0
    while view.head[i] != i and depth < 64:
        i = view.head[i]
        depth += 1
    return depth


def fact_segment(fact: object, segs: list[Segment]) -> int:
    """The segment that names most of the fact's entities (the last one if none does)."""
    if len(segs) == 1:
        return 0
    ids = set(fact_ids(fact))
    counts = [sum(m.id in ids for m in seg.mentions) for seg in segs]
    best = max(counts)
    return counts.index(best) if best else len(segs) - 1


def mentions_under(view: DocView, node: int, by_token: dict[int, Ment]) -> list[Ment]:
    """The mentions in a token's subtree, in text order."""
    return [by_token[t] for t in view.subtree(node) if t in by_token]


def verb_speaker(view: DocView, verb: int, by_token: dict[int, Ment]) -> Ment | None:
    """The mention in the reporting verb's active subject or "by" agent (a person first).

    The passive subject is what is spoken of, not who speaks ("X is said to lead"). A
    participle with no subject of its own speaks for the subject of the clause it hangs on
    ("X pointed to the figures, saying ...").
    """
    found: list[Ment] = []
    for child in view.children(verb):
        if view.dep[child] in SPEAKER_DEPS:
            inset = _inset_speaker(view, verb, child)
            found.extend(mentions_under(view, inset if inset is not None else child, by_token))
    if not found and subjectless_participle(view, verb):
        head = view.head[verb]
        for child in view.children(head):
            if view.dep[child] == "nsubj":
                found.extend(mentions_under(view, child, by_token))
    if not found and view.doc.lang_ != "en":
        # "сообщили в МВД": a subjectless report names the body it came from
        found = [
            by_token[child]
            for child in view.children(verb)
            if child in by_token
            and view.dep[child] == "obl"
            and any(view.dep[c] == "case" and view.lemma[c] == "в" for c in view.children(child))
            and by_token[child].type in ("organization", "state", "group")
        ]
    if not found:
        return None
    return min(found, key=lambda m: (PREFERENCE.get(m.type, 9), m.start))


def _inset_speaker(view: DocView, verb: int, subject: int) -> int | None:
    """ "X, the ministry said, was involved ...": the parse often makes X the subject of
    "said" with the ministry in apposition; a phrase set off by a comma before it and
    running up to the verb, with a comma after the verb, is the one that speaks."""
    if view.doc.lang_ != "en" or verb + 1 >= len(view.lower) or view.lower[verb + 1] != ",":
        return None
    for child in view.children(subject):
        if view.dep[child] != "appos":
            continue
        phrase = view.subtree(child)
        if max(phrase) == verb - 1 and view.lower[min(phrase) - 1] == ",":
            return child
    return None


def subjectless_participle(view: DocView, verb: int) -> bool:
    """ "..., saying", "..., adding that": an English -ing form hung on another clause,
    with no subject of its own."""
    return (
        view.doc.lang_ == "en"
        and view.tag[verb] == "VBG"
        and view.dep[verb] in PARTICIPLE_DEPS
        and view.head[verb] != verb
        and not any(view.dep[c] in ("nsubj", "nsubjpass") for c in view.children(verb))
    )


def pronoun_subject(view: DocView, verb: int) -> bool:
    return any(
        view.dep[c] == "nsubj" and view.lower[c] in SUBJECT_PRONOUNS for c in view.children(verb)
    )
