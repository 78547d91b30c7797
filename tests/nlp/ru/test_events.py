"""Russian events: triggers, arguments from the UD parse, places, dates, counts and
realis, on sentences written for the purpose (decoded by the rules alone)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from oxus.model import Event
from oxus.nlp.decoder import Decoded

Rules = Callable[..., Decoded]
JA, IS, IMU, TALIBAN = (
    "group:jamaat-ansarullah",
    "group:islamic-state",
    "group:islamic-movement-of-uzbekistan",
    "group:taliban",
)
KABUL = "place:kabul"


def events(rules: Rules, text: str, kind: str | None = None) -> list[Event]:
    found = rules(text).events
    return [e for e in found if kind is None or e.type.value == kind]


def only(rules: Rules, text: str, kind: str) -> Event:
    found = events(rules, text, kind)
    assert len(found) == 1, found
    return found[0]


def test_an_arrest_with_its_doer_place_targets_and_count(rules: Rules) -> None:
    event = only(
        rules, "Сотрудники ФСБ задержали в Москве трех членов «Джамаат Ансаруллах».", "arrest"
    )
    assert event.agents == ["organization:federal-security-service"]
    assert event.targets == [JA]
    assert event.location == "place:moscow"
    assert event.counts == {"arrested": 3}


def test_a_passive_attack_names_its_doer_in_the_instrumental(rules: Rules) -> None:
    event = only(
        rules, "В Кабуле боевиками «Исламского государства» были убиты 12 человек.", "attack"
    )
    assert event.agents == [IS]
    assert event.location == KABUL
    assert event.counts == {"killed": 12}


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        (
            "В результате взрыва в Кабуле погибли 14 человек, еще 30 человек получили ранения.",
            {"killed": 14, "wounded": 30},
        ),
        ("Число погибших в результате теракта в Кабуле возросло до 25.", {"killed": 25}),
        ("При нападении на блокпост в Кабуле ранены семеро полицейских.", {"wounded": 7}),
    ],
)
def test_casualty_counts(rules: Rules, text: str, counts: dict[str, int]) -> None:
    assert only(rules, text, "attack").counts == counts


def test_a_number_counted_for_another_act_is_no_casualty(rules: Rules) -> None:
    found = events(rules, "Осужденные отправили в Сирию 15 человек.")
    assert all(not e.counts for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "Боевики «Исламского государства» не атаковали Кабул.",
        "Боевики «Исламского государства» планировали напасть на Кабул.",
        "Боевики «Исламского государства» могут атаковать Кабул.",
        "Силовики пытались предотвратить нападение на Кабул.",
    ],
)
def test_what_did_not_happen_is_no_attack(rules: Rules, text: str) -> None:
    assert not events(rules, text, "attack")


def test_a_plan_told_with_an_arrest_is_a_foiled_plot(rules: Rules) -> None:
    found = events(rules, "В Москве задержаны боевики, которые планировали теракт.")
    assert {e.type.value for e in found} >= {"arrest", "plot_foiled"}


def test_unnamed_authorities_stand_for_their_state(rules: Rules) -> None:
    event = only(
        rules,
        "Пакистанские военные окружили базу Исламского движения Узбекистана в Южном Вазиристане.",
        "clash",
    )
    assert event.agents == ["state:pakistan"]
    assert event.targets == [IMU]
    assert event.location == "place:south-waziristan"


def test_killing_a_named_person_is_an_attack(rules: Rules) -> None:
    event = only(rules, "Американские военные убили в Пакистане Тахира Юлдашева.", "attack")
    assert event.targets == ["person:tahir-yuldashev"]
    assert not events(rules, "Американские военные убили в Пакистане Тахира Юлдашева.", "clash")


def test_dates(rules: Rules) -> None:
    event = only(
        rules,
        "10 мая 2023 года боевики «Исламского государства» атаковали блокпост в Кабуле.",
        "attack",
    )
    assert event.date == "2023-05-10"
    assert event.agents == [IS]


def test_a_statement_is_not_dated_by_what_it_reports(rules: Rules) -> None:
    event = only(
        rules, "МВД Таджикистана объявило, что Тахир Юлдашев погиб 27 августа.", "statement"
    )
    assert event.date == "2024"
    assert event.agents == ["organization:ministry-of-internal-affairs-of-tajikistan"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("«Талибан» взял на себя ответственность за нападение на Кабул.", "statement"),
        (
            "Верховный суд России признал «Джамаат Ансаруллах» террористической организацией.",
            "designation",
        ),
        ("Узбекские власти запретили «Хизб ут-Тахрир».", "designation"),
        ("«Джамаат Ансаруллах» вербует сторонников в Москве.", "recruitment"),
        ("Войска ОДКБ провели учения в Таджикистане.", "military_exercise"),
        ("Представители «Талибана» провели переговоры в Москве.", "meeting"),
        ("Между «Талибаном» и «Исламским государством» произошел бой в Кабуле.", "clash"),
    ],
)
def test_trigger_families(rules: Rules, text: str, kind: str) -> None:
    assert events(rules, text, kind)


def test_a_parenthesis_is_no_place_of_the_event(rules: Rules) -> None:
    event = only(
        rules,
        "Суд приговорил двух граждан Киргизии к восьми годам за вербовку в ряды «Исламского "
        "государства» (организация запрещена в РФ).",
        "arrest",
    )
    assert event.location != "state:russia"
