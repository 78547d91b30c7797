"""The ``oxus_attribution`` component: who asserts each fact, hedged or not, denied or not.

Runs after relations, events and estimates. For each sentence segment (a sentence, or
the part of it inside one paragraph) it finds the source ("according to X", "X said",
"..., wrote X", "X's report", or a source named in a previous sentence when the
quotation continues), the hedges ("reportedly", "is said to") and denials ("denied",
"dismissed reports"), all from ``patterns/attribution.yaml``, then stamps them on every
fact stated in that segment. When a sentence nests reports ("the Committee said,
Interfax reports"), the innermost speaker is the source: the relaying outlet only
carries the claim. A statement event's speaker is its agent and its asserter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from oxus.model import EventType, Polarity, Relation
from oxus.nlp.attribution_scan import DocView, Segment, fact_ids
from oxus.nlp.clauses import Ment
from oxus.nlp.extensions import doc_list
from oxus.nlp.lexicon import load_lexicon, phrase_set

PRONOUNS = frozenset({"him", "her", "them", "it", "he", "she", "they"})
MAIN_DEPS = frozenset({"ROOT", "parataxis", "conj", "ccomp", "advcl"})
SPEAKER_DEPS = frozenset({"nsubj", "agent"})
QUOTES = ("“", "”", '"', "«", "»")
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
PRONOUN, REFERENCE = "pronoun", "reference"
"""How a segment points back to an earlier source: "according to him", "the statement says".
"""
PREFERENCE = {"person": 0, "organization": 1, "state": 2, "group": 3}


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
    speaker_candidate: str | None = None
    """The person (else organisation) this segment names first, for a later "him"."""


def _alternation(phrases: list[str]) -> re.Pattern[str] | None:
    """One compiled ``\\b(a|b|c)\\b`` for a phrase list, longest first."""
    if not phrases:
        return None
    ordered = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b")


class Attributor:
    """Marks each fact with its source, hedging and polarity."""

    def __init__(self, *, lexicon: str = "attribution") -> None:
        lex = load_lexicon(lexicon)
        self.reporting = phrase_set(lex.get("reporting_verbs"))
        self.source_re = _alternation(lex.get("source_phrases", []))
        self.source_nouns = phrase_set(lex.get("source_nouns"))
        self.hedge_words = phrase_set(lex.get("hedge_words"))
        self.hedge_re = _alternation(lex.get("hedge_phrases", []))
        self.denial_verbs = phrase_set(lex.get("denial_verbs"))
        self.denial_re = _alternation(lex.get("denial_phrases", []))
        self.asserter_types = phrase_set(lex.get("asserter_types"))
        self.carry = int(lex.get("carry_sentences", 2))
        self.reference_carry = int(lex.get("reference_carry_sentences", 6))

    def __call__(self, doc: Doc) -> Doc:
        view = DocView(doc)
        claims = self._segment_claims(view)
        for fact in [*doc_list(doc, "relations"), *doc_list(doc, "estimates")]:
            self._stamp(fact, view, claims)
        for event in doc_list(doc, "events"):
            claim = self._stamp(event, view, claims)
            if event.type != EventType.STATEMENT:
                continue
            if event.agents and (claim is None or claim.carried or claim.asserted_by is None):
                event.asserted_by = event.agents[0]
            elif event.asserted_by is not None and not event.agents:
                event.agents.append(event.asserted_by)
        return doc

    def _stamp(
        self, fact: object, view: DocView, claims: list[list[SentenceClaim]]
    ) -> SentenceClaim | None:
        """Copy the claim of the fact's segment onto the fact; the claim, for statements."""
        index = fact.evidence.sentence_index  # type: ignore[attr-defined]
        if not 0 <= index < len(claims):
            return None
        segs = view.segments[index]
        at = _fact_segment(fact, segs)
        claim = claims[index][at]
        ids = set(fact_ids(fact))
        roots = [m.span.root.i for m in segs[at].mentions if m.id in ids]
        fact.asserted_by = claim.asserted_by  # type: ignore[attr-defined]
        both = isinstance(fact, Relation)
        fact.hedged = _reaches(view, claim.hedge_anchors, roots, every=both)  # type: ignore[attr-defined]
        if hasattr(fact, "polarity"):
            denied = _reaches(view, claim.denial_anchors, roots, every=both)
            fact.polarity = Polarity.DENIED if denied else Polarity.AFFIRMED
        return claim

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
                row.append(claim)
                flat.append(claim)
            out.append(row)
        return out

    def _claim(self, view: DocView, seg: Segment, earlier: list[SentenceClaim]) -> SentenceClaim:
        mentions = [m for m in seg.mentions if m.type in self.asserter_types]
        by_token = {i: m for m in mentions for i in range(m.start, m.end)}
        low = view.text[seg.start_char : seg.end_char].lower()
        hedges, denials = self._hedges(view, seg, low), self._denials(view, seg, low)
        claim = SentenceClaim(
            hedged=bool(hedges), denied=bool(denials), hedge_anchors=hedges, denial_anchors=denials
        )
        if mentions:
            claim.speaker_candidate = min(
                mentions, key=lambda m: (PREFERENCE.get(m.type, 9), m.start)
            ).id
        source, back = self._source(view, seg, low, by_token)
        if source is not None:
            claim.asserted_by = source.id
        elif back == REFERENCE:
            claim.asserted_by = _previous(earlier, self.reference_carry, pronoun=False)
            claim.carried = claim.asserted_by is not None
        elif back == PRONOUN or (
            low.lstrip().startswith(QUOTES) and not self._has_speaker(view, seg)
        ):
            claim.asserted_by = _previous(earlier, self.carry, pronoun=back == PRONOUN)
            claim.carried = claim.asserted_by is not None
        return claim

    def _reporting_verbs(self, view: DocView, seg: Segment) -> list[int]:
        return [
            i
            for i in range(seg.start, seg.end)
            if view.pos[i] == "VERB" and view.lemma[i] in self.reporting
        ]

    def _source(
        self, view: DocView, seg: Segment, low: str, by_token: dict[int, Ment]
    ) -> tuple[Ment | None, str]:
        """The mention that asserts the segment, else how it points back to an earlier one.

        Of nested reports the innermost speaker wins: in "X said, Interfax reports" or
        "Interfax reports that X said", the claim is X's.
        """
        main = [v for v in self._reporting_verbs(view, seg) if view.dep[v] in MAIN_DEPS]
        spoken = [
            (_depth(view, verb), verb, speaker)
            for verb in main
            if (speaker := _speaker(view, verb, by_token)) is not None
        ]
        if spoken:
            return max(spoken, key=lambda c: (c[0], -c[1]))[2], ""
        found, back = self._phrase_source(view, seg, low, by_token)
        if found is not None or back:
            return found, back
        for i in range(seg.start, seg.end):
            if view.lemma[i] in self.source_nouns:
                for child in view.children[i]:
                    if view.dep[child] == "poss" and child in by_token:
                        return by_token[child], ""
        if any(self._document_subject(view, verb) for verb in main):
            return None, REFERENCE
        return None, ""

    def _document_subject(self, view: DocView, verb: int) -> bool:
        """Whether the verb's subject is "the statement", "this report" (no name in it)."""
        for child in view.children[verb]:
            if view.dep[child] == "nsubj" and view.lemma[child] in self.source_nouns:
                return any(view.lower[d] in DEFINITE for d in view.children[child])
        return False

    def _phrase_source(
        self, view: DocView, seg: Segment, low: str, by_token: dict[int, Ment]
    ) -> tuple[Ment | None, str]:
        """The name after "according to", "citing", ...; a pronoun or "the report" there
        points back to a source named before."""
        if self.source_re is None:
            return None, ""
        back = ""
        for match in self.source_re.finditer(low):
            j = view.token_at(seg.start_char + match.end() - 1) + 1
            stop = min(seg.end, j + 8)
            while j < stop:
                if j in by_token:
                    return by_token[j], ""
                if view.lower[j] in PRONOUNS:
                    return None, PRONOUN
                if view.lemma[j] in self.source_nouns and view.lower[j - 1] in DEFINITE:
                    back = REFERENCE
                if view.pos[j] == "VERB" or view.lower[j] in (",", ";"):
                    break
                j += 1
        return None, back

    def _has_speaker(self, view: DocView, seg: Segment) -> bool:
        return any(
            any(view.dep[c] == "nsubj" for c in view.children[v])
            for v in self._reporting_verbs(view, seg)
        )

    def _hedges(self, view: DocView, seg: Segment, low: str) -> tuple[int | None, ...]:
        """Anchors of the hedges in the segment: an adverb's verb, a phrase's own verb."""
        found: list[int | None] = [
            view.head[i] if view.pos[i] == "ADV" else None
            for i in range(seg.start, seg.end)
            if view.lower[i] in self.hedge_words
        ]
        found.extend(_phrase_anchors(view, seg, low, self.hedge_re))
        return tuple(found)

    def _denials(self, view: DocView, seg: Segment, low: str) -> tuple[int | None, ...]:
        """Anchors of the denials in the segment: the denying verb of a main clause."""
        found: list[int | None] = [
            i
            for i in range(seg.start, seg.end)
            if view.pos[i] == "VERB"
            and view.lemma[i] in self.denial_verbs
            and view.dep[i] in MAIN_DEPS
        ]
        found.extend(_phrase_anchors(view, seg, low, self.denial_re))
        return tuple(found)


def _phrase_anchors(
    view: DocView, seg: Segment, low: str, pattern: re.Pattern[str] | None
) -> list[int | None]:
    """For each phrase match, its first verb (the clause it hedges or denies), else None."""
    if pattern is None:
        return []
    out: list[int | None] = []
    for match in pattern.finditer(low):
        first = view.token_at(seg.start_char + match.start())
        last = view.token_at(seg.start_char + match.end() - 1)
        verbs = [i for i in range(first, last + 1) if view.pos[i] == "VERB"]
        out.append(verbs[0] if verbs else None)
    return out


def _reaches(
    view: DocView, anchors: tuple[int | None, ...], roots: list[int], *, every: bool
) -> bool:
    """Whether a hedge/denial covers the fact: unscoped, or the fact's mentions in its clause.

    A relation needs both its ends in the clause ("X is believed to be part of Y, which Z
    founded" hedges X-Y, not Z-Y); an event or estimate needs one of its entities. A fact
    whose entities are not named in the segment (a pronoun, an "its") is covered.
    """
    if not anchors:
        return False
    if not roots or None in anchors:
        return True
    test = all if every else any
    return any(test(view.in_scope(a, r) for r in roots) for a in anchors if a is not None)


def _depth(view: DocView, i: int) -> int:
    """How many heads lie above token ``i`` (the sentence root has depth 0)."""
    depth = 0
    while view.head[i] != i and depth < 64:
        i = view.head[i]
        depth += 1
    return depth


def _speaker(view: DocView, verb: int, by_token: dict[int, Ment]) -> Ment | None:
    """The mention in the reporting verb's active subject or "by" agent (a person first).

    The passive subject is what is spoken of, not who speaks ("X is said to lead").
    """
    found: list[Ment] = []
    for child in view.children[verb]:
        if view.dep[child] in SPEAKER_DEPS:
            found.extend(by_token[t] for t in view.subtree(child) if t in by_token)
    if not found:
        return None
    return min(found, key=lambda m: (PREFERENCE.get(m.type, 9), m.start))


def _fact_segment(fact: object, segs: list[Segment]) -> int:
    """The segment that names most of the fact's entities (the last one if none does)."""
    if len(segs) == 1:
        return 0
    ids = set(fact_ids(fact))
    counts = [sum(m.id in ids for m in seg.mentions) for seg in segs]
    best = max(counts)
    return counts.index(best) if best else len(segs) - 1


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
    return Attributor(lexicon=lexicon)
