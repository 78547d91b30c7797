"""Per-document budgets: how long reading or extracting one document may take, and how
much memory it may add, so that one hostile or broken file fails alone.

Time is granted per 100,000 characters of text (or per MiB of a file being read), so a
2,000-page report gets the time it needs while a pathological page is stopped in
seconds. Memory is the growth of this process's resident size while the document is
worked on. In the main thread an interval timer checks the budget every fraction of a
second and raises :class:`~oxus.errors.BudgetExceeded` wherever the work is; elsewhere
(Dask worker threads) the work checks it between sections.
"""

from __future__ import annotations

import math
import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from oxus.errors import BudgetExceeded

SECTION_CHARS = 50_000
"""The longest text extracted as one spaCy ``Doc`` (longer ones go in sections)."""
BUDGET_CHARS = 100_000
"""Characters per unit of time budget."""
READ_UNIT_BYTES = 1024 * 1024
_CHECK_EVERY = 0.2
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


@dataclass(frozen=True)
class Limits:
    """The budgets of one ingestion run (``--time-limit``, ``--memory-limit``)."""

    seconds: float = 60.0
    """Seconds per 100,000 characters (per MiB while reading a file); 0: no limit."""
    memory_mb: float = 2048.0
    """Memory one document may add to the process, in MiB; 0: no limit."""

    @classmethod
    def from_env(cls, seconds: float | None = None, memory_mb: float | None = None) -> Limits:
        """Explicit values, else ``OXUS_TIME_LIMIT`` / ``OXUS_MEMORY_LIMIT``, else defaults."""
        default = cls()
        return cls(
            seconds=seconds if seconds is not None else _env("OXUS_TIME_LIMIT", default.seconds),
            memory_mb=(
                memory_mb if memory_mb is not None else _env("OXUS_MEMORY_LIMIT", default.memory_mb)
            ),
        )

    def for_text(self, characters: int, what: str) -> Budget:
        units = max(1, math.ceil(characters / BUDGET_CHARS))
        return Budget(self.seconds * units, self.memory_mb, what)

    def for_file(self, size: int, what: str) -> Budget:
        units = max(1, math.ceil(size / READ_UNIT_BYTES))
        return Budget(self.seconds * units, self.memory_mb, what)


def _env(name: str, default: float) -> float:
    value = os.environ.get(name)
    try:
        return float(value) if value else default
    except ValueError:
        return default


def resident_mb() -> float:
    """This process's resident memory now, in MiB."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            return int(handle.read().split()[1]) * _PAGE / 1024 / 1024
    except (OSError, IndexError, ValueError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Budget:
    """Time and memory granted to one piece of work, measured from its start."""

    def __init__(self, seconds: float, memory_mb: float, what: str) -> None:
        self.seconds = seconds
        self.memory_mb = memory_mb
        self.what = what
        self.started = time.monotonic()
        self.base_mb = resident_mb() if memory_mb else 0.0

    def check(self) -> None:
        """Raise BudgetExceeded if the work has used up its time or memory."""
        if self.seconds and time.monotonic() - self.started > self.seconds:
            raise BudgetExceeded(
                f"{self.what} took more than {self.seconds:g} s (see --time-limit)"
            )
        if self.memory_mb:
            grown = resident_mb() - self.base_mb
            if grown > self.memory_mb:
                raise BudgetExceeded(
                    f"{self.what} needed more than {self.memory_mb:g} MiB of memory "
                    f"(see --memory-limit)"
                )


_active: list[Budget] = []


def _on_timer(_signum: int, _frame: Any) -> None:
    # Raised wherever the main thread is. If that is a place Python cannot raise from
    # (a garbage-collector callback, a __del__), the exception is dropped there and the
    # next tick, a fifth of a second later, raises it again.
    for budget in list(_active):
        budget.check()


@contextmanager
def enforced(budget: Budget | None) -> Iterator[Budget | None]:
    """Run the block under ``budget``: in the main thread a timer stops it when exceeded.

    Elsewhere the block must call ``budget.check()`` itself at safe points.
    """
    if budget is None or not (budget.seconds or budget.memory_mb):
        yield budget
        return
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield budget
        return
    _active.append(budget)
    previous = signal.signal(signal.SIGALRM, _on_timer)
    signal.setitimer(signal.ITIMER_REAL, _CHECK_EVERY, _CHECK_EVERY)
    try:
        yield budget
    finally:
        _active.remove(budget)
        if not _active:
            signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
