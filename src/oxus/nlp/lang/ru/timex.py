"""Russian time expressions as Doc spans: the Russian side of ``oxus_timex``.

:func:`~oxus.nlp.lang.ru.dates.match_dates` finds and resolves them in the text; here
they become spans labelled as the English ones are (``date``, ``since``, ``until``,
``period``) with ``span._.date`` set, and a bare month is re-dated by the narrative's
year as in English: after "в 2023 году ..." a report of 2024 that says "в феврале"
means February 2023.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from oxus.nlp import extensions
from oxus.nlp.lang.ru.dates import DateMatch, match_dates, resolve_period
from oxus.nlp.lang.ru.timex_words import time_words
from oxus.nlp.time.dates import Period

__all__ = ["find_dates", "span_period"]


def find_dates(doc: Doc) -> list[Span]:
    """Resolved date spans of a Russian Doc, non-overlapping, in text order."""
    published = doc._.published
    kept: list[tuple[Span, DateMatch]] = []
    for found in match_dates(extensions.doc_text(doc), published):
        span = doc.char_span(found.start, found.end, alignment_mode="expand")
        if span is None:
            continue
        if kept and span.start < kept[-1][0].end:
            continue
        result = Span(doc, span.start, span.end, label=found.label)
        result._.date = found.value
        kept.append((result, found))
    _anchored(doc, kept, published)
    return [span for span, _ in kept]


def _anchored(doc: Doc, kept: list[tuple[Span, DateMatch]], published: str | None) -> None:
    """Re-date bare months by the latest explicit year of the year before publication
    named in the same or the previous few sentences."""
    pub_year = int(published[:4]) if published and published[:4].isdigit() else None
    if pub_year is None or not kept:
        return
    reach = time_words().anchor_sentences
    starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
    anchor: tuple[int, int] | None = None
    for span, found in kept:
        index = bisect_right(starts, span.start) - 1
        if found.explicit_year:
            anchor = (int(found.value[:4]), index)
            continue
        if anchor is None or index - anchor[1] > reach or anchor[0] != pub_year - 1:
            continue
        moved = found.label == "date" and found.value[:4] != str(anchor[0])
        if moved and len(found.value) >= 7 and _bare_month(span):
            span._.date = f"{anchor[0]}{found.value[4:]}"


def _bare_month(span: Span) -> bool:
    """A month named without a year or a relative word ("в феврале", "10 мая")."""
    words = time_words()
    lowered = [t.lower_.replace("ё", "е") for t in span]
    return any(w.rstrip(".") in words.months for w in lowered) and not any(
        w in words.relative or (w.isdigit() and len(w) == 4) for w in lowered
    )


def span_period(span: Span) -> Period | None:
    """The period a ``since``/``until``/``period`` span names (None for plain dates)."""
    if span.label_ == "date":
        return None
    return resolve_period(span.text, span.doc._.published)
