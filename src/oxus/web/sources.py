"""The Sources page and API: the registry of outlets and speakers, graded and editable.

Edits are plain POST forms (and JSON API calls) checked by ``require_write``, written
through ``oxus.analysis.source_registry`` with an audit record; the store's version
changes with the audit row, so cached profiles and graphs are recomputed at once.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel

from oxus.analysis.source_registry import add_source, grade_source, list_sources, reset_source
from oxus.analysis.sources import GRADES, KINDS
from oxus.errors import OxusError
from oxus.web.api import StoreDep, Writer
from oxus.web.jsonio import json_response
from oxus.web.pages import render
from oxus.web.review import redirect_back

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api", tags=["api"])
Grade = Literal["A", "B", "C", "D", "E", "F"]


@router.get("/sources", response_class=HTMLResponse)
def sources_page(
    request: Request, store: StoreDep, msg: str | None = None, error: str | None = None
) -> HTMLResponse:
    usage, unmatched = list_sources(store)
    return render(
        request,
        "sources.html",
        nav="sources",
        usage=usage,
        unmatched=unmatched,
        grades=GRADES,
        kinds=KINDS,
        msg=msg,
        error=error,
    )


@router.post("/sources/grade")
def grade_action(
    store: StoreDep,
    actor: Writer,
    name: Annotated[str, Form()],
    grade: Annotated[str, Form()],
    reason: Annotated[str, Form()] = "",
    kind: Annotated[str, Form()] = "",
) -> RedirectResponse:
    try:
        source = grade_source(store, name, grade, reason=reason, kind=kind or None, actor=actor)
    except OxusError as e:
        return redirect_back("/sources", error=e.message)
    return redirect_back(f"/sources#src-{source.id}", msg=f"{source.name} graded {source.grade}")


@router.post("/sources/add")
def add_action(
    store: StoreDep,
    actor: Writer,
    name: Annotated[str, Form()],
    kind: Annotated[str, Form()],
    grade: Annotated[str, Form()],
    reason: Annotated[str, Form()],
    domain: Annotated[str, Form()] = "",
) -> RedirectResponse:
    try:
        source = add_source(
            store,
            name,
            kind=kind,
            grade=grade,
            reason=reason,
            domains=[d for d in domain.replace(",", " ").split() if d],
            actor=actor,
        )
    except OxusError as e:
        return redirect_back("/sources", error=e.message)
    return redirect_back(f"/sources#src-{source.id}", msg=f"added {source.name} ({source.grade})")


@router.post("/sources/reset")
def reset_action(store: StoreDep, actor: Writer, name: Annotated[str, Form()]) -> RedirectResponse:
    try:
        seed = reset_source(store, name, actor=actor)
    except OxusError as e:
        return redirect_back("/sources", error=e.message)
    done = f"{seed.name} is back to {seed.grade}" if seed else f"removed {name}"
    return redirect_back("/sources", msg=done)


@api_router.get("/sources")
def api_sources(store: StoreDep) -> Any:
    """Every source with its kind, Admiralty grade, reason and stored document count."""
    usage, unmatched = list_sources(store)
    return json_response({"sources": usage, "unmatched_documents": unmatched})


class GradeBody(BaseModel):
    grade: Grade
    reason: str | None = None
    kind: str | None = None


@api_router.post("/sources/{name}/grade")
def api_grade(store: StoreDep, actor: Writer, name: str, body: GradeBody) -> dict[str, str]:
    """Regrade a source (its id, name or an outlet name); audited, shown everywhere at once."""
    source = grade_source(store, name, body.grade, reason=body.reason, kind=body.kind, actor=actor)
    return {"source": source.id, "grade": source.grade, "reliability": source.reliability}
