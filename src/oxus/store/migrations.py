"""Schema versions, applied in order when a store is opened.

Each migration is a function of a connection; its number is stored in
``schema_version``. Add a new migration at the end of ``MIGRATIONS``; never edit one
that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, inspect, select, text

from oxus.errors import StoreError
from oxus.store import schema
from oxus.store.sqlite_file import APPLICATION_ID


def _v1_initial(conn: Connection) -> None:
    schema.metadata.create_all(conn)
    if conn.dialect.name == "sqlite":
        conn.execute(
            text(
                "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5("
                "id UNINDEXED, title, text, tokenize='unicode61 remove_diacritics 2')"
            )
        )
    elif conn.dialect.name == "postgresql":
        conn.execute(
            text(
                "CREATE INDEX IF NOT EXISTS ix_documents_fts ON documents USING GIN "
                "(to_tsvector('simple', coalesce(title, '') || ' ' || text))"
            )
        )
        prefix_index = "ON aliases (norm text_pattern_ops)"
        conn.execute(text(f"CREATE INDEX IF NOT EXISTS ix_aliases_norm_prefix {prefix_index}"))


def _v2_growth_indexes(conn: Connection) -> None:
    """Index the paths that must stay fast as the store grows.

    Aliases are looked up per document and entity on every save; profiles list the
    newest documents mentioning an entity.
    """
    for statement in (
        "CREATE INDEX IF NOT EXISTS ix_aliases_document_entity ON aliases (document_id, entity_id)",
        "CREATE INDEX IF NOT EXISTS ix_mentions_entity_document "
        "ON mentions (entity_id, document_id)",
        "CREATE INDEX IF NOT EXISTS ix_documents_published ON documents (published, id)",
        "CREATE INDEX IF NOT EXISTS ix_events_location ON events (location_id)",
        "CREATE INDEX IF NOT EXISTS ix_relations_statement "
        "ON relations (subject_id, predicate, object_id, polarity, review)",
        "CREATE INDEX IF NOT EXISTS ix_relations_object_statement "
        "ON relations (object_id, predicate, subject_id, polarity, review)",
    ):
        conn.execute(text(statement))


def _v3_stored_search_vector(conn: Connection) -> None:
    """PostgreSQL: keep each document's search vector on disk, title weighted above text.

    Ranking recomputed ``to_tsvector`` for every matching document; on a large store a
    common word matches thousands, and search took seconds.
    """
    if conn.dialect.name != "postgresql":
        return
    conn.execute(
        text(
            "ALTER TABLE documents ADD COLUMN IF NOT EXISTS search_vector tsvector "
            "GENERATED ALWAYS AS (setweight(to_tsvector('simple', coalesce(title, '')), 'A') "
            "|| to_tsvector('simple', text)) STORED"
        )
    )
    conn.execute(text("DROP INDEX IF EXISTS ix_documents_fts"))
    conn.execute(
        text(
            "CREATE INDEX IF NOT EXISTS ix_documents_search_vector "
            "ON documents USING GIN (search_vector)"
        )
    )


def _v4_newest_first(conn: Connection) -> None:
    """Indexes for "the newest N" lists, read in index order however busy the entity.

    Profiles show the newest sentences of each statement and the newest events of an
    entity; without these, a statement or entity found in thousands of documents was
    sorted in full on every request. Participants carry their event's date for this.
    Saving looks up the merge candidates of a document's new entities from either end.
    """
    columns = {c["name"] for c in inspect(conn).get_columns("event_participants")}
    if "date" not in columns:
        conn.execute(text("ALTER TABLE event_participants ADD COLUMN date VARCHAR(10)"))
        conn.execute(
            text(
                "UPDATE event_participants SET date = "
                "(SELECT date FROM events WHERE events.id = event_participants.event_id)"
            )
        )
    for statement in (
        "CREATE INDEX IF NOT EXISTS ix_relations_newest "
        "ON relations (subject_id, predicate, object_id, polarity, id)",
        "CREATE INDEX IF NOT EXISTS ix_event_participants_newest "
        "ON event_participants (entity_id, date, event_id)",
        "CREATE INDEX IF NOT EXISTS ix_events_location_newest ON events (location_id, date, id)",
        "CREATE INDEX IF NOT EXISTS ix_events_newest ON events (date, id)",
        "CREATE INDEX IF NOT EXISTS ix_merge_candidates_b ON merge_candidates (entity_b)",
    ):
        conn.execute(text(statement))


REDUNDANT_INDEXES = (
    "ix_aliases_entity_id",
    "ix_mentions_entity_id",
    "ix_relations_subject_id",
    "ix_relations_object_id",
    "ix_events_date",
    "ix_events_location",
    "ix_event_participants_entity_id",
)
"""Indexes on a column that leads a wider index: the wider one answers the same lookups."""


def _v5_no_redundant_indexes(conn: Connection) -> None:
    """Drop single-column indexes that a composite index already starts with.

    Every saved document touched each of them on pages spread by entity, which made a
    save dearer as the store grew, and no query needs them.
    """
    for name in REDUNDANT_INDEXES:
        conn.execute(text(f"DROP INDEX IF EXISTS {name}"))


def _v6_source_registry(conn: Connection) -> None:
    """The analyst's entries of the source registry (grades, kinds, outlet names)."""
    schema.sources.create(conn, checkfirst=True)


def _v7_watch_lists(conn: Connection) -> None:
    """Watch lists, what each watches, and the alerts recorded as documents are stored."""
    for table in (schema.watch_lists, schema.watch_items, schema.alerts):
        table.create(conn, checkfirst=True)


def _v8_incidents_and_dated_relations(conn: Connection) -> None:
    """Tables for incidents (one occurrence from many reports) and when relations hold.

    Incidents and relation dates are derived from the facts and recomputed after each
    ingest; the analyst's split and join decisions are kept apart so they survive it.
    """
    for table in (
        schema.incidents,
        schema.incident_events,
        schema.incident_decisions,
        schema.derived_state,
        schema.relation_times,
    ):
        table.create(conn, checkfirst=True)


def _v9_review_examples(conn: Connection) -> None:
    """Analysts' accept and reject decisions on facts, kept as training examples."""
    schema.review_examples.create(conn, checkfirst=True)


MIGRATIONS: list[tuple[int, Callable[[Connection], None]]] = [
    (1, _v1_initial),
    (2, _v2_growth_indexes),
    (3, _v3_stored_search_vector),
    (4, _v4_newest_first),
    (5, _v5_no_redundant_indexes),
    (6, _v6_source_registry),
    (7, _v7_watch_lists),
    (8, _v8_incidents_and_dated_relations),
    (9, _v9_review_examples),
]
LATEST = MIGRATIONS[-1][0]


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("schema_version"):
        return 0
    versions = conn.execute(select(schema.schema_version.c.version)).scalars().all()
    return max(versions, default=0)


def check_version(conn: Connection, *, upgradable: bool) -> int:
    """The store's schema version; StoreError if this oxus cannot use it as it is.

    A newer version is always refused (its data may mean what this oxus does not know);
    an older one only when it cannot be upgraded here (a read-only store).
    """
    version = current_version(conn)
    if version > LATEST:
        raise StoreError(
            f"the store's schema version {version} is newer than this oxus knows ({LATEST}): "
            "upgrade oxus to open it"
        )
    if version < LATEST and not upgradable:
        raise StoreError(
            f"the store is read-only and at schema version {version} (this oxus needs "
            f"{LATEST}): open it once where it can be written, to upgrade it"
        )
    return version


def migrate(conn: Connection) -> int:
    """Bring the schema to the latest version; return the version it is at.

    A SQLite store is stamped with oxus's application id and its schema version
    (``PRAGMA application_id`` / ``user_version``), so that it is recognised as one.
    """
    version = check_version(conn, upgradable=True)
    for number, step in MIGRATIONS:
        if number > version:
            step(conn)
            conn.execute(
                schema.schema_version.insert().values(
                    version=number, applied_at=datetime.now(UTC).isoformat(timespec="seconds")
                )
            )
            version = number
    if conn.dialect.name == "sqlite":
        _stamp(conn, version)
    return version


def _stamp(conn: Connection, version: int) -> None:
    for pragma, value in (("application_id", APPLICATION_ID), ("user_version", version)):
        if conn.exec_driver_sql(f"PRAGMA {pragma}").scalar() != value:
            conn.exec_driver_sql(f"PRAGMA {pragma} = {int(value)}")
