from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from oxus.errors import GoldError
from oxus.eval.facts_format import load_facts, validate_facts
from oxus.model import EventType, Measure, Predicate

GOLD_DIR = Path("/work/shared/gold")


def _valid() -> dict[str, Any]:
    return {
        "doc": {"id": "d1", "title": "T", "url": None, "outlet": "O", "published": "2023-11"},
        "entities": [
            {
                "id": "group:ja",
                "type": "group",
                "name": "Jamaat Ansarullah",
                "aliases": ["JA"],
                "mentions": ["the JA"],
            },
            {
                "id": "state:tj",
                "type": "state",
                "name": "Tajikistan",
                "aliases": [],
                "mentions": [],
            },
            {"id": "person:x", "type": "person", "name": "Ali Vali", "aliases": [], "mentions": []},
        ],
        "relations": [
            {
                "subject": "JA",
                "predicate": "based_in",
                "object": "Tajikistan",
                "role": None,
                "since": "2021",
                "until": None,
                "asserted_by": "Ali Vali",
                "polarity": "affirmed",
                "hedged": False,
                "evidence": "...",
            }
        ],
        "events": [
            {
                "type": "arrest",
                "date": "2023-11-02",
                "location": "Tajikistan",
                "agents": [],
                "targets": ["the JA"],
                "counts": {"arrested": 3},
                "asserted_by": None,
                "polarity": "affirmed",
                "hedged": True,
                "evidence": "...",
            }
        ],
        "estimates": [
            {
                "subject": "JA",
                "measure": "fighters",
                "low": 100,
                "high": 150.0,
                "qualifier": "range",
                "as_of": "2023",
                "asserted_by": None,
                "hedged": False,
                "evidence": "...",
            }
        ],
    }


def test_valid_document_has_no_problems() -> None:
    assert validate_facts(_valid()) == []


def test_optional_fields_may_be_omitted() -> None:
    doc = {
        "doc": {"id": "d1"},
        "entities": [{"type": "group", "name": "JA", "aliases": []}],
        "relations": [{"subject": "JA", "predicate": "rival_of", "object": "JA"}],
        "events": [{"type": "clash"}],
        "estimates": [{"subject": "JA", "measure": "members", "low": None, "high": 5}],
    }
    assert validate_facts(doc) == []


def _problems_after(change: Any) -> list[str]:
    doc = copy.deepcopy(_valid())
    change(doc)
    return validate_facts(doc)


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (lambda d: d.pop("events"), "events: must be a list"),
        (lambda d: d["doc"].pop("id"), "doc: missing 'id'"),
        (lambda d: d["doc"].update(published="30 Nov 2023"), "doc.published"),
        (lambda d: d["entities"][0].update(type="militia"), "entities[0].type"),
        (lambda d: d["entities"][0].update(aliases="JA"), "entities[0].aliases"),
        (lambda d: d["entities"][1].pop("name"), "entities[1]: missing 'name'"),
        (lambda d: d["relations"][0].update(predicate="leads"), "relations[0].predicate"),
        (lambda d: d["relations"][0].update(polarity="negated"), "relations[0].polarity"),
        (lambda d: d["relations"][0].update(hedged="no"), "relations[0].hedged"),
        (lambda d: d["relations"][0].update(since="2021-13"), "relations[0].since"),
        (lambda d: d["events"][0].update(type="riot"), "events[0].type"),
        (lambda d: d["events"][0].update(counts={"dead": 2}), "events[0].counts"),
        (lambda d: d["events"][0].update(counts={"killed": -1}), "events[0].counts"),
        (lambda d: d["events"][0].update(date="2023-11-31"), "events[0].date"),
        (lambda d: d["estimates"][0].update(measure="tanks"), "estimates[0].measure"),
        (lambda d: d["estimates"][0].update(qualifier="roughly"), "estimates[0].qualifier"),
        (lambda d: d["estimates"][0].update(low="100"), "estimates[0].low"),
        (lambda d: d["estimates"][0].update(high=True), "estimates[0].high"),
        (lambda d: d["estimates"][0].update(low=200), "low 200 is greater than high"),
        (lambda d: d["estimates"][0].pop("low"), "estimates[0]: missing 'low'"),
        (lambda d: d["relations"].append("x"), "relations[1]: must be an object"),
    ],
)
def test_problems_are_reported(change: Any, fragment: str) -> None:
    problems = _problems_after(change)
    assert any(fragment in problem for problem in problems), problems


def test_not_an_object() -> None:
    assert validate_facts([]) == ["document must be a JSON object"]


def test_vocabularies_come_from_the_model() -> None:
    for predicate in Predicate:
        assert not _problems_after(
            lambda d, p=predicate: d["relations"][0].update(predicate=p.value)
        )
    for type_ in EventType:
        assert not _problems_after(lambda d, t=type_: d["events"][0].update(type=t.value))
    for measure in Measure:
        assert not _problems_after(lambda d, m=measure: d["estimates"][0].update(measure=m.value))


def test_unresolved_names_are_reported_unless_disabled() -> None:
    doc = _valid()
    doc["relations"][0]["object"] = "Uzbekistan"
    doc["events"][0]["agents"] = ["GKNB"]
    problems = validate_facts(doc)
    assert problems == [
        "relations[0].object: 'Uzbekistan' names no entity",
        "events[0].agents: 'GKNB' names no entity",
    ]
    assert validate_facts(doc, check_refs=False) == []


def test_casualty_measures_tolerated_unless_strict() -> None:
    doc = _valid()
    doc["estimates"][0]["measure"] = "killed"
    assert validate_facts(doc) == []
    assert any("event count" in problem for problem in validate_facts(doc, strict=True))


def test_load_jsonl_json_and_folder(tmp_path: Path) -> None:
    first, second = _valid(), _valid()
    second["doc"]["id"] = "d2"
    (tmp_path / "all.jsonl").write_text(
        json.dumps(first) + "\n\n" + json.dumps(second) + "\n", encoding="utf-8"
    )
    assert [d["doc"]["id"] for d in load_facts(tmp_path / "all.jsonl")] == ["d1", "d2"]
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "b.json").write_text(json.dumps(second), encoding="utf-8")
    (folder / "a.json").write_text(json.dumps(first), encoding="utf-8")
    (folder / "notes.txt").write_text("not facts", encoding="utf-8")
    assert [d["doc"]["id"] for d in load_facts(folder)] == ["d1", "d2"]
    assert [d["doc"]["id"] for d in load_facts(str(folder / "b.json"))] == ["d2"]


def test_bad_jsonl_line_names_file_and_line(tmp_path: Path) -> None:
    bad = _valid()
    bad["events"][0]["type"] = "riot"
    path = tmp_path / "facts.jsonl"
    path.write_text(json.dumps(_valid()) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(GoldError) as caught:
        load_facts(path)
    assert f"{path}:2: events[0].type" in str(caught.value)


def test_invalid_json_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_text('{\n  "doc": {"id": "d1"},\n  oops\n}', encoding="utf-8")
    with pytest.raises(GoldError, match=r"gold\.json: invalid JSON at line 3"):
        load_facts(path)


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="no such file"):
        load_facts(tmp_path / "absent.jsonl")
    with pytest.raises(GoldError, match=r"no \.json or \.jsonl files"):
        load_facts(tmp_path)


@pytest.mark.skipif(not GOLD_DIR.is_dir(), reason="shared gold files not available")
@pytest.mark.parametrize("path", sorted(GOLD_DIR.glob("*.json")), ids=lambda p: p.stem)
def test_gold_file_validates(path: Path) -> None:
    obj = json.loads(path.read_text(encoding="utf-8"))
    assert validate_facts(obj) == []
    assert obj["doc"]["id"] == path.stem
