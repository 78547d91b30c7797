"""The ``oxus_timex`` component: time expressions as spans with resolved ISO dates.

The small English model misses many dates and tags counts as dates, so candidates come
from our own patterns (built from ``patterns/timex.yaml``) plus spaCy's DATE entities;
a candidate is kept only when it resolves. Each span's ``label_`` says what it is:
``date`` (a point at some precision), ``since``, ``until`` or ``period``; the latter
three also resolve to a :class:`~oxus.nlp.time.dates.Period` through :func:`span_period`.
A Russian Doc (``doc.lang_ == "ru"``) is read by :mod:`oxus.nlp.lang.ru.timex` instead.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from oxus.nlp import extensions
from oxus.nlp.gated import GatedPattern, gated
from oxus.nlp.numbers.parse import first_letters, load_lexicon
from oxus.nlp.time.dates import (
    DAY_RE,
    YEAR_RE,
    Period,
    month_regex,
    month_words,
    resolve_date,
    resolve_period,
)

__all__ = ["Period", "TimexComponent", "resolve_date", "resolve_period", "span_period"]


@cache
def _patterns() -> list[tuple[GatedPattern, str]]:
    """(regex, label) candidates, most specific first."""
    lex = load_lexicon("timex")
    month = month_regex()
    months = list(month_words())
    parts = "|".join(lex["parts"])
    part = rf"(?:\b(?:{parts})(?:[\s-]+|-)(?:of\s+)?)?"
    rel = "|".join(lex["relative"])
    weekdays = "|".join(lex["weekdays"])
    rel_year = rf"(?:{rel})\s+year"
    day_first = rf"\b{DAY_RE}\s+(?:of\s+)?{month}(?:,?\s+{YEAR_RE})?"
    month_first = rf"(?=\b{first_letters(months)}){month}\s+"
    month_first += rf"{DAY_RE}\b(?!\s*(?:,\s*)?\d{{3}})(?:,?\s+{YEAR_RE})?"
    month_start = first_letters([*lex["parts"], *lex["relative"], *months])
    month_only = rf"{part}(?:\b(?:{rel})\s+)?{month}(?:,?\s+(?:of\s+)?(?:{YEAR_RE}|{rel_year}))?"
    year = rf"(?=\b{first_letters(lex['parts'])}|[12]){part}{YEAR_RE}"
    relative_start = first_letters(["earlier", "later", *lex["relative"]])
    relative = rf"(?=\b{relative_start})\b(?:(?:earlier|later)\s+)?(?:{rel})"
    relative += r"\s+(?:year|month|week)\b"
    deictic = r"\b(?:" + "|".join(lex["deictic_days"]) + r")\b"
    ago = r"\b(?:a few|several|a couple of|\d+|\w+)\s+(?:days?|weeks?|months?|years?)\s+ago\b"
    weekday_start = first_letters(["last", "this", "on", *lex["weekdays"]])
    weekday = rf"(?=\b{weekday_start})\b(?:(?:last|this|on)\s+)?(?:{weekdays})\b"
    past = r"\b(?:in|over|during)\s+the\s+(?:past|last)\s+\w+(?:-\w+)?\s+(?:years|months)\b"
    pair = rf"(?:{part}{YEAR_RE}|{month_only})"
    flags = re.IGNORECASE
    return [
        (gated(re.compile(past, flags), ["past", "last"]), "period"),
        (
            gated(
                re.compile(rf"\b(?:from|between)\s+{pair}\s+(?:to|until|and)\s+{pair}", flags),
                ["from", "between"],
            ),
            "period",
        ),
        (gated(re.compile(rf"{YEAR_RE}\s*[-\u2013]\s*(?:{YEAR_RE}|\d\d\b)", flags)), "period"),
        (gated(re.compile(day_first, flags), months), "date"),
        (gated(re.compile(month_first, flags), months), "date"),
        (gated(re.compile(rf"(?=\b{month_start}){month_only}", flags), months), "date"),
        (gated(re.compile(year, flags)), "date"),
        (gated(re.compile(relative, flags), ["year", "month", "week"]), "date"),
        (gated(re.compile(deictic, flags), lex["deictic_days"]), "date"),
        (gated(re.compile(ago, flags), ["ago"]), "date"),
        (gated(re.compile(weekday, flags), lex["weekdays"]), "date"),
    ]


def _capitalised_names_ok(text: str) -> bool:
    """Month and weekday words that are also common words must be capitalised."""
    lex = load_lexicon("timex")
    ambiguous = set(lex["ambiguous_months"]) | set(lex["weekdays"])
    for word in re.findall(r"[A-Za-z]+", text):
        if word.lower() in ambiguous and not word[0].isupper():
            return False
    return True


def _is_count(span: Span) -> bool:
    """A bare 4-digit "year" that is really a count or an identifier ("2000 fighters",
    "resolutions 1267/1989/2253")."""
    lex = load_lexicon("timex")
    if re.fullmatch(r"\d+(?:/\d+)+", span[-1].text):
        return True
    if not re.fullmatch(r"\d{4}", span[-1].text) or re.search(r"[A-Za-z]", span[-1].text):
        return False
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 1] if span.start > 0 else None
    if after is not None and (after.tag_ == "NNS" or after.text in ("%", "percent")):
        return True
    return before is not None and before.lower_ in lex["not_year_before"]


def _is_birth(span: Span) -> bool:
    """A date of birth ("born in 1986", "(born 3 May 1986)", "b. 1986"): it dates a
    person, never an event or a figure."""
    doc = span.doc
    before = [doc[i].lower_ for i in range(max(span.start - 2, 0), span.start)]
    words = set(load_lexicon("timex").get("birth_words", []))
    if before and before[-1] in words:
        return True
    return len(before) == 2 and before[0] in words and before[1] in ("in", "on")


def _opened(span: Span, label: str) -> tuple[Span, str]:
    """Extend a date by an opening "since"/"until" word and relabel it."""
    lex = load_lexicon("timex")
    if label != "date" or span.start == 0:
        return span, label
    word = span.doc[span.start - 1].lower_
    if word in lex["since_words"]:
        return span.doc[span.start - 1 : span.end], "since"
    if word in lex["until_words"]:
        return span.doc[span.start - 1 : span.end], "until"
    return span, label


def _value(span: Span, label: str, published: str | None) -> str | None:
    if label == "date":
        return resolve_date(span.text, published)
    period = resolve_period(span.text, published)
    if period is None:
        return None
    return (period.start or period.end) if label == "since" else (period.end or period.start)


def _bare_month(text: str) -> bool:
    """A month named without a year or a relative word ("in February", "on May 3")."""
    lex = load_lexicon("timex")
    low = text.lower()
    if re.search(YEAR_RE, low) or not re.search(month_regex(), low):
        return False
    return not any(re.search(rf"\b{word}\b", low) for word in lex["relative"])


def _bracketed(doc: Doc, span: Span, sent_start: int) -> bool:
    """A date inside parentheses: a citation ("(Reuters, May 2, 2020)"), not narrative."""
    before = doc[sent_start : span.start].text
    return before.count("(") > before.count(")")


def _anchored(doc: Doc, kept: list[Span], published: str | None) -> None:
    """Re-date bare months by the narrative's year: after "in 2021 ..." a report published
    in 2022 that says "in February" means February 2021. The anchor is the latest explicit
    year outside a citation in the same or the previous ``anchor_sentences`` sentences, and
    only the year before publication moves a month (older years are background: a birth
    year, a founding)."""
    lex = load_lexicon("timex")
    reach = int(lex.get("anchor_sentences", 2))
    pub_year = int(published[:4]) if published and published[:4].isdigit() else None
    if pub_year is None:
        return
    starts = [sent.start for sent in doc.sents] if doc.has_annotation("SENT_START") else [0]
    anchor: tuple[int, int] | None = None
    for span in kept:
        index = bisect_right(starts, span.start) - 1
        year = re.search(YEAR_RE, span.text)
        if year and span.label_ == "date":
            if not _bracketed(doc, span, starts[index]):
                anchor = (int(year.group()), index)
            continue
        if anchor is None or index - anchor[1] > reach or anchor[0] != pub_year - 1:
            continue
        if span.label_ == "date" and _bare_month(span.text):
            value = resolve_date(span.text, f"{anchor[0]}-12-31")
            if value is not None:
                span._.date = value


def find_dates(doc: Doc) -> list[Span]:
    """Resolved date spans of a Doc, non-overlapping, in text order."""
    if doc.lang_ == "ru":
        from oxus.nlp.lang.ru.timex import find_dates as find_russian_dates

        return find_russian_dates(doc)
    published = doc._.published
    found: list[Span] = []
    text = extensions.doc_text(doc)
    lowered = text.lower()
    for pattern, label in _patterns():
        for match in pattern.finditer(text, lowered):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None or not _capitalised_names_ok(match.group()) or _is_count(span):
                continue
            found.append(Span(doc, span.start, span.end, label=label))
    for ent in doc.ents:
        if ent.label_ == "DATE" and _capitalised_names_ok(ent.text) and not _is_count(ent):
            found.append(Span(doc, ent.start, ent.end, label="date"))
    kept: list[Span] = []
    for span in filter_spans(found):
        if _is_birth(span):
            continue
        span, label = _opened(span, span.label_)
        value = _value(span, label, published)
        if value is None:
            continue
        kept.append(Span(doc, span.start, span.end, label=label))
        kept[-1]._.date = value
    _anchored(doc, kept, published)
    return kept


def span_period(span: Span) -> Period | None:
    """The period a ``since``/``until``/``period`` span names (None for plain dates)."""
    if span.label_ == "date":
        return None
    if span.doc.lang_ == "ru":
        from oxus.nlp.lang.ru.timex import span_period as russian_period

        return russian_period(span)
    return resolve_period(span.text, span.doc._.published)


class TimexComponent:
    """Writes ``doc.spans["oxus_dates"]`` with ``span._.date`` set on each span."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[extensions.DATES] = find_dates(doc)
        return doc


@Language.factory(
    "oxus_timex",
    assigns=["doc.spans", "span._.date"],
    requires=["doc.ents"],
    default_config={},
)
def make_timex(nlp: Language, name: str) -> TimexComponent:
    return TimexComponent(nlp, name)
