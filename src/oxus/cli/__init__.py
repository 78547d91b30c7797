"""The ``oxus`` command line: one Typer app, one module per command group.

The CLI formats and prints; everything it shows comes from library calls that
return data.
"""

from __future__ import annotations

import gc

from oxus.cli.app import app, own_process, register_commands
from oxus.program import requested_command

register_commands(requested_command())


def main() -> None:
    own_process()
    try:
        app()
    finally:
        # Nothing alive now is garbage the collector must find: freezing it spares the
        # interpreter's teardown a traversal of everything loaded (a third of a second
        # after an ingest).
        gc.freeze()


__all__ = ["app", "main"]
