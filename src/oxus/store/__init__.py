"""Storage of documents, entities and facts (SQLite by default, PostgreSQL by URL)."""

from oxus.store.repository import SaveResult, Store, open_store

__all__ = ["SaveResult", "Store", "open_store"]
