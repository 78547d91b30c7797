"""The search box in the top bar: suggestions as one types (htmx), before the full page.

The box works without JavaScript (it submits to ``/search``); with htmx, each pause in
typing fetches ``/search/suggest``, an HTML fragment of the best entities and
documents, into a list under the box.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from oxus.analysis.search import search
from oxus.web.api import StoreDep
from oxus.web.pages import render

router = APIRouter(include_in_schema=False)
SUGGESTIONS = 6


@router.get("/search/suggest", response_class=HTMLResponse)
def suggest(request: Request, store: StoreDep, q: str = "") -> HTMLResponse:
    """Up to six entities and six documents for what has been typed so far."""
    results = search(store, q, limit=SUGGESTIONS)
    return render(request, "_suggest.html", q=q.strip(), results=results)
