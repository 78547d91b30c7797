"""A state's ministries and services are found by every way reports name them."""

from __future__ import annotations

from oxus.kb.matcher import NameMatcher
from oxus.kb.pack import default_pack
from oxus.kb.state_bodies import derived_body_names
from oxus.model import Document, Entity, EntityType
from oxus.nlp.extract import extract


def _entities() -> list[Entity]:
    return [
        Entity("state:tajikistan", EntityType.STATE, "Tajikistan", country="TJ"),
        Entity(
            "organization:mvd-tj",
            EntityType.ORGANIZATION,
            "Ministry of Internal Affairs of Tajikistan",
            country="TJ",
        ),
        Entity("organization:club", EntityType.ORGANIZATION, "Pamir Chess Club", country="TJ"),
    ]


def test_a_ministry_is_known_by_every_form_of_its_kind() -> None:
    derived = derived_body_names(_entities())
    names = derived["organization:mvd-tj"]
    for name in (
        "Tajikistan's Interior Ministry",
        "Tajik Interior Ministry",
        "Interior Ministry",
        "Ministry of Interior of Tajikistan",
    ):
        assert name in names
    assert "organization:club" not in derived


def test_derived_names_are_keys_not_aliases() -> None:
    matcher = NameMatcher(default_pack())
    entity = matcher.entities["organization:ministry-of-internal-affairs-of-tajikistan"]
    assert "Tajikistan's Internal Affairs Ministry" in matcher.names_of(entity)
    assert "Tajikistan's Internal Affairs Ministry" not in entity.aliases
    link = matcher.resolve("Tajikistan's Internal Affairs Ministry")
    assert link.entity_id == entity.id


def _organizations(text: str) -> list[str]:
    document = Document(id="t", text=text, published="2024-03-25")
    doc = next(extract([document]))
    return [e.id for e in doc.entities.values() if e.type is EntityType.ORGANIZATION]


def test_a_bare_ministry_is_the_one_named_last() -> None:
    found = _organizations(
        "Officials in Afghanistan met in Kabul, Afghanistan, on Monday. Afghanistan and "
        "the Taliban spoke of trade. The Turkmen Foreign Ministry began contacts with them. "
        "The Foreign Ministry later said the talks went well."
    )
    assert "organization:ministry-of-foreign-affairs-of-turkmenistan" in found
    assert "organization:ministry-of-foreign-affairs-of-afghanistan" not in found
