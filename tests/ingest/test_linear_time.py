"""Every text step takes time in proportion to its input: doubling it at most ~doubles it.

Each step runs on an input and on the same input twice as long (hostile shapes:
unclosed emphasis, one endless line, repetition); the ratio of the best of a few
timings must stay under 3, where a quadratic step would give 4. Time is this process's
CPU time, with the garbage collector held off while timing, so that other work on the
machine and collection pauses do not pass for the step's own growth.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest

from oxus.ingest.base import RawSource
from oxus.ingest.decoding import decode_text
from oxus.ingest.markdown import markdown_to_text
from oxus.ingest.normalize import normalize_text
from oxus.ingest.registry import read_raw
from oxus.ingest.text import split_front_matter
from oxus.model import Document
from oxus.nlp.extract import extract
from oxus.nlp.sections import split_sections

RATIO = 3.0


def _best(step: Callable[[], object], rounds: int = 3) -> float:
    timings = []
    for _ in range(rounds):
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()
            step()
            timings.append(time.process_time() - started)
        finally:
            gc.enable()
    return min(timings)


def _ratio(
    make: Callable[[int], object], run: Callable[[object], object], size: int, rounds: int = 3
) -> float:
    small, large = make(size), make(2 * size)
    run(small)  # warm caches and lazy imports
    return _best(lambda: run(large), rounds) / _best(lambda: run(small), rounds)


def _text(raw: bytes) -> str:
    return decode_text(RawSource(data=raw, source="x", name="x.txt"))


def _html(data: bytes) -> object:
    return read_raw(RawSource(data=data, source="x", name="x.html"))


STEPS: dict[str, tuple[Callable[[int], object], Callable[[object], object], int]] = {
    "markdown, unclosed emphasis and links": (
        lambda n: "*a _b **c [d `e ![f <g " * n,
        lambda s: markdown_to_text(str(s)),
        1000,
    ),
    "normalisation, footnote-like and spaced text": (
        lambda n: "said.12 \u00a0 word\t\u200b  x.\r\n\r\n\r\n" * n,
        lambda s: normalize_text(str(s)),
        10000,
    ),
    "front matter never closed": (
        lambda n: "---\n" + "title: a: b\n" * n,
        lambda s: split_front_matter(str(s)),
        200000,
    ),
    "decoding, Cyrillic Windows-1251": (
        lambda n: ("Полиция задержала пятерых мужчин. " * n).encode("cp1251"),
        lambda b: _text(b),  # type: ignore[arg-type]
        200000,
    ),
    "decoding, UTF-8 with stray bytes": (
        lambda n: (b"Police arrested five men. " * 8 + b"\xff ") * n,
        lambda b: _text(b),  # type: ignore[arg-type]
        20000,
    ),
    "HTML, unclosed tags on one line": (
        lambda n: b"<html><body>" + b"<div><p>Police arrested <b>five <i>men " * n,
        _html,
        4000,
    ),
    "sections of an endless line": (
        lambda n: "word " * n,
        lambda s: split_sections(str(s), 5000),
        2000000,
    ),
}


@pytest.mark.parametrize("name", list(STEPS))
def test_doubling_the_input_at_most_doubles_the_time(name: str) -> None:
    make, run, size = STEPS[name]
    assert _ratio(make, run, size) < RATIO


def test_extraction_time_is_linear_in_document_length() -> None:
    """Long documents go through the pipeline in sections of a fixed size."""
    unit = "Jamaat Ansarullah arrested 12 men in Dushanbe, police said. "

    def make(n: int) -> Document:
        return Document(id="long", text="\n\n".join([unit * 5] * n))

    def run(document: object) -> object:
        return list(extract([document], section_chars=6000))  # type: ignore[list-item]

    assert _ratio(make, run, 30, rounds=2) < RATIO
