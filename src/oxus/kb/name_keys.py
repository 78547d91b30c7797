"""The keys every pack name is indexed under, kept between runs.

Working out the folded, compact and skeleton keys of the pack's thousands of names is
most of building a :class:`~oxus.kb.matcher.NameMatcher`. The keys follow from the
names and from the code that computes them, nothing else, so they are kept in the
derived cache (:mod:`oxus.kb.derived`) under a digest of both: a changed pack, a
changed key function or another Unicode database makes a new entry, never a stale one.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from oxus.kb import derived, names
from oxus.kb.names import compact, fold, is_acronym, skeleton
from oxus.model import Entity, EntityType

MIN_FUZZY_LENGTH = 6
"""Shortest skeleton compared by fuzzy matching."""

KeyRow = list[Any]
"""One entity's keys: its surname key (None for no surname), then each name's keys."""

NamesOf = Callable[[Entity], list[str]]
"""Every name an entity is found by (:meth:`oxus.kb.matcher.NameMatcher.names_of`)."""


def acronym_key(text: str) -> str:
    """Acronyms compared case-sensitively without dots, hyphens and spaces."""
    return "".join(c for c in text if c.isalnum())


def last_word(name: str) -> str:
    """Skeleton of a name's last word: a person's surname must agree for a fuzzy match."""
    words = fold(name).split()
    return skeleton(words[-1]) if words else ""


def name_keys(name: str) -> list[str]:
    """``[acronym key]`` for an acronym, else ``[folded, compact, skeleton, last word]``
    (the last word only for skeletons long enough to be matched fuzzily)."""
    if is_acronym(name):
        return [acronym_key(name)]
    key = skeleton(name)
    last = last_word(name) if len(key) >= MIN_FUZZY_LENGTH else ""
    return [fold(name), compact(name), key, last]


def surname_key(entity: Entity) -> str | None:
    """The skeleton a lone surname of a pack person is looked up by, if it has one."""
    words = entity.name.split()
    if entity.type is EntityType.PERSON and len(words) >= 2 and len(words[-1]) >= 4:
        return skeleton(words[-1])
    return None


def entity_key_rows(entities: Sequence[Entity], names_of: NamesOf, digest: str) -> list[KeyRow]:
    """Every entity's :data:`KeyRow`, from the cache when these names (``digest``:
    :func:`names_digest`) were keyed before."""

    def build() -> list[KeyRow]:
        return [[surname_key(e), *(name_keys(n) for n in names_of(e))] for e in entities]

    def valid_row(row: Any, entity: Entity) -> bool:
        return (
            type(row) is list
            and len(row) == 1 + len(names_of(entity))
            and (row[0] is None or type(row[0]) is str)
            and all(_string_list(keys) and len(keys) in (1, 4) for keys in row[1:])
        )

    return cached_rows("name-keys", [digest], entities, build, valid_row)


def cached_rows(
    kind: str,
    parts: list[str],
    entities: Sequence[Entity],
    build: Callable[[], list[Any]],
    valid_row: Callable[[Any, Entity], bool],
    *,
    code: Iterable[ModuleType] = (),
) -> list[Any]:
    """One row per entity, kept under ``kind`` and a digest of ``parts``, the source of
    this module, :mod:`oxus.kb.names` and ``code``, and the Python and Unicode versions.
    Without readable sources nothing is kept."""
    sources = source_digest([sys.modules[__name__], names, *code])
    if sources is None:
        return build()
    key = derived.digest([kind, sources, sys.version, unicodedata.unidata_version, *parts])

    def valid(found: Any) -> bool:
        return (
            type(found) is list
            and len(found) == len(entities)
            and all(valid_row(row, entity) for row, entity in zip(found, entities, strict=True))
        )

    return derived.cached(kind, key, build, valid=valid)


def names_digest(entities: Iterable[Entity], names_of: NamesOf) -> str:
    """A digest of what keys depend on: each entity's id, type, name and every name it is
    found by, in order."""
    listed = [[e.id, e.type.value, e.name, names_of(e)] for e in entities]
    return derived.digest([json.dumps(listed, ensure_ascii=False)])


def source_digest(modules: Iterable[ModuleType]) -> str | None:
    """A digest of the modules' source files, or None when one cannot be read."""
    try:
        return derived.digest([Path(str(m.__file__)).read_bytes() for m in modules])
    except (OSError, TypeError):
        return None


def _string_list(value: Any) -> bool:
    return type(value) is list and all(type(item) is str for item in value)
