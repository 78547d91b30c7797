"""Slowing down token guessing: each client gets a few free tries, then waits longer.

After ``free`` wrong tokens in a row, a client is locked out for ``base`` seconds, and
every further wrong token doubles the wait (up to ``cap``). While locked out its
requests are answered at once with 429 and ``Retry-After``, the token not even
compared: nothing sleeps, so the server keeps serving everyone else, and parallel
guesses gain nothing. A right token clears the client's record.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class _Record:
    failures: int = 0
    locked_until: float = 0.0


class Throttle:
    """Wrong-token counts per client address (the most recent ``max_clients`` kept)."""

    def __init__(
        self,
        *,
        free: int = 3,
        base: float = 1.0,
        cap: float = 300.0,
        max_clients: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.free, self.base, self.cap = free, base, cap
        self.max_clients = max_clients
        self.clock = clock
        self._records: OrderedDict[str, _Record] = OrderedDict()
        self._lock = threading.Lock()

    def wait(self, client: str) -> int:
        """Whole seconds ``client`` must still wait before its next try (0: go ahead)."""
        with self._lock:
            record = self._records.get(client)
            if record is None:
                return 0
            left = record.locked_until - self.clock()
        return math.ceil(left) if left > 0 else 0

    def failed(self, client: str) -> int:
        """Record a wrong token; return the seconds of the lockout it starts (0: none)."""
        with self._lock:
            record = self._records.pop(client, None) or _Record()
            self._records[client] = record
            while len(self._records) > self.max_clients:
                self._records.popitem(last=False)
            record.failures += 1
            over = record.failures - self.free
            if over <= 0:
                return 0
            delay = min(self.cap, self.base * 2 ** min(over - 1, 32))
            record.locked_until = self.clock() + delay
        return math.ceil(delay)

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._records.pop(client, None)
