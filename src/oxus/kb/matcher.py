"""Resolve a name as written to a pack entity: the inspectable half of entity linking.

``NameMatcher.resolve(surface, type_hint, context)`` tries, from strict to loose:
exact-case acronyms, folded names, compact and skeleton keys (spelling variants and
Cyrillic transliteration, see :mod:`oxus.kb.names`), the surname of a pack person,
then fuzzy matching of skeletons with rapidfuzz above a threshold. A name it cannot
place becomes a provisional entity id (method ``new``). When a key belongs to several
pack entities the type hint and the document's context decide; two pack entities are
never merged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from oxus.kb.name_keys import (
    MIN_FUZZY_LENGTH,
    acronym_key,
    entity_key_rows,
    last_word,
    names_digest,
)
from oxus.kb.names import compact, fold, has_cyrillic, is_acronym, skeleton
from oxus.kb.pack import Pack, shared_pack
from oxus.kb.state_bodies import derived_body_names
from oxus.model import Entity, EntityType, entity_id

COMPATIBLE: dict[EntityType, frozenset[EntityType]] = {
    EntityType.PERSON: frozenset({EntityType.PERSON}),
    EntityType.GROUP: frozenset({EntityType.GROUP, EntityType.ORGANIZATION}),
    EntityType.ORGANIZATION: frozenset({EntityType.ORGANIZATION, EntityType.GROUP}),
    EntityType.STATE: frozenset({EntityType.STATE, EntityType.PLACE}),
    EntityType.PLACE: frozenset({EntityType.PLACE, EntityType.STATE}),
}
"""Types a statistical guess may be confused with, for fuzzy matching."""

DEFAULT_FUZZY_THRESHOLD = 88.0


@dataclass(frozen=True)
class Link:
    """The outcome of resolving one surface form.

    ``entity_id`` is a pack id, a provisional id (``method == "new"``), or None when
    the name could not be placed and no type was given to make a provisional id.
    """

    entity_id: str | None
    score: float
    method: str

    @property
    def is_new(self) -> bool:
        return self.method == "new"


class NameMatcher:
    """Name -> entity index over one pack, built once and queried many times."""

    def __init__(self, pack: Pack, *, fuzzy_threshold: float = DEFAULT_FUZZY_THRESHOLD) -> None:
        self.pack = pack
        self.fuzzy_threshold = fuzzy_threshold
        self.entities: dict[str, Entity] = {e.id: e for e in pack.entities()}
        self._derived = derived_body_names(list(self.entities.values()))
        self._acronyms: dict[str, set[str]] = defaultdict(set)
        self._folded: dict[str, set[str]] = defaultdict(set)
        self._compact: dict[str, set[str]] = defaultdict(set)
        self._skeleton: dict[str, set[str]] = defaultdict(set)
        self._surnames: dict[str, set[str]] = defaultdict(set)
        self._buckets: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        entities = list(self.entities.values())
        # Every name entities are found by, as one digest: the key caches are named by it.
        self.names_digest = names_digest(entities, self.names_of)
        rows = entity_key_rows(entities, self.names_of, self.names_digest)
        for entity, (surname, *keys) in zip(entities, rows, strict=True):
            for name_keys in keys:
                self._add(entity.id, name_keys)
            if surname is not None:
                self._surnames[surname].add(entity.id)
        self.resolve = lru_cache(maxsize=50_000)(self._resolve)

    def names_of(self, entity: Entity) -> list[str]:
        """Every name an entity is found by: the pack's, and the other ways reports name a
        state's ministry or service (:mod:`oxus.kb.state_bodies`)."""
        return [entity.name, *entity.aliases, *self._derived.get(entity.id, ())]

    def _add(self, entity_id: str, keys: list[str]) -> None:
        """Index one name under its keys (:func:`oxus.kb.name_keys.name_keys`)."""
        if len(keys) == 1:
            self._acronyms[keys[0]].add(entity_id)
            return
        folded, compacted, key, last = keys
        self._folded[folded].add(entity_id)
        self._compact[compacted].add(entity_id)
        if key:
            self._skeleton[key].add(entity_id)
            if len(key) >= MIN_FUZZY_LENGTH:
                self._buckets[key[0]].append((key, entity_id, last))

    def entity(self, id_: str) -> Entity | None:
        return self.entities.get(id_)

    def _choose(
        self,
        ids: set[str],
        surface: str,
        type_hint: EntityType | None,
        context: frozenset[str],
    ) -> tuple[str, float]:
        """One id among candidates sharing a key; the score drops when the choice is a guess."""
        if len(ids) == 1:
            return next(iter(ids)), 1.0
        ranked = sorted(
            ids,
            key=lambda i: (
                i not in context,
                type_hint is not None and self.entities[i].type is not type_hint,
                fold(self.entities[i].name) != fold(surface),
                i,
            ),
        )
        return ranked[0], 0.8

    def _resolve(
        self,
        surface: str,
        type_hint: EntityType | None = None,
        context: frozenset[str] = frozenset(),
    ) -> Link:
        surface = surface.strip()
        if is_acronym(surface):
            ids = self._acronyms.get(acronym_key(surface))
            if ids:
                id_, score = self._choose(ids, surface, type_hint, context)
                return Link(id_, score, "acronym")
        method_loose = "transliteration" if has_cyrillic(surface) else "normalised"
        for table, key, method in (
            (self._folded, fold(surface), "exact"),
            (self._compact, compact(surface), "normalised"),
            (self._skeleton, skeleton(surface), method_loose),
        ):
            ids = table.get(key) if key else None
            if ids:
                id_, score = self._choose(ids, surface, type_hint, context)
                if method == "exact" and not self._written_as_known(id_, surface):
                    method = "normalised"
                return Link(id_, score if method == "exact" else score * 0.95, method)
        link = self._surname(surface, type_hint)
        if link is None:
            link = self._fuzzy(surface, type_hint)
        if link is not None:
            return link
        if type_hint is None:
            return Link(None, 0.0, "new")
        return Link(entity_id(type_hint, surface), 0.5, "new")

    def _written_as_known(self, id_: str, surface: str) -> bool:
        entity = self.entities[id_]
        bare = surface[4:] if surface.lower().startswith("the ") else surface
        return bare in self.names_of(entity)

    def _surname(self, surface: str, type_hint: EntityType | None) -> Link | None:
        """A lone surname of a pack person ("Rahmon"), when no other pack person shares it."""
        if " " in surface or type_hint not in (None, EntityType.PERSON):
            return None
        ids = self._surnames.get(skeleton(surface))
        if ids and len(ids) == 1:
            return Link(next(iter(ids)), 0.75, "normalised")
        return None

    def _fuzzy(self, surface: str, type_hint: EntityType | None) -> Link | None:
        key = skeleton(surface)
        if len(key) < MIN_FUZZY_LENGTH:
            return None
        allowed = COMPATIBLE.get(type_hint) if type_hint else None
        best: tuple[float, str] | None = None
        last = last_word(surface)
        for candidate, id_, candidate_last in self._buckets.get(key[0], ()):
            entity_type = self.entities[id_].type
            if allowed is not None and entity_type not in allowed:
                continue
            if abs(len(candidate) - len(key)) > max(2, len(key) // 5):
                continue
            if entity_type is EntityType.PERSON and fuzz.ratio(last, candidate_last) < 80:
                continue
            score = fuzz.ratio(key, candidate, score_cutoff=self.fuzzy_threshold)
            if score and (best is None or score > best[0]):
                best = (score, id_)
        if best is None:
            return None
        return Link(best[1], round(best[0] / 100 * 0.9, 3), "fuzzy")

    def lookup_all(self, surfaces: Iterable[str]) -> dict[str, Link]:
        """Resolve many names without type hints (for inspection and the CLI)."""
        return {s: self.resolve(s) for s in surfaces}


@lru_cache(maxsize=4)
def matcher_for(pack_dir: str | None = None) -> NameMatcher:
    """One matcher per pack folder and process (building it indexes every name)."""
    pack = shared_pack(pack_dir)
    return NameMatcher(pack)
