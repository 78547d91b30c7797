"""API latency (p50/p95) on a store, through the real app in-process (no network noise)."""

from __future__ import annotations

import statistics
import time
import warnings

from oxus.store import Store

with warnings.catch_warnings():
    # Starlette's test client announces a future move to another HTTP package
    # (a DeprecationWarning in some releases, a UserWarning subclass in others).
    warnings.filterwarnings("ignore", message=".*httpx.*")
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

ENDPOINTS = {
    "profile": "/api/entities/{entity}",
    "search": "/api/search?q={query}",
    "graph": "/api/network",
    "timeline": "/api/timeline",
}


def most_mentioned(store: Store, count: int, *, type_: str | None = None) -> list[str]:
    """The busiest entities in the store: the heaviest profiles to answer."""
    from sqlalchemy import func, select

    from oxus.store import schema

    query = (
        select(schema.mentions.c.entity_id, func.count().label("n"))
        .join(schema.entities, schema.entities.c.id == schema.mentions.c.entity_id)
        .group_by(schema.mentions.c.entity_id)
        .order_by(func.count().desc())
        .limit(count)
    )
    if type_:
        query = query.where(schema.entities.c.type == type_)
    with store.engine.connect() as conn:
        return [row.entity_id for row in conn.execute(query)]


def _summary(times: list[float]) -> dict[str, float]:
    cuts = statistics.quantiles(times, n=20)
    return {"p50": round(statistics.median(times), 1), "p95": round(cuts[-1], 1)}


def api_latency(store: Store, *, runs: int = 30) -> dict[str, dict[str, float]]:
    """p50 and p95 in milliseconds per endpoint, after one warm-up request each.

    Repeated requests are answered from the app's cache until the store changes, so
    ``profile-first`` also times the first request for each of the busiest entities
    (after one profile of another entity, as on a server that has answered before).
    """
    from oxus.web import create_app

    busiest = most_mentioned(store, runs + 1)
    # The least busy of them warms the profile's statements up and is not timed.
    warm_up = busiest.pop() if len(busiest) > runs else None
    entity = (most_mentioned(store, 1, type_="group") or busiest or ["group:taliban"])[0]
    results = {}
    with TestClient(create_app(store), base_url="http://127.0.0.1") as client:
        client.get("/api/stats").raise_for_status()  # connections, caches, first import
        if warm_up is not None:
            client.get(f"/api/entities/{warm_up}").raise_for_status()
        first = []
        for other in busiest:
            start = time.perf_counter()
            client.get(f"/api/entities/{other}").raise_for_status()
            first.append((time.perf_counter() - start) * 1000)
        if len(first) >= 2:
            results["profile-first"] = _summary(first)
        for name, template in ENDPOINTS.items():
            url = template.format(entity=entity, query="Taliban")
            client.get(url).raise_for_status()
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                client.get(url).raise_for_status()
                times.append((time.perf_counter() - start) * 1000)
            results[name] = _summary(times)
    return results
