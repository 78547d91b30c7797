"""Russian attribution: sources, denials and hedges, on sentences written for the purpose
(decoded by the rules alone)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from oxus.model import Polarity
from oxus.nlp.decoder import Decoded

Rules = Callable[..., Decoded]
JA, IS = "group:jamaat-ansarullah", "group:islamic-state"
MUJAHID = "person:zabihullah-mujahid"
PLACED = (JA, "based_in", "place:badakhshan")


def relation(rules: Rules, text: str, triple: tuple[str, str, str] = PLACED) -> object:
    found = {(r.subject, r.predicate.value, r.object): r for r in rules(text).relations}
    return found[triple]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "По данным ФСБ, группировка «Джамаат Ансаруллах» действует в Бадахшане.",
            "organization:federal-security-service",
        ),
        (
            "Как сообщили в ФСБ, боевики «Джамаат Ансаруллах» базируются в Бадахшане.",
            "organization:federal-security-service",
        ),
        (
            "Боевики «Джамаат Ансаруллах» базируются в Бадахшане, заявил Забихулла Муджахид.",
            MUJAHID,
        ),
        (
            "Боевики «Джамаат Ансаруллах» базируются в Бадахшане, сообщает ТАСС.",
            "organization:tass",
        ),
        (
            "Забихулла Муджахид рассказал, что боевики «Джамаат Ансаруллах» базируются "
            "в Бадахшане.",
            MUJAHID,
        ),
    ],
)
def test_sources(rules: Rules, text: str, source: str) -> None:
    fact = relation(rules, text)
    assert fact.asserted_by == source  # type: ignore[attr-defined]
    assert fact.polarity == Polarity.AFFIRMED  # type: ignore[attr-defined]


def test_a_fact_without_a_source(rules: Rules) -> None:
    fact = relation(rules, "Боевики «Джамаат Ансаруллах» базируются в Бадахшане.")
    assert fact.asserted_by is None  # type: ignore[attr-defined]
    assert not fact.hedged  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text",
    [
        "Забихулла Муджахид опроверг сообщения о том, что «Джамаат Ансаруллах» действует в "
        "Бадахшане.",
        "«Талибан» отрицает, что боевики «Джамаат Ансаруллах» базируются в Бадахшане.",
        "В «Талибане» отвергли утверждения, что «Джамаат Ансаруллах» действует в Бадахшане.",
    ],
)
def test_denials(rules: Rules, text: str) -> None:
    assert relation(rules, text).polarity == Polarity.DENIED  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text",
    [
        "Боевики «Джамаат Ансаруллах», предположительно, базируются в Бадахшане.",
        "Боевики «Джамаат Ансаруллах» якобы базируются в Бадахшане.",
        "По неподтвержденным данным, «Джамаат Ансаруллах» действует в Бадахшане.",
    ],
)
def test_hedges(rules: Rules, text: str) -> None:
    assert relation(rules, text).hedged  # type: ignore[attr-defined]


def test_a_speakers_description_is_not_what_the_speaker_denies(rules: Rules) -> None:
    fact = relation(
        rules,
        "Представитель «Талибана» Забихулла Муджахид опроверг сообщения о боях в Бадахшане.",
        (MUJAHID, "leader_of", "group:taliban"),
    )
    assert fact.polarity == Polarity.AFFIRMED  # type: ignore[attr-defined]
    assert fact.asserted_by is None  # type: ignore[attr-defined]


def test_the_next_sentence_names_the_source(rules: Rules) -> None:
    found = rules(
        "Боевики «Исламского государства» атаковали блокпост в Кабуле. Об этом сообщает "
        "агентство Reuters."
    ).events
    attack = next(e for e in found if e.type.value == "attack")
    assert attack.asserted_by == "organization:reuters"


def test_the_next_sentence_denies_it(rules: Rules) -> None:
    found = rules(
        "В прошлом году боевики «Исламского государства» якобы атаковали Кабул. Позднее эти "
        "сведения были опровергнуты."
    ).events
    attack = next(e for e in found if e.type.value == "attack")
    assert attack.polarity == Polarity.DENIED
    assert attack.hedged
