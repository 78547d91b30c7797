from __future__ import annotations

import io
import json

from oxus.eval import validate_facts
from oxus.export.facts_jsonl import facts_record, write_facts_jsonl
from oxus.model import Predicate, Relation
from oxus.store import Store
from tests.conftest import make_facts


def test_record_follows_the_spec_and_names_entities(sample_facts) -> None:
    record = facts_record(sample_facts)
    assert validate_facts(record) == []
    assert record["doc"] == {
        "id": "d1",
        "title": "A test report",
        "url": None,
        "outlet": "Test Wire",
        "published": "2024-04-02",
    }
    assert {
        "subject": "Ali Karimov",
        "predicate": "leader_of",
        "object": "Northern Front",
    }.items() <= record["relations"][0].items()
    assert record["events"][0]["agents"] == ["Police"]
    assert record["estimates"][0]["low"] == 300 and isinstance(record["estimates"][0]["low"], int)
    group = next(e for e in record["entities"] if e["id"] == "group:northern-front")
    assert group["aliases"] == ["NF"] and group["mentions"] == ["Northern Front"]


def test_repeated_relations_in_one_document_are_exported_once(sample_facts) -> None:
    first = sample_facts.relations[0]
    sample_facts.relations.append(
        Relation(first.subject, Predicate.LEADER_OF, first.object, first.evidence)
    )
    assert len(facts_record(sample_facts)["relations"]) == 2


def test_symmetric_relations_deduplicate_in_either_order(sample_facts) -> None:
    ev = sample_facts.relations[0].evidence
    sample_facts.relations = [
        Relation("group:northern-front", Predicate.ALLIED_WITH, "organization:police", ev),
        Relation("organization:police", Predicate.ALLIED_WITH, "group:northern-front", ev),
    ]
    assert len(facts_record(sample_facts)["relations"]) == 1


def test_store_export_writes_one_valid_line_per_document(fresh_db: Store) -> None:
    fresh_db.save(make_facts("d1"))
    other = "Ali Karimov left Valley Province. Police arrested the Northern Front. No more."
    fresh_db.save(make_facts("d2", text=other))
    out = io.StringIO()
    assert write_facts_jsonl(fresh_db.iter_document_facts(), out) == 2
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["doc"]["id"] for line in lines] == ["d1", "d2"]
    assert all(validate_facts(line) == [] for line in lines)
