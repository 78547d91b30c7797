"""Matching the facts of one system document against the gold facts of the same document.

Entities are matched first; every other fact is then compared through them: a name in
a relation, event or estimate *resolves* to the gold entities its document's entities
were matched to, and two facts agree on an argument when their names resolve to the
same gold entity. Each matcher returns a one-to-one mapping gold index -> system index.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from oxus.eval.assign import assign
from oxus.eval.normalize import dates_agree, name_keys, normalize_name
from oxus.model import SCORED_MEASURES, Polarity, Predicate

Item = Mapping[str, Any]

SYMMETRIC = frozenset(p.value for p in Predicate if p.symmetric)
SCORED = frozenset(m.value for m in SCORED_MEASURES)


class NameIndex:
    """Resolves a name used in a document to the gold entities (by index) it stands for."""

    def __init__(self, keys: Mapping[str, frozenset[int]]) -> None:
        self._keys = dict(keys)

    @classmethod
    def build(cls, entities: Sequence[Item], targets: Mapping[int, int]) -> NameIndex:
        """Index the names of ``entities`` whose position maps to a gold entity in ``targets``."""
        keys: dict[str, set[int]] = {}
        for index, entity in enumerate(entities):
            if index not in targets:
                continue
            for key in _all_names(entity):
                keys.setdefault(key, set()).add(targets[index])
        return cls({key: frozenset(found) for key, found in keys.items()})

    def resolve(self, name: str | None) -> frozenset[int]:
        if not isinstance(name, str):
            return frozenset()
        return self._keys.get(normalize_name(name), frozenset())

    def resolve_all(self, names: Iterable[str | None]) -> frozenset[int]:
        found: set[int] = set()
        for name in names:
            found |= self.resolve(name)
        return frozenset(found)


def _all_names(entity: Item) -> frozenset[str]:
    return name_keys([entity.get("name"), *entity.get("aliases", []), *entity.get("mentions", [])])


def match_entities(system: Sequence[Item], gold: Sequence[Item]) -> dict[int, int]:
    """Same type and a shared name key; exact canonical-name pairs are settled first.

    A system entity offers its name, aliases and mentions; a gold entity its name and
    aliases (gold mentions do not count, as the facts format specifies).
    """
    system_keys = [_all_names(entity) for entity in system]
    gold_keys = [name_keys([e.get("name"), *e.get("aliases", [])]) for e in gold]
    system_names = [normalize_name(entity.get("name", "")) for entity in system]
    gold_names = [normalize_name(entity.get("name", "")) for entity in gold]
    exact, others = [], []
    for g, gold_entity in enumerate(gold):
        for s, system_entity in enumerate(system):
            if gold_entity.get("type") != system_entity.get("type"):
                continue
            shared = gold_keys[g] & system_keys[s]
            if not shared:
                continue
            if gold_names[g] and gold_names[g] == system_names[s]:
                exact.append(((0,), g, s))
                continue
            canonical = system_names[s] in gold_keys[g] or gold_names[g] in system_keys[s]
            others.append(((0 if canonical else 1, -len(shared)), g, s))
    first = assign(exact)
    second = assign(others, taken_gold=first, taken_system=first.values())
    return dict(sorted({**first, **second}.items()))


def match_relations(
    system: Sequence[Item], gold: Sequence[Item], system_index: NameIndex, gold_index: NameIndex
) -> dict[int, int]:
    """Same predicate, both ends resolved to the same gold entities (either order if symmetric)."""
    system_ends = [_ends(item, system_index) for item in system]
    candidates = []
    for g, gold_item in enumerate(gold):
        gold_subject, gold_object = _ends(gold_item, gold_index)
        predicate = gold_item.get("predicate")
        for s, system_item in enumerate(system):
            if system_item.get("predicate") != predicate:
                continue
            subject, object_ = system_ends[s]
            direct = bool(gold_subject & subject and gold_object & object_)
            swapped = bool(gold_subject & object_ and gold_object & subject)
            if direct or (swapped and predicate in SYMMETRIC):
                role_differs = system_item.get("role") != gold_item.get("role")
                candidates.append(((0 if direct else 1, role_differs), g, s))
    return assign(candidates)


def _ends(item: Item, index: NameIndex) -> tuple[frozenset[int], frozenset[int]]:
    return index.resolve(item.get("subject")), index.resolve(item.get("object"))


def _arguments(item: Item, index: NameIndex) -> frozenset[int]:
    names = [*item.get("agents", []), *item.get("targets", []), item.get("location")]
    return index.resolve_all(names)


def match_events(
    system: Sequence[Item], gold: Sequence[Item], system_index: NameIndex, gold_index: NameIndex
) -> dict[int, int]:
    """Same type, a shared agent/target/location, dates agreeing at the coarser precision.

    Agents, targets and location are pooled: an argument counts as matched when it names
    the same gold entity on both sides, whatever role each side gave it. Among several
    candidates the one sharing most arguments, then with the same date, is preferred.
    """
    system_arguments = [_arguments(item, system_index) for item in system]
    candidates = []
    for g, gold_item in enumerate(gold):
        gold_arguments = _arguments(gold_item, gold_index)
        for s, system_item in enumerate(system):
            if system_item.get("type") != gold_item.get("type"):
                continue
            if not dates_agree(system_item.get("date"), gold_item.get("date")):
                continue
            shared = gold_arguments & system_arguments[s]
            if shared:
                date_differs = system_item.get("date") != gold_item.get("date")
                counts_differ = system_item.get("counts", {}) != gold_item.get("counts", {})
                candidates.append(((-len(shared), date_differs, counts_differ), g, s))
    return assign(candidates)


def scored_estimates(items: Sequence[Item]) -> list[int]:
    """Positions of the estimates whose measure is scored; the others are ignored."""
    return [index for index, item in enumerate(items) if item.get("measure") in SCORED]


def _same_number(first: Any, second: Any) -> bool:
    if first is None or second is None:
        return first is None and second is None
    return float(first) == float(second)


def match_estimates(
    system: Sequence[Item], gold: Sequence[Item], system_index: NameIndex, gold_index: NameIndex
) -> dict[int, int]:
    """Same subject entity and measure, equal low and high; unscored measures never match."""
    system_scored = scored_estimates(system)
    candidates = []
    for g in scored_estimates(gold):
        gold_item = gold[g]
        gold_subject = gold_index.resolve(gold_item.get("subject"))
        for s in system_scored:
            system_item = system[s]
            if system_item.get("measure") != gold_item.get("measure"):
                continue
            if not gold_subject & system_index.resolve(system_item.get("subject")):
                continue
            if not all(_same_number(system_item.get(k), gold_item.get(k)) for k in ("low", "high")):
                continue
            qualifier_differs = system_item.get("qualifier") != gold_item.get("qualifier")
            as_of_differs = system_item.get("as_of") != gold_item.get("as_of")
            candidates.append(((qualifier_differs, as_of_differs), g, s))
    return assign(candidates)


def attribution_disagreements(
    system_item: Item,
    gold_item: Item,
    system_index: NameIndex,
    gold_index: NameIndex,
    *,
    has_polarity: bool = True,
) -> list[str]:
    """The attribution fields (asserted_by, polarity, hedged) on which a matched pair differs."""
    fields = []
    system_source, gold_source = system_item.get("asserted_by"), gold_item.get("asserted_by")
    if system_source is None or gold_source is None:
        if (system_source is None) != (gold_source is None):
            fields.append("asserted_by")
    elif not system_index.resolve(system_source) & gold_index.resolve(gold_source):
        fields.append("asserted_by")
    if has_polarity and _polarity(system_item) != _polarity(gold_item):
        fields.append("polarity")
    if bool(system_item.get("hedged", False)) != bool(gold_item.get("hedged", False)):
        fields.append("hedged")
    return fields


def _polarity(item: Item) -> str:
    return str(item.get("polarity") or Polarity.AFFIRMED.value)
