"""Who may change the store through the web app, and protection against forged requests.

Rules:
- the server binds to loopback by default; on any other host, write actions need the
  token in ``OXUS_TOKEN`` (header ``X-Oxus-Token`` or ``Authorization: Bearer``, form
  field ``token``, or the cookie set by ``/login``) and the server refuses to start
  without one;
- every form write carries a per-session double-submit CSRF token (cookie and form field
  or ``X-CSRF-Token`` header must agree) and a cross-site ``Origin``/``Referer`` is refused.
  A request authenticated by a token *header* needs no CSRF token: a browser cannot send
  a custom header to another origin.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from fastapi import HTTPException, Request

from oxus.errors import ServeError

CSRF_COOKIE = "oxus_csrf"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
TOKEN_COOKIE = "oxus_token"
TOKEN_HEADER = "x-oxus-token"
ANALYST_FIELD = "analyst"


def is_loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Security:
    """The write policy of one running app."""

    token: str | None = None
    require_token: bool = False

    @classmethod
    def for_host(cls, host: str, token: str | None) -> Security:
        """Loopback needs no token; any other host must have one, or the server won't start."""
        if not is_loopback(host) and not token:
            raise ServeError(
                f"refusing to serve on {host!r} without a token: set OXUS_TOKEN "
                "(write actions then require it)"
            )
        return cls(token=token or None, require_token=bool(token))

    def token_ok(self, candidate: str | None) -> bool:
        if not self.token or not candidate:
            return False
        return hmac.compare_digest(self.token.encode(), candidate.encode())


def new_csrf_token() -> str:
    return secrets.token_urlsafe(24)


def _same_origin(request: Request) -> bool:
    """A cross-site Origin (or Referer, when Origin is absent) is refused."""
    claimed = request.headers.get("origin") or request.headers.get("referer")
    if not claimed or claimed == "null":
        return claimed != "null"
    parts = urlsplit(claimed)
    return f"{parts.scheme}://{parts.netloc}" == f"{request.url.scheme}://{request.url.netloc}"


def _header_token(request: Request) -> str | None:
    header = request.headers.get(TOKEN_HEADER)
    if header:
        return header
    auth = request.headers.get("authorization", "")
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
    header_token = _header_token(request)
    form = await _form(request)
    if header_token is not None:
        if not security.token_ok(header_token):
            raise HTTPException(status_code=401, detail="invalid token")
    else:
        await require_csrf(request)
        if security.require_token:
            candidate = (str(form.get("token", "")) if form else "") or request.cookies.get(
                TOKEN_COOKIE
            )
            if not security.token_ok(candidate):
                raise HTTPException(status_code=401, detail="this server requires a token")
    analyst = request.headers.get("x-oxus-analyst") or (
        str(form.get(ANALYST_FIELD, "")) if form else ""
    )
    client = request.client.host if request.client else "unknown"
    return f"{analyst.strip()[:40] or 'web'}@{client}"
