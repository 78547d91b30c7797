"""Load and validate a knowledge pack: a folder of YAML files of curated entities.

A pack folder holds ``pack.yaml`` (name, version, description) and any number of
other ``*.yaml`` files (searched recursively), each a mapping with an optional
``defaults`` block and an ``entities`` list::

    defaults: {type: group, sources: ["https://..."]}
    entities:
      - name: Jamaat Ansarullah
        aliases: [Jamaat Ansorullah, Tajik Taliban, TTT, Джамаат Ансаруллах]
        sources: ["https://..."]

Entry keys: ``name`` (required), ``type`` (required, from defaults or entry), ``id``
(default ``type:slug(name)``), ``aliases``, ``description``, ``country`` (ISO alpha-2),
``iso3``, ``parent`` (an entity id), ``coordinates`` ([lat, lon]), ``sources``
(required, at least one), ``links`` (curated relations: ``{predicate, object,
source}``). Unknown keys are errors, so typos surface at load time.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from oxus.config import default_pack_dir
from oxus.errors import PackError
from oxus.kb import derived
from oxus.kb.derived import digest
from oxus.model import Entity, EntityType, Predicate, entity_id

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's loader when available: the pack is large and parsed at every start."""

ENTRY_KEYS = frozenset(
    {
        "id",
        "type",
        "name",
        "aliases",
        "description",
        "country",
        "iso3",
        "parent",
        "coordinates",
        "sources",
        "links",
    }
)


@dataclass(frozen=True)
class PackLink:
    """A curated relation from the pack (e.g. a group's parent organisation)."""

    predicate: Predicate
    object: str
    source: str | None = None


@dataclass
class PackEntry:
    """One curated entity, with where it was defined (file) for error messages."""

    entity: Entity
    file: str
    iso3: str | None = None
    links: list[PackLink] = field(default_factory=list)


@dataclass
class Pack:
    """A validated set of curated entities, indexed by id."""

    name: str
    version: str
    entries: dict[str, PackEntry]

    def entity(self, id_: str) -> Entity | None:
        entry = self.entries.get(id_)
        return entry.entity if entry else None

    def entities(self) -> list[Entity]:
        return [entry.entity for entry in self.entries.values()]

    def __len__(self) -> int:
        return len(self.entries)


def _as_list(value: Any, where: str, key: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise PackError(f"{where}: '{key}' must be a list")
    return value


def _parse_entry(raw: Any, defaults: dict[str, Any], where: str) -> PackEntry:
    if not isinstance(raw, dict):
        raise PackError(f"{where}: an entity must be a mapping")
    unknown = set(raw) - ENTRY_KEYS
    if unknown:
        raise PackError(f"{where}: unknown keys {sorted(unknown)}")
    data = {**defaults, **raw}
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise PackError(f"{where}: 'name' is required")
    where = f"{where} ({name})"
    try:
        type_ = EntityType(str(data.get("type")))
    except ValueError as e:
        raise PackError(f"{where}: 'type' must be one of {[t.value for t in EntityType]}") from e
    aliases = [str(a) for a in _as_list(data.get("aliases"), where, "aliases")]
    if any(not a.strip() for a in aliases):
        raise PackError(f"{where}: empty alias")
    sources = [str(s) for s in _as_list(data.get("sources"), where, "sources")]
    if not sources:
        raise PackError(f"{where}: at least one source is required")
    coordinates = data.get("coordinates")
    lat = lon = None
    if coordinates is not None:
        if (
            not isinstance(coordinates, list)
            or len(coordinates) != 2
            or not all(isinstance(c, int | float) for c in coordinates)
            or not (-90 <= coordinates[0] <= 90 and -180 <= coordinates[1] <= 180)
        ):
            raise PackError(f"{where}: 'coordinates' must be [lat, lon]")
        lat, lon = float(coordinates[0]), float(coordinates[1])
    country = data.get("country")
    if country is not None and (not isinstance(country, str) or len(country) != 2):
        raise PackError(f"{where}: 'country' must be an ISO 3166-1 alpha-2 code")
    links = []
    for link in _as_list(data.get("links"), where, "links"):
        try:
            links.append(
                PackLink(Predicate(link["predicate"]), str(link["object"]), link.get("source"))
            )
        except (KeyError, TypeError, ValueError) as e:
            raise PackError(f"{where}: a link needs a valid 'predicate' and 'object'") from e
    id_ = data.get("id") or entity_id(type_, name)
    if not str(id_).startswith(f"{type_.value}:"):
        raise PackError(f"{where}: id '{id_}' must start with '{type_.value}:'")
    entity = Entity(
        id=str(id_),
        type=type_,
        name=name.strip(),
        aliases=[a for a in dict.fromkeys(a.strip() for a in aliases) if a != name.strip()],
        status="pack",
        country=country.upper() if country else None,
        parent=data.get("parent"),
        lat=lat,
        lon=lon,
        description=data.get("description"),
        sources=sources,
    )
    return PackEntry(entity=entity, file=where, iso3=data.get("iso3"), links=links)


def load_pack(directory: Path | str | None = None) -> Pack:
    """Read and validate every YAML file of a pack folder; raise PackError on any problem."""
    folder = Path(directory) if directory else default_pack_dir()
    meta_file = folder / "pack.yaml"
    if not meta_file.is_file():
        raise PackError(f"{folder}: not a knowledge pack (no pack.yaml)")
    files = [meta_file, *(p for p in sorted(folder.rglob("*.yaml")) if p != meta_file)]
    parsed = _parsed_files(folder, files)
    meta = parsed[0] or {}
    entries: dict[str, PackEntry] = {}
    for path, content in zip(files[1:], parsed[1:], strict=True):
        rel = str(path.relative_to(folder))
        content = content or {}
        if not isinstance(content, dict):
            raise PackError(f"{rel}: expected a mapping with 'entities'")
        defaults = content.get("defaults") or {}
        for index, raw in enumerate(_as_list(content.get("entities"), rel, "entities")):
            entry = _parse_entry(raw, defaults, f"{rel}#{index + 1}")
            if entry.entity.id in entries:
                raise PackError(
                    f"{entry.file}: duplicate id {entry.entity.id} "
                    f"(also in {entries[entry.entity.id].file})"
                )
            entries[entry.entity.id] = entry
    for entry in entries.values():
        parent = entry.entity.parent
        if parent and parent not in entries:
            raise PackError(f"{entry.file}: parent '{parent}' is not in the pack")
    return Pack(
        name=str(meta.get("name", folder.name)),
        version=str(meta.get("version", "0")),
        entries=entries,
    )


def _parsed_files(folder: Path, files: list[Path]) -> list[Any]:
    """Each file's YAML as data, from the cache when the files are byte for byte those
    parsed before (see :mod:`oxus.kb.derived`)."""
    try:
        raw = [path.read_bytes() for path in files]
    except OSError as e:
        raise PackError(f"{folder}: cannot read the pack: {e}") from e
    names = [str(path.relative_to(folder)) for path in files]
    key = digest([yaml.__version__, _Loader.__name__, *names, *raw])

    def parse() -> list[Any]:
        return [_parse_yaml(name, path) for name, path in zip(names, files, strict=True)]

    return derived.cached(
        "pack",
        key,
        parse,
        valid=lambda found: isinstance(found, list) and len(found) == len(files),
        storable=derived.plain_json,
    )


def _parse_yaml(rel: str, path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as e:
        raise PackError(f"{rel}: invalid YAML: {e}") from e


@cache
def _cached_pack(folder: Path) -> Pack:
    return load_pack(folder)


def shared_pack(directory: Path | str | None = None) -> Pack:
    """A pack loaded once per process and folder (the pipeline and ingestion share it)."""
    folder = Path(directory) if directory else default_pack_dir()
    return _cached_pack(folder.resolve())


def default_pack() -> Pack:
    """The shipped pack (or ``OXUS_PACK``), loaded once per process (components ask for
    it many times per document: the folder is resolved once per ``OXUS_PACK`` value)."""
    return _default_pack(os.environ.get("OXUS_PACK"))


@cache
def _default_pack(override: str | None) -> Pack:
    return shared_pack(override)
