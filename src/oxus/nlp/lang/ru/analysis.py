"""``oxus_natasha``: natasha's analysis written onto a Doc of razdel tokens.

The first component of a Russian pipeline, in the place of the English statistical
model: per sentence, slovnet's morphology (UD part of speech and features), pymorphy2
lemmas chosen by those features, slovnet's UD dependency parse, and slovnet's
PER/ORG/LOC names as ``doc.ents`` (labelled PERSON/ORG/GPE as the English model
labels them) with their nominative form in ``span._.normal`` (Москве -> Москва).
Whitespace tokens get part of speech ``SPACE`` and hang on their neighbour, as spaCy
does, so sentences are read off the parse.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from natasha.shape import recover_shape
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span

from oxus.nlp.extensions import register_extensions
from oxus.nlp.lang.ru.models import RussianModels, russian_models
from oxus.nlp.lang.ru.names import normal_form
from oxus.nlp.lang.ru.sentences import sentence_groups
from oxus.nlp.lang.ru.syntax import ROOT, repair_tree

NER_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}
"""natasha's labels as the English model writes them."""


@dataclass
class _Token:
    """One content token's analysis before it is written to the Doc."""

    pos: str = "X"
    feats: dict[str, str] | None = None
    lemma: str = ""
    head: int = 0
    dep: str = "dep"
    ner: str = "O"


class NatashaAnalysis:
    """The spaCy component: morphology, lemmas, syntax and NER from natasha."""

    def __init__(self, models: RussianModels) -> None:
        register_extensions()
        self.models = models

    def __call__(self, doc: Doc) -> Doc:
        words = [t.text for t in doc]
        starts = [t.idx for t in doc]
        groups = sentence_groups(doc.text, words, starts)
        analysed: dict[int, _Token] = {}
        sentences = [[words[i] for i in group] for group in groups]
        morph = list(self.models.morph.map(sentences))
        syntax = list(self.models.syntax.map(sentences))
        ner = _ner_tags(self.models.ner, sentences)
        for group, morph_markup, syntax_markup, tags in zip(
            groups, morph, syntax, ner, strict=True
        ):
            heads, rels = repair_tree(
                [int(t.head_id) for t in syntax_markup.tokens],
                [t.rel for t in syntax_markup.tokens],
            )
            for k, i in enumerate(group):
                tagged = morph_markup.tokens[k]
                analysed[i] = _Token(
                    pos=tagged.pos,
                    feats=tagged.feats,
                    lemma=self._lemma(words[i], tagged.pos, tagged.feats),
                    head=group[heads[k]],
                    dep=rels[k],
                    ner=tags[k],
                )
        self._write(doc, words, analysed)
        self._write_entities(doc, groups, analysed)
        return doc

    def _lemma(self, word: str, pos: str, feats: dict[str, str]) -> str:
        """pymorphy2's normal form for the tagged features (ё as е); proper names keep
        their capital ("Москве" -> "Москва"), acronyms their letters ("ИГ", not "иго")."""
        if len(word) > 1 and (word.isupper() or any(c.isdigit() for c in word)):
            return word  # "ИГ", "ФСБ", "17-й": an acronym or a number is its own lemma
        lemma = self.models.vocab.lemmatize(word, pos, feats)
        return recover_shape(lemma, word) if pos == "PROPN" else lemma

    def _write(self, doc: Doc, words: list[str], analysed: dict[int, _Token]) -> None:
        strings = doc.vocab.strings
        morphology = doc.vocab.morphology
        rows = np.zeros((len(doc), 6), dtype="uint64")
        offsets = np.zeros(len(doc), dtype="int64")
        for i, word in enumerate(words):
            token = analysed.get(i)
            if token is None:  # whitespace: hangs on the token before (or after) it
                head = i - 1 if i > 0 else (i + 1 if len(doc) > 1 else i)
                rows[i] = (
                    POS_IDS["SPACE"],
                    strings.add("_SP"),
                    morphology.add({}),
                    strings.add(word),
                    0,
                    strings.add("dep" if head != i else ROOT),
                )
                offsets[i] = head - i
                continue
            rows[i] = (
                POS_IDS.get(token.pos, POS_IDS["X"]),
                strings.add(token.pos),
                morphology.add(token.feats or {}),
                strings.add(token.lemma),
                0,
                strings.add(token.dep),
            )
            offsets[i] = token.head - i
        rows[:, 4] = offsets.view("uint64")
        doc.from_array([POS, TAG, MORPH, LEMMA, HEAD, DEP], rows)  # type: ignore[arg-type]

    @staticmethod
    def _write_entities(doc: Doc, groups: list[list[int]], analysed: dict[int, _Token]) -> None:
        """natasha's BIO tags as ``doc.ents``, each with its nominative ``normal`` form."""
        spans: list[Span] = []
        for group in groups:
            for start, end, label in _bio_spans([analysed[i].ner for i in group]):
                spans.append(Span(doc, group[start], group[end - 1] + 1, label=NER_LABELS[label]))
        doc.ents = spans
        for span in doc.ents:
            span._.normal = normal_form(span, organisation=span.label_ == "ORG")


def _bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) of the names a BIO tag sequence marks (a stray "I-" opens one)."""
    found: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for k, tag in enumerate([*tags, "O"]):
        kind, _, name = tag.partition("-")
        if start >= 0 and not (kind == "I" and name == label):
            found.append((start, k, label))
            start = -1
        if kind in ("B", "I") and start < 0 and name in NER_LABELS:
            start, label = k, name
    return found


def _ner_tags(tagger: object, sentences: list[list[str]]) -> list[list[str]]:
    """slovnet's BIO tag for every word of every sentence, on our own tokens (natasha's
    text interface would tokenize the text a second time)."""
    infer = tagger.infer  # type: ignore[attr-defined]
    out: list[list[str]] = []
    for chunk_start in range(0, len(sentences), 64):
        chunk = sentences[chunk_start : chunk_start + 64]
        inputs = infer.encoder(chunk)
        out.extend(list(tags) for tags in infer.decoder(infer.process(inputs)))
    return out


@Language.factory(
    "oxus_natasha",
    assigns=["token.pos", "token.tag", "token.morph", "token.lemma", "token.dep", "doc.ents"],
    default_config={},
)
def make_natasha(nlp: Language, name: str) -> NatashaAnalysis:
    return NatashaAnalysis(russian_models())
