"""based_in and the newer relation patterns on hand-made sentences, with negatives."""

from __future__ import annotations

import pytest

from oxus.nlp.relations.component import RelationExtractor
from tests.nlp.fact_docs import eid, make_doc, rules_only


@pytest.fixture(scope="module")
def extractor():
    """The relation rules alone: candidates decoded without a learned model."""
    return rules_only(RelationExtractor())


def triples(nlp, extractor, text, mentions):
    doc = extractor(make_doc(nlp, text, mentions))
    return {(r.subject, r.predicate.value, r.object): r for r in doc._.relations}


G, P, ORG, S, L = "group", "person", "organization", "state", "place"
CF, MB = eid(G, "Crescent Front"), eid(G, "Mountain Brigade")


def test_based_in_the_province_of(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Crescent Front is based in the northern province of Kunduz.",
        {"Crescent Front": G, "Kunduz": L},
    )
    assert (CF, "based_in", eid(L, "Kunduz")) in found


def test_based_in_a_list_of_provinces(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Crescent Front was residing in the provinces of Kunduz, Takhar and Baghlan.",
        {"Crescent Front": G, "Kunduz": L, "Takhar": L, "Baghlan": L},
    )
    for place in ("Kunduz", "Takhar", "Baghlan"):
        assert (CF, "based_in", eid(L, place)) in found


def test_relative_clause_locates_its_antecedents(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Officials named the Crescent Front and the Mountain Brigade, which operate in Kunduz.",
        {"Crescent Front": G, "Mountain Brigade": G, "Kunduz": L},
    )
    assert (CF, "based_in", eid(L, "Kunduz")) in found
    assert (MB, "based_in", eid(L, "Kunduz")) in found


def test_people_from_a_country_is_origin_not_base(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Crescent Front, made up of fighters from Kazakhstan, is based in Kunduz.",
        {"Crescent Front": G, "Kazakhstan": S, "Kunduz": L},
    )
    assert (CF, "based_in", eid(L, "Kunduz")) in found
    assert (CF, "based_in", eid(S, "Kazakhstan")) not in found


def test_x_based_locates_only_the_name_it_modifies(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Crescent Front fought alongside the Kunduz-based Mountain Brigade last year.",
        {"Crescent Front": G, "Mountain Brigade": G, "Kunduz": L},
    )
    assert (MB, "based_in", eid(L, "Kunduz")) in found
    assert (CF, "based_in", eid(L, "Kunduz")) not in found


def test_captured_place_is_held(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Crescent Front captured Kunduz in May.",
        {"Crescent Front": G, "Kunduz": L},
    )
    assert (CF, "based_in", eid(L, "Kunduz")) in found


def test_assumed_control_of_place(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Since the Crescent Front assumed control of Kunduz, trade has fallen.",
        {"Crescent Front": G, "Kunduz": L},
    )
    assert (CF, "based_in", eid(L, "Kunduz")) in found


def test_event_in_a_place_does_not_locate_the_group(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Arrests of suspects linked to the Crescent Front took place in Almaty.",
        {"Crescent Front": G, "Almaty": L},
    )
    assert (CF, "based_in", eid(L, "Almaty")) not in found


def test_talks_in_a_city_do_not_locate(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Crescent Front attended talks in Almaty.",
        {"Crescent Front": G, "Almaty": L},
    )
    assert (CF, "based_in", eid(L, "Almaty")) not in found


def test_expert_at_an_institute_is_a_member(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Timur Bekov, an expert at the Eastern Institute, disagreed.",
        {"Timur Bekov": P, "Eastern Institute": ORG},
    )
    assert (eid(P, "Timur Bekov"), "member_of", eid(ORG, "Eastern Institute")) in found


def test_expert_on_a_group_is_not_a_member(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Timur Bekov, an expert on the Crescent Front, disagreed.",
        {"Timur Bekov": P, "Crescent Front": G},
    )
    assert (eid(P, "Timur Bekov"), "member_of", CF) not in found


def test_title_after_parenthesised_acronym(nlp, extractor):
    mentions = {"Eastern Security Service": ORG, "ESS": ORG, "Timur Bekov": P}
    before = triples(
        nlp, extractor, "Eastern Security Service (ESS) Director Timur Bekov spoke.", mentions
    )
    after = triples(
        nlp,
        extractor,
        "The director of the Eastern Security Service (ESS), Timur Bekov, spoke.",
        mentions,
    )
    key = (eid(P, "Timur Bekov"), "leader_of", eid(ORG, "Eastern Security Service"))
    assert key in before
    assert key in after


def test_title_after_group_and_place(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "He met the leader of the Crescent Front movement in Kunduz, Timur Bekov.",
        {"Crescent Front": G, "Kunduz": L, "Timur Bekov": P},
    )
    assert (eid(P, "Timur Bekov"), "leader_of", CF) in found


def test_who_chairs_makes_a_head(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Timur Bekov, who chairs the Eastern Council, spoke on Monday.",
        {"Timur Bekov": P, "Eastern Council": ORG},
    )
    rel = found[(eid(P, "Timur Bekov"), "leader_of", eid(ORG, "Eastern Council"))]
    assert rel.role == "head"


def test_under_the_protection_of_reverses_support(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Mountain Brigade operates under the protection of the Crescent Front.",
        {"Crescent Front": G, "Mountain Brigade": G},
    )
    assert (CF, "supports", MB) in found
    assert (MB, "supports", CF) not in found


def test_hyphenated_cue_on_a_common_word_links_nothing(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Crescent Front and Western-backed Mountain Brigade factions fought there.",
        {"Crescent Front": G, "Mountain Brigade": G},
    )
    assert not any(p == "supports" for _, p, _ in found)


def test_frame_verb_takes_the_subject_of_its_governor(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Crescent Front promised to fund the Mountain Brigade.",
        {"Crescent Front": G, "Mountain Brigade": G},
    )
    assert (CF, "supports", MB) in found


def test_affiliate_in_apposition_is_a_part(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Mountain Brigade, the Crescent Front's affiliate in the north, was weakened.",
        {"Crescent Front": G, "Mountain Brigade": G},
    )
    assert (MB, "part_of", CF) in found
    assert (CF, "part_of", MB) not in found


def test_former_affiliate_is_not_a_part(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Fighters of former Crescent Front affiliate Mountain Brigade left.",
        {"Crescent Front": G, "Mountain Brigade": G},
    )
    assert not any(p == "part_of" for _, p, _ in found)


def test_leader_named_after_a_place(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Crescent Front grew. Its leader in Kabul, Timur Bekov, denied it.",
        {"Crescent Front": G, "Kabul": L, "Timur Bekov": P},
    )
    assert (eid(P, "Timur Bekov"), "leader_of", CF) in found


def test_sanctioning_people_does_not_designate_their_group(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Eastern Treasury sanctioned four people for links to the Crescent Front.",
        {"Eastern Treasury": ORG, "Crescent Front": G},
    )
    assert (CF, "designated_by", eid(ORG, "Eastern Treasury")) not in found


def test_citizens_after_a_list_of_names(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The suspects, Timur Bekov, Rustam Ayubov and Ali Karimov, Kazakhstan citizens, "
        "were detained.",
        {"Timur Bekov": P, "Rustam Ayubov": P, "Ali Karimov": P, "Kazakhstan": S},
    )
    for name in ("Timur Bekov", "Rustam Ayubov", "Ali Karimov"):
        assert (eid(P, name), "citizen_of", eid(S, "Kazakhstan")) in found


def test_state_possessive_title_before_name(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Kazakhstan's president, Timur Bekov, spoke.",
        {"Timur Bekov": P, "Kazakhstan": S},
    )
    assert (eid(P, "Timur Bekov"), "citizen_of", eid(S, "Kazakhstan")) in found


def test_originally_from_is_origin(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Timur Bekov, who is originally from Kazakhstan, leads the cell.",
        {"Timur Bekov": P, "Kazakhstan": S},
    )
    assert (eid(P, "Timur Bekov"), "citizen_of", eid(S, "Kazakhstan")) in found


def test_a_state_possessor_in_apposition_is_not_citizenship(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "According to Timur Bekov, the level of Kazakhstan's presence is enough.",
        {"Timur Bekov": P, "Kazakhstan": S},
    )
    assert (eid(P, "Timur Bekov"), "citizen_of", eid(S, "Kazakhstan")) not in found


def test_demonym_inside_an_organisation_name_is_not_citizenship(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Timur Bekov, expert of the Russian Council on Affairs, spoke.",
        {"Timur Bekov": P},
    )
    assert not any(p == "citizen_of" for _, p, _ in found)


def test_idlib_based_demonym_apposition(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "He spoke with Timur Bekov, an Idlib-based Tajik militant, last year.",
        {"Timur Bekov": P, "Idlib": L},
    )
    assert (eid(P, "Timur Bekov"), "citizen_of", eid(S, "Tajikistan")) in found
    assert (eid(P, "Timur Bekov"), "based_in", eid(L, "Idlib")) in found


def test_under_the_command_of_a_person_makes_a_commander(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Crescent Front still operates under the command of Timur Bekov.",
        {"Crescent Front": G, "Timur Bekov": P},
    )
    rel = found[(eid(P, "Timur Bekov"), "leader_of", CF)]
    assert rel.role == "commander"
    assert not any(p == "part_of" for _, p, _ in found)


def test_plural_title_after_a_list_of_names(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "He honoured Timur Bekov and Rustam Ayubov, two dead leaders of the Crescent Front.",
        {"Crescent Front": G, "Timur Bekov": P, "Rustam Ayubov": P},
    )
    assert (eid(P, "Timur Bekov"), "leader_of", CF) in found
    assert (eid(P, "Rustam Ayubov"), "leader_of", CF) in found


def test_the_organisations_secretary_general(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Eastern Pact met on Monday. The deal is done, said the organization's "
        "secretary general Timur Bekov.",
        {"Eastern Pact": ORG, "Timur Bekov": P},
    )
    assert (eid(P, "Timur Bekov"), "leader_of", eid(ORG, "Eastern Pact")) in found


def test_hosting_participle_takes_the_subject_up_the_chain(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Timur Bekov has chosen to turn his country into a refuge, hosting numerous "
        "elements from the Crescent Front faction.",
        {"Crescent Front": G, "Timur Bekov": P},
    )
    assert (eid(P, "Timur Bekov"), "supports", CF) in found


def test_support_verb_reads_its_arguments_not_neighbours(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Crescent Front said the Eastern Ministry supports peace talks.",
        {"Crescent Front": G, "Eastern Ministry": ORG},
    )
    assert not any(p == "supports" for _, p, _ in found)


def test_born_in_a_pack_place_gives_its_state(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Police named Timur Bekov, who was born in the city of Osh in 1995.",
        {"Timur Bekov": P, "Osh": L},
    )
    assert (eid(P, "Timur Bekov"), "citizen_of", "state:kyrgyzstan") in found


def test_originally_from_a_state(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Its leader Timur Bekov is originally from Kazakhstan.",
        {"Timur Bekov": P, "Kazakhstan": S},
    )
    assert (eid(P, "Timur Bekov"), "citizen_of", eid(S, "Kazakhstan")) in found


def test_unknown_birthplace_gives_no_state(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Timur Bekov was born in Zarvona, a village nobody knows.",
        {"Timur Bekov": P, "Zarvona": L},
    )
    assert not any(p == "citizen_of" for _, p, _ in found)


def test_travelled_from_is_not_origin(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Timur Bekov travelled from Kazakhstan to Turkey.",
        {"Timur Bekov": P, "Kazakhstan": S, "Turkey": S},
    )
    assert not any(p == "citizen_of" for _, p, _ in found)


def test_country_possessive_province(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Crescent Front is active in Kazakhstan's northern province of Kostanay.",
        {"Crescent Front": G, "Kazakhstan": S, "Kostanay": L},
    )
    assert (CF, "based_in", eid(L, "Kostanay")) in found
    assert (CF, "based_in", eid(S, "Kazakhstan")) in found


def test_place_named_wing_of_a_group(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Officials listed the Mountain Brigade and the Kunduz wing of the Crescent Front.",
        {"Crescent Front": G, "Mountain Brigade": G, "Kunduz": L},
    )
    assert (CF, "based_in", eid(L, "Kunduz")) in found
    assert (MB, "based_in", eid(L, "Kunduz")) not in found


def test_headed_a_unit_is_not_leading_a_group_named_nearby(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The best-known Crescent Front recruit was Timur Bekov, who headed the police "
        "special forces unit before he defected.",
        {"Crescent Front": G, "Timur Bekov": P},
    )
    assert (eid(P, "Timur Bekov"), "leader_of", CF) not in found


def test_arms_embargo_is_not_support(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Eastern Council ordered an asset freeze and an arms embargo against the "
        "Crescent Front.",
        {"Eastern Council": ORG, "Crescent Front": G},
    )
    assert not any(p == "supports" for _, p, _ in found)


def test_group_mentioned_in_a_with_phrase_is_not_located(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Diplomacy with the Crescent Front strengthens the position of Kazakhstan in Central Asia.",
        {"Crescent Front": G, "Kazakhstan": S, "Central Asia": L},
    )
    assert not any(p == "based_in" for _, p, _ in found)


def test_fighters_of_a_group_locate_it(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Fighters of the Crescent Front remain active in Kunduz.",
        {"Crescent Front": G, "Kunduz": L},
    )
    assert (CF, "based_in", eid(L, "Kunduz")) in found


def test_independent_faction_before_joining_is_not_a_part(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Mountain Brigade was an independent faction before swearing allegiance to "
        "the Crescent Front.",
        {"Crescent Front": G, "Mountain Brigade": G},
    )
    assert (MB, "part_of", CF) not in found
    assert (MB, "pledged_allegiance_to", CF) in found


def test_affiliated_with_is_a_link_not_a_part(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Affiliated with the Crescent Front, the Mountain Brigade operates in Kunduz.",
        {"Crescent Front": G, "Mountain Brigade": G, "Kunduz": L},
    )
    assert not any(p == "part_of" for _, p, _ in found)


def test_the_group_as_subject_is_the_last_subject_group(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Crescent Front was founded in 2010 by veterans. The group operates in Kunduz "
        "and has close links with the Mountain Brigade.",
        {"Crescent Front": G, "Mountain Brigade": G, "Kunduz": L},
    )
    assert (CF, "based_in", eid(L, "Kunduz")) in found
    pairs = {(s, o) for s, p, o in found if p == "allied_with"}
    assert pairs & {(CF, MB), (MB, CF)}


def test_expletive_it_is_not_a_group(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Crescent Front was founded in 2010. It is believed that fighters in Kunduz "
        "support peace.",
        {"Crescent Front": G, "Kunduz": L},
    )
    assert (CF, "based_in", eid(L, "Kunduz")) not in found


def test_alongside_groups_including_named_ones_share_the_place(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Crescent Front has fought alongside other groups in Syria, including the "
        "Mountain Brigade.",
        {"Crescent Front": G, "Mountain Brigade": G, "Syria": S},
    )
    assert (CF, "based_in", eid(S, "Syria")) in found
    assert (MB, "based_in", eid(S, "Syria")) in found


def test_it_is_believed_to_be_a_splinter(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Mountain Brigade recruits in the south. It is believed to be a splinter of "
        "the Crescent Front.",
        {"Crescent Front": G, "Mountain Brigade": G},
    )
    assert (MB, "splinter_of", CF) in found


def test_banned_it_resolves_to_the_topic_group(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Mountain Brigade recruits in the south. The Eastern Court banned it in 2016.",
        {"Mountain Brigade": G, "Eastern Court": ORG},
    )
    assert (MB, "designated_by", eid(ORG, "Eastern Court")) in found


def test_it_far_from_any_group_links_nothing(nlp, extractor):
    filler = "Officials said many things about the weather and the harvest that year. " * 8
    found = triples(
        nlp,
        extractor,
        "The Mountain Brigade recruits in the south. " + filler + "The Eastern Court banned it.",
        {"Mountain Brigade": G, "Eastern Court": ORG},
    )
    assert not any(p == "designated_by" for _, p, _ in found)


def test_allegiance_to_a_titled_leader_is_to_the_person(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Mountain Brigade pledged allegiance to then-Crescent Front leader Timur Bekov.",
        {"Crescent Front": G, "Mountain Brigade": G, "Timur Bekov": P},
    )
    assert (MB, "pledged_allegiance_to", eid(P, "Timur Bekov")) in found
    assert (MB, "pledged_allegiance_to", CF) not in found


def test_hyphen_glued_name_is_not_a_list_member(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Mountain Brigade fought alongside the Crescent Front-linked Jamaat Nur.",
        {"Crescent Front": G, "Mountain Brigade": G, "Jamaat Nur": G},
    )
    pairs = {frozenset((s, o)) for s, p, o in found if p == "allied_with"}
    assert frozenset((MB, eid(G, "Jamaat Nur"))) in pairs
    assert frozenset((MB, CF)) not in pairs


def test_support_noun_needs_its_own_argument(nlp, extractor):
    cut = triples(
        nlp,
        extractor,
        "The Crescent Front reduced financial support to them after Timur Bekov's "
        "defection to the Mountain Brigade.",
        {"Crescent Front": G, "Mountain Brigade": G, "Timur Bekov": P},
    )
    assert (CF, "supports", MB) not in cut
    given = triples(
        nlp,
        extractor,
        "The Crescent Front provided financial support to the Mountain Brigade.",
        {"Crescent Front": G, "Mountain Brigade": G},
    )
    assert (CF, "supports", MB) in given


def test_possessor_is_not_a_list_member(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Amid their dispute, Jamaat Nur and the Mountain Brigade, the Crescent Front's "
        "affiliate, clashed again.",
        {"Crescent Front": G, "Mountain Brigade": G, "Jamaat Nur": G},
    )
    rivals = {frozenset((s, o)) for s, p, o in found if p == "rival_of"}
    assert frozenset((eid(G, "Jamaat Nur"), CF)) not in rivals


def test_coordinated_titles_reach_the_name(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Timur Bekov, university professor and chief researcher at the Eastern Institute, "
        "disagreed.",
        {"Timur Bekov": P, "Eastern Institute": ORG},
    )
    assert (eid(P, "Timur Bekov"), "member_of", eid(ORG, "Eastern Institute")) in found


def test_title_after_another_name_is_not_the_first_names(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Timur Bekov, Rustam Ayubov and the head of the Eastern Institute met.",
        {"Timur Bekov": P, "Rustam Ayubov": P, "Eastern Institute": ORG},
    )
    assert (eid(P, "Timur Bekov"), "leader_of", eid(ORG, "Eastern Institute")) not in found


def test_allegiance_in_a_participle_clause_takes_the_main_subject(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Mountain Brigade has long been loyal to the Crescent Front, having sworn "
        "allegiance to Timur Bekov.",
        {"Crescent Front": G, "Mountain Brigade": G, "Timur Bekov": P},
    )
    assert (MB, "pledged_allegiance_to", eid(P, "Timur Bekov")) in found
    assert (CF, "pledged_allegiance_to", eid(P, "Timur Bekov")) not in found


def test_owner_of_the_list_designates(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Eastern Ministry added the Crescent Front to the Kazakhstan government's list "
        "of terrorist organizations.",
        {"Eastern Ministry": ORG, "Crescent Front": G, "Kazakhstan": S},
    )
    assert (CF, "designated_by", eid(ORG, "Eastern Ministry")) in found
    assert (CF, "designated_by", eid(S, "Kazakhstan")) in found


def test_national_body_designates_for_its_state(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Kazakh authorities banned the Crescent Front in 2016.",
        {"Crescent Front": G},
    )
    assert (CF, "designated_by", "state:kazakhstan") in found


def test_demonym_subject_of_another_verb_designates_nothing(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Kazakh authorities praised the Crescent Front in 2016.",
        {"Crescent Front": G},
    )
    assert not any(p == "designated_by" for _, p, _ in found)


def test_affiliate_in_a_country_does_not_place_the_parent(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Fighters joined the Mountain Brigade, the Crescent Front's affiliate in Syria.",
        {"Crescent Front": G, "Mountain Brigade": G, "Syria": S},
    )
    assert (CF, "based_in", eid(S, "Syria")) not in found


def test_person_coming_to_a_place_is_not_based_there(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "Timur Bekov came to Vorukh, a settlement surrounded by the territory of the state.",
        {"Timur Bekov": P, "Vorukh": L},
    )
    assert (eid(P, "Timur Bekov"), "based_in", eid(L, "Vorukh")) not in found


def test_links_in_a_participle_clause_belong_to_the_opening_list(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "From the late 1990s, Jamaat Nur and the Mountain Brigade had carried out many "
        "attacks in the region from their bases, while maintaining close links with the "
        "Crescent Front.",
        {"Crescent Front": G, "Mountain Brigade": G, "Jamaat Nur": G},
    )
    pairs = {frozenset((s, o)) for s, p, o in found if p == "allied_with"}
    assert frozenset((MB, CF)) in pairs
    assert frozenset((eid(G, "Jamaat Nur"), CF)) in pairs


def test_cooperation_verb_takes_its_own_subject(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "The Mountain Brigade, which grew out of Jamaat Nur, cooperates with Harakat Zulfiqar.",
        {"Mountain Brigade": G, "Jamaat Nur": G, "Harakat Zulfiqar": G},
    )
    pairs = {frozenset((s, o)) for s, p, o in found if p == "allied_with"}
    assert frozenset((MB, eid(G, "Harakat Zulfiqar"))) in pairs
    assert frozenset((eid(G, "Jamaat Nur"), eid(G, "Harakat Zulfiqar"))) not in pairs


def test_opening_list_takes_apposed_names(nlp, extractor):
    found = triples(
        nlp,
        extractor,
        "From the late 1990s, Jamaat Nur and two other groups, the Mountain Brigade and "
        "Harakat Zulfiqar, had carried out some significant attacks in the region from "
        "their many bases in the high mountains, while maintaining close links with the "
        "Crescent Front.",
        {
            "Crescent Front": G,
            "Mountain Brigade": G,
            "Jamaat Nur": G,
            "Harakat Zulfiqar": G,
        },
    )
    pairs = {frozenset((s, o)) for s, p, o in found if p == "allied_with"}
    assert frozenset((eid(G, "Jamaat Nur"), CF)) in pairs
    assert frozenset((eid(G, "Harakat Zulfiqar"), CF)) in pairs
