"""Real-browser fixtures: the app served by uvicorn in a thread, headless Debian Chromium.

Pages are driven with Playwright's Python package against ``/usr/bin/chromium`` (no
browser download). Each test saves a screenshot of its page: into a temporary folder,
or into ``$OXUS_SCREENSHOTS`` when set (``make screenshots`` sets it to docs/screenshots).
"""

from __future__ import annotations

import os
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from oxus.store import Store, open_store
from oxus.web import create_app
from tests.web.sample import build

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS_ENV = "OXUS_SCREENSHOTS"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """The web app over ``store`` on a free loopback port, in a background thread."""

    def __init__(self, store: Store) -> None:
        import uvicorn

        self.store = store
        self.port = free_port()
        config = uvicorn.Config(
            create_app(store), host="127.0.0.1", port=self.port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the web server did not start")
            time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture(scope="session")
def corpus_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """The app over a copy of the ingested shared corpus (tests may change the copy).

    ``OXUS_TEST_CORPUS_DB`` names an already ingested store to use instead of ingesting.
    """
    given = os.environ.get("OXUS_TEST_CORPUS_DB")
    source = Path(given) if given else request.getfixturevalue("corpus_db")
    copy = tmp_path_factory.mktemp("web-corpus") / "corpus.db"
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    store = open_store(str(copy))
    server = Server(store)
    yield server
    server.stop()
    store.close()


@pytest.fixture
def sample_server(tmp_path: Path) -> Iterator[Server]:
    """The app over the hand-made sample store (a fresh file per test)."""
    store = build(open_store(str(tmp_path / "sample.db")))
    server = Server(store)
    yield server
    server.stop()
    store.close()


_screenshots: list[Path] = []


@pytest.fixture(scope="session", autouse=True)
def screenshots_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Where screenshots go: ``$OXUS_SCREENSHOTS`` for the docs, else a temporary folder."""
    chosen = os.environ.get(SCREENSHOTS_ENV)
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    _screenshots.append(folder)
    yield folder
    _screenshots.remove(folder)


def shoot(page: object, name: str) -> Path:
    """Save a screenshot of ``page`` as ``<name>.png`` in the session's screenshot folder."""
    path = _screenshots[-1] / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)  # type: ignore[attr-defined]
    return path
