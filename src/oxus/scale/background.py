"""Overlap two stages in one process: run an iterator in a thread, consume it here.

The spaCy model spends much of its time in compiled code that releases the GIL, and so
does SQLite; extracting the next document while the current one is written keeps both
busy without a second copy of the model in memory.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

_DONE = object()
_POLL_SECONDS = 0.1


def in_background(items: Iterable[T], *, depth: int = 8) -> Iterator[T]:
    """Yield ``items`` in order while a thread computes up to ``depth`` ahead.

    An exception raised while producing is raised here, at the item where it happened;
    closing this generator early stops the thread at its next item.
    """
    buffer: queue.Queue[object] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def offer(item: object) -> bool:
        while not stop.is_set():
            try:
                buffer.put(item, timeout=_POLL_SECONDS)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not offer(item):
                    return
        except BaseException as error:  # handed to the consumer, raised there
            offer(_Failure(error))
            return
        offer(_DONE)

    thread = threading.Thread(target=produce, name="oxus-background", daemon=True)
    thread.start()
    try:
        while (item := buffer.get()) is not _DONE:
            if isinstance(item, _Failure):
                raise item.error
            yield item  # type: ignore[misc]
    finally:
        stop.set()
        thread.join()


class _Failure:
    """An exception travelling from the producing thread to the consumer."""

    def __init__(self, error: BaseException) -> None:
        self.error = error
