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


def test_militants_named_in_the_next_sentence(nlp, extractor):
    found = members(
        nlp,
        extractor,
        "The Crescent Front posted a new video on Monday. It shows two militants, named as "
        "Timur Bekov and Rustam Ayubov, firing at a checkpoint.",
        {"Crescent Front": G, "Timur Bekov": P, "Rustam Ayubov": P},
    )
    front = eid(G, "Crescent Front")
    assert (eid(P, "Timur Bekov"), front) in found
    assert (eid(P, "Rustam Ayubov"), front) in found


def test_members_are_named_by_a_copula(nlp, extractor):
    found = members(
        nlp,
        extractor,
        "Police broke up a cell of the Crescent Front in Bavaria. "
        "The members of the cell are Farid Nazarov and Olim Sadikov.",
        {"Crescent Front": G, "Farid Nazarov": P, "Olim Sadikov": P},
    )
    front = eid(G, "Crescent Front")
    assert {(eid(P, "Farid Nazarov"), front), (eid(P, "Olim Sadikov"), front)} <= found


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
