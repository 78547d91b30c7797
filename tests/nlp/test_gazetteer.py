from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

import oxus.nlp.gazetteer  # noqa: F401  (registers the factory)
from oxus.nlp.extensions import MENTIONS

MINI_PACK = str(Path(__file__).parents[1] / "kb" / "data" / "mini_pack")


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("oxus_gazetteer", config={"pack_dir": MINI_PACK})
    return nlp


def mentions(doc: Doc) -> list[tuple[str, str, str]]:
    return [(s.text, s.label_, s.kb_id_) for s in doc.spans[MENTIONS]]


def test_pack_names_match_across_spellings(nlp: Language) -> None:
    doc = nlp("Fighters of Jamaat Ansorullah and the Tehreek-e-Taliban Tajikistan met.")
    assert mentions(doc) == [
        ("Jamaat Ansorullah", "group", "group:jamaat-ansarullah"),
        ("Tehreek-e-Taliban Tajikistan", "group", "group:jamaat-ansarullah"),
    ]
    assert doc.spans[MENTIONS][0]._.link_method == "normalised"


def test_longest_pack_match_wins(nlp: Language) -> None:
    doc = nlp("The Islamic State Khorasan Province claimed it.")
    assert mentions(doc) == [
        ("Islamic State Khorasan Province", "group", "group:islamic-state-khorasan-province")
    ]


def test_acronyms_match_only_in_their_case(nlp: Language) -> None:
    doc = nlp("The IMU and ISIS-K fought. But imu and Ttt are not names.")
    assert [m[0] for m in mentions(doc)] == ["IMU", "ISIS-K"]


def test_lower_case_words_are_not_pack_mentions(nlp: Language) -> None:
    doc = nlp("a taliban-style rule in afghanistan")
    assert mentions(doc) == []


def test_russian_text_through_cyrillic_aliases_and_transliteration(nlp: Language) -> None:
    doc = nlp(
        "По данным властей, боевики Джамаата Ансаруллах во главе с Махди Арсалоном "
        "угрожают Таджикистану."
    )
    assert [m[2] for m in mentions(doc)] == [
        "group:jamaat-ansarullah",
        "person:mahdi-arsalon",
        "state:tajikistan",
    ]


def _with_ents(nlp: Language, text: str, ents: list[tuple[int, int, str]]) -> Doc:
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return nlp.get_pipe("oxus_gazetteer")(doc)


def test_ner_candidates_are_merged_and_pack_wins(nlp: Language) -> None:
    # "Jamaat Ansarullah" tagged PERSON by the statistical model: the pack wins.
    doc = _with_ents(
        nlp, "Jamaat Ansarullah leader Andrei Serenko spoke.", [(0, 2, "PERSON"), (3, 5, "PERSON")]
    )
    assert mentions(doc) == [
        ("Jamaat Ansarullah", "group", "group:jamaat-ansarullah"),
        ("Andrei Serenko", "person", ""),
    ]


def test_demonyms_and_stop_names_are_not_mentions(nlp: Language) -> None:
    doc = _with_ents(
        nlp,
        "Tajik and Central Asian fighters praised Allah.",
        [(0, 1, "NORP"), (2, 4, "NORP"), (6, 7, "PERSON")],
    )
    assert mentions(doc) == []


def test_longer_ner_name_extending_a_pack_name_is_kept(nlp: Language) -> None:
    doc = _with_ents(nlp, "Tajikistan Security Service said so.", [(0, 3, "ORG")])
    assert mentions(doc) == [("Tajikistan Security Service", "organization", "")]
    doc = _with_ents(nlp, "Tajikistan, Afghanistan.", [(0, 3, "GPE")])
    assert [m[2] for m in mentions(doc)] == ["state:tajikistan", "state:afghanistan"]


def test_reference_lines_are_skipped(nlp: Language) -> None:
    doc = nlp("The IMU is active.\n12 “Report on the IMU,” Asia News, 2021, https://x.org/a.\n")
    assert [s.start for s in doc.spans[MENTIONS]] == [1]
