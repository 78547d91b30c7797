"""People a member noun names belong to the group the report named just before."""

from __future__ import annotations

import pytest

from oxus.nlp.relations.component import RelationExtractor
from tests.nlp.fact_docs import eid, make_doc, rules_only

G, P = "group", "person"


@pytest.fixture(scope="module")
def extractor():
    return rules_only(RelationExtractor())


def members(nlp, extractor, text, mentions):
    doc = extractor(make_doc(nlp, text, mentions))
    return {(r.subject, r.object) for r in doc._.relations if r.predicate.value == "member_of"}


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # named in apposition, in the sentence after the group's
        (
            "The Crescent Front posted a new video on Monday. It shows two militants, named "
            "as Timur Bekov and Rustam Ayubov, firing at a checkpoint.",
            ["Timur Bekov", "Rustam Ayubov"],
        ),
        # named by a copula
        (
            "Police broke up a cell of the Crescent Front in Bavaria. "
            "The members of the cell are Farid Nazarov and Olim Sadikov.",
            ["Farid Nazarov", "Olim Sadikov"],
        ),
    ],
)
def test_people_a_member_noun_names_belong_to_the_group_named_before(
    nlp, extractor, text: str, people: list[str]
):
    found = members(nlp, extractor, text, {"Crescent Front": G, **dict.fromkeys(people, P)})
    front = eid(G, "Crescent Front")
    assert {(eid(P, person), front) for person in people} <= found


def test_people_not_named_as_members_are_not_members(nlp, extractor):
    found = members(
        nlp,
        extractor,
        "The Crescent Front posted a new video on Monday. "
        "Militants attacked a checkpoint, and the governor, Timur Bekov, condemned it.",
        {"Crescent Front": G, "Timur Bekov": P},
    )
    assert not found


def test_a_group_in_the_sentence_is_left_to_the_other_rules(nlp, extractor):
    found = members(
        nlp,
        extractor,
        "The Crescent Front posted a video. Two fighters of the Dawn Brigade, named as "
        "Timur Bekov and Rustam Ayubov, appear in it.",
        {"Crescent Front": G, "Dawn Brigade": G, "Timur Bekov": P, "Rustam Ayubov": P},
    )
    assert (eid(P, "Timur Bekov"), eid(G, "Crescent Front")) not in found
