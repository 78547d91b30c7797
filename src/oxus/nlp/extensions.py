"""The attributes oxus components read and write on spaCy objects: the pipeline's contract.

Component order and what each leaves on the ``Doc``:

- ``oxus_gazetteer`` + ``oxus_linker``: ``doc.spans["oxus_mentions"]``, one span per
  entity mention, ``span.label_`` = entity type (``group``, ``person``, ...),
  ``span.kb_id_`` = entity id, ``span._.link_method`` / ``span._.link_score``;
  ``doc._.entities`` = {id: Entity} for every entity referenced (pack or provisional).
- ``oxus_timex``: ``doc.spans["oxus_dates"]``, ``span._.date`` = ISO date at its precision.
- ``oxus_quantities``: ``doc.spans["oxus_quantities"]``, ``span._.quantity`` = Quantity.
- ``oxus_relations`` / ``oxus_events`` / ``oxus_estimates``: ``doc._.relations``,
  ``doc._.events``, ``doc._.estimates`` (model dataclasses, entity ids as ends).
- ``oxus_attribution``: sets ``asserted_by``, ``polarity`` and ``hedged`` on those facts.

The Russian analysis (``oxus_natasha``) also sets ``span._.normal`` on each of
``doc.ents``: the name in the nominative (Москве -> Москва).

Before running the pipeline, callers set ``doc._.doc_id`` and ``doc._.published``
(ISO date or None), which time resolution needs.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.tokens import Doc, Span

MENTIONS = "oxus_mentions"
DATES = "oxus_dates"
QUANTITIES = "oxus_quantities"

_DOC_EXTENSIONS: dict[str, object] = {
    "doc_id": None,
    "published": None,
    "entities": None,
    "relations": None,
    "events": None,
    "estimates": None,
}
_SPAN_EXTENSIONS: dict[str, object] = {
    "link_method": None,
    "link_score": None,
    "date": None,
    "quantity": None,
    "normal": None,
}


def register_extensions() -> None:
    """Register oxus's extension attributes once (safe to call repeatedly).

    List and dict attributes default to None; use the accessors below, which create
    them per Doc, because spaCy shares a mutable default between all Docs.
    """
    for name, default in _DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in _SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


TEXT_KEY = "oxus_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token's text on each access.

    ``oxus.nlp.extract`` stores the source text here before the pipeline runs.
    """
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def span_text(span: Span) -> str:
    """``span.text`` cut from the Doc's text, without building a Token per token."""
    return doc_text(span.doc)[span.start_char : span.end_char]


TOKENS_KEY = "oxus_token_strings"


class TokenStrings(NamedTuple):
    """Every token's text, lowercase form and lowercase lemma, as plain lists."""

    text: list[str]
    lower: list[str]
    lemma: list[str]


def token_strings(doc: Doc) -> TokenStrings:
    """The Doc's token strings, read once per Doc (after the model has lemmatised it).

    Indexing a Doc builds a new Token object every time; the loops that visit every
    token of every sentence (pack names, cue words, local names) read these lists.
    """
    cached = doc.user_data.get(TOKENS_KEY)
    if cached is None:
        strings = doc.vocab.strings
        rows = doc.to_array([ORTH, LOWER, LEMMA]).tolist()
        text = [strings[orth] for orth, _, _ in rows]
        lower = [strings[low] for _, low, _ in rows]
        lemma = [strings[lem].lower() for _, _, lem in rows]
        cached = doc.user_data[TOKENS_KEY] = TokenStrings(text, lower, lemma)
    return cached if isinstance(cached, TokenStrings) else TokenStrings(*cached)


def doc_list(doc: Doc, name: str) -> list:
    """The per-Doc list stored in ``doc._.<name>`` (relations, events, estimates)."""
    value = getattr(doc._, name)
    if value is None:
        value = []
        setattr(doc._, name, value)
    return value


def doc_entities(doc: Doc) -> dict:
    """The per-Doc {entity id: Entity} map in ``doc._.entities``."""
    if doc._.entities is None:
        doc._.entities = {}
    return doc._.entities


register_extensions()
