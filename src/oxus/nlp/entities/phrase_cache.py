"""The pack's names as phrase keys, kept between runs.

Splitting thousands of names into tokens and keying each token is most of building
:class:`~oxus.nlp.entities.phrases.PackPhrases`. With spaCy's own tokenizer the keys
follow from the names, the tokenizer's identity (spaCy's version, the model's name and
version) and oxus's key functions, so they are kept in the derived cache
(:mod:`oxus.kb.derived`) under a digest of all of these. Names matched by their lemmas
(Russian) and any other tokenizer are keyed at every start.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from spacy.language import Language

from oxus.kb.matcher import NameMatcher
from oxus.kb.name_keys import cached_rows
from oxus.model import Entity
from oxus.nlp.entities.name_tokens import name_tokens, tokenizer_identity
from oxus.nlp.entities.phrases import PackPhrases, PhraseRow, bare_names, phrase_rows

KINDS = frozenset({"a", "l"})


def pack_phrases(
    nlp: Language, matcher: NameMatcher, *, lemmas: Callable[[str], str] | None = None
) -> PackPhrases:
    """The pack's phrase tries for ``nlp``'s tokenizer, from the cache when it can be."""
    entities = list(matcher.entities.values())

    def build() -> list[PhraseRow]:
        tokens = name_tokens(nlp, bare_names(matcher))
        return phrase_rows(entities, matcher.names_of, tokens.__getitem__, lemmas)

    identity = tokenizer_identity(nlp)
    if lemmas is not None or identity is None:
        rows = build()
    else:
        phrases_module = sys.modules[PackPhrases.__module__]
        rows = cached_rows(
            "phrase-keys",
            [identity, matcher.names_digest],
            entities,
            build,
            _valid_row,
            code=[phrases_module, sys.modules[__name__]],
        )
    return PackPhrases.from_rows(entities, rows, lemmas=lemmas)


def _valid_row(row: Any, _entity: Entity) -> bool:
    return type(row) is list and all(
        type(entry) in (list, tuple)
        and len(entry) == 2
        and entry[0] in KINDS
        and type(entry[1]) is list
        and entry[1]
        and all(type(key) is str for key in entry[1])
        for entry in row
    )
