"""The Typer application and the options every command shares.

Every error reaches the user as one line on standard error (``error: ...``) and a
non-zero exit code: oxus's own errors, bad arguments, and, as a last resort, anything
unexpected (``OXUS_DEBUG=1`` shows its traceback instead).
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperGroup

from oxus.errors import OxusError
from oxus.store import Store, open_store

console = Console()
errors = Console(stderr=True, soft_wrap=True)

INTERNAL_ERROR = 70
"""Exit code for an error oxus did not expect (sysexits' EX_SOFTWARE)."""


_own_process = False


def own_process() -> None:
    """Declare that oxus is this process's program (the ``oxus`` command), not a library
    called from someone else's Python: commands may then tune the process itself."""
    global _own_process
    _own_process = True


def owns_process() -> bool:
    return _own_process


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one error line and return the exit to raise."""
    errors.print(f"[red]error:[/red] {escape(one_line(message))}", highlight=False)
    return typer.Exit(code)


def one_line(message: str) -> str:
    return " ".join(message.split())


class OneLineErrors(TyperGroup):
    """The command group, with every error printed as one line and a non-zero exit."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        code = self._run(args, prog_name, complete_var, extra)
        if standalone_mode:
            sys.exit(code)
        return code

    def _run(
        self,
        args: Sequence[str] | None,
        prog_name: str | None,
        complete_var: str | None,
        extra: dict[str, Any],
    ) -> int:
        try:
            result = super().main(
                args=args,
                prog_name=prog_name,
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )
        except typer.TyperException as e:
            return _usage_error(e)
        except typer.Abort:
            fail("aborted")
            return 1
        except KeyboardInterrupt:
            fail("interrupted")
            return 130
        except OxusError as e:
            fail(str(e))
            return 1
        except Exception as e:
            if os.environ.get("OXUS_DEBUG"):
                raise
            fail(f"unexpected {type(e).__name__}: {e} (OXUS_DEBUG=1 shows where)")
            return INTERNAL_ERROR
        return result if isinstance(result, int) else 0


def _usage_error(error: typer.TyperException) -> int:
    """A bad argument: one line naming the command whose help explains it."""
    code = int(getattr(error, "exit_code", 2))
    ctx = getattr(error, "ctx", None)
    if type(error).__name__ == "NoArgsIsHelpError":
        error.show()  # type: ignore[attr-defined]
        return code
    where = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
    fail(f"{error.format_message()}{where}")
    return code


app = typer.Typer(
    name="oxus",
    cls=OneLineErrors,
    help="Turn reporting on militancy in Afghanistan and Central Asia into an "
    "evidence-backed knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _commands() -> None:
    # A callback keeps the app a group of commands when the program registered only the
    # one it runs (Typer would otherwise run a lone command without its name).
    pass


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Store: a SQLite path or a database URL (postgresql://...). "
        "Default: $OXUS_DB, else ./oxus.db.",
        show_default=False,
    ),
]


def store_for(db: str | None, *, reading: bool = False, create: bool = False) -> Store:
    """Open the store for a command; ``reading`` commands open read-only stores too, and
    refuse a missing one unless ``create``. Use it as ``with store_for(db) as store:``;
    an error opening it reaches the user as one line like any other."""
    return open_store(db, reading=reading, create=create)


def output_path(out: Path, *, folder: bool = False) -> Path:
    """Check where a command will write before it does any work.

    A file needs an existing folder and must not be a folder itself; ``folder``
    outputs (csv) must not be an existing file.
    """
    if folder:
        if out.exists() and not out.is_dir():
            raise fail(f"--out {out} is a file; csv writes a folder of tables")
        parent = out.parent
    else:
        if out.is_dir():
            raise fail(f"--out {out} is a folder; give a file name")
        parent = out.parent
    if not parent.is_dir():
        raise fail(f"--out {out}: folder {parent} does not exist")
    if not os.access(parent, os.W_OK):
        raise fail(f"--out {out}: folder {parent} cannot be written")
    return out


COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "bench": ("bench",),
    "bench-scale": ("bench",),
    "brief": ("brief",),
    "entity": ("entity",),
    "eval": ("eval_cmd",),
    "export": ("export",),
    "facts": ("facts_cmd",),
    "import": ("import_cmd",),
    "incidents": ("incidents", "incidents_edit"),
    "ingest": ("ingest",),
    "serve": ("serve",),
    "sources": ("sources",),
    "stats": ("stats",),
    "train": ("train",),
    "alerts": ("watch",),
    "watch": ("watch",),
    "watch-feeds": ("watch_feeds",),
}
"""Each command or command group, and the modules of ``oxus.cli`` that define it."""


def register_commands(command: str | None = None) -> None:
    """Import the modules that define ``command``, or every command's (None, or a name
    that is not a command: help and errors then see them all)."""
    modules = COMMAND_MODULES.get(command or "")
    if modules is None:
        modules = tuple(dict.fromkeys(m for ms in COMMAND_MODULES.values() for m in ms))
    for module in modules:
        importlib.import_module(f"oxus.cli.{module}")
