"""Relations with dates: first and last seen, ended by "former" or an end date, as of a date."""

from __future__ import annotations

from oxus.analysis.dating.cues import ending_cues, parse_cues
from oxus.analysis.geo import map_places
from oxus.analysis.network import network
from oxus.analysis.profile import entity_profile
from oxus.store import Store
from tests.analysis.incident_facts import (
    FRONT,
    HILLTOWN,
    LEADER,
    LEGION,
    MINISTER,
    RIVERTON,
    Report,
    store_reports,
)


def _store(fresh_db: Store) -> Store:
    return store_reports(
        fresh_db,
        Report("old", "2012-05-01", ["Ana Vale leads the Red Front from Riverton."])
        .relation(0, MINISTER.id, "leader_of", FRONT.id)
        .relation(0, FRONT.id, "based_in", RIVERTON.id),
        Report(
            "founding",
            "2019-01-01",
            ["The Red Front has been allied with the Grey Legion since 2010."],
        ).relation(0, FRONT.id, "allied_with", LEGION.id, since="2010"),
        Report(
            "new",
            "2021-03-01",
            [
                "Cyr Dane now leads the Red Front, which moved to Hilltown.",
                "Its former leader Ana Vale lives abroad.",
            ],
        )
        .relation(0, LEADER.id, "leader_of", FRONT.id)
        .relation(0, FRONT.id, "based_in", HILLTOWN.id)
        .relation(1, MINISTER.id, "leader_of", FRONT.id),
        Report(
            "dated",
            "2022-06-01",
            [
                "In May 2022 the Red Front met in Hilltown.",
                "Its base in Riverton was used until 2020.",
            ],
        )
        .event(0, "meeting", date="2022-05", location=HILLTOWN.id, agents=[FRONT.id])
        .relation(0, FRONT.id, "based_in", HILLTOWN.id)
        .relation(1, FRONT.id, "based_in", RIVERTON.id, until="2020"),
    )


def _links(store: Store, key: str) -> dict:
    section = entity_profile(store, FRONT.id).section(key)
    assert section is not None
    return {link.other.id: link for link in section.links}


def test_leaders_have_first_and_last_seen_and_the_former_one_ended(fresh_db: Store) -> None:
    leaders = _links(_store(fresh_db), "leaders")
    ana, cyr = leaders[MINISTER.id].dates, leaders[LEADER.id].dates
    assert (ana.first_seen, ana.ended, ana.cue) == ("2012-05-01", "2021-03-01", "former")
    assert (cyr.first_seen, cyr.last_seen, cyr.ended) == ("2021-03-01", "2021-03-01", None)
    assert "ended by 2021-03-01 (former)" in leaders[MINISTER.id].period


def test_bases_are_dated_by_the_event_of_their_sentence_and_end_with_until(fresh_db: Store) -> None:
    bases = _links(_store(fresh_db), "bases")
    hill, river = bases[HILLTOWN.id].dates, bases[RIVERTON.id].dates
    assert (hill.first_seen, hill.last_seen) == ("2021-03-01", "2022-05")  # the meeting's month
    assert (river.first_seen, river.ended, river.cue) == ("2012-05-01", "2020", "until")


def test_the_network_as_of_a_date_shows_what_held_then(fresh_db: Store) -> None:
    store = _store(fresh_db)

    def edges(as_of: str | None) -> set[tuple[str, str, str]]:
        graph = network(store, as_of=as_of, types=["group", "person", "place"])
        return {(e.source, e.predicate, e.target) for e in graph.edges}

    early, late = edges("2015-01-01"), edges("2024-12-31")
    assert (MINISTER.id, "leader_of", FRONT.id) in early
    assert (FRONT.id, "based_in", RIVERTON.id) in early
    assert (LEADER.id, "leader_of", FRONT.id) not in early
    assert (MINISTER.id, "leader_of", FRONT.id) not in late  # "former" in 2021
    assert (FRONT.id, "based_in", RIVERTON.id) not in late  # "until 2020"
    assert {(LEADER.id, "leader_of", FRONT.id), (FRONT.id, "based_in", HILLTOWN.id)} <= late
    assert edges(None) >= early | late  # without a date: everything reported
    allied = {(e.source, e.target) for e in network(store, as_of="2011-01-01").edges}
    assert tuple(sorted((FRONT.id, LEGION.id))) in allied  # "since 2010", reported in 2019


def test_the_map_as_of_a_date_shows_the_bases_then(fresh_db: Store) -> None:
    store = _store(fresh_db)

    def bases(as_of: str) -> set[str]:
        return {p.place.id for p in map_places(store, as_of=as_of) if p.bases}

    assert bases("2015-01-01") == {RIVERTON.id}
    assert bases("2024-12-31") == {HILLTOWN.id}


def test_ending_cues_sit_beside_the_subject_and_are_data() -> None:
    cues = ending_cues()
    text = "Ties to the group, founded by former members of the Old Front, remain."
    at = text.index("Old Front")
    assert cues.find(text, [(at, at + 9)]) is None  # "former" is about the members
    text = "Karim, the son of Omar, who was killed in 2009, leads the group."
    karim, omar = (0, 5), (text.index("Omar"), text.index("Omar") + 4)
    assert cues.find(text, [karim], [omar]) is None
    assert cues.find(text, [omar], [karim]) == "who was killed"
    custom = parse_cues({"before": ["sometime"], "after": [], "before_chars": 20, "after_chars": 0})
    assert custom.find("the sometime chief X", [(19, 20)]) == "sometime"
