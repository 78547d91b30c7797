"""Fixtures for the web app: a sample store and an in-process HTTP client."""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from oxus.store import Store
from oxus.web import create_app
from tests.web.sample import build


class Client:
    """A synchronous wrapper over httpx's ASGI transport that keeps cookies between calls."""

    def __init__(self, app: Any, address: str = "127.0.0.1") -> None:
        self.app = app
        # Its own loop in its own thread: another library's loop may be running here.
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.http = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app, client=(address, 5000)),
            base_url="http://testserver",
        )

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        return self._run(self.http.request(method, url, **kwargs))

    def _run(self, coroutine: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout=60)

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)

    def csrf(self) -> str:
        """The session's CSRF token (from the sign-in page, which is always open)."""
        if "oxus_csrf" not in self.http.cookies:
            self.get("/login")
        return self.http.cookies["oxus_csrf"]

    def form(self, url: str, data: dict[str, Any], **kwargs: Any) -> httpx.Response:
        """Submit a form as the review page does (same origin, CSRF token)."""
        body = {"csrf": self.csrf(), **data}
        headers = {"origin": "http://testserver", **kwargs.pop("headers", {})}
        return self.post(url, data=body, headers=headers, **kwargs)

    def close(self) -> None:
        self._run(self.http.aclose())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)
        self.loop.close()


@pytest.fixture
def store(fresh_db: Store) -> Store:
    return build(fresh_db)


@pytest.fixture
def client(store: Store) -> Iterator[Client]:
    c = Client(create_app(store, allow_hosts=["testserver"]))
    yield c
    c.close()


def text_of(html: str) -> str:
    """Visible text of a page, tags removed, whitespace collapsed (for assertions)."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())
