"""Places a report introduces by what they are: "the village of Vorukh", "the town of X".

Small towns, villages and districts are many and the pack cannot hold them all; the
English model often leaves a name it has never seen untagged. After "the village of",
"the city of", "the district of" (any place head of ``entity_cues.yaml``), the run of
capitalised words is a place the text names, whatever the pack or the model says.
"""

from __future__ import annotations

from spacy.tokens import Doc

from oxus.model import EntityType
from oxus.nlp.entities.candidates import Candidate
from oxus.nlp.entities.cues import EntityCues
from oxus.nlp.extensions import token_strings

MAX_WORDS = 3
"""The most words a place introduced this way is read to have."""
ARTICLES = frozenset({"the", "a", "this", "that"})


def places_after_heads(doc: Doc, chosen: list[Candidate], cues: EntityCues) -> list[Candidate]:
    """The candidates, plus the places named after "the <place head> of"."""
    if doc.lang_ != "en":
        return chosen
    strings = token_strings(doc)
    text, lower = strings.text, strings.lower
    taken = {i for c in chosen for i in range(c.start, c.end)}
    out = list(chosen)
    for i in range(3, len(lower)):
        if lower[i - 1] != "of" or lower[i - 2] not in cues.place_heads:
            continue
        if not text[i - 2].islower() or lower[i - 3] not in ARTICLES:
            continue
        end = i
        while end < len(text) and end - i < MAX_WORDS and text[end][:1].isupper():
            if not text[end].isalpha():
                break
            end += 1
        if end > i and not taken & set(range(i, end)):
            taken.update(range(i, end))
            out.append(Candidate(i, end, EntityType.PLACE, source="ner"))
    return out
