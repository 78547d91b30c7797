"""The ``oxus_estimates`` component: numbers that may size a group, a force or a caseload.

For each quantity it decides what is counted (the measure, from the counted noun or the
verb the count depends on, ``patterns/measures.yaml``) and when (a date in the sentence,
else publication), and proposes every entity the count may size: the subject the rules
choose (:mod:`oxus.nlp.estimates.subjects`) and the other groups, organisations, states
and places of the sentence or just before it, each with how the parse ties it to the
count. The decoder's scorer picks. Casualties are left to events; attribution and
hedging are filled in by ``oxus_attribution``.
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from oxus.model import SCORED_MEASURES, Estimate, Measure, Qualifier
from oxus.nlp import extensions
from oxus.nlp.candidates import Candidate, doc_candidates, mark_language
from oxus.nlp.clauses import evidence_for
from oxus.nlp.estimates.features import count_context, estimate_features, mark_features
from oxus.nlp.estimates.marks import subject_marks
from oxus.nlp.estimates.options import (
    IN_SENTENCE,
    Offer,
    count_offers,
    document_leaders,
    measure_options,
    spec_choice,
    subject_options,
)
from oxus.nlp.estimates.options import rule_subjects as allowed_subjects
from oxus.nlp.estimates.subjects import Subject, find_subjects, lexicon_word, subject_ties
from oxus.nlp.numbers.parse import load_lexicon
from oxus.nlp.numbers.quantities import casualty_key, find_quantities, unit_token

__all__ = ["EstimatesComponent", "estimate_candidates", "measure_of"]


@cache
def _noun_measures(lang: str = "en") -> dict[str, Measure]:
    lex = load_lexicon("measures", lang)["measures"]
    return {str(w): Measure(m) for m, spec in lex.items() for w in spec.get("nouns", [])}


@cache
def _verb_measures(lang: str = "en") -> dict[str, Measure]:
    lex = load_lexicon("measures", lang)["measures"]
    return {str(w): Measure(m) for m, spec in lex.items() for w in spec.get("verbs", [])}


@cache
def _people(lang: str = "en") -> frozenset[str]:
    return frozenset(str(w) for w in load_lexicon("measures", lang)["people"])


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
    if span.doc.lang_ == "ru":
        return _russian_counted_noun(span)
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


def _russian_counted_noun(span: Span) -> Token | None:
    """The noun a Russian quantity counts: after it ("300 боевиков"), else the genitive
    after "число"/"численность" before it ("число задержанных достигло 20")."""
    # Imported here: the Russian models' modules are loaded only for Russian text.
    from oxus.nlp.lang.ru.quantities import counted_noun as russian_counted_noun

    if span._.quantity.percent:
        return None
    noun = russian_counted_noun(span)
    if noun is not None:
        return noun
    via = frozenset(load_lexicon("measures", "ru")["counted_via"])
    doc = span.doc
    for token in reversed(doc[span.sent.start : span.start]):
        if token.lemma_ not in via:
            continue
        for owner in token.children:
            if owner.dep_ == "nmod" and owner.lemma_ in _noun_measures("ru"):
                return owner
        return token if token.lemma_ in _noun_measures("ru") else None
    return None


def _counts_people(noun: Token | None) -> bool:
    """Whether the counted noun (if any) names people: "detained members of two cells"
    counts cells, not detainees."""
    if noun is None:
        return True
    lang = noun.doc.lang_
    return lexicon_word(noun) in _noun_measures(lang) or lexicon_word(noun) in _people(lang)


def measure_of(span: Span) -> tuple[Measure | None, Token | None]:
    """What a quantity span counts, and the noun that says so (None: not an estimate)."""
    quantity = span._.quantity
    lang = span.doc.lang_
    key = casualty_key(span)
    if key in {"killed", "wounded", "participants"}:
        return None, None
    noun = _counted_noun(span)
    verb = _governing_verb(span)
    verb_measure = None
    if verb is not None:
        verbs = _verb_measures(lang)
        # "tried to escape": the verb's complement says what happened to those counted.
        for candidate in [verb, *(c for c in verb.children if c.dep_ == "xcomp")]:
            verb_measure = verbs.get(candidate.lower_) or verbs.get(candidate.lemma_.lower())
            if verb_measure is not None:
                break
    if key == "arrested" and _counts_people(noun):
        return Measure.ARRESTS, noun
    if (
        verb_measure is not None
        and verb_measure.value in load_lexicon("measures", lang)["verb_first"]
        and _counts_people(noun)
    ):
        return verb_measure, noun
    if quantity.money or (quantity.percent and quantity.qualifier != Qualifier.CHANGE):
        return Measure.OTHER, noun
    noun_measure = _noun_measures(lang).get(lexicon_word(noun)) if noun is not None else None
    if noun_measure is not None:
        return noun_measure, noun
    people_counted = noun is not None and lexicon_word(noun) in _people(lang)
    # "opened fire on 4,000 protesters": people are not cases ("opened 20 cases").
    verb_counts_them = not (people_counted and verb_measure == Measure.CASES)
    if verb_measure is not None and (noun is None or people_counted) and verb_counts_them:
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


def estimate_candidates(doc: Doc) -> list[Candidate[Estimate]]:
    """Every (quantity, measure, subject) the Doc may state, with features; estimates of
    unscored measures (trade volumes, distances) come from the rules alone."""
    if extensions.QUANTITIES in doc.spans:
        quantities = list(doc.spans[extensions.QUANTITIES])
    else:
        quantities = find_quantities(doc)
    index_of = {s.start: i for i, s in enumerate(doc.sents)}
    strings = extensions.token_strings(doc)
    home = document_leaders(doc)
    out: list[Candidate[Estimate]] = []
    previous: Estimate | None = None
    for span in quantities:
        quantity = span._.quantity
        if quantity is None:
            continue
        rule_measure, noun = measure_of(span)
        sentence_index = index_of[span.sent.start]
        chosen: list[Subject] = []
        if (
            quantity.qualifier == Qualifier.CHANGE
            and noun is None
            and previous is not None
            and previous.evidence.sentence_index == sentence_index - 1
        ):
            # "This marked a 20% increase": the change of the figure just given.
            rule_measure, chosen = previous.measure, [Subject(previous.subject, 0.4)]
        people = _counts_people(noun) and not quantity.money and not quantity.percent
        people = people and casualty_key(span) not in {"killed", "wounded", "participants"}
        evidence = evidence_for(span.sent, sentence_index)
        as_of = _as_of(span)
        context = count_context(span, strings)
        ties = subject_ties(span, noun)
        marks, unnamed_group = subject_marks(span, ties)
        examples = frozenset(e for e, m in marks.items() if "example" in m)
        offers: list[Offer] | None = None  # read once, for the first scored measure
        for measure, from_rules in measure_options(rule_measure, noun, people):
            small = _too_small(measure, quantity.low, quantity.qualifier)
            found = (chosen or find_subjects(span, measure, ties, examples)) if from_rules else []
            rule_subjects = allowed_subjects(doc, measure, found)
            rule_ids = {s.entity_id for s in rule_subjects}
            if measure in SCORED_MEASURES:
                if offers is None:
                    offers = count_offers(span, ties, home)
                options = subject_options(offers, measure, rule_subjects)
            else:
                options = [(s.entity_id, "", "rule") for s in rule_subjects]
            rivals = {type_ for _, type_, tie in options if tie.rstrip(">") in IN_SENTENCE}
            # A change ("a 20% increase") is of the figure just given, whoever it sizes.
            preferred = chosen[0].entity_id if chosen else spec_choice(measure, options, marks)
            for entity_id, type_, tie in options:
                estimate = Estimate(
                    subject=entity_id,
                    measure=measure,
                    qualifier=quantity.qualifier,
                    evidence=evidence,
                    low=quantity.low,
                    high=quantity.high,
                    as_of=as_of,
                )
                rule_choice = entity_id in rule_ids and not small
                features = estimate_features(
                    span,
                    estimate,
                    strings,
                    noun=noun,
                    subject_type=type_,
                    tie=tie,
                    rule_choice=rule_choice,
                    rule_measure=from_rules,
                    too_small=small,
                    headline=sentence_index == 0,
                    context=context,
                )
                features.update(
                    mark_features(
                        measure.value, type_, tie, marks.get(entity_id, set()), unnamed_group
                    )
                )
                for other in rivals - {type_}:
                    features[f"{measure.value}|{type_}|beside|{other}"] = 1.0
                if entity_id == preferred:
                    features[f"{measure.value}|spec"] = 1.0
                    features["*|spec"] = 1.0
                key = (str(span.start), measure.value, entity_id)
                out.append(Candidate(estimate, features, key, count=span.root.i))
                if rule_choice:
                    previous = estimate
    return out


class EstimatesComponent:
    """Leaves estimate candidates on the Doc for the decoder."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        found = estimate_candidates(doc)
        mark_language(found, doc.lang_)
        doc_candidates(doc).estimates.extend(found)
        return doc


@Language.factory(
    "oxus_estimates",
    assigns=["doc._.estimates"],
    requires=["doc.spans", "token.dep"],
    default_config={},
)
def make_estimates(nlp: Language, name: str) -> EstimatesComponent:
    return EstimatesComponent(nlp, name)
