"""oxus_events: only events that happened, dated and placed by the trigger's own clause.

Hand-made sentences: modifier triggers, negation, intention and prevention contexts,
trigger-local dates and places, restated and anaphoric events, unnamed authorities as
doers, phrasal verbs and shared subjects.
"""

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


def kinds(found):
    return [e.type for e in found]


def test_trigger_modifying_a_noun_opens_no_attack(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "The Border Service bought new attack helicopters for its base in Kunduz.",
        {"Border Service": ORG, "Kunduz": L},
    )
    assert EventType.ATTACK not in kinds(found)


def test_negated_attack_is_no_event(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "The Crescent Front has not carried out an attack in Kunduz.",
        {"Crescent Front": G, "Kunduz": L},
    )
    assert EventType.ATTACK not in kinds(found)


def test_attack_under_prevention_or_capacity_is_no_event(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "Tajikistan seeks to prevent an attack by the Crescent Front.",
        {"Tajikistan": S, "Crescent Front": G},
    )
    assert EventType.ATTACK not in kinds(found)
    assert EventType.PLOT_FOILED not in kinds(found)


def test_realised_attack_still_found(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "The Crescent Front attacked a checkpoint in Kunduz.",
        {"Crescent Front": G, "Kunduz": L},
    )
    assert EventType.ATTACK in kinds(found)


def test_planned_attack_with_arrest_is_a_foiled_plot(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "Police detained two members of the Crescent Front who were planning attacks in Kunduz.",
        {"Crescent Front": G, "Kunduz": L},
    )
    assert EventType.PLOT_FOILED in kinds(found)
    assert EventType.ATTACK not in kinds(found)


def test_planned_attack_without_arrest_is_no_event(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "The Crescent Front was planning attacks in Kunduz.",
        {"Crescent Front": G, "Kunduz": L},
    )
    assert EventType.ATTACK not in kinds(found)
    assert EventType.PLOT_FOILED not in kinds(found)


def test_date_comes_from_the_trigger_clause(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "The trial, which opens in June, concerns the bombing in Kunduz on 3 May.",
        {"Kunduz": L},
        dates={"June": "2024-06", "3 May": "2024-05-03"},
    )
    attack = next(e for e in found if e.type == EventType.ATTACK)
    assert attack.date == "2024-05-03"


def test_restated_event_is_kept_once(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "The Crescent Front attacked Kunduz. The Crescent Front attacked Kunduz.",
        {"Crescent Front": G, "Kunduz": L},
    )
    assert kinds(found).count(EventType.ATTACK) == 1


def test_definite_bare_reference_adds_no_second_event(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "The Crescent Front bombed a market in Kunduz. After the attack, Tajikistan closed "
        "its border.",
        {"Crescent Front": G, "Kunduz": L, "Tajikistan": S},
    )
    assert kinds(found).count(EventType.ATTACK) == 1


def test_definite_reference_with_own_participants_is_kept(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "The Crescent Front bombed a market in Kunduz. The arrest of Timur Bekov by "
        "Tajikistan followed. The attack on Dushanbe came later.",
        {"Crescent Front": G, "Kunduz": L, "Timur Bekov": P, "Tajikistan": S, "Dushanbe": L},
    )
    assert kinds(found).count(EventType.ATTACK) == 2


def test_unnamed_authorities_of_a_state_are_the_agent(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "Uzbek authorities detained members of the Crescent Front in Kunduz.",
        {"Crescent Front": G, "Kunduz": L},
    )
    arrest = next(e for e in found if e.type == EventType.ARREST)
    assert arrest.agents == ["state:uzbekistan"]
    assert eid(G, "Crescent Front") in arrest.targets


def test_police_in_a_named_state_are_the_agent(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "Police in Germany arrested a member of the Crescent Front.",
        {"Germany": S, "Crescent Front": G},
    )
    arrest = next(e for e in found if e.type == EventType.ARREST)
    assert eid(S, "Germany") in arrest.agents


def test_security_forces_killing_militants_without_names_is_a_clash(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "Tajik security forces killed two militants of the Crescent Front.",
        {"Crescent Front": G},
    )
    assert kinds(found) == [EventType.CLASH]
    assert found[0].agents == ["state:tajikistan"]


def test_militants_killing_civilians_stays_an_attack(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "Militants of the Crescent Front killed two civilians in Kunduz.",
        {"Crescent Front": G, "Kunduz": L},
    )
    assert EventType.ATTACK in kinds(found)


def test_phrasal_verb_trigger(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "The Border Service rounded up 31 members of the Crescent Front.",
        {"Border Service": ORG, "Crescent Front": G},
    )
    arrest = next(e for e in found if e.type == EventType.ARREST)
    assert arrest.agents == [eid(ORG, "Border Service")]


def test_subjectless_second_verb_shares_the_subject(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "Timur Bekov praised the plan and hosted a conference on Kunduz.",
        {"Timur Bekov": P, "Kunduz": L},
    )
    meeting = next(e for e in found if e.type == EventType.MEETING)
    assert eid(P, "Timur Bekov") in meeting.agents


def test_claim_is_a_statement(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "The Crescent Front claimed that Tajikistan had lost the war.",
        {"Crescent Front": G, "Tajikistan": S},
    )
    statement = next(e for e in found if e.type == EventType.STATEMENT)
    assert statement.agents == [eid(G, "Crescent Front")]


def test_places_dated_apart_are_separate_events(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "Arrests of Crescent Front members took place in February in Kunduz and in May in "
        "Dushanbe.",
        {"Crescent Front": G, "Kunduz": L, "Dushanbe": L},
        dates={"February": "2021-02", "May": "2021-05"},
    )
    arrests = sorted((e.date, e.location) for e in found if e.type == EventType.ARREST)
    assert arrests == [("2021-02", eid(L, "Kunduz")), ("2021-05", eid(L, "Dushanbe"))]


def test_one_date_keeps_one_event_for_many_places(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "In August police arrested members of the Crescent Front in Kunduz and Dushanbe.",
        {"Crescent Front": G, "Kunduz": L, "Dushanbe": L},
        dates={"August": "2021-08"},
    )
    assert kinds(found).count(EventType.ARREST) == 1


def test_agentless_passive_accusation_is_no_statement(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "Timur Bekov is accused of helping the Crescent Front.",
        {"Timur Bekov": P, "Crescent Front": G},
    )
    assert EventType.STATEMENT not in kinds(found)


def test_active_accusation_is_a_statement(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "Tajikistan accused Timur Bekov of helping the Crescent Front.",
        {"Timur Bekov": P, "Crescent Front": G, "Tajikistan": S},
    )
    assert EventType.STATEMENT in kinds(found)


def test_toll_of_fighters_killed_is_no_attack(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "In 2013 more than 600 foreign fighters were killed in Kunduz.",
        {"Kunduz": L},
        dates={"2013": "2013"},
    )
    assert EventType.ATTACK not in kinds(found)


def test_named_victim_killed_is_an_attack(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "Timur Bekov was killed in Kunduz in 2009.",
        {"Timur Bekov": P, "Kunduz": L},
        dates={"2009": "2009"},
    )
    attack = next(e for e in found if e.type == EventType.ATTACK)
    assert attack.date == "2009"


def test_order_is_a_statement_but_in_order_to_is_not(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "The Crescent Front ordered its fighters to leave Kunduz.",
        {"Crescent Front": G, "Kunduz": L},
    )
    assert EventType.STATEMENT in kinds(found)
    found = events(
        nlp,
        extractor,
        "The Crescent Front moved to Kunduz in order to rest.",
        {"Crescent Front": G, "Kunduz": L},
    )
    assert EventType.STATEMENT not in kinds(found)


def test_capturing_territory_is_no_arrest(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "The Crescent Front captured Kunduz after a long siege.",
        {"Crescent Front": G, "Kunduz": L},
    )
    assert EventType.ARREST not in kinds(found)


def test_capturing_militants_is_an_arrest(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "The Border Service captured two militants of the Crescent Front in Kunduz.",
        {"Border Service": ORG, "Crescent Front": G, "Kunduz": L},
    )
    assert EventType.ARREST in kinds(found)


def test_city_acting_as_subject_is_not_the_location(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "Dushanbe held talks with the Crescent Front.",
        {"Dushanbe": L, "Crescent Front": G},
    )
    meeting = next(e for e in found if e.type == EventType.MEETING)
    assert meeting.location is None


def test_participle_describing_fighters_is_no_clash(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "Militants fighting alongside the Crescent Front moved to Kunduz.",
        {"Crescent Front": G, "Kunduz": L},
    )
    assert EventType.CLASH not in kinds(found)


def test_finite_fighting_is_a_clash(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "The Crescent Front has been fighting the Mountain Brigade in Kunduz.",
        {"Crescent Front": G, "Mountain Brigade": G, "Kunduz": L},
    )
    assert EventType.CLASH in kinds(found)


def test_capturing_an_unlisted_role_is_still_an_arrest(nlp, extractor):
    found = events(
        nlp,
        extractor,
        "The Border Service captured a weapons facilitator of the Crescent Front.",
        {"Border Service": ORG, "Crescent Front": G},
    )
    assert EventType.ARREST in kinds(found)
