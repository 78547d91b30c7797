"""The statistical model's attribute rules applied by table lookup, with the same result.

``en_core_web_sm`` maps each fine-grained tag to a part of speech and morphology, and
fixes some words' lemmas, with an ``AttributeRuler``: about 180 one- and two-token
patterns run through spaCy's general ``Matcher``, which tries every pattern at every
token. That costs about a sixth of the model's own time per document. Nearly every
pattern is one token that asks for a tag, a lower-case form, a dependency label or
whitespace, so a token's rules follow from those four values alone: they are worked out
once per distinct combination and kept. The few two-token patterns are tried only where
their first word occurs. The attributes are then written with spaCy's own setter, in
the ruler's order (a later rule wins), so every token ends with the attributes the
stock ruler gives it. A ruler with a pattern this table cannot express stays as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

from oxus.nlp.stock_pipes import stock_pipe, swap_stock_pipe

STOCK = "attribute_ruler"
COLUMNS = (TAG, LOWER, DEP, IS_SPACE)
"""The token values a pattern may ask for, in the order rows are read."""
_COLUMN = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
MEMO_LIMIT = 50_000
"""Distinct token values kept with their rules (cleared when full: memory stays flat)."""

Check = tuple[str, int, Any]
"""(kind, column, argument): ``eq`` a hash, ``in``/``not_in`` a set of hashes, ``re`` a
compiled pattern searched in the string."""
Rule = tuple[int, list[list[Check]], int]
"""(the ruler's attribute id, checks per pattern token, which token gets the attributes)."""


class UnsupportedPattern(ValueError):
    """A pattern uses something the table does not express (an operator, another attribute)."""


def _checks(spec: dict[str, Any], strings: StringStore) -> list[Check]:
    checks: list[Check] = []
    for key, value in spec.items():
        column = _COLUMN.get(key)
        if column is None:
            raise UnsupportedPattern(key)
        if key == "IS_SPACE":
            if not isinstance(value, bool):
                raise UnsupportedPattern(key)
            checks.append(("eq", column, int(value)))
        elif isinstance(value, str):
            checks.append(("eq", column, strings[value]))
        elif isinstance(value, dict) and len(value) == 1:
            [(operator, argument)] = value.items()
            if operator == "IN":
                checks.append(("in", column, frozenset(strings[v] for v in argument)))
            elif operator == "NOT_IN":
                checks.append(("not_in", column, frozenset(strings[v] for v in argument)))
            elif operator == "REGEX":
                checks.append(("re", column, re.compile(argument)))
            else:
                raise UnsupportedPattern(operator)
        else:
            raise UnsupportedPattern(key)
    return checks


def _first_equal(checks: list[Check], column: int) -> int | None:
    return next((arg for kind, col, arg in checks if kind == "eq" and col == column), None)


class AttributeRules:
    """A ruler's patterns indexed by the first token's tag or lower-case form."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.strings = ruler.vocab.strings
        self.attrs: list[dict[Any, Any]] = list(ruler.attrs)
        self.by_tag: dict[int, list[Rule]] = {}
        self.by_lower: dict[int, list[Rule]] = {}
        self.anywhere: list[Rule] = []
        self.longer: dict[tuple[int, int], list[tuple[Rule, int]]] = {}
        """Longer rules by a (column, hash) one of their tokens must equal, with its place."""
        self.longer_anywhere: list[Rule] = []
        for attr_id, index in enumerate(ruler.indices):
            _, patterns = ruler.matcher.get(self.strings[str(attr_id)])
            for pattern in patterns:
                self._add((attr_id, [_checks(spec, self.strings) for spec in pattern], index))
        self._memo: dict[tuple[int, ...], dict[Any, Any] | None] = {}

    def _add(self, rule: Rule) -> None:
        first = rule[1][0]
        tag, lower = _first_equal(first, 0), _first_equal(first, 1)
        if len(rule[1]) > 1:
            for column in (1, 0, 2):
                for place, checks in enumerate(rule[1]):
                    value = _first_equal(checks, column)
                    if value is not None:
                        self.longer.setdefault((column, value), []).append((rule, place))
                        return
            self.longer_anywhere.append(rule)
        elif tag is not None:
            self.by_tag.setdefault(tag, []).append(rule)
        elif lower is not None:
            self.by_lower.setdefault(lower, []).append(rule)
        else:
            self.anywhere.append(rule)

    def _fits(self, checks: list[Check], row: list[int]) -> bool:
        for kind, column, argument in checks:
            value = row[column]
            if kind == "eq":
                if value != argument:
                    return False
            elif kind == "in":
                if value not in argument:
                    return False
            elif kind == "not_in":
                if value in argument:
                    return False
            elif not argument.search(self.strings[value]):
                return False
        return True

    def _single(self, row: list[int]) -> list[int]:
        """The one-token rules a token with these values gets, in the ruler's order."""
        groups = (self.by_tag.get(row[0], ()), self.by_lower.get(row[1], ()), self.anywhere)
        return sorted(
            attr_id for group in groups for attr_id, specs, _ in group if self._fits(specs[0], row)
        )

    def _merged(self, ids: Iterable[int]) -> dict[Any, Any] | None:
        merged: dict[Any, Any] = {}
        for attr_id in ids:
            merged.update(self.attrs[attr_id])
        return merged or None

    def _longer(self, rows: list[list[int]]) -> dict[int, list[int]]:
        """Where rules of several tokens match: the attribute ids of the token each marks."""
        starts: dict[tuple[int, int], Rule] = {}
        longer = self.longer
        for i, row in enumerate(rows):
            for column in (1, 0, 2):
                for rule, place in longer.get((column, row[column]), ()):
                    if i >= place:
                        starts[i - place, id(rule)] = rule
            for rule in self.longer_anywhere:
                starts[i, id(rule)] = rule
        found: dict[int, list[int]] = {}
        for (start, _), (attr_id, specs, index) in starts.items():
            end = start + len(specs)
            if end > len(rows):
                continue
            if all(self._fits(checks, rows[start + k]) for k, checks in enumerate(specs)):
                found.setdefault(start + index if index >= 0 else end + index, []).append(attr_id)
        return found

    def __call__(self, doc: Doc) -> Doc:
        rows: list[list[int]] = doc.to_array(list(COLUMNS)).tolist()
        memo = self._memo
        if len(memo) > MEMO_LIMIT:
            memo.clear()
        extra = self._longer(rows) if self.longer or self.longer_anywhere else {}
        for i, row in enumerate(rows):
            if i in extra:
                attrs = self._merged(sorted(self._single(row) + extra[i]))
            else:
                key = tuple(row)
                if key in memo:
                    attrs = memo[key]
                else:
                    attrs = memo[key] = self._merged(self._single(row))
            if attrs is not None:
                set_token_attrs(doc[i], attrs)
        return doc


@Language.factory("oxus_attribute_rules")
def make_attribute_rules(nlp: Language, name: str) -> AttributeRules:
    """The stock ``attribute_ruler`` of ``nlp`` as a lookup table (added beside it)."""
    return AttributeRules(stock_pipe(nlp, STOCK, AttributeRuler))


def replace_stock_ruler(nlp: Language) -> None:
    """Swap the model's ``attribute_ruler`` for the lookup table, where it can be."""
    swap_stock_pipe(
        nlp,
        STOCK,
        "oxus_attribute_rules",
        lambda pipe: isinstance(pipe, AttributeRuler),
        unsupported=(UnsupportedPattern,),
    )
