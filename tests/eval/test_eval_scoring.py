"""Document pairing, micro-averaging, the result views and the public surface."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import oxus.eval
from oxus.errors import GoldError
from oxus.eval import CATEGORIES, Counts, format_errors, format_report, load_facts, score

GOLD_DIR = Path("/work/shared/gold")


def ent(type_: str, name: str, *aliases: str) -> dict[str, Any]:
    return {"type": type_, "name": name, "aliases": list(aliases), "mentions": []}


def doc(doc_id: str, entities: list[dict[str, Any]], **sections: Any) -> dict[str, Any]:
    facts = {"doc": {"id": doc_id}, "entities": entities}
    for section in ("relations", "events", "estimates"):
        facts[section] = sections.get(section, [])
    return facts


TALIBAN, IMU = ent("group", "Taliban"), ent("group", "Islamic Movement of Uzbekistan", "IMU")
TAJIKISTAN = ent("state", "Tajikistan")
GOLD_A = doc(
    "a",
    [TALIBAN, IMU, TAJIKISTAN],
    relations=[{"subject": "IMU", "predicate": "allied_with", "object": "Taliban"}],
    events=[{"type": "clash", "date": "2021", "agents": ["Taliban"], "targets": ["IMU"]}],
    estimates=[{"subject": "IMU", "measure": "fighters", "low": None, "high": 700}],
)
GOLD_B = doc("b", [TALIBAN, TAJIKISTAN, ent("person", "Emomali Rahmon")])


def test_gold_doc_without_system_doc_counts_all_as_misses() -> None:
    result = score([GOLD_A], [GOLD_A, GOLD_B])
    assert result.missing_docs == ["b"]
    assert result.scores["entities"].overall == Counts(tp=3, sys=3, gold=6)
    missing = result.docs[1]
    assert not missing.has_system
    assert [e["name"] for e in missing.misses["entities"]] == [
        "Taliban",
        "Tajikistan",
        "Emomali Rahmon",
    ]


def test_system_doc_without_gold_is_ignored() -> None:
    extra = doc("zzz", [ent("group", "Hizb ut-Tahrir")])
    result = score([GOLD_A, extra], [GOLD_A])
    assert result.ignored_docs == ["zzz"]
    assert [d.doc_id for d in result.docs] == ["a"]
    assert result.scores["entities"].overall == Counts(tp=3, sys=3, gold=3)


def test_documents_pair_by_id_not_by_position() -> None:
    result = score([GOLD_B, GOLD_A], [GOLD_A, GOLD_B])
    for category in CATEGORIES:
        assert result.scores[category].overall.f1 == 1.0


def test_duplicate_doc_ids_are_rejected() -> None:
    with pytest.raises(GoldError, match="more than once"):
        score([], [GOLD_A, GOLD_A])
    with pytest.raises(GoldError, match="more than once"):
        score([GOLD_A, GOLD_A], [GOLD_A])


def test_scores_are_micro_averaged() -> None:
    one_of_three = doc("b", [TALIBAN])
    result = score([GOLD_A, one_of_three], [GOLD_A, GOLD_B])
    entities = result.scores["entities"].overall
    assert (entities.tp, entities.sys, entities.gold) == (4, 4, 6)
    assert entities.precision == 1.0
    assert entities.recall == pytest.approx(4 / 6)
    assert entities.f1 == pytest.approx(0.8)
    assert result.scores["entities"].by_type["state"] == Counts(tp=1, sys=1, gold=2)


def test_empty_ratios() -> None:
    assert (Counts().precision, Counts().recall, Counts().f1) == (1.0, 1.0, 1.0)
    assert (Counts(sys=2).precision, Counts(sys=2).recall) == (0.0, 0.0)
    assert (Counts(gold=2).precision, Counts(gold=2).recall) == (0.0, 0.0)


def _partial_result() -> Any:
    system = doc(
        "a",
        [TALIBAN, ent("group", "Uzbek Movement", "IMU"), ent("state", "Afghanistan")],
        relations=[
            {"subject": "Taliban", "predicate": "allied_with", "object": "IMU", "hedged": True}
        ],
    )
    return score([system], [GOLD_A])


def test_format_report_table() -> None:
    report = format_report(_partial_result())
    lines = report.splitlines()
    assert lines[0] == "documents: 1 scored, 0 without system output, 0 without gold (ignored)"
    header = next(line for line in lines if line.startswith("category"))
    assert header.split() == ["category", "P", "R", "F1", "tp/sys/gold"]
    entities = next(line for line in lines if line.startswith("entities "))
    assert entities.split() == ["entities", "0.667", "0.667", "0.667", "2/3/3"]
    assert "attribution accuracy 0.000 (0/1 matched facts)" in report
    assert "entities by type" in report and "relations by predicate" in report
    group = next(line for line in lines if line.startswith("group "))
    assert group.split()[-1] == "2/2/2"
    # The columns line up: every row of a table has its P column at the same offset.
    table = lines[lines.index(header) : lines.index(header) + 5]
    assert len({line.index(".") for line in table[1:]}) == 1


def test_format_errors_lists_false_positives_and_misses() -> None:
    text = format_errors(_partial_result(), "entities")
    assert text.splitlines() == [
        "== a",
        "  FP  state: Afghanistan",
        "  FN  state: Tajikistan",
    ]
    events = format_errors(_partial_result(), "events")
    assert "  FN  clash 2021: Taliban -> IMU" in events
    estimates = format_errors(_partial_result(), "estimates")
    assert "  FN  IMU fighters = None..700 (None)" in estimates


def test_format_errors_attribution_and_empty() -> None:
    text = format_errors(_partial_result(), "attribution")
    assert "IMU -allied_with-> Taliban" in text
    assert "system hedged=True | gold hedged=None" in text
    assert format_errors(score([GOLD_A], [GOLD_A]), "relations") == "no relations errors"
    with pytest.raises(ValueError, match="unknown category"):
        format_errors(_partial_result(), "people")


def test_to_dict_is_json_ready() -> None:
    data = json.loads(json.dumps(_partial_result().to_dict(errors=True)))
    assert data["entities"]["tp"] == 2
    assert data["entities"]["by_type"]["state"] == {
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
        "tp": 0,
        "sys": 1,
        "gold": 1,
    }
    assert data["attribution"] == {"accuracy": 0.0, "correct": 0, "n": 1}
    assert data["documents"] == {"scored": 1, "missing": [], "ignored": []}
    assert data["per_document"][0]["misses"]["entities"][0]["name"] == "Tajikistan"
    assert "misses" not in _partial_result().to_dict()["per_document"][0]


def test_public_surface_is_pinned() -> None:
    assert sorted(oxus.eval.__all__) == sorted(
        [
            "CATEGORIES",
            "ERROR_CATEGORIES",
            "TOLERATED_MEASURES",
            "AttributionScore",
            "CategoryScore",
            "Counts",
            "Disagreement",
            "DocResult",
            "EvalResult",
            "dates_agree",
            "describe",
            "format_errors",
            "format_report",
            "load_facts",
            "normalize_name",
            "score",
            "score_document",
            "validate_facts",
        ]
    )
    for name in oxus.eval.__all__:
        assert hasattr(oxus.eval, name)


@pytest.mark.skipif(not GOLD_DIR.is_dir(), reason="shared gold files not available")
def test_gold_scored_against_itself_is_perfect() -> None:
    gold = load_facts(GOLD_DIR)
    result = score(gold, gold)
    for category in CATEGORIES:
        assert result.scores[category].overall.f1 == 1.0
        for counts in result.scores[category].by_type.values():
            assert (counts.precision, counts.recall) == (1.0, 1.0)
    assert result.attribution.accuracy == 1.0
    assert result.attribution.n > 0
