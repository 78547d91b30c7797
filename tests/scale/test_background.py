"""Running an iterator in a background thread keeps order, errors and early stops."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from oxus.scale.background import in_background


def test_items_arrive_in_order() -> None:
    assert list(in_background(iter(range(100)), depth=3)) == list(range(100))


def test_items_are_produced_in_another_thread() -> None:
    def names() -> Iterator[str]:
        for _ in range(3):
            yield threading.current_thread().name

    assert set(in_background(names())) == {"oxus-background"}


def test_an_error_while_producing_is_raised_to_the_consumer_after_earlier_items() -> None:
    def failing() -> Iterator[int]:
        yield 1
        yield 2
        raise ValueError("unreadable")

    seen: list[int] = []
    with pytest.raises(ValueError, match="unreadable"):
        for item in in_background(failing()):
            seen.append(item)
    assert seen == [1, 2]


def test_closing_early_stops_the_producer() -> None:
    produced: list[int] = []

    def endless() -> Iterator[int]:
        number = 0
        while True:
            produced.append(number)
            yield number
            number += 1

    stream = in_background(endless(), depth=2)
    assert next(stream) == 0
    stream.close()
    count = len(produced)
    assert count <= 5  # one taken, two buffered, at most one in hand, one offered
    assert not any(t.name == "oxus-background" for t in threading.enumerate())
