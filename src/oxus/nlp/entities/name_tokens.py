"""The pack's names split into tokens as the pipeline's tokenizer splits them.

Tokenizing every name and alias of the pack (thousands) is a noticeable part of
starting the pipeline, and the answer only changes with the names or the tokenizer. With
spaCy's own tokenizer, whose rules come with the model package, the tokens are kept
between runs (:mod:`oxus.kb.derived`), keyed by the names, spaCy's version and the
model's name and version. Any other tokenizer (the Russian one is oxus code) tokenizes
the names at every start.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer

from oxus.kb import derived


def tokenizer_identity(nlp: Language) -> str | None:
    """What decides how spaCy's tokenizer splits text, or None for another tokenizer."""
    if type(nlp.tokenizer) is not Tokenizer:
        return None
    meta = nlp.meta
    model = (str(meta.get("name")), str(meta.get("version")))
    return "|".join(("spacy", spacy.__version__, nlp.lang or "", *model))


def name_tokens(nlp: Language, names: Iterable[str]) -> dict[str, list[str]]:
    """{name: its token texts} for every distinct name."""
    distinct = sorted(set(names))

    def tokenize() -> list[list[str]]:
        return [[token.text for token in nlp.make_doc(name)] for name in distinct]

    identity = tokenizer_identity(nlp)
    if identity is None:
        rows = tokenize()
    else:
        key = derived.digest(["name-tokens", identity, *distinct])

        def valid(found: Any) -> bool:
            return (
                isinstance(found, list)
                and len(found) == len(distinct)
                and all(
                    isinstance(row, list) and all(isinstance(t, str) for t in row) for row in found
                )
            )

        rows = derived.cached("names", key, tokenize, valid=valid)
    return dict(zip(distinct, rows, strict=True))
