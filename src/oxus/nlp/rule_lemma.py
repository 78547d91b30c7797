"""spaCy's rule lemmatization of one token, step for step, with the known lemmas as a set.

``spacy.pipeline.Lemmatizer.rule_lemmatize`` (spaCy 3.8) checks each form a suffix rule
makes against the part of speech's list of known lemmas, thousands long, one item at
a time. The steps here are the same in the same order, so the first form, the lemma
the component keeps, is the same; only the membership test is a set's. The tests
compare it with the stock lemmatizer token by token.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.pipeline import Lemmatizer
from spacy.tokens import Token


@dataclass(frozen=True)
class PosTables:
    """One part of speech's known lemmas, exceptions and suffix rules."""

    index: frozenset[str]
    exceptions: dict[str, Any]
    rules: list[Any]
    any_table: bool
    """Whether any of the three tables is non-empty (else the word is its own lemma)."""

    @classmethod
    def of(cls, lemmatizer: Lemmatizer, univ_pos: str) -> PosTables:
        index = lemmatizer.lookups.get_table("lemma_index", {}).get(univ_pos)
        exceptions = lemmatizer.lookups.get_table("lemma_exc", {}).get(univ_pos)
        rules = lemmatizer.lookups.get_table("lemma_rules", {}).get(univ_pos)
        return cls(
            index=frozenset(index or ()),
            exceptions=dict(exceptions or {}),
            rules=list(rules or []),
            any_table=any((index, exceptions, rules)),
        )


def rule_lemma(lemmatizer: Lemmatizer, token: Token, univ_pos: str, tables: PosTables) -> str:
    """The lemma the rule lemmatizer gives ``token`` (its first form), for a part of
    speech other than none, end of line or space."""
    string = token.text
    if lemmatizer.is_base_form(token):
        return string.lower()
    if not tables.any_table:
        return string if univ_pos == "propn" else string.lower()
    index = tables.index
    orig = string
    string = string.lower()
    forms: list[str] = []
    oov_forms: list[str] = []
    for old, new in tables.rules:
        if string.endswith(old):
            form = string[: len(string) - len(old)] + new
            if not form:
                pass
            elif form in index or not form.isalpha():
                if form in index:
                    forms.insert(0, form)
                else:
                    forms.append(form)
            else:
                oov_forms.append(form)
    forms = list(dict.fromkeys(forms))
    for form in tables.exceptions.get(string, []):
        if form not in forms:
            forms.insert(0, form)
    if not forms:
        forms.extend(oov_forms)
    if not forms:
        forms.append(orig)
    return forms[0]
