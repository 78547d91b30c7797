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

from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from oxus.kb.matcher import NameMatcher, acronym_key, matcher_for
from oxus.kb.names import fold, has_cyrillic, is_acronym, skeleton_word
from oxus.model import EntityType
from oxus.nlp.boilerplate import Boilerplate
from oxus.nlp.entity_cues import EntityCues, entity_cues
from oxus.nlp.entity_types import NER_TYPES, context_type
from oxus.nlp.extensions import MENTIONS, doc_text, register_extensions

SKIPPED = frozenset("-‐‑–'’‘`ʼʻ")
"""Tokens left out of the key Doc, so "Hizb-ut-Tahrir" and "Hizb ut-Tahrir" meet."""
PARTICLES = frozenset({"al", "el", "ad", "ash", "as", "ar", "at", "bin", "ibn", "de"})
LEADING = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her"})
TRAILING = frozenset({"'s", "’s", "'", "’", "s"})


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
            link = self.matcher.resolve(span.text)
            method, score = (link.method, link.score) if link.entity_id == id_ else ("", 0.0)
            if method:
                agreed.add((start, end, id_))
            else:
                method = "transliteration" if has_cyrillic(span.text) else "normalised"
                score = 0.9
            entity = self.matcher.entities[id_]
            found.append(Candidate(start, end, entity.type, id_, method, score))
        return _longest_first(found, preferred=agreed)

    def _plausible(self, span: Span) -> bool:
        """Pack names in running text are capitalised; lone words must not be stop-names."""
        if not any(_is_capitalised(t) for t in span):
            return False
        if len(span) == 1 and not _is_capitalised(span[0]):
            return False
        return fold(span.text) not in self.cues.stop_names

    def _merge_ner(self, doc: Doc, pack: list[Candidate]) -> list[Candidate]:
        owner = [-1] * len(doc)
        for index, cand in enumerate(pack):
            for i in range(cand.start, cand.end):
                owner[i] = index
        dropped: set[int] = set()
        extra: list[Candidate] = []
        for ent in doc.ents:
            guess = NER_TYPES.get(ent.label_)
            span = self._trim(ent, person=ent.label_ == "PERSON")
            if guess is None or span is None:
                continue
            inside = {owner[i] for i in range(span.start, span.end)}
            if inside == {-1}:
                if ent.label_ != "NORP":
                    extra.append(self._ner_candidate(span, guess))
                continue
            hits = [pack[i] for i in inside if i >= 0]
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
            or (person and end - start > 1 and fold(doc[start].text) in self.cues.stop_names)
        ):
            start += 1
        while end > start and (doc[end - 1].text in TRAILING or doc[end - 1].is_punct):
            end -= 1
        if start >= end:
            return None
        span = doc[start:end]
        if not any(_is_capitalised(t) for t in span):
            return None
        if any(t.like_url or t.text in "()[]" for t in span):
            return None
        if fold(span.text) in self.cues.stop_names or not any(c.isalpha() for c in span.text):
            return None
        return span

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
