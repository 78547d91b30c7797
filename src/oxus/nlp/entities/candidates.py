"""The candidate mention the ``oxus_gazetteer`` passes share, and its spelling tests.

Pack matching, the statistical NER and the later passes each propose candidates; this
module is the common currency, so none of them has to import another to exchange them.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from oxus.model import EntityType

PARTICLES = frozenset(
    {"al", "el", "ad", "ash", "as", "ar", "at", "bin", "ibn", "de"}
    | {"аль", "эль", "ад", "аш", "ас", "ар", "ат", "бен", "бин", "ибн", "де"}
)
"""Lower-case name particles that still belong to a name ("al-Baghdadi", "bin Laden",
"бен Ладен")."""


@dataclass(frozen=True)
class Candidate:
    """A possible mention: token range, type guess, pack id (if matched) and source."""

    start: int
    end: int
    type: EntityType
    kb_id: str = ""
    method: str = ""
    score: float = 0.0
    source: str = "pack"


def is_capitalised(token: Token) -> bool:
    """Whether a token starts with a capital letter, as names in running text do."""
    return token.text[:1].isupper()
