"""Russian names resolve to the same pack entities as English ones, whatever their case."""

from __future__ import annotations

from oxus.nlp.extensions import MENTIONS
from tests.nlp.ru.conftest import Analyse


def mentions(doc) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {span.text: span.kb_id_ for span in doc.spans[MENTIONS]}


def test_inflected_names_meet_the_pack(analyse: Analyse) -> None:
    doc = analyse(
        "ФСБ России задержала в Москве трех уроженцев Таджикистана, членов группировки "
        "«Джамаат Ансаруллах». Ранее сторонников Джамаата Ансаруллах видели в Бадахшане."
    )
    found = mentions(doc)
    assert found["ФСБ России"] == "organization:federal-security-service"
    assert found["Москве"] == "place:moscow"
    assert found["Таджикистана"] == "state:tajikistan"
    assert found["Джамаат Ансаруллах"] == "group:jamaat-ansarullah"
    assert found["Джамаата Ансаруллах"] == "group:jamaat-ansarullah"


def test_a_name_whose_words_all_inflect_is_matched_through_lemmas(analyse: Analyse) -> None:
    doc = analyse("Боевики Исламского движения Узбекистана ушли в горы.")
    assert mentions(doc)["Исламского движения Узбекистана"] == (
        "group:islamic-movement-of-uzbekistan"
    )


def test_a_surname_in_the_dative_finds_its_pack_person(analyse: Analyse) -> None:
    doc = analyse("Угрозы были адресованы Курманбеку Бакиеву. Позже Бакиеву снова угрожали.")
    ids = set(mentions(doc).values())
    assert ids == {"person:kurmanbek-bakiyev"}


def test_a_title_at_the_start_of_a_sentence_is_no_person(analyse: Analyse) -> None:
    doc = analyse("Лидер группировки Махди Арсалон находится в провинции Бадахшан.")
    found = mentions(doc)
    assert "Лидер" not in found
    assert found["Махди Арсалон"] == "person:mahdi-arsalon"
    assert found["Бадахшан"] == "place:badakhshan"


def test_an_unknown_russian_name_is_named_in_latin_with_its_cyrillic_forms(
    analyse: Analyse,
) -> None:
    doc = analyse("Полиция разыскивает Андрея Смирнова. Смирнов скрылся за границей.")
    people = [e for e in doc._.entities.values() if e.type.value == "person"]
    assert len(people) == 1
    person = people[0]
    assert person.status == "provisional"
    assert person.name == "Andrey Smirnov"
    assert person.id == "person:andrey-smirnov"
    assert "Андрей Смирнов" in person.aliases
    assert "Андрея Смирнова" in person.aliases
