"""The ``oxus_attribution`` component: who asserts each fact, hedged or not, denied or not.

Runs after relations, events and estimates. For each sentence segment (a sentence, or
the part of it inside one paragraph) it finds the source ("according to X", "X said",
"..., wrote X", "X's report", unnamed officials of a state: "Uzbek officials said", or a
source named in a previous sentence when the quotation continues), the hedges
("reportedly", "is said to") and denials ("denied", "dismissed reports"), all from
``patterns/attribution.yaml``, then stamps them on every fact stated in that segment.
When a sentence nests reports ("the Committee said, Interfax reports"), the innermost
speaker is the source: the relaying outlet only carries the claim. A statement event's
asserter is the speaker its own sentence names, else its agent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from oxus.model import Event, EventType, Polarity, Relation
from oxus.nlp.attribution.quotes import Quotation, quotations
from oxus.nlp.attribution.scan import DocView, Segment, fact_ids
from oxus.nlp.attribution.scope import (
    PREFERENCE,
    Phrases,
    depth,
    describes_source,
    fact_segment,
    mention_tokens,
    mentions_under,
    modal_number,
    phrase_anchors,
    pronoun_subject,
    reaches,
    subjectless_participle,
    verb_speaker,
)
from oxus.nlp.attribution.sources import SegmentSources, Speaker, prepare_segment
from oxus.nlp.attribution.speech import (
    CLAUSAL,
    MAIN_DEPS,
    named_by_word,
    participles_of,
    relays,
    said_through,
    unknown_name_subject,
)
from oxus.nlp.candidates import Candidate, doc_candidates
from oxus.nlp.clauses import Ment
from oxus.nlp.extensions import doc_list
from oxus.nlp.grammar import OBJECTS
from oxus.nlp.lexicon import load_lexicon, phrase_set
from oxus.nlp.relations.people import antecedent
from oxus.nlp.states import state_entity_id, state_id

PRONOUNS = frozenset({"him", "her", "them", "it", "he", "she", "they"})
RU_PRONOUNS = frozenset({"он", "она", "они", "его", "ее", "их", "него", "нее", "них"})
"""Russian pronouns by lemma (a possessive "его" is its own lemma): "по его словам"."""
RU_DEFINITE = frozenset({"этот", "данный", "тот", "указанный"})
TRAILING_BLOCKERS = frozenset({"agent", "dobj", "nsubjpass", "auxpass", "ccomp"})
QUOTES = ("“", "”", '"', "«", "»")
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
PARTICIPLES = frozenset({"VBN", "VBG"})
OWNER_PREPOSITIONS = frozenset({"of", "by", "from"})
"""Prepositions that name who issued a report: "the report of X", "a statement by X"."""
FOLLOWING = "following"
"""How a source names itself for the sentence before it ("Об этом сообщает X")."""
CLAIMANT = "claimant"
CLAIMED_TYPES = frozenset({EventType.ATTACK, EventType.CLASH})
"""Events a claim of responsibility vouches for."""
TITLED = "titled:"
"""A back-reference by title ("the official said"), followed by the entity type it names."""
NAMED, NAMED_BEFORE = "named:", "named"
"""A back-reference by one word of a name given before ("Mujahid said"), followed by it;
the option kind it gives."""
PRONOUN, REFERENCE, SPEAKER, CARRIED = "pronoun", "reference", "speaker", "carried"
"""How a segment points back to an earlier source: "according to him", "the statement says",
"they claim" (a pronoun speaker: the segment's own source, named before); a quotation
that goes on with no speaker of its own is carried."""
QUOTED = "quoted"
"""A sentence inside a quotation whose speaker another sentence of it names."""


@dataclass
class SentenceClaim:
    """What one sentence segment says about its own claims."""

    asserted_by: str | None = None
    hedged: bool = False
    denied: bool = False
    hedge_anchors: tuple[int | None, ...] = ()
    """Per hedge, the verb whose clause it covers (None: the whole segment)."""
    denial_anchors: tuple[int | None, ...] = ()
    carried: bool = False
    """The source was carried over from an earlier sentence."""
    source_root: int | None = None
    """The head token of the source's own mention in this segment, if named here."""
    source_scope: tuple[int, ...] = ()
    """The participles of saying the source speaks through ("..., saying ..."), when it
    speaks through nothing else: it is the source only of what they say."""
    speaker_candidate: str | None = None
    """The person (else organisation) this segment names first, for a later "him"."""
    speakers: list[Speaker] = field(default_factory=list)
    """Every source the rules saw in the segment, whichever they chose."""
    previous: str | None = None
    """The source of the sentences just before, carried over or not."""
    reporting: bool = False
    claimant: str | None = None
    """Who claims responsibility in the segment ("IS-K claimed responsibility for ...")."""


class Attributor:
    """Marks each fact with its source, hedging and polarity."""

    def __init__(self, *, lexicon: str = "attribution", lang: str = "en") -> None:
        lex = load_lexicon(lexicon, lang)
        self.english = lang == "en"
        self.reporting = phrase_set(lex.get("reporting_verbs"))
        self.source_phrases = Phrases(lex.get("source_phrases"), lang)
        self.source_nouns = phrase_set(lex.get("source_nouns"))
        self.hedge_words = phrase_set(lex.get("hedge_words"))
        self.hedge_phrases = Phrases(lex.get("hedge_phrases"), lang)
        self.denial_verbs = phrase_set(lex.get("denial_verbs"))
        self.denial_phrases = Phrases(lex.get("denial_phrases"), lang)
        self.back_phrases = Phrases(lex.get("back_reference_phrases"), lang)
        self.asserter_types = phrase_set(lex.get("asserter_types"))
        self.anonymous = phrase_set(lex.get("anonymous_sources"))
        self.not_reported = phrase_set(lex.get("non_reporting_objects"))
        self.clausal_only = phrase_set(lex.get("clausal_reporting_verbs"))
        self.authorities = phrase_set(lex.get("authority_speakers"))
        dem = load_lexicon("demonyms", lang).get("demonyms") or {}
        self.demonyms = {d.lower(): state for state, words in dem.items() for d in words}
        self.group_nouns = phrase_set(lex.get("group_nouns"))
        self.titles: dict[str, str] = {
            word: type_
            for type_, words in (lex.get("titled_speakers") or {}).items()
            for word in words
        }
        self.carry = int(lex.get("carry_sentences", 2))
        self.reference_carry = int(lex.get("reference_carry_sentences", 6))

    def __call__(self, doc: Doc) -> Doc:
        view = DocView(doc)
        claims = self._segment_claims(view)
        candidates = doc_candidates(doc)
        for fact in [*doc_list(doc, "relations"), *doc_list(doc, "estimates")]:
            self._stamp(fact, view, claims)
        everything: list[Candidate[Any]] = [
            *candidates.relations,
            *candidates.events,
            *candidates.estimates,
        ]
        for relation in candidates.relations:
            self._stamp(relation.fact, view, claims)
        for estimate in candidates.estimates:
            self._stamp(estimate.fact, view, claims, count=estimate.count)
        for event in [*doc_list(doc, "events"), *(c.fact for c in candidates.events)]:
            self._stamp_event(event, view, claims)
        prepared: dict[tuple[int, int], SegmentSources] = {}
        for cand in everything:
            cand.source_context = self._sources(cand.fact, view, claims, prepared)
            cand.rule_source = cand.fact.asserted_by
        return doc

    def _stamp_event(self, event: Event, view: DocView, claims: list[list[SentenceClaim]]) -> None:
        """Stamp an event; a statement's asserter is the speaker its sentence names, else
        its agent; an attack claimed by a group is vouched for by the claimant."""
        claim = self._stamp(event, view, claims)
        if event.type in CLAIMED_TYPES and claim is not None and claim.asserted_by is None:
            event.asserted_by = claim.claimant  # the group that claimed the attack vouches for it
        if event.type != EventType.STATEMENT:
            return
        if not event.agents and claim is not None and claim.claimant is not None:
            event.agents.append(claim.claimant)  # "the group claimed responsibility"
        if event.agents and (claim is None or claim.carried or event.asserted_by is None):
            event.asserted_by = event.agents[0]
        elif event.asserted_by is not None and not event.agents:
            event.agents.append(event.asserted_by)

    def _sources(
        self,
        fact: object,
        view: DocView,
        claims: list[list[SentenceClaim]],
        prepared: dict[tuple[int, int], SegmentSources],
    ) -> SegmentSources | None:
        """The possible sources of the fact's segment, prepared once per segment."""
        place = _segment_of(fact, view, claims)
        if place is None:
            return None
        ready = prepared.get(place)
        if ready is None:
            index, at = place
            claim = claims[index][at]
            ready = prepared[place] = prepare_segment(
                view,
                view.segments[index][at],
                speakers=claim.speakers,
                previous=claim.previous,
                asserters=self.asserter_types,
                reporting=claim.reporting,
            )
        return ready

    def _stamp(
        self,
        fact: object,
        view: DocView,
        claims: list[list[SentenceClaim]],
        count: int | None = None,
    ) -> SentenceClaim | None:
        """Copy the claim of the fact's segment onto the fact; the claim, for statements.
        What an estimate claims is its number (``count``): a hedge covers it, and a
        participle of saying speaks for it, only when they reach the number. A doubt
        about who the people counted are does not hedge how many there are; "X pointed
        to the number of militants, saying it had reached 6,500" is X's figure."""
        place = _segment_of(fact, view, claims)
        if place is None:
            return None
        index, at = place
        claim = claims[index][at]
        ids = set(fact_ids(fact))
        seg = view.segments[index][at]
        roots = [view.root_of(m) for m in seg.mentions if m.id in ids]
        both = isinstance(fact, Relation)
        if both:
            roots += self._demonym_roots(view, seg, ids)
        fact.asserted_by = claim.asserted_by  # type: ignore[attr-defined]
        described = both and describes_source(view, claim.source_root, roots)
        claimed = [count] if count is not None else roots
        if described or not said_through(view, claim.source_scope, claimed):
            fact.asserted_by = None  # type: ignore[attr-defined]
        fact.hedged = reaches(view, claim.hedge_anchors, claimed, every=both)  # type: ignore[attr-defined]
        if count is not None and self.english and modal_number(view, count):
            fact.hedged = True  # type: ignore[attr-defined]
        if hasattr(fact, "polarity"):
            denied = reaches(view, claim.denial_anchors, roots, every=both)
            fact.polarity = Polarity.DENIED if denied else Polarity.AFFIRMED
        if described and not self.english:
            # Who the speaker is, the writer says: what the speaker denies is something else.
            fact.hedged = False  # type: ignore[attr-defined]
            fact.polarity = Polarity.AFFIRMED  # type: ignore[attr-defined]
        return claim

    def _demonym_roots(self, view: DocView, seg: Segment, ids: set[str]) -> list[int]:
        """The demonyms that name a relation's state where no mention does ("Tajik
        national X": the state is the word "Tajik"), as the roots of that end."""
        missing = ids - {m.id for m in seg.mentions}
        if not missing:
            return []
        return [
            i
            for i in range(seg.start, seg.end)
            if (state := self.demonyms.get(self._word(view, i))) is not None
            and state_id(state) in missing
        ]

    def sentence_claims(self, doc: Doc) -> list[SentenceClaim]:
        """One :class:`SentenceClaim` per sentence (its last segment), in document order."""
        return [segs[-1] for segs in self._segment_claims(DocView(doc))]

    def _segment_claims(self, view: DocView) -> list[list[SentenceClaim]]:
        """Per sentence, one :class:`SentenceClaim` per paragraph segment."""
        out: list[list[SentenceClaim]] = []
        flat: list[SentenceClaim] = []
        for segs in view.segments:
            row = []
            for seg in segs:
                claim = self._claim(view, seg, flat)
                if flat:
                    self._refer_back(view, seg, claim, flat[-1])
                row.append(claim)
                flat.append(claim)
            out.append(row)
        for quotation in quotations(view):
            _credit_quotation(quotation, out)
        return out

    def _refer_back(
        self, view: DocView, seg: Segment, claim: SentenceClaim, previous: SentenceClaim
    ) -> None:
        """A sentence about the one before it: "Об этом сообщает Reuters" names the
        previous sentence's source, "Позднее эти данные были опровергнуты" denies it."""
        opening = [a for a, _ in self.back_phrases.spans(view, seg, "") if a <= seg.start + 1]
        if opening and claim.asserted_by is not None and previous.asserted_by is None:
            previous.asserted_by = claim.asserted_by
            previous.speakers.append(Speaker(claim.asserted_by, FOLLOWING))
        for anchor in claim.denial_anchors:
            if anchor is not None and any(
                view.dep[c] in ("nsubj:pass", "obj", "nsubjpass", "dobj")
                and view.lemma[c] in self.source_nouns
                and any(self._definite(view, d) for d in view.children(c))
                for c in view.children(anchor)
            ):
                previous.denied = True
                previous.denial_anchors = (*previous.denial_anchors, None)

    def _claim(self, view: DocView, seg: Segment, earlier: list[SentenceClaim]) -> SentenceClaim:
        mentions = [m for m in seg.mentions if m.type in self.asserter_types]
        by_token = {i: m for m in mentions for i in range(m.start, m.end)}
        low = view.text[seg.start_char : seg.end_char].lower()
        verbs = self._reporting_verbs(view, seg)
        hedges, denials = self._hedges(view, seg, low, verbs), self._denials(view, seg, low)
        claim = SentenceClaim(
            hedged=bool(hedges), denied=bool(denials), hedge_anchors=hedges, denial_anchors=denials
        )
        if mentions:
            claim.speaker_candidate = min(
                mentions, key=lambda m: (PREFERENCE.get(m.type, 9), m.start)
            ).id
        phrase = self._phrase_source(view, seg, low, by_token)
        source, back = self._source(view, seg, verbs, phrase, by_token)
        authority = self._authority_speaker(view, verbs, by_token)
        claim.speakers = self._speakers(view, seg, verbs, phrase[0], by_token, authority)
        claim.previous = _previous(earlier, self.reference_carry, pronoun=False)
        claim.reporting = bool(verbs)
        claim.claimant = self._claimant(view, seg, by_token)
        if claim.claimant is not None:
            claim.speakers.append(Speaker(claim.claimant, CLAIMANT))
        pointer = ""
        if source is not None:
            claim.asserted_by = source.id
            claim.source_root = source.span.root.i
            claim.source_scope = participles_of(view, verbs, source, by_token)
        elif authority is not None:
            claim.asserted_by = authority
        elif back == REFERENCE:
            claim.asserted_by = _previous(earlier, self.reference_carry, pronoun=False)
            claim.carried, pointer = claim.asserted_by is not None, REFERENCE
        elif back.startswith(TITLED):
            type_, title = back[len(TITLED) :].split(":", 1)
            claim.asserted_by = self._named_before(view, seg, type_, title)
            claim.carried = claim.asserted_by is not None
            if claim.asserted_by is not None:
                claim.speakers.append(Speaker(claim.asserted_by, "titled"))
        elif back.startswith(NAMED):
            claim.asserted_by = named_by_word(view, seg, back[len(NAMED) :], self.reference_carry)
            claim.carried, pointer = claim.asserted_by is not None, NAMED_BEFORE
        elif back == SPEAKER:
            claim.asserted_by, pointer = _previous(earlier, self.carry, pronoun=True), SPEAKER
        elif back == PRONOUN or (
            low.lstrip().startswith(QUOTES) and not self._has_speaker(view, verbs)
        ):
            claim.asserted_by = _previous(earlier, self.carry, pronoun=back == PRONOUN)
            claim.carried, pointer = claim.asserted_by is not None, back or CARRIED
        if pointer and claim.asserted_by is not None:
            # how the segment points back is what tells a carried source from a stale one
            claim.speakers.append(Speaker(claim.asserted_by, pointer))
        return claim

    def _speakers(
        self,
        view: DocView,
        seg: Segment,
        verbs: list[int],
        phrase: Ment | None,
        by_token: dict[int, Ment],
        authority: str | None,
    ) -> list[Speaker]:
        """Every source the segment names: reporting verbs' subjects, the name after
        "according to", a report's owner ("the FSB's statement"), unnamed authorities."""
        found: list[Speaker] = []
        for verb in verbs:
            speaker = verb_speaker(view, verb, by_token)
            if speaker is not None:
                how = "verb" if view.dep[verb] in MAIN_DEPS else "verb_inner"
                if self.english and relays(view, verb, verbs):
                    how = "relay"
                elif subjectless_participle(view, verb):
                    how = "participle"
                found.append(Speaker(speaker.id, how, speaker.span.root.i))
        if phrase is not None:
            found.append(Speaker(phrase.id, "according", phrase.span.root.i))
        for i in range(seg.start, seg.end):
            owner = self._report_owner(view, i, by_token)
            if owner is not None:
                found.append(Speaker(owner.id, "source_noun", owner.span.root.i))
        if authority is not None:
            found.append(Speaker(authority, "authority"))
        return found

    def _authority_speaker(
        self, view: DocView, verbs: list[int], by_token: dict[int, Ment]
    ) -> str | None:
        """The state whose unnamed officials speak: its entity id. The officials are its
        by a demonym ("Uzbek officials said"), or by the state their verb or they are
        placed in ("In Uzbekistan, security authorities revealed ...", "authorities in
        Uzbekistan said")."""
        for verb in verbs:
            if view.dep[verb] not in MAIN_DEPS:
                continue
            for child in view.children(verb):
                if view.dep[child] != "nsubj" or view.lemma[child] not in self.authorities:
                    continue
                for mod in view.children(child):
                    state = self.demonyms.get(self._word(view, mod))
                    if state and view.dep[mod] in ("compound", "amod"):
                        return state_entity_id(view.doc, state)
                placed = self._placed_in(view, child, by_token) or self._placed_in(
                    view, verb, by_token
                )
                if placed is not None:
                    return placed
        return None

    def _placed_in(self, view: DocView, head: int, by_token: dict[int, Ment]) -> str | None:
        """The state named by an "in" phrase on ``head`` ("in Uzbekistan"), if any."""
        if not self.english:
            return None
        for prep in view.children(head):
            if view.dep[prep] != "prep" or view.lower[prep] != "in":
                continue
            for obj in view.children(prep):
                if view.dep[obj] == "pobj" and obj in by_token and by_token[obj].type == "state":
                    return by_token[obj].id
        return None

    def _reporting_verbs(self, view: DocView, seg: Segment) -> list[int]:
        """Verbs of saying, less those that do not report ("claimed responsibility"), and
        verbs that report only with what is said as a clause ("added that ...", "..., he
        added") and otherwise act ("added the group to its list", "released a video")."""
        quoted = any(view.lower[i] in QUOTES for i in range(seg.start, seg.end))
        found = []
        for i in range(seg.start, seg.end):
            if view.pos[i] != "VERB" or view.lemma[i] not in self.reporting:
                continue
            children = view.children(i)
            if self._acts(view, i):
                continue
            if view.lemma[i] in self.clausal_only and not (
                (quoted and not any(view.dep[c] in OBJECTS for c in children))
                or view.dep[i] == "parataxis"
                or any(view.dep[c] in CLAUSAL for c in children)
            ):
                continue
            found.append(i)
        return found

    def _source(
        self,
        view: DocView,
        seg: Segment,
        verbs: list[int],
        phrase: tuple[Ment | None, str],
        by_token: dict[int, Ment],
    ) -> tuple[Ment | None, str]:
        """The mention that asserts the segment, else how it points back to an earlier one.
        ``verbs`` are the segment's reporting verbs, ``phrase`` what its "according to"
        phrase names.

        Of nested reports the innermost speaker wins: in "X said, Interfax reports" or
        "Interfax reports that X said", the claim is X's.
        """
        main = [v for v in verbs if view.dep[v] in MAIN_DEPS]
        spoken = [
            (-1 if self.english and relays(view, verb, verbs) else depth(view, verb), verb, speaker)
            for verb in main
            if (speaker := verb_speaker(view, verb, by_token)) is not None
        ]
        if spoken:
            return max(spoken, key=lambda c: (c[0], -c[1]))[2], ""
        trailing = self._trailing_speaker(view, verbs, by_token)
        if trailing is not None:
            return trailing, ""
        found, back = phrase
        if found is not None or back:
            return found, back
        for i in range(seg.start, seg.end):
            owner = self._report_owner(view, i, by_token)
            if owner is not None:
                return owner, ""
        if any(self._document_subject(view, verb) for verb in main):
            return None, REFERENCE
        for verb in main:
            titled = self._titled_subject(view, verb)
            if titled:
                return None, titled
        if any(pronoun_subject(view, verb) for verb in main):
            return None, SPEAKER
        for verb in main:
            word = unknown_name_subject(view, verb, by_token) if self.english else ""
            if word:
                return None, f"{NAMED}{word}"
        return None, ""

    def _report_owner(self, view: DocView, i: int, by_token: dict[int, Ment]) -> Ment | None:
        """Who issued a report, statement or release named by token ``i``: its possessor
        ("the FSB's statement"), else (English) the name it is "of" or "by"
        ("the report of the Monitoring Team") or that qualifies it ("a UN report")."""
        if view.lemma[i] not in self.source_nouns:
            return None
        children = view.children(i)
        for child in children:
            if view.dep[child] == "poss" and child in by_token:
                return by_token[child]
        if not self.english:
            return None
        for child in children:
            if view.dep[child] == "prep" and view.lower[child] in OWNER_PREPOSITIONS:
                for obj in view.children(child):
                    if view.dep[obj] == "pobj" and obj in by_token:
                        return by_token[obj]
            if view.dep[child] == "compound" and view.pos[i] == "NOUN":
                named = mentions_under(view, child, by_token)
                if named:
                    return named[0]
        return None

    def _trailing_speaker(
        self, view: DocView, verbs: list[int], by_token: dict[int, Ment]
    ) -> Ment | None:
        """ "..., the CSTO press service reported in a statement": the parser reads the
        closing source as an apposition with the reporting verb describing it; a verb with
        no agent ("by") and no object does not describe, it reports."""
        if not self.english:
            return None
        for verb in verbs:
            head = view.head[verb]
            if view.dep[verb] != "acl" or head not in by_token or view.dep[head] != "appos":
                continue
            if any(view.dep[c] in TRAILING_BLOCKERS for c in view.children(verb)):
                continue
            return by_token[head]
        return None

    def _claimant(self, view: DocView, seg: Segment, by_token: dict[int, Ment]) -> str | None:
        """The subject of "claimed responsibility (credit) for ...": a name, or "the group"
        for the last group named before."""
        for i in range(seg.start, seg.end):
            if not self._acts(view, i):
                continue
            # "X released a video, claiming responsibility": the participle's subject is X's
            actor = view.head[i] if subjectless_participle(view, i) else i
            for child in view.children(actor):
                if view.dep[child] != "nsubj":
                    continue
                named = mentions_under(view, child, by_token)
                if named:
                    return named[0].id
                if view.lemma[child] in self.group_nouns and self._definite(view, child - 1):
                    return self._named_before(view, seg, "group")
        return None

    def _titled(self, view: DocView, i: int) -> bool:
        """ "the official", "the ministry": a definite title with no name of its own."""
        return (
            self.english
            and view.lemma[i] in self.titles
            and i > 0
            and self._definite(view, i - 1)
            and not any(view.dep[c] in ("compound", "poss", "prep") for c in view.children(i))
        )

    def _titled_subject(self, view: DocView, verb: int) -> str:
        """ "The official said ...": the back-reference a titled subject makes, else ""."""
        for child in view.children(verb):
            if view.dep[child] == "nsubj" and self._titled(view, child):
                return self._title_back(view, child)
        return ""

    def _title_back(self, view: DocView, token: int) -> str:
        """The back-reference a title makes: the type it names and the title word
        ("titled:organization:committee")."""
        return f"{TITLED}{self.titles[view.lemma[token]]}:{view.lemma[token]}"

    def _acts(self, view: DocView, verb: int) -> bool:
        """ "claimed responsibility", "took credit": a verb of saying whose object makes it
        an act, not a report."""
        return any(
            view.dep[c] in OBJECTS and view.lemma[c] in self.not_reported
            for c in view.children(verb)
        )

    def _named_before(self, view: DocView, seg: Segment, type_: str, title: str = "") -> str | None:
        """The last entity of ``type_`` named in the sentences before ``seg`` (within the
        reference carry): whom "the official" or "the ministry" stands for. A name that
        holds the title itself ("the committee": "the National Security Committee") is
        preferred to a later name that does not (the agency that relayed it)."""
        first = max(0, seg.sentence - self.reference_carry)
        mentions = [
            m
            for index in range(first, seg.sentence + 1)
            for earlier in view.segments[index]
            for m in earlier.mentions
        ]
        if title:
            titled = [
                m
                for m in mentions
                if m.type == type_ and title in (view.lower[t] for t in range(m.start, m.end))
            ]
            found = antecedent(titled, seg.start, (type_,))
            if found is not None:
                return found.id
        found = antecedent(mentions, seg.start, (type_,))
        return found.id if found is not None else None

    def _document_subject(self, view: DocView, verb: int) -> bool:
        """Whether the verb's subject is "the statement", "this report" (no name in it)."""
        for child in view.children(verb):
            if view.dep[child] == "nsubj" and view.lemma[child] in self.source_nouns:
                return any(self._definite(view, d) for d in view.children(child))
        return False

    def _definite(self, view: DocView, i: int) -> bool:
        """ "the", "this" (English); "этот", "данный" (Russian, by lemma)."""
        return view.lower[i] in DEFINITE or (not self.english and view.lemma[i] in RU_DEFINITE)

    def _word(self, view: DocView, i: int) -> str:
        """How the lexicons name a word: as written in English, by lemma otherwise."""
        return view.lower[i] if self.english else view.lemma[i]

    def _pronoun(self, view: DocView, i: int) -> bool:
        return view.lower[i] in PRONOUNS or (not self.english and view.lemma[i] in RU_PRONOUNS)

    def _phrase_source(
        self, view: DocView, seg: Segment, low: str, by_token: dict[int, Ment]
    ) -> tuple[Ment | None, str]:
        """The name after "according to", "citing", ...; a pronoun or "the report" there
        points back to a source named before."""
        back = ""
        for first, j in self.source_phrases.spans(view, seg, low):
            if any(self._pronoun(view, k) for k in range(first, j)):
                return None, PRONOUN  # "по его словам"
            stop = min(seg.end, j + 8)
            while j < stop:
                if j in by_token:
                    return by_token[j], ""
                if self._pronoun(view, j):
                    return None, PRONOUN
                if view.lemma[j] in self.source_nouns and self._definite(view, j - 1):
                    back = REFERENCE
                elif self._titled(view, j):
                    return None, self._title_back(view, j)
                if self._ends_phrase(view, j):
                    break
                j += 1
        return None, back

    def _ends_phrase(self, view: DocView, j: int) -> bool:
        """Whether token ``j`` closes an "according to" phrase before any name in it: a
        clause's verb or a comma, not a participle that says who issued the figures
        ("according to data compiled by X", "citing a statement released by X")."""
        if view.lower[j] in (",", ";"):
            return True
        if view.pos[j] != "VERB":
            return False
        return not (self.english and view.tag[j] in PARTICIPLES and view.dep[j] == "acl")

    def _has_speaker(self, view: DocView, verbs: list[int]) -> bool:
        return any(any(view.dep[c] == "nsubj" for c in view.children(v)) for v in verbs)

    def _hedges(
        self, view: DocView, seg: Segment, low: str, verbs: list[int]
    ) -> tuple[int | None, ...]:
        """Anchors of the hedges in the segment: an adverb's verb, a phrase's own verb."""
        found: list[int | None] = [
            view.head[i] if view.pos[i] == "ADV" else None
            for i in range(seg.start, seg.end)
            if self._word(view, i) in self.hedge_words
        ]
        found.extend(phrase_anchors(view, seg, low, self.hedge_phrases))
        if self._anonymous(view, seg, low, verbs):
            found.append(None)
        return tuple(found)

    def _anonymous(self, view: DocView, seg: Segment, low: str, verbs: list[int]) -> bool:
        """Whether the segment leans on unnamed sources ("according to reports", "sources
        said", "reports suggest"): reported, not vouched for, so hedged."""
        if self.source_phrases:
            for _, j in self.source_phrases.spans(view, seg, low):
                for k in range(j, min(seg.end, j + 4)):
                    if view.lemma[k] in self.anonymous and not self._definite(view, k - 1):
                        return True
                    if view.pos[k] not in ("DET", "ADJ", "NOUN"):
                        break
        for verb in verbs:
            for child in view.children(verb):
                if view.dep[child] == "nsubj" and view.lemma[child] in self.anonymous:
                    below = view.children(child)
                    if not any(
                        self._definite(view, d) or view.dep[d] == "poss" for d in below
                    ) and not any(t in mention_tokens(seg) for t in view.subtree(child)):
                        return True
        return False

    def _denials(self, view: DocView, seg: Segment, low: str) -> tuple[int | None, ...]:
        """Anchors of the denials in the segment: the denying verb of a main clause."""
        found: list[int | None] = [
            i
            for i in range(seg.start, seg.end)
            if view.pos[i] == "VERB"
            and view.lemma[i] in self.denial_verbs
            and view.dep[i] in MAIN_DEPS
        ]
        found.extend(phrase_anchors(view, seg, low, self.denial_phrases))
        return tuple(found)


def _segment_of(
    fact: object, view: DocView, claims: list[list[SentenceClaim]]
) -> tuple[int, int] | None:
    """(sentence, segment) of the fact's evidence, or None when it lies outside the Doc."""
    index = fact.evidence.sentence_index  # type: ignore[attr-defined]
    if not 0 <= index < len(claims):
        return None
    return index, fact_segment(fact, view.segments[index])


def _credit_quotation(quotation: Quotation, claims: list[list[SentenceClaim]]) -> None:
    """Credit the segments of a quotation that name no source to its speaker: the one
    named after it closes ("..., ” X warned"), else before it opens ("X said: “...")."""
    inside = [claims[index][at] for index, at in quotation.places]
    first, last = inside[0], inside[-1]
    speaker = None
    if last.source_root is not None and last.source_root > quotation.closing:
        speaker = last.asserted_by
    elif first.source_root is not None and first.source_root < quotation.opening:
        speaker = first.asserted_by
    if speaker is None:
        return
    for claim in inside:
        if claim.asserted_by is None:
            claim.asserted_by, claim.carried = speaker, True
            claim.speakers.append(Speaker(speaker, QUOTED))


def _previous(claims: list[SentenceClaim], carry: int, *, pronoun: bool) -> str | None:
    """The source of a recent sentence; for a pronoun, else the last sentence's speaker."""
    recent = claims[-carry:] if carry else []
    for claim in reversed(recent):
        if claim.asserted_by is not None:
            return claim.asserted_by
    if pronoun and claims:
        return claims[-1].speaker_candidate
    return None


@Language.factory(
    "oxus_attribution",
    assigns=["doc._.relations", "doc._.events", "doc._.estimates"],
    requires=["doc._.relations", "doc._.events", "token.dep", "token.lemma"],
    default_config={"lexicon": "attribution"},
)
def make_attribution(nlp: Language, name: str, *, lexicon: str) -> Attributor:
    return Attributor(lexicon=lexicon, lang=nlp.lang or "en")
