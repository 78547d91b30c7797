from __future__ import annotations

import pytest

from oxus.errors import ServeError
from oxus.store import Store
from oxus.web import create_app
from oxus.web.security import is_loopback
from tests.web.conftest import Client
from tests.web.sample import NF, NF2


def test_loopback_detection() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert is_loopback("127.0.0.2") and is_loopback("[::1]") and is_loopback("::ffff:127.0.0.1")
    for public in ("0.0.0.0", "192.0.2.1", "", " ", "::", "[::]", "2001:db8::1"):
        assert not is_loopback(public), public


@pytest.mark.parametrize("host", ["", "0.0.0.0", "::", "[::]", "192.0.2.1", "2001:db8::1"])
def test_refuses_to_serve_off_loopback_without_a_token(store: Store, host: str) -> None:
    with pytest.raises(ServeError):
        create_app(store, host=host)
    assert create_app(store, host=host, token="s3cret").state.security.protect_reads


def test_form_without_csrf_or_from_another_origin_is_refused(client: Client, store) -> None:
    no_token = client.post("/review/merge", data={"absorbed": NF2.id, "survivor": NF.id})
    assert no_token.status_code == 403
    wrong = client.post(
        "/review/merge",
        data={"absorbed": NF2.id, "survivor": NF.id, "csrf": "forged"},
        headers={"origin": "http://testserver"},
    )
    assert wrong.status_code == 403
    cross = client.form(
        "/review/merge",
        {"absorbed": NF2.id, "survivor": NF.id},
        headers={"origin": "http://evil.example"},
    )
    assert cross.status_code == 403
    with store.engine.connect() as conn:
        from sqlalchemy import select

        from oxus.store import schema

        assert conn.execute(select(schema.audit)).first() is None


@pytest.fixture
def remote(store: Store) -> Client:
    c = Client(create_app(store, host="0.0.0.0", token="s3cret", allow_hosts=["testserver"]))
    yield c
    c.close()


def test_off_loopback_writes_need_the_token(remote: Client, store: Store) -> None:
    body = {"absorbed": NF2.id, "survivor": NF.id}
    assert remote.form("/review/merge", body).status_code == 401
    assert remote.form("/review/merge", {**body, "token": "wrong"}).status_code == 401
    bad_header = remote.post(
        f"/api/entities/{NF2.id}/merge", json={"into": NF.id}, headers={"x-oxus-token": "no"}
    )
    assert bad_header.status_code == 401
    ok = remote.post(
        f"/api/entities/{NF2.id}/merge",
        json={"into": NF.id},
        headers={"authorization": "Bearer s3cret"},
    )
    assert ok.status_code == 200
    remote.post(f"/api/entities/{NF2.id}/unmerge", headers={"x-oxus-token": "s3cret"})
    assert remote.form("/review/merge", {**body, "token": "s3cret"}).status_code == 303


def test_login_sets_the_token_cookie(remote: Client) -> None:
    wrong = remote.form("/login", {"token": "nope"})
    assert wrong.status_code == 401 and "invalid token" in wrong.text
    signed_in = remote.form("/login", {"token": "s3cret", "next": "/review"})
    assert signed_in.status_code == 303 and signed_in.headers["location"] == "/review"
    done = remote.form("/review/merge", {"absorbed": NF2.id, "survivor": NF.id})
    assert done.status_code == 303 and "merged" in done.headers["location"]


def test_login_goes_back_to_the_page_asked_for_and_nowhere_else(remote: Client) -> None:
    asked = remote.get("/search?q=front")
    assert asked.status_code == 303
    assert asked.headers["location"] == "/login?next=/search%3Fq%3Dfront"
    back = remote.form("/login", {"token": "s3cret", "next": "/search?q=front"})
    assert back.headers["location"] == "/search?q=front"
    for elsewhere in (
        "//evil.example/",
        "/\\evil.example",
        "/\t/evil.example",
        "http://evil.example",
    ):
        sent = remote.form("/login", {"token": "s3cret", "next": elsewhere})
        assert sent.headers["location"] == "/review", elsewhere


def test_off_loopback_reads_need_the_token(remote: Client) -> None:
    for path in ("/api/stats", f"/api/entities/{NF.id}", "/api/audit", "/api/openapi.json"):
        refused = remote.get(path)
        assert refused.status_code == 401, path
        assert remote.get(path, headers={"x-oxus-token": "s3cret"}).status_code == 200, path
    assert remote.get("/api/stats", headers={"authorization": "Bearer s3cret"}).status_code == 200
    for page in ("/", "/review", f"/entities/{NF.id}", "/documents/r1", "/map", "/graph"):
        redirect = remote.get(page)
        assert redirect.status_code == 303 and redirect.headers["location"].startswith("/login")
    assert remote.get("/login").status_code == 200
    assert remote.get("/static/oxus.css").status_code == 200
    remote.form("/login", {"token": "s3cret"})
    assert remote.get("/").status_code == 200
    assert remote.get("/api/audit").status_code == 200


def test_a_stale_token_cookie_is_dropped(remote: Client) -> None:
    remote.http.cookies.set("oxus_token", "old-token")
    page = remote.get("/")
    assert page.status_code == 303 and page.headers["location"].startswith("/login")
    assert 'oxus_token=""' in page.headers["set-cookie"]
