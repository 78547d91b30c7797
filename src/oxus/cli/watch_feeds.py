"""``oxus watch-feeds``: poll RSS/Atom feeds on a schedule and ingest their new entries."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from oxus.analysis.alerts import latest_alert_id, new_alerts
from oxus.cli.app import DbOption, app, console, errors, store_for
from oxus.polling import FeedState, PollReport, parse_every, poll_once, read_feed_list, run_every


def _line(report: PollReport, alerted: int) -> str:
    outcomes = report.ingest.outcomes
    read = sum(1 for f in report.feeds if f.status == "read")
    same = sum(1 for f in report.feeds if f.status == "unchanged")
    parts = [
        f"{len(report.feeds)} feed(s): {read} read, {same} unchanged, {len(report.failed)} failed",
        f"{outcomes.get('added', 0)} new, {outcomes.get('replaced', 0)} updated, "
        f"{outcomes.get('unchanged', 0) + outcomes.get('duplicate', 0)} already stored",
    ]
    if alerted:
        parts.append(f"{alerted} new fact(s) about what you watch (oxus alerts)")
    return f"{datetime.now().isoformat(timespec='seconds')}  " + "; ".join(parts)


@app.command("watch-feeds")
def watch_feeds(
    feeds: Annotated[
        Path, typer.Argument(metavar="FEEDS.txt", help="Feed URLs, one a line (# comments).")
    ],
    every: Annotated[
        str, typer.Option(help="How often to poll: 30m, 1h, 2h30m, 90s.", show_default=True)
    ] = "30m",
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit (for cron).")] = False,
    pack: Annotated[
        str | None, typer.Option(help="Knowledge pack folder (default: the shipped pack).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Poll RSS/Atom feeds and ingest entries not stored yet; Ctrl-C stops."""
    urls = read_feed_list(feeds)
    seconds = parse_every(every)
    states: dict[str, FeedState] = {}
    failures = 0
    with store_for(db) as store:

        def poll() -> None:
            nonlocal failures
            mark = latest_alert_id(store)
            report = poll_once(urls, store, states=states, pack_dir=pack)
            for feed in report.failed:
                errors.print(
                    f"[red]failed[/red] {feed.url}: {feed.reason}", highlight=False, soft_wrap=True
                )
            failures = len(report.failed)
            console.print(_line(report, new_alerts(store, mark)), highlight=False, soft_wrap=True)

        try:
            if not once:
                console.print(f"polling {len(urls)} feed(s) every {every}; Ctrl-C stops")
            run_every(seconds, poll, polls=1 if once else None)
        except KeyboardInterrupt:
            console.print("stopped")
    if once and failures:
        raise typer.Exit(1)
