"""Clean-up and filter rules for statistical NER spans before they become mentions.

The NER's spans carry articles, possessives and lower-case words at their edges ("the
Taliban's", "Republic government"), and some are no names at all: footnote markers
("HTS.678"), weapon codes ("Mi-24"), runs of demonyms ("Afghan Tajiks"), a portfolio
inside a job title ("Defense" in "Defense Minister") or an operation's code name.
These rules trim a span to its name or reject it.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from oxus.kb.names import fold
from oxus.nlp.entities.candidates import PARTICLES, is_capitalised
from oxus.nlp.entities.cues import EntityCues
from oxus.nlp.extensions import doc_text

LEADING = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her"})
TRAILING = frozenset({"'s", "’s", "'", "’", "s"})
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.I)
_MIXED = re.compile(r"[A-Za-z].*\d|\d.*[A-Za-z]")
CODE_NAMED = re.compile(r"\b(?:code-?\s?named|[Oo]peration)[\s\"'“‘«]*$")


class SpanCleaner:
    """Trims NER spans to their names and rejects the ones that name nothing."""

    def __init__(self, cues: EntityCues) -> None:
        self.cues = cues

    def trim(self, ent: Span, *, person: bool) -> Span | None:
        """Drop leading articles, lower-case words and (before a person's name)
        demonyms ("Tajik Mahdi Arsalon"), and trailing possessives and punctuation."""
        start, end = ent.start, ent.end
        doc = ent.doc
        while start < end and self._leading_junk(doc[start], person=person, long=end - start > 1):
            start += 1
        while end > start and self._trailing_junk(doc[end - 1], person=person):
            end -= 1  # "Republic government", "WarJournal Telegram": not part of the name
        if start >= end:
            return None
        if start > 0 and ORDINAL.fullmatch(doc[start - 1].text) and not person:
            start -= 1  # "the 2nd Western District Military Court", "201st Military Base"
        span = doc[start:end]
        return span if self._names_something(span, person=person) else None

    def _leading_junk(self, token: Token, *, person: bool, long: bool) -> bool:
        """An article, punctuation, lower-case word or (before a person's name) demonym."""
        lower = token.lower_
        return (
            lower in LEADING
            or token.is_punct
            or (not is_capitalised(token) and lower not in PARTICLES)
            or (person and long and self._leading_non_name(token))
        )

    def _trailing_junk(self, token: Token, *, person: bool) -> bool:
        """A possessive, punctuation, lower-case word or (after an organisation) platform."""
        return (
            token.text in TRAILING
            or token.is_punct
            or (token.is_lower and token.lower_ not in PARTICLES)
            or (not person and fold(token.text) in self.cues.platforms)
        )

    def _names_something(self, span: Span, *, person: bool) -> bool:
        """Whether a trimmed span is a name: capitalised, clean, not a stop-name, not a
        portfolio in a title and not an operation's code name."""
        if not any(is_capitalised(t) for t in span) or not self._clean(span, person=person):
            return False
        if fold(span.text) in self.cues.stop_names or not any(c.isalpha() for c in span.text):
            return False
        if not person and self._portfolio(span):
            return False
        return not _code_name(span)

    def _leading_non_name(self, token: Token) -> bool:
        """A demonym or stop-name before a person's name ("Tajik Mahdi Arsalon"), unless it
        is also a given name ("Mujahid Idris")."""
        word = fold(token.text)
        return word in self.cues.stop_names and token.lower_ not in self.cues.given_names

    def _clean(self, span: Span, *, person: bool) -> bool:
        """No URL, bracket, line break ("Responses\\n\\nBroadly": a heading and the next
        paragraph), letter-digit code ("Mi-24", "HTS.678": a footnote marker) or run of
        demonyms only ("Afghan Tajiks")."""
        for token in span:
            if token.like_url or token.text in "()[]" or "\n" in token.text:
                return False
            if _MIXED.search(token.text) and not ORDINAL.fullmatch(token.text):
                return False
        words = [fold(t.text) for t in span if t.is_alpha]
        if not person and len(words) > 1 and words[-1] in self.cues.adjectives:
            return False
        return not (len(words) > 1 and all(w in self.cues.stop_names for w in words))

    def _portfolio(self, span: Span) -> bool:
        """A one-word portfolio inside a job title is not an organisation: "Defense" in
        "Defense Minister", "Terrorism" in "Under Secretary for Terrorism"."""
        if len(span) != 1 or span[0].is_upper:
            return False
        doc = span.doc
        after = doc[span.end].lower_ if span.end < len(doc) else ""
        if after in self.cues.portfolio_titles:
            return True
        if span.start == 0 or doc[span.start - 1].lower_ not in {"of", "for"}:
            return False
        for token in reversed(doc[max(0, span.start - 6) : span.start - 1]):
            if token.lower_ in self.cues.portfolio_titles:
                return True  # "Under Secretary of the Treasury for Terrorism"
            if not (is_capitalised(token) or token.lower_ in {"of", "for", "the"}):
                return False
        return False


def _code_name(span: Span) -> bool:
    """An operation's code name ("code-named «Sabo»", "operation Sabo") is no entity."""
    text = doc_text(span.doc)
    return bool(CODE_NAMED.search(text[max(0, span.start_char - 20) : span.start_char]))
