"""Polling RSS/Atom feeds on a schedule and ingesting their new entries.

Each poll fetches every feed (asking the server for changes only: ETag and
Last-Modified), reads its entries as documents and stores them through the usual
ingestion: an entry already stored with the same content is skipped, a changed one
replaces its earlier version, and new facts about watched things become alerts. A feed
that cannot be fetched or read is reported with its reason; the others still go in.
"""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email.utils import formatdate
from pathlib import Path

from oxus import __version__
from oxus.errors import NOT_FOUND, OxusError, ReadError
from oxus.ingest import read_bytes
from oxus.ingestion import IngestReport, ingest_documents
from oxus.model import Document
from oxus.store import Store

TIMEOUT = 30.0
MAX_BYTES = 20 * 1024 * 1024
"""A feed larger than this is refused (20 MiB)."""
USER_AGENT = f"oxus/{__version__} (feed watcher)"
DURATION = re.compile(r"^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$")


def parse_every(text: str) -> float:
    """``30m``, ``1h``, ``1h30m``, ``90s`` as seconds; a one-line error otherwise."""
    match = DURATION.match(text.strip().lower())
    if not match or not any(match.groups()):
        raise OxusError(f"bad interval {text!r}: write it like 30m, 1h, 2h30m or 90s")
    hours, minutes, seconds = (int(g or 0) for g in match.groups())
    total = hours * 3600 + minutes * 60 + seconds
    if total < 1:
        raise OxusError(f"bad interval {text!r}: it must be at least one second")
    return float(total)


def read_feed_list(path: str | Path) -> list[str]:
    """The feed URLs of a file, one a line; blank lines and ``#`` comments are skipped."""
    source = Path(path)
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise ReadError(str(path), f"cannot be read: {e.strerror or e}", code=NOT_FOUND) from e
    urls = []
    for number, line in enumerate(lines, 1):
        url = line.split("#", 1)[0].strip()
        if not url:
            continue
        if not url.startswith(("http://", "https://")):
            raise OxusError(f"{path}:{number}: {url!r} is not an http(s) URL")
        urls.append(url)
    if not urls:
        raise OxusError(f"{path}: no feed URLs (one http(s) URL a line)")
    return list(dict.fromkeys(urls))


@dataclass
class FeedState:
    """What the server said last time, to ask only for changes."""

    etag: str | None = None
    modified: str | None = None


@dataclass
class FeedOutcome:
    url: str
    status: str
    """``read`` (entries read), ``unchanged`` (the server said so) or ``failed``."""
    entries: int = 0
    reason: str | None = None


@dataclass
class PollReport:
    """One poll of every feed: what each feed gave and what was stored."""

    feeds: list[FeedOutcome] = field(default_factory=list)
    ingest: IngestReport = field(default_factory=IngestReport)

    @property
    def failed(self) -> list[FeedOutcome]:
        return [f for f in self.feeds if f.status == "failed"]


def fetch(url: str, state: FeedState, *, timeout: float = TIMEOUT) -> bytes | None:
    """The feed's bytes, or None when the server says it has not changed since last time."""
    headers = {"User-Agent": USER_AGENT, "Accept": "application/atom+xml, application/rss+xml, */*"}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.modified:
        headers["If-Modified-Since"] = state.modified
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(MAX_BYTES + 1)
            state.etag = response.headers.get("ETag")
            state.modified = response.headers.get("Last-Modified") or formatdate(usegmt=True)
    except urllib.error.HTTPError as e:
        if e.code == 304:
            return None
        raise ReadError(url, f"HTTP {e.code} {e.reason}", code=NOT_FOUND) from e
    except (urllib.error.URLError, TimeoutError, OSError) as e:
        reason = getattr(e, "reason", None) or e
        raise ReadError(url, f"cannot be fetched: {reason}", code=NOT_FOUND) from e
    if len(data) > MAX_BYTES:
        raise ReadError(url, f"larger than {MAX_BYTES // (1024 * 1024)} MiB", code=NOT_FOUND)
    return data


def poll_once(
    urls: Iterable[str],
    store: Store,
    *,
    states: dict[str, FeedState] | None = None,
    pack_dir: str | None = None,
    timeout: float = TIMEOUT,
) -> PollReport:
    """Fetch every feed once and ingest the entries not already stored."""
    states = states if states is not None else {}
    report = PollReport()
    documents: list[Document] = []
    for url in urls:
        state = states.setdefault(url, FeedState())
        try:
            data = fetch(url, state, timeout=timeout)
            if data is None:
                report.feeds.append(FeedOutcome(url, "unchanged"))
                continue
            entries = read_bytes(data, name="feed.xml", source=url)
        except ReadError as e:
            report.feeds.append(FeedOutcome(url, "failed", reason=e.reason))
            continue
        report.feeds.append(FeedOutcome(url, "read", len(entries)))
        documents.extend(entries)
    unique = {d.id: d for d in documents}
    if unique:
        report.ingest = ingest_documents(unique.values(), store, pack_dir=pack_dir)
    return report


def run_every(
    seconds: float,
    poll: Callable[[], object],
    *,
    polls: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> int:
    """Call ``poll`` now and then every ``seconds`` (from the start of the last one).

    Runs until interrupted, or ``polls`` times; returns how many polls ran.
    """
    done = 0
    while polls is None or done < polls:
        started = clock()
        poll()
        done += 1
        if polls is not None and done >= polls:
            break
        sleep(max(0.0, seconds - (clock() - started)))
    return done
