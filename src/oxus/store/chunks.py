"""Long lists of ids read (or rows written) a slice at a time.

A query's ``IN (...)`` list binds one parameter per value. SQLite builds before 3.32
refuse more than 999 in one statement, and long lists plan slowly everywhere, so
readers of many ids query ``IN_LIST`` of them at a time.
"""

from __future__ import annotations

import itertools
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
