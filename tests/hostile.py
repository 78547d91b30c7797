"""A folder of hostile inputs mixed with good reports, made at run time (nothing committed).

Each bad path comes with the words its refusal must contain; each good file with the
document id it must be stored under. Run as a script to look at the folder::

    .venv/bin/python -m tests.hostile OUT_DIR
"""

from __future__ import annotations

import codecs
import os
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

GOOD_REPORT = (
    "Police in Khujand detained four men suspected of recruiting for Jamaat Ansarullah, "
    "the interior ministry said on Monday.\n\n"
    "Officials said the group has about 200 fighters in northern Afghanistan."
)
RUSSIAN = (
    "Полиция Душанбе задержала пятерых мужчин, подозреваемых в вербовке боевиков.\n\n"
    "По данным МВД, задержанные были связаны с группировкой Джамаат Ансаруллах."
)
RSS = (
    '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title>'
    "<item><title>Arrests in Osh</title><guid>wire-1</guid>"
    "<description>Police in Osh arrested three men on Friday.</description></item>"
    "<item><title>Clash near the border</title><guid>wire-2</guid>"
    "<description>Border guards clashed with smugglers near Isfara.</description></item>"
    "</channel></rss>"
)
PAGE = (
    "<!DOCTYPE html><html><head><meta charset='utf-16'><title>Border report</title></head>"
    "<body><article><h1>Border report</h1><p>Tajik border guards detained two men "
    "near Panj on Tuesday, officials said.</p></article></body></html>"
)
REPETITIVE_UNIT = "Jamaat Ansarullah arrested 12 men in Dushanbe, police said. "


@dataclass
class HostileFolder:
    """The folder, the ids good files must get, and the reasons bad paths must be given."""

    root: Path
    good: dict[str, str] = field(default_factory=dict)
    """Path relative to root -> the document id it must be stored under."""
    bad: dict[str, str] = field(default_factory=dict)
    """Path relative to root -> words its reason must contain."""
    warned: dict[str, str] = field(default_factory=dict)
    """Path relative to root -> words of the warning it must be given."""
    max_bytes: int = 4 * 1024 * 1024
    """The size limit the folder is meant to be ingested with (``too-big.txt`` exceeds it)."""


def make_hostile_folder(root: Path, *, unreadable_folder: bool = True) -> HostileFolder:
    """Write the hostile corpus under ``root`` (which must be empty or missing)."""
    root.mkdir(parents=True, exist_ok=True)
    folder = HostileFolder(root)
    rng = random.Random(14)

    def good(name: str, content: str | bytes, doc_id: str) -> None:
        _write(root / name, content)
        folder.good[name] = doc_id

    def bad(name: str, content: str | bytes, reason: str) -> None:
        _write(root / name, content)
        folder.bad[name] = reason

    # Good reports, including the same stem in two folders and with two suffixes.
    # Files are read in sorted order, so report.html claims the bare stem first.
    good("report.html", f"<html><body><p>{GOOD_REPORT}</p></body></html>", "report")
    good("report.txt", GOOD_REPORT, "")
    good("2022/report.txt", GOOD_REPORT.replace("four", "six"), "")
    good("2023/report.txt", GOOD_REPORT.replace("four", "nine"), "")
    # Texts that used to be slow, too long or mangled.
    paragraphs = "\n\n".join(REPETITIVE_UNIT * 8 for _ in range(60))
    good("repetitive.txt", paragraphs, "repetitive")
    emphasis = "\n\n".join("*a _b **c [d `e " * 40 for _ in range(25))
    good("unclosed.md", "# Notes\n\n" + emphasis, "unclosed")
    good("one-line.txt", "Police arrested a man. " * 2700, "one-line")
    good("koi8.txt", RUSSIAN.encode("koi8_r"), "koi8")
    good("cp1251.txt", RUSSIAN.encode("cp1251"), "cp1251")
    good("page16.html", codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le"), "page16")
    good("wirefeed", RSS, "")
    good("stray.txt", GOOD_REPORT.encode() + b"\xff" + b" End of report.", "stray")
    folder.warned["stray.txt"] = "1 byte not valid UTF-8, replaced"
    # Bad inputs: each must be named with its reason.
    bad("blob.bin", bytes(rng.randrange(256) for _ in range(65536)), "unsupported file type")
    bad("noise", b"\x00" + bytes(rng.randrange(256) for _ in range(4096)), "binary data")
    bad("empty.txt", "", "empty file")
    bad("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", "corrupt PDF")
    bad("blank.html", "<html><body><div></div></body></html>", "no text")
    with (root / "too-big.txt").open("wb") as handle:
        handle.truncate(folder.max_bytes + 1)  # sparse: nothing written, nothing read
    folder.bad["too-big.txt"] = "too large"
    os.mkfifo(root / "pipe.txt")
    folder.bad["pipe.txt"] = "not a regular file (a FIFO)"
    os.symlink("self-loop.txt", root / "self-loop.txt")
    folder.bad["self-loop.txt"] = "link loop"
    os.symlink(".", root / "folder-loop")
    folder.bad["folder-loop"] = "link loop"
    os.symlink("/etc/hostname", root / "outside.txt")
    folder.bad["outside.txt"] = "link out of the folder"
    os.symlink("/dev/zero", root / "zero.txt")
    folder.bad["zero.txt"] = "link out of the folder"
    os.symlink("missing.txt", root / "dangling.txt")
    folder.bad["dangling.txt"] = "dangling link"
    os.symlink("report.txt", root / "same-file.txt")  # the same file again: read once
    if unreadable_folder:
        _write(root / "locked" / "inside.txt", GOOD_REPORT)
        os.chmod(root / "locked", 0)
        folder.bad["locked"] = "unreadable folder"
    return folder


def _write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)


if __name__ == "__main__":
    made = make_hostile_folder(Path(sys.argv[1]))
    print(f"{len(made.good)} good files and {len(made.bad)} bad paths in {made.root}")
