from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import oxus.nlp.gazetteer  # registers the factories
import oxus.nlp.linker  # noqa: F401
from oxus.nlp.extensions import MENTIONS, doc_entities

MINI_PACK = str(Path(__file__).parents[1] / "kb" / "data" / "mini_pack")


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("oxus_gazetteer", config={"pack_dir": MINI_PACK})
    nlp.add_pipe("oxus_linker", config={"pack_dir": MINI_PACK})
    return nlp


def run(nlp: Language, text: str, ents: list[tuple[str, str]] = ()) -> Doc:
    """Run the components on ``text`` with NER spans given as (surface, label)."""
    doc = nlp.make_doc(text)
    spans = []
    position = 0
    for surface, label in ents:
        start = doc.text.index(surface, position)
        position = start + len(surface)
        spans.append(doc.char_span(start, start + len(surface), label=label))
    doc.ents = spans
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def links(doc: Doc) -> list[tuple[str, str, str]]:
    return [(s.text, s.kb_id_, s._.link_method) for s in doc.spans[MENTIONS]]


def test_alias_capture_links_to_the_pack_entity_and_later_uses(nlp: Language) -> None:
    doc = run(
        nlp,
        "Its leader, Abdullo Karimzoda (alias “Mahdi Arsalan”), fled. Karimzoda hid.",
        [("Abdullo Karimzoda", "PERSON"), ("Mahdi Arsalan", "ORG")],
    )
    assert {s.kb_id_ for s in doc.spans[MENTIONS]} == {"person:mahdi-arsalon"}
    assert links(doc)[1] == ("Mahdi Arsalan", "person:mahdi-arsalon", "exact")
    assert links(doc)[2][2] == "coreference"


def test_defined_acronym_links_to_its_expansion(nlp: Language) -> None:
    doc = run(
        nlp,
        "The Jund al-Khilafah Brigade (JKB) attacked. Later the JKB retreated.",
        [("Jund al-Khilafah Brigade", "ORG")],
    )
    ids = [s.kb_id_ for s in doc.spans[MENTIONS]]
    assert ids == ["group:jund-al-khilafah-brigade"] * 3
    assert [s._.link_method for s in doc.spans[MENTIONS]] == [
        "new",
        "alias-capture",
        "alias-capture",
    ]
    entity = doc_entities(doc)["group:jund-al-khilafah-brigade"]
    assert entity.status == "provisional" and entity.aliases == ["JKB"]


def test_surname_and_first_name_coreference(nlp: Language) -> None:
    doc = run(
        nlp,
        "Andrei Serenko said so. Serenko added more. Mahdi Arsalon agreed, and Mahdi left. "
        "Alexander Bortnikov warned. Bortnikov spoke.",
        [("Andrei Serenko", "PERSON"), ("Serenko", "GPE")],
    )
    got = links(doc)
    assert got[1] == ("Serenko", "person:andrei-serenko", "coreference")
    assert ("Mahdi", "person:mahdi-arsalon", "coreference") in got
    assert [g[1] for g in got].count("person:alexander-bortnikov") == 2
    serenko = doc_entities(doc)["person:andrei-serenko"]
    assert serenko.name == "Andrei Serenko" and serenko.status == "provisional"


def test_ambiguous_short_form_is_not_linked(nlp: Language) -> None:
    doc = run(
        nlp,
        "Ali Karimov and Rustam Karimov met. Karimov left.",
        [("Ali Karimov", "PERSON"), ("Rustam Karimov", "PERSON")],
    )
    assert [s.text for s in doc.spans[MENTIONS]] == ["Ali Karimov", "Rustam Karimov"]


def test_type_correction_by_context(nlp: Language) -> None:
    doc = run(
        nlp,
        "Mullah Qodir Baro met members of Ansor Shura in Rasht district. "
        "The Kamchatka Ministry and Tavildara Valley were named.",
        [
            ("Qodir Baro", "ORG"),
            ("Ansor Shura", "PERSON"),
            ("Rasht", "PERSON"),
            ("Kamchatka Ministry", "PERSON"),
            ("Tavildara", "GPE"),
        ],
    )
    types = {s.text: s.label_ for s in doc.spans[MENTIONS]}
    assert types == {
        "Qodir Baro": "person",
        "Ansor Shura": "group",
        "Rasht": "place",
        "Kamchatka Ministry": "organization",
        "Tavildara Valley": "place",
    }


def test_pack_fixes_statistical_types(nlp: Language) -> None:
    doc = run(
        nlp,
        "Jamaat Ansarullah and Mahdi Arsalon were named.",
        [("Jamaat Ansarullah", "PERSON"), ("Mahdi Arsalon", "ORG")],
    )
    assert [(s.label_, s.kb_id_) for s in doc.spans[MENTIONS]] == [
        ("group", "group:jamaat-ansarullah"),
        ("person", "person:mahdi-arsalon"),
    ]
    entities = doc_entities(doc)
    assert entities["group:jamaat-ansarullah"].status == "pack"
    assert "TTT" in entities["group:jamaat-ansarullah"].aliases


def test_unknown_common_words_are_dropped(nlp: Language) -> None:
    doc = run(nlp, "Treasury officials said the treasury would act.", [("Treasury", "ORG")])
    assert len(doc.spans[MENTIONS]) == 0


def test_russian_paragraph_resolves_to_pack(nlp: Language) -> None:
    doc = run(
        nlp,
        "Группировка Джамаат Ансаруллах, которую возглавляет Махди Арсалон, "
        "угрожает Таджикистану с территории Афганистана.",
    )
    ids = [s.kb_id_ for s in doc.spans[MENTIONS]]
    assert ids[:3] == ["group:jamaat-ansarullah", "person:mahdi-arsalon", "state:tajikistan"]
    assert doc.spans[MENTIONS][2]._.link_method == "transliteration"
