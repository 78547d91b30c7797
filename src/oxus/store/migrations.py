"""Schema versions, applied in order when a store is opened.

Each migration is a function of a connection; its number is stored in
``schema_version``. Add a new migration at the end of ``MIGRATIONS``; never edit one
that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, inspect, select, text

from oxus.store import schema


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


MIGRATIONS: list[tuple[int, Callable[[Connection], None]]] = [
    (1, _v1_initial),
    (2, _v2_growth_indexes),
]
LATEST = MIGRATIONS[-1][0]


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("schema_version"):
        return 0
    versions = conn.execute(select(schema.schema_version.c.version)).scalars().all()
    return max(versions, default=0)


def migrate(conn: Connection) -> int:
    """Bring the schema to the latest version; return the version it is at."""
    version = current_version(conn)
    for number, step in MIGRATIONS:
        if number > version:
            step(conn)
            conn.execute(
                schema.schema_version.insert().values(
                    version=number, applied_at=datetime.now(UTC).isoformat(timespec="seconds")
                )
            )
            version = number
    return version
