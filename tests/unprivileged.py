"""Running a command as a user without privileges, for tests of permissions.

The suite runs as root in CI, and root reads and writes whatever the permission bits
say: a folder with mode 000 stops nobody. These helpers run the real command as user
``nobody`` (through ``setpriv``) inside a folder that user can reach, so unreadable
folders and read-only stores are tested for real.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

NOBODY = 65534
OXUS = str(Path(sys.executable).with_name("oxus"))


def _prefix() -> list[str]:
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot drop privileges")
    prefix = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--"]
    probe = subprocess.run([*prefix, sys.executable, "-c", "import oxus"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("this checkout cannot be read by an unprivileged user")
    return prefix


@contextmanager
def shared_folder() -> Iterator[Path]:
    """A temporary folder the unprivileged user may enter and write."""
    folder = Path(tempfile.mkdtemp(prefix="oxus-perm-"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)


def run_unprivileged(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``oxus ARGS`` as an unprivileged user (as the current one when that is not root)."""
    return subprocess.run(
        [*_prefix(), OXUS, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "HOME": "/tmp"},
    )
