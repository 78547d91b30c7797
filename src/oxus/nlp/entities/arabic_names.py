"""Armed groups' Arabic names, which the English NER cuts short or misses.

Jihadist groups name themselves in Arabic: a head word ("Jaish", "Katibat", "Jamaat",
"Liwa") and a chain of "al-", "wal-", "ul-" words ("Jaish al-Muhajireen wal-Ansar",
"Katibat al-Ghuraba wal-Muhajirin"). The English model tags such a name as a person,
stops it before "wal-", or finds nothing at all. A candidate the pack did not claim is
carried on over the chain; a head word the NER missed, followed by at least one link of
the chain, starts a group candidate of its own. After a group's head word, a place the
pack knows inside the chain ("Jund al-Sham") is part of the group's name.
"""

from __future__ import annotations

from spacy.tokens import Doc

from oxus.model import EntityType
from oxus.nlp.entities.candidates import Candidate, is_capitalised
from oxus.nlp.entities.cues import EntityCues
from oxus.nlp.extensions import token_strings

LINKS = frozenset({"al", "wal", "wa", "ul", "el", "ash", "as", "ad", "ar", "at", "an", "az"})
"""Arabic article and conjunction prefixes joined to the next word by a hyphen."""
ABSORBED = frozenset({EntityType.PLACE, EntityType.STATE})
"""Pack hits a group's name may contain ("Jund al-Sham")."""


def _chain_end(doc: Doc, end: int) -> int:
    """The end of the "al-X wal-Y" chain starting at ``end`` (``end`` itself if none)."""
    while (
        end + 2 < len(doc)
        and doc[end].lower_ in LINKS
        and doc[end + 1].text == "-"
        and is_capitalised(doc[end + 2])
        and doc[end].whitespace_ == ""
        and doc[end + 1].whitespace_ == ""
    ):
        end += 3
    return end


def arabic_group_names(doc: Doc, chosen: list[Candidate], cues: EntityCues) -> list[Candidate]:
    """The candidates with NER names carried over their Arabic chain, and group names
    the NER missed."""
    if doc.lang_ != "en":
        return chosen
    owner: dict[int, Candidate] = {i: c for c in chosen for i in range(c.start, c.end)}
    out = list(chosen)

    def claim(start: int, end: int, type_: EntityType, group: bool) -> None:
        """Replace what [start, end) holds by one candidate, if nothing else is in the way."""
        inside = {id(owner[i]): owner[i] for i in range(start, end) if i in owner}
        head = owner.get(start)
        for cand in inside.values():
            if cand is head and not cand.kb_id:
                continue
            if not (group and cand.type in ABSORBED and start < cand.start and cand.end <= end):
                return
        new = Candidate(start, end, type_, source="ner")
        for cand in inside.values():
            out.remove(cand)
        out.append(new)
        for i in range(start, end):
            owner[i] = new

    for cand in chosen:
        if cand.kb_id or cand not in out:
            continue
        end = _chain_end(doc, cand.end)
        if end > cand.end:
            group = doc[cand.start].lower_ in cues.group_name_words
            claim(cand.start, end, EntityType.GROUP if group else cand.type, group)
    strings = token_strings(doc)
    for i, word in enumerate(strings.lower):
        if word not in cues.group_name_words or i in owner or not strings.text[i][:1].isupper():
            continue
        if i + 1 < len(doc) and strings.lower[i + 1] not in LINKS:
            continue
        end = _chain_end(doc, i + 1)
        if end > i + 1:
            claim(i, end, EntityType.GROUP, True)
    return out
