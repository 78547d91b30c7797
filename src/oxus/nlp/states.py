"""States named without a mention: a demonym, a national body, a birthplace's country.

Relations, events and attribution all turn such a reference into a state entity; this
is the one place that looks the state up in the pack and adds it to the document.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from oxus.model import Entity, EntityType, entity_id
from oxus.nlp.extensions import doc_entities


@cache
def pack_states() -> dict[str, Entity]:
    """Pack states by canonical name, so a demonym's state resolves to its pack id."""
    from oxus.kb.pack import default_pack

    return {e.name: e for e in default_pack().entities() if e.type == EntityType.STATE}


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
