"""A small cache for whole-store aggregates (network, map), keyed by the store's version.

The version changes with any write the web app can observe (new facts, reviews, merges
and other audited curation, added or deleted documents), so a cached answer is never
stale; it only spares recomputing the same graph for every page view.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy import func, select

from oxus.store import Store, schema

T = TypeVar("T")


def data_version(store: Store) -> tuple[Any, ...]:
    """Cheap fingerprint of the store's content: latest ids of facts and audit, counts."""
    with store.engine.connect() as conn:
        row = conn.execute(
            select(
                select(func.max(schema.relations.c.id)).scalar_subquery(),
                select(func.max(schema.events.c.id)).scalar_subquery(),
                select(func.max(schema.estimates.c.id)).scalar_subquery(),
                select(func.max(schema.audit.c.id)).scalar_subquery(),
                select(func.count()).select_from(schema.documents).scalar_subquery(),
                select(func.count())
                .select_from(schema.entities)
                .where(schema.entities.c.merged_into.is_not(None))
                .scalar_subquery(),
            )
        ).one()
    return tuple(row)


class VersionedCache:
    """Least-recently-used answers, each valid for one version of the store."""

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, store: Store, key: Hashable, compute: Callable[[], T]) -> T:
        full_key = (key, data_version(store))
        with self._lock:
            if full_key in self._items:
                self._items.move_to_end(full_key)
                return self._items[full_key]
        value = compute()
        with self._lock:
            self._items[full_key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value
