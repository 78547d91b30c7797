"""A provisional name meets its spelling in the other script as a merge candidate."""

from __future__ import annotations

import hashlib

from sqlalchemy import text

from oxus.model import Document, DocumentFacts, Entity, EntityType, Mention
from oxus.store import Store


def _facts(doc_id: str, body: str, entity: Entity) -> DocumentFacts:
    document = Document(
        id=doc_id, text=body, content_hash=hashlib.sha256(body.encode()).hexdigest()
    )
    mention = Mention(entity_id=entity.id, text=body, start=0, end=len(body), sentence_index=0)
    return DocumentFacts(document=document, entities={entity.id: entity}, mentions=[mention])


RUSSIAN = Entity(
    id="person:bakhrom-kholmurodov",
    type=EntityType.PERSON,
    name="Bakhrom Kholmurodov",
    aliases=["Бахром Холмуродов", "Бахрома Холмуродова"],
    status="provisional",
)
ENGLISH = Entity(
    id="person:bahrom-holmurodov",
    type=EntityType.PERSON,
    name="Bahrom Holmurodov",
    status="provisional",
)


def _candidates(store: Store) -> list[tuple[str, str, str]]:
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT entity_a, entity_b, reason FROM merge_candidates"))
        return [tuple(row) for row in rows]


def test_english_name_after_the_russian_one(fresh_db: Store) -> None:
    fresh_db.save(_facts("ru", "Бахром Холмуродов", RUSSIAN))
    fresh_db.save(_facts("en", "Bahrom Holmurodov", ENGLISH))
    ((a, b, reason),) = _candidates(fresh_db)
    assert {a, b} == {RUSSIAN.id, ENGLISH.id}
    assert "another script" in reason


def test_russian_name_after_the_english_one(fresh_db: Store) -> None:
    fresh_db.save(_facts("en", "Bahrom Holmurodov", ENGLISH))
    fresh_db.save(_facts("ru", "Бахром Холмуродов", RUSSIAN))
    ((a, b, _),) = _candidates(fresh_db)
    assert {a, b} == {RUSSIAN.id, ENGLISH.id}


def test_other_types_are_not_paired(fresh_db: Store) -> None:
    group = Entity(
        id="group:bahrom-holmurodov", type=EntityType.GROUP, name="Bahrom Holmurodov",
        status="provisional",
    )  # fmt: skip
    fresh_db.save(_facts("ru", "Бахром Холмуродов", RUSSIAN))
    fresh_db.save(_facts("en", "Bahrom Holmurodov", group))
    assert _candidates(fresh_db) == []
