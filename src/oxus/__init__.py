"""oxus: open-source reporting on militancy in Afghanistan and Central Asia, as an
evidence-backed knowledge graph.

The public Python surface is small: the domain model, the store, ingestion and export.
"""

from __future__ import annotations

from oxus.model import (
    Document,
    DocumentFacts,
    Entity,
    EntityType,
    Estimate,
    Event,
    EventType,
    Evidence,
    Measure,
    Mention,
    Polarity,
    Predicate,
    Qualifier,
    Relation,
)

__version__ = "0.1.0"

__all__ = [
    "Document",
    "DocumentFacts",
    "Entity",
    "EntityType",
    "Estimate",
    "Event",
    "EventType",
    "Evidence",
    "Measure",
    "Mention",
    "Polarity",
    "Predicate",
    "Qualifier",
    "Relation",
    "__version__",
]
