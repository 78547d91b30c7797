"""Load the YAML lexicons: the domain data the rule components read, one set per language.

Trigger words, cue phrases, hedges and demonyms are data, not code, so an analyst can
extend them without touching the components. English lexicons live in
``nlp/patterns/<name>.yaml``, Russian ones in ``nlp/lang/ru/patterns/<name>.yaml`` with
the same keys (written as natasha's lemmas, "ё" as "е", so inflected forms match).
Files are read once per process.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from oxus.errors import LexiconError
from oxus.yamlio import safe_load

PATTERNS_DIR = Path(__file__).parent / "patterns"
LANG_DIR = Path(__file__).parent / "lang"


def patterns_dir(lang: str = "en") -> Path:
    """The folder of ``lang``'s lexicons."""
    return PATTERNS_DIR if lang == "en" else LANG_DIR / lang / "patterns"


@cache
def load_lexicon(name: str, lang: str = "en") -> dict[str, Any]:
    """The parsed ``<name>.yaml`` mapping of ``lang`` (cached; treat it as read-only)."""
    path = patterns_dir(lang) / f"{name}.yaml"
    if not path.is_file():
        raise LexiconError(f"pattern file not found: {path}")
    with path.open(encoding="utf-8") as handle:
        data = safe_load(handle)
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a mapping at top level")
    return data


def phrase_set(values: list[str] | None) -> frozenset[str]:
    """Lower-cased phrases as a set, for membership tests on lemmas or surface text."""
    return frozenset(_text(v).lower() for v in values or [])


def phrase_map(values: dict[str, list[str]] | None) -> dict[str, str]:
    """Invert ``{label: [phrase, ...]}`` into ``{phrase: label}`` (lower-cased)."""
    out: dict[str, str] = {}
    for label, phrases in (values or {}).items():
        for phrase in phrases or []:
            out[_text(phrase).lower()] = label
    return out


def _text(value: object) -> str:
    """A lexicon entry, which must be a string (YAML reads a bare ``on`` as a boolean)."""
    if not isinstance(value, str):
        raise LexiconError(f"lexicon entry {value!r} is not a string; quote it in the YAML file")
    return value
