"""The front door in-process: hosts and origins, token throttling, request bounds."""

from __future__ import annotations

import socket
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from oxus.errors import ServeError
from oxus.store import Store, schema
from oxus.web import create_app
from oxus.web.hosts import HostPolicy, host_of, is_loopback
from oxus.web.limits import MAX_BODY_BYTES
from tests.web.conftest import Client
from tests.web.sample import NF, NF2

REBIND = "rebind.evil.example"


def fake_dns(monkeypatch: pytest.MonkeyPatch, table: dict[str, list[str]]) -> None:
    """Names resolve from ``table`` only (no lookup leaves the machine)."""

    def getaddrinfo(host: str, *args: Any, **kwargs: Any) -> list[Any]:
        if host not in table:
            raise socket.gaierror(f"unknown {host}")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, 0)) for a in table[host]]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def test_host_names_count_as_loopback_only_when_they_resolve_there(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake_dns(
        monkeypatch,
        {
            "here.test": ["127.0.1.1"],
            "lan.test": ["192.0.2.10"],
            "both.test": ["127.0.0.1", "192.0.2.11"],
        },
    )
    assert is_loopback("here.test")
    assert not is_loopback("lan.test") and not is_loopback("both.test")
    assert not is_loopback("nowhere.test")


def test_a_name_that_resolves_off_loopback_needs_the_token(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_dns(monkeypatch, {"lan.test": ["192.0.2.10"]})
    with pytest.raises(ServeError):
        create_app(store, host="lan.test")
    app = create_app(store, host="lan.test", token="t")
    assert app.state.security.protect_reads
    assert app.state.security.hosts.allows("lan.test:8000")
    assert app.state.security.hosts.allows("192.0.2.10")
    assert not app.state.security.hosts.allows("localhost")


def test_host_header_parsing() -> None:
    assert host_of("Example.ORG:8000") == "example.org"
    assert host_of("[::1]:8000") == "::1" and host_of("::1") == "::1"
    assert host_of("example.org.") == "example.org"
    for bad in ("", "a b", "evil.example/x", "user@evil.example", "[::1", "host:port"):
        assert host_of(bad) is None, bad


def test_policy_by_bound_host() -> None:
    loop = HostPolicy.for_bind("127.0.0.1")
    assert all(loop.allows(h) for h in ("127.0.0.1:8000", "localhost", "[::1]:8000", "127.0.0.5"))
    assert not loop.allows(REBIND) and not loop.allows("192.0.2.1") and not loop.allows(None)
    lan = HostPolicy.for_bind("192.0.2.1", ["oxus.lan"])
    assert lan.allows("192.0.2.1:8000") and lan.allows("OXUS.lan")
    assert not lan.allows("192.0.2.2") and not lan.allows("localhost") and not lan.allows(REBIND)
    every = HostPolicy.for_bind("")
    assert (
        every.allows("192.0.2.99:8000")
        and every.allows("[2001:db8::5]")
        and every.allows("localhost")
    )
    assert every.allows(socket.gethostname()) and not every.allows(REBIND)


@pytest.fixture
def loopback(store: Store) -> Iterator[Client]:
    c = Client(create_app(store, allow_hosts=["testserver"]))
    yield c
    c.close()


def _audit_rows(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(schema.audit)).scalar_one())


def test_dns_rebinding_is_refused_even_on_loopback(loopback: Client, store: Store) -> None:
    for path in ("/", "/api/stats", f"/api/entities/{NF.id}", "/login"):
        refused = loopback.get(path, headers={"host": f"{REBIND}:8000"})
        assert refused.status_code == 400, path
        assert "--allow-host" in refused.text
    merge = loopback.post(
        f"/api/entities/{NF2.id}/merge",
        json={"into": NF.id},
        headers={"host": REBIND, "x-csrf-token": loopback.csrf(), "origin": f"http://{REBIND}"},
    )
    assert merge.status_code == 400
    assert _audit_rows(store) == 0
    for host in ("127.0.0.1:8000", "localhost:8000", "[::1]:8000", "testserver"):
        assert loopback.get("/api/stats", headers={"host": host}).status_code == 200, host


def test_a_foreign_origin_is_refused_for_reads_too(loopback: Client) -> None:
    assert loopback.get("/api/stats", headers={"origin": "http://evil.example"}).status_code == 403
    assert loopback.get("/api/stats", headers={"origin": "http://testserver"}).status_code == 200
    assert (
        loopback.get("/api/stats", headers={"origin": "http://127.0.0.1:8000"}).status_code == 200
    )


def test_allow_host_adds_a_name(store: Store) -> None:
    c = Client(create_app(store, allow_hosts=["oxus.example.org", "testserver"]))
    try:
        assert c.get("/api/stats", headers={"host": "oxus.example.org"}).status_code == 200
        assert c.get("/api/stats", headers={"host": "other.example.org"}).status_code == 400
    finally:
        c.close()


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def remote(store: Store) -> Iterator[tuple[Client, FakeClock]]:
    app = create_app(store, host="0.0.0.0", token="s3cret", allow_hosts=["testserver"])
    clock = FakeClock()
    app.state.security.throttle.clock = clock
    c = Client(app)
    yield c, clock
    c.close()


def test_login_slows_down_after_wrong_tokens(remote: tuple[Client, FakeClock]) -> None:
    client, clock = remote
    started = time.monotonic()
    statuses, waits = [], []
    for i in range(20):
        answer = client.form("/login", {"token": f"guess-{i}"})
        statuses.append(answer.status_code)
        waits.append(int(answer.headers.get("retry-after", 0)))
    elapsed = time.monotonic() - started
    assert statuses[:3] == [401, 401, 401]
    assert statuses[3] == 401 and waits[3] == 1  # the 4th wrong token starts a lockout
    assert set(statuses[4:]) == {429}  # answered at once, the token not even compared
    assert elapsed < 5, f"20 sign-in attempts took {elapsed:.1f} s: nothing may sleep"
    locked = client.form("/login", {"token": "s3cret"})
    assert locked.status_code == 429 and "try again" in locked.text
    clock.now += 1.5
    assert client.form("/login", {"token": "wrong again"}).headers["retry-after"] == "2"
    clock.now += 2.5
    assert client.form("/login", {"token": "s3cret"}).status_code == 303
    assert client.get("/").status_code == 200
    assert client.form("/login", {"token": "x"}).status_code == 401  # the count starts over


def test_wrong_header_tokens_share_the_lockout(
    store: Store, remote: tuple[Client, FakeClock]
) -> None:
    client, clock = remote
    codes = [
        client.get("/api/stats", headers={"x-oxus-token": f"g{i}"}).status_code for i in range(6)
    ]
    assert codes == [401, 401, 401, 401, 429, 429]
    assert client.get("/api/stats", headers={"x-oxus-token": "s3cret"}).status_code == 429
    other = Client(client.app, address="192.0.2.44")  # another client is not held up
    try:
        assert other.get("/api/stats", headers={"x-oxus-token": "s3cret"}).status_code == 200
    finally:
        other.close()
    clock.now += 60
    assert client.get("/api/stats", headers={"x-oxus-token": "s3cret"}).status_code == 200


def test_a_missing_token_is_no_guess(remote: tuple[Client, FakeClock]) -> None:
    client, _ = remote
    assert {client.get("/api/stats").status_code for _ in range(10)} == {401}
    assert client.get("/api/stats", headers={"x-oxus-token": "s3cret"}).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        f"/api/timeline?offset={2**63}",
        "/api/timeline?offset=-1",
        f"/api/timeline?limit={2**64}",
        f"/timeline?page={2**63}",
        "/timeline?page=0",
        f"/api/search?limit={10**30}",
        f"/api/network?max_nodes={2**70}",
    ],
)
def test_integers_out_of_range_are_4xx(loopback: Client, url: str) -> None:
    assert loopback.get(url).status_code == 422


def test_fact_and_candidate_ids_out_of_range_are_4xx(loopback: Client) -> None:
    headers = {"x-csrf-token": loopback.csrf(), "origin": "http://testserver"}
    for fact_id in (2**63, 2**64, -1, 0):
        answer = loopback.post(
            f"/api/facts/relation/{fact_id}/review", json={"status": "accepted"}, headers=headers
        )
        assert answer.status_code == 422, fact_id
        assert (
            loopback.post(f"/api/candidates/{fact_id}/reject", headers=headers).status_code == 422
        )
        form = loopback.form(
            "/review/fact", {"kind": "relation", "fact_id": str(fact_id), "status": "accepted"}
        )
        assert form.status_code == 422, fact_id


def test_long_queries_paths_and_bodies_are_refused(loopback: Client) -> None:
    assert loopback.get("/search?q=" + "x" * 60_000).status_code == 414
    assert loopback.get("/api/search?q=" + "x" * 60_000).status_code == 414
    assert loopback.get("/api/entities/" + "x" * 5000).status_code == 414
    big = b"into=" + b"x" * (MAX_BODY_BYTES + 1)
    headers = {"x-csrf-token": loopback.csrf(), "origin": "http://testserver"}
    sized = loopback.post(f"/api/entities/{NF2.id}/merge", content=big, headers=headers)
    assert sized.status_code == 413

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: counted as it arrives
        for _ in range(3):
            yield b"x" * (MAX_BODY_BYTES // 2)

    streamed = loopback.post(f"/api/entities/{NF2.id}/merge", content=chunks(), headers=headers)
    assert streamed.status_code == 413


def test_search_terms_near_the_bound_answer_quickly(loopback: Client) -> None:
    for query in ("the " * 2000, "x" * 8000, " ".join(f"w{i}" for i in range(1500))):
        started = time.monotonic()
        answer = loopback.get("/api/search", params={"q": query[:8000]})
        assert answer.status_code == 200
        assert time.monotonic() - started < 2
    assert loopback.get("/search", params={"q": "front " * 1000}).status_code == 200


def test_a_huge_highlight_is_ignored(loopback: Client) -> None:
    assert loopback.get("/documents/r1?hl=1-" + "9" * 5000).status_code == 200
    assert loopback.get("/documents/r1?hl=²-³").status_code == 200


def test_invalid_page_parameters_get_an_html_error(loopback: Client) -> None:
    answer = loopback.get("/timeline?page=abc")
    assert answer.status_code == 422 and answer.headers["content-type"].startswith("text/html")
    assert "page" in answer.text
