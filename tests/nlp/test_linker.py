from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import oxus.nlp.entities.gazetteer  # registers the factories
import oxus.nlp.entities.linker  # noqa: F401
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


def test_short_forms_join_the_longer_name_before_them(nlp: Language) -> None:
    doc = run(
        nlp,
        "The Uzbek Interior Ministry said so. Then the Interior Ministry (MVD) added more.",
        [("Uzbek Interior Ministry", "ORG"), ("Interior Ministry", "ORG")],
    )
    ids = {s.kb_id_ for s in doc.spans[MENTIONS]}
    assert len(ids) == 1 and len(doc.spans[MENTIONS]) == 3


def test_short_form_takes_the_nearest_earlier_owner(nlp: Language) -> None:
    doc = run(
        nlp,
        "The Tajik Foreign Ministry spoke. The Uzbek Foreign Ministry replied. "
        "The Foreign Ministry said more.",
        [
            ("Tajik Foreign Ministry", "ORG"),
            ("Uzbek Foreign Ministry", "ORG"),
            ("Foreign Ministry", "ORG"),
        ],
    )
    got = [(s.text, s.kb_id_) for s in doc.spans[MENTIONS]]
    assert got[2] == ("Foreign Ministry", got[1][1])


def test_a_head_less_short_form_joins_the_pack_name(nlp: Language) -> None:
    doc = run(
        nlp,
        "Treasury staff met. The Treasury Department said so. The Treasury Department acted.",
        [("Treasury", "ORG")],
    )
    assert {s.kb_id_ for s in doc.spans[MENTIONS]} == {"organization:us-department-of-the-treasury"}


def test_a_different_organisation_is_not_a_short_form(nlp: Language) -> None:
    doc = run(
        nlp,
        "The Interior Ministry met the Tajik Defence Council.",
        [("Interior Ministry", "ORG"), ("Tajik Defence Council", "ORG")],
    )
    assert len({s.kb_id_ for s in doc.spans[MENTIONS]}) == 2


def test_a_pack_surname_yields_to_the_person_named_in_full(nlp: Language) -> None:
    doc = run(
        nlp,
        "The list names Ali Rahmon and Bek Saidov. Rahmon is a financier.",
        [("Ali Rahmon", "PERSON"), ("Bek Saidov", "PERSON")],
    )
    got = links(doc)
    assert got[-1][0] == "Rahmon" and got[-1][1] == got[0][1] != "person:emomali-rahmon"


def test_ambiguous_surname_goes_to_the_nearest_earlier_person(nlp: Language) -> None:
    doc = run(
        nlp,
        "Bek Nurmatov, the son of Olim Nurmatov, left. Nurmatov’s deputy stayed.",
        [("Bek Nurmatov", "PERSON"), ("Olim Nurmatov", "PERSON"), ("Nurmatov", "ORG")],
    )
    got = links(doc)
    assert got[2][0] == "Nurmatov" and got[2][1] == got[1][1]
    assert doc.spans[MENTIONS][2].label_ == "person"


def test_a_nom_de_guerre_makes_a_person(nlp: Language) -> None:
    doc = run(
        nlp,
        "The cell is run by Rustamov (alias “Abu Umar”) now.",
        [("Rustamov", "GPE"), ("Abu Umar", "ORG")],
    )
    assert [s.label_ for s in doc.spans[MENTIONS]] == ["person", "person"]


def test_type_from_the_words_before_a_name(nlp: Language) -> None:
    doc = run(
        nlp,
        "The weekly Ozodagon said that a man also known as Saifullo was seen in the "
        "city of Mersin.",
        [("Ozodagon", "PERSON"), ("Saifullo", "ORG"), ("Mersin", "PERSON")],
    )
    types = {s.text: s.label_ for s in doc.spans[MENTIONS]}
    assert types == {"Ozodagon": "organization", "Saifullo": "person", "Mersin": "place"}


def test_nisba_is_not_resolved_to_the_place(nlp: Language) -> None:
    doc = run(nlp, "They pledged allegiance to Baghdadi and Bukhari.", [("Bukhari", "GPE")])
    assert all(s.kb_id_ != "place:bukhara" for s in doc.spans[MENTIONS])


def test_unknown_name_listed_with_a_place_is_a_place() -> None:
    from oxus.nlp.pipeline import build_pipeline

    full = build_pipeline(pack_dir=MINI_PACK)
    doc = full("Raids were held in Novosibirsk and Omsk. Ivan Petrov and Gazprom spoke.")
    types = {s.text: s.label_ for s in doc.spans[MENTIONS]}
    assert types["Omsk"] == "place"
    assert types.get("Gazprom") != "place"


def test_a_name_with_an_initial_is_a_person(nlp: Language) -> None:
    doc = run(
        nlp,
        "Officers detained Rabani Z. and took him to Osh.",
        [("Rabani Z.", "GPE"), ("Osh", "GPE")],
    )
    assert [s.label_ for s in doc.spans[MENTIONS]] == ["person", "place"]
