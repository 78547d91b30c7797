"""Every way reports name a state's ministries and services, as extra name keys.

Reports write one ministry many ways: "the Ministry of Internal Affairs of Tajikistan",
"Tajikistan's Interior Ministry", "the Tajik Interior Ministry", "the Interior Ministry".
The pack names each body once or twice; the kinds of body and their forms are data
(``state_bodies.yaml``), and the demonyms those of the English lexicon. The derived
names are matching keys only: they are never shown or exported as the entity's aliases,
so that two states' ministries never share a name in what analysts see.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from oxus.model import Entity, EntityType
from oxus.yamlio import safe_load

KINDS_FILE = Path(__file__).with_name("state_bodies.yaml")
APOSTROPHES = ("'s", "’s")


@cache
def body_forms() -> dict[str, tuple[str, ...]]:
    """{kind: its forms}, from ``state_bodies.yaml``."""
    with KINDS_FILE.open(encoding="utf-8") as handle:
        kinds = safe_load(handle)["kinds"]
    return {str(kind): tuple(str(f) for f in forms) for kind, forms in kinds.items()}


@cache
def _demonyms() -> dict[str, tuple[str, ...]]:
    from oxus.nlp.lexicon import load_lexicon

    table = load_lexicon("demonyms")["demonyms"]
    return {str(state): tuple(str(w) for w in words) for state, words in table.items()}


def _qualified(form: str, state: str) -> list[str]:
    """A form with its state, every way English writes it."""
    names = [f"{form} of {state}", f"{form} of the Republic of {state}"]
    names += [f"{state}{s} {form}" for s in APOSTROPHES]
    names += [f"{demonym} {form}" for demonym in _demonyms().get(state, ())]
    return names


def _kind_of(entity: Entity, state: str) -> str | None:
    """The kind of body an organisation's own names say it is, if any."""
    names = {entity.name, *entity.aliases}
    for kind, forms in body_forms().items():
        for form in forms:
            if names & set(_qualified(form, state)):
                return kind
    return None


def derived_body_names(entities: Iterable[Entity]) -> dict[str, list[str]]:
    """{organisation id: the names of its kind it is not yet known by}."""
    states = {e.country: e.name for e in entities if e.type is EntityType.STATE and e.country}
    out: dict[str, list[str]] = {}
    for entity in entities:
        state = states.get(entity.country or "")
        if entity.type is not EntityType.ORGANIZATION or state is None:
            continue
        kind = _kind_of(entity, state)
        if kind is None:
            continue
        known = {entity.name, *entity.aliases}
        names = [n for f in body_forms()[kind] for n in (*_qualified(f, state), f)]
        out[entity.id] = [n for n in dict.fromkeys(names) if n not in known]
    return out
