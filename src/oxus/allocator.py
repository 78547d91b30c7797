"""How an ingest process holds its memory: glibc's thresholds and explicit trims.

An ingest process keeps the memory it frees, instead of handing it back at once.

Each document's parse allocates and frees the same few hundred MiB of buffers. With
glibc's defaults the larger ones are mapped and unmapped every time, and the top of the
heap is returned to the system as soon as it is free, so the next document faults the
same pages in again: in a 300-document ingest that was a second of system time, as
much as the rest of the process's. Raising the two thresholds keeps those pages with the
process (peak memory grows by about 15 MiB). Only ``oxus`` as its own program does this
(see ``oxus.cli.app.own_process``); a caller's process is left alone. Between the
sections of a long document ``release_memory`` still trims explicitly.
"""

from __future__ import annotations

import ctypes
import sys
from functools import cache
from typing import Any

M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
"""glibc's ``mallopt`` parameters (malloc.h)."""
MMAP_THRESHOLD = 32 * 2**20
"""Allocations at least this large are mapped on their own (glibc's ceiling for its own
adaptive threshold)."""
TRIM_THRESHOLD = 256 * 2**20
"""Free memory at the heap's top kept before any is returned."""


@cache
def _libc() -> Any:
    """glibc, or None where there is none."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL("libc.so.6")
    except OSError:
        return None


def keep_freed_memory() -> bool:
    """Raise glibc's mapping and trimming thresholds; False where there is no glibc."""
    mallopt = getattr(_libc(), "mallopt", None)
    if mallopt is None:
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(
        mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)
    )


def release_memory() -> None:
    """Hand memory freed by a section's ``Doc`` back to the system (glibc keeps it).

    Between the sections of a long document the freed working memory of one ``Doc``
    would otherwise stay with the process, interleaved with the facts kept so far.
    """
    trim = getattr(_libc(), "malloc_trim", None)
    if trim is not None:
        trim(0)
