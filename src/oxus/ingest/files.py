"""Reading one file's bytes safely: regular files only, never past a size limit.

The type is checked with ``stat`` before opening, so a FIFO (which would block) or a
device (which may never end) is refused untouched; the open itself does not block and
is checked again, in case the path changed in between. The read stops one byte past
the limit, which also bounds files whose size the system does not report (``/proc``).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from oxus.errors import NOT_A_FILE, NOT_FOUND, TOO_LARGE, UNREADABLE, UNSUPPORTED, ReadError
from oxus.ingest.discover import kind_of

DEFAULT_MAX_BYTES = 100 * 1024 * 1024
"""The largest file read by default (100 MiB): a 2,000-page PDF is a tenth of that."""

_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | os.O_CLOEXEC


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of the regular file at ``path``; ReadError when it is anything else."""
    source = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError as e:
        reason = f"dangling link (to {os.readlink(path)})" if path.is_symlink() else "not found"
        raise ReadError(source, reason, code=NOT_FOUND) from e
    except OSError as e:
        raise _os_error(source, e) from e
    if stat.S_ISDIR(info.st_mode):
        raise ReadError(source, "is a folder, not a file", code=UNSUPPORTED)
    if not stat.S_ISREG(info.st_mode):
        raise ReadError(source, f"not a regular file ({kind_of(info.st_mode)})", code=NOT_A_FILE)
    if info.st_size > max_bytes:
        raise too_large(source, info.st_size, max_bytes)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as e:
        raise _os_error(source, e) from e
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise ReadError(source, f"not a regular file ({kind_of(mode)})", code=NOT_A_FILE)
        try:
            data = handle.read(max_bytes + 1)
        except OSError as e:
            raise _os_error(source, e) from e
    if len(data) > max_bytes:
        raise too_large(source, len(data), max_bytes)
    return data


def too_large(source: str, size: int, limit: int) -> ReadError:
    over = "more than " if size == limit + 1 else ""
    return ReadError(
        source,
        f"too large ({over}{_mib(size)}; the limit is {_mib(limit)}, see --max-file-size)",
        code=TOO_LARGE,
    )


def _mib(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MiB"


def _os_error(source: str, error: OSError) -> ReadError:
    if error.errno == errno.ELOOP:
        return ReadError(source, "link loop", code=NOT_A_FILE)
    return ReadError(source, f"cannot be read: {error.strerror or error}", code=UNREADABLE)
