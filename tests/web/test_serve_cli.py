from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import uvicorn
from typer.testing import CliRunner

from oxus.cli import app

runner = CliRunner()


def test_serve_refuses_a_public_host_without_a_token(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OXUS_TOKEN", raising=False)
    calls: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: calls.append((a, k)))
    result = runner.invoke(app, ["serve", "--host", "0.0.0.0", "--db", str(db_path)])
    assert result.exit_code == 1
    assert "OXUS_TOKEN" in result.output
    assert calls == []


def test_serve_binds_loopback_by_default(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: calls.append((a, k)))
    result = runner.invoke(app, ["serve", "--db", str(db_path), "--port", "8123"])
    assert result.exit_code == 0, result.output
    (web,), options = calls[0]
    assert options["host"] == "127.0.0.1" and options["port"] == 8123
    assert web.state.security.require_token is False


def test_serve_with_a_token_on_a_public_host(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OXUS_TOKEN", "s3cret")
    calls: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: calls.append((a, k)))
    result = runner.invoke(app, ["serve", "--host", "0.0.0.0", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert calls[0][0][0].state.security.require_token is True


@pytest.mark.parametrize("host", ["", "::", "0.0.0.0"])
def test_serve_on_every_interface_needs_a_token_however_spelled(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, host: str
) -> None:
    monkeypatch.delenv("OXUS_TOKEN", raising=False)
    calls: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: calls.append((a, k)))
    result = runner.invoke(app, ["serve", "--host", host, "--db", str(db_path)])
    assert result.exit_code == 1 and "OXUS_TOKEN" in result.output
    assert calls == []


def test_serve_answers_for_allowed_host_names(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: calls.append((a, k)))
    args = ["serve", "--allow-host", "oxus.lan,proxy.example", "--allow-host", "other.example"]
    result = runner.invoke(app, [*args, "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    hosts = calls[0][0][0].state.security.hosts
    for name in ("oxus.lan", "proxy.example:443", "other.example", "127.0.0.1:8000"):
        assert hosts.allows(name), name
    assert not hosts.allows("rebind.evil.example")
