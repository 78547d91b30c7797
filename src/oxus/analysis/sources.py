"""The source registry: who publishes or says a claim, and how far they are trusted.

A *source* is an outlet (a report's publisher) or a speaker a report quotes (a
government, the UN, a group's spokesmen), graded on the Admiralty reliability scale A–F.
The curated seed ships with oxus (``data/sources.yaml``); an analyst's edits are stored
(``sources`` table) and win over the seed entry with the same id, so a regrade reaches
every profile, brief and export at once. A report is matched to its outlet by the outlet
name it prints (exact, then without a parenthesised note such as "(via ...)", then a wire
named in the note), else by its URL's domain.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from sqlalchemy import Connection, select

from oxus.errors import PackError
from oxus.model import slugify
from oxus.store import schema
from oxus.textnorm import fold

SEED = Path(__file__).parent / "data" / "sources.yaml"
GRADES: dict[str, str] = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}
"""The Admiralty (NATO) source reliability scale."""
UNGRADED = "F"
KINDS = (
    "state media",
    "group media",
    "independent press",
    "wire",
    "think tank",
    "government",
    "UN",
)
ENTRY_KEYS = frozenset({"name", "kind", "grade", "reason", "domains", "outlets", "entities"})
_NOTE = re.compile(r"^(?P<stem>.+?)\s*\((?P<note>[^()]*)\)\s*$")


def reliability_label(grade: str) -> str:
    """The grade as OpenCTI writes it: ``B - Usually reliable``."""
    return f"{grade} - {GRADES[grade]}"


@dataclass(frozen=True)
class Source:
    """An outlet or speaker with its reliability grade and why it has that grade."""

    id: str
    name: str
    kind: str
    grade: str
    reason: str
    domains: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    """Outlet names as reports print them, besides ``name``."""
    entities: tuple[str, ...] = ()
    """Entity ids of this source when a report quotes it as the speaker."""
    origin: str = "seed"
    """``seed`` (shipped with oxus) or ``analyst`` (edited in this store)."""
    updated_at: str | None = None
    updated_by: str | None = None

    @property
    def reliability(self) -> str:
        return reliability_label(self.grade)

    def as_row(self) -> dict[str, Any]:
        """The stored columns of this source (lists as JSON)."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "grade": self.grade,
            "reason": self.reason,
            "domains": json.dumps(list(self.domains)),
            "outlets": json.dumps(list(self.outlets), ensure_ascii=False),
            "entities": json.dumps(list(self.entities)),
        }


def source_id(name: str) -> str:
    return slugify(name)


def _checked(entry: Mapping[str, Any], where: str) -> Source:
    unknown = set(entry) - ENTRY_KEYS
    if unknown:
        raise PackError(f"{where}: unknown keys {sorted(unknown)}")
    name = str(entry.get("name") or "").strip()
    if not name:
        raise PackError(f"{where}: a source needs a name")
    grade, kind = str(entry.get("grade", "")), str(entry.get("kind", ""))
    if grade not in GRADES:
        raise PackError(f"{where}: {name!r} has grade {grade!r}; expected one of A-F")
    if kind not in KINDS:
        raise PackError(f"{where}: {name!r} has kind {kind!r}; expected one of {list(KINDS)}")
    if not str(entry.get("reason") or "").strip():
        raise PackError(f"{where}: {name!r} needs a one-line reason for its grade")
    return Source(
        id=source_id(name),
        name=name,
        kind=kind,
        grade=grade,
        reason=str(entry["reason"]).strip(),
        domains=tuple(str(d).lower() for d in entry.get("domains") or ()),
        outlets=tuple(str(o) for o in entry.get("outlets") or ()),
        entities=tuple(str(e) for e in entry.get("entities") or ()),
    )


@cache
def seed_sources(path: Path = SEED) -> tuple[Source, ...]:
    """The curated registry shipped with oxus, validated."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as e:
        raise PackError(f"cannot read the source registry {path}: {e}") from e
    entries = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise PackError(f"{path}: expected a 'sources' list")
    sources = [_checked(entry, f"{path.name} entry {i + 1}") for i, entry in enumerate(entries)]
    ids = [s.id for s in sources]
    if len(ids) != len(set(ids)):
        raise PackError(f"{path}: two sources share a name")
    return tuple(sources)


def stored_sources(conn: Connection) -> list[Source]:
    """The analyst's entries kept in this store."""
    return [
        Source(
            id=row.id,
            name=row.name,
            kind=row.kind,
            grade=row.grade,
            reason=row.reason or "",
            domains=tuple(json.loads(row.domains or "[]")),
            outlets=tuple(json.loads(row.outlets or "[]")),
            entities=tuple(json.loads(row.entities or "[]")),
            origin="analyst",
            updated_at=row.updated_at,
            updated_by=row.updated_by,
        )
        for row in conn.execute(select(schema.sources))
    ]


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    return host.lower().removeprefix("www.") if host else None


@dataclass
class SourceBook:
    """Every source in force for one store, indexed for matching reports and speakers."""

    sources: list[Source]
    merges: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_id = {s.id: s for s in self.sources}
        self._by_name: dict[str, Source] = {}
        self._by_domain: dict[str, Source] = {}
        self._by_entity: dict[str, Source] = {}
        for source in self.sources:
            for label in (source.name, *source.outlets):
                self._by_name.setdefault(fold(label), source)
            for domain in source.domains:
                self._by_domain.setdefault(domain.removeprefix("www."), source)
            for entity in source.entities:
                self._by_entity.setdefault(entity, source)
                self._by_entity.setdefault(self.merges.get(entity, entity), source)

    @classmethod
    def load(cls, conn: Connection, merges: Mapping[str, str] | None = None) -> SourceBook:
        """The seed overlaid with the store's entries (same id: the store's wins)."""
        merged = {s.id: s for s in seed_sources()}
        merged.update({s.id: s for s in stored_sources(conn)})
        return cls(sorted(merged.values(), key=lambda s: s.name.casefold()), merges or {})

    def get(self, id_: str) -> Source | None:
        return self._by_id.get(id_)

    def find(self, name: str) -> Source | None:
        """The source an analyst names: by id, name or an outlet name (any case)."""
        return self._by_id.get(name) or self._by_name.get(fold(name))

    def for_entity(self, entity_id: str | None) -> Source | None:
        if entity_id is None:
            return None
        return self._by_entity.get(entity_id)

    def for_document(self, outlet: str | None, url: str | None) -> Source | None:
        """The source of a report, from the outlet it names, else from its URL."""
        if outlet:
            found = self._by_name.get(fold(outlet))
            if found is not None:
                return found
            note = _NOTE.match(outlet)
            if note:
                wire = self._by_name.get(fold(note["note"]))
                if wire is not None and wire.kind == "wire":
                    return wire
                found = self._by_name.get(fold(note["stem"]))
                if found is not None:
                    return found
        host = _host(url)
        while host and "." in host:
            if host in self._by_domain:
                return self._by_domain[host]
            host = host.split(".", 1)[1]
        return None
