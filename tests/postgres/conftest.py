from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text

from oxus.store import Store
from tests.pgserver import postgres_server


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    with postgres_server() as url:
        yield url


@pytest.fixture
def pg_store(postgres_url: str) -> Iterator[Store]:
    """A migrated store on the real server, emptied before each test."""
    store = Store(postgres_url)
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "TRUNCATE documents, evidence, entities, aliases, mentions, relations, events, "
                "event_participants, estimates, merge_candidates, audit, sources, watch_lists, "
                "watch_items, alerts, incidents, incident_events, incident_decisions, "
                "derived_state, relation_times RESTART IDENTITY CASCADE"
            )
        )
    yield store
    store.close()
