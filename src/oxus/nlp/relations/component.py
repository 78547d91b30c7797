"""The ``oxus_relations`` component: typed links between entities, one sentence at a time.

Rules (see ``people``, ``nationality``, ``links``, ``verbs`` and ``based``)
propose candidate triples from titles,
appositions, possessives, cue words between lists of mentions, verb frames and locative
phrases; this module checks them against the allowed ends of each predicate
(``patterns/relations.yaml``), maps a birthplace to its state for citizen_of, adds dates
("since 2020") and evidence, and drops duplicates within a sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from oxus.model import Predicate, Relation
from oxus.nlp.clauses import (
    Ment,
    dates_in,
    doc_mentions,
    evidence_for,
    sentences_with_mentions,
)
from oxus.nlp.extensions import doc_list
from oxus.nlp.lexicon import load_lexicon, phrase_map, phrase_set
from oxus.nlp.relations.based import BasedCues, based_in_relations
from oxus.nlp.relations.links import CueIndex, cue_relations
from oxus.nlp.relations.nationality import citizen_relations, origin_relations
from oxus.nlp.relations.people import Candidate, lead_verb_relations, title_relations
from oxus.nlp.relations.verbs import load_frames, verb_frame_relations
from oxus.nlp.states import state_entity_id, state_of_place

SINCE_WORDS = frozenset({"since", "from"})
UNTIL_WORDS = frozenset({"until", "till", "before", "to"})
DATED_PREDICATES = frozenset({"pledged_allegiance_to", "designated_by"})


class RelationExtractor:
    """Finds relations in a parsed Doc whose mentions are already linked."""

    def __init__(self, *, lexicon: str = "relations", demonyms: str = "demonyms") -> None:
        lex = load_lexicon(lexicon)
        dem = load_lexicon(demonyms)
        self.ends: dict[str, dict[str, list[str]]] = lex["ends"]
        self.state_member_objects = frozenset(lex.get("state_member_objects", []))
        titles = phrase_map(lex["titles"])
        self.titles = {w: lex.get("role_override", {}).get(w, role) for w, role in titles.items()}
        self.state_titles = phrase_set(lex.get("state_titles"))
        self.lead_verbs: dict[str, str] = lex.get("lead_verbs", {})
        self.member_words = phrase_set(lex.get("member_words"))
        self.org_descriptors = phrase_set(lex.get("org_descriptors"))
        self.cues = CueIndex(lex["cues"])
        self.window = int(lex.get("window", 14))
        self.passive = phrase_set(lex.get("passive_markers"))
        self.leader_objects = phrase_set(lex.get("cue_leader_objects"))
        self.noun_predicates = phrase_set(lex.get("cue_noun_predicates"))
        self.name_gap = phrase_set(lex.get("cue_name_gap"))
        self.verb_cue_predicates = phrase_set(lex.get("cue_verbs_left_to_frames"))
        self.noun_blockers = phrase_set(lex.get("cue_noun_blockers"))
        based = lex.get("based_in", {})
        self.based = BasedCues(
            preps=phrase_set(based.get("preps")),
            lemmas=phrase_set(based.get("lemmas")),
            exclude_preps=phrase_set(lex.get("based_in_exclude_preps")),
            exclude_lemmas=phrase_set(lex.get("based_in_exclude_lemmas")),
            cue_preps=phrase_set(based.get("cue_preps", ["from"])),
            place_nouns=phrase_set(based.get("place_nouns")),
            control_lemmas=phrase_set(based.get("control_lemmas")),
            branch_nouns=phrase_set(based.get("branch_nouns")),
        )
        self.citizen_nouns = phrase_set(lex.get("citizen_nouns"))
        self.frames = load_frames(lex.get("verb_frames", {}))
        self.state_anaphors = phrase_set(lex.get("state_anaphors"))
        self.demonyms = {d: state for state, ds in dem["demonyms"].items() for d in ds}
        self.ethnic = phrase_set(dem.get("ethnic_markers"))

    def __call__(self, doc: Doc) -> Doc:
        relations = doc_list(doc, "relations")
        doc_ments = doc_mentions(doc)
        types = {m.id: m.type for m in doc_ments}
        for index, sent, mentions in sentences_with_mentions(doc):
            if not mentions:
                continue
            by_token = {i: m for m in mentions for i in range(m.start, m.end)}
            seen: set[tuple[str, str, str]] = set()
            for cand in self._candidates(sent, mentions, by_token, doc_ments):
                relation = self._build(doc, sent, index, cand, types)
                if relation is None:
                    continue
                key = (relation.subject, relation.predicate.value, relation.object)
                if Predicate(relation.predicate).symmetric:
                    key = (min(key[0], key[2]), key[1], max(key[0], key[2]))
                if key in seen:
                    continue
                seen.add(key)
                relations.append(relation)
        return doc

    def _candidates(
        self, sent: Span, mentions: list[Ment], by_token: dict[int, Ment], doc_ments: list[Ment]
    ) -> list[Candidate]:
        out: list[Candidate] = []
        out.extend(
            title_relations(
                sent,
                by_token,
                doc_ments,
                titles=self.titles,
                member_words=self.member_words,
                descriptors=self.org_descriptors,
            )
        )
        out.extend(lead_verb_relations(sent, by_token, doc_ments, lead_verbs=self.lead_verbs))
        out.extend(
            verb_frame_relations(
                sent,
                by_token,
                doc_ments,
                frames=self.frames,
                anaphors=self.state_anaphors,
                demonyms=self.demonyms,
            )
        )
        out.extend(
            citizen_relations(
                sent,
                by_token,
                demonyms=self.demonyms,
                ethnic=self.ethnic,
                citizen_nouns=self.citizen_nouns,
                state_titles=self.state_titles,
            )
        )
        out.extend(origin_relations(sent, by_token))
        out.extend(
            cue_relations(
                sent,
                mentions,
                cues=self.cues,
                window=self.window,
                passive_markers=self.passive,
                ends=self.ends,
                leader_objects=self.leader_objects,
                noun_predicates=self.noun_predicates,
                name_gap=self.name_gap,
                frame_predicates=self.verb_cue_predicates,
                noun_blockers=self.noun_blockers,
                prior=doc_ments,
            )
        )
        out.extend(based_in_relations(sent, mentions, by_token, self.based, doc_ments))
        return out

    def _resolve(self, doc: Doc, end: Ment | str, types: dict[str, str]) -> tuple[str, str] | None:
        """(entity id, type) of a candidate end; bare strings are state names."""
        if isinstance(end, Ment):
            return end.id, end.type
        state = state_entity_id(doc, end)
        return state, types.get(state, "state")

    def _build(
        self, doc: Doc, sent: Span, index: int, cand: Candidate, types: dict[str, str]
    ) -> Relation | None:
        subject = self._resolve(doc, cand.subject, types)
        obj = self._resolve(doc, cand.object, types)
        if cand.predicate == "citizen_of" and obj is not None and obj[1] == "place":
            state = state_of_place(doc, obj[0])
            obj = (state, "state") if state is not None else None
        if subject is None or obj is None or subject[0] == obj[0]:
            return None
        ends = self.ends.get(cand.predicate)
        if ends is None or subject[1] not in ends["subject"] or obj[1] not in ends["object"]:
            return None
        if (
            cand.predicate == "member_of"
            and subject[1] == "state"
            and obj[1] not in self.state_member_objects
        ):
            return None
        since, until = _dates(sent, cand)
        return Relation(
            subject=subject[0],
            predicate=Predicate(cand.predicate),
            object=obj[0],
            evidence=evidence_for(sent, index),
            role=cand.role if cand.predicate == "leader_of" else None,
            since=since,
            until=until,
        )


def _dates(sent: Span, cand: Candidate) -> tuple[str | None, str | None]:
    """``since``/``until`` from dates introduced by "since"/"until" in the sentence."""
    since = until = None
    for span in dates_in(sent):
        prev = sent.doc[span.start - 1].lower_ if span.start > sent.start else ""
        if prev in SINCE_WORDS and since is None:
            since = span._.date
        elif prev in UNTIL_WORDS and until is None:
            until = span._.date
    if since is None and cand.predicate in DATED_PREDICATES:
        found = dates_in(sent)
        if found:
            since = found[0]._.date
    return since, until


@Language.factory(
    "oxus_relations",
    assigns=["doc._.relations"],
    requires=["token.dep", "token.lemma", "doc.sents"],
    default_config={"lexicon": "relations", "demonyms": "demonyms"},
)
def make_relations(nlp: Language, name: str, *, lexicon: str, demonyms: str) -> RelationExtractor:
    return RelationExtractor(lexicon=lexicon, demonyms=demonyms)
