"""Watch lists as an analyst names and reads them: targets by name, lists with their counts.

``oxus watch add LIST NAME...`` takes names as an analyst writes them: an entity's name,
alias or id; a country (its name or ISO code: a state is watched as its country, its
places included); an event type (``attack``, ``plot foiled``). A prefix settles an
ambiguous name: ``entity:``, ``country:``, ``type:``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from oxus.analysis.entities import resolve_entity
from oxus.errors import NotFound, OxusError, StoreError
from oxus.model import EntityType, EventType
from oxus.store import Store, schema
from oxus.store.watch_lists import WatchTarget
from oxus.textnorm import fold

PREFIXES = {"entity": "entity", "country": "country", "type": "event_type", "event": "event_type"}


@dataclass
class WatchItemView:
    kind: str
    value: str
    label: str
    alerts: int


@dataclass
class WatchListView:
    name: str
    created_at: str
    items: list[WatchItemView] = field(default_factory=list)
    alerts: int = 0
    latest: str | None = None
    """When its newest alert was recorded."""


def _event_type(name: str) -> str | None:
    key = fold(name).replace(" ", "_")
    return next((t.value for t in EventType if key in (t.value, t.value + "s")), None)


def _country(store: Store, name: str) -> WatchTarget | None:
    e = schema.entities
    code = name.strip().upper()
    with store.engine.connect() as conn:
        row = conn.execute(
            select(e.c.name, e.c.country).where(
                e.c.type == EntityType.STATE.value, e.c.country == code, e.c.merged_into.is_(None)
            )
        ).first()
    return WatchTarget("country", row.country, row.name) if row is not None else None


def _ensure_pack(store: Store) -> None:
    """A store nothing was ingested into yet lacks the pack's entities: add them first."""
    e = schema.entities
    with store.engine.connect() as conn:
        known = conn.execute(select(e.c.id).where(e.c.status == "pack").limit(1)).first()
    if known is None:
        from oxus.kb.pack import shared_pack

        store.sync_pack(shared_pack(None).entities())


def resolve_target(store: Store, name: str) -> WatchTarget:
    """What an analyst means by ``name`` on a watch list; a one-line error when nothing fits.

    An empty store learns the knowledge pack first, so that one can watch before ingesting.
    """
    _ensure_pack(store)
    raw = name.strip()
    prefix, _, rest = raw.partition(":")
    kind = PREFIXES.get(prefix.lower()) if rest else None
    text = rest.strip() if kind else raw
    if not text:
        raise StoreError("nothing to watch: give an entity, a country or an event type")
    if kind in (None, "event_type") and (event := _event_type(text)):
        return WatchTarget("event_type", event, event.replace("_", " "))
    if kind == "event_type":
        types = ", ".join(t.value for t in EventType)
        raise StoreError(f"unknown event type {text!r}; expected one of {types}")
    if kind in (None, "country") and len(text) == 2 and (country := _country(store, text)):
        return country
    try:
        entity_id = resolve_entity(store, text)
    except OxusError as e:
        raise StoreError(f"nothing named {text!r}: not an entity, country or event type") from e
    entity = store.entity(entity_id)
    if entity is None:
        raise NotFound(f"no entity {entity_id!r}")
    if entity.type is EntityType.STATE and entity.country and kind != "entity":
        return WatchTarget("country", entity.country, entity.name)
    if kind == "country":
        raise StoreError(f"{entity.name!r} is a {entity.type.value}, not a country")
    return WatchTarget("entity", entity.id, entity.name)


def watch_lists(store: Store) -> list[WatchListView]:
    """Every watch list with its items, how many alerts each has and the newest alert."""
    wl, wi, al = schema.watch_lists, schema.watch_items, schema.alerts
    with store.engine.connect() as conn:
        lists = {
            row.id: WatchListView(row.name, row.created_at)
            for row in conn.execute(select(wl).order_by(wl.c.name))
        }
        counts = {
            row.item_id: row.n
            for row in conn.execute(
                select(al.c.item_id, func.count().label("n")).group_by(al.c.item_id)
            )
        }
        for row in conn.execute(select(wi).order_by(wi.c.id)):
            view = WatchItemView(row.kind, row.value, row.label, counts.get(row.id, 0))
            lists[row.list_id].items.append(view)
        for row in conn.execute(
            select(
                al.c.list_id, func.count().label("n"), func.max(al.c.created_at).label("at")
            ).group_by(al.c.list_id)
        ):
            if row.list_id in lists:
                lists[row.list_id].alerts, lists[row.list_id].latest = row.n, row.at
    return list(lists.values())
