"""What a count may be: the measures it may count and the entities it may size.

The rules give one reading (the measure from the counted noun or verb, the subject the
parse ties closest); a count of people the rules cannot place ("13 men convicted",
"a network of 21 extremists") may count arrests, members, fighters, cases or refugees,
and its subject may be any group, organisation, state or place of the sentence, the
state a place of the sentence lies in, a region the counted come from ("fighters from
Central Asia"), a state named by a demonym ("Uzbek police"), the group an earlier
sentence names or the next one does, or the state or group the document is mostly
about.
The scorer chooses among them; the facts format's subject rule marks its own pick
(:func:`spec_choice`), reading the sentence's cues about each option
(:mod:`oxus.nlp.estimates.marks`).
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from spacy.tokens import Doc, Span, Token

from oxus.model import SCORED_MEASURES, Measure
from oxus.nlp import extensions
from oxus.nlp.estimates.subjects import (
    Subject,
    Ties,
    mentions_between,
    named_next,
    resolve_back,
)
from oxus.nlp.numbers.parse import load_lexicon
from oxus.nlp.relations.nationality import demonym_state
from oxus.nlp.states import state_id, state_of_entity
from oxus.nlp.tokenview import token_view

SUBJECT_TYPES = ("group", "organization", "state", "place", "person")
SCORED_SUBJECTS = {
    Measure.FIGHTERS: frozenset({"group", "state"}),
    Measure.MEMBERS: frozenset({"group", "state"}),
    Measure.ARRESTS: frozenset({"group", "state"}),
    Measure.CASES: frozenset({"group", "state"}),
    Measure.REFUGEES: frozenset({"state"}),
}
"""Who a scored count may size (facts format): the group counted, else a state (of
origin, of the authorities that acted, or fled from); never a court, agency or city."""
REGION_ORIGINS = frozenset({Measure.FIGHTERS, Measure.MEMBERS})
"""Measures a count may break down by a region of origin that lies in no one state."""
TIE_RANK = {"phrase": 0, "chain": 1, "present": 2, "agency": 2, "located": 3, "demonym": 3}
TIE_RANK |= {"earlier": 4, "next": 5, "document": 5, "rule": 6}
"""How closely the text ties an entity to a count, closest first."""
IN_SENTENCE = frozenset({"phrase", "chain", "present", "agency", "located", "demonym"})
"""Ties of entities named in the count's own sentence: a group named there beside a state
is who the arrested belong to ("ICE arrested eight ... with ties to the Islamic State")."""

_CHARGED = (Measure.ARRESTS, Measure.CASES)
"""Measures a count of people charged may have either of."""

Option = tuple[str, str, str]
"""(entity id, entity type, tie)."""


@cache
def _demonyms(lang: str = "en") -> dict[str, str]:
    table = load_lexicon("demonyms", lang)["demonyms"]
    return {d: state for state, words in table.items() for d in words}


@cache
def measure_cues(lang: str = "en") -> dict[str, frozenset[str]]:
    """{word: measures its presence near a count suggests}, from the measures lexicon."""
    found: dict[str, set[str]] = {}
    for measure, spec in load_lexicon("measures", lang)["measures"].items():
        for word in [*spec.get("nouns", []), *spec.get("verbs", [])]:
            found.setdefault(str(word).lower(), set()).add(measure)
    return {word: frozenset(measures) for word, measures in found.items()}


def measure_options(
    measure: Measure | None, noun: Token | None, counts_people: bool
) -> list[tuple[Measure, bool]]:
    """(measure, from the rules) for each measure the count may have."""
    options: list[tuple[Measure, bool]] = []
    if measure is not None:
        options.append((measure, True))
    if counts_people and (measure is None or measure == Measure.OTHER):
        # People are cases only when charged ("27 people are accused"), which a verb says.
        named = noun is not None
        options += [
            (m, False)
            for m in SCORED_MEASURES
            if m != measure and not (named and m == Measure.CASES)
        ]
    elif counts_people and measure in _CHARGED:
        # "27 people are accused": arrests or criminal cases, the reports differ.
        options += [(m, False) for m in _CHARGED if m != measure]
    return options


def document_leaders(doc: Doc) -> dict[str, str]:
    """The state and the group the document names most often: its country (for counts
    of arrests) and the group its story is about (whom the arrested belong to)."""
    counts: dict[str, Counter[str]] = {"state": Counter(), "group": Counter()}
    states: dict[str, str | None] = {}
    for mention in doc.spans.get(extensions.MENTIONS, []):
        entity_id = mention.kb_id_
        if not entity_id:
            continue
        if mention.label_ in counts:
            counts[mention.label_][entity_id] += 1
        elif mention.label_ in ("place", "organization"):
            # A city, a region or a ministry of a state: the story happens there.
            if entity_id not in states:
                states[entity_id] = state_of_entity(doc, entity_id)
            state = states[entity_id]
            if state is not None:
                counts["state"][state] += 1
    return {t: c.most_common(1)[0][0] for t, c in counts.items() if c}


Offer = tuple[str, str, str, bool]
"""(entity id, type, tie, whether it is a region of origin) an option may come from."""


def count_offers(span: Span, ties: Ties, home: dict[str, str]) -> list[Offer]:
    """Every entity a count may size, whatever it counts, each with how it is tied, in
    the order :func:`subject_options` weighs them (read once per count: a count is read
    for several measures)."""
    doc = span.doc
    sentence = span.sent
    phrase, chain = ties
    offers: list[Offer] = []

    def distance(mention: Span) -> int:
        return min(abs(mention.start - span.end), abs(span.start - mention.end))

    # Nearest first: among options tied alike, the facts format's rule takes the closest.
    for mention in sorted(mentions_between(doc, sentence.start, sentence.end), key=distance):
        if not mention.kb_id_:
            continue
        if mention.label_ not in SUBJECT_TYPES:
            continue
        tokens = set(range(mention.start, mention.end))
        tie = "phrase" if tokens & phrase else "chain" if tokens & chain else "present"
        offers.append(
            (mention.kb_id_, mention.label_, tie + (">" if mention.start > span.end else ""), False)
        )
        if mention.label_ in ("place", "organization"):
            state = state_of_entity(doc, mention.kb_id_)
            if state is not None:
                tie_ = "located" if mention.label_ == "place" else "agency"
                offers.append((state, "state", tie_, False))
            elif tie == "phrase" and mention.label_ == "place":
                # "several hundred fighters from Central Asia": a region of origin.
                offers.append((mention.kb_id_, "region", tie, True))
    view = token_view(doc)
    english = doc.lang_ == "en"
    for i in range(sentence.start, sentence.end):
        text = view.words[i]
        if english and text[:1].isupper():
            name = demonym_state(text, _demonyms())
        elif not english:
            name = _demonyms(doc.lang_).get(view.lemma[i])  # "таджикские", "узбеков"
        else:
            continue
        state = state_id(name) if name else None
        if state is not None:
            offers.append((state, "state", "demonym", False))
    types = [t for t in SUBJECT_TYPES if t != "person"]
    for mention in resolve_back(span, sentence.start, types, count=2):
        offers.append((mention.kb_id_, mention.label_, "earlier", False))
    for mention in named_next(span, ["group"]):
        offers.append((mention.kb_id_, mention.label_, "next", False))
    for type_, entity_id in home.items():
        offers.append((entity_id, type_, "document", False))
    return offers


def subject_options(offers: list[Offer], measure: Measure, chosen: list[Subject]) -> list[Option]:
    """The entities a count of ``measure`` may size (of ``offers``:
    :func:`count_offers`, and the rules' ``chosen``), each with its closest tie."""
    allowed = SCORED_SUBJECTS.get(measure, frozenset(SUBJECT_TYPES))
    options: dict[str, Option] = {}

    def offer(entity_id: str, type_: str, tie: str) -> None:
        if type_ not in allowed:
            return
        current = options.get(entity_id)
        if current is None or TIE_RANK[tie.rstrip(">")] < TIE_RANK[current[2].rstrip(">")]:
            options[entity_id] = (entity_id, type_, tie)

    for entity_id, type_, tie, region in offers:
        if not region:
            offer(entity_id, type_, tie)
        elif measure in REGION_ORIGINS:
            options.setdefault(entity_id, (entity_id, type_, tie))
    for subject in chosen:
        offer(subject.entity_id, subject.entity_id.split(":", 1)[0], "rule")
    return list(options.values())


def rule_subjects(doc: Doc, measure: Measure, chosen: list[Subject]) -> list[Subject]:
    """The rules' subjects, within what the measure allows: an agency or a city that made
    arrests stands for its state ("ICE arrested" - the United States)."""
    allowed = SCORED_SUBJECTS.get(measure)
    if allowed is None:
        return chosen
    out: list[Subject] = []
    for subject in chosen:
        type_ = subject.entity_id.split(":", 1)[0]
        entity_id: str | None = subject.entity_id
        if type_ not in allowed:
            entity_id = state_of_entity(doc, subject.entity_id) if "state" in allowed else None
        if entity_id is not None and all(s.entity_id != entity_id for s in out):
            out.append(Subject(entity_id, subject.confidence))
    return out


SPEC_ORDER: dict[Measure, tuple[tuple[str, tuple[str, ...]], ...]] = {
    Measure.ARRESTS: (
        ("group", ("phrase", "chain", "present")),
        ("state", ("agency", "demonym", "chain", "located", "present", "document", "phrase")),
    ),
    Measure.CASES: (
        ("group", ("phrase", "chain", "present")),
        ("state", ("agency", "demonym", "chain", "located", "present", "document", "phrase")),
    ),
    Measure.FIGHTERS: (
        ("group", ("phrase", "chain", "present", "earlier")),
        ("state", ("phrase", "demonym")),
    ),
    Measure.MEMBERS: (
        ("group", ("phrase", "chain", "present", "earlier")),
        ("state", ("phrase", "demonym")),
    ),
    Measure.REFUGEES: (("state", ("demonym", "phrase", "present", "located")),),
}
"""The facts format's subject rule as an order of preference: for arrests and cases the
group the arrested belong to where the sentence names one, else the state whose
authorities acted; for fighters and members the group, else the state of origin; for
refugees the state they fled."""


def spec_choice(
    measure: Measure,
    options: list[Option],
    marks: dict[str, set[str]],
) -> str | None:
    """The option the facts format's subject rule picks, if any. For arrests and cases a
    group named only as an example, or a state the arrested come from, is passed over;
    an entity tied several ways counts by each of its ties."""
    charged = measure in _CHARGED
    if measure in REGION_ORIGINS or measure == Measure.REFUGEES:
        # "up to 2,000 from Tajikistan": a count broken down by origin sizes the origin;
        # refugees are counted by the state they fled.
        for entity_id, option_type, _ in options:
            if option_type in ("state", "region") and "origin" in marks.get(entity_id, ()):
                return entity_id
    for type_, ties in SPEC_ORDER.get(measure, ()):
        for tie in ties:
            for entity_id, option_type, option_tie in options:
                own = marks.get(entity_id, set())
                if option_type != type_ or (charged and own & {"example", "origin"}):
                    continue
                if option_tie.rstrip(">") == tie or (tie == "chain" and "chain" in own):
                    return entity_id
    return None
