"""oxus_events on hand-made sentences: triggers, arguments, location, date, counts."""

from __future__ import annotations

import pytest

from oxus.model import EventType
from oxus.nlp.events.component import EventExtractor
from tests.nlp.fact_docs import eid, make_doc, rules_only

G, P, ORG, S, L = "group", "person", "organization", "state", "place"


@pytest.fixture(scope="module")
def extractor():
    """The event rules alone: candidates decoded without a learned model."""
    return rules_only(EventExtractor())


def events(nlp, extractor, text, mentions, **kwargs):
    return extractor(make_doc(nlp, text, mentions, **kwargs))._.events


def test_attack_with_agent_location_date_counts(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "On March 3 the Crescent Front attacked a police station in Kunduz, killing 14 people.",
        {"Crescent Front": G, "Kunduz": L},
        dates={"March 3": "2021-03-03"},
    )
    attack = next(e for e in found if e.type == EventType.ATTACK)
    assert attack.agents == [eid(G, "Crescent Front")]
    assert attack.location == eid(L, "Kunduz")
    assert attack.date == "2021-03-03"
    assert attack.counts.get("killed") == 14


def test_arrest_moves_group_to_targets(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "The Border Service arrested 21 members of the Crescent Front in Tajikistan.",
        {"Border Service": ORG, "Crescent Front": G, "Tajikistan": S},
    )
    arrest = next(e for e in found if e.type == EventType.ARREST)
    assert arrest.agents == [eid(ORG, "Border Service")]
    assert eid(G, "Crescent Front") in arrest.targets
    assert arrest.location == eid(S, "Tajikistan")


def test_security_forces_killing_militants_is_a_clash(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "The Border Service killed two members of the Crescent Front.",
        {"Border Service": ORG, "Crescent Front": G},
    )
    assert [e.type for e in found] == [EventType.CLASH]


def test_place_preferred_over_state(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "Troops from Russia and Tajikistan held joint drills near Dushanbe.",
        {"Russia": S, "Tajikistan": S, "Dushanbe": L},
    )
    drill = next(e for e in found if e.type == EventType.MILITARY_EXERCISE)
    assert drill.location == eid(L, "Dushanbe")


def test_a_point_of_reference_is_not_the_place(nlp, extractor):
    for text in (
        "The Crescent Front attacked a checkpoint about 200 km east of Dushanbe.",
        "The Crescent Front attacked a border checkpoint 40 miles from Dushanbe.",
    ):
        found = events(nlp, extractor, text, {"Crescent Front": G, "Dushanbe": L})
        attack = next(e for e in found if e.type == EventType.ATTACK)
        assert attack.location is None, text


def test_a_place_naming_another_event_is_not_this_ones(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "Police detained the Crescent Front members linked to the Kunduz attack suspects.",
        {"Crescent Front": G, "Kunduz": L},
    )
    arrest = next(e for e in found if e.type == EventType.ARREST)
    assert arrest.location is None


def test_where_a_spokesman_spoke_is_not_where_it_happened(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "In Dushanbe, a spokesman confirmed that the Crescent Front was attacked by troops.",
        {"Crescent Front": G, "Dushanbe": L},
    )
    assert found
    assert all(e.location != eid(L, "Dushanbe") for e in found if e.type != EventType.STATEMENT)


def test_meeting_and_statement(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "Timur Bekov held talks with the Crescent Front. The Crescent Front threatened Kazakhstan.",
        {"Timur Bekov": P, "Crescent Front": G, "Kazakhstan": S},
    )
    kinds = {e.type for e in found}
    assert EventType.MEETING in kinds
    statement = next(e for e in found if e.type == EventType.STATEMENT)
    assert statement.agents == [eid(G, "Crescent Front")]
    assert eid(S, "Kazakhstan") in statement.targets


def test_one_event_per_type_per_sentence(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "The Crescent Front bombed and then attacked a market in Kunduz.",
        {"Crescent Front": G, "Kunduz": L},
    )
    assert [e.type for e in found].count(EventType.ATTACK) == 1


def test_no_event_without_trigger_or_arguments(nlp, extractor):
    assert (
        events(
            nlp,
            extractor,
            "The Crescent Front is a small movement in Kunduz.",
            {"Crescent Front": G, "Kunduz": L},
        )
        == []
    )
    assert events(nlp, extractor, "An attack happened somewhere.", {}) == []
