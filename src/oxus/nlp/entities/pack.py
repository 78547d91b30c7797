"""Pack candidates of ``oxus_gazetteer``: which pack-name hits are mentions, and of what.

A phrase hit (:mod:`oxus.nlp.entities.phrases`) is only a mention when it reads like a name
in running text: capitalised, not a stop-name, not a nisba ("Bukhari" is a person's
name, not Bukhara). When one name belongs to several pack entities ("GKNB": Tajik or
Kyrgyz), the one written exactly so wins, then the one the text named last by a name of
its own, then the one of the country the document names most. Overlapping hits keep the
longest.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from oxus.kb.matcher import NameMatcher
from oxus.kb.names import fold, has_cyrillic
from oxus.model import Entity, EntityType
from oxus.nlp.entities.candidates import PARTICLES, Candidate, is_capitalised
from oxus.nlp.entities.cues import EntityCues
from oxus.nlp.entities.phrases import PackPhrases

Agreed = set[tuple[int, int, str]]
"""(start, end, entity id) of hits the name matcher resolves to the same entity."""


class PackCandidates:
    """Turns the pack's phrase hits in a Doc into non-overlapping candidates."""

    def __init__(self, matcher: NameMatcher, phrases: PackPhrases, cues: EntityCues) -> None:
        self.matcher = matcher
        self.phrases = phrases
        self.cues = cues
        self._folded_names: dict[str, frozenset[str]] = {}

    def find(self, doc: Doc) -> list[Candidate]:
        """The plausible pack hits of ``doc``, one entity per span, longest first."""
        found = []
        agreed: Agreed = set()
        for id_, start, end, acronym in self.phrases.matches(doc):
            span = doc[start:end]
            entity = self.matcher.entities[id_]
            if not acronym and not self._plausible(span, entity.type):
                continue
            if not acronym and is_nisba(span.text, entity):
                continue
            link = self.matcher.resolve(span.text)
            method, score = (link.method, link.score) if link.entity_id == id_ else ("", 0.0)
            if method:
                agreed.add((start, end, id_))
            else:
                method = "transliteration" if has_cyrillic(span.text) else "normalised"
                score = 0.9
            found.append(Candidate(start, end, entity.type, id_, method, score))
        return _longest_first(self._by_country(doc, found, agreed), preferred=agreed)

    def _by_country(self, doc: Doc, found: list[Candidate], agreed: Agreed) -> list[Candidate]:
        """When one name belongs to several pack entities ("GKNB": Tajik or Kyrgyz), keep
        the one written exactly so, then the one named last before it by a name of its own
        ("the Turkmen Foreign Ministry ... The Foreign Ministry"), then the one of the
        country the document names most (through its states and places)."""
        states: dict[str, int] = {}
        for cand in found:
            entity = self.matcher.entities[cand.kb_id]
            if entity.type in (EntityType.STATE, EntityType.PLACE) and entity.country:
                states[entity.country] = states.get(entity.country, 0) + 1
        spans = Counter((cand.start, cand.end) for cand in found)
        named_at: dict[str, list[int]] = {}
        for cand in found:
            if spans[(cand.start, cand.end)] == 1:
                named_at.setdefault(cand.kb_id, []).append(cand.end)
        best: dict[tuple[int, int], Candidate] = {}
        ranks: dict[tuple[int, int], tuple[bool, int, int, bool]] = {}
        for cand in found:
            key = (cand.start, cand.end)
            if spans[key] == 1:  # uncontested: nothing to rank
                best[key] = cand
                continue
            before = [end for end in named_at.get(cand.kb_id, []) if end <= cand.start]
            rank = (
                self._written_as_named(doc[cand.start : cand.end].text, cand.kb_id),
                max(before, default=-1),
                self._weight(cand, states),
                (cand.start, cand.end, cand.kb_id) in agreed,
            )
            if key not in best or rank > ranks[key]:
                best[key], ranks[key] = cand, rank
        return [c for c in found if best[(c.start, c.end)] is c]

    def _written_as_named(self, surface: str, id_: str) -> bool:
        """Whether the surface is one of the entity's names (a leading "the" aside)."""
        folded = fold(surface[4:] if surface.lower().startswith("the ") else surface)
        names = self._folded_names.get(id_)
        if names is None:
            entity = self.matcher.entities[id_]
            names = self._folded_names[id_] = frozenset(map(fold, self.matcher.names_of(entity)))
        return folded in names

    def _weight(self, cand: Candidate, states: dict[str, int]) -> int:
        """How often the document names the candidate's country."""
        country = self.matcher.entities[cand.kb_id].country
        return states.get(country, 0) if country else 0

    def _plausible(self, span: Span, type_: EntityType) -> bool:
        """Pack names in running text are capitalised, or start with a unit's number
        ("the 201st military base"); lone words must not be stop-names. A place's name
        does not start with a lower-case word ("northern Afghanistan" is Afghanistan); an
        organisation's may, when the text describes it ("the state security service of
        Kyrgyzstan")."""
        numbered = len(span) > 1 and span[0].text[:1].isdigit()
        if not numbered and not any(is_capitalised(t) for t in span):
            return False
        if len(span) == 1 and not is_capitalised(span[0]):
            return False
        first = span[0]
        lower_first = first.is_lower and first.is_alpha and first.lower_ not in PARTICLES
        if len(span) > 1 and lower_first and type_ is not EntityType.ORGANIZATION:
            return False  # "northern Afghanistan" is Afghanistan, not the named region
        return fold(span.text) not in self.cues.stop_names


def is_nisba(surface: str, entity: Entity) -> bool:
    """ "Bukhari", "Baghdadi" (a name taken from a place) only look like the place once
    the final vowel is dropped: an "-i" form that no name of the place has."""
    if entity.type not in (EntityType.PLACE, EntityType.STATE):
        return False
    last = fold(surface.split()[-1]) if surface.split() else ""
    if not (last.isascii() and last.endswith("i") and len(last) > 3):
        return False
    return not any(fold(name).endswith(last) for name in [entity.name, *entity.aliases])


def _longest_first(cands: list[Candidate], *, preferred: Agreed) -> list[Candidate]:
    """Non-overlapping candidates, longest (then earliest, then best-resolved) first."""
    taken: set[int] = set()
    kept = []
    order = sorted(
        cands,
        key=lambda c: (-(c.end - c.start), c.start, (c.start, c.end, c.kb_id) not in preferred),
    )
    for cand in order:
        if any(i in taken for i in range(cand.start, cand.end)):
            continue
        taken.update(range(cand.start, cand.end))
        kept.append(cand)
    return kept
