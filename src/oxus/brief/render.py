"""Render a brief as Markdown, HTML (Jinja2, escaped) or PDF (WeasyPrint)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from oxus.analysis.sources import GRADES
from oxus.brief.model import Brief, Source

TEMPLATES = Path(__file__).parent / "templates"
EMPTY = "No stored reporting."


def _marks(refs: list[int]) -> str:
    return "".join(f"[{n}]" for n in refs)


def source_line(source: Source) -> str:
    outlet = source.outlet or "Unknown outlet"
    if source.grade:
        outlet += f" [{source.grade}: {GRADES[source.grade]}]"
    parts = [outlet]
    if source.title:
        parts.append(f'"{source.title}"')
    parts.append(source.published or "undated")
    text = ", ".join(parts) + f" (document {source.document_id})"
    return text + (f". {source.url}" if source.url else ".")


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def render_markdown(brief: Brief) -> str:
    out = [f"# {brief.title}", "", f"*{brief.subtitle}*", ""]
    for section in brief.sections:
        out += [f"## {section.title}", ""]
        if section.empty:
            out += [EMPTY, ""]
            continue
        out += [f"- {line.text}{_marks(line.refs)}" for line in section.lines]
        if section.table and section.table.rows:
            table = section.table
            out.append("| " + " | ".join(table.columns) + " |")
            out.append("|" + "---|" * len(table.columns))
            for row, refs in zip(table.rows, table.refs, strict=True):
                cells = [_cell(c) for c in row]
                cells[-1] += _marks(refs)
                out.append("| " + " | ".join(cells) + " |")
        out.append("")
    out += ["## Sources", ""]
    out += [f"{s.number}. {source_line(s)}" for s in brief.sources] or [EMPTY]
    return "\n".join(out) + "\n"


def render_html(brief: Brief) -> str:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True),
    )
    env.filters["source_line"] = source_line
    return env.get_template("brief.html.j2").render(brief=brief, empty=EMPTY)


def render_pdf(brief: Brief, path: Path) -> None:
    from weasyprint import HTML

    HTML(string=render_html(brief)).write_pdf(path)
