"""Line breaks end sentences, so a headline, caption or byline never runs into the text.

The statistical parser places sentence boundaries from syntax alone and joins a title
without a full stop to the line under it. Reports put one paragraph, headline, dateline
or caption per line, so marking the first token after a blank line, or after a line
break when the next line does not carry on in lower case (a hard-wrapped sentence),
as a sentence start before the parser runs keeps each evidence sentence to what was
written as one, and keeps facts from pairing a name in a headline with one in the body.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("oxus_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first token after a blank line, and after a line break
    unless the next line carries on in lower case."""
    for token in doc[:-1]:
        breaks = token.text.count("\n") + token.whitespace_.count("\n")
        if not breaks:
            continue
        following = doc[token.i + 1]
        if breaks >= 2 or not following.text[:1].islower():
            following.is_sent_start = True
    return doc
