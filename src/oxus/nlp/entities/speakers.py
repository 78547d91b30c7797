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
def _source_words(lang: str) -> frozenset[str]:
    """The last word of each source phrase ("according to" -> "to", "citing")."""
    lex = load_lexicon("attribution", lang)
    return frozenset(str(p).split()[-1] for p in lex["source_phrases"])


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
    before = span.doc[span.start - 1] if span.start > 0 else None
    return (
        before is not None
        and before.lower_ in _source_words("en")
        and (
            before.lower_ != "to" or (before.i > 0 and span.doc[before.i - 1].lower_ == "according")
        )
    )
