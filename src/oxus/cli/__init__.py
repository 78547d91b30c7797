"""The ``oxus`` command line: one Typer app, one module per command group.

The CLI formats and prints; everything it shows comes from library calls that
return data.
"""

from __future__ import annotations

from oxus.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
