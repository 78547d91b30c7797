"""The ``oxus_estimates`` component: numbers that size a group, a force or a caseload.

For each quantity it decides what is counted (the measure, from the counted noun or the
verb the count depends on, ``patterns/measures.yaml``), whom it sizes
(:mod:`oxus.nlp.estimates.subjects`), and when (a date in the sentence, else publication).
Casualties are left to events; attribution and hedging are filled in later by
``oxus_attribution``.
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from oxus.model import SCORED_MEASURES, Estimate, Measure, Qualifier
from oxus.nlp import extensions
from oxus.nlp.clauses import evidence_for
from oxus.nlp.estimates.subjects import Subject, find_subjects
from oxus.nlp.numbers.parse import load_lexicon
from oxus.nlp.numbers.quantities import casualty_key, find_quantities, unit_token

__all__ = ["EstimatesComponent", "find_estimates", "measure_of"]


@cache
def _noun_measures() -> dict[str, Measure]:
    lex = load_lexicon("measures")["measures"]
    return {str(w): Measure(m) for m, spec in lex.items() for w in spec.get("nouns", [])}


@cache
def _verb_measures() -> dict[str, Measure]:
    lex = load_lexicon("measures")["measures"]
    return {str(w): Measure(m) for m, spec in lex.items() for w in spec.get("verbs", [])}


def _governing_verb(span: Span) -> Token | None:
    node = span.root
    for _ in range(6):
        if node.pos_ in {"VERB", "AUX"} and node.i not in range(span.start, span.end):
            return node
        if node.head is node:
            return None
        node = node.head
    return None


def _counted_noun(span: Span) -> Token | None:
    """The noun a quantity counts: next to it, or named by "the number of X" before it."""
    unit = None if span._.quantity.percent else unit_token(span)
    if unit is not None:
        return unit
    lex = load_lexicon("measures")
    doc = span.doc
    sentence = span.sent
    for token in reversed(doc[sentence.start : span.start]):
        if token.lower_ not in lex["counted_via"]:
            continue
        of = token.i + 1
        if of < sentence.end and doc[of].lower_ == "of":
            for noun in doc[of + 1 : min(sentence.end, of + 6)]:
                if noun.lower_ in _noun_measures():
                    return noun
        return token if token.lower_ in _noun_measures() else None
    return None


def _counts_people(noun: Token | None) -> bool:
    """Whether the counted noun (if any) names people: "detained members of two cells"
    counts cells, not detainees."""
    if noun is None or noun.lower_ in _noun_measures():
        return True
    return noun.lower_ in {str(w) for w in load_lexicon("measures")["people"]}


def measure_of(span: Span) -> tuple[Measure | None, Token | None]:
    """What a quantity span counts, and the noun that says so (None: not an estimate)."""
    quantity = span._.quantity
    key = casualty_key(span)
    if key in {"killed", "wounded", "participants"}:
        return None, None
    noun = _counted_noun(span)
    verb = _governing_verb(span)
    verb_measure = None
    if verb is not None:
        verbs = _verb_measures()
        # "tried to escape": the verb's complement says what happened to those counted.
        for candidate in [verb, *(c for c in verb.children if c.dep_ == "xcomp")]:
            verb_measure = verbs.get(candidate.lower_) or verbs.get(candidate.lemma_.lower())
            if verb_measure is not None:
                break
    if key == "arrested" and _counts_people(noun):
        return Measure.ARRESTS, noun
    if (
        verb_measure is not None
        and verb_measure.value in load_lexicon("measures")["verb_first"]
        and _counts_people(noun)
    ):
        return verb_measure, noun
    if quantity.money or (quantity.percent and quantity.qualifier != Qualifier.CHANGE):
        return Measure.OTHER, noun
    noun_measure = _noun_measures().get(noun.lower_) if noun is not None else None
    if noun_measure is not None:
        return noun_measure, noun
    people = {str(w) for w in load_lexicon("measures")["people"]}
    if verb_measure is not None and (noun is None or noun.lower_ in people):
        return verb_measure, noun
    if noun is not None:
        return Measure.OTHER, noun
    return None, None


def _too_small(measure: Measure, low: float | None, qualifier: Qualifier) -> bool:
    """ "two militants" names individuals; it does not size a force."""
    minimum = load_lexicon("measures")["min_size"].get(measure.value)
    exactish = qualifier in {Qualifier.EXACT, Qualifier.ABOUT}
    return minimum is not None and exactish and low is not None and low < minimum


def _as_of(span: Span) -> str | None:
    doc = span.doc
    dates = list(doc.spans[extensions.DATES]) if extensions.DATES in doc.spans else []
    best: tuple[int, str] | None = None
    for date in dates:
        if date.label_ == "since" or not (span.sent.start <= date.start < span.sent.end):
            continue
        distance = min(abs(date.start - span.end), abs(span.start - date.end))
        if best is None or distance < best[0]:
            best = (distance, date._.date)
    return best[1] if best else doc._.published


def find_estimates(doc: Doc) -> list[Estimate]:
    """Every estimate a Doc states, one per (subject, quantity)."""
    if extensions.QUANTITIES in doc.spans:
        quantities = list(doc.spans[extensions.QUANTITIES])
    else:
        quantities = find_quantities(doc)
    index_of = {s.start: i for i, s in enumerate(doc.sents)}
    estimates: list[Estimate] = []
    seen: set[tuple] = set()
    for span in quantities:
        quantity = span._.quantity
        if quantity is None:
            continue
        measure, noun = measure_of(span)
        sentence_index = index_of[span.sent.start]
        subjects: list[Subject] = []
        if quantity.qualifier == Qualifier.CHANGE and noun is None and estimates:
            # "This marked a 20% increase": the change of the figure just given.
            last = estimates[-1]
            if last.evidence.sentence_index == sentence_index - 1:
                measure, subjects = last.measure, [Subject(last.subject, 0.4)]
        if measure is None or _too_small(measure, quantity.low, quantity.qualifier):
            continue
        subjects = subjects or find_subjects(span, measure, noun)
        sentence = span.sent
        evidence = evidence_for(sentence, sentence_index)
        for subject in subjects:
            key = (subject.entity_id, measure, quantity.low, quantity.high, evidence.start)
            if key in seen:
                continue
            seen.add(key)
            estimates.append(
                Estimate(
                    subject=subject.entity_id,
                    measure=measure,
                    qualifier=quantity.qualifier,
                    evidence=evidence,
                    low=quantity.low,
                    high=quantity.high,
                    as_of=_as_of(span),
                    confidence=subject.confidence if measure in SCORED_MEASURES else 0.3,
                )
            )
    return estimates


class EstimatesComponent:
    """Appends :class:`~oxus.model.Estimate` objects to ``doc._.estimates``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        extensions.doc_list(doc, "estimates").extend(find_estimates(doc))
        return doc


@Language.factory(
    "oxus_estimates",
    assigns=["doc._.estimates"],
    requires=["doc.spans", "token.dep"],
    default_config={},
)
def make_estimates(nlp: Language, name: str) -> EstimatesComponent:
    return EstimatesComponent(nlp, name)
