"""API latency (p50/p95) on a store, through the real app in-process (no network noise)."""

from __future__ import annotations

import statistics
import time
import warnings

from oxus.store import Store

with warnings.catch_warnings():
    # Starlette's test client announces a future move to another HTTP package.
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

ENDPOINTS = {
    "profile": "/api/entities/{entity}",
    "search": "/api/search?q={query}",
    "graph": "/api/network",
    "timeline": "/api/timeline",
}


def most_mentioned_group(store: Store) -> str:
    """The busiest group in the store: the heaviest profile to answer."""
    from sqlalchemy import func, select

    from oxus.store import schema

    with store.engine.connect() as conn:
        row = conn.execute(
            select(schema.mentions.c.entity_id, func.count().label("n"))
            .join(schema.entities, schema.entities.c.id == schema.mentions.c.entity_id)
            .where(schema.entities.c.type == "group")
            .group_by(schema.mentions.c.entity_id)
            .order_by(func.count().desc())
            .limit(1)
        ).first()
    return row.entity_id if row else "group:taliban"


def api_latency(store: Store, *, runs: int = 30) -> dict[str, dict[str, float]]:
    """p50 and p95 in milliseconds per endpoint, after one warm-up request each."""
    from oxus.web import create_app

    entity = most_mentioned_group(store)
    results = {}
    with TestClient(create_app(store)) as client:
        for name, template in ENDPOINTS.items():
            url = template.format(entity=entity, query="Taliban")
            client.get(url).raise_for_status()
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                client.get(url).raise_for_status()
                times.append((time.perf_counter() - start) * 1000)
            cuts = statistics.quantiles(times, n=20)
            results[name] = {"p50": round(statistics.median(times), 1), "p95": round(cuts[-1], 1)}
    return results
