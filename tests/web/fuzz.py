"""Schemathesis against the app's OpenAPI, in-process: every answer must be below 500.

Each API operation gets requests generated from its schema, valid ones and invalid ones
(wrong types, out-of-range integers, strings of any length and script), writes carrying
the token so that they reach the store. ``fuzz`` is used by the test suite with a fixed
number of examples and a fixed seed; run as a script it keeps going for a time budget
and prints the figures::

    python -m tests.web.fuzz --minutes 3 [--db corpus.db]
"""

from __future__ import annotations

import argparse
import contextlib
import sqlite3
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as fixed_seed
from hypothesis.errors import HypothesisException
from schemathesis.generation.modes import GenerationMode

from oxus.store import Store
from oxus.web import create_app

TOKEN = "fuzz-token"
HOST = "testserver"
"""The Host schemathesis's in-process client sends (allowed with --allow-host)."""


@dataclass
class Report:
    requests: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    """One line per 5xx: operation, status and a curl command to reproduce it."""

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)


def load_schema(store: Store) -> Any:
    app = create_app(store, token=TOKEN, allow_hosts=[HOST])
    return schemathesis.openapi.from_asgi("/api/openapi.json", app)


def _run_operation(
    operation: Any, mode: GenerationMode, examples: int, seed: int | None, report: Report
) -> None:
    headers = {"X-Oxus-Token": TOKEN}

    @settings(
        max_examples=examples,
        derandomize=seed is None,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def exercise(case: Any) -> None:
        report.requests += 1
        try:
            status = case.call(headers=headers).status_code
        except Exception as e:  # in-process, the app's own exception arrives with its 500
            status, problem = 500, f"{type(e).__name__}: {str(e).splitlines()[0][:120]}"
        else:
            problem = ""
        report.statuses[status] += 1
        if status >= 500:
            report.errors.append(f"{operation.label} -> {status} {problem}")

    if seed is not None:
        exercise = fixed_seed(seed)(exercise)
    with contextlib.suppress(HypothesisException):
        exercise()  # raises when no invalid request exists (an operation without parameters)


def fuzz(store: Store, *, examples: int, seed: int | None = None) -> Report:
    """Every operation, valid then invalid requests, ``examples`` of each."""
    schema = load_schema(store)
    report = Report()
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            _run_operation(operation, mode, examples, seed, report)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=3.0)
    parser.add_argument("--examples", type=int, default=100, help="per operation and round")
    parser.add_argument("--db", help="a SQLite store to copy (default: the hand-made sample)")
    args = parser.parse_args()
    if args.db:  # writes go to a copy in memory, never to the store named
        store = Store("sqlite://")
        with sqlite3.connect(f"file:{args.db}?mode=ro", uri=True) as source:
            source.backup(store.engine.raw_connection().driver_connection)
    else:
        from tests.web.sample import build

        store = build(Store("sqlite://"))
    total, rounds = Report(), 0
    deadline = time.monotonic() + args.minutes * 60
    while time.monotonic() < deadline:
        rounds += 1
        report = fuzz(store, examples=args.examples, seed=rounds)
        total.requests += report.requests
        total.statuses.update(report.statuses)
        total.errors.extend(report.errors)
        print(f"round {rounds}: {report.requests} requests, {report.server_errors} × 5xx")
    print(f"{total.requests} requests in {rounds} rounds, {total.server_errors} × 5xx")
    print("statuses:", dict(sorted(total.statuses.items())))
    for line in sorted(set(total.errors))[:20]:
        print(line)


if __name__ == "__main__":
    main()
