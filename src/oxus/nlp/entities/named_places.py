"""Places a report introduces by what they are: "the village of Vorukh", "the town of X".

Small towns, villages and districts are many and the pack cannot hold them all; the
English model often leaves a name it has never seen untagged. After "the village of",
"the city of", "the district of" (any place head of ``entity_cues.yaml``), the run of
capitalised words is a place the text names, whatever the pack or the model says.
"""

from __future__ import annotations

from spacy.tokens import Doc

from oxus.model import EntityType
from oxus.nlp.entities.candidates import Candidate, is_capitalised
from oxus.nlp.entities.cues import EntityCues

MAX_WORDS = 3
"""The most words a place introduced this way is read to have."""
ARTICLES = frozenset({"the", "a", "this", "that"})


def places_after_heads(doc: Doc, chosen: list[Candidate], cues: EntityCues) -> list[Candidate]:
    """The candidates, plus the places named after "the <place head> of"."""
    if doc.lang_ != "en":
        return chosen
    taken = {i for c in chosen for i in range(c.start, c.end)}
    out = list(chosen)
    for token in doc[2:]:
        of, head = doc[token.i - 1], doc[token.i - 2]
        if of.lower_ != "of" or not head.is_lower or head.lower_ not in cues.place_heads:
            continue
        if token.i < 3 or doc[token.i - 3].lower_ not in ARTICLES:
            continue
        end = token.i
        while end < len(doc) and end - token.i < MAX_WORDS and is_capitalised(doc[end]):
            if not doc[end].is_alpha:
                break
            end += 1
        if end > token.i and not taken & set(range(token.i, end)):
            taken.update(range(token.i, end))
            out.append(Candidate(token.i, end, EntityType.PLACE, source="ner"))
    return out
