"""The ``oxus`` program: the command line, loading only the command it runs.

Importing every command's module (the web app's, the brief's, the evaluation's...) and
building all their options is a noticeable part of a short run's start. Run as the
program, oxus knows from its first argument which command it runs and registers that
one; help, no argument or a name that is not a command register them all. The command
line imported any other way (``from oxus.cli import app`` in tests or notebooks) has
every command.
"""

from __future__ import annotations

import sys

from oxus.collector import loading

_command: str | None = None


def requested_command() -> str | None:
    """The command the running program was started for (None when oxus is not the program,
    or no command was named)."""
    return _command


def main() -> None:
    """The ``oxus`` and ``python -m oxus`` entry point."""
    global _command
    args = sys.argv[1:]
    _command = args[0] if args and not args[0].startswith("-") else None
    with loading():
        from oxus.cli import main as run
    run()
