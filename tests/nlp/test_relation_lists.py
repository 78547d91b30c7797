"""Names in a list share what ties the list to the rest of the sentence."""

from __future__ import annotations

import pytest

from oxus.nlp.candidates import doc_candidates
from oxus.nlp.relations.args import Arg
from oxus.nlp.relations.component import RelationExtractor
from oxus.nlp.relations.lists import coordination_lists
from oxus.nlp.tokenview import token_view
from tests.nlp.fact_docs import eid, make_doc

G, P, ORG, S = "group", "person", "organization", "state"


@pytest.fixture(scope="module")
def extractor():
    return RelationExtractor()


def candidates(nlp, extractor, text, mentions):
    doc = extractor(make_doc(nlp, text, mentions))
    return {c.key: c for c in doc_candidates(doc).relations}


def test_list_members_borrow_the_nearest_mate_pair(nlp, extractor):
    found = candidates(
        nlp,
        extractor,
        "Four member states of the Steppe Defence Pact – Aralia, Borovia, Cassania and "
        "Dunmark – sent troops to the drill.",
        {"Steppe Defence Pact": ORG, "Aralia": S, "Borovia": S, "Cassania": S, "Dunmark": S},
    )
    pact = eid(ORG, "Steppe Defence Pact")
    first = found[(eid(S, "Aralia"), "member_of", pact)]
    last = found[(eid(S, "Dunmark"), "member_of", pact)]
    assert "member_of|list" not in first.features
    assert last.features["member_of|list"] == 1.0
    # The nearest name's own path to the pact is lent to the last name of the list.
    lent = {n[len("member_of|list|") :] for n in last.features if n.startswith("member_of|list|")}
    own = {n[len("member_of|") :] for n in first.features if n.startswith("member_of|path|")}
    assert own and own <= lent


def test_far_list_member_is_still_a_candidate(nlp, extractor):
    text = (
        "Police named the men who were detained on Monday in a raid on a flat near the "
        "market as members of the Crescent Front: Timur Bekov, Rustam Ayubov, Farid Nazarov, "
        "Olim Sadikov, Bahrom Ergashev, Sherzod Umarov and Anvar Kholov."
    )
    names = ["Timur Bekov", "Rustam Ayubov", "Farid Nazarov", "Olim Sadikov"]
    names += ["Bahrom Ergashev", "Sherzod Umarov", "Anvar Kholov"]
    found = candidates(nlp, extractor, text, {"Crescent Front": G} | dict.fromkeys(names, P))
    front = eid(G, "Crescent Front")
    last = found[(eid(P, "Anvar Kholov"), "member_of", front)]
    assert "*|list_rule" in last.features or "member_of|list" in last.features


def test_lists_need_glue_between_names(nlp):
    doc = make_doc(
        nlp,
        "Aralia and Borovia signed a deal with Cassania in Dunmark.",
        {"Aralia": S, "Borovia": S, "Cassania": S, "Dunmark": S},
    )
    view = token_view(doc)
    args = [
        Arg(m.kb_id_, m.label_, m.start, m.end, m.root.i)
        for m in sorted(doc.spans["oxus_mentions"], key=lambda m: m.start)
    ]
    lists = coordination_lists(view, args)
    listed = {args[i].id for i in lists}
    assert listed == {eid(S, "Aralia"), eid(S, "Borovia")}
