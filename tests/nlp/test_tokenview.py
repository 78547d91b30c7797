"""The per-Doc view of token attributes answers as the parsed Doc does."""

from __future__ import annotations

from oxus.nlp.tokenview import token_view


def test_negated_tokens_are_the_negations_and_the_words_they_modify(nlp) -> None:
    doc = nlp("The group did not claim the attack. Its leader never left the valley.")
    expected = {t.i for t in doc if t.dep_ == "neg" or any(c.dep_ == "neg" for c in t.children)}
    assert expected  # the parse marks both negations
    assert token_view(doc).negated == expected
    assert {doc[i].lower_ for i in token_view(doc).negated} >= {"not", "never"}
