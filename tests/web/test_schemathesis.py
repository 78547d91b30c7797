"""Schemathesis over the whole API, a fixed number of examples with a fixed seed: no 5xx.

A quick profile (about 15 s): 25 valid and 25 invalid requests per operation. The
longer run that docs/web.md reports is ``python -m tests.web.fuzz --minutes 3``.
"""

from __future__ import annotations

from oxus.store import Store
from tests.web.fuzz import fuzz
from tests.web.hostile import add_markup_names
from tests.web.sample import build

EXAMPLES = 25


def test_no_request_to_the_api_gets_a_server_error(fresh_db: Store) -> None:
    report = fuzz(add_markup_names(build(fresh_db)), examples=EXAMPLES)
    assert report.requests > 400
    assert report.server_errors == 0, "\n".join(report.errors[:10])
    assert report.statuses[200] > 50 and report.statuses[422] > 50  # valid and invalid both ran
