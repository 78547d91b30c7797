"""Expanding the paths a user names (files, folders, globs) into the files to read.

Nothing is dropped without a word: every path named or found in a folder is either a
file to read or a refusal with its reason (not found, dangling link, link loop, link
out of the folder, not a regular file, unreadable folder). Nothing is opened here:
types come from ``stat``, so a FIFO or a device is refused without being touched.
Hidden files and folders (``.git``, ``.cache``) are not part of a folder's contents.
"""

from __future__ import annotations

import errno
import glob
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from oxus.errors import NOT_A_FILE, NOT_FOUND, OUTSIDE, UNREADABLE, ReadError
from oxus.ingest.registry import SUPPORTED_SUFFIXES

_GLOB_CHARS = frozenset("*?[")


@dataclass
class Found:
    """The files to read, in order, and the paths refused with their reasons."""

    files: list[Path] = field(default_factory=list)
    refused: list[ReadError] = field(default_factory=list)
    _seen: set[str] = field(default_factory=set, repr=False)

    def add(self, path: Path) -> None:
        """Keep ``path`` unless the same file (through a link or twice named) is kept."""
        key = os.path.realpath(path)
        if key not in self._seen:
            self._seen.add(key)
            self.files.append(path)

    def refuse(self, path: Path | str, reason: str, code: str) -> None:
        self.refused.append(ReadError(str(path), reason, code=code))


def find_sources(paths: Iterable[str | Path]) -> Found:
    """Every file to read under ``paths``, and every path that will not be, with why.

    A named file is kept whatever its suffix (the reader sniffs its content); a named
    link is followed wherever it points. Inside folders (recursive, sorted) links are
    followed only when they stay inside the folder.
    """
    found = Found()
    for item in paths:
        path = Path(item).expanduser()
        if _GLOB_CHARS.intersection(str(item)) and not os.path.lexists(path):
            matches = sorted(glob.glob(str(path), recursive=True))
            if not matches:
                found.refuse(item, "no file matches this pattern", NOT_FOUND)
            for match in matches:
                _named(Path(match), found)
        else:
            _named(path, found)
    return found


def discover(paths: Iterable[str | Path], *, supported_only: bool = True) -> list[Path]:
    """The files to read under ``paths`` (refusals left out).

    With ``supported_only``, files found inside folders are kept only when their suffix
    names a reader; named files are always kept.
    """
    found = find_sources(paths)
    if not supported_only:
        return found.files
    named = {Path(item).expanduser() for item in paths}
    return [p for p in found.files if p in named or p.suffix.lower() in SUPPORTED_SUFFIXES]


def _named(path: Path, found: Found) -> None:
    """A path the user named (or a glob matched): follow it, whatever it points at."""
    mode, reason, code = _target_mode(path)
    if mode is None:
        found.refuse(path, reason, code)
    elif stat.S_ISDIR(mode):
        _walk(path, found)
    elif stat.S_ISREG(mode):
        found.add(path)
    else:
        found.refuse(path, f"not a regular file ({kind_of(mode)})", NOT_A_FILE)


def _walk(root: Path, found: Found) -> None:
    """Files under ``root``, sorted; links followed only when they stay inside ``root``."""
    real_root = os.path.realpath(root)

    def unreadable(error: OSError) -> None:
        folder = error.filename or root
        found.refuse(folder, f"unreadable folder: {error.strerror or error}", UNREADABLE)

    for folder, subfolders, names in os.walk(root, onerror=unreadable):
        subfolders.sort()
        kept = []
        for name in subfolders:
            if name.startswith("."):
                continue
            path = Path(folder, name)
            if not path.is_symlink():
                kept.append(name)
                continue
            target = _inside(path, real_root, found)
            if target is not None and _is_ancestor(target, path):
                found.refuse(path, "link loop (points at a folder that holds it)", NOT_A_FILE)
            # A link to a folder inside the root: its files are found where they are.
        subfolders[:] = kept
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = Path(folder, name)
            if path.is_symlink() and _inside(path, real_root, found) is None:
                continue
            mode, reason, code = _target_mode(path)
            if mode is None:
                found.refuse(path, reason, code)
            elif stat.S_ISREG(mode):
                found.add(path)
            elif stat.S_ISDIR(mode):
                continue  # a link to a folder inside the root, walked where it is
            else:
                found.refuse(path, f"not a regular file ({kind_of(mode)})", NOT_A_FILE)


def _inside(link: Path, real_root: str, found: Found) -> str | None:
    """The real target of a link inside a walked folder, or None (refused) if it leaves it."""
    target = os.path.realpath(link)
    if target != real_root and not target.startswith(real_root.rstrip(os.sep) + os.sep):
        if os.path.lexists(target) or not _dangling(link):
            found.refuse(link, f"link out of the folder (to {target})", OUTSIDE)
        else:
            found.refuse(link, f"dangling link (to {os.readlink(link)})", NOT_FOUND)
        return None
    return target


def _is_ancestor(target: str, link: Path) -> bool:
    parent = os.path.realpath(link.parent)
    return parent == target or parent.startswith(target.rstrip(os.sep) + os.sep)


def _dangling(link: Path) -> bool:
    try:
        os.stat(link)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return False


def _target_mode(path: Path) -> tuple[int | None, str, str]:
    """The file type a path leads to (following links), or None, the reason and its code."""
    try:
        return os.stat(path).st_mode, "", ""
    except FileNotFoundError:
        if os.path.islink(path):
            return None, f"dangling link (to {os.readlink(path)})", NOT_FOUND
        return None, "not found", NOT_FOUND
    except OSError as e:
        if e.errno == errno.ELOOP:
            return None, "link loop", NOT_A_FILE
        return None, f"cannot be examined: {e.strerror or e}", UNREADABLE


def kind_of(mode: int) -> str:
    """A reader's word for a non-regular file type."""
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "a special file"
