"""The one API every layer uses to read and write the store."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, NamedTuple

from sqlalchemy import Connection, bindparam, or_, select, text
from sqlalchemy.exc import SQLAlchemyError

from oxus.config import database_url
from oxus.errors import StoreError
from oxus.model import Document, DocumentFacts, Entity, EntityType
from oxus.store import schema
from oxus.store.candidates import record_shared_names
from oxus.store.chunks import chunks_within
from oxus.store.counts import store_counts
from oxus.store.engine import make_engine, write_transaction
from oxus.store.migrations import check_version, migrate
from oxus.store.reader import read_document_facts
from oxus.store.sqlite_file import examine, sqlite_path
from oxus.store.watch import alert_times, record_alerts
from oxus.store.writer import delete_document, write_entities, write_facts
from oxus.textnorm import fold


class SaveResult(StrEnum):
    """What saving a document did."""

    ADDED = "added"
    UNCHANGED = "unchanged"
    REPLACED = "replaced"
    DUPLICATE = "duplicate"


class StoredSource(NamedTuple):
    """What ingestion needs to know of a stored document."""

    content_hash: str
    source: str | None


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def document_from_row(row: Any) -> Document:
    return Document(
        id=row.id,
        text=row.text,
        title=row.title,
        url=row.url,
        outlet=row.outlet,
        published=row.published,
        source=row.source,
        media_type=row.media_type,
        content_hash=row.content_hash,
        language=row.language,
    )


def entity_from_row(row: Any) -> Entity:
    return Entity(
        id=row.id,
        type=EntityType(row.type),
        name=row.name,
        status=row.status,
        country=row.country,
        parent=row.parent,
        lat=row.lat,
        lon=row.lon,
        description=row.description,
        sources=json.loads(row.sources or "[]"),
    )


_d = schema.documents
_SAME_ID_OR_CONTENT = select(_d.c.id, _d.c.content_hash, _d.c.duplicate_of).where(
    or_(_d.c.id == bindparam("id"), _d.c.content_hash == bindparam("hash"))
)
"""The stored document of this id, and any of the same content (its possible twin)."""
_INSERT_DOCUMENT = _d.insert()
_INSERT_SEARCH_TEXT = text("INSERT INTO documents_fts(id, title, text) VALUES (:id, :title, :text)")


def database_error(error: SQLAlchemyError) -> str:
    """The database's own one-line message, without SQLAlchemy's statement and links."""
    original = getattr(error, "orig", None)
    text_ = str(original if original is not None else error).strip()
    return text_.splitlines()[0] if text_ else type(error).__name__


SAVE_GROUP = 16
"""Documents a stream saves per transaction: 300 documents wrote 124 MB to the
write-ahead log one by one, 35 MB sixteen at a time (docs/benchmarks.md)."""
SAVE_WAIT_SECONDS = 2.0
"""A stream's group is saved once its first document has waited this long, however small."""


def _not_saved(facts: DocumentFacts, error: SQLAlchemyError | StoreError) -> StoreError:
    if isinstance(error, StoreError):
        return error
    return StoreError(f"cannot save document {facts.document.id!r}: {database_error(error)}")


class Store:
    """A SQLite or PostgreSQL store, migrated to the latest schema on open.

    With ``reading`` (commands that only read), a missing SQLite store is an error
    (unless ``create``) and one whose file or folder cannot be written is opened
    read-only (``read_only``).
    Schema creation, pack loading and saves each hold the write lock, so two processes
    starting on a new store take turns instead of failing.
    """

    def __init__(self, url: str, *, reading: bool = False, create: bool = False) -> None:
        self.url = url
        self.read_only = False
        target = url
        path = sqlite_path(url)
        if path is not None:
            file = examine(path)
            if reading and not create and not file.exists:
                raise StoreError(f"no store at {path} (run 'oxus ingest' to make one)")
            if not file.writable:
                if not reading:
                    raise StoreError(
                        f"store {path} is read-only (the file or its folder cannot be "
                        "written); only commands that read can use it"
                    )
                target, self.read_only = file.uri(), True
        self.engine = make_engine(target, read_only=self.read_only)
        self._pack_names: set[tuple[str, str]] = set()
        """(entity id, folded name) of pack names this Store synced: stored for good."""
        try:
            if self.read_only:
                with self.engine.connect() as conn:
                    check_version(conn, upgradable=False)
            else:
                with write_transaction(self.engine, exclusive=True) as conn:
                    migrate(conn)
        except SQLAlchemyError as e:
            self.engine.dispose()
            raise StoreError(f"cannot open store {_shown(url)}: {database_error(e)}") from e
        except StoreError:
            self.engine.dispose()
            raise

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def refresh_statistics(self) -> None:
        """Let the query planner see the store's new size after a bulk load.

        Profile and timeline queries pick their indexes from these statistics; on a
        store that just grew tenfold, stale ones lead to full scans until the
        database gets round to it (PostgreSQL's autovacuum; SQLite never does).
        """
        if self.dialect == "postgresql":
            # VACUUM also marks pages all-visible, which index-only scans rely on; it
            # cannot run inside a transaction.
            with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("VACUUM ANALYZE"))
            return
        with self.engine.begin() as conn:
            # Sampled: a full ANALYZE reads every index, which is slow on a big file.
            conn.execute(text("PRAGMA analysis_limit=1000"))
            conn.execute(text("ANALYZE"))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        """Close the store however the block ends; an error in it goes on up."""
        self.close()

    # -- writing -----------------------------------------------------------------------

    def save(self, facts: DocumentFacts) -> SaveResult:
        """Store one document and its facts in one transaction; same content is a no-op."""
        try:
            with write_transaction(self.engine) as conn:
                return self._save(conn, facts)
        except SQLAlchemyError as e:
            raise _not_saved(facts, e) from e

    def save_stream(
        self, stream: Iterable[DocumentFacts]
    ) -> Iterator[tuple[DocumentFacts, SaveResult | StoreError]]:
        """Save documents as they come, ``SAVE_GROUP`` to a transaction (see
        :meth:`save_group`), and answer each with what saving it did or why it was not.

        A document waits at most ``SAVE_WAIT_SECONDS`` for the rest of its group (when
        the next one arrives), so a slow producer still sees its documents stored.
        """
        for group in chunks_within(stream, SAVE_GROUP, SAVE_WAIT_SECONDS):
            yield from zip(group, self.save_group(group), strict=True)

    def save_group(self, group: Sequence[DocumentFacts]) -> list[SaveResult | StoreError]:
        """Store several documents in one transaction; answer each with what saving it
        did, or the error that kept it out.

        A commit writes every page the transaction touched to the write-ahead log, and
        consecutive documents' index entries share most of their pages: sixteen
        documents in one commit write about a quarter of the bytes of sixteen commits.
        When anything in the group fails, the transaction is rolled back and each
        document is saved in a transaction of its own, so a document the store refuses
        is kept out alone. (Savepoints would do the same at the price of a journal of
        every page each document touches.)
        """
        try:
            with write_transaction(self.engine) as conn:
                return [self._save(conn, facts) for facts in group]
        except (SQLAlchemyError, StoreError) as e:
            if len(group) == 1:
                return [_not_saved(group[0], e)]
        outcomes: list[SaveResult | StoreError] = []
        for facts in group:
            try:
                outcomes.append(self.save(facts))
            except StoreError as e:
                outcomes.append(e)
        return outcomes

    def save_together(
        self, entities: list[Entity], documents: list[DocumentFacts]
    ) -> list[SaveResult]:
        """Entities (as ``sync_pack`` does) and documents in one transaction: all or none.

        An import uses it, so that a failure half-way leaves the store as it was.
        """
        try:
            with write_transaction(self.engine, exclusive=True) as conn:
                known = DocumentFacts(
                    document=Document(id="", text=""), entities={e.id: e for e in entities}
                )
                names = write_entities(conn, known, now(), alias_source="pack")
                results = [self._save(conn, facts) for facts in documents]
        except SQLAlchemyError as e:
            raise StoreError(f"cannot store the import: {database_error(e)}") from e
        self._pack_names |= names.pairs
        return results

    def _save(self, conn: Connection, facts: DocumentFacts) -> SaveResult:
        doc = facts.document
        existing, twin = None, None
        for row in conn.execute(_SAME_ID_OR_CONTENT, {"id": doc.id, "hash": doc.content_hash}):
            if row.id == doc.id:
                existing = row.content_hash
            elif row.duplicate_of is None and twin is None:
                twin = row.id
        if existing == doc.content_hash:
            return SaveResult.UNCHANGED
        previous = None
        if existing is not None:
            previous = alert_times(conn, doc.id)
            delete_document(conn, doc.id)
        self._insert_document(conn, doc, duplicate_of=twin)
        if twin is not None:
            return SaveResult.DUPLICATE
        at = now()
        names = write_entities(conn, facts, at, recorded=self._pack_names)
        record_shared_names(conn, facts, names.holders, at)
        write_facts(conn, facts)
        record_alerts(conn, doc.id, at, previous)
        return SaveResult.REPLACED if existing is not None else SaveResult.ADDED

    def _insert_document(
        self, conn: Connection, doc: Document, *, duplicate_of: str | None
    ) -> None:
        conn.execute(
            _INSERT_DOCUMENT,
            {
                "id": doc.id,
                "title": doc.title,
                "url": doc.url,
                "outlet": doc.outlet,
                "published": doc.published,
                "source": doc.source,
                "media_type": doc.media_type,
                "language": doc.language,
                "content_hash": doc.content_hash,
                "text": doc.text,
                "ingested_at": now(),
                "duplicate_of": duplicate_of,
            },
        )
        if conn.dialect.name == "sqlite":
            conn.execute(
                _INSERT_SEARCH_TEXT, {"id": doc.id, "title": doc.title or "", "text": doc.text}
            )

    def sync_pack(self, entities: list[Entity]) -> int:
        """Make sure every pack entity and alias is in the store; return how many were new."""
        with write_transaction(self.engine, exclusive=True) as conn:
            known = set(conn.execute(select(schema.entities.c.id)).scalars())
            facts = DocumentFacts(
                document=Document(id="", text=""), entities={e.id: e for e in entities}
            )
            names = write_entities(conn, facts, now(), alias_source="pack")
        self._pack_names |= names.pairs
        return len({e.id for e in entities} - known)

    # -- reading -----------------------------------------------------------------------

    def content_hashes(self) -> dict[str, str]:
        """Every stored document's content hash by id: one read to skip unchanged input."""
        return {doc_id: stored.content_hash for doc_id, stored in self.document_index().items()}

    def document_index(self) -> dict[str, StoredSource]:
        """Every stored document's content hash and source by id, in one read.

        Ingestion skips unchanged input with the hashes and gives a file the id it was
        stored under with the sources.
        """
        d = schema.documents
        with self.engine.connect() as conn:
            rows = conn.execute(select(d.c.id, d.c.content_hash, d.c.source))
            return {row.id: StoredSource(row.content_hash, row.source) for row in rows}

    def document(self, doc_id: str) -> Document | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(schema.documents).where(schema.documents.c.id == doc_id)
            ).first()
        return document_from_row(row) if row else None

    def document_ids(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(
                conn.execute(
                    select(schema.documents.c.id).order_by(schema.documents.c.id)
                ).scalars()
            )

    def document_facts(self, doc_id: str) -> DocumentFacts | None:
        """A document with its facts, entity ids resolved through merges."""
        with self.engine.connect() as conn:
            return read_document_facts(conn, doc_id)

    def iter_document_facts(self) -> Iterator[DocumentFacts]:
        for doc_id in self.document_ids():
            facts = self.document_facts(doc_id)
            if facts is not None:
                yield facts

    def entity(self, entity_id: str) -> Entity | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(schema.entities).where(schema.entities.c.id == entity_id)
            ).first()
            if row is None:
                return None
            entity = entity_from_row(row)
            entity.aliases = sorted(
                set(
                    conn.execute(
                        select(schema.aliases.c.alias).where(
                            schema.aliases.c.entity_id == entity_id
                        )
                    ).scalars()
                )
                - {entity.name}
            )
        return entity

    def find_entities(self, name: str) -> list[str]:
        """Ids of entities with this name or alias (folded comparison), canonical first."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(schema.aliases.c.entity_id, schema.entities.c.merged_into)
                .join(schema.entities, schema.entities.c.id == schema.aliases.c.entity_id)
                .where(schema.aliases.c.norm == fold(name))
                .distinct()
            ).all()
        return sorted({row.entity_id for row in rows}, key=lambda i: (i.count("-"), i))

    def stats(self) -> dict[str, int]:
        """What the store holds, counted as exports count it (see ``store.counts``)."""
        with self.engine.connect() as conn:
            return store_counts(conn)

    def delete(self, doc_id: str) -> bool:
        with self.engine.begin() as conn:
            exists = conn.execute(
                select(schema.documents.c.id).where(schema.documents.c.id == doc_id)
            ).first()
            if exists:
                delete_document(conn, doc_id)
        return bool(exists)


def open_store(
    url_or_path: str | None = None, *, reading: bool = False, create: bool = False
) -> Store:
    """Open (and migrate) the store named by a URL, a path, ``OXUS_DB`` or the default.

    ``reading``: the caller can do with a read-only store; ``create``: even so, a
    missing store is made (see ``Store``).
    """
    return Store(database_url(url_or_path), reading=reading, create=create)


def _shown(url: str) -> str:
    """A store's URL for messages: a SQLite file as its path, a password never shown."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.rpartition('@')[2]}" if "@" in rest else url
