"""Text similarity of two reports' sentences: cosine of TF-IDF weighted words.

Words that most sentences share ("said", "the") weigh little; the words that name this
occurrence ("Crocus", "concert", "146") weigh most. Inverse document frequencies come
from the sentences being linked, so the measure needs no outside data.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

_WORD = re.compile(r"\w+", re.UNICODE)


def tokens(text: str, *, min_length: int = 3) -> list[str]:
    return [w for w in _WORD.findall(text.casefold()) if len(w) >= min_length or w.isdigit()]


class Vectorizer:
    """TF-IDF vectors for sentences, with frequencies counted over a set of sentences."""

    def __init__(self, texts: Iterable[str], *, min_length: int = 3) -> None:
        self.min_length = min_length
        frequency: Counter[str] = Counter()
        count = 0
        for text in texts:
            frequency.update(set(tokens(text, min_length=min_length)))
            count += 1
        self.count = max(count, 1)
        self.idf = {w: math.log((1 + self.count) / (1 + n)) + 1.0 for w, n in frequency.items()}
        self._default = math.log(1 + self.count) + 1.0

    def vector(self, text: str) -> dict[str, float]:
        counts = Counter(tokens(text, min_length=self.min_length))
        weights = {w: n * self.idf.get(w, self._default) for w, n in counts.items()}
        norm = math.sqrt(sum(x * x for x in weights.values()))
        return {w: x / norm for w, x in weights.items()} if norm else {}

    def rare_words(self, vector: dict[str, float], k: int) -> list[str]:
        """The ``k`` words of a sentence that fewest other sentences share (for blocking)."""
        return sorted(vector, key=lambda w: (-self.idf.get(w, self._default), w))[:k]


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())
