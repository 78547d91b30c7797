"""Russian relations: each rule family on sentences written for the purpose.

The candidates are decoded by the rules alone, so each test sees what the Russian rules
find (titles, leading verbs, nationality, verb frames, cue words, places), whatever the
shipped model makes of them.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from oxus.nlp.candidates import doc_candidates
from oxus.nlp.decoder import Decoded

JA, IMU, IS, HT = (
    "group:jamaat-ansarullah",
    "group:islamic-movement-of-uzbekistan",
    "group:islamic-state",
    "group:hizb-ut-tahrir",
)
TALIBAN = "group:taliban"
ARSALON, YULDASHEV = "person:mahdi-arsalon", "person:tahir-yuldashev"
BADAKHSHAN = "place:badakhshan"

Rules = Callable[..., Decoded]


def triples(rules: Rules, text: str) -> dict[tuple[str, str, str], object]:
    return {(r.subject, r.predicate.value, r.object): r for r in rules(text).relations}


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Лидер группировки «Джамаат Ансаруллах» Махди Арсалон скрывается в горах.", "leader"),
        ("Махди Арсалон, основатель «Джамаат Ансаруллах», редко выступает публично.", "founder"),
        ("Полевой командир «Джамаат Ансаруллах» Махди Арсалон ранен.", "commander"),
        ("Махди Арсалон много лет был главарем «Джамаат Ансаруллах».", "leader"),
        ("Группировку «Джамаат Ансаруллах» возглавляет Махди Арсалон.", "leader"),
    ],
)
def test_titles_and_leading_verbs(rules: Rules, text: str, role: str) -> None:
    found = triples(rules, text)
    assert found[(ARSALON, "leader_of", JA)].role == role  # type: ignore[attr-defined]


def test_a_possessive_points_back_to_the_group(rules: Rules) -> None:
    found = triples(
        rules,
        "«Джамаат Ансаруллах» действует на севере Афганистана. Её лидер Махди Арсалон давно "
        "не выходил на связь.",
    )
    assert (ARSALON, "leader_of", JA) in found


def test_a_member_word_in_apposition(rules: Rules) -> None:
    found = triples(rules, "Боевик «Исламского государства» Тахир Юлдашев погиб в Сирии.")
    assert (YULDASHEV, "member_of", IS) in found


def test_an_office_of_a_group_makes_its_holder_a_member(rules: Rules) -> None:
    found = triples(
        rules,
        "Заявление сделал заместитель министра обороны «Талибана» Махди Арсалон.",
    )
    assert (ARSALON, "member_of", TALIBAN) in found
    assert (ARSALON, "leader_of", TALIBAN) not in found


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Таджикский боевик Махди Арсалон давно находится в розыске.", "state:tajikistan"),
        ("Уроженец Узбекистана Махди Арсалон долго жил в горах.", "state:uzbekistan"),
        ("Махди Арсалон, гражданин Киргизии, задержан в аэропорту.", "state:kyrgyzstan"),
        ("На встрече были Махди Арсалон (Казахстан) и его охрана.", "state:kazakhstan"),
    ],
)
def test_nationality(rules: Rules, text: str, state: str) -> None:
    assert (ARSALON, "citizen_of", state) in triples(rules, text)


def test_an_ethnic_adjective_is_no_nationality(rules: Rules) -> None:
    found = triples(rules, "Этнический таджик Махди Арсалон родился в Афганистане.")
    assert (ARSALON, "citizen_of", "state:tajikistan") not in found


@pytest.mark.parametrize(
    ("text", "group", "state"),
    [
        ("Узбекские власти запретили «Хизб ут-Тахрир» еще в прошлом веке.", HT, "state:uzbekistan"),
        (
            "Террористы запрещенной в России группировки «Джамаат Ансаруллах» проникли в город.",
            JA,
            "state:russia",
        ),
        (
            "Сторонники «Хизб ут-Тахрир» (организация запрещена в РФ) раздавали листовки.",
            HT,
            "state:russia",
        ),
    ],
)
def test_designations(rules: Rules, text: str, group: str, state: str) -> None:
    assert (group, "designated_by", state) in triples(rules, text)


def test_places(rules: Rules) -> None:
    found = triples(rules, "Боевики «Джамаат Ансаруллах» базируются в провинции Бадахшан.")
    assert (JA, "based_in", BADAKHSHAN) in found


def test_a_leaders_hideout_places_the_leader_not_the_group(rules: Rules) -> None:
    found = triples(
        rules, "Лидер группировки «Джамаат Ансаруллах» Махди Арсалон скрывается в Бадахшане."
    )
    assert (ARSALON, "based_in", BADAKHSHAN) in found
    assert (JA, "based_in", BADAKHSHAN) not in found


def test_an_arrest_places_no_one(rules: Rules) -> None:
    found = triples(rules, "В Москве задержан член «Джамаат Ансаруллах» Махди Арсалон.")
    assert not [t for t in found if t[1] == "based_in"]


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("«Талибан» воюет против «Исламского государства».", (TALIBAN, "rival_of", IS)),
        (
            "Ночью произошли столкновения между «Талибаном» и «Исламским государством».",
            (TALIBAN, "rival_of", IS),
        ),
        (
            "Группировка «Джамаат Ансаруллах», которая является ответвлением «Талибана», "
            "набирает сторонников.",
            (JA, "part_of", TALIBAN),
        ),
    ],
)
def test_cue_words_between_groups(rules: Rules, text: str, triple: tuple[str, str, str]) -> None:
    assert triple in triples(rules, text)


def test_anaphors_and_demonyms_are_relation_ends(analyse: Callable[..., Doc]) -> None:
    doc = analyse(
        "«Джамаат Ансаруллах» набирает сторонников. Группировка сотрудничает с таджикскими "
        "радикалами."
    )
    ends = {
        (c.fact.subject, c.fact.object, c.features.get(f"{c.key[1]}|k|anaphor>demonym"))
        for c in doc_candidates(doc).relations
        if c.fact.evidence.sentence_index == 1
    }
    assert (JA, "state:tajikistan", 1.0) in ends


def test_candidates_carry_the_language_and_the_cue_categories(analyse: Callable[..., Doc]) -> None:
    doc = analyse("Лидер группировки «Джамаат Ансаруллах» Махди Арсалон скрывается в горах.")
    cand = next(c for c in doc_candidates(doc).relations if c.key == (ARSALON, "leader_of", JA))
    assert cand.features["lang|ru"] == 1.0
    assert cand.features["*|rule|title"] == 1.0
    assert any(name.startswith("leader_of|pcue|=") for name in cand.features)
