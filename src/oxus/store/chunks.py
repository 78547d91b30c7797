"""Long lists of ids read (or rows written, documents saved) a slice at a time.

A query's ``IN (...)`` list binds one parameter per value. SQLite builds before 3.32
refuse more than 999 in one statement, and long lists plan slowly everywhere, so
readers of many ids query ``IN_LIST`` of them at a time.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

IN_LIST = 500
"""Values bound in one ``IN (...)`` list."""


def chunks(items: Iterable[T], size: int = IN_LIST) -> Iterator[list[T]]:
    """``items`` in order, as lists of ``size`` (the last one shorter); none when empty.

    Takes any iterable, a generator too: only one list is held at a time.
    """
    if size < 1:
        raise ValueError(f"a chunk holds at least one item, not {size}")
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def chunks_within(items: Iterable[T], size: int, seconds: float) -> Iterator[list[T]]:
    """``items`` in order, as lists of at most ``size``, a list also ending once its
    first item has waited ``seconds`` when the next one arrives.

    For work that is cheaper in groups but should not wait long for a slow producer:
    documents saved several to a commit as extraction hands them over.
    """
    if size < 1:
        raise ValueError(f"a chunk holds at least one item, not {size}")
    chunk: list[T] = []
    started = 0.0
    for item in items:
        if not chunk:
            started = time.monotonic()
        chunk.append(item)
        if len(chunk) >= size or time.monotonic() - started >= seconds:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
