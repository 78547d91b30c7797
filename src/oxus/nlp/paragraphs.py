"""Line breaks end sentences, so a headline, caption or byline never runs into the text.

The statistical parser places sentence boundaries from syntax alone and joins a title
without a full stop to the line under it. Reports put one paragraph, headline, dateline
or caption per line, so marking the first token after a blank line, or after a line
break when the next line does not carry on in lower case (a hard-wrapped sentence),
as a sentence start before the parser runs keeps each evidence sentence to what was
written as one, and keeps facts from pairing a name in a headline with one in the body.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from oxus.nlp.extensions import doc_text


@Language.component("oxus_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first token after a blank line, and after a line break
    unless the next line carries on in lower case."""
    text = doc_text(doc)
    if "\n" not in text:
        return doc
    starts = doc.to_array([IDX]).tolist()
    last = len(starts) - 1
    position = text.find("\n")
    while position >= 0:
        end = position
        while end < len(text) and text[end].isspace():
            end += 1
        following = bisect_left(starts, end)
        if following <= last and starts[following] == end and following > 0:
            breaks = text.count("\n", position, end)
            if breaks >= 2 or not text[end : end + 1].islower():
                doc[following].is_sent_start = True
        position = text.find("\n", end)
    return doc
