"""Russian names in their dictionary form: what a mention is called, whatever its case.

A provisional entity met as "Махди Арсалона" or "Зулфикару Али Бабахелу" is named in the
nominative ("Махди Арсалон"), the form a reader looks for and the one transliterated
into its Latin canonical name. natasha's normaliser inflects the words that agree with
the name's head (an organisation keeps its genitive complement: "Исламского движения
Узбекистана" -> "Исламское движение Узбекистана").
"""

from __future__ import annotations

from natasha.doc import DocToken
from natasha.norm import normalize, syntax_normalize
from spacy.tokens import Span

from oxus.nlp.lang.ru.models import russian_models


def normal_form(span: Span, *, organisation: bool = False) -> str:
    """The span's text in the nominative (its text when nothing inflects)."""
    tokens = [
        DocToken(
            t.idx,
            t.idx + len(t.text),
            t.text,
            id=str(t.i),
            head_id=str(t.head.i),
            rel=t.dep_,
            pos=t.pos_,
            feats=t.morph.to_dict(),
        )
        for t in span
        if not t.is_space
    ]
    if not tokens:
        return span.text
    method = syntax_normalize if organisation else normalize
    return str(method(russian_models().vocab, tokens))
