"""Who may use the web app, and protection against forged requests.

Rules:
- the server binds to loopback by default; listening anywhere else (however the host is
  spelled: ``""``, ``0.0.0.0``, ``::``, an address or a name that resolves off
  loopback) needs the token in ``OXUS_TOKEN``, and the server refuses to start without
  one. There every request needs the token, reads included (``oxus.web.door``); on
  loopback a token, when set, guards writes only;
- the token travels as header ``X-Oxus-Token`` or ``Authorization: Bearer``, form field
  ``token``, or the HttpOnly cookie set by ``/login``; wrong tokens are throttled per
  client (``oxus.web.throttle``);
- only the bound host names (and ``--allow-host`` ones) are answered (``oxus.web.hosts``);
- every form write carries a per-session double-submit CSRF token (cookie and form field
  or ``X-CSRF-Token`` header must agree) and a cross-site ``Origin``/``Referer`` is refused.
  A request authenticated by a token *header* needs no CSRF token: a browser cannot send
  a custom header to another origin.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from fastapi import HTTPException, Request

from oxus.errors import ServeError
from oxus.web.hosts import HostPolicy, is_loopback
from oxus.web.throttle import Throttle

__all__ = ["Security", "TokenRefused", "is_loopback", "require_csrf", "require_write"]

CSRF_COOKIE = "oxus_csrf"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
TOKEN_COOKIE = "oxus_token"
TOKEN_HEADER = "x-oxus-token"
TOKEN_FIELD = "token"
ANALYST_FIELD = "analyst"


class TokenRefused(Exception):
    """A token check failed: 401 (wrong or missing) or 429 (too many wrong ones)."""

    def __init__(self, status: int, detail: str, retry_after: int = 0) -> None:
        super().__init__(detail)
        self.status, self.detail, self.retry_after = status, detail, retry_after

    @property
    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)} if self.retry_after else {}

    def http(self) -> HTTPException:
        return HTTPException(self.status, detail=self.detail, headers=self.headers or None)


@dataclass(frozen=True)
class Security:
    """The access policy of one running app."""

    token: str | None = None
    require_token: bool = False
    """Writes need the token (whenever one is set)."""
    protect_reads: bool = False
    """Every request needs the token (off loopback)."""
    hosts: HostPolicy = field(default_factory=lambda: HostPolicy.for_bind("127.0.0.1"))
    throttle: Throttle = field(default_factory=Throttle, compare=False)

    @classmethod
    def for_host(cls, host: str, token: str | None, allow_hosts: Iterable[str] = ()) -> Security:
        """Loopback needs no token; any other host must have one, or the server won't start."""
        loopback = is_loopback(host)
        if not loopback and not token:
            raise ServeError(
                f"refusing to serve on {host!r} without a token: set OXUS_TOKEN "
                "(every request then requires it)"
            )
        return cls(
            token=token or None,
            require_token=bool(token),
            protect_reads=not loopback,
            hosts=HostPolicy.for_bind(host, allow_hosts),
        )

    def token_ok(self, candidate: str | None) -> bool:
        if not self.token or not candidate:
            return False
        return hmac.compare_digest(self.token.encode(), candidate.encode())

    def check(self, client: str, candidate: str | None) -> None:
        """Accept the right token; count a wrong one; refuse a client that must wait.

        A missing token is refused without counting: it is no guess.
        """
        wait = self.throttle.wait(client)
        if wait:
            raise TokenRefused(429, f"too many wrong tokens: try again in {wait} s", wait)
        if not candidate:
            raise TokenRefused(401, "this server requires a token")
        if self.token_ok(candidate):
            self.throttle.succeeded(client)
            return
        raise TokenRefused(401, "invalid token", self.throttle.failed(client))


def client_of(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def new_csrf_token() -> str:
    return secrets.token_urlsafe(24)


def _same_origin(request: Request) -> bool:
    """A cross-site Origin (or Referer, when Origin is absent) is refused."""
    claimed = request.headers.get("origin") or request.headers.get("referer")
    if not claimed or claimed == "null":
        return claimed != "null"
    parts = urlsplit(claimed)
    return f"{parts.scheme}://{parts.netloc}" == f"{request.url.scheme}://{request.url.netloc}"


def header_token(headers: Any) -> str | None:
    """The token sent as ``X-Oxus-Token`` or ``Authorization: Bearer``, if any."""
    header = headers.get(TOKEN_HEADER)
    if header:
        return str(header)
    auth = str(headers.get("authorization", ""))
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return None


async def require_csrf(request: Request) -> None:
    """Same origin, and the CSRF cookie matches the form field or header."""
    if not _same_origin(request):
        raise HTTPException(status_code=403, detail="cross-origin request refused")
    form = await _form(request)
    cookie = request.cookies.get(CSRF_COOKIE, "")
    sent = request.headers.get(CSRF_HEADER) or (str(form.get(CSRF_FIELD, "")) if form else "")
    if not cookie or not sent or not hmac.compare_digest(cookie.encode(), sent.encode()):
        raise HTTPException(status_code=403, detail="missing or invalid CSRF token")


async def _form(request: Request) -> Any:
    if request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        return await request.form()
    return None


async def require_write(request: Request) -> str:
    """Check a write request (token policy, CSRF, origin); return the actor for the audit."""
    security: Security = request.app.state.security
    client = client_of(request)
    sent_header = header_token(request.headers)
    form = await _form(request)
    try:
        if sent_header is not None:
            security.check(client, sent_header)
        else:
            await require_csrf(request)
            if security.require_token:
                candidate = (str(form.get(TOKEN_FIELD, "")) if form else "") or request.cookies.get(
                    TOKEN_COOKIE
                )
                security.check(client, candidate)
    except TokenRefused as refused:
        raise refused.http() from None
    analyst = request.headers.get("x-oxus-analyst") or (
        str(form.get(ANALYST_FIELD, "")) if form else ""
    )
    return f"{analyst.strip()[:40] or 'web'}@{client}"
