"""Name normalisation: the keys under which two spellings of one name meet.

Reporting spells the same Central Asian name many ways: English and Russian
transliterations (Rahmon/Rakhmon, Tajikistan/Tadzhikistan), Persian vowels
(Ansarullah/Ansorullah), Turkic suffixes (-ov/-ev), hyphens, apostrophes and quotes,
and Cyrillic script with Russian case endings. Three keys, from strict to loose:

- :func:`fold` — case-folded, accent-stripped, punctuation-free (the facts-format rule);
- :func:`compact` — ``fold`` without spaces (``IS-KP`` = ``ISKP``, ``Hizbut`` = ``Hizb ut``);
- :func:`skeleton` — ``compact`` of the Latin transliteration with spelling variants
  collapsed (``kh``/``h``, ``dzh``/``j``, ``o``/``a``, ``y``/``i``, doubled letters,
  Russian "ё" written as "е"...).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
    # Tajik, Kazakh, Kyrgyz and Uzbek letters
    "ғ": "gh", "ӣ": "i", "қ": "q", "ӯ": "u", "ҳ": "h", "ҷ": "j", "ә": "a", "ң": "ng",
    "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i", "ў": "o",
}  # fmt: skip
_CYRILLIC_TABLE = str.maketrans(_CYRILLIC)

_RU_ENDINGS = (
    "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей", "ом", "ем", "ым", "им",
    "у", "ю",
)  # fmt: skip
"""Russian case endings (beyond a final vowel) stripped from Cyrillic words so that
inflected forms meet; a final vowel is dropped from every word's skeleton."""

_APOSTROPHES = "'’‘`ʼʻ′´"
_SKELETON_RULES: tuple[tuple[str, str], ...] = (
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("gh", "g"),
    ("ph", "f"),
    ("ck", "k"),
    ("q", "k"),
    ("w", "v"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ye", "e"),
    ("y", "i"),
    ("o", "a"),
)


_CYRILLIC_LETTER = re.compile("[\u0400-\u04ff]")
# Compiled once: fold and skeleton_word run for every name of the pack at start-up.
_APOSTROPHE_RE = re.compile(f"[{_APOSTROPHES}]")
_NON_WORD_RE = re.compile(r"[^\w]+|_")
_SPACES_RE = re.compile(r"\s+")
_EV_END_RE = re.compile(r"ev(a?)$")
_DOUBLED_RE = re.compile(r"(.)\1+")


def has_cyrillic(text: str) -> bool:
    """True when the text contains Cyrillic letters (Russian, Tajik, Kazakh...)."""
    return _CYRILLIC_LETTER.search(text) is not None


def transliterate(text: str) -> str:
    """Cyrillic letters to a Latin spelling close to English practice (Таджикистан ->
    tadzhikistan); other characters pass through. The result is lower case."""
    return text.lower().translate(_CYRILLIC_TABLE)


def stem_russian(word: str) -> str:
    """Strip one Russian case ending from a Cyrillic word (Таджикистана -> Таджикистан)."""
    lower = word.lower()
    if len(lower) <= 4 or not has_cyrillic(lower):
        return lower
    for ending in _RU_ENDINGS:
        if lower.endswith(ending) and len(lower) - len(ending) >= 3:
            return lower[: -len(ending)]
    return lower


def strip_accents(text: str) -> str:
    """Remove combining marks, keeping Cyrillic letters whole (й, ё, ҷ stay letters)."""
    if text.isascii():
        return text  # nothing to decompose: the common case, kept cheap
    out = []
    for char in text:
        if has_cyrillic(char):
            out.append(char)
            continue
        decomposed = unicodedata.normalize("NFKD", char)
        out.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    return unicodedata.normalize("NFC", "".join(out))


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Case-folded, accent-stripped, punctuation-free, single-spaced; a leading "the"
    is dropped ("the Taliban" = "Taliban")."""
    text = strip_accents(text).casefold()
    text = _APOSTROPHE_RE.sub("", text)
    text = _NON_WORD_RE.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return _SPACES_RE.sub(" ", text)


def compact(text: str) -> str:
    """``fold`` without spaces: joins split spellings (IS-KP, Hizbut Tahrir)."""
    return fold(text).replace(" ", "")


@lru_cache(maxsize=200_000)
def skeleton_word(word: str) -> str:
    """The spelling-variant-free key of one word (already folded, any script)."""
    latin = transliterate(stem_russian(word).replace("ё", "е"))
    for old, new in _SKELETON_RULES:
        latin = latin.replace(old, new)
    latin = _EV_END_RE.sub(r"av\1", latin)
    latin = _DOUBLED_RE.sub(r"\1", latin)
    if len(latin) >= 5 and latin[-1] in "aeiu":
        latin = latin[:-1]
    return latin


def skeleton(text: str, *, spaced: bool = False) -> str:
    """The loosest key: each word's :func:`skeleton_word`, joined without spaces
    (or with single spaces when ``spaced``)."""
    words = [skeleton_word(w) for w in fold(text).split()]
    return (" " if spaced else "").join(w for w in words if w)


def is_acronym(text: str) -> bool:
    """All-caps short forms (``IMU``, ``IS-KP``, ``ISIS-K``): at most five letters, no
    lower-case letter. These match only in their exact case."""
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 5 and all(c.isupper() for c in letters) and " " not in text


def initials(text: str, *, skip: frozenset[str] = frozenset()) -> str:
    """Upper-case initials of the words of a name, ignoring ``skip`` words ("of", "al")."""
    words = re.split(r"[\s\-]+", fold(text))
    return "".join(w[0] for w in words if w and w not in skip).upper()
