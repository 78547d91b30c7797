"""Value normalisation for scoring: names compared as keys, dates compared at a precision.

The facts format matches entity names after case-folding, accent-stripping and removing
punctuation, so that "Jamaat Ansorullah", "JAMA'AT ANSORULLAH" and "Jamāʻat Ansorullah"
are one key. Apostrophes, quotes and dots vanish ("Mu'min" = "Mumin", "U.S." = "US");
every other punctuation mark separates words ("Asia-Plus" = "Asia Plus").
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterable

# Letters NFKD does not decompose but a reader treats as accented Latin letters.
_FOLD = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ı": "i", "ħ": "h", "æ": "ae", "œ": "oe", "þ": "th"}
)

# Apostrophes, quotes and their look-alikes (including the modifier letters used in
# transliteration, which Unicode files as letters), plus the full stop: all deleted.
_DELETED = frozenset("'\"`´‘’‚‛“”„‟′″ʹʺʻʼʽʾʿˈ\u02bb.·")

_ISO_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def normalize_name(text: str) -> str:
    """The comparison key of a name: case-folded, accent-free, punctuation-free."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = stripped.casefold().translate(_FOLD)
    chars = []
    for char in folded:
        if char in _DELETED:
            continue
        chars.append(char if char.isalnum() or char.isspace() else " ")
    return " ".join("".join(chars).split())


def name_keys(names: Iterable[str | None]) -> frozenset[str]:
    """The set of non-empty comparison keys of some names."""
    keys = (normalize_name(name) for name in names if isinstance(name, str))
    return frozenset(key for key in keys if key)


def is_iso_date(value: object) -> bool:
    """Whether ``value`` is an ISO 8601 date at year, month or day precision."""
    if not isinstance(value, str):
        return False
    found = _ISO_DATE.fullmatch(value)
    if found is None:
        return False
    year, month, day = found.groups()
    if month is None:
        return True
    if not 1 <= int(month) <= 12:
        return False
    return day is None or 1 <= int(day) <= calendar.monthrange(int(year), int(month))[1]


def dates_agree(first: str | None, second: str | None) -> bool:
    """Whether two ISO dates agree at the coarser precision (a null agrees with anything)."""
    if first is None or second is None:
        return True
    width = min(len(first), len(second))
    return first[:width] == second[:width]
