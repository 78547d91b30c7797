"""Running one of the model's own components as an oxus component with the same output.

The attribute ruler and the rule lemmatizer of spaCy's model are replaced by lookups
that give the same token attributes faster (:mod:`oxus.nlp.attribute_rules`,
:mod:`oxus.nlp.lemmas`). Both are swapped in the same way: the replacement is built from
the stock component, goes where it was, and the stock one leaves, unless the stock
component is not one the replacement can stand for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from spacy.language import Language

T = TypeVar("T")


def stock_pipe(nlp: Language, name: str, kind: type[T]) -> T:
    """The model's component ``name``, which must be a ``kind``."""
    pipe = nlp.get_pipe(name)
    if not isinstance(pipe, kind):
        raise TypeError(f"{name} is {type(pipe).__name__}, not {kind.__name__}")
    return pipe


def swap_stock_pipe(
    nlp: Language,
    stock: str,
    replacement: str,
    usable: Callable[[object], bool],
    *,
    unsupported: tuple[type[Exception], ...] = (),
) -> None:
    """Put the ``replacement`` factory's component where ``stock`` is, when ``usable``
    says the stock component can be stood for; a factory raising one of ``unsupported``
    leaves the stock component in place."""
    if stock not in nlp.pipe_names or not usable(nlp.get_pipe(stock)):
        return
    try:
        nlp.add_pipe(replacement, after=stock)
    except unsupported:
        return
    nlp.remove_pipe(stock)
