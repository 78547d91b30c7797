"""The ``oxus_attribution`` component: who asserts each fact, hedged or not, denied or not.

Runs after relations, events and estimates. For each sentence it finds the source
("according to X", "X said", "..., wrote X", "X's report", or a source named in a
previous sentence when the quotation continues), the hedges ("reportedly", "is said
to") and denials ("denied", "dismissed reports"), all from ``patterns/attribution.yaml``,
then stamps them on every fact whose evidence is that sentence. A statement event's
speaker is its agent and its asserter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from oxus.model import EventType, Polarity
from oxus.nlp.clauses import Ment, sentence_mentions
from oxus.nlp.extensions import doc_list
from oxus.nlp.lexicon import load_lexicon, phrase_set

PRONOUNS = frozenset({"him", "her", "them", "it", "he", "she", "they"})
MAIN_DEPS = frozenset({"ROOT", "parataxis", "conj", "ccomp", "advcl"})
QUOTES = ("“", "”", '"', "«", "»")
PREFERENCE = {"person": 0, "organization": 1, "state": 2, "group": 3}


@dataclass
class SentenceClaim:
    """What one sentence says about its own claims."""

    asserted_by: str | None = None
    hedged: bool = False
    denied: bool = False
    carried: bool = False
    """The source was carried over from an earlier sentence."""
    speaker_candidate: str | None = None
    """The person (else organisation) this sentence names first, for a later "him"."""


class Attributor:
    """Marks each fact with its source, hedging and polarity."""

    def __init__(self, *, lexicon: str = "attribution") -> None:
        lex = load_lexicon(lexicon)
        self.reporting = phrase_set(lex.get("reporting_verbs"))
        self.source_phrases = [p.lower() for p in lex.get("source_phrases", [])]
        self.source_nouns = phrase_set(lex.get("source_nouns"))
        self.hedge_words = phrase_set(lex.get("hedge_words"))
        self.hedge_phrases = [p.lower() for p in lex.get("hedge_phrases", [])]
        self.denial_verbs = phrase_set(lex.get("denial_verbs"))
        self.denial_phrases = [p.lower() for p in lex.get("denial_phrases", [])]
        self.asserter_types = phrase_set(lex.get("asserter_types"))
        self.carry = int(lex.get("carry_sentences", 2))

    def __call__(self, doc: Doc) -> Doc:
        claims = self.sentence_claims(doc)
        for fact in [*doc_list(doc, "relations"), *doc_list(doc, "estimates")]:
            self._stamp(fact, claims)
        for event in doc_list(doc, "events"):
            self._stamp(event, claims)
            if event.type == EventType.STATEMENT:
                if event.asserted_by is None and event.agents:
                    event.asserted_by = event.agents[0]
                elif event.asserted_by is not None and not event.agents:
                    event.agents.append(event.asserted_by)
        return doc

    def _stamp(self, fact: object, claims: list[SentenceClaim]) -> None:
        index = fact.evidence.sentence_index  # type: ignore[attr-defined]
        if not 0 <= index < len(claims):
            return
        claim = claims[index]
        fact.asserted_by = claim.asserted_by  # type: ignore[attr-defined]
        fact.hedged = claim.hedged  # type: ignore[attr-defined]
        if hasattr(fact, "polarity"):
            fact.polarity = Polarity.DENIED if claim.denied else Polarity.AFFIRMED

    def sentence_claims(self, doc: Doc) -> list[SentenceClaim]:
        """One :class:`SentenceClaim` per sentence, in document order."""
        claims: list[SentenceClaim] = []
        for sent in doc.sents:
            mentions = [m for m in sentence_mentions(sent) if m.type in self.asserter_types]
            by_token = {i: m for m in mentions for i in range(m.start, m.end)}
            low = sent.text.lower()
            claim = SentenceClaim(
                hedged=self._hedged(sent, low),
                denied=self._denied(sent, low),
            )
            if mentions:
                claim.speaker_candidate = min(
                    mentions, key=lambda m: (PREFERENCE.get(m.type, 9), m.start)
                ).id
            source, pronoun = self._source(sent, low, by_token)
            if source is not None:
                claim.asserted_by = source.id
            elif pronoun or (sent.text.lstrip().startswith(QUOTES) and not self._has_speaker(sent)):
                claim.asserted_by = _previous(claims, self.carry, pronoun=pronoun)
                claim.carried = claim.asserted_by is not None
            claims.append(claim)
        return claims

    def _source(self, sent: Span, low: str, by_token: dict[int, Ment]) -> tuple[Ment | None, bool]:
        """The mention that asserts the sentence, and whether the source was a pronoun."""
        for phrase in self.source_phrases:
            for match in re.finditer(r"\b" + re.escape(phrase) + r"\b", low):
                span = sent.char_span(match.start(), match.end(), alignment_mode="expand")
                if span is None:
                    continue
                j = span.end
                stop = min(sent.end, j + 8)
                while j < stop:
                    if j in by_token:
                        return by_token[j], False
                    if sent.doc[j].lower_ in PRONOUNS:
                        return None, True
                    if sent.doc[j].pos_ == "VERB" or sent.doc[j].lower_ in (",", ";"):
                        break
                    j += 1
        for tok in sent:
            if (
                tok.pos_ == "VERB"
                and tok.lemma_.lower() in self.reporting
                and (tok.dep_ in MAIN_DEPS)
            ):
                speaker = _speaker(tok, by_token)
                if speaker is not None:
                    return speaker, False
        for tok in sent:
            if tok.lemma_.lower() in self.source_nouns:
                for child in tok.children:
                    if child.dep_ == "poss" and child.i in by_token:
                        return by_token[child.i], False
        return None, False

    def _has_speaker(self, sent: Span) -> bool:
        return any(
            t.pos_ == "VERB"
            and t.lemma_.lower() in self.reporting
            and any(c.dep_ == "nsubj" for c in t.children)
            for t in sent
        )

    def _hedged(self, sent: Span, low: str) -> bool:
        if any(t.lower_ in self.hedge_words for t in sent):
            return True
        return any(re.search(r"\b" + re.escape(p) + r"\b", low) for p in self.hedge_phrases)

    def _denied(self, sent: Span, low: str) -> bool:
        for tok in sent:
            if (
                tok.pos_ == "VERB"
                and tok.lemma_.lower() in self.denial_verbs
                and (tok.dep_ in MAIN_DEPS)
            ):
                return True
        return any(re.search(r"\b" + re.escape(p) + r"\b", low) for p in self.denial_phrases)


def _speaker(verb: Token, by_token: dict[int, Ment]) -> Ment | None:
    """The mention in the reporting verb's subject (a person before an organisation)."""
    found: list[Ment] = []
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") or (child.dep_ == "agent"):
            found.extend(by_token[t.i] for t in child.subtree if t.i in by_token)
    if not found:
        return None
    return min(found, key=lambda m: (PREFERENCE.get(m.type, 9), m.start))


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
