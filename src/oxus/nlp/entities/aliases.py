"""In-text alias capture: names a document itself declares equivalent.

"Muhammad Sharifov (alias “Mahdi Arsalan”)", "the Islamic Movement of Uzbekistan
(IMU)", "Jamaat Ansarullah, also known as the Tajik Taliban", "(IJU or IJG)": the
phrase right after a mention introduces another name for it. The patterns live in
``patterns/entity_cues.yaml`` (``alias_patterns``); this module applies them to the
text following each mention and returns the aliases with their character offsets.
"""

from __future__ import annotations

from dataclasses import dataclass

from oxus.kb.names import fold, initials, is_acronym
from oxus.nlp.entities.cues import EntityCues

QUOTES = "“”\"‘’'«»"
_INITIALS_SKIP = frozenset({"of", "the", "al", "and", "for", "ul", "ut", "e", "wal"})
WINDOW = 160


@dataclass(frozen=True)
class CapturedAlias:
    """Another name for the mention ending at ``after_char``, found at [start, end)."""

    text: str
    start: int
    end: int
    after_char: int


def _plausible_acronym(alias: str, name: str, name_tokens: int) -> bool:
    """ "(AP)" after "Kabul" is a credit, not an acronym of Kabul: a single-word name
    needs a matching initial."""
    if not is_acronym(alias):
        return True
    if name_tokens >= 2:
        return True
    return alias[0] in initials(name, skip=_INITIALS_SKIP)


def _split(text: str, start: int, cues: EntityCues) -> list[tuple[str, int]]:
    """Split "IJU or IJG" into its names, each with its offset from ``start``."""
    out = []
    position = 0
    for piece in [*cues.alias_separator.split(text), None]:
        if piece is None:
            break
        index = text.find(piece, position)
        position = index + len(piece)
        out.append((piece, start + index))
    return out


def _clean(text: str, start: int) -> tuple[str, int] | None:
    stripped = text.strip()
    start += text.find(stripped) if stripped else 0
    while stripped and stripped[0] in QUOTES:
        stripped, start = stripped[1:], start + 1
    while stripped and stripped[-1] in QUOTES + ".,;:":
        stripped = stripped[:-1]
    stripped_lead = stripped.lstrip()
    start += len(stripped) - len(stripped_lead)
    stripped = stripped_lead.rstrip()
    if not stripped or not any(c.isupper() for c in stripped):
        return None
    return stripped, start


def capture_after(
    text: str, name: str, end_char: int, cues: EntityCues, *, name_tokens: int = 1
) -> list[CapturedAlias]:
    """Aliases introduced right after the mention ``name`` ending at ``end_char``."""
    tail = text[end_char : end_char + WINDOW]
    for pattern in cues.alias_patterns:
        match = pattern.match(tail)
        if match is None:
            continue
        raw, offset = match.group("alias"), match.start("alias")
        found = []
        for piece, piece_start in _split(raw, end_char + offset, cues):
            cleaned = _clean(piece, piece_start)
            if cleaned is None:
                continue
            alias, start = cleaned
            if fold(alias) == fold(name) or fold(alias) in cues.stop_names:
                continue
            if not _plausible_acronym(alias, name, name_tokens):
                continue
            found.append(CapturedAlias(alias, start, start + len(alias), end_char))
        if found:
            return found
    return []
