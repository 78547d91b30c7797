"""The store's tables (SQLAlchemy Core), shared by SQLite and PostgreSQL.

Every fact row points at its evidence (document, sentence, character span). Facts keep
the entity ids the pipeline gave them; merges are recorded on the entity
(``merged_into``) and resolved when reading, so that a merge can always be undone.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", String, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String, primary_key=True),
    Column("title", Text),
    Column("url", Text),
    Column("outlet", Text),
    Column("published", String(10)),
    Column("source", Text),
    Column("media_type", String, nullable=False),
    Column("language", String(8), nullable=False),
    Column("content_hash", String(64), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("ingested_at", String, nullable=False),
    Column("duplicate_of", String),
)

evidence = Table(
    "evidence",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("sentence_index", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    UniqueConstraint("document_id", "start", "end"),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String, primary_key=True),
    Column("type", String(16), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("country", String(2)),
    Column("parent", String),
    Column("lat", Float),
    Column("lon", Float),
    Column("description", Text),
    Column("sources", Text, nullable=False, default="[]"),
    Column("merged_into", String, index=True),
    Column("created_at", String, nullable=False),
)

aliases = Table(
    "aliases",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity_id", String, ForeignKey("entities.id"), nullable=False),
    Column("alias", Text, nullable=False),
    Column("norm", Text, nullable=False, index=True),
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE")),
    Column("source", Text),
    UniqueConstraint("entity_id", "norm", "document_id"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("entity_id", String, ForeignKey("entities.id"), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("sentence_index", Integer, nullable=False),
    Column("method", String(24), nullable=False),
    Column("score", Float, nullable=False),
    Index("ix_mentions_document", "document_id"),
)


def _fact_columns() -> list[Column]:
    """Columns every fact table shares: where it was said, by whom, how surely."""
    return [
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column(
            "document_id", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False
        ),
        Column("evidence_id", Integer, ForeignKey("evidence.id"), nullable=False),
        Column("asserted_by", String, ForeignKey("entities.id")),
        Column("hedged", Boolean, nullable=False, default=False),
        Column("confidence", Float, nullable=False, default=0.5),
        Column("review", String(16), nullable=False, default="machine"),
    ]


relations = Table(
    "relations",
    metadata,
    *_fact_columns(),
    Column("subject_id", String, ForeignKey("entities.id"), nullable=False),
    Column("predicate", String(32), nullable=False),
    Column("object_id", String, ForeignKey("entities.id"), nullable=False),
    Column("role", String(32)),
    Column("since", String(10)),
    Column("until", String(10)),
    Column("polarity", String(8), nullable=False),
    Index("ix_relations_document", "document_id"),
)

events = Table(
    "events",
    metadata,
    *_fact_columns(),
    Column("type", String(24), nullable=False, index=True),
    Column("date", String(10)),
    Column("location_id", String, ForeignKey("entities.id")),
    Column("counts", Text, nullable=False, default="{}"),
    Column("polarity", String(8), nullable=False),
    Index("ix_events_document", "document_id"),
)

event_participants = Table(
    "event_participants",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("entity_id", String, ForeignKey("entities.id"), primary_key=True),
    Column("role", String(8), primary_key=True),
    Column("position", Integer, nullable=False),
    # The event's date again, so an entity's newest events are read in index order.
    Column("date", String(10)),
)

estimates = Table(
    "estimates",
    metadata,
    *_fact_columns(),
    Column("subject_id", String, ForeignKey("entities.id"), nullable=False, index=True),
    Column("measure", String(16), nullable=False),
    Column("qualifier", String(16), nullable=False),
    Column("low", Float),
    Column("high", Float),
    Column("as_of", String(10)),
    Index("ix_estimates_document", "document_id"),
)

merge_candidates = Table(
    "merge_candidates",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity_a", String, ForeignKey("entities.id"), nullable=False),
    Column("entity_b", String, ForeignKey("entities.id"), nullable=False),
    Column("score", Float, nullable=False),
    Column("reason", Text, nullable=False),
    Column("status", String(16), nullable=False, default="open"),
    Column("created_at", String, nullable=False),
    UniqueConstraint("entity_a", "entity_b"),
)

audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String, nullable=False),
    Column("actor", String, nullable=False),
    Column("action", String(32), nullable=False),
    Column("target", String, nullable=False),
    Column("detail", Text, nullable=False, default="{}"),
)

review_examples = Table(
    "review_examples",
    metadata,
    # An analyst's accept or reject of an extracted fact, kept as a training example
    # apart from the fact row (which re-ingesting the document replaces).
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String, nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("fact", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("label", Integer, nullable=False),
    Column("actor", String, nullable=False),
    Column("decided_at", String, nullable=False),
    UniqueConstraint("document_id", "kind", "fact", "start", name="uq_review_example"),
)

sources = Table(
    "sources",
    metadata,
    # An analyst's entry of the source registry; it wins over the shipped entry of its id.
    Column("id", String, primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(24), nullable=False),
    Column("grade", String(1), nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("domains", Text, nullable=False, default="[]"),
    Column("outlets", Text, nullable=False, default="[]"),
    Column("entities", Text, nullable=False, default="[]"),
    Column("updated_at", String, nullable=False),
    Column("updated_by", String, nullable=False),
)

watch_lists = Table(
    "watch_lists",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("created_at", String, nullable=False),
)

watch_items = Table(
    "watch_items",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("list_id", Integer, ForeignKey("watch_lists.id", ondelete="CASCADE"), nullable=False),
    # entity (an entity id), country (ISO 3166-1 alpha-2) or event_type (an event type)
    Column("kind", String(16), nullable=False),
    Column("value", String, nullable=False),
    Column("label", Text, nullable=False),
    Column("created_at", String, nullable=False),
    UniqueConstraint("list_id", "kind", "value"),
)

alerts = Table(
    "alerts",
    metadata,
    # A fact about something watched, recorded when the document stating it was stored.
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("list_id", Integer, ForeignKey("watch_lists.id", ondelete="CASCADE"), nullable=False),
    Column("item_id", Integer, ForeignKey("watch_items.id", ondelete="CASCADE"), nullable=False),
    Column("fact_kind", String(16), nullable=False),
    Column("fact_id", Integer, nullable=False),
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("fingerprint", String(64), nullable=False),
    Column("created_at", String, nullable=False),
    Index("ix_alerts_list_created", "list_id", "created_at"),
    Index("ix_alerts_document", "document_id"),
)

# -- derived from the facts: incidents and the dates relations hold ----------------------
# Recomputed from the fact tables (``oxus.analysis.incidents``, ``oxus.analysis.dating``);
# only the analyst's incident decisions are original data.

incidents = Table(
    "incidents",
    metadata,
    Column("id", String, primary_key=True),
    Column("type", String(24), nullable=False),
    Column("date", String(10)),
    Column("location_id", String),
    # The date to order by: the incident's date, else when it was first reported.
    Column("sort_date", String(10)),
    Column("reports", Integer, nullable=False),
    Column("documents", Integer, nullable=False),
    # Best-supported values and disagreements, as JSON (oxus.analysis.incidents.summary).
    Column("summary", Text, nullable=False, default="{}"),
    Index("ix_incidents_newest", "sort_date", "id"),
    Index("ix_incidents_location", "location_id", "sort_date"),
)

incident_events = Table(
    "incident_events",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("incident_id", String, nullable=False),
    Column("score", Float),
    # Order within the incident, earliest published report first: a page reads the first few.
    Column("position", Integer, nullable=False, default=0),
    Index("ix_incident_events_incident", "incident_id", "position"),
)

incident_decisions = Table(
    "incident_decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(8), nullable=False),
    Column("events", Text, nullable=False),
    Column("others", Text, nullable=False, default="[]"),
    Column("status", String(8), nullable=False, default="active"),
    Column("actor", String, nullable=False),
    Column("at", String, nullable=False),
)

derived_state = Table(
    "derived_state",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("value", Text, nullable=False),
)

relation_times = Table(
    "relation_times",
    metadata,
    Column(
        "relation_id", Integer, ForeignKey("relations.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("start", String(10)),
    Column("end", String(10)),
    Column("ends", Boolean, nullable=False),
    Column("cue", String(48)),
)
