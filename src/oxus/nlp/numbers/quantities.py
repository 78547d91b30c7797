"""The ``oxus_quantities`` component: counts and sizes as spans with a :class:`Quantity`.

Candidates come from :func:`~oxus.nlp.numbers.quantity_text.match_quantities`; here the parse
decides which are real counts. Years and dates (spans of ``oxus_dates``), ordinals,
ages, durations, identifiers ("Resolution 2253"), phone numbers and the pronoun "one"
are dropped; percentages after "increased by" become signed changes; money is kept but
flagged. :func:`casualty_counts` reads the killed/wounded/arrested/participant counts of
a sentence for event extraction. A Russian Doc (``doc.lang_ == "ru"``) is read by
:mod:`oxus.nlp.lang.ru.quantities` instead.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from oxus.model import Qualifier
from oxus.nlp import extensions
from oxus.nlp.numbers.parse import as_int, load_lexicon
from oxus.nlp.numbers.quantity_text import Quantity, match_quantities
from oxus.nlp.time.timex import find_dates

__all__ = [
    "QuantitiesComponent",
    "Quantity",
    "casualty_counts",
    "casualty_key",
    "find_quantities",
    "unit_token",
]

_DETERMINERS = {"the", "his", "her", "its", "their", "these", "those", "our", "them"}


@cache
def _words(key: str) -> frozenset[str]:
    """A word list of the quantities lexicon, lower-cased (read once: every number asks)."""
    return frozenset(str(w).lower() for w in load_lexicon("quantities")[key])


def _is_noise(span: Span, text: str, full: str) -> bool:
    """Numbers that are not counts: identifiers, ages, durations, times, phone numbers.

    ``full`` is ``doc.text``, passed in because spaCy rebuilds that string on every access.
    """
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    start, end = span.start_char, span.end_char
    if before is not None and before.lower_ in _words("not_count_before"):
        return True
    of_before = before is not None and before.lower_ == "of" and span.start > 1
    if of_before and doc[span.start - 2].lower_ in _words("not_count_before"):
        return True  # "under the age of 32"
    if re.search(r"[+\d][\s-]?$", full[max(0, start - 2) : start]):
        return True
    if re.match(r"(?:[\s-]?\d|[:/]\d|\w)", full[end : end + 2]):
        return True
    if re.search(r"[A-Za-z]-?$|[.,;:!?\u201d\"\u2019)\]]$", full[max(0, start - 2) : start]):
        return True
    line_start = start == 0 or full[start - 1] == "\n"
    if line_start and re.match(r"\d+\s+(?:[\u201c\"]|[A-Z][a-z])", full[start:]):
        return True  # a footnote or reference-list number
    hyphen = re.match(r"-(\w+)", full[end:])
    if hyphen:
        return hyphen.group(1).lower() not in _words("strength_suffixes")
    if after is not None and after.lower_ in _words("time_units"):
        return True
    if after is not None and after.lower_ in {"years", "year", "old"}:
        return True
    year_like = re.fullmatch(r"(?:19|20)\d\d", text) is not None
    if year_like and after is not None and after.lower_ in _words("year_nouns"):
        return True  # "the 1999 bombings": when, not how many
    if text.lower() == "one" or text.lower().endswith(" one"):
        return (
            after is None
            or after.lower_ in {"of", "another", "who", "that"}
            or (after.pos_ not in {"NOUN", "ADJ", "PROPN"})
        )
    return False


def unit_token(span: Span) -> Token | None:
    """The counted noun right after a quantity ("31 suspected *members* of KTJ")."""
    doc = span.doc
    i = span.end
    if i < len(doc) and doc[i].lower_ == "of":
        i += 1
        if i < len(doc) and doc[i].lower_ in _DETERMINERS:
            i += 1
    head: Token | None = None
    for token in doc[i : min(len(doc), i + 8)]:
        names_only = head is None or head.pos_ == "PROPN"
        if token.pos_ == "NOUN" or (token.pos_ == "PROPN" and head is None):
            head = token
        elif names_only and (
            token.pos_ in {"PROPN", "ADJ", "NUM"}
            or token.tag_ == "VBN"
            or token.text in {"-", "\u2013"}
            or (head is not None and token.lower_ in {"and", ","})
        ):
            continue
        else:
            break
    return head if head is not None else _object_of_of(span)


def _object_of_of(span: Span) -> Token | None:
    """The noun "of" governs after a quantity, read from the parse where the words after
    it do not start with one ("hundreds of audio and video *materials*")."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ != "of":
        return None
    for child in doc[span.end].children:
        if child.dep_ == "pobj" and child.pos_ in ("NOUN", "PROPN"):
            return child
    return None


def _change_sign(span: Span) -> int:
    """+1/-1 when a percentage is a relative change ("rose by 15%", "a 20% drop"), else 0."""
    doc = span.doc
    up, down = _words("change_up"), _words("change_down")
    window = doc[span.end : min(len(doc), span.end + 2)]
    for token in window:
        if token.lower_ in up or token.lemma_.lower() in up:
            return 1
        if token.lower_ in down or token.lemma_.lower() in down:
            return -1
    sentence = span.sent
    before = doc[max(sentence.start, span.start - 12) : span.start]
    if not before or before[-1].lower_ not in {"by", "up", "down"} or before[-1].dep_ == "prt":
        return 0
    if before[-1].lower_ in {"up", "down"}:
        return 1 if before[-1].lower_ == "up" else -1
    for token in reversed(before):
        if token.lower_ in up or token.lemma_.lower() in up:
            return 1
        if token.lower_ in down or token.lemma_.lower() in down:
            return -1
    return 0


def find_quantities(doc: Doc) -> list[Span]:
    """Quantity spans of a Doc with ``span._.quantity`` set."""
    if doc.lang_ == "ru":
        from oxus.nlp.lang.ru.quantities import find_quantities as find_russian_quantities

        return find_russian_quantities(doc)
    dates = doc.spans[extensions.DATES] if extensions.DATES in doc.spans else find_dates(doc)
    taken = {i for date in dates for i in range(date.start, date.end)}
    spans: list[Span] = []
    full = extensions.doc_text(doc)
    for found in match_quantities(full):
        span = doc.char_span(found.start, found.end, alignment_mode="expand")
        if span is None or any(i in taken for i in range(span.start, span.end)):
            continue
        if (span.start_char, span.end_char) != (found.start, found.end):
            continue
        if _is_noise(span, full[found.start : found.end], full):
            continue
        quantity = found.quantity
        if quantity.percent:
            sign = _change_sign(span)
            if sign and quantity.value is not None:
                value = sign * quantity.value
                quantity = replace(quantity, low=value, high=value, qualifier=Qualifier.CHANGE)
            unit: str | None = "percent"
        else:
            head = unit_token(span)
            unit = head.lower_ if head is not None else None
            if unit in _words("currency_words"):
                quantity = replace(quantity, money=True)
        quantity = replace(
            quantity, unit=unit, low=as_int(quantity.low), high=as_int(quantity.high)
        )
        result = Span(doc, span.start, span.end, label="quantity")
        result._.quantity = quantity
        spans.append(result)
    return spans


@cache
def _casualty_words() -> dict[str, str]:
    """{word: casualty key} from the quantities lexicon."""
    keys = load_lexicon("quantities")["casualties"]
    return {str(w): key for key, words in keys.items() for w in words}


def casualty_key(span: Span) -> str | None:
    """Which casualty count a quantity is, judged by the words that govern it."""
    if span.doc.lang_ == "ru":
        from oxus.nlp.lang.ru.casualties import casualty_key as russian_casualty_key

        return russian_casualty_key(span)
    lookup = _casualty_words()
    doc = span.doc
    sent_end = span.sent.end
    i = span.end
    while i < sent_end and i < span.end + 3 and doc[i].pos_ in {"NOUN", "ADJ", "PROPN"}:
        if doc[i].lower_ in lookup:
            return lookup[doc[i].lower_]
        i += 1
    while i < sent_end and doc[i].pos_ in {"AUX", "PART"}:
        i += 1
    if i < sent_end and doc[i].lower_ in lookup and doc[i].pos_ in {"VERB", "ADJ"}:
        return lookup[doc[i].lower_]
    node = span.root
    passing = _words("pass_through")
    for _ in range(5):
        following = doc[node.i + 1].lower_ if node.i + 1 < len(doc) else ""
        for word in (node.lower_, node.lemma_.lower(), f"{node.lower_} {following}"):
            if word in lookup and node.i not in range(span.start, span.end):
                return lookup[word]
        if node.head is node:
            break
        verb = node.pos_ in {"VERB", "AUX"} and node.lemma_.lower() not in passing
        if verb and node.i not in range(span.start, span.end):
            break
        node = node.head
    return None


def casualty_counts(span: Span) -> dict[str, int]:
    """Killed/wounded/arrested/participant counts stated in a span (usually a sentence).

    Each key keeps the largest count found ("146 people, including six children, were
    killed" -> killed: 146).
    """
    doc = span.doc
    if extensions.QUANTITIES in doc.spans:
        candidates = list(doc.spans[extensions.QUANTITIES])
    else:
        candidates = find_quantities(doc)
    counts: dict[str, int] = {}
    for quantity_span in candidates:
        if quantity_span.start < span.start or quantity_span.end > span.end:
            continue
        quantity = quantity_span._.quantity
        if quantity is None or quantity.percent or quantity.money or quantity.value is None:
            continue
        key = casualty_key(quantity_span)
        if key is not None:
            counts[key] = max(counts.get(key, 0), int(quantity.value))
    return counts


class QuantitiesComponent:
    """Writes ``doc.spans["oxus_quantities"]``; runs after ``oxus_timex`` to skip dates."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[extensions.QUANTITIES] = find_quantities(doc)
        return doc


@Language.factory(
    "oxus_quantities",
    assigns=["doc.spans", "span._.quantity"],
    requires=["token.pos", "token.dep"],
    default_config={},
)
def make_quantities(nlp: Language, name: str) -> QuantitiesComponent:
    return QuantitiesComponent(nlp, name)
