"""Every matching rule of the facts-format scoring, on small hand-made documents."""

from __future__ import annotations

from typing import Any

from oxus.eval import EvalResult, score


def ent(type_: str, name: str, *aliases: str, mentions: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"type": type_, "name": name, "aliases": list(aliases), "mentions": list(mentions)}


def rel(subject: str, predicate: str, object_: str, **extra: Any) -> dict[str, Any]:
    return {"subject": subject, "predicate": predicate, "object": object_, **extra}


def ev(type_: str, date: str | None = None, **extra: Any) -> dict[str, Any]:
    return {"type": type_, "date": date, "agents": [], "targets": [], "location": None, **extra}


def est(subject: str, measure: str, low: Any, high: Any, **extra: Any) -> dict[str, Any]:
    return {"subject": subject, "measure": measure, "low": low, "high": high, **extra}


def doc(doc_id: str = "d1", **sections: list[dict[str, Any]]) -> dict[str, Any]:
    facts: dict[str, Any] = {"doc": {"id": doc_id}}
    for section in ("entities", "relations", "events", "estimates"):
        facts[section] = sections.get(section, [])
    return facts


def run(system: dict[str, Any], gold: dict[str, Any]) -> EvalResult:
    return score([system], [gold])


def counts(result: EvalResult, category: str) -> tuple[int, int, int]:
    overall = result.scores[category].overall
    return overall.tp, overall.sys, overall.gold


JA = ent("group", "Jamaat Ansarullah", "Jamaat Ansorullah", "Tajik Taliban", "JA")
TALIBAN = ent("group", "Taliban", "Taleban")
TAJIKISTAN = ent("state", "Tajikistan")
GKNB = ent("organization", "State Committee for National Security", "GKNB")
SERENKO = ent("person", "Andrei Serenko", "Serenko")
GOLD_ENTITIES = [JA, TALIBAN, TAJIKISTAN, GKNB, SERENKO]


# --- entities ---------------------------------------------------------------------------


def test_accents_and_punctuation_are_ignored() -> None:
    system = doc(entities=[ent("group", "Jamāʻat  ANSORULLAH"), ent("organization", "G.K.N.B.")])
    result = run(system, doc(entities=[JA, GKNB]))
    assert counts(result, "entities") == (2, 2, 2)


def test_type_must_agree() -> None:
    result = run(doc(entities=[ent("organization", "Taliban")]), doc(entities=[TALIBAN]))
    assert counts(result, "entities") == (0, 1, 1)
    assert result.scores["entities"].by_type["organization"].sys == 1
    assert result.scores["entities"].by_type["group"].gold == 1


def test_system_aliases_and_mentions_match_gold_aliases() -> None:
    by_mention = ent(
        "group", "Ansarullah movement", mentions=("the Tajik Taliban", "Tajik Taliban")
    )
    by_alias = ent("group", "Talibs", "Taleban")
    result = run(doc(entities=[by_mention, by_alias]), doc(entities=[JA, TALIBAN]))
    assert counts(result, "entities") == (2, 2, 2)


def test_gold_mentions_do_not_count_for_matching() -> None:
    gold = ent("group", "Katibat Imam al-Bukhari", mentions=("the group",))
    result = run(doc(entities=[ent("group", "the group")]), doc(entities=[gold]))
    assert counts(result, "entities") == (0, 1, 1)


def test_no_shared_name_no_match() -> None:
    result = run(doc(entities=[ent("group", "Jamaat Ansar")]), doc(entities=[JA]))
    assert counts(result, "entities") == (0, 1, 1)


def test_entities_are_matched_one_to_one() -> None:
    system = doc(entities=[ent("group", "Taliban"), ent("group", "Taleban")])
    result = run(system, doc(entities=[TALIBAN]))
    assert counts(result, "entities") == (1, 2, 1)
    assert [e["name"] for e in result.docs[0].false_positives["entities"]] == ["Taleban"]


def test_exact_canonical_name_is_preferred() -> None:
    gold = ent("group", "Islamic State", "Daesh")
    broader = ent("group", "Daesh", mentions=("Islamic State", "Daesh"))
    exact = ent("group", "Islamic State")
    result = run(doc(entities=[broader, exact]), doc(entities=[gold]))
    assert counts(result, "entities") == (1, 2, 1)
    assert [e["name"] for e in result.docs[0].false_positives["entities"]] == ["Daesh"]


def test_one_to_one_still_finds_the_most_matches() -> None:
    gold = [ent("group", "Jund al-Khilafah", "JaK"), ent("group", "Jamaat Ansarullah", "JA")]
    # The first system entity could take either gold entity; the second only the first.
    both = ent("group", "JaK-JA", mentions=("JaK", "JA"))
    only_first = ent("group", "JaK")
    result = run(doc(entities=[both, only_first]), doc(entities=gold))
    assert counts(result, "entities") == (2, 2, 2)


# --- relations --------------------------------------------------------------------------


def _rel_result(
    system_relations: list[dict[str, Any]],
    gold_relations: list[dict[str, Any]],
    system_entities: list[dict[str, Any]] | None = None,
) -> EvalResult:
    system = doc(entities=system_entities or GOLD_ENTITIES, relations=system_relations)
    return run(system, doc(entities=GOLD_ENTITIES, relations=gold_relations))


def test_relation_ends_resolve_through_any_name() -> None:
    result = _rel_result(
        [rel("JA", "part_of", "Taleban")], [rel("Tajik Taliban", "part_of", "Taliban")]
    )
    assert counts(result, "relations") == (1, 1, 1)


def test_relation_ends_resolve_through_system_mentions() -> None:
    system_entities = [
        ent("group", "Jamaat Ansarullah", mentions=("Ansarullah fighters",)),
        TALIBAN,
    ]
    result = _rel_result(
        [rel("Ansarullah fighters", "part_of", "Taliban")],
        [rel("Jamaat Ansarullah", "part_of", "Taliban")],
        system_entities,
    )
    assert counts(result, "relations") == (1, 1, 1)


def test_predicate_must_agree() -> None:
    result = _rel_result([rel("JA", "allied_with", "Taliban")], [rel("JA", "part_of", "Taliban")])
    assert counts(result, "relations") == (0, 1, 1)
    by_type = result.scores["relations"].by_type
    assert (by_type["allied_with"].sys, by_type["part_of"].gold) == (1, 1)


def test_symmetric_predicates_match_in_either_order() -> None:
    gold = [rel("JA", "allied_with", "Taliban"), rel("Taliban", "rival_of", "JA")]
    system = [rel("Taliban", "allied_with", "JA"), rel("JA", "rival_of", "Taliban")]
    assert counts(_rel_result(system, gold), "relations") == (2, 2, 2)


def test_directed_predicates_do_not_match_reversed() -> None:
    result = _rel_result([rel("Taliban", "part_of", "JA")], [rel("JA", "part_of", "Taliban")])
    assert counts(result, "relations") == (0, 1, 1)


def test_unmatched_end_fails_the_relation() -> None:
    # The system typed the Taliban wrongly, so that end resolves to no gold entity.
    system_entities = [JA, ent("organization", "Taliban")]
    result = _rel_result(
        [rel("JA", "part_of", "Taliban")], [rel("JA", "part_of", "Taliban")], system_entities
    )
    assert counts(result, "relations") == (0, 1, 1)


def test_end_naming_no_system_entity_fails_the_relation() -> None:
    result = _rel_result([rel("JA", "part_of", "Taliban")], [rel("JA", "part_of", "Taliban")], [JA])
    assert counts(result, "relations") == (0, 1, 1)


def test_relations_are_matched_one_to_one() -> None:
    system = [rel("JA", "part_of", "Taliban"), rel("Jamaat Ansarullah", "part_of", "Taleban")]
    result = _rel_result(system, [rel("JA", "part_of", "Taliban")])
    assert counts(result, "relations") == (1, 2, 1)
    assert len(result.docs[0].false_positives["relations"]) == 1


# --- events -----------------------------------------------------------------------------


def _event_result(
    system_events: list[dict[str, Any]], gold_events: list[dict[str, Any]]
) -> EvalResult:
    system = doc(entities=GOLD_ENTITIES, events=system_events)
    return run(system, doc(entities=GOLD_ENTITIES, events=gold_events))


def test_event_dates_agree_at_the_coarser_precision() -> None:
    gold = [ev("arrest", "2023-11", agents=["GKNB"])]
    assert counts(_event_result([ev("arrest", "2023", agents=["GKNB"])], gold), "events") == (
        1,
        1,
        1,
    )
    assert counts(_event_result([ev("arrest", "2023-11-05", agents=["GKNB"])], gold), "events") == (
        1,
        1,
        1,
    )
    assert counts(_event_result([ev("arrest", None, agents=["GKNB"])], gold), "events") == (1, 1, 1)
    assert counts(_event_result([ev("arrest", "2023-10", agents=["GKNB"])], gold), "events") == (
        0,
        1,
        1,
    )


def test_null_gold_date_agrees_with_any_date() -> None:
    result = _event_result(
        [ev("clash", "2021-07", agents=["Taliban"])], [ev("clash", agents=["Taliban"])]
    )
    assert counts(result, "events") == (1, 1, 1)


def test_event_type_must_agree() -> None:
    result = _event_result([ev("attack", agents=["JA"])], [ev("clash", agents=["JA"])])
    assert counts(result, "events") == (0, 1, 1)


def test_event_needs_a_shared_argument() -> None:
    result = _event_result([ev("arrest", targets=["JA"])], [ev("arrest", targets=["Taliban"])])
    assert counts(result, "events") == (0, 1, 1)
    no_arguments = _event_result([ev("arrest")], [ev("arrest")])
    assert counts(no_arguments, "events") == (0, 1, 1)


def test_event_arguments_match_by_alias_and_across_roles() -> None:
    by_alias = _event_result(
        [ev("arrest", agents=["State Committee for National Security"])],
        [ev("arrest", agents=["GKNB"])],
    )
    assert counts(by_alias, "events") == (1, 1, 1)
    by_location = _event_result(
        [ev("arrest", location="Tajikistan")], [ev("arrest", agents=["Tajikistan"])]
    )
    assert counts(by_location, "events") == (1, 1, 1)


def test_event_prefers_the_best_candidate() -> None:
    gold = [
        ev("arrest", "2023", agents=["GKNB"], targets=["Taliban"]),
        ev("arrest", "2023", agents=["GKNB"], targets=["JA"]),
    ]
    system = [ev("arrest", "2023", agents=["GKNB"], targets=["JA"])]
    result = _event_result(system, gold)
    assert counts(result, "events") == (1, 1, 2)
    assert result.docs[0].misses["events"] == [gold[0]]


def test_events_are_matched_one_to_one() -> None:
    system = [ev("clash", agents=["Taliban"]), ev("clash", targets=["Taliban"])]
    result = _event_result(system, [ev("clash", agents=["Taliban"])])
    assert counts(result, "events") == (1, 2, 1)


# --- estimates --------------------------------------------------------------------------


def _estimate_result(
    system_estimates: list[dict[str, Any]], gold_estimates: list[dict[str, Any]]
) -> EvalResult:
    system = doc(entities=GOLD_ENTITIES, estimates=system_estimates)
    return run(system, doc(entities=GOLD_ENTITIES, estimates=gold_estimates))


def test_estimate_numbers_compare_as_numbers() -> None:
    result = _estimate_result(
        [est("JA", "fighters", 100.0, 100)], [est("JA", "fighters", 100, 100.0)]
    )
    assert counts(result, "estimates") == (1, 1, 1)


def test_estimate_null_matches_only_null() -> None:
    gold = [est("JA", "fighters", None, 700)]
    assert counts(
        _estimate_result([est("Tajik Taliban", "fighters", None, 700)], gold), "estimates"
    ) == (1, 1, 1)
    assert counts(_estimate_result([est("JA", "fighters", 700, 700)], gold), "estimates") == (
        0,
        1,
        1,
    )
    assert counts(_estimate_result([est("JA", "fighters", 0, 700)], gold), "estimates") == (0, 1, 1)


def test_estimate_subject_and_measure_must_agree() -> None:
    gold = [est("JA", "fighters", 200, 999)]
    assert counts(_estimate_result([est("Taliban", "fighters", 200, 999)], gold), "estimates") == (
        0,
        1,
        1,
    )
    assert counts(_estimate_result([est("JA", "members", 200, 999)], gold), "estimates") == (
        0,
        1,
        1,
    )


def test_unscored_measures_are_ignored_on_both_sides() -> None:
    system = [est("JA", "other", 5, 5), est("JA", "killed", 3, 3), est("JA", "arrests", 31, 31)]
    gold = [est("Tajikistan", "other", 1400, 1400), est("JA", "arrests", 31, 31)]
    result = _estimate_result(system, gold)
    assert counts(result, "estimates") == (1, 1, 1)
    assert set(result.scores["estimates"].by_type) == {"arrests"}
    assert result.docs[0].false_positives["estimates"] == []


# --- attribution ------------------------------------------------------------------------


def test_attribution_agreement() -> None:
    gold = doc(
        entities=GOLD_ENTITIES,
        relations=[
            rel(
                "JA",
                "part_of",
                "Taliban",
                asserted_by="Andrei Serenko",
                polarity="affirmed",
                hedged=False,
            ),
            rel("JA", "based_in", "Tajikistan", asserted_by=None, polarity="affirmed", hedged=True),
        ],
        events=[
            ev(
                "statement",
                agents=["Taliban"],
                asserted_by="Taliban",
                polarity="denied",
                hedged=False,
            )
        ],
        estimates=[est("JA", "fighters", 100, 100, asserted_by=None, hedged=False)],
    )
    system = doc(
        entities=GOLD_ENTITIES,
        relations=[
            rel(
                "JA", "part_of", "Taliban", asserted_by="Serenko", polarity="affirmed", hedged=False
            ),
            rel(
                "JA",
                "based_in",
                "Tajikistan",
                asserted_by="GKNB",
                polarity="affirmed",
                hedged=False,
            ),
        ],
        events=[
            ev(
                "statement",
                agents=["Taliban"],
                asserted_by="Taleban",
                polarity="affirmed",
                hedged=False,
            )
        ],
        estimates=[
            est("JA", "fighters", 100, 100, asserted_by=None, hedged=False, polarity="denied")
        ],
    )
    result = run(system, gold)
    assert (result.attribution.correct, result.attribution.n) == (2, 4)
    assert result.attribution.accuracy == 0.5
    fields = {(d.category, tuple(d.fields)) for d in result.docs[0].disagreements}
    assert fields == {("relations", ("asserted_by", "hedged")), ("events", ("polarity",))}


def test_asserted_by_must_name_the_same_gold_entity() -> None:
    gold = doc(
        entities=GOLD_ENTITIES, relations=[rel("JA", "part_of", "Taliban", asserted_by="GKNB")]
    )
    system = doc(
        entities=GOLD_ENTITIES, relations=[rel("JA", "part_of", "Taliban", asserted_by="Serenko")]
    )
    result = run(system, gold)
    assert (result.attribution.correct, result.attribution.n) == (0, 1)


def test_attribution_counts_only_matched_facts() -> None:
    gold = doc(entities=GOLD_ENTITIES, relations=[rel("JA", "part_of", "Taliban", hedged=True)])
    system = doc(entities=GOLD_ENTITIES, relations=[rel("Taliban", "part_of", "JA")])
    result = run(system, gold)
    assert result.attribution.n == 0
