"""The hostile folder through the real command: nothing crashes, hangs, or goes unnamed."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.hostile import make_hostile_folder

OXUS = str(Path(sys.executable).with_name("oxus"))


def test_hostile_folder_mixed_with_good_files(tmp_path: Path) -> None:
    as_root = os.geteuid() == 0
    folder = make_hostile_folder(tmp_path / "in", unreadable_folder=not as_root)
    db = tmp_path / "store.db"
    started = time.monotonic()
    try:
        result = subprocess.run(
            [
                OXUS,
                "ingest",
                str(folder.root),
                "--db",
                str(db),
                "--quiet",
                "--max-file-size",
                str(folder.max_bytes / 1024 / 1024),
            ],
            capture_output=True,
            text=True,
            timeout=240,
            stdin=subprocess.DEVNULL,
        )
    finally:
        if not as_root and (folder.root / "locked").exists():
            os.chmod(folder.root / "locked", 0o755)
    seconds = time.monotonic() - started
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert result.returncode == 1, output
    assert seconds < 180
    failed = {
        line.removeprefix("failed ").partition(": ")[0]: line.partition(": ")[2]
        for line in result.stderr.splitlines()
        if line.startswith("failed ")
    }
    for name, reason in folder.bad.items():
        path = str(folder.root / name)
        assert path in failed, f"{name} not named: {output}"
        assert reason in failed[path], (name, failed[path])
    assert len(failed) == len(folder.bad), failed
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning ")]
    for name, words in folder.warned.items():
        assert any(str(folder.root / name) in w and words in w for w in warnings), warnings
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT id, source, text FROM documents").fetchall()
    sources = {source for _, source, _ in stored}
    ids = {doc_id for doc_id, _, _ in stored}
    for name, doc_id in folder.good.items():
        assert os.path.abspath(folder.root / name) in sources, f"{name} lost"
        if doc_id:
            assert doc_id in ids
    texts = {doc_id: text for doc_id, _, text in stored}
    assert "Душанбе" in texts["koi8"] and texts["koi8"] == texts["cp1251"]
    assert "Tajik border guards detained two men" in texts["page16"]
    assert "\ufffd" in texts["stray"]
    assert len(stored) == len(folder.good) + 1  # the feed holds two entries
