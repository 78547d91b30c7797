"""The cyclic garbage collector while oxus, as its own program, loads what it keeps.

Starting up imports modules and loads models, the pack and the pipeline: objects that
live as long as the process. The collector's full passes over them find nothing, and
each costs more as they pile up (a tenth of a second of a short run's start). While
they load, full passes are held off; once loaded, they are frozen out of every later
pass (:func:`gc.freeze`). The youngest generations are collected as always, so garbage
made while loading is still freed.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

HELD_OFF = 1_000_000
"""Collections of the middle generation before a full one: never, while loading."""


@contextmanager
def loading() -> Iterator[None]:
    """Hold off full collections inside the block, then freeze what is alive."""
    young, middle, full = gc.get_threshold()
    gc.set_threshold(young, middle, HELD_OFF)
    try:
        yield
    finally:
        gc.set_threshold(young, middle, full)
        gc.freeze()
