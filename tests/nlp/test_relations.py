"""oxus_relations on hand-made sentences: each pattern family, and negatives."""

from __future__ import annotations

import pytest

from oxus.model import Predicate
from oxus.nlp.relations.component import RelationExtractor
from tests.nlp.fact_docs import eid, make_doc, rules_only


@pytest.fixture(scope="module")
def extractor():
    """The relation rules alone: candidates decoded without a learned model."""
    return rules_only(RelationExtractor())


def triples(nlp, extractor, text, mentions, **kwargs):
    doc = extractor(make_doc(nlp, text, mentions, **kwargs))
    return {(r.subject, r.predicate.value, r.object): r for r in doc._.relations}


G, P, ORG, S, L = "group", "person", "organization", "state", "place"


def test_compound_title(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "A video was posted by Harakat Zulfiqar commander Timur Bekov last week.",
        {"Harakat Zulfiqar": G, "Timur Bekov": P},
    )
    rel = found[(eid(P, "Timur Bekov"), "leader_of", eid(G, "Harakat Zulfiqar"))]
    assert rel.role == "commander"
    assert rel.evidence.sentence_index == 0


def test_possessive_title_and_apposition(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Harakat Zulfiqar's founder, Timur Bekov, lives abroad. "
        "Rustam Ayubov, the spokesman of the Crescent Front, denied it.",
        {"Harakat Zulfiqar": G, "Timur Bekov": P, "Rustam Ayubov": P, "Crescent Front": G},
    )
    assert found[(eid(P, "Timur Bekov"), "leader_of", eid(G, "Harakat Zulfiqar"))].role == (
        "founder"
    )
    spokes = found[(eid(P, "Rustam Ayubov"), "leader_of", eid(G, "Crescent Front"))]
    assert spokes.role == "spokesperson"
    assert spokes.evidence.sentence_index == 1


def test_its_leader_resolves_to_previous_group(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Crescent Front grew quickly. Its leader, Timur Bekov, is from the south.",
        {"Crescent Front": G, "Timur Bekov": P},
    )
    assert (eid(P, "Timur Bekov"), "leader_of", eid(G, "Crescent Front")) in found


def test_led_by(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Crescent Front is led by Timur Bekov.",
        {"Crescent Front": G, "Timur Bekov": P},
    )
    assert found[(eid(P, "Timur Bekov"), "leader_of", eid(G, "Crescent Front"))].role == "leader"


def test_members_list(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Police traced two members of the Crescent Front, Timur Bekov and Rustam Ayubov.",
        {"Crescent Front": G, "Timur Bekov": P, "Rustam Ayubov": P},
    )
    assert (eid(P, "Timur Bekov"), "member_of", eid(G, "Crescent Front")) in found
    assert (eid(P, "Rustam Ayubov"), "member_of", eid(G, "Crescent Front")) in found


def test_nationality(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Tajik national Timur Bekov met Rustam Ayubov, a citizen of Uzbekistan.",
        {"Timur Bekov": P, "Rustam Ayubov": P, "Uzbekistan": S},
    )
    assert (eid(P, "Timur Bekov"), "citizen_of", "state:tajikistan") in found
    assert (eid(P, "Rustam Ayubov"), "citizen_of", eid(S, "Uzbekistan")) in found


def test_ethnic_demonym_is_not_citizenship(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The militants are now led by the ethnic Uzbek Timur Bekov.",
        {"Timur Bekov": P},
    )
    assert not any(p == "citizen_of" for _, p, _ in found)


def test_alongside_and_swore_allegiance(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Crescent Front has fought alongside the Mountain Brigade. "
        "In 2019 the Crescent Front swore allegiance to the Northern Caliphate.",
        {"Crescent Front": G, "Mountain Brigade": G, "Northern Caliphate": G},
        dates={"2019": "2019"},
    )
    assert (eid(G, "Crescent Front"), "allied_with", eid(G, "Mountain Brigade")) in found
    pledge = found[
        (eid(G, "Crescent Front"), "pledged_allegiance_to", eid(G, "Northern Caliphate"))
    ]
    assert pledge.since == "2019"


def test_part_of_under_command(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Mountain Brigade operates under the command of the Crescent Front.",
        {"Crescent Front": G, "Mountain Brigade": G},
    )
    assert (eid(G, "Mountain Brigade"), "part_of", eid(G, "Crescent Front")) in found


def test_designated_and_based_in(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Crescent Front, which is based in Kunduz, has been banned in Kazakhstan.",
        {"Crescent Front": G, "Kunduz": L, "Kazakhstan": S},
    )
    assert (eid(G, "Crescent Front"), "based_in", eid(L, "Kunduz")) in found
    assert (eid(G, "Crescent Front"), "designated_by", eid(S, "Kazakhstan")) in found
    assert (eid(G, "Crescent Front"), "based_in", eid(S, "Kazakhstan")) not in found


def test_state_member_of_alliance(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Alliance members Tajikistan and Armenia met in Minsk. "
        "Tajikistan is a member of the Eastern Pact.",
        {"Tajikistan": S, "Armenia": S, "Eastern Pact": ORG, "Minsk": L},
    )
    assert (eid(S, "Tajikistan"), "member_of", eid(ORG, "Eastern Pact")) in found


def test_type_constraints_drop_wrong_ends(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Kazakhstan's president Timur Bekov visited Astana.",
        {"Kazakhstan": S, "Timur Bekov": P, "Astana": L},
    )
    assert all(not (p == "leader_of" and o.startswith("state:")) for _, p, o in found)
    assert (eid(P, "Timur Bekov"), "citizen_of", eid(S, "Kazakhstan")) in found


def test_no_relation_without_cue(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Journalists wrote about the Crescent Front and the Mountain Brigade yesterday.",
        {"Crescent Front": G, "Mountain Brigade": G},
    )
    assert found == {}


def test_duplicates_in_a_sentence_are_merged(nlp, extractor):
    doc = extractor(
        make_doc(
            nlp,
            "The Crescent Front is allied with and has close links to the Mountain Brigade.",
            {"Crescent Front": G, "Mountain Brigade": G},
        )
    )
    allied = [r for r in doc._.relations if r.predicate == Predicate.ALLIED_WITH]
    assert len(allied) == 1


def test_designated_by_active_verb(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "In May, Kazakhstan banned Harakat Zulfiqar after a long trial.",
        {"Kazakhstan": S, "Harakat Zulfiqar": G},
    )
    assert (eid(G, "Harakat Zulfiqar"), "designated_by", eid(S, "Kazakhstan")) in found


def test_designated_by_passive_in_state(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Harakat Zulfiqar has been banned in Kazakhstan and Kyrgyzstan since 2015.",
        {"Harakat Zulfiqar": G, "Kazakhstan": S, "Kyrgyzstan": S},
    )
    assert (eid(G, "Harakat Zulfiqar"), "designated_by", eid(S, "Kazakhstan")) in found
    assert (eid(G, "Harakat Zulfiqar"), "designated_by", eid(S, "Kyrgyzstan")) in found


def test_designated_by_needs_the_banning_verb(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Harakat Zulfiqar fighters crossed into Kazakhstan in May.",
        {"Harakat Zulfiqar": G, "Kazakhstan": S},
    )
    assert not any(p == "designated_by" for _, p, _ in found)


def test_supports_passive_backed_by(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Harakat Zulfiqar was funded by Jamaat Nur for years.",
        {"Harakat Zulfiqar": G, "Jamaat Nur": G},
    )
    assert (eid(G, "Jamaat Nur"), "supports", eid(G, "Harakat Zulfiqar")) in found
    assert (eid(G, "Harakat Zulfiqar"), "supports", eid(G, "Jamaat Nur")) not in found


def test_pledged_allegiance_frame(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "In 2016 Jamaat Nur swore allegiance to Harakat Zulfiqar.",
        {"Jamaat Nur": G, "Harakat Zulfiqar": G},
    )
    assert (eid(G, "Jamaat Nur"), "pledged_allegiance_to", eid(G, "Harakat Zulfiqar")) in found


def test_pledge_without_allegiance_noun_is_not_allegiance(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Jamaat Nur pledged money to Harakat Zulfiqar.",
        {"Jamaat Nur": G, "Harakat Zulfiqar": G},
    )
    assert (eid(G, "Jamaat Nur"), "pledged_allegiance_to", eid(G, "Harakat Zulfiqar")) not in found


def test_joined_makes_member(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Timur Bekov joined Harakat Zulfiqar in 2019.",
        {"Timur Bekov": P, "Harakat Zulfiqar": G},
    )
    assert (eid(P, "Timur Bekov"), "member_of", eid(G, "Harakat Zulfiqar")) in found


def test_member_of_past_descriptors(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Police detained two members of the banned terrorist group Harakat Zulfiqar, "
        "Timur Bekov and Ali Nurov.",
        {"Harakat Zulfiqar": G, "Timur Bekov": P, "Ali Nurov": P},
    )
    assert (eid(P, "Timur Bekov"), "member_of", eid(G, "Harakat Zulfiqar")) in found


def test_allegiance_reaches_the_named_leader(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Jamaat Nur pledged allegiance to Harakat Zulfiqar and its leader, Timur Bekov.",
        {"Jamaat Nur": G, "Harakat Zulfiqar": G, "Timur Bekov": P},
    )
    assert (eid(G, "Jamaat Nur"), "pledged_allegiance_to", eid(G, "Harakat Zulfiqar")) in found
    assert (eid(G, "Jamaat Nur"), "pledged_allegiance_to", eid(P, "Timur Bekov")) in found


def test_allegiance_stops_at_the_next_clause(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Jamaat Nur pledged allegiance to Harakat Zulfiqar, which later expelled Timur Bekov.",
        {"Jamaat Nur": G, "Harakat Zulfiqar": G, "Timur Bekov": P},
    )
    assert (eid(G, "Jamaat Nur"), "pledged_allegiance_to", eid(P, "Timur Bekov")) not in found


def test_bare_allegiance_noun_is_not_a_cue(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Harakat Zulfiqar, to whose leader Jamaat Nur owes its allegiance, grew quickly.",
        {"Jamaat Nur": G, "Harakat Zulfiqar": G},
    )
    assert (eid(G, "Harakat Zulfiqar"), "pledged_allegiance_to", eid(G, "Jamaat Nur")) not in found


def test_added_to_terrorist_list(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Justice Ministry added Harakat Zulfiqar to its list of terrorist organisations.",
        {"Justice Ministry": ORG, "Harakat Zulfiqar": G},
    )
    assert (eid(G, "Harakat Zulfiqar"), "designated_by", eid(ORG, "Justice Ministry")) in found


def test_added_without_a_list_is_not_a_designation(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Justice Ministry added Harakat Zulfiqar to its agenda.",
        {"Justice Ministry": ORG, "Harakat Zulfiqar": G},
    )
    assert not any(p == "designated_by" for _, p, _ in found)


def test_banned_modifier_with_country_anaphor(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Kazakhstan tightened its laws in May. The country also arrested members of "
        "banned organisations, including Harakat Zulfiqar and Jamaat Nur.",
        {"Kazakhstan": S, "Harakat Zulfiqar": G, "Jamaat Nur": G},
    )
    assert (eid(G, "Harakat Zulfiqar"), "designated_by", eid(S, "Kazakhstan")) in found
    assert (eid(G, "Jamaat Nur"), "designated_by", eid(S, "Kazakhstan")) in found


def test_banned_modifier_needs_a_state_doer(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Reporters met members of the banned group Harakat Zulfiqar near Kazakhstan.",
        {"Kazakhstan": S, "Harakat Zulfiqar": G},
    )
    assert not any(p == "designated_by" for _, p, _ in found)


def test_part_named_after_its_descriptor(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Fighters joined the Crescent Front's battalion, Mountain Brigade, last year.",
        {"Crescent Front": G, "Mountain Brigade": G},
    )
    assert (eid(G, "Mountain Brigade"), "part_of", eid(G, "Crescent Front")) in found
    assert (eid(G, "Crescent Front"), "part_of", eid(G, "Mountain Brigade")) not in found


def test_linked_faction_is_not_a_part(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Fighters joined the Crescent Front-linked faction Mountain Brigade last year.",
        {"Crescent Front": G, "Mountain Brigade": G},
    )
    assert not any(p == "part_of" for _, p, _ in found)


def test_part_noun_as_argument_is_not_membership(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The success of the Crescent Front may inspire the sleeping cells of Mountain Brigade.",
        {"Crescent Front": G, "Mountain Brigade": G},
    )
    assert not any(p == "part_of" for _, p, _ in found)


def test_part_of_copula_still_found(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Mountain Brigade is part of the Crescent Front.",
        {"Crescent Front": G, "Mountain Brigade": G},
    )
    assert (eid(G, "Mountain Brigade"), "part_of", eid(G, "Crescent Front")) in found


def test_alliance_cue_takes_the_clause_subject(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Jamaat Nur carried out several attacks in the valley during the summer of that year, "
        "while maintaining close links with Harakat Zulfiqar.",
        {"Jamaat Nur": G, "Harakat Zulfiqar": G},
    )
    pair = {(s, o) for s, p, o in found if p == "allied_with"}
    assert pair & {
        (eid(G, "Jamaat Nur"), eid(G, "Harakat Zulfiqar")),
        (eid(G, "Harakat Zulfiqar"), eid(G, "Jamaat Nur")),
    }


def test_part_noun_in_a_list_is_a_sibling(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Three units, namely Jamaat Nur and the southern wing of Harakat Zulfiqar, are active.",
        {"Jamaat Nur": G, "Harakat Zulfiqar": G},
    )
    assert (eid(G, "Jamaat Nur"), "part_of", eid(G, "Harakat Zulfiqar")) not in found


def test_illegal_is_not_a_designation(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Timur Bekov warned of illegal migration from Kazakhstan.",
        {"Timur Bekov": P, "Kazakhstan": S},
    )
    assert not any(p == "designated_by" for _, p, _ in found)


def test_person_placed_by_apposition(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The plan will fail, said Timur Bekov, a political analyst from Almaty.",
        {"Timur Bekov": P, "Almaty": L},
    )
    assert (eid(P, "Timur Bekov"), "based_in", eid(L, "Almaty")) in found


def test_person_passing_through_is_not_based(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Timur Bekov said the convoy had passed through Almaty.",
        {"Timur Bekov": P, "Almaty": L},
    )
    assert (eid(P, "Timur Bekov"), "based_in", eid(L, "Almaty")) not in found
