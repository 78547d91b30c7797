"""Transliteration between Cyrillic and Latin script, both ways, for names.

Russian reporting writes "Махди Арсалон" where English writes "Mahdi Arsalon". A name
the pack does not know is given a Latin canonical form by BGN/PCGN romanization (the
1947 system of the US and UK geographic-names boards, in its ASCII form: no dots or
diaereses, "ё" as "е"), and both scripts meet through :func:`latin_variants` and
:func:`to_cyrillic`:

- :func:`to_latin` — BGN/PCGN (Махди Арсалон -> Makhdi Arsalon, Юлдашев -> Yuldashev,
  Ерёменко -> Yeremenko);
- :func:`latin_variants` — BGN/PCGN and the English practice of Central Asian names
  ("х" as "h", "дж" as "j": Mahdi Arsalon, Jamaat);
- :func:`to_cyrillic` — Latin back to Russian Cyrillic (Mahdi Arsalon -> Махди Арсалон,
  Makhdi -> Махди, Jamaat -> Джамаат), for a name written in English to meet its
  Russian spelling.

Tajik, Kazakh, Kyrgyz and Uzbek Cyrillic letters are romanized as their national
Latin alphabets write them (ҳ h, ҷ j, қ q, ғ gh, ӯ u).
"""

from __future__ import annotations

import re
from functools import lru_cache

_VOWELS = frozenset("аеёиоуыэюяӣӯәөұүі")
_SOFTENERS = _VOWELS | frozenset("йъь")
"""After these (and at the start of a word) "е" is written "ye"."""

BGN_PCGN: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
    "ғ": "gh", "ӣ": "i", "қ": "q", "ӯ": "u", "ҳ": "h", "ҷ": "j", "ә": "a", "ң": "ng",
    "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i", "ў": "o",
}  # fmt: skip
"""Lower-case Cyrillic letter -> Latin (BGN/PCGN; "е"/"ё" get "y" by position)."""

ENGLISH_PRACTICE: dict[str, str] = {"х": "h", "дж": "j"}
"""How English reporting spells Central Asian names where it departs from BGN/PCGN."""

_TO_CYRILLIC: tuple[tuple[str, str], ...] = (
    ("shch", "щ"), ("dzh", "дж"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"),
    ("sh", "ш"), ("yu", "ю"), ("ya", "я"), ("yo", "ё"), ("ye", "е"), ("iy", "ий"),
    ("yy", "ый"), ("gh", "г"), ("ph", "ф"), ("th", "т"), ("ou", "у"), ("oo", "у"),
    ("ee", "и"), ("ck", "к"), ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"),
    ("e", "е"), ("z", "з"), ("i", "и"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"),
    ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"),
    ("h", "х"), ("j", "дж"), ("q", "к"), ("w", "в"), ("x", "кс"), ("c", "к"),
)  # fmt: skip
"""Latin letter groups -> Cyrillic, longest first; "y" is placed by position."""

_LATIN_VOWELS = frozenset("aeiouy")
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")


def _cased(latin: str, upper: bool, title: bool) -> str:
    if upper:
        return latin.upper()
    return latin[:1].upper() + latin[1:] if title else latin


def _word_to_latin(word: str, table: dict[str, str]) -> str:
    """One word of letters, its case kept (ФСБ -> FSB, Жуков -> Zhukov)."""
    all_caps = len(word) > 1 and word.isupper()
    out: list[str] = []
    i = 0
    while i < len(word):
        char = word[i]
        lower = char.lower()
        pair = word[i : i + 2].lower()
        if len(pair) == 2 and pair in table:
            latin, step = table[pair], 2
        elif lower in ("е", "ё") and (i == 0 or word[i - 1].lower() in _SOFTENERS):
            latin, step = "ye", 1
        else:
            latin, step = table.get(lower, lower), 1
        out.append(_cased(latin, all_caps, char.isupper() and not all_caps))
        i += step
    return "".join(out)


def _convert(text: str, table: dict[str, str]) -> str:
    return _WORD.sub(lambda m: _word_to_latin(m.group(), table), text)


@lru_cache(maxsize=50_000)
def to_latin(text: str) -> str:
    """Cyrillic letters romanized by BGN/PCGN, case kept; other characters unchanged."""
    return _convert(text, BGN_PCGN)


@lru_cache(maxsize=50_000)
def latin_variants(text: str) -> tuple[str, ...]:
    """The Latin spellings a Cyrillic name is likely to have in English reporting: BGN/PCGN
    first, then the English practice for Central Asian names ("Makhdi", "Mahdi")."""
    first = to_latin(text)
    practice = _convert(text, {**BGN_PCGN, **ENGLISH_PRACTICE})
    return (first,) if practice == first else (first, practice)


def _word_to_cyrillic(word: str) -> str:
    all_caps = len(word) > 1 and word.isupper()
    lower = word.lower()
    out: list[str] = []
    i = 0
    while i < len(lower):
        if lower[i] in "'’ʼ":
            i += 1
            continue
        chunk, step = _cyrillic_at(lower, i)
        upper = all_caps or (word[i].isupper() and i == 0) or word[i].isupper()
        out.append(chunk.upper() if all_caps else (chunk.capitalize() if upper else chunk))
        i += step
    return "".join(out)


def _cyrillic_at(word: str, i: int) -> tuple[str, int]:
    """The Cyrillic for the Latin letters starting at ``word[i]``, and how many it took."""
    if word[i] == "y" and word[i : i + 2] not in ("yu", "ya", "yo", "ye", "yy"):
        before = word[i - 1] if i else ""
        if not before or before in _LATIN_VOWELS:
            return "й", 1
        return ("ий" if i == len(word) - 1 else "ы"), 1
    if word[i] == "e" and (i == 0 or word[i - 1] in _LATIN_VOWELS):
        return "э", 1
    for latin, cyrillic in _TO_CYRILLIC:
        if word.startswith(latin, i):
            return cyrillic, len(latin)
    return word[i], 1


@lru_cache(maxsize=50_000)
def to_cyrillic(text: str) -> str:
    """Latin letters written in Russian Cyrillic, case kept (Mahdi Arsalon -> Махди
    Арсалон); other characters unchanged."""
    return _WORD.sub(lambda m: _word_to_cyrillic(m.group()), text)


def other_script(text: str) -> tuple[str, ...]:
    """The spellings of a name in the other script: Latin ones for a Cyrillic name,
    the Cyrillic one for a Latin name; none for a name in both scripts or neither."""
    cyrillic = any("\u0400" <= c <= "\u04ff" for c in text)
    latin = any("a" <= c.lower() <= "z" for c in text)
    if cyrillic and not latin:
        return latin_variants(text)
    if latin and not cyrillic:
        return (to_cyrillic(text),)
    return ()
