"""The app's front door: every request passes here before any route or query runs.

In order, a request is refused when
1. its ``Host`` is not one the server answers for (400: DNS rebinding), or its
   ``Origin`` names a page of another host (403);
2. its path or query string is longer than ``oxus.web.limits`` allows (414), or its
   body larger (413);
3. the server listens off loopback and the request lacks the token (pages redirect to
   ``/login``; the API and writes get 401), or the client guessed wrong too often (429).
``/login`` and ``/static/`` stay open so that a browser can sign in.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qs, quote

from starlette.datastructures import Headers
from starlette.requests import cookie_parser
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response

from oxus.web.limits import MAX_BODY_BYTES, MAX_PATH_BYTES, MAX_QUERY_BYTES
from oxus.web.security import TOKEN_COOKIE, TOKEN_FIELD, Security, TokenRefused, header_token

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

OPEN_PREFIXES = ("/login", "/static/", "/favicon.ico")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
PLAIN_HEADERS = {"X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"}


class Refusal(Exception):
    def __init__(self, status: int, detail: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status, self.detail, self.headers = status, detail, headers or {}


def _refuse(scope: Scope, refusal: Refusal) -> Response:
    headers = {**PLAIN_HEADERS, **refusal.headers}
    if scope["path"].startswith("/api"):
        return JSONResponse({"detail": refusal.detail}, refusal.status, headers=headers)
    return PlainTextResponse(refusal.detail, refusal.status, headers=headers)


def _short(value: str, limit: int = 80) -> str:
    return value if len(value) <= limit else value[:limit] + "…"


class Door:
    """ASGI middleware enforcing one app's ``Security`` and the request bounds."""

    def __init__(self, app: ASGIApp, security: Security) -> None:
        self.app = app
        self.security = security

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            headers = Headers(scope=scope)
            self._check_address(scope, headers)
            body = b""
            if scope["method"] not in SAFE_METHODS:
                body = await _read_body(receive, headers)
                receive = _replay(body, receive)
            if self.security.protect_reads and not scope["path"].startswith(OPEN_PREFIXES):
                redirect = self._check_token(scope, headers, body)
                if redirect is not None:
                    await redirect(scope, receive, send)
                    return
        except Refusal as refusal:
            await _refuse(scope, refusal)(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _check_address(self, scope: Scope, headers: Headers) -> None:
        host = headers.get("host")
        if host is not None and not self.security.hosts.allows(host):
            raise Refusal(
                400,
                f"this server does not answer for host {_short(host)!r}: "
                "start it with --allow-host NAME to add a name",
            )
        origin = headers.get("origin")
        if origin and origin != "null" and not self.security.hosts.allows_origin(origin):
            raise Refusal(403, f"requests from {_short(origin)!r} are refused")
        if len(scope.get("raw_path") or scope["path"].encode()) > MAX_PATH_BYTES:
            raise Refusal(414, f"path longer than {MAX_PATH_BYTES} bytes")
        if len(scope.get("query_string", b"")) > MAX_QUERY_BYTES:
            raise Refusal(414, f"query string longer than {MAX_QUERY_BYTES} bytes")

    def _check_token(self, scope: Scope, headers: Headers, body: bytes) -> Response | None:
        """None when the request carries the right token; a redirect to sign in for pages."""
        cookies = cookie_parser(headers.get("cookie", ""))
        candidate = header_token(headers) or cookies.get(TOKEN_COOKIE) or _form_token(headers, body)
        page = scope["method"] in ("GET", "HEAD") and not scope["path"].startswith("/api")
        if candidate is None and page:
            return _to_login(scope)
        client = scope["client"][0] if scope.get("client") else "unknown"
        try:
            self.security.check(client, candidate)
        except TokenRefused as refused:
            if page and refused.status == 401 and candidate == cookies.get(TOKEN_COOKIE):
                response = _to_login(scope)
                response.delete_cookie(TOKEN_COOKIE)  # stale: sign in again
                return response
            raise Refusal(refused.status, refused.detail, refused.headers) from None
        return None


def _to_login(scope: Scope) -> RedirectResponse:
    target = scope["path"] + ("?" + scope["query_string"].decode("latin-1"))
    target = target.rstrip("?")
    return RedirectResponse(f"/login?next={quote(target)}", status_code=303)


def _form_token(headers: Headers, body: bytes) -> str | None:
    if not body or not headers.get("content-type", "").startswith(
        "application/x-www-form-urlencoded"
    ):
        return None
    fields = parse_qs(body.decode("utf-8", "replace"), max_num_fields=1000)
    values = fields.get(TOKEN_FIELD)
    return values[0] if values else None


async def _read_body(receive: Receive, headers: Headers) -> bytes:
    """The whole request body, refused past ``MAX_BODY_BYTES`` (declared or sent)."""
    declared = headers.get("content-length")
    if declared is not None:
        declared = declared.strip()
        if not (declared.isascii() and declared.isdigit()):
            raise Refusal(400, "invalid Content-Length")
        if len(declared) > 12 or int(declared) > MAX_BODY_BYTES:
            raise Refusal(413, f"request body larger than {MAX_BODY_BYTES:,} bytes")
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise Refusal(413, f"request body larger than {MAX_BODY_BYTES:,} bytes")
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that hands the app the body already read, then waits as before."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
