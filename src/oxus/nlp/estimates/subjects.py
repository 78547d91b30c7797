"""Whom a count sizes: the entity mention an estimate is about.

Candidates are the entity mentions (``doc.spans["oxus_mentions"]``) of the count's
sentence, scored by how the parse ties them to it: inside the counted phrase ("members
of KTJ") beats the subject of the governing verb ("the IMU has 700 fighters"), which
beats mere presence. Which entity types may size which measure is data
(``patterns/measures.yaml``). Anaphors ("its ranks", "the country", "both") and counts
with no named subject resolve to the most salient earlier mention: a sentence subject
first, else the nearest.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from oxus.model import Measure
from oxus.nlp import extensions
from oxus.nlp.numbers.parse import load_lexicon
from oxus.nlp.tokenview import token_view

_SUBJECT_DEPS = {"nsubj", "nsubjpass", "nsubj:pass"}
_CHAIN_DEPS = {"en": {"compound", "poss", "det"}, "ru": {"nmod", "appos", "det"}}
"""What names the owner of a subject: "the IMU's fighters", "боевики группировки X"."""
_DEFINITE = {"the", "this", "that", "both"}
_PHRASE_BONUS = 10.0
_CHAIN_BONUS = 6.0


@dataclass(frozen=True)
class Subject:
    """A resolved subject: its entity id and how sure the link is."""

    entity_id: str
    confidence: float


MENTION_LIST_KEY = "oxus_mention_list"


def _mentions(doc: Doc) -> tuple[list[Span], list[int]]:
    """The Doc's mention spans by start, and their starts, read once per Doc (many counts
    ask for them)."""
    group = doc.spans.get(extensions.MENTIONS, [])
    cached = doc.user_data.get(MENTION_LIST_KEY)
    if cached is None or cached[0] != len(group):
        ordered = sorted(group, key=lambda m: m.start)
        cached = doc.user_data[MENTION_LIST_KEY] = (
            len(group),
            ordered,
            [m.start for m in ordered],
        )
    return cached[1], cached[2]


def mentions_between(doc: Doc, start: int, end: int) -> list[Span]:
    """Mention spans that start in ``[start, end)``."""
    found, starts = _mentions(doc)
    return found[bisect_left(starts, start) : bisect_left(starts, end)]


def _verb_subject(span: Span) -> Token | None:
    """The subject of the verb a count depends on (climbing through "is said to have")."""
    node = span.root
    for _ in range(8):
        if node.pos_ in {"VERB", "AUX"} and node.i not in range(span.start, span.end):
            for child in node.children:
                if child.dep_ in _SUBJECT_DEPS:
                    return child
        if node.head is node:
            return None
        node = node.head
    return None


def _phrase(span: Span, noun: Token | None) -> set[int]:
    """The counted phrase: from the number to the noun, and what follows the noun."""
    if noun is None:
        return set(range(span.start, span.end))
    start = span.start if noun.i >= span.start else noun.left_edge.i
    right = {t.i for t in noun.subtree if t.i > noun.i}
    return (set(range(start, noun.i + 1)) | right) & set(range(span.sent.start, span.sent.end))


def _chain(span: Span) -> set[int]:
    """The verb's subject with its compounds and possessors."""
    subject = _verb_subject(span)
    if subject is None:
        return set()
    deps = _CHAIN_DEPS.get(span.doc.lang_, _CHAIN_DEPS["en"])
    return {subject.i} | {c.i for c in subject.children if c.dep_ in deps}


def _is_subject(mention: Span) -> bool:
    root = mention.root
    owners = {"compound", "poss", "appos"} if mention.doc.lang_ == "en" else {"nmod", "appos"}
    return root.dep_ in _SUBJECT_DEPS or (root.dep_ in owners and root.head.dep_ in _SUBJECT_DEPS)


def resolve_back(span: Span, before: int, types: list[str], *, count: int = 1) -> list[Span]:
    """The most salient earlier mentions of these types (sentence subjects first)."""
    doc = span.doc
    lex = load_lexicon("measures", doc.lang_)
    view = token_view(doc)
    index = view.sentence_of(span.start)
    first = max(0, index - int(lex["lookback_sentences"]))
    found: list[Span] = []
    for at in range(index, first - 1, -1):
        start, end = view.sentence_span(at)
        end = min(before, end)
        mentions = [
            m
            for m in mentions_between(doc, start, end)
            if m.end <= end and m.label_ in types and m.kb_id_
        ]
        ordered = sorted(
            mentions, key=lambda m: (not _is_subject(m), types.index(m.label_), -m.start)
        )
        for mention in ordered:
            if mention.kb_id_ not in {f.kb_id_ for f in found}:
                found.append(mention)
            if len(found) >= count:
                return found
    return found


def named_next(span: Span, types: list[str]) -> list[Span]:
    """Mentions of these types in the sentence after the count's: a report often names the
    group a sentence later ("... convicting them of being members of a banned group. The
    court found them guilty of being members of Jamaat Ansarullah")."""
    view = token_view(span.doc)
    index = view.sentence_of(span.start)
    if index + 1 >= len(view.sent_starts):
        return []
    start, end = view.sentence_span(index + 1)
    return [
        m
        for m in mentions_between(span.doc, start, end)
        if m.end <= end and m.label_ in types and m.kb_id_
    ]


def _anaphoric(span: Span, tokens: set[int], linked_types: dict) -> list[Span]:
    """Earlier mentions that an anaphor among these tokens ("its", "the group") stands for.
    Russian has no article: a bare "группировка" points back as "the group" does."""
    doc = span.doc
    english = doc.lang_ == "en"
    lex = load_lexicon("measures", doc.lang_)
    for i in sorted(tokens):
        word = doc[i].lower_ if english else doc[i].lemma_
        types = lex["anaphors"].get(word)
        allowed = [t for t in types or [] if t in linked_types]
        if not allowed:
            continue
        if (
            english
            and doc[i].pos_ == "NOUN"
            and not any(c.lower_ in _DEFINITE for c in doc[i].children)
        ):
            continue
        count = int(lex["anaphor_counts"].get(word, 1))
        found = resolve_back(span, i, allowed, count=count)
        if found:
            return found
    return []


Ties = tuple[set[int], set[int]]
"""The tokens of a count's counted phrase and of its governing verb's subject chain."""


def lexicon_word(token: Token) -> str:
    """How a measure lexicon names a word: as written in English, by lemma in Russian."""
    return token.lower_ if token.doc.lang_ == "en" else token.lemma_


def subject_ties(span: Span, noun: Token | None) -> Ties:
    """The tokens of the counted phrase and of the governing verb's subject chain."""
    return _phrase(span, noun), _chain(span)


def find_subjects(
    span: Span, measure: Measure, ties: Ties, examples: frozenset[str] = frozenset()
) -> list[Subject]:
    """Entities a count sizes (several when coordinated: "IMU and HuT activists"), given
    its :func:`subject_ties`; an entity named only as an example ("groups including IS")
    is not among them."""
    spec = load_lexicon("measures", span.doc.lang_)["subjects"][measure.value]
    phrase, chain = ties
    sentence = span.sent
    in_sentence = mentions_between(span.doc, sentence.start, sentence.end)
    listed = [m for m in in_sentence if set(range(m.start, m.end)) & phrase]
    if len(listed) > 2:
        phrase = set(range(span.start, span.end))  # a list of examples, not the subject
    scored: list[tuple[float, Span, bool]] = []
    for mention in in_sentence:
        tokens = set(range(mention.start, mention.end))
        bonus = _PHRASE_BONUS if tokens & phrase else _CHAIN_BONUS if tokens & chain else 0.0
        weights = spec["linked"] if bonus else spec["present"]
        if mention.label_ not in weights or not mention.kb_id_ or mention.kb_id_ in examples:
            continue
        distance = min(abs(mention.start - span.start), abs(mention.end - span.end))
        score = bonus + float(weights[mention.label_]) - 0.01 * distance
        scored.append((score, mention, bonus > 0))
    scored.sort(key=lambda item: -item[0])
    if not (scored and scored[0][2]):
        earlier = _anaphoric(span, phrase | chain, spec["linked"])
        if earlier:
            return [Subject(m.kb_id_, 0.5) for m in earlier]
    if scored:
        top_score, top, linked = scored[0]
        chosen = [top]
        if top_score >= _PHRASE_BONUS:
            chosen += [m for s, m, _ in scored[1:] if s >= _PHRASE_BONUS and m.label_ == top.label_]
        return [Subject(m.kb_id_, 0.7 if linked else 0.5) for m in chosen]
    if measure == Measure.OTHER:
        return []
    found = resolve_back(span, sentence.start, list(spec["present"]))
    return [Subject(m.kb_id_, 0.4) for m in found]
