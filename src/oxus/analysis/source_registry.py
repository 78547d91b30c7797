"""The source registry as an analyst works with it: listed with usage, graded, extended.

Reads combine the shipped seed and the store's entries (``SourceBook``); every change
is written whole through ``oxus.store.source_edits``, in one transaction with its audit
row, and is read back by the next query anywhere (profiles, briefs, exports).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from sqlalchemy import select

from oxus.analysis.entities import resolve_entity
from oxus.analysis.sources import GRADES, KINDS, Source, SourceBook, seed_sources, source_id
from oxus.errors import NotFound, OxusError, StoreError
from oxus.store import Store, schema
from oxus.store.reader import merge_map
from oxus.store.source_edits import forget_source, save_source

KIND_OF_SPEAKER = {"group": "group media", "state": "government"}
"""The kind a new speaker entry gets from its entity's type when none is given."""


@dataclass
class SourceUsage:
    """A source and how many stored documents it published."""

    source: Source
    documents: int
    seed: Source | None
    """The shipped entry of this id, when the store's entry overrides it."""


def load_book(store: Store) -> SourceBook:
    with store.engine.connect() as conn:
        return SourceBook.load(conn, merge_map(conn))


def list_sources(store: Store) -> tuple[list[SourceUsage], int]:
    """Every source with its document count, and how many documents match no source."""
    with store.engine.connect() as conn:
        book = SourceBook.load(conn, merge_map(conn))
        d = schema.documents
        rows = conn.execute(select(d.c.outlet, d.c.url).where(d.c.duplicate_of.is_(None))).all()
    counts: Counter[str] = Counter()
    unmatched = 0
    for row in rows:
        source = book.for_document(row.outlet, row.url)
        if source is None:
            unmatched += 1
        else:
            counts[source.id] += 1
    seeds = {s.id: s for s in seed_sources()}
    usage = [
        SourceUsage(s, counts[s.id], seeds.get(s.id) if s.origin == "analyst" else None)
        for s in book.sources
    ]
    return usage, unmatched


def _check_grade(grade: str) -> str:
    grade = grade.strip().upper()
    if grade not in GRADES:
        raise StoreError(f"unknown grade {grade!r}; expected one of A, B, C, D, E, F")
    return grade


def _check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise StoreError(f"unknown source kind {kind!r}; expected one of {', '.join(KINDS)}")
    return kind


def grade_source(
    store: Store,
    name: str,
    grade: str,
    *,
    reason: str | None = None,
    kind: str | None = None,
    actor: str = "cli",
) -> Source:
    """Regrade the source an analyst names (outlet, registry name or a quoted speaker).

    A speaker the registry does not know yet (an entity: a ministry, a group) gets an
    entry of its own; its kind comes from ``kind`` or, for groups and states, its type.
    """
    grade = _check_grade(grade)
    book = load_book(store)
    source = book.find(name)
    if source is None:
        source = _speaker_entry(store, book, name, kind)
    updated = replace(
        source,
        grade=grade,
        reason=(reason or "").strip() or source.reason,
        kind=_check_kind(kind) if kind else source.kind,
        origin="analyst",
    )
    before = source.as_row() if book.get(source.id) else None
    save_source(store, updated.as_row(), actor=actor, action="source-grade", before=before)
    return updated


def _speaker_entry(store: Store, book: SourceBook, name: str, kind: str | None) -> Source:
    try:
        entity_id = resolve_entity(store, name)
    except OxusError as e:
        raise StoreError(
            f"no source or entity named {name!r}; add an outlet with 'oxus sources add'"
        ) from e
    known = book.for_entity(entity_id)
    if known is not None:
        return known
    entity = store.entity(entity_id)
    if entity is None:
        raise NotFound(f"no entity {entity_id!r}")
    chosen = kind or KIND_OF_SPEAKER.get(entity.type.value)
    if chosen is None:
        raise StoreError(f"{entity.name!r} is a new source: say what kind it is with --kind")
    return Source(
        id=source_id(entity.name),
        name=entity.name,
        kind=_check_kind(chosen),
        grade="F",
        reason="Graded by an analyst.",
        entities=(entity_id,),
    )


def add_source(
    store: Store,
    name: str,
    *,
    kind: str,
    grade: str,
    reason: str,
    domains: list[str] | None = None,
    outlets: list[str] | None = None,
    entities: list[str] | None = None,
    actor: str = "cli",
) -> Source:
    """A new outlet or speaker in the registry (its name must be new)."""
    name = name.strip()
    if not name:
        raise StoreError("a source needs a name")
    if load_book(store).find(name) is not None:
        raise StoreError(f"a source named {name!r} exists; regrade it with 'oxus sources grade'")
    if not reason.strip():
        raise StoreError("say in one line why the source has its grade (--reason)")
    ids = [resolve_entity(store, e) for e in entities or []]
    source = Source(
        id=source_id(name),
        name=name,
        kind=_check_kind(kind),
        grade=_check_grade(grade),
        reason=reason.strip(),
        domains=tuple(d.strip().lower().removeprefix("www.") for d in domains or [] if d.strip()),
        outlets=tuple(o.strip() for o in outlets or [] if o.strip()),
        entities=tuple(ids),
    )
    save_source(store, source.as_row(), actor=actor, action="source-add")
    return replace(source, origin="analyst")


def reset_source(store: Store, name: str, *, actor: str = "cli") -> Source | None:
    """Undo an analyst's edits to a source: the shipped entry applies again (None if none)."""
    source = load_book(store).find(name)
    if source is None:
        raise StoreError(f"no source named {name!r}")
    if source.origin != "analyst":
        raise StoreError(f"{source.name!r} has no analyst's edits to undo")
    before = {"grade": source.grade, "kind": source.kind, "reason": source.reason}
    forget_source(store, source.id, actor=actor, before=before)
    return next((s for s in seed_sources() if s.id == source.id), None)
