"""Settings read from the environment, with the defaults an analyst expects."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB = "oxus.db"


def database_url(value: str | None = None) -> str:
    """Turn ``--db``/``OXUS_DB`` (a path or a SQLAlchemy URL) into a URL; default ./oxus.db."""
    raw = value or os.environ.get("OXUS_DB") or DEFAULT_DB
    if "://" in raw:
        if raw.startswith("postgres://"):
            raw = "postgresql://" + raw[len("postgres://") :]
        if raw.startswith("postgresql://"):
            raw = "postgresql+psycopg://" + raw[len("postgresql://") :]
        return raw
    return f"sqlite:///{Path(raw).expanduser().resolve()}"


def default_pack_dir() -> Path:
    """The knowledge pack shipped with oxus (``OXUS_PACK`` overrides it)."""
    override = os.environ.get("OXUS_PACK")
    if override:
        return Path(override)
    return Path(__file__).parent / "packs" / "central_asia"


def shared_corpus_dir() -> Path | None:
    """The shared corpus beside the checkout, when present (``../shared/corpus``)."""
    for candidate in (Path.cwd().parent / "shared" / "corpus", Path.cwd() / "shared" / "corpus"):
        if candidate.is_dir():
            return candidate
    return None
