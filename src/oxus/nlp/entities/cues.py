"""The entity-recognition lexicon (``entity_cues.yaml`` of a language) as ready-made sets.

Honorifics, place heads, group and organisation cue words, names that are never
mentions (demonyms, religions, months, platforms) and the alias-introducing phrases
are data an analyst extends; this module only compiles them once per process and
language. The components compare these words with words as written, so a Russian
lexicon, written in lemmas, is compiled with every inflected form of its words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from oxus.kb.names import fold
from oxus.nlp.lexicon import load_lexicon, phrase_set


@dataclass(frozen=True)
class EntityCues:
    """Compiled cue sets; every word is lower case."""

    honorifics: frozenset[str]
    place_heads: frozenset[str]
    group_cues: frozenset[str]
    group_name_words: frozenset[str]
    organization_cues: frozenset[str]
    group_of_cues: frozenset[str]
    stop_names: frozenset[str]
    """Folded names (demonyms included) that are never mentions."""
    alias_patterns: tuple[re.Pattern[str], ...]
    alias_separator: re.Pattern[str]
    place_prepositions: frozenset[str]
    non_text_lines: tuple[re.Pattern[str], ...]
    back_matter: re.Pattern[str]
    surname: re.Pattern[str]
    given_names: frozenset[str]
    portfolio_titles: frozenset[str]
    person_alias_cues: frozenset[str]
    """Words before a nickname: "alias X", "aka X" (X is a person)."""
    outlet_nouns: frozenset[str]
    media_words: frozenset[str]
    """Words inside a name that make it a media outlet, whatever else it says."""
    province_words: frozenset[str]
    """Heads of a group's named province ("ISIS Georgia Province", "IS Hind Wilayah")."""
    province_groups: frozenset[str]
    """Pack ids of groups whose branches are named provinces (the Islamic State)."""
    platforms: frozenset[str]
    """Platforms that end a statistical span without being part of the name
    ("WarJournal Telegram")."""
    adjectives: frozenset[str]
    """Folded demonyms and regional adjectives: a span ending in one ("Central and South
    Asian", "Afghan Tajiks") describes, it does not name."""
    """Nouns before an outlet's name: "the weekly Nigoh", "the magazine X"."""
    """Office titles whose portfolio word is no organisation ("Defense Minister")."""


def _word_forms(lang: str) -> Callable[[Iterable[str]], frozenset[str]]:
    """How a lexicon's words become the words the components compare: as written
    (English), or every inflected form of each (Russian)."""
    if lang == "ru":
        from oxus.nlp.lang.ru.morphology import all_forms

        return all_forms
    return lambda words: phrase_set(list(words))


def _demonyms(lang: str) -> set[str]:
    """Nationality words from ``demonyms.yaml`` (not the all-caps ones: US, UK are states)."""
    data = load_lexicon("demonyms", lang).get("demonyms") or {}
    words: set[str] = set()
    for forms in data.values():
        for form in forms or []:
            if form.isupper() or "." in form:
                continue
            if lang == "en":
                words.update({fold(form), fold(form) + "s", fold(form) + "i"})
            else:
                words.update(fold(w) for w in _word_forms(lang)([form]))
    return words


@cache
def entity_cues(lang: str = "en") -> EntityCues:
    data = load_lexicon("entity_cues", lang)
    forms = _word_forms(lang)

    def words(key: str) -> frozenset[str]:
        return forms(data.get(key) or [])

    demonyms = _demonyms(lang)
    stop = {fold(w) for w in words("stop_names")} | demonyms
    separators = "|".join(f"(?:{s})" for s in data.get("alias_separators") or [])
    headings = "|".join(re.escape(h) for h in data.get("back_matter_headings") or ["references"])
    return EntityCues(
        honorifics=words("honorifics"),
        place_heads=words("place_heads"),
        group_cues=words("group_cues"),
        group_name_words=words("group_name_words"),
        organization_cues=words("organization_cues"),
        group_of_cues=words("group_of_cues"),
        stop_names=frozenset(stop),
        alias_patterns=tuple(re.compile(p) for p in data.get("alias_patterns") or []),
        alias_separator=re.compile(separators or r"\s+or\s+"),
        place_prepositions=phrase_set(data.get("place_prepositions")),
        non_text_lines=tuple(re.compile(p, re.M) for p in data.get("non_text_lines") or []),
        surname=re.compile(data.get("surname_pattern") or r"(?:ov|ev)$", re.I),
        given_names=words("given_names"),
        portfolio_titles=words("portfolio_titles"),
        person_alias_cues=words("person_alias_cues"),
        outlet_nouns=words("outlet_nouns"),
        media_words=words("media_words"),
        province_words=words("province_words"),
        province_groups=frozenset(data.get("province_groups") or []),
        platforms=frozenset(fold(w) for w in words("platforms")),
        adjectives=frozenset(demonyms | {fold(w) for w in words("regional_adjectives")}),
        back_matter=re.compile(rf"^[ \t]*(?:{headings})[ \t]*:?[ \t]*$", re.M | re.I),
    )
