"""Expanding the paths a user names (files, folders, globs) into the files to read."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from pathlib import Path

from oxus.ingest.registry import SUPPORTED_SUFFIXES

_GLOB_CHARS = frozenset("*?[")


def discover(paths: Iterable[str | Path], *, supported_only: bool = True) -> list[Path]:
    """Expand files, folders (recursive, sorted, skipping hidden files) and globs.

    A named file is kept as given, even when it does not exist, so that reading it
    reports the problem for that file. Files found inside folders are kept only when a
    reader handles their suffix, unless ``supported_only`` is false. Each path appears
    once, in the order first found.
    """
    found: dict[Path, None] = {}
    for item in paths:
        path = Path(item).expanduser()
        if path.is_dir():
            found.update(dict.fromkeys(_walk(path, supported_only=supported_only)))
        elif _GLOB_CHARS.intersection(str(item)) and not path.exists():
            for match in sorted(glob.glob(str(path), recursive=True)):
                matched = Path(match)
                if matched.is_dir():
                    found.update(dict.fromkeys(_walk(matched, supported_only=supported_only)))
                elif matched.is_file():
                    found[matched] = None
        else:
            found[path] = None
    return list(found)


def _walk(root: Path, *, supported_only: bool) -> list[Path]:
    """Files under ``root``, sorted, without hidden files or anything in hidden folders."""
    files: list[Path] = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in names:
            if name.startswith("."):
                continue
            path = Path(folder, name)
            if supported_only and path.suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            if path.is_file():
                files.append(path)
    return sorted(files)
