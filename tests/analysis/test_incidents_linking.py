"""Linking events of different reports into incidents, on hand-made reports."""

from __future__ import annotations

from oxus.analysis.incidents.persist import ensure_incidents, relink
from oxus.analysis.incidents.queries import get_incident, list_incidents
from oxus.store import Store
from tests.analysis.incident_facts import (
    ENVOY,
    FREEDONIA,
    FRONT,
    HALL,
    HILLTOWN,
    LAKESIDE,
    MINISTER,
    PORTVILLE,
    RIVERTON,
    Report,
    hall_attack_reports,
    store_reports,
)


def _attack(store: Store) -> list:
    return [i for i in list_incidents(store).incidents if i.type == "attack"]


def test_two_reports_of_one_attack_are_one_incident_with_tolls_side_by_side(
    fresh_db: Store,
) -> None:
    store = store_reports(fresh_db, *hall_attack_reports())
    attacks = {i.location.id: i for i in _attack(store) if i.location}
    hall = attacks[HALL.id]
    assert sorted(hall.documents) == ["daily-2", "wire-1"]
    assert hall.date == "2024-03-22"
    assert [p.name for p in hall.place_path] == [
        "Hall 9",
        "Riverton",
        "North Province",
        "Freedonia",
    ]
    killed = hall.disagreement("killed")
    assert killed is not None
    assert [(v.label, v.sources) for v in killed.values] == [
        ("146", ["Second Daily"]),
        ("143", ["First Wire"]),
    ]
    assert hall.counts == {"killed": 146}  # equal support: the later report's figure
    assert HILLTOWN.id in attacks and attacks[HILLTOWN.id].documents == ["post-3"]


def test_an_undated_report_soon_after_joins_but_not_one_a_year_later(fresh_db: Store) -> None:
    reports = [
        *hall_attack_reports()[:1],
        Report("brief-4", "2024-03-25", ["Hall 9 attack: mourning declared in Riverton."]).event(
            0, "attack", location=HALL.id
        ),
        Report("late-5", "2025-06-01", ["A new attack at Hall 9 was reported."]).event(
            0, "attack", location=HALL.id
        ),
    ]
    store = store_reports(fresh_db, *reports)
    by_doc = {d: i.id for i in _attack(store) for d in i.documents}
    assert by_doc["brief-4"] == by_doc["wire-1"]
    assert by_doc["late-5"] != by_doc["wire-1"]


def test_a_report_dated_by_its_year_alone_soon_after_joins_like_an_undated_one(
    fresh_db: Store,
) -> None:
    """Extraction dates an undated opening by the publication year: "2024" says no more."""
    reports = [
        *hall_attack_reports()[:1],
        Report("brief-4", "2024-03-25", ["Mourning was declared after the attack."]).event(
            0, "attack", date="2024", location=HALL.id
        ),
    ]
    store = store_reports(fresh_db, *reports)
    by_doc = {d: i.id for i in _attack(store) for d in i.documents}
    assert by_doc["brief-4"] == by_doc["wire-1"]
    assert get_incident(store, by_doc["wire-1"]).date == "2024-03-22"


def test_a_report_cannot_bridge_two_different_days(fresh_db: Store) -> None:
    """A month-precise report fits either day, but the two days are two attacks."""
    reports = [
        Report("a", "2024-03-02", ["Attack at Hall 9 on 1 March."]).event(
            0, "attack", date="2024-03-01", location=HALL.id, agents=[FRONT.id]
        ),
        Report("b", "2024-03-26", ["Attack at Hall 9 on 25 March."]).event(
            0, "attack", date="2024-03-25", location=HALL.id, agents=[FRONT.id]
        ),
        Report("c", "2024-04-02", ["In March the Red Front attacked Hall 9."]).event(
            0, "attack", date="2024-03", location=HALL.id, agents=[FRONT.id]
        ),
    ]
    store = store_reports(fresh_db, *reports)
    groups = sorted(sorted(i.documents) for i in _attack(store))
    assert ["a", "b"] not in groups and ["a", "b", "c"] not in groups
    assert len(groups) == 2


def test_nearby_towns_agree_but_distant_ones_and_other_states_do_not(fresh_db: Store) -> None:
    def report(doc: str, place: str) -> Report:
        return Report(doc, "2024-05-02", [f"Bombing on 1 May in the market ({doc})."]).event(
            0, "attack", date="2024-05-01", location=place, agents=[FRONT.id], counts={"killed": 5}
        )

    store = store_reports(
        fresh_db,
        report("r1", RIVERTON.id),
        report("r2", LAKESIDE.id),
        report("r3", HILLTOWN.id),
        report("r4", PORTVILLE.id),
    )
    groups = sorted(sorted(i.documents) for i in _attack(store))
    assert groups == [["r1", "r2"], ["r3"], ["r4"]]


def test_statements_by_different_speakers_stay_apart(fresh_db: Store) -> None:
    reports = [
        Report("s1", "2024-02-02", ["Ana Vale said on 1 February that talks would resume."]).event(
            0, "statement", date="2024-02-01", agents=[MINISTER.id], location=RIVERTON.id
        ),
        Report("s2", "2024-02-02", ["Ben Oro said on 1 February that talks would resume."]).event(
            0, "statement", date="2024-02-01", agents=[ENVOY.id], location=RIVERTON.id
        ),
        Report("s3", "2024-02-03", ["On 1 February Ana Vale said talks would resume."]).event(
            0, "statement", date="2024-02-01", agents=[MINISTER.id], location=RIVERTON.id
        ),
    ]
    store = store_reports(fresh_db, *reports)
    groups = sorted(sorted(i.documents) for i in list_incidents(store).incidents)
    assert groups == [["s1", "s3"], ["s2"]]


def test_items_of_one_sentence_in_different_places_are_different_incidents(
    fresh_db: Store,
) -> None:
    sentence = "In May arrests took place in Riverton and in Hilltown."
    report = (
        Report("list", "2024-06-01", [sentence])
        .event(0, "arrest", date="2024-05", location=RIVERTON.id)
        .event(0, "arrest", date="2024-05", location=LAKESIDE.id)
    )
    store = store_reports(fresh_db, report)
    assert list_incidents(store).total == 2


def test_one_sentence_naming_a_town_and_its_country_tells_one_event(fresh_db: Store) -> None:
    sentence = "Three men were killed in a shootout in Riverton, Freedonia, in late May."
    report = (
        Report("shootout", "2024-06-01", [sentence])
        .event(0, "attack", date="2024-05", location=FREEDONIA.id, counts={"killed": 3})
        .event(0, "clash", date="2024-05", location=RIVERTON.id, counts={"killed": 3})
    )
    store = store_reports(fresh_db, report)
    assert list_incidents(store).total == 1


def test_incidents_follow_new_documents_and_vague_events_stay_alone(fresh_db: Store) -> None:
    first, second, _ = hall_attack_reports()
    store = store_reports(fresh_db, first)
    before = list_incidents(store).incidents
    assert ensure_incidents(store) is None  # current: nothing changed since
    vague = Report("vague", "2024-03-24", ["Militants have stepped up their attacks."])
    store.save(second.facts())
    store.save(vague.event(0, "attack").facts())
    after = list_incidents(store).incidents
    hall = next(i for i in after if "wire-1" in i.documents and i.type == "attack")
    assert hall.id == next(i.id for i in before if i.type == "attack")
    assert sorted(hall.documents) == ["daily-2", "wire-1"]
    assert next(i for i in after if "vague" in i.documents).documents == ["vague"]
    assert relink(store).incidents == len(after)


def test_a_headline_toll_joins_the_body_that_dates_and_places_it(fresh_db: Store) -> None:
    """The headline names no date, place or group, only the toll; the body gives the rest."""
    report = (
        Report(
            "border-6",
            "2024-05-02",
            [
                "Five killed in clash on the border",
                "Five people were killed in a clash near Lakeside on 1 May, officials said.",
                "A separate clash in Hilltown on 1 May left two dead.",
            ],
        )
        .event(0, "clash", counts={"killed": 5})
        .event(1, "clash", date="2024-05-01", location=LAKESIDE.id, counts={"killed": 5})
        .event(2, "clash", date="2024-05-01", location=HILLTOWN.id, counts={"killed": 2})
    )
    store = store_reports(fresh_db, report)
    clashes = [i for i in list_incidents(store).incidents if i.type == "clash"]
    lakeside = next(i for i in clashes if i.location and i.location.id == LAKESIDE.id)
    hilltown = next(i for i in clashes if i.location and i.location.id == HILLTOWN.id)
    assert len(clashes) == 2
    assert lakeside.counts == {"killed": 5}
    assert hilltown.counts == {"killed": 2}


def test_get_incident_names_unknown_ids(fresh_db: Store) -> None:
    import pytest

    from oxus.errors import StoreError

    store = store_reports(fresh_db, *hall_attack_reports())
    with pytest.raises(StoreError, match="no incident"):
        get_incident(store, "nothing-0-attack")


def test_join_and_split_are_audited_reversible_and_survive_relinking(fresh_db: Store) -> None:
    from oxus.analysis.incidents.decisions import (
        decisions,
        join_incidents,
        split_incident,
        undo_decision,
    )
    from oxus.analysis.review import review_queue

    store = store_reports(fresh_db, *hall_attack_reports())
    hall = next(i for i in _attack(store) if "wire-1" in i.documents)
    raid = next(i for i in _attack(store) if "post-3" in i.documents)
    # The analyst thinks the Hilltown raid was part of the same night's attack.
    joined = join_incidents(store, [hall.id, raid.id], actor="analyst")
    assert sorted(get_incident(store, joined).documents) == ["daily-2", "post-3", "wire-1"]
    relink(store)
    assert sorted(get_incident(store, joined).documents) == ["daily-2", "post-3", "wire-1"]
    # Then takes the raid out again, and the second daily's report with it.
    incident = get_incident(store, joined)
    moved = [r.fact_id for r in incident.reports if r.evidence.document_id != "wire-1"]
    split_off = split_incident(store, joined, moved, actor="analyst")
    assert sorted(get_incident(store, split_off).documents) == ["daily-2", "post-3"]
    assert get_incident(store, joined).documents == ["wire-1"]
    actions = [entry.action for entry in review_queue(store).audit]
    assert actions[:2] == ["incident-split", "incident-join"]
    # Undoing both restores what linking alone gives.
    for decision in decisions(store):
        undo_decision(store, decision.id, actor="analyst")
    groups = sorted(sorted(i.documents) for i in _attack(store))
    assert groups == [["daily-2", "wire-1"], ["post-3"]]
    assert {d.status for d in decisions(store)} == {"undone"}


def test_a_split_holds_after_the_documents_are_ingested_again(fresh_db: Store) -> None:
    from oxus.analysis.incidents.decisions import split_incident

    reports = hall_attack_reports()
    store = store_reports(fresh_db, *reports)
    hall = next(i for i in _attack(store) if "wire-1" in i.documents)
    daily = next(r.fact_id for r in hall.reports if r.evidence.document_id == "daily-2")
    split_incident(store, hall.id, [daily])
    store.delete("daily-2")
    store.save(reports[1].facts())  # new event ids, same sentence
    groups = sorted(sorted(i.documents) for i in _attack(store))
    assert ["daily-2"] in groups and ["wire-1"] in groups


def test_other_linking_rules_make_the_stored_incidents_stale(fresh_db: Store) -> None:
    import dataclasses

    from oxus.analysis.incidents.rules import default_rules

    store = store_reports(fresh_db, *hall_attack_reports())
    strict = dataclasses.replace(default_rules(), threshold=99.0)
    assert relink(store, rules=strict).incidents == 4  # nothing linked
    assert list_incidents(store).total == 3  # read with the default rules: linked again
    assert ensure_incidents(store) is None


def test_the_map_draws_an_incident_once_at_its_place_with_its_sources(fresh_db: Store) -> None:
    from oxus.analysis.geo import map_places

    store = store_reports(fresh_db, *hall_attack_reports())
    places = {p.place.id: p for p in map_places(store)}
    assert places[HALL.id].incident_count == 1
    (hall,) = places[HALL.id].incidents
    assert (hall.date, hall.documents) == ("2024-03-22", 2)
    assert hall.sources == ["First Wire", "Second Daily"]
    assert RIVERTON.id not in places  # the second report's place holds no incident of its own
