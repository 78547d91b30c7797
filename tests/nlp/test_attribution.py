"""oxus_attribution on hand-made sentences: sources, hedges, denials, statements."""

from __future__ import annotations

import pytest

from oxus.model import Event, EventType, Polarity, Predicate, Relation
from oxus.nlp.attribution.component import Attributor
from oxus.nlp.candidates import doc_candidates
from oxus.nlp.clauses import evidence_for
from oxus.nlp.events.component import EventExtractor
from oxus.nlp.relations.component import RelationExtractor
from tests.nlp.fact_docs import eid, make_doc, rules_only

G, P, ORG, S, L = "group", "person", "organization", "state", "place"


@pytest.fixture(scope="module")
def run(nlp):
    relations, events, attribution = RelationExtractor(), EventExtractor(), Attributor()
    decode = rules_only()

    def _run(text, mentions):
        return decode(attribution(events(relations(make_doc(nlp, text, mentions)))))

    return _run


MENTIONS = {
    "Crescent Front": G,
    "Mountain Brigade": G,
    "Timur Bekov": P,
    "Border Service": ORG,
    "Kunduz": L,
    "Kazakhstan": S,
}


def only_relation(doc):
    assert len(doc._.relations) == 1, doc._.relations
    return doc._.relations[0]


def based_in_sources(doc):
    """Who each extracted ``based_in`` relation is credited to."""
    return [r.asserted_by for r in doc._.relations if r.predicate == Predicate.BASED_IN]


def test_according_to(run):
    rel = only_relation(
        run("According to Timur Bekov, the Crescent Front is based in Kunduz.", MENTIONS)
    )
    assert rel.asserted_by == eid(P, "Timur Bekov")
    assert not rel.hedged
    assert rel.polarity == Polarity.AFFIRMED


def test_a_title_stands_for_the_one_named_before(run):
    doc = run(
        "Timur Bekov spoke to reporters in Kunduz. "
        "According to the official, the Crescent Front is based in Kunduz.",
        MENTIONS,
    )
    assert based_in_sources(doc) == [eid(P, "Timur Bekov")]


def test_unattributed_fact_has_no_source(run):
    rel = only_relation(run("The Crescent Front is based in Kunduz.", MENTIONS))
    assert rel.asserted_by is None
    assert not rel.hedged


def test_hedges(run):
    rel = only_relation(run("The Crescent Front is reportedly based in Kunduz.", MENTIONS))
    assert rel.hedged
    rel = only_relation(run("The Crescent Front is said to be based in Kunduz.", MENTIONS))
    assert rel.hedged


def test_modal_is_not_a_hedge(run):
    rel = only_relation(run("The Crescent Front, which may grow, is based in Kunduz.", MENTIONS))
    assert not rel.hedged


def test_denial(run):
    doc = run("The Mountain Brigade denied that it fought alongside the Crescent Front.", MENTIONS)
    rel = only_relation(doc)
    assert rel.polarity == Polarity.DENIED
    assert rel.asserted_by == eid(G, "Mountain Brigade")


def test_carry_over_for_pronoun_source(run):
    doc = run(
        "Timur Bekov spoke to reporters on Monday. "
        "According to him, the Crescent Front is based in Kunduz.",
        MENTIONS,
    )
    rel = only_relation(doc)
    assert rel.asserted_by == eid(P, "Timur Bekov")


def test_statement_speaker_is_agent_and_source(run):
    doc = run("The Crescent Front threatened Kazakhstan on Friday.", MENTIONS)
    statement = next(e for e in doc._.events if e.type == EventType.STATEMENT)
    assert statement.agents == [eid(G, "Crescent Front")]
    assert statement.asserted_by == eid(G, "Crescent Front")


def test_a_claimed_attack_is_vouched_for_by_the_claimant(run):
    doc = run(
        "The Crescent Front grew in Kunduz. The group claimed responsibility for the attack "
        "on a police station in Kunduz that killed 12 people.",
        MENTIONS,
    )
    attack = next(e for e in doc._.events if e.type == EventType.ATTACK)
    assert attack.asserted_by == eid(G, "Crescent Front")
    statement = next(e for e in doc._.events if e.type == EventType.STATEMENT)
    assert statement.agents == [eid(G, "Crescent Front")]


def test_a_claim_made_in_a_participle_is_vouched_for_by_its_subject(run):
    doc = run(
        "The Crescent Front released a video on Monday, claiming responsibility for the "
        "attack on a police station in Kunduz that killed 12 people.",
        MENTIONS,
    )
    attack = next(e for e in doc._.events if e.type == EventType.ATTACK)
    assert attack.asserted_by == eid(G, "Crescent Front")


# Rules checked on hand-placed facts: only the attribution component runs.

MORE = {**MENTIONS, "Interfax": ORG}


@pytest.fixture(scope="module")
def stamp(nlp):
    attribution = Attributor()

    def _stamp(text, facts, mentions=MORE):
        doc = make_doc(nlp, text, mentions)
        sents = list(doc.sents)
        built = [make(sents) for make in facts]
        doc._.relations = [f for f in built if isinstance(f, Relation)]
        doc._.events = [f for f in built if isinstance(f, Event)]
        doc._.estimates = []
        attribution(doc)
        return built

    return _stamp


def rel(subject, predicate, obj, *, sentence=-1):
    def make(sents):
        sent = sents[sentence]
        index = sentence % len(sents)
        return Relation(eid(*subject), Predicate(predicate), eid(*obj), evidence_for(sent, index))

    return make


def statement(agent, *, sentence=-1):
    def make(sents):
        index = sentence % len(sents)
        return Event(
            EventType.STATEMENT, evidence_for(sents[sentence], index), agents=[eid(*agent)]
        )

    return make


CF, MB, TB = (G, "Crescent Front"), (G, "Mountain Brigade"), (P, "Timur Bekov")
BS, KZ, KU, IF = (ORG, "Border Service"), (S, "Kazakhstan"), (L, "Kunduz"), (ORG, "Interfax")


@pytest.mark.parametrize(
    "text",
    [
        "The Crescent Front is based in Kunduz, the Border Service said, Interfax reported.",
        "Interfax reported that the Border Service said the Crescent Front is based in Kunduz.",
    ],
)
def test_nested_reports_credit_the_inner_speaker(stamp, text):
    (fact,) = stamp(text, [rel(CF, "based_in", KU)])
    assert fact.asserted_by == eid(*BS)


def test_single_outlet_is_the_source(stamp):
    (fact,) = stamp(
        "Interfax reported that the Crescent Front is based in Kunduz.", [rel(CF, "based_in", KU)]
    )
    assert fact.asserted_by == eid(*IF)


def test_passive_said_hedges_without_a_speaker(stamp):
    (fact,) = stamp("Timur Bekov is said to lead the Crescent Front.", [rel(TB, "leader_of", CF)])
    assert fact.hedged
    assert fact.asserted_by is None


def test_claims_to_names_the_claimant_without_hedging(stamp):
    (fact,) = stamp("Timur Bekov claims to lead the Crescent Front.", [rel(TB, "leader_of", CF)])
    assert not fact.hedged
    assert fact.asserted_by == eid(*TB)


def test_hedge_stops_at_a_relative_clause(stamp):
    text = (
        "The Crescent Front is believed to be a splinter of the Mountain Brigade, "
        "which Timur Bekov founded."
    )
    splinter, leader = stamp(text, [rel(CF, "splinter_of", MB), rel(TB, "leader_of", MB)])
    assert splinter.hedged
    assert not leader.hedged


def test_hedge_stops_at_a_participle_modifier(stamp):
    text = "A video posted by Crescent Front commander Timur Bekov is said to show camps."
    (fact,) = stamp(text, [rel(TB, "leader_of", CF)])
    assert not fact.hedged


def test_heading_line_does_not_hedge_the_body(stamp):
    text = "Crescent Front reportedly grows\nThe Crescent Front is based in Kunduz."
    (fact,) = stamp(text, [rel(CF, "based_in", KU)])
    assert not fact.hedged


def test_wrapped_line_keeps_its_hedge(stamp):
    text = "The Crescent Front is reportedly\nbased in Kunduz."
    (fact,) = stamp(text, [rel(CF, "based_in", KU)])
    assert fact.hedged


def test_denial_stops_at_a_relative_clause(stamp):
    text = (
        "The Mountain Brigade denied that it fought alongside the Crescent Front, "
        "which is based in Kunduz."
    )
    allied, based = stamp(text, [rel(MB, "allied_with", CF), rel(CF, "based_in", KU)])
    assert allied.polarity == Polarity.DENIED
    assert based.polarity == Polarity.AFFIRMED


def test_the_statement_points_back_to_its_issuer(stamp):
    text = (
        "The Border Service said on Monday that ten men were detained. "
        "It gave no names. "
        "According to the statement, the Crescent Front is based in Kunduz."
    )
    (fact,) = stamp(text, [rel(CF, "based_in", KU)])
    assert fact.asserted_by == eid(*BS)


def test_the_statement_without_an_issuer_stays_unattributed(stamp):
    text = "According to the statement, the Crescent Front is based in Kunduz."
    (fact,) = stamp(text, [rel(CF, "based_in", KU)])
    assert fact.asserted_by is None


def test_pronoun_speaker_is_the_person_named_before(stamp):
    text = "Timur Bekov spoke in Kunduz on Monday. He said the Crescent Front is based there."
    (fact,) = stamp(text, [rel(CF, "based_in", KU)])
    assert fact.asserted_by == eid(*TB)


def test_pronoun_speaker_without_antecedent_stays_unattributed(stamp):
    (fact,) = stamp("He said the Crescent Front is based in Kunduz.", [rel(CF, "based_in", KU)])
    assert fact.asserted_by is None


def test_statement_relayed_by_a_speaker_credits_the_speaker(stamp):
    text = "The Border Service said the Crescent Front had threatened Kazakhstan."
    (event,) = stamp(text, [statement(CF)])
    assert event.asserted_by == eid(*BS)


def test_statement_without_speaker_credits_its_agent(stamp):
    (event,) = stamp("The Crescent Front threatened Kazakhstan.", [statement(CF)])
    assert event.asserted_by == eid(*CF)


@pytest.mark.parametrize(
    "text",
    [
        "According to reports, the Crescent Front is based in Kunduz.",
        "Reports suggest that the Crescent Front is based in Kunduz.",
        "Rumours say the Crescent Front is based in Kunduz.",
    ],
)
def test_unnamed_sources_hedge(stamp, text):
    (fact,) = stamp(text, [rel(CF, "based_in", KU)])
    assert fact.hedged
    assert fact.asserted_by is None


@pytest.mark.parametrize(
    "text",
    [
        "According to the Border Service's report, the Crescent Front is based in Kunduz.",
        "A report by the Border Service said the Crescent Front is based in Kunduz.",
        "According to sources on the ground, the Crescent Front is based in Kunduz.",
    ],
)
def test_named_report_does_not_hedge(stamp, text):
    (fact,) = stamp(text, [rel(CF, "based_in", KU)])
    assert not fact.hedged
    assert fact.asserted_by == (eid(*BS) if "Border" in text else None)


@pytest.mark.parametrize(
    "text",
    [
        "Crescent Front commander Timur Bekov said the group would fight on.",
        "The group would fight on, said Timur Bekov, a Crescent Front commander.",
    ],
)
def test_description_of_the_speaker_is_the_writers(stamp, text):
    (fact,) = stamp(text, [rel(TB, "leader_of", CF)])
    assert fact.asserted_by is None


def test_speakers_claim_about_others_stays_his(stamp):
    text = "Timur Bekov said the Crescent Front is based in Kunduz."
    (fact,) = stamp(text, [rel(CF, "based_in", KU)])
    assert fact.asserted_by == eid(*TB)


def test_claiming_responsibility_is_not_reporting(stamp):
    text = "The Mountain Brigade of the Crescent Front claimed responsibility for the attack."
    (fact,) = stamp(text, [rel(MB, "part_of", CF)])
    assert fact.asserted_by is None


def test_claiming_a_fact_is_reporting(stamp):
    text = "The Mountain Brigade claimed that the Crescent Front is based in Kunduz."
    (fact,) = stamp(text, [rel(CF, "based_in", KU)])
    assert fact.asserted_by == eid(*MB)


def test_unnamed_officials_of_a_state_speak_for_it(run):
    rel = only_relation(
        run("Uzbek officials said that the Crescent Front is based in Kunduz.", MENTIONS)
    )
    assert rel.asserted_by == "state:uzbekistan"


def test_unnamed_officials_without_a_state_name_no_source(run):
    rel = only_relation(run("Officials said that the Crescent Front is based in Kunduz.", MENTIONS))
    assert rel.asserted_by is None


WITH_OUTLET = {**MENTIONS, "Frontier News": ORG}


def test_a_title_prefers_the_name_that_holds_it(run):
    doc = run(
        "The Border Service briefed Frontier News on Monday. "
        '"The Crescent Front is based in Kunduz," the service said.',
        WITH_OUTLET,
    )
    assert based_in_sources(doc) == [eid(ORG, "Border Service")]


def test_a_source_the_sentence_points_back_to_is_marked_as_such(run):
    # "The report said" points back to the source named before: the scorer is told so,
    # rather than seeing only a stale source from an earlier sentence
    doc = run(
        "The Border Service said on Monday that the Mountain Brigade had moved. "
        "The report said the Crescent Front is based in Kunduz.",
        MENTIONS,
    )
    cands = [
        c
        for c in doc_candidates(doc).relations
        if c.fact.subject == eid(G, "Crescent Front") and c.fact.predicate == Predicate.BASED_IN
    ]
    assert cands
    option = next(o for o in cands[0].sources if o.entity_id == eid(ORG, "Border Service"))
    assert "reference" in option.features
    assert cands[0].rule_source == eid(ORG, "Border Service")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The Crescent Front is based in Kunduz, the Border Service said.",
            id="said_after_the_claim",
        ),
        pytest.param(
            "The Crescent Front moved its fighters to Kunduz, "
            "the Border Service reported on Thursday.",
            id="closing_source_read_as_an_apposition",
        ),
        pytest.param(
            "The Crescent Front is based in Kunduz, the latest report of the Border Service found.",
            id="a_report_is_credited_to_the_body_it_is_of",
        ),
        pytest.param(
            "A Border Service report published in May found that the Crescent Front is "
            "based in Kunduz.",
            id="a_report_is_credited_to_the_body_that_names_it",
        ),
        # "maintains eight camps" acts; the quotation marks do not make it a verb of saying
        pytest.param(
            'The Border Service said the Crescent Front "maintains eight camps" and is '
            "based in Kunduz.",
            id="a_quoted_verb_with_an_object_does_not_report",
        ),
        pytest.param(
            "The Crescent Front is based in Kunduz, according to figures compiled by the "
            "Border Service.",
            id="according_to_figures_compiled_by_a_body",
        ),
    ],
)
def test_the_body_that_speaks_is_credited(run, text: str):
    rel = only_relation(run(text, MENTIONS))
    assert rel.asserted_by == eid(ORG, "Border Service")


def test_a_participle_with_a_subject_of_its_own_does_not_borrow_one(stamp):
    text = "Timur Bekov left Kunduz, the Crescent Front saying it is based in Kazakhstan."
    (fact,) = stamp(text, [rel(CF, "based_in", KZ)])
    assert fact.asserted_by != eid(*TB)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The Crescent Front is based in Kunduz, a Border Service officer said on "
            "Monday, Interfax reports.",
            id="relay_after_a_dated_report",
        ),
        pytest.param(
            "The Crescent Front is based in Kunduz, the Border Service said, Interfax reports.",
            id="relay_after_the_report",
        ),
        pytest.param(
            "The Crescent Front condemns the raid in Kunduz, a Border Service spokesman said "
            "on Monday, Interfax reports.",
            id="relay_read_as_what_the_speaker_says",
        ),
    ],
)
def test_an_outlet_that_relays_a_speaker_is_not_the_source(stamp, text):
    (fact,) = stamp(text, [rel(CF, "based_in", KU)])
    assert fact.asserted_by == eid(*BS)


def test_a_name_in_apposition_to_the_hedged_subject_is_hedged(stamp):
    text = "The group's commander, Timur Bekov, is reputed to have spent years in Kunduz."
    (fact,) = stamp(text, [rel(TB, "based_in", KU)])
    assert fact.hedged


def test_a_description_inside_a_name_is_not_hedged_by_its_clause(stamp):
    text = "Crescent Front commander Timur Bekov is believed to have moved to Kunduz."
    leader, based = stamp(text, [rel(TB, "leader_of", CF), rel(TB, "based_in", KU)])
    assert not leader.hedged
    assert based.hedged


def test_a_description_inside_a_name_is_not_denied_by_its_clause(stamp):
    text = "Crescent Front commander Timur Bekov denied that the group is based in Kunduz."
    leader, based = stamp(text, [rel(TB, "leader_of", CF), rel(CF, "based_in", KU)])
    assert leader.polarity == Polarity.AFFIRMED
    assert based.polarity == Polarity.DENIED


def test_a_participle_of_saying_speaks_only_for_what_it_says(stamp):
    text = (
        "Timur Bekov met Border Service officers in Kunduz, warning that the Crescent Front "
        "is based in Kazakhstan."
    )
    met, based = stamp(text, [rel(TB, "based_in", KU), rel(CF, "based_in", KZ)])
    assert met.asserted_by is None
    assert based.asserted_by == eid(*TB)


def test_an_owned_title_beside_a_name_is_not_hedged_by_its_clause(stamp):
    text = "Its commander, Timur Bekov, is said to lead 200 fighters of the Crescent Front."
    (fact,) = stamp(text, [rel(TB, "leader_of", MB)])
    assert not fact.hedged


def test_a_denied_presence_is_denied(stamp):
    text = "The Mountain Brigade denied the presence of the Crescent Front in Kunduz."
    (fact,) = stamp(text, [rel(CF, "based_in", KU)])
    assert fact.polarity == Polarity.DENIED


def test_a_named_owners_title_beside_a_name_is_not_hedged_by_its_clause(stamp):
    text = "The Crescent Front's commander, Timur Bekov, is reputed to have lived in Kunduz."
    leader, based = stamp(text, [rel(TB, "leader_of", CF), rel(TB, "based_in", KU)])
    assert not leader.hedged
    assert based.hedged


def test_a_claim_explained_by_a_participle_is_the_claimants_statement(stamp):
    text = (
        "The Crescent Front claimed responsibility, saying that its fighters had attacked "
        "the base in Kunduz."
    )
    (fact,) = stamp(text, [statement(CF)])
    assert fact.asserted_by == eid(*CF)


@pytest.mark.parametrize(
    ("text", "fact", "source"),
    [
        pytest.param(
            "Timur Bekov pointed to new camps, saying the Crescent Front is based in Kunduz.",
            rel(CF, "based_in", KU),
            TB,
            id="a participle of saying speaks for its clause",
        ),
        pytest.param(
            "Timur Bekov, the Border Service said, was based in Kunduz until May.",
            rel(TB, "based_in", KU),
            BS,
            id="a source set off inside the claim speaks for it",
        ),
        pytest.param(
            "Timur Bekov, a Border Service commander, said the Crescent Front is based in Kunduz.",
            rel(CF, "based_in", KU),
            TB,
            id="a description set off before the verb does not speak",
        ),
        pytest.param(
            "Timur Bekov spoke to reporters on Monday. "
            "Bekov claimed the Crescent Front is based in Kunduz.",
            rel(CF, "based_in", KU),
            TB,
            id="a surname speaker is the person named before",
        ),
        pytest.param(
            "Timur Bekov spoke to reporters on Monday. "
            "Rahimov claimed the Crescent Front is based in Kunduz.",
            rel(CF, "based_in", KU),
            None,
            id="an unknown name speaker does not borrow another",
        ),
        pytest.param(
            "The Border Service said on Monday, citing its own sources, that raids went on. "
            "According to the sources, the Crescent Front is based in Kunduz.",
            rel(CF, "based_in", KU),
            BS,
            id="the sources point back to who cited them",
        ),
    ],
)
def test_who_speaks_for_a_relation(stamp, text, fact, source):
    (stamped,) = stamp(text, [fact])
    assert stamped.asserted_by == (eid(*source) if source else None)


@pytest.mark.parametrize(
    "text",
    [
        "“We have grown. The Crescent Front is based in Kunduz. We will stay,” Timur Bekov said.",
        "Timur Bekov said: “We have grown. The Crescent Front is based in Kunduz. We will stay.”",
    ],
)
def test_a_quotation_over_several_sentences_is_its_speakers(stamp, text):
    (fact,) = stamp(text, [rel(CF, "based_in", KU, sentence=1)])
    assert fact.asserted_by == eid(*TB)


def test_a_quotation_left_open_at_a_paragraph_end_is_nobodys(stamp):
    text = (
        "“The Crescent Front is based in Kunduz.\n\n"
        "Attacks went on in the north,” Timur Bekov said."
    )
    (fact,) = stamp(text, [rel(CF, "based_in", KU, sentence=0)])
    assert fact.asserted_by is None


def test_a_hedge_does_not_reach_a_nationality_a_demonym_gives(stamp):
    text = "Tajik national Timur Bekov is believed to lead the Crescent Front."
    citizen, leader = stamp(
        text, [rel(TB, "citizen_of", (S, "Tajikistan")), rel(TB, "leader_of", CF)]
    )
    assert not citizen.hedged
    assert leader.hedged


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("In Kazakhstan, security authorities said the Crescent Front is based in Kunduz.", KZ),
        ("Authorities in Kazakhstan said the Crescent Front is based in Kunduz.", KZ),
        ("Security authorities said the Crescent Front is based in Kunduz.", None),
    ],
)
def test_unnamed_authorities_speak_for_the_state_they_are_placed_in(stamp, text, source):
    (fact,) = stamp(text, [rel(CF, "based_in", KU)])
    assert fact.asserted_by == (eid(*source) if source else None)


def test_a_title_in_apposition_describes_the_speaker(stamp):
    text = "“We will stay in the north,” said Crescent Front commander, Timur Bekov."
    (fact,) = stamp(text, [rel(TB, "leader_of", CF)])
    assert fact.asserted_by is None
