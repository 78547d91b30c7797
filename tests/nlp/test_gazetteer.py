from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

import oxus.nlp.entities.gazetteer  # noqa: F401  (registers the factory)
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
    doc = _with_ents(nlp, "Tajikistan Chess Federation said so.", [(0, 3, "ORG")])
    assert mentions(doc) == [("Tajikistan Chess Federation", "organization", "")]
    doc = _with_ents(nlp, "Tajikistan Security Service said so.", [(0, 3, "ORG")])
    state_body = "organization:state-committee-for-national-security-of-tajikistan"
    assert mentions(doc) == [("Tajikistan Security Service", "organization", state_body)]
    doc = _with_ents(nlp, "Tajikistan, Afghanistan.", [(0, 3, "GPE")])
    assert [m[2] for m in mentions(doc)] == ["state:tajikistan", "state:afghanistan"]


def test_reference_lines_are_skipped(nlp: Language) -> None:
    doc = nlp("The IMU is active.\n12 “Report on the IMU,” Asia News, 2021, https://x.org/a.\n")
    assert [s.start for s in doc.spans[MENTIONS]] == [1]


def _with_surfaces(nlp: Language, text: str, ents: list[tuple[str, str]]) -> Doc:
    """The gazetteer over ``text`` with NER spans given as (surface, label)."""
    doc = nlp.make_doc(text)
    spans, position = [], 0
    for surface, label in ents:
        start = text.index(surface, position)
        position = start + len(surface)
        spans.append(doc.char_span(start, position, label=label))
    doc.ents = spans
    return nlp.get_pipe("oxus_gazetteer")(doc)


def test_ner_spans_across_lines_or_with_codes_are_dropped(nlp: Language) -> None:
    doc = _with_surfaces(
        nlp,
        "They went to the UAE.\n\nOutlook\n\nOverall, states agree. Crews of Mi-24 "
        "helicopters flew. The aid went to HTS.678 Through such campaigns, it grew.",
        [("Outlook\n\nOverall", "ORG"), ("Mi-24", "ORG"), ("HTS.678 Through", "GPE")],
    )
    assert mentions(doc) == []


def test_spans_ending_in_an_adjective_are_descriptions(nlp: Language) -> None:
    doc = _with_surfaces(
        nlp,
        "A conference on Central and South Asian trade. Repression against Afghan Tajiks.",
        [("Central and South Asian", "LOC"), ("Afghan Tajiks", "ORG")],
    )
    assert mentions(doc) == []


def test_trailing_common_nouns_and_platforms_are_trimmed(nlp: Language) -> None:
    doc = _with_surfaces(
        nlp,
        "The WarJournal Telegram account said it. The Republic government fell.",
        [("WarJournal Telegram", "ORG"), ("Republic government", "GPE")],
    )
    assert [m[0] for m in mentions(doc)] == ["WarJournal", "Republic"]


def test_a_leading_ordinal_belongs_to_the_name(nlp: Language) -> None:
    doc = _with_surfaces(
        nlp,
        "The 3rd Eastern District Military Court will hear it.",
        [("Eastern District Military Court", "ORG")],
    )
    assert [m[0] for m in mentions(doc)] == ["3rd Eastern District Military Court"]


def test_portfolio_words_in_titles_are_not_organisations(nlp: Language) -> None:
    doc = _with_surfaces(
        nlp,
        "Russian Defense Minister Ivan Petrov spoke, and the Under Secretary of the "
        "Treasury for Terrorism and Financial Intelligence agreed. Gazprom chief Oleg said.",
        [("Defense", "ORG"), ("Terrorism", "ORG"), ("Gazprom", "ORG")],
    )
    assert [m[0] for m in mentions(doc)] == ["Gazprom"]


def test_title_case_headings_of_common_words_are_not_names(nlp: Language) -> None:
    text = (
        "Several militant groups remain.\n\nMilitant Groups in Afghanistan\n\n"
        "The Red Crescent Society helps.\n\nRed Crescent Society\n\nIt is a society."
    )
    red_crescent = ("Red Crescent Society", "ORG")
    doc = _with_surfaces(nlp, text, [("Militant Groups", "PERSON"), red_crescent, red_crescent])
    assert [m[0] for m in mentions(doc)] == ["Afghanistan"] + ["Red Crescent Society"] * 2


def test_a_name_found_only_in_a_title_case_headline_is_not_kept(nlp: Language) -> None:
    text = (
        "Kazakh Officials Say Banned Network Recruited Students In Almaty\n\n"
        "Officials in Kazakhstan said a banned network recruited students. "
        "The Shymkent Youth Union of Kazakhstan denied any part in it.\n\n"
        "Shymkent Youth Union Denies Any Role In Recruitment Of Students\n\n"
        "Sanctioned Were Ali Vali, Umar Sami, Karim Nabi And Rustam Ali."
    )
    surfaces = [
        ("Officials Say Banned Network", "ORG"),
        ("Shymkent Youth Union of Kazakhstan", "ORG"),
        ("Shymkent Youth Union", "ORG"),
        ("Ali Vali", "PERSON"),
    ]
    doc = _with_surfaces(nlp, text, surfaces)
    found = [m[0] for m in mentions(doc)]
    assert "Officials Say Banned Network" not in found
    assert "Shymkent Youth Union" in found  # the body names it too
    assert "Ali Vali" in found  # a sentence of the body, with its full stop


@pytest.mark.parametrize(
    "line",
    [
        "DUSHANBE. Sept 7 (Zarafshon News) - Officials met in Dushanbe.",
        "DUSHANBE, August 21, Zarafshon - Officials met in Dushanbe.",
    ],
)
def test_the_agency_in_a_dateline_is_not_a_mention(nlp: Language, line: str) -> None:
    agency = "Zarafshon News" if "News" in line else "Zarafshon"
    doc = _with_surfaces(nlp, line, [(agency, "ORG")])
    assert agency not in [m[0] for m in mentions(doc)]


def test_a_dateline_skips_only_its_agency() -> None:
    from oxus.nlp.entities.boilerplate import Boilerplate
    from oxus.nlp.entities.cues import entity_cues

    text = "BISHKEK, March 29. /Zarafshon News/. Officials met in Dushanbe."
    skipped = Boilerplate(text, entity_cues("en"))
    assert [i for i in range(len(text)) if i in skipped] == list(range(19, 35))


def test_lower_case_region_word_leaves_the_state(nlp: Language) -> None:
    doc = nlp("Fighters moved to northern Afghanistan. Northern Afghanistan is calm.")
    assert [m[2] for m in mentions(doc)] == ["state:afghanistan", "place:northern-afghanistan"]


def test_a_body_described_in_lower_case_with_its_state_is_found(nlp: Language) -> None:
    doc = nlp("The state security service of Kyrgyzstan named the man.")
    assert mentions(doc) == [
        (
            "state security service of Kyrgyzstan",
            "organization",
            "organization:state-committee-for-national-security-of-kyrgyzstan",
        )
    ]


def test_nisba_names_are_not_their_place(nlp: Language) -> None:
    doc = nlp("The scholar al-Bukhari and the faction Imam Bukhari came from Bukhara.")
    assert [m[2] for m in mentions(doc)] == ["place:bukhara"]


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Roe and bne IntelliNews November 30, 2023",
        "Jane Roe (the 02/10/2013 issue of the Regional Analyst)",
        "Jane Roe has a PhD in political science and writes on the region.",
        "Talks went on. File Photo by Jane Roe/UPI | License Photo",
    ],
)
def test_bylines_credits_and_biographies_are_skipped(nlp: Language, line: str) -> None:
    doc = _with_surfaces(nlp, f"The Taliban spoke.\n{line}\n", [("Jane Roe", "PERSON")])
    assert [m[0] for m in mentions(doc)] == ["Taliban"]


def test_a_sentence_starting_with_by_is_text(nlp: Language) -> None:
    doc = nlp("By contrast, the Taliban grew.\n")
    assert [m[0] for m in mentions(doc)] == ["Taliban"]


def test_cited_sources_are_organisations(nlp: Language) -> None:
    doc = _with_surfaces(
        nlp,
        "The toll was higher (The Hindu, March 3). It grew (Jihadology, May 2, 2019). "
        "The IMU (see Annex) and Jane Roe (2021) wrote.",
        [("Hindu", "NORP"), ("Jihadology", "PERSON"), ("Jane Roe", "PERSON")],
    )
    assert mentions(doc) == [
        ("The Hindu", "organization", ""),
        ("Jihadology", "organization", ""),
        ("IMU", "group", "group:islamic-movement-of-uzbekistan"),
        ("Jane Roe", "person", ""),
    ]


def test_a_numbered_unit_matches_in_lower_case(nlp: Language) -> None:
    doc = nlp("Troops of the 201st military base and of the 201st base drilled in 2021 times.")
    assert [m[2] for m in mentions(doc)] == ["place:201st-military-base"] * 2


def test_a_given_name_before_a_name_is_kept(nlp: Language) -> None:
    doc = _with_surfaces(
        nlp,
        "A militant named Mujahid Idris fired. The Tajik Karim Nazarov left.",
        [("Mujahid Idris", "PERSON"), ("Tajik Karim Nazarov", "PERSON")],
    )
    assert [m[0] for m in mentions(doc)] == ["Mujahid Idris", "Karim Nazarov"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kyrgyzstan said so. The GKNB in Kyrgyzstan acted.",
            "organization:state-committee-for-national-security-of-kyrgyzstan",
        ),
        (
            "Tajikistan said so. The GKNB acted in Tajikistan, not Kyrgyzstan.",
            "organization:state-committee-for-national-security-of-tajikistan",
        ),
    ],
)
def test_a_shared_name_goes_to_the_country_named_most(
    nlp: Language, text: str, expected: str
) -> None:
    assert [m[2] for m in mentions(nlp(text)) if m[0] == "GKNB"] == [expected]


def test_a_person_span_with_commas_is_a_list_of_people(nlp: Language) -> None:
    doc = _with_surfaces(
        nlp,
        "The accused are Karim N., Davron S., both citizens; Ivan Petrov denied it.",
        [("Karim N., Davron S.", "PERSON"), ("Ivan Petrov", "PERSON")],
    )
    assert [m[0] for m in mentions(doc)] == ["Karim N.", "Davron S.", "Ivan Petrov"]


def test_an_islamic_state_province_is_a_group(nlp: Language) -> None:
    doc = _with_surfaces(
        nlp,
        "He was named the ISIS Dagestan Province emir. The Taliban Nimroz Province chief spoke.",
        [("Dagestan Province", "GPE"), ("Nimroz Province", "GPE")],
    )
    assert [(m[0], m[1]) for m in mentions(doc)] == [
        ("ISIS Dagestan Province", "group"),
        ("Taliban", "group"),
        ("Nimroz Province", "place"),
    ]


def test_code_names_are_not_entities(nlp: Language) -> None:
    doc = _with_surfaces(
        nlp,
        "Five operations, code-named «Sabo», brought people home from Syria. After "
        "operation Sabo, a militant named Karim Saidov joined.",
        [("Sabo", "GPE"), ("Sabo", "ORG"), ("Karim Saidov", "PERSON")],
    )
    assert [m[0] for m in mentions(doc)] == ["Karim Saidov"]


def test_a_state_owns_a_separate_name_but_not_its_own_body(nlp: Language) -> None:
    doc = _with_surfaces(
        nlp,
        "Later Tajikistan’s Harakat Online said so, and Tajikistan’s Security Service agreed.",
        [("Tajikistan’s Harakat Online", "ORG"), ("Tajikistan’s Security Service", "ORG")],
    )
    assert [(m[0], m[1]) for m in mentions(doc)] == [
        ("Tajikistan", "state"),
        ("Harakat Online", "organization"),
        ("Tajikistan’s Security Service", "organization"),
    ]


def test_a_press_service_is_an_organisation_named_after_its_body(nlp: Language) -> None:
    doc = nlp(
        "The Federal Security Service press service said so. Tajikistan's press office agreed."
    )
    assert [m[:2] for m in mentions(doc)] == [
        ("Federal Security Service press service", "organization"),
        ("Tajikistan's press office", "organization"),
    ]
    doc = nlp("The press service of the Federal Security Service said so.")
    assert [m[:2] for m in mentions(doc)] == [
        ("press service of the Federal Security Service", "organization")
    ]
    doc = nlp("Nobody from the press service was there.")
    assert mentions(doc) == []
