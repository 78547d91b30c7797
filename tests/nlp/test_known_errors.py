"""The whole pipeline, shipped model included, on sentences written for each kind of
error that reports no one tuned to used to expose: one test per error class.

These read what an analyst would see (the facts-format record of a document), so they
hold whatever mix of rules and learned weights produces it.
"""

from __future__ import annotations

from typing import Any

from oxus.export.facts_jsonl import facts_record
from oxus.model import Document, Estimate, Evidence, Measure, Qualifier
from oxus.nlp.candidates import Candidate, CandidateSet
from oxus.nlp.decoder import drop_non_text
from oxus.nlp.entities.cues import entity_cues
from oxus.nlp.extract import extract

PUBLISHED = "2024-03-25"


def facts(text: str, *, published: str | None = PUBLISHED) -> dict[str, Any]:
    document = Document(id="t", text=text, published=published)
    return facts_record(next(extract([document])))


def events_of(record: dict[str, Any], type_: str) -> list[dict[str, Any]]:
    return [e for e in record["events"] if e["type"] == type_]


def test_one_attack_told_in_several_sentences_is_one_event() -> None:
    record = facts(
        "Gunmen attack concert hall near Moscow\n\n"
        "Gunmen opened fire at the Crocus City Hall concert venue in Krasnogorsk near Moscow "
        "on March 22, killing at least 137 people. The Islamic State claimed responsibility "
        "for the attack. The attack at Crocus City Hall was the deadliest in Russia in two "
        "decades."
    )
    attacks = events_of(record, "attack")
    assert len(attacks) == 1
    assert attacks[0]["date"] == "2024-03-22"
    assert attacks[0]["counts"].get("killed") == 137


def test_a_birth_year_never_dates_an_event() -> None:
    record = facts(
        "Police in Osh detained Akbar Jalilov, who was born in 1985, on Tuesday on suspicion "
        "of recruiting for the Islamic State."
    )
    assert record["events"]
    assert all(not (e["date"] or "").startswith("1985") for e in record["events"])
    record = facts("Kyrgyz police detained Akbar Jalilov, who was born in 1985, on Tuesday in Osh.")
    assert [e["date"] for e in events_of(record, "arrest")] == ["2024-03-19"]


def test_a_resolution_number_never_dates_an_event() -> None:
    record = facts(
        "The Islamic Movement of Uzbekistan was designated under UN Security Council "
        "resolutions 1267/1989/2253 in 2012."
    )
    designations = events_of(record, "designation")
    assert designations and all(e["date"] == "2012" for e in designations)


def test_an_undated_event_in_a_report_opening_takes_the_publication_year() -> None:
    record = facts("Tajik border guards clashed with smugglers from Afghanistan near Panj.")
    assert record["events"]
    assert all(e["date"] == "2024" for e in record["events"])


def test_a_pledge_of_allegiance_is_a_relation_to_the_group_not_against_it() -> None:
    record = facts(
        "In 2015 the commander Abdul Hakim pledged allegiance to Islamic State Khorasan Province."
    )
    pledges = [r for r in record["relations"] if r["predicate"] == "pledged_allegiance_to"]
    assert pledges and pledges[0]["object"] == "Islamic State Khorasan Province"
    for event in record["events"]:
        assert event["type"] not in ("attack", "clash")


def test_nationality_of_victims_does_not_make_their_country_a_target() -> None:
    record = facts("Gunmen attacked Chinese workers at a gold mine in Tajikistan, killing two.")
    attacks = events_of(record, "attack")
    assert attacks
    assert all("China" not in e["targets"] for e in attacks)


def test_a_count_of_arrested_members_is_arrests_not_membership() -> None:
    record = facts(
        "12 ISIS-K Members Arrested in Tajikistan\n\n"
        "Tajik security services arrested 12 members of the Islamic State Khorasan Province "
        "in Dushanbe."
    )
    twelve = [e for e in record["estimates"] if e["low"] == 12]
    assert twelve
    assert all(e["measure"] != "members" for e in twelve)
    assert any(e["measure"] == "arrests" for e in twelve)
    assert len(events_of(record, "arrest")) == 1


def test_no_state_is_credited_when_no_one_speaks() -> None:
    record = facts(
        "Afghanistan has long been a haven for Jamaat Ansarullah fighters, who operate in "
        "Badakhshan province."
    )
    facts_found = [*record["relations"], *record["events"], *record["estimates"]]
    assert facts_found
    assert all(f["asserted_by"] is None for f in facts_found)


def test_a_denial_is_stored_as_denied() -> None:
    record = facts("The Taliban denied that it shelters fighters of Jamaat Ansarullah.")
    statements = events_of(record, "statement")
    assert statements and statements[0]["polarity"] == "denied"
    assert statements[0]["asserted_by"] == "Taliban"
    assert all(r["polarity"] == "denied" for r in record["relations"])


def test_headline_caption_and_byline_stay_out_of_evidence() -> None:
    record = facts(
        "Militants regroup near the border\n"
        "Photo: AFP\n"
        "By Jane Roe\n\n"
        "Islamic Movement of Uzbekistan fighters have moved to Badakhshan province, officials "
        "said."
    )
    facts_found = [*record["relations"], *record["events"]]
    assert facts_found
    for fact in facts_found:
        assert "Photo" not in fact["evidence"]
        assert "Jane Roe" not in fact["evidence"]
        assert "regroup" not in fact["evidence"]


def test_a_reference_list_entry_states_no_fact() -> None:
    """A numbered note with a title and a URL is a citation, not a report of arrests."""
    body = "Police in Dushanbe detained two men on Monday."
    note = (
        "681 Jane Roe, \u201cCourt Charges Five Tajiks Over Islamic State Links,\u201d "
        "Example News, May 3, 2021, https://example.org/court-charges-five."
    )
    text = f"{body}\n\n{note}\n"

    def estimate(sentence: str) -> Candidate[Estimate]:
        start = text.index(sentence)
        evidence = Evidence(text=sentence, start=start, end=start + len(sentence))
        fact = Estimate("state:tajikistan", Measure.ARRESTS, Qualifier.EXACT, evidence, low=5)
        return Candidate(fact, {}, (sentence,))

    candidates = CandidateSet(estimates=[estimate(body), estimate(note)])
    drop_non_text(candidates, text, entity_cues())
    assert [c.fact.evidence.text for c in candidates.estimates] == [body]
