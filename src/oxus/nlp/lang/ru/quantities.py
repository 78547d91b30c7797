"""Russian counts and sizes as Doc spans: the Russian side of ``oxus_quantities``.

Candidates come from :func:`~oxus.nlp.lang.ru.quantity_text.match_quantities`; the Doc
decides which are counts: dates (spans of ``oxus_dates``), ages and durations ("25
лет"), identifiers ("статья 205"), numbers glued to letters ("17-й", "АК-47") and the
pronoun "один из" are dropped. A quantity's unit is the lemma of the noun it counts
("трех уроженцев" -> уроженец), the form the Russian measure lexicon lists.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from oxus.model import Qualifier
from oxus.nlp import extensions
from oxus.nlp.lang.ru.morphology import all_forms
from oxus.nlp.lang.ru.quantity_text import match_quantities
from oxus.nlp.lang.ru.timex import find_dates
from oxus.nlp.lang.ru.timex_words import time_words
from oxus.nlp.lexicon import load_lexicon
from oxus.nlp.numbers.parse import as_int
from oxus.nlp.numbers.quantity_text import Quantity

NOUN_GAP = 4
"""The most adjectives or participles between a number and the noun it counts."""


@cache
def _lemmas(key: str) -> frozenset[str]:
    return frozenset(load_lexicon("quantities", "ru")[key])


@cache
def _forms(key: str) -> frozenset[str]:
    return all_forms(load_lexicon("quantities", "ru")[key])


def counted_noun(span: Span) -> Token | None:
    """The noun right after a number, adjectives and participles skipped ("300 хорошо
    вооруженных боевиков" -> боевиков); a participle or adjective standing alone is the
    noun ("десятки погибших" -> погибших)."""
    doc = span.doc
    standing: Token | None = None
    for token in doc[span.end : min(len(doc), span.end + NOUN_GAP + 1)]:
        if token.pos_ in ("NOUN", "PROPN"):
            return token
        participle = token.pos_ == "VERB" and "Part" in token.morph.get("VerbForm", [])
        if token.pos_ == "ADJ" or participle:
            standing = standing or token
        elif token.pos_ not in ("ADV", "DET"):
            break
    return standing


def _is_noise(span: Span, text: str) -> bool:
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and (before.lemma_ in _lemmas("not_count_before") or before.text == "№"):
        return True
    if re.search(r"[+\d][\s-]?$|\w-?$", text[max(0, span.start_char - 2) : span.start_char]):
        return True  # glued to a word or another number: a code, a phone number
    if re.match(r"(?:[\s-]?\d|-?\w|[:/]\d)", text[span.end_char : span.end_char + 2]):
        return True
    if after is not None and after.lemma_ in _lemmas("time_units"):
        return True  # "25 лет", "три года": an age or a duration
    if after is not None and after.lower_.replace("ё", "е") in time_words().months:
        return True  # "11 июля" with no year and no publication date to place it
    first = doc[span.start]
    if first.lemma_ == "один" and len(span) == 1:
        return after is None or after.lower_ in ("из", "и", "за") or after.pos_ != "NOUN"
    return False


def _reached(span: Span, quantity: Quantity) -> Quantity:
    """ "возросло до 20": after a verb of change, "до" says what was reached, not a bound."""
    doc = span.doc
    if quantity.qualifier is not Qualifier.AT_MOST or doc[span.start].lower_ != "до":
        return quantity
    before = doc[span.start - 1] if span.start > 0 else None
    changes = _lemmas("change_up") | _lemmas("change_down") | _lemmas("reach_verbs")
    if before is None or before.lemma_ not in changes:
        return quantity
    return replace(quantity, low=quantity.high, qualifier=Qualifier.EXACT)


def _change_sign(span: Span) -> int:
    """+1/-1 when a percentage is a change ("вырос на 15%"), else 0."""
    doc = span.doc
    window = doc[max(span.sent.start, span.start - 4) : min(span.sent.end, span.end + 3)]
    for token in window:
        if token.lemma_ in _lemmas("change_up"):
            return 1
        if token.lemma_ in _lemmas("change_down"):
            return -1
    return 0


def find_quantities(doc: Doc) -> list[Span]:
    """Quantity spans of a Russian Doc with ``span._.quantity`` set."""
    dates = doc.spans[extensions.DATES] if extensions.DATES in doc.spans else find_dates(doc)
    taken = {i for date in dates for i in range(date.start, date.end)}
    text = extensions.doc_text(doc)
    spans: list[Span] = []
    for found in match_quantities(text):
        span = doc.char_span(found.start, found.end, alignment_mode="expand")
        if span is None or (span.start_char, span.end_char) != (found.start, found.end):
            continue
        if any(i in taken for i in range(span.start, span.end)) or _is_noise(span, text):
            continue
        quantity = _reached(span, found.quantity)
        unit: str | None
        if quantity.percent:
            sign = _change_sign(span)
            if sign and quantity.value is not None:
                value = sign * quantity.value
                quantity = replace(quantity, low=value, high=value, qualifier=Qualifier.CHANGE)
            unit = "percent"
        else:
            noun = counted_noun(span)
            unit = noun.lemma_.lower() if noun is not None else None
            if unit is not None and unit in _forms("currency_words"):
                quantity = replace(quantity, money=True)
        quantity = replace(
            quantity, unit=unit, low=as_int(quantity.low), high=as_int(quantity.high)
        )
        result = Span(doc, span.start, span.end, label="quantity")
        result._.quantity = quantity
        spans.append(result)
    return spans
