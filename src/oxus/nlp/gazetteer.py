"""``oxus_gazetteer``: find entity mentions — pack names first, then statistical NER.

Pack names are matched token by token with spaCy's ``PhraseMatcher`` on a shadow Doc
of normalised keys (one key per token: the spelling-variant skeleton of
:mod:`oxus.kb.names`, Cyrillic transliterated and Russian endings stripped), so
"Jamaat Ansorullah", "Джамаата Ансаруллах" and "Jamaat Ansarullah" all hit the same
entry. Short all-caps aliases (``TTT``, ``IMU``) match only in their exact case.
NER spans (PERSON, ORG, GPE, LOC, FAC, NORP) are added where they do not collide with a
pack match; a pack match wins on overlap unless the NER span extends it with more
capitalised words ("Tajikistan's Security Service"). Demonyms and other stop-names are
dropped. The candidates go to ``doc.spans["oxus_mentions"]``: pack hits carry their
``kb_id_``; the rest are resolved by ``oxus_linker``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from oxus.kb.matcher import NameMatcher, acronym_key, matcher_for
from oxus.kb.names import fold, has_cyrillic, is_acronym, skeleton_word
from oxus.model import Entity, EntityType
from oxus.nlp.boilerplate import Boilerplate
from oxus.nlp.entity_cues import EntityCues, entity_cues
from oxus.nlp.entity_types import NER_TYPES, context_type
from oxus.nlp.extensions import MENTIONS, doc_text, register_extensions

SKIPPED = frozenset("-‐‑–'’‘`ʼʻ")
"""Tokens left out of the key Doc, so "Hizb-ut-Tahrir" and "Hizb ut-Tahrir" meet."""
PARTICLES = frozenset({"al", "el", "ad", "ash", "as", "ar", "at", "bin", "ibn", "de"})
LEADING = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her"})
TRAILING = frozenset({"'s", "’s", "'", "’", "s"})
POSSESSIVE = frozenset({"'s", "’s", "`s"})
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.I)
_MIXED = re.compile(r"[A-Za-z].*\d|\d.*[A-Za-z]")


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


@lru_cache(maxsize=200_000)
def _key(text: str) -> str:
    return skeleton_word(fold(text).replace(" ", "")) or text


def _kept(doc: Doc) -> list[int]:
    return [t.i for t in doc if t.text not in SKIPPED]


def _is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


class PackPhrases:
    """The pack's names as two ``PhraseMatcher``s over key Docs, built once per pipeline."""

    def __init__(self, vocab: Vocab, matcher: NameMatcher, make_doc) -> None:
        self.vocab = vocab
        self.loose = PhraseMatcher(vocab, attr="ORTH")
        self.acronyms = PhraseMatcher(vocab, attr="ORTH")
        for entity in matcher.entities.values():
            loose, exact = [], []
            for name in matcher.names_of(entity):
                tokens = make_doc(name[4:] if name.lower().startswith("the ") else name)
                kept = [tokens[i].text for i in _kept(tokens)]
                if not kept:
                    continue
                if is_acronym(name):
                    exact.append(Doc(vocab, words=[acronym_key(w) or w for w in kept]))
                else:
                    loose.append(Doc(vocab, words=[_key(w) for w in kept]))
            if loose:
                self.loose.add(entity.id, loose)
            if exact:
                self.acronyms.add(entity.id, exact)

    def matches(self, doc: Doc) -> list[tuple[str, int, int, bool]]:
        """(entity id, start, end, is_acronym) in ``doc`` token offsets."""
        kept = _kept(doc)
        if not kept:
            return []
        words = [doc[i].text for i in kept]
        out: list[tuple[str, int, int, bool]] = []
        for phrase, keys, acronym in (
            (self.loose, [_key(w) for w in words], False),
            (self.acronyms, [acronym_key(w) or w for w in words], True),
        ):
            shadow = Doc(self.vocab, words=keys)
            for match_id, start, end in phrase(shadow):
                out.append((self.vocab.strings[match_id], kept[start], kept[end - 1] + 1, acronym))
        return out


class Gazetteer:
    """The spaCy component: candidates from the pack and from the statistical NER."""

    def __init__(self, nlp: Language, *, pack_dir: str | None, use_ner: bool) -> None:
        register_extensions()
        self.matcher = matcher_for(pack_dir)
        self.phrases = PackPhrases(nlp.vocab, self.matcher, nlp.make_doc)
        self.use_ner = use_ner
        self.cues: EntityCues = entity_cues()

    def __call__(self, doc: Doc) -> Doc:
        chosen = self._pack_candidates(doc)
        if self.use_ner:
            chosen = self._merge_ner(doc, chosen)
        if has_cyrillic(doc_text(doc)):
            chosen.extend(self._cyrillic_candidates(doc, chosen))
        chosen = _with_cited_sources(doc, chosen)
        chosen = self._group_provinces(doc, chosen)
        skipped = Boilerplate(doc_text(doc), self.cues)
        spans = []
        for cand in sorted(chosen, key=lambda c: c.start):
            if skipped and doc[cand.start].idx in skipped:
                continue
            span = Span(doc, cand.start, cand.end, label=cand.type.value, kb_id=cand.kb_id)
            span._.link_method = cand.method or None
            span._.link_score = cand.score if cand.kb_id else None
            spans.append(span)
        doc.spans[MENTIONS] = spans
        return doc

    def _pack_candidates(self, doc: Doc) -> list[Candidate]:
        found = []
        agreed: set[tuple[int, int, str]] = set()
        for id_, start, end, acronym in self.phrases.matches(doc):
            span = doc[start:end]
            if not acronym and not self._plausible(span):
                continue
            entity = self.matcher.entities[id_]
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

    def _by_country(
        self, doc: Doc, found: list[Candidate], agreed: set[tuple[int, int, str]]
    ) -> list[Candidate]:
        """When one name belongs to several pack entities ("GKNB": Tajik or Kyrgyz), keep
        the one written exactly so, then the one of the country the document names most
        (through its states and places)."""
        states: dict[str, int] = {}
        for cand in found:
            entity = self.matcher.entities[cand.kb_id]
            if entity.type in (EntityType.STATE, EntityType.PLACE) and entity.country:
                states[entity.country] = states.get(entity.country, 0) + 1
        best: dict[tuple[int, int], Candidate] = {}
        ranks: dict[tuple[int, int], tuple[bool, int, bool]] = {}
        for cand in found:
            key = (cand.start, cand.end)
            rank = (
                self._written_as_named(doc[cand.start : cand.end].text, cand.kb_id),
                self._weight(cand, states),
                (cand.start, cand.end, cand.kb_id) in agreed,
            )
            if key not in best or rank > ranks[key]:
                best[key], ranks[key] = cand, rank
        return [c for c in found if best[(c.start, c.end)] is c]

    def _written_as_named(self, surface: str, id_: str) -> bool:
        folded = fold(surface[4:] if surface.lower().startswith("the ") else surface)
        return any(fold(n) == folded for n in self.matcher.names_of(self.matcher.entities[id_]))

    def _weight(self, cand: Candidate, states: dict[str, int]) -> int:
        country = self.matcher.entities[cand.kb_id].country
        return states.get(country, 0) if country else 0

    def _group_provinces(self, doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
        """A group that names its branches as provinces, followed by "<Name> Province",
        names one of them ("ISIS Georgia Province"): a group itself, not a place."""
        by_start = {c.start: c for c in chosen}
        out = list(chosen)
        for group in chosen:
            place = by_start.get(group.end)
            if group.kb_id not in self.cues.province_groups or place is None or place.kb_id:
                continue
            if doc[place.end - 1].lower_ not in self.cues.province_words:
                continue
            out = [c for c in out if c is not group and c is not place]
            out.append(Candidate(group.start, place.end, EntityType.GROUP, source="ner"))
        return out

    def _plausible(self, span: Span) -> bool:
        """Pack names in running text are capitalised, or start with a unit's number
        ("the 201st military base"); lone words must not be stop-names."""
        numbered = len(span) > 1 and span[0].text[:1].isdigit()
        if not numbered and not any(_is_capitalised(t) for t in span):
            return False
        if len(span) == 1 and not _is_capitalised(span[0]):
            return False
        first = span[0]
        if len(span) > 1 and first.is_lower and first.is_alpha and first.lower_ not in PARTICLES:
            return False  # "northern Afghanistan" is Afghanistan, not the named region
        return fold(span.text) not in self.cues.stop_names

    def _merge_ner(self, doc: Doc, pack: list[Candidate]) -> list[Candidate]:
        owner = [-1] * len(doc)
        for index, cand in enumerate(pack):
            for i in range(cand.start, cand.end):
                owner[i] = index
        dropped: set[int] = set()
        extra: list[Candidate] = []
        lower = {t.text for t in doc if t.is_lower}
        for ent in _split_person_lists(doc.ents):
            guess = NER_TYPES.get(ent.label_)
            span = self._trim(ent, person=ent.label_ == "PERSON")
            if guess is None or span is None:
                continue
            inside = {owner[i] for i in range(span.start, span.end)}
            if inside == {-1}:
                if ent.label_ != "NORP" and not _heading_words(span, lower):
                    extra.append(self._ner_candidate(span, guess))
                continue
            hits = [pack[i] for i in inside if i >= 0]
            owned = self._owned_by_state(span, hits)
            if owned is not None:
                extra.append(self._ner_candidate(owned, guess))
                continue
            if (
                all(span.start <= c.start and c.end <= span.end for c in hits)
                and any((c.start, c.end) != (span.start, span.end) for c in hits)
                and self._extends(span, hits)
                and ent.label_ != "NORP"
            ):
                dropped.update(i for i in inside if i >= 0)
                extra.append(self._ner_candidate(span, guess))
        kept = [c for i, c in enumerate(pack) if i not in dropped]
        return kept + extra

    def _owned_by_state(self, span: Span, hits: list[Candidate]) -> Span | None:
        """In "Uzbekistan's Harakat Online" the state owns a separate name: the part after
        the possessive, unless that is a state body ("Tajikistan's Security Service" is
        how the service is named)."""
        if len(hits) != 1 or hits[0].type is not EntityType.STATE or hits[0].start != span.start:
            return None
        doc = span.doc
        rest = hits[0].end + 1
        if rest >= span.end or doc[hits[0].end].text not in POSSESSIVE:
            return None
        owned = doc[rest : span.end]
        words = {t.lower_ for t in owned}
        state_body = bool(words & self.cues.organization_cues) and not words & self.cues.media_words
        return None if state_body else owned

    def _ner_candidate(self, span: Span, guess: EntityType) -> Candidate:
        if guess is EntityType.ORGANIZATION or guess is EntityType.PERSON:
            guess = context_type(span, guess, self.cues)
        return Candidate(span.start, span.end, guess, source="ner")

    def _extends(self, span: Span, hits: list[Candidate]) -> bool:
        """A longer NER name wins when its extra words are capitalised name words."""
        covered = {i for c in hits for i in range(c.start, c.end)}
        extra = [t for t in span if t.i not in covered]
        if any(t.text in {",", "and", "&", "/"} or t.text == "-" for t in extra):
            return False
        words = [t for t in extra if t.is_alpha]
        if any(self.cues.surname.search(t.text) for t in words):
            return False  # "the Treasury Department Ismailov ...": a person follows
        return bool(words) and all(_is_capitalised(t) or t.lower_ in {"of", "for"} for t in words)

    def _trim(self, ent: Span, *, person: bool) -> Span | None:
        """Drop leading articles, lower-case words and (before a person's name)
        demonyms ("Tajik Mahdi Arsalon"), and trailing possessives and punctuation."""
        start, end = ent.start, ent.end
        doc = ent.doc
        while start < end and (
            doc[start].lower_ in LEADING
            or doc[start].is_punct
            or (not _is_capitalised(doc[start]) and doc[start].lower_ not in PARTICLES)
            or (person and end - start > 1 and self._leading_non_name(doc[start]))
        ):
            start += 1
        while end > start and (
            doc[end - 1].text in TRAILING
            or doc[end - 1].is_punct
            or (doc[end - 1].is_lower and doc[end - 1].lower_ not in PARTICLES)
            or (not person and fold(doc[end - 1].text) in self.cues.platforms)
        ):
            end -= 1  # "Republic government", "WarJournal Telegram": not part of the name
        if start >= end:
            return None
        if start > 0 and ORDINAL.fullmatch(doc[start - 1].text) and not person:
            start -= 1  # "the 2nd Western District Military Court", "201st Military Base"
        span = doc[start:end]
        if not any(_is_capitalised(t) for t in span) or not self._clean(span, person=person):
            return None
        if fold(span.text) in self.cues.stop_names or not any(c.isalpha() for c in span.text):
            return None
        if not person and self._portfolio(span):
            return None
        if _code_name(span):
            return None
        return span

    def _leading_non_name(self, token: Token) -> bool:
        """A demonym or stop-name before a person's name ("Tajik Mahdi Arsalon"), unless it
        is also a given name ("Mujahid Idris")."""
        word = fold(token.text)
        return word in self.cues.stop_names and token.lower_ not in self.cues.given_names

    def _clean(self, span: Span, *, person: bool) -> bool:
        """No URL, bracket, line break ("Responses\\n\\nBroadly": a heading and the next
        paragraph), letter-digit code ("Mi-24", "HTS.678": a footnote marker) or run of
        demonyms only ("Afghan Tajiks")."""
        for token in span:
            if token.like_url or token.text in "()[]" or "\n" in token.text:
                return False
            if _MIXED.search(token.text) and not ORDINAL.fullmatch(token.text):
                return False
        words = [fold(t.text) for t in span if t.is_alpha]
        if not person and len(words) > 1 and words[-1] in self.cues.adjectives:
            return False
        return not (len(words) > 1 and all(w in self.cues.stop_names for w in words))

    def _portfolio(self, span: Span) -> bool:
        """A one-word portfolio inside a job title is not an organisation: "Defense" in
        "Defense Minister", "Terrorism" in "Under Secretary for Terrorism"."""
        if len(span) != 1 or span[0].is_upper:
            return False
        doc = span.doc
        after = doc[span.end].lower_ if span.end < len(doc) else ""
        if after in self.cues.portfolio_titles:
            return True
        if span.start == 0 or doc[span.start - 1].lower_ not in {"of", "for"}:
            return False
        for token in reversed(doc[max(0, span.start - 6) : span.start - 1]):
            if token.lower_ in self.cues.portfolio_titles:
                return True  # "Under Secretary of the Treasury for Terrorism"
            if not (_is_capitalised(token) or token.lower_ in {"of", "for", "the"}):
                return False
        return False

    def _cyrillic_candidates(self, doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
        """Runs of capitalised Cyrillic words (the English model has no Russian NER),
        kept only when they resolve to a pack entity."""
        taken = {i for c in chosen for i in range(c.start, c.end)}
        out: list[Candidate] = []
        i = 0
        while i < len(doc):
            token = doc[i]
            if i in taken or not (_is_capitalised(token) and has_cyrillic(token.text)):
                i += 1
                continue
            j = i
            while j < len(doc) and j not in taken and _is_capitalised(doc[j]):
                j += 1
            link = self.matcher.resolve(doc[i:j].text)
            if link.entity_id and not link.is_new:
                entity = self.matcher.entities[link.entity_id]
                out.append(Candidate(i, j, entity.type, entity.id, link.method, link.score))
            i = j
        return out


def is_nisba(surface: str, entity: Entity) -> bool:
    """ "Bukhari", "Baghdadi" (a name taken from a place) only look like the place once
    the final vowel is dropped: an "-i" form that no name of the place has."""
    if entity.type not in (EntityType.PLACE, EntityType.STATE):
        return False
    last = fold(surface.split()[-1]) if surface.split() else ""
    if not (last.isascii() and last.endswith("i") and len(last) > 3):
        return False
    return not any(fold(name).endswith(last) for name in [entity.name, *entity.aliases])


MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
CITATION = re.compile(
    r"\((?P<name>(?:The )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4}),\s+"
    rf"(?:(?:{MONTHS})\.?\s+\d{{1,2}}|\d{{4}})"
)
"""An in-text source citation: "(The Hindu, June 19)", "(Jihadology, June 22, 2020)"."""


def _with_cited_sources(doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
    """The name in a source citation is an outlet (an organisation): it replaces the
    statistical guess there, unless the pack knows the name."""
    out = list(chosen)
    for match in CITATION.finditer(doc_text(doc)):
        span = doc.char_span(match.start("name"), match.end("name"))
        if span is None:
            continue
        overlapping = [c for c in out if c.start < span.end and span.start < c.end]
        if any(c.source != "ner" for c in overlapping):
            continue
        out = [c for c in out if c not in overlapping]
        out.append(Candidate(span.start, span.end, EntityType.ORGANIZATION, source="ner"))
    return out


def _split_person_lists(ents: Sequence[Span]) -> list[Span]:
    """A PERSON span with commas is a list of people ("Karim N., Saeed S."): one span each."""
    out: list[Span] = []
    for ent in ents:
        if ent.label_ != "PERSON" or not any(t.text == "," for t in ent):
            out.append(ent)
            continue
        start = ent.start
        for token in [*ent, None]:
            if token is None or token.text == ",":
                end = token.i if token is not None else ent.end
                if end > start:
                    out.append(Span(ent.doc, start, end, label=ent.label_))
                start = end + 1
    return out


CODE_NAMED = re.compile(r"\b(?:code-?\s?named|[Oo]peration)[\s\"'“‘«]*$")


def _code_name(span: Span) -> bool:
    """An operation's code name ("code-named «Sabo»", "operation Sabo") is no entity."""
    text = doc_text(span.doc)
    return bool(CODE_NAMED.search(text[max(0, span.start_char - 20) : span.start_char]))


HEADING_WORDS = 8


def _heading_words(span: Span, lower: set[str]) -> bool:
    """A section heading in title case ("Militant Groups in Afghanistan", "Diaspora
    Radicalisation"): its words are ones the text otherwise writes in lower case."""
    text = doc_text(span.doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    if not line or len(line.split()) > HEADING_WORDS or line[-1] in '.!?:;,"”’':
        return False
    return all(t.lower_ in lower for t in span if t.is_alpha)


def _longest_first(
    cands: list[Candidate], *, preferred: set[tuple[int, int, str]]
) -> list[Candidate]:
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


@Language.factory(
    "oxus_gazetteer",
    assigns=["doc.spans"],
    requires=["doc.ents"],
    default_config={"pack_dir": None, "use_ner": True},
)
def make_gazetteer(nlp: Language, name: str, *, pack_dir: str | None, use_ner: bool) -> Gazetteer:
    return Gazetteer(nlp, pack_dir=pack_dir, use_ner=use_ner)
