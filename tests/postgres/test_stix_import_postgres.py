"""STIX import on PostgreSQL: one transaction, so a failure while storing leaves nothing."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

from oxus.errors import StoreError
from oxus.export.stix_import import import_stix
from oxus.store import Store
from oxus.store import repository as repository_module
from tests.export.hostile_stix import BASED, base

pytestmark = pytest.mark.postgres


def test_an_import_that_fails_half_way_leaves_nothing(
    pg_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = base()  # one relationship stated in a second document too: two documents
    based = next(o for o in bundle["objects"] if o["id"] == BASED)
    based["x_oxus_evidence"].append({**based["x_oxus_evidence"][0], "document": "other-doc"})
    real, calls = repository_module.write_facts, []

    def failing(conn: Any, facts: Any) -> None:
        calls.append(facts.document.id)
        if len(calls) == 2:
            raise OperationalError("INSERT", {}, Exception("server closed the connection"))
        real(conn, facts)

    monkeypatch.setattr(repository_module, "write_facts", failing)
    empty = pg_store.stats()
    with pytest.raises(StoreError):
        import_stix(pg_store, json.dumps(bundle))
    assert pg_store.stats() == empty and pg_store.document_ids() == []
    monkeypatch.setattr(repository_module, "write_facts", real)
    result = import_stix(pg_store, json.dumps(bundle))
    assert result.documents == 2 and pg_store.stats()["entities"] == 3
    assert import_stix(pg_store, json.dumps(bundle)).kept == ["hostile-doc", "other-doc"]
