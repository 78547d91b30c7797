"""The ``oxus`` program loads only the command it runs; imported, the CLI has them all."""

from __future__ import annotations

import json
import subprocess
import sys

import typer.main

from oxus.cli import app
from oxus.cli.app import COMMAND_MODULES

LOADED = """
import json
import sys
sys.argv = ["oxus", *sys.argv[1:]]
from oxus.program import main
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules if m.startswith("oxus.cli."))), file=sys.stderr)
"""


def _defined() -> dict[str, set[str]]:
    """Every command and group of the full command line, with the modules defining it."""
    out: dict[str, set[str]] = {}
    for command in app.registered_commands:
        assert command.callback is not None
        name = command.name or typer.main.get_command_name(command.callback.__name__)
        out[name] = {command.callback.__module__}
    for group in app.registered_groups:
        instance = group.typer_instance
        assert group.name is not None and instance is not None
        commands = instance.registered_commands
        out[group.name] = {c.callback.__module__ for c in commands if c.callback}
    return out


def test_every_command_is_mapped_to_the_modules_that_define_it() -> None:
    mapped = {name: {f"oxus.cli.{m}" for m in modules} for name, modules in COMMAND_MODULES.items()}
    assert mapped == _defined()


def _loaded(*args: str) -> tuple[str, list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", LOADED, *args], capture_output=True, text=True, timeout=120
    )
    return done.stdout, json.loads(done.stderr.strip().splitlines()[-1])


def test_the_program_registers_only_the_command_it_runs() -> None:
    shown, loaded = _loaded("stats", "--help")
    assert "Usage: oxus stats [OPTIONS]" in shown  # the command by its name, as always
    assert [m for m in loaded if m not in ("oxus.cli.app",)] == ["oxus.cli.stats"]


def test_help_and_unknown_commands_see_every_command() -> None:
    for args in (["--help"], ["no-such-command"]):
        _, loaded = _loaded(*args)
        assert {f"oxus.cli.{m}" for ms in COMMAND_MODULES.values() for m in ms} <= set(loaded)
