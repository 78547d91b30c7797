"""``oxus_gazetteer``: find entity mentions — pack names first, then statistical NER.

Pack names are matched token by token in a trie of normalised keys (one key per token:
the spelling-variant skeleton of :mod:`oxus.kb.names`, Cyrillic transliterated and
Russian endings stripped), so
"Jamaat Ansorullah", "Джамаата Ансаруллах" and "Jamaat Ansarullah" all hit the same
entry. Short all-caps aliases (``TTT``, ``IMU``) match only in their exact case.
NER spans (PERSON, ORG, GPE, LOC, FAC, NORP) are added where they do not collide with a
pack match; a pack match wins on overlap unless the NER span extends it with more
capitalised words ("Tajikistan's Security Service"). Demonyms and other stop-names are
dropped. The candidates go to ``doc.spans["oxus_mentions"]``: pack hits carry their
``kb_id_``; the rest are resolved by ``oxus_linker``.

This module is the component; the steps live beside it: phrase matching in
:mod:`~oxus.nlp.entities.phrases`, pack candidates in :mod:`~oxus.nlp.entities.pack`, NER
candidates in :mod:`~oxus.nlp.entities.ner` (trimmed by :mod:`~oxus.nlp.entities.spans`)
and the Cyrillic, citation and province passes in :mod:`~oxus.nlp.entities.passes`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from oxus.kb.matcher import matcher_for
from oxus.kb.names import has_cyrillic
from oxus.nlp.entities.arabic_names import arabic_group_names
from oxus.nlp.entities.boilerplate import boilerplate_of
from oxus.nlp.entities.candidates import Candidate
from oxus.nlp.entities.cues import EntityCues, entity_cues
from oxus.nlp.entities.name_tokens import name_tokens
from oxus.nlp.entities.named_places import places_after_heads
from oxus.nlp.entities.ner import NerMerger
from oxus.nlp.entities.pack import PackCandidates, is_nisba
from oxus.nlp.entities.passes import (
    cyrillic_candidates,
    group_provinces,
    press_services,
    with_cited_sources,
)
from oxus.nlp.entities.phrases import PackPhrases, bare_names, lemmatizer_for
from oxus.nlp.extensions import MENTIONS, doc_text, register_extensions

__all__ = ["Gazetteer", "is_nisba", "make_gazetteer"]


class Gazetteer:
    """The spaCy component: candidates from the pack and from the statistical NER."""

    def __init__(self, nlp: Language, *, pack_dir: str | None, use_ner: bool) -> None:
        register_extensions()
        self.matcher = matcher_for(pack_dir)
        tokens = name_tokens(nlp, bare_names(self.matcher))
        self.phrases = PackPhrases(
            self.matcher, tokens.__getitem__, lemmas=lemmatizer_for(nlp.lang or "en")
        )
        self.use_ner = use_ner
        self.cues: EntityCues = entity_cues(nlp.lang or "en")
        self.pack = PackCandidates(self.matcher, self.phrases, self.cues)
        self.ner = NerMerger(self.cues)

    def __call__(self, doc: Doc) -> Doc:
        chosen = self.pack.find(doc)
        if self.use_ner:
            chosen = self.ner.merge(doc, chosen)
        if has_cyrillic(doc_text(doc)):
            chosen.extend(cyrillic_candidates(doc, chosen, self.matcher))
        chosen = arabic_group_names(doc, chosen, self.cues)
        chosen = places_after_heads(doc, chosen, self.cues)
        chosen = with_cited_sources(doc, chosen)
        chosen = group_provinces(doc, chosen, self.cues)
        chosen = press_services(doc, chosen)
        doc.spans[MENTIONS] = self._spans(doc, chosen)
        return doc

    def _spans(self, doc: Doc, chosen: list[Candidate]) -> list[Span]:
        """The candidates as mention spans in text order, boilerplate left out."""
        skipped = boilerplate_of(doc_text(doc), self.cues)
        spans = []
        for cand in sorted(chosen, key=lambda c: c.start):
            if skipped and doc[cand.start].idx in skipped:
                continue
            span = Span(doc, cand.start, cand.end, label=cand.type.value, kb_id=cand.kb_id)
            span._.link_method = cand.method or None
            span._.link_score = cand.score if cand.kb_id else None
            spans.append(span)
        return spans


@Language.factory(
    "oxus_gazetteer",
    assigns=["doc.spans"],
    requires=["doc.ents"],
    default_config={"pack_dir": None, "use_ner": True},
)
def make_gazetteer(nlp: Language, name: str, *, pack_dir: str | None, use_ner: bool) -> Gazetteer:
    return Gazetteer(nlp, pack_dir=pack_dir, use_ner=use_ner)
