"""Paragraph breaks end sentences, so a headline or byline never runs into the text below.

The statistical parser places sentence boundaries from syntax alone and joins a title
without a full stop to the paragraph under it. Marking the first token after a blank
line as a sentence start before the parser runs keeps each evidence sentence to what
was written as one, and keeps facts from pairing a name in a headline with one in the
body.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("oxus_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first token after each blank line."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc
