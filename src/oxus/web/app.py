"""The FastAPI application: JSON API under ``/api``, server-rendered pages, static files."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from oxus.analysis.sources import GRADES
from oxus.errors import NotFound, OxusError
from oxus.store import Store
from oxus.web import api, incidents, pages, review, search_box, sources, watch
from oxus.web.cache import VersionedCache
from oxus.web.door import Door
from oxus.web.limits import clip
from oxus.web.render import entity_href, evidence_href, snippet_html
from oxus.web.security import CSRF_COOKIE, Security, new_csrf_token

HERE = Path(__file__).parent
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        "script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        "frame-ancestors 'none'"
    ),
}


def make_templates() -> Jinja2Templates:
    """Autoescaped templates whose every ``{{ value }}`` is cut to a displayable length."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=jinja2.select_autoescape(),
        finalize=clip,
    )
    templates = Jinja2Templates(env=env)
    env.globals.update(
        entity_href=entity_href,
        evidence_href=evidence_href,
        snippet_html=snippet_html,
        grade_labels=GRADES,
    )
    env.filters["label"] = lambda value: str(value or "").replace("_", " ")
    env.filters["num"] = lambda v: "?" if v is None else f"{v:,.0f}"
    return templates


def create_app(
    store: Store,
    *,
    host: str = "127.0.0.1",
    token: str | None = None,
    allow_hosts: Iterable[str] = (),
) -> FastAPI:
    """The web app over one store, answering for ``host`` (and ``allow_hosts``).

    Off loopback every request needs ``token``; on loopback a token guards writes.
    """
    security = Security.for_host(host, token, allow_hosts)
    app = FastAPI(
        title="oxus",
        summary="Evidence-backed knowledge graph of militancy reporting.",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.store = store
    app.state.security = security
    app.state.cache = VersionedCache()
    app.state.templates = make_templates()
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(incidents.api_router)
    app.include_router(api.router)
    app.include_router(incidents.page_router)
    app.include_router(sources.api_router)
    app.include_router(watch.api_router)
    app.include_router(review.router)
    app.include_router(sources.router)
    app.include_router(search_box.router)
    app.include_router(watch.router)
    app.include_router(pages.router)

    @app.middleware("http")
    async def csrf_cookie_and_headers(request: Request, call_next: Any) -> Response:
        token = request.cookies.get(CSRF_COOKIE) or new_csrf_token()
        request.state.csrf = token
        response: Response = await call_next(request)
        if CSRF_COOKIE not in request.cookies:
            response.set_cookie(CSRF_COOKIE, token, httponly=False, samesite="strict")
        for name, value in SECURITY_HEADERS.items():
            if not request.url.path.startswith("/api/docs"):
                response.headers.setdefault(name, value)
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        if request.url.path.startswith("/api"):
            return await request_validation_exception_handler(request, exc)
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg', '')}"
            for e in exc.errors()
        )
        return _error(request, 422, f"invalid request ({problems})")

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _error(request, 404, exc.message)

    @app.exception_handler(OxusError)
    async def oxus_error(request: Request, exc: OxusError) -> Response:
        return _error(request, 400, exc.message)

    app.add_middleware(Door, security=security)  # outermost: before any route runs
    return app


def _error(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api"):
        return JSONResponse({"detail": message}, status_code=status)
    templates: Jinja2Templates = request.app.state.templates
    html = templates.get_template("error.html").render(
        request=request, status=status, message=message, csrf=request.state.csrf
    )
    return HTMLResponse(html, status_code=status)
