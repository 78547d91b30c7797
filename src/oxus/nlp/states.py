"""States named without a mention: a demonym, a national body, a birthplace's country.

Relations, events and attribution all turn such a reference into a state entity; this
is the one place that looks the state up in the pack and adds it to the document.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from oxus.model import Entity, EntityType, entity_id
from oxus.nlp.extensions import doc_entities


@cache
def pack_states() -> dict[str, Entity]:
    """Pack states by canonical name, so a demonym's state resolves to its pack id."""
    from oxus.kb.pack import default_pack

    return {e.name: e for e in default_pack().entities() if e.type == EntityType.STATE}


def state_id(name: str) -> str | None:
    """The pack id of the state with this canonical name."""
    state = pack_states().get(name)
    return state.id if state is not None else None


@cache
def _states_by_country() -> dict[str, Entity]:
    """Pack states by ISO country code, so places resolve to their state."""
    return {e.country: e for e in pack_states().values() if e.country}


def state_entity_id(doc: Doc, name: str) -> str:
    """The id of the state ``name``, added to the document's entities when new to it."""
    for ent in doc_entities(doc).values():
        if ent.type == EntityType.STATE and ent.name == name:
            return str(ent.id)
    ent = pack_states().get(name)
    if ent is None:
        ent = Entity(entity_id(EntityType.STATE, name), EntityType.STATE, name)
    doc_entities(doc).setdefault(ent.id, ent)
    return ent.id


def state_of_place(doc: Doc, place_id: str, *, register: bool = True) -> str | None:
    """The id of the state a pack place lies in ("born in Osh": Kyrgyzstan), else None;
    ``register`` adds the state to the document's entities."""
    from oxus.kb.pack import default_pack

    place = default_pack().entity(place_id)
    state = _states_by_country().get(place.country or "") if place is not None else None
    if state is None:
        return None
    if register:
        doc_entities(doc).setdefault(state.id, state)
    return state.id


WORD = re.compile(r"[\w'-]+")


@cache
def _names_to_states() -> dict[str, str]:
    """Lower-cased names that point to a state: its names, demonyms and pack places."""
    from oxus.kb.pack import default_pack
    from oxus.nlp.lexicon import load_lexicon

    by_country = _states_by_country()
    found: dict[str, str] = {}
    for entity in default_pack().entities():
        if entity.type == EntityType.PLACE and entity.country in by_country:
            for name in (entity.name, *entity.aliases):
                found.setdefault(name.lower(), by_country[entity.country or ""].id)
    for state in pack_states().values():
        for name in (state.name, *state.aliases):
            found[name.lower()] = state.id
    for name, words in load_lexicon("demonyms")["demonyms"].items():
        named = pack_states().get(name)
        if named is not None:
            for word in words:
                found[word.lower()] = named.id
    return found


@cache
def state_in_name(name: str) -> str | None:
    """The state a body's name places it in ("Ministry of Internal Affairs of Tajikistan",
    "Moscow City Court", "Uzbek National Guard"): the first state, demonym or pack place
    its words name, longest phrase first."""
    words = WORD.findall(name.lower())
    table = _names_to_states()
    for size in (4, 3, 2, 1):
        for start in range(len(words) - size + 1):
            state = table.get(" ".join(words[start : start + size]))
            if state is not None:
                return state
    return None


def state_of_entity(doc: Doc, entity_id: str) -> str | None:
    """The state an entity belongs to: itself, a place's state, a body's country."""
    from oxus.kb.pack import default_pack

    entity = doc_entities(doc).get(entity_id) or default_pack().entity(entity_id)
    if entity is None:
        return None
    if entity.type == EntityType.STATE:
        return entity.id
    if entity.type == EntityType.PLACE:
        return state_of_place(doc, entity_id, register=False)
    state = _states_by_country().get(entity.country or "")
    if state is not None:
        return state.id
    if entity.type == EntityType.ORGANIZATION:
        return state_in_name(entity.name)
    return None


def place_within(inner: str, outer: str) -> bool:
    """Whether a place lies in another place or state, by the pack's parents and
    countries ("Dushanbe" in "Tajikistan", "Krasnogorsk" in "Moscow Region")."""
    from oxus.kb.pack import default_pack

    pack = default_pack()
    outer_entity = pack.entity(outer)
    entity = pack.entity(inner)
    if entity is None or outer_entity is None:
        return False
    if outer_entity.type == EntityType.STATE:
        return bool(entity.country) and entity.country == outer_entity.country
    seen = 0
    while entity is not None and entity.parent and seen < 8:
        if entity.parent == outer:
            return True
        entity = pack.entity(entity.parent)
        seen += 1
    return False
