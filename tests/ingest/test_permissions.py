"""Unreadable folders and files are named, as a user without privileges meets them."""

from __future__ import annotations

from tests.hostile import GOOD_REPORT
from tests.unprivileged import run_unprivileged, shared_folder


def test_unreadable_folder_and_file_are_named_and_the_rest_ingested() -> None:
    with shared_folder() as root:
        reports = root / "reports"
        (reports / "locked").mkdir(parents=True)
        (reports / "locked" / "inside.txt").write_text(GOOD_REPORT, encoding="utf-8")
        (reports / "secret.txt").write_text(GOOD_REPORT, encoding="utf-8")
        (reports / "open.txt").write_text(GOOD_REPORT, encoding="utf-8")
        for path in (reports, root):
            path.chmod(0o777)
        (reports / "locked").chmod(0)
        (reports / "secret.txt").chmod(0)
        result = run_unprivileged("ingest", str(reports), "--db", str(root / "s.db"), "-q")
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stderr
    assert f"failed {reports / 'locked'}: unreadable folder: Permission denied" in result.stderr
    assert f"failed {reports / 'secret.txt'}: cannot be read: Permission denied" in result.stderr
    assert "added" in result.stdout and "│ added                       │     1 │" in result.stdout
