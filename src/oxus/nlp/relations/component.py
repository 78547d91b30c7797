"""The ``oxus_relations`` component: candidate relations between entities, with features.

Every pair of entity references in a sentence (names, anaphors standing for a name
given shortly before, states named by demonyms) whose types a predicate allows
(``patterns/relations.yaml``) becomes a candidate. The rules (see ``people``,
``nationality``, ``links``, ``verbs`` and ``based``) still read titles, appositions,
possessives, cue words, verb frames and locative phrases, but what they find is now a
feature of the candidate, beside the dependency path, the words between and the pack's
curated links; the learned scorer in ``oxus_decoder`` decides.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from oxus.model import Predicate, Relation
from oxus.nlp.candidates import Candidate as FactCandidate
from oxus.nlp.candidates import doc_candidates, mark_language
from oxus.nlp.clauses import (
    Ment,
    dates_in,
    doc_mentions,
    evidence_for,
    sentences_with_mentions,
)
from oxus.nlp.lexicon import load_lexicon, phrase_map, phrase_set
from oxus.nlp.relations.args import IMPLIED, Arg, sentence_args
from oxus.nlp.relations.based import BasedCues, based_in_relations
from oxus.nlp.relations.features import PairParts, RelationFeaturizer
from oxus.nlp.relations.links import CueIndex, cue_relations
from oxus.nlp.relations.lists import coordination_lists, list_features
from oxus.nlp.relations.members import named_member_relations
from oxus.nlp.relations.nationality import citizen_relations, origin_relations
from oxus.nlp.relations.people import Candidate, lead_verb_relations, title_relations
from oxus.nlp.relations.verbs import load_frames, verb_frame_relations
from oxus.nlp.scoring.linear import Features
from oxus.nlp.states import pack_states, state_of_place
from oxus.nlp.tokenview import TokenView, token_view

if TYPE_CHECKING:
    from oxus.nlp.lang.ru.relation_rules import RussianRelationRules

SINCE_WORDS = frozenset({"since", "from"})
UNTIL_WORDS = frozenset({"until", "till", "before", "to"})
DATED_PREDICATES = frozenset({"pledged_allegiance_to", "designated_by"})
DEFAULT_ROLES = {"leader_of": "leader"}
SYMMETRIC = frozenset(p.value for p in Predicate if p.symmetric)


@dataclass
class RuleHit:
    """What the rules say about one (subject, predicate, object) in one sentence."""

    rules: set[str] = field(default_factory=set)
    role: str | None = None
    cue: Token | None = None
    subject_type: str = ""
    object_type: str = ""


@cache
def pack_priors() -> frozenset[tuple[str, str, str]]:
    """The pack's curated links as (subject id, predicate, object id), both orders for
    symmetric predicates: a known leader or base is a prior, not a verdict."""
    from oxus.kb.pack import default_pack

    found: set[tuple[str, str, str]] = set()
    for entry in default_pack().entries.values():
        for link in entry.links:
            found.add((entry.entity.id, link.predicate.value, link.object))
            if link.predicate.symmetric:
                found.add((link.object, link.predicate.value, entry.entity.id))
    return frozenset(found)


class RelationExtractor:
    """Proposes relation candidates in a parsed Doc whose mentions are already linked."""

    def __init__(
        self, *, lexicon: str = "relations", demonyms: str = "demonyms", lang: str = "en"
    ) -> None:
        lex = load_lexicon(lexicon, lang)
        dem = load_lexicon(demonyms, lang)
        self.lang = lang
        self.ends: dict[str, dict[str, list[str]]] = lex["ends"]
        self.allowed: dict[tuple[str, str], list[str]] = {}
        for predicate, ends in self.ends.items():
            for subject_type in ends["subject"]:
                for object_type in ends["object"]:
                    pair = self.allowed.setdefault((subject_type, object_type), [])
                    pair.append(predicate)
        self.state_member_objects = frozenset(lex.get("state_member_objects", []))
        titles = phrase_map(lex["titles"])
        self.titles = {w: lex.get("role_override", {}).get(w, role) for w, role in titles.items()}
        self.state_titles = phrase_set(lex.get("state_titles"))
        self.lead_verbs: dict[str, str] = lex.get("lead_verbs", {})
        self.member_words = phrase_set(lex.get("member_words"))
        self.org_descriptors = phrase_set(lex.get("org_descriptors"))
        self.cues = CueIndex(lex["cues"], lang)
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
        self.featurizer = RelationFeaturizer(lex, pack_priors())
        self._fit: dict[tuple[str, str], list[tuple[str, bool]]] = {}
        self.russian: RussianRelationRules | None = None
        self.read_args = sentence_args
        if lang == "ru":  # the Russian rules load only for a Russian pipeline
            from oxus.nlp.lang.ru.relation_args import russian_sentence_args
            from oxus.nlp.lang.ru.relation_rules import RussianRelationRules

            self.russian = RussianRelationRules(lex, self.demonyms)
            self.read_args = russian_sentence_args

    def __call__(self, doc: Doc) -> Doc:
        found = doc_candidates(doc)
        doc_ments = doc_mentions(doc)
        types = {m.id: m.type for m in doc_ments}
        view = token_view(doc)
        proposed: list[FactCandidate[Relation]] = []
        for index, sent, mentions in sentences_with_mentions(doc):
            by_token = {i: m for m in mentions for i in range(m.start, m.end)}
            hits = self._rule_hits(doc, sent, mentions, by_token, doc_ments, types)
            args = self.read_args(
                doc, view, sent.start, sent.end, mentions, doc_ments, self.demonyms
            )
            args += _implied_args(args, hits)
            if len({a.id for a in args}) < 2:
                continue
            proposed.extend(self._sentence_candidates(sent, index, args, hits, view))
        add_document_features(proposed, doc_ments)
        mark_language(proposed, self.lang)
        found.relations.extend(proposed)
        return doc

    def _sentence_candidates(
        self,
        sent: Span,
        index: int,
        args: list[Arg],
        hits: dict[tuple[str, str, str], RuleHit],
        view: TokenView,
    ) -> list[FactCandidate[Relation]]:
        """One candidate per (subject, predicate, object) of the sentence: its closest pair."""
        best: dict[tuple[str, str, str], tuple[int, Arg, Arg]] = {}
        for a in args:
            for b in args:
                if a.id == b.id:
                    continue
                for predicate, symmetric in self._fitting(a.type, b.type):
                    if symmetric and b.start < a.start:
                        continue
                    key = _key(a.id, predicate, b.id, symmetric=symmetric)
                    gap = abs(a.start - b.start)
                    if key not in best or gap < best[key][0]:
                        best[key] = (gap, a, b)
        positions = sorted(a.start for a in args)
        dates = _sentence_dates(sent)
        headline = index == 0
        evidence = evidence_for(sent, index)
        memo: dict[tuple[Any, ...], PairParts] = {}
        listed = {args[i]: number for i, number in coordination_lists(view, args).items()}
        made: dict[tuple[str, str, str], tuple[Arg, Arg, RuleHit | None, Features]] = {}
        far: list[tuple[tuple[str, str, str], Arg, Arg]] = []
        for key, (_, a, b) in best.items():
            predicate = key[1]
            hit = hits.get((a.id, predicate, b.id))
            if hit is None and predicate in SYMMETRIC:
                hit = hits.get((b.id, predicate, a.id))
            pair = {a.id, b.id}
            others = frozenset(q for (s, q, o) in hits if q != predicate and {s, o} == pair)
            if hit is None and not others and self.featurizer.too_far(view, a, b):
                if a in listed or b in listed:
                    far.append((key, a, b))
                continue
            features = self._features(
                view, sent, a, predicate, b, hit, others, positions, headline, memo
            )
            made[key] = (a, b, hit, features)
        # A far pair stays when a list-mate of one end is near the other end.
        for key, a, b in far:
            if _list_mate(key[1], a, b, listed, made) is not None:
                features = self._features(
                    view, sent, a, key[1], b, None, frozenset(), positions, headline, memo
                )
                made[key] = (a, b, None, features)
        out: list[FactCandidate[Relation]] = []
        for key, (a, b, hit, features) in made.items():
            predicate = key[1]
            mate = _list_mate(predicate, a, b, listed, made)
            if mate is not None:
                features.update(list_features(predicate, mate))
            since, until = dates.since, dates.until
            if since is None and predicate in DATED_PREDICATES:
                since = dates.first
            role = (hit.role if hit else None) or self._role_word(a, b, view, predicate)
            relation = Relation(
                subject=a.id,
                predicate=Predicate(predicate),
                object=b.id,
                evidence=evidence,
                role=role if predicate == "leader_of" else None,
                since=since,
                until=until,
            )
            out.append(FactCandidate(relation, features, key))
        return out

    def _features(
        self,
        view: TokenView,
        sent: Span,
        a: Arg,
        predicate: str,
        b: Arg,
        hit: RuleHit | None,
        others: frozenset[str],
        positions: list[int],
        headline: bool,
        memo: dict[tuple[Any, ...], PairParts],
    ) -> Features:
        """The pair's features; ``positions`` are where the sentence's ends start."""
        lo, hi = min(a.start, b.start), max(a.start, b.start)
        between = sum(1 for pos in positions if lo < pos < hi)
        return self.featurizer.features(
            view,
            sent.start,
            sent.end,
            a,
            predicate,
            b,
            rules=frozenset(hit.rules) if hit else frozenset(),
            other_rules=others,
            args_between=between,
            headline=headline,
            memo=memo,
        )

    def _fitting(self, subject_type: str, object_type: str) -> list[tuple[str, bool]]:
        """The predicates ends of these types may stand in, each with whether it is
        symmetric (worked out once per pair of types)."""
        key = (subject_type, object_type)
        found = self._fit.get(key)
        if found is None:
            found = self._fit[key] = [
                (predicate, predicate in SYMMETRIC)
                for predicate in self.allowed.get(key, ())
                if self._ends_fit(predicate, subject_type, object_type)
            ]
        return found

    def _ends_fit(self, predicate: str, subject_type: str, object_type: str) -> bool:
        if predicate == "member_of" and subject_type == "state":
            return object_type in self.state_member_objects
        return True

    def _role_word(self, a: Arg, b: Arg, strings: TokenView, predicate: str) -> str | None:
        """The role a title word near the pair names ("commander", "founder")."""
        if predicate != "leader_of":
            return None
        lo, hi = min(a.start, b.start), max(a.end, b.end)
        for i in range(max(lo - 3, 0), min(hi + 3, len(strings.lower))):
            role = self.titles.get(strings.lower[i]) or self.titles.get(strings.lemma[i])
            if role is not None:
                return role
        return DEFAULT_ROLES.get(predicate)

    def _rule_hits(
        self,
        doc: Doc,
        sent: Span,
        mentions: list[Ment],
        by_token: dict[int, Ment],
        doc_ments: list[Ment],
        types: dict[str, str],
    ) -> dict[tuple[str, str, str], RuleHit]:
        """What each rule proposes in the sentence, by (subject id, predicate, object id)."""
        hits: dict[tuple[str, str, str], RuleHit] = {}
        if not mentions:
            return hits
        found = (
            self._candidates(sent, mentions, by_token, doc_ments)
            if self.russian is None
            else self.russian(sent, mentions, by_token, doc_ments)
        )
        for rule, cand in found:
            resolved = self._resolve_candidate(doc, cand, types)
            if resolved is None:
                continue
            (subject, subject_type), (obj, object_type) = resolved
            hit = hits.setdefault((subject, cand.predicate, obj), RuleHit())
            hit.rules.add(rule)
            hit.role = hit.role or cand.role
            hit.cue = hit.cue or cand.cue
            hit.subject_type, hit.object_type = subject_type, object_type
        return hits

    def _candidates(
        self, sent: Span, mentions: list[Ment], by_token: dict[int, Ment], doc_ments: list[Ment]
    ) -> list[tuple[str, Candidate]]:
        out: list[tuple[str, Candidate]] = []

        def add(rule: str, found: object) -> None:
            out.extend((rule, cand) for cand in found)  # type: ignore[attr-defined]

        add(
            "title",
            title_relations(
                sent,
                by_token,
                doc_ments,
                titles=self.titles,
                member_words=self.member_words,
                descriptors=self.org_descriptors,
            ),
        )
        add("lead_verb", lead_verb_relations(sent, by_token, doc_ments, lead_verbs=self.lead_verbs))
        add(
            "verb_frame",
            verb_frame_relations(
                sent,
                by_token,
                doc_ments,
                frames=self.frames,
                anaphors=self.state_anaphors,
                demonyms=self.demonyms,
            ),
        )
        add(
            "citizen",
            citizen_relations(
                sent,
                by_token,
                demonyms=self.demonyms,
                ethnic=self.ethnic,
                citizen_nouns=self.citizen_nouns,
                state_titles=self.state_titles,
            ),
        )
        add("origin", origin_relations(sent, by_token))
        add(
            "cue",
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
            ),
        )
        add("based", based_in_relations(sent, mentions, by_token, self.based, doc_ments))
        add("named_member", named_member_relations(sent, by_token, doc_ments))
        return out

    def _resolve(self, doc: Doc, end: Ment | str, types: dict[str, str]) -> tuple[str, str] | None:
        """(entity id, type) of a rule's candidate end; bare strings are state names."""
        if isinstance(end, Ment):
            return end.id, end.type
        state = pack_states().get(end)
        if state is None:
            return None
        return state.id, "state"

    def _resolve_candidate(
        self, doc: Doc, cand: Candidate, types: dict[str, str]
    ) -> tuple[tuple[str, str], tuple[str, str]] | None:
        """Both ends of a rule's candidate, type-checked; a birthplace stands for its state."""
        subject = self._resolve(doc, cand.subject, types)
        obj = self._resolve(doc, cand.object, types)
        if cand.predicate == "citizen_of" and obj is not None and obj[1] == "place":
            state = state_of_place(doc, obj[0], register=False)
            obj = (state, "state") if state is not None else None
        if subject is None or obj is None or subject[0] == obj[0]:
            return None
        ends = self.ends.get(cand.predicate)
        if ends is None or subject[1] not in ends["subject"] or obj[1] not in ends["object"]:
            return None
        if not self._ends_fit(cand.predicate, subject[1], obj[1]):
            return None
        return subject, obj


def add_document_features(candidates: list[FactCandidate[Relation]], doc_ments: list[Ment]) -> None:
    """What the whole document says about each candidate's triple: in how many sentences
    the pair is proposed, whether a rule found it elsewhere, and whether its ends are
    the entities the document is most about (the most named of their type)."""
    counts = Counter(m.id for m in doc_ments)
    top: dict[str, str] = {}
    for ment in doc_ments:
        best = top.get(ment.type)
        if best is None or counts[ment.id] > counts[best]:
            top[ment.type] = ment.id
    sentences: dict[tuple[str, ...], set[int]] = {}
    ruled: set[tuple[str, ...]] = set()
    # A candidate a rule found has the shared feature "*|rule" beside "*|rule|<rule>".
    with_rule = [_ruled(cand.features) for cand in candidates]
    for cand, has_rule in zip(candidates, with_rule, strict=True):
        sentences.setdefault(cand.key, set()).add(cand.fact.evidence.sentence_index)
        if has_rule:
            ruled.add(cand.key)
    for cand, has_rule in zip(candidates, with_rule, strict=True):
        p = cand.key[1]
        f = cand.features
        f[f"{p}|cooc|{min(len(sentences[cand.key]), 3)}"] = 1.0
        if cand.key in ruled and not has_rule:
            f[f"{p}|rule_elsewhere"] = 1.0
        relation = cand.fact
        if top.get(relation.subject.split(":", 1)[0]) == relation.subject:
            f[f"{p}|subject_main"] = 1.0
        if top.get(relation.object.split(":", 1)[0]) == relation.object:
            f[f"{p}|object_main"] = 1.0


def _ruled(features: Features) -> bool:
    """Whether a rule proposed the candidate (a ``*|rule|<rule>`` feature)."""
    if "*|rule" not in features:
        return False
    return any(name.startswith("*|rule|") for name in features)


def _list_mate(
    predicate: str,
    a: Arg,
    b: Arg,
    listed: dict[Arg, int],
    made: dict[tuple[str, str, str], tuple[Arg, Arg, RuleHit | None, Features]],
) -> Features | None:
    """The features of the pair a list-mate of one end forms with the other end: the
    mate nearest that other end, when it is nearer than this end is."""
    symmetric = predicate in SYMMETRIC
    gap = abs(a.start - b.start)
    for end, other, subject_side in ((a, b, True), (b, a, False)):
        number = listed.get(end)
        if number is None or listed.get(other) == number:
            continue
        mates = [
            m
            for m, n in listed.items()
            if n == number and m.id != end.id and abs(m.start - other.start) < gap
        ]
        mates.sort(key=lambda m: abs(m.start - other.start))
        for mate in mates:
            ends = (mate.id, other.id) if subject_side else (other.id, mate.id)
            found = made.get(_key(ends[0], predicate, ends[1], symmetric=symmetric))
            if found is not None:
                return found[3]
    return None


def _key(subject: str, predicate: str, obj: str, *, symmetric: bool) -> tuple[str, str, str]:
    if symmetric and obj < subject:
        subject, obj = obj, subject
    return (subject, predicate, obj)


def _implied_args(args: list[Arg], hits: dict[tuple[str, str, str], RuleHit]) -> list[Arg]:
    """Ends that a rule found but no name, anaphor or demonym of the sentence gives (a
    birthplace's state, a group named sentences earlier): anchored at the rule's cue."""
    present = {a.id for a in args}
    extra: list[Arg] = []
    for (subject, _, obj), hit in hits.items():
        if hit.cue is None:
            continue
        for entity, type_ in ((subject, hit.subject_type), (obj, hit.object_type)):
            if entity in present:
                continue
            present.add(entity)
            cue = hit.cue
            extra.append(Arg(entity, type_, cue.i, cue.i + 1, cue.i, IMPLIED))
    return extra


@dataclass(frozen=True)
class SentenceDates:
    """The dates a sentence gives its relations: opened by "since"/"until", and its first."""

    since: str | None
    until: str | None
    first: str | None


def _sentence_dates(sent: Span) -> SentenceDates:
    since = until = None
    found = dates_in(sent)
    for span in found:
        prev = sent.doc[span.start - 1].lower_ if span.start > sent.start else ""
        if prev in SINCE_WORDS and since is None:
            since = span._.date
        elif prev in UNTIL_WORDS and until is None:
            until = span._.date
    return SentenceDates(since, until, found[0]._.date if found else None)


@Language.factory(
    "oxus_relations",
    assigns=["doc._.relations"],
    requires=["token.dep", "token.lemma", "doc.sents"],
    default_config={"lexicon": "relations", "demonyms": "demonyms"},
)
def make_relations(nlp: Language, name: str, *, lexicon: str, demonyms: str) -> RelationExtractor:
    return RelationExtractor(lexicon=lexicon, demonyms=demonyms, lang=nlp.lang or "en")
