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
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.1")


def test_refuses_to_serve_off_loopback_without_a_token(store: Store) -> None:
    with pytest.raises(ServeError):
        create_app(store, host="0.0.0.0")
    create_app(store, host="0.0.0.0", token="s3cret")


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
    c = Client(create_app(store, host="0.0.0.0", token="s3cret"))
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
    assert remote.form("/login", {"token": "nope"}).headers["location"].startswith("/login")
    assert remote.form("/login", {"token": "s3cret"}).status_code == 303
    done = remote.form("/review/merge", {"absorbed": NF2.id, "survivor": NF.id})
    assert done.status_code == 303 and "merged" in done.headers["location"]


def test_reads_stay_open_off_loopback(remote: Client) -> None:
    assert remote.get("/").status_code == 200
    assert remote.get(f"/api/entities/{NF.id}").status_code == 200
