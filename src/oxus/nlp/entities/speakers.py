"""Whether the text has a name speak or be spoken to: then it names an actor.

An all-caps abbreviation the pack does not know and the text never spells out is
usually a thing ("UAV", "IED"). One that says, reports or claims something, is told
something, or is the source after "according to" or "citing" ("two officials told AFP",
"the FBI said", "citing BBC") is an organisation, an outlet more often than not.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span

from oxus.nlp.lexicon import load_lexicon

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_TOLD = frozenset({"dobj", "dative", "iobj"})


@cache
def _reporting_verbs(lang: str) -> frozenset[str]:
    lex = load_lexicon("attribution", lang)
    return frozenset(str(v) for v in lex["reporting_verbs"])


@cache
def _source_phrases(lang: str) -> tuple[tuple[str, ...], ...]:
    """The source phrases ("according to", "citing") as lower-case word tuples."""
    lex = load_lexicon("attribution", lang)
    return tuple(tuple(str(p).lower().split()) for p in lex["source_phrases"])


def speaks(span: Span) -> bool:
    """Whether the span says something, is told it, or is cited as a source."""
    if span.doc.lang_ != "en":
        return False
    root = span.root
    head = root.head
    verbs = _reporting_verbs("en")
    if root.dep_ in _SUBJECTS and head.lemma_.lower() in verbs:
        return True
    if root.dep_ in _TOLD and head.lemma_.lower() == "tell":
        return True
    doc = span.doc
    return any(
        span.start >= len(words)
        and tuple(t.lower_ for t in doc[span.start - len(words) : span.start]) == words
        for words in _source_phrases("en")
    )
