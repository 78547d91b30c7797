"""The model's rule lemmatizer, with every answer kept: the same lemmas, each worked out once.

spaCy's rule lemmatizer visits every token in Python and keeps only some of its answers
(a singular noun or a base-form verb is worked out again at each occurrence). Its
answer depends only on the word, its part of speech and its morphology, so it is kept
for each such triple. A new triple is worked out by :func:`rule_lemma`, the stock rules
step for step, except that the table of known lemmas is a set: the stock code scans it
as a list, about 50 µs for each candidate form. Tokens that already have a lemma (from
the attribute rules) keep it, as the stock component leaves them. A lemmatizer in
another mode, or one told to overwrite, stays as it is.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token

from oxus.nlp.rule_lemma import PosTables, rule_lemma
from oxus.nlp.stock_pipes import stock_pipe, swap_stock_pipe

STOCK = "lemmatizer"
MEMO_LIMIT = 100_000
"""Distinct (word, part of speech, morphology) kept (cleared when full)."""


class KeptLemmas:
    """Runs beside the stock lemmatizer's tables; asks it only about new tokens."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self._memo: dict[tuple[int, int, int], str] = {}
        self._tables: dict[str, PosTables] = {}

    def _lemma(self, token: Token) -> str:
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):  # the stock path (and its warning)
            return str(self.lemmatizer.lemmatize(token)[0])
        tables = self._tables.get(univ_pos)
        if tables is None:
            tables = self._tables[univ_pos] = PosTables.of(self.lemmatizer, univ_pos)
        return rule_lemma(self.lemmatizer, token, univ_pos, tables)

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self.lemmatizer
        if not lemmatizer._validated:  # the stock path checks its tables on first use
            return lemmatizer(doc)
        memo = self._memo
        if len(memo) > MEMO_LIMIT:
            memo.clear()
        for i, (orth, pos, morph, lemma) in enumerate(
            doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        ):
            if lemma:
                continue
            token = doc[i]
            key = (orth, pos, morph)
            found = memo.get(key)
            if found is None:
                found = memo[key] = self._lemma(token)
            token.lemma_ = found
        return doc


@Language.factory("oxus_lemmas")
def make_kept_lemmas(nlp: Language, name: str) -> KeptLemmas:
    """The stock ``lemmatizer`` of ``nlp`` with its answers kept (added beside it)."""
    return KeptLemmas(stock_pipe(nlp, STOCK, Lemmatizer))


def _rule_lemmatizer(pipe: object) -> bool:
    """A rule lemmatizer that leaves lemmas already set: the one the memo stands for."""
    return isinstance(pipe, Lemmatizer) and pipe.mode == "rule" and not pipe.overwrite


def replace_stock_lemmatizer(nlp: Language) -> None:
    """Swap the model's rule ``lemmatizer`` for one that keeps its answers, where it can."""
    swap_stock_pipe(nlp, STOCK, "oxus_lemmas", _rule_lemmatizer)
