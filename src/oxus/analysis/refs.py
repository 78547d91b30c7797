"""Small shared pieces of the analysis queries: entity and evidence references, merges.

Every analysis result points back at its evidence (document and character span) so
that a surface can link each fact to the sentence that states it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import Connection, select

from oxus.analysis.grading import Grading, grade_sentence
from oxus.analysis.sources import SourceBook
from oxus.store import schema
from oxus.store.reader import merge_map

PERIOD_END = "~"
"""Appended to an ``until`` bound: sorts after every digit and dash, so ``2023`` covers
``2023-12-31`` in plain string comparison of ISO dates."""


@dataclass(frozen=True)
class EntityRef:
    """An entity as a link target: its id, display name and type."""

    id: str
    name: str
    type: str
    status: str = "pack"


@dataclass(frozen=True)
class EvidenceRef:
    """The sentence a fact was read from, in its document."""

    document_id: str
    title: str | None
    published: str | None
    start: int
    end: int
    text: str

    @property
    def href(self) -> str:
        """The document page opened at this sentence, highlighted."""
        return (
            f"/documents/{self.document_id}?hl={self.start}-{self.end}#ev-{self.start}-{self.end}"
        )


class Resolver:
    """Resolves entity ids through merges and names them, one query per batch of ids."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.merges = merge_map(conn)
        self._names: dict[str, EntityRef] = {}

    def __call__(self, entity_id: str | None) -> str | None:
        if entity_id is None:
            return None
        return self.merges.get(entity_id, entity_id)

    def family(self, entity_id: str) -> list[str]:
        """The entity and every id merged into it: the ids its facts are stored under."""
        return [entity_id, *sorted(s for s, t in self.merges.items() if t == entity_id)]

    def load(self, ids: Iterable[str | None]) -> None:
        wanted = {self(i) for i in ids if i} - set(self._names) - {None}
        if not wanted:
            return
        for row in self.conn.execute(
            select(
                schema.entities.c.id,
                schema.entities.c.name,
                schema.entities.c.type,
                schema.entities.c.status,
            ).where(schema.entities.c.id.in_(wanted))
        ):
            self._names[row.id] = EntityRef(row.id, row.name, row.type, row.status)

    @cached_property
    def sources(self) -> SourceBook:
        """The source registry in force, read once per resolver (on first use)."""
        return SourceBook.load(self.conn, self.merges)

    def grading(self, row: object, speaker: str | None) -> Grading:
        """The grading of a fact row read with ``ev_outlet``/``ev_url`` evidence columns."""
        return grade_sentence(
            self.sources,
            outlet=row.ev_outlet,  # type: ignore[attr-defined]
            url=row.ev_url,  # type: ignore[attr-defined]
            speaker_id=self(speaker),
            confidence=float(row.confidence),  # type: ignore[attr-defined]
            hedged=bool(row.hedged),  # type: ignore[attr-defined]
        )

    def ref(self, entity_id: str | None) -> EntityRef | None:
        """The (resolved) entity as a reference; load() its id first to avoid a query each."""
        canonical = self(entity_id)
        if canonical is None:
            return None
        if canonical not in self._names:
            self.load([canonical])
        return self._names.get(canonical) or EntityRef(canonical, canonical, "unknown")


def evidence_columns() -> list:
    """The columns an :class:`EvidenceRef` is built from (join evidence and documents)."""
    return [
        schema.evidence.c.document_id.label("ev_doc"),
        schema.documents.c.title.label("ev_title"),
        schema.documents.c.published.label("ev_published"),
        schema.documents.c.outlet.label("ev_outlet"),
        schema.documents.c.url.label("ev_url"),
        schema.evidence.c.start.label("ev_start"),
        schema.evidence.c.end.label("ev_end"),
        schema.evidence.c.text.label("ev_text"),
    ]


def evidence_from(row: object) -> EvidenceRef:
    return EvidenceRef(
        document_id=row.ev_doc,  # type: ignore[attr-defined]
        title=row.ev_title,  # type: ignore[attr-defined]
        published=row.ev_published,  # type: ignore[attr-defined]
        start=row.ev_start,  # type: ignore[attr-defined]
        end=row.ev_end,  # type: ignore[attr-defined]
        text=row.ev_text,  # type: ignore[attr-defined]
    )


def until_bound(until: str) -> str:
    return until + PERIOD_END
