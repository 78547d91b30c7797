from __future__ import annotations

import os
from pathlib import Path

import pytest

from oxus.errors import NOT_FOUND, ReadError
from oxus.ingest import discover, find_sources
from oxus.ingest.files import read_file


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name in (
        "b.txt",
        "a.txt",
        "notes.md",
        "page.html",
        "image.png",
        ".hidden.txt",
        "sub/c.txt",
        "sub/deeper/d.pdf",
        ".git/e.txt",
        "sub/.cache/f.txt",
    ):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    return tmp_path


def _names(paths: list[Path], root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in paths]


def test_folder_recursive_sorted_without_hidden(tree: Path) -> None:
    assert _names(discover([tree]), tree) == [
        "a.txt",
        "b.txt",
        "notes.md",
        "page.html",
        "sub/c.txt",
        "sub/deeper/d.pdf",
    ]


def test_folder_with_all_files(tree: Path) -> None:
    assert "image.png" in _names(discover([tree], supported_only=False), tree)
    assert ".hidden.txt" not in _names(discover([tree], supported_only=False), tree)


def test_glob(tree: Path) -> None:
    assert _names(discover([str(tree / "*.txt")]), tree) == ["a.txt", "b.txt"]
    assert _names(discover([str(tree / "**" / "*.txt")]), tree) == ["a.txt", "b.txt", "sub/c.txt"]


def test_relative_glob(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree)
    assert [p.as_posix() for p in discover(["sub/*.txt"])] == ["sub/c.txt"]


def test_files_kept_in_order_and_deduplicated(tree: Path) -> None:
    found = discover([tree / "b.txt", tree / "image.png", tree, tree / "a.txt"])
    names = _names(found, tree)
    assert names[:2] == ["b.txt", "image.png"]
    assert names.count("a.txt") == 1 and names.count("b.txt") == 1


def test_missing_file_is_refused_with_its_reason(tmp_path: Path) -> None:
    found = find_sources([tmp_path / "missing.txt"])
    assert found.files == []
    [refusal] = found.refused
    assert (refusal.source, refusal.reason, refusal.code) == (
        str(tmp_path / "missing.txt"),
        "not found",
        NOT_FOUND,
    )


def test_glob_without_matches(tmp_path: Path) -> None:
    assert discover([str(tmp_path / "*.nothing")]) == []
    [refusal] = find_sources([str(tmp_path / "*.nothing")]).refused
    assert refusal.reason == "no file matches this pattern"


def test_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert discover([tmp_path / "empty"]) == []


def test_devices_and_fifos_are_refused_without_being_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    found = find_sources([fifo, "/dev/zero"])
    assert found.files == []
    assert [(r.source, r.reason) for r in found.refused] == [
        (str(fifo), "not a regular file (a FIFO)"),
        ("/dev/zero", "not a regular file (a character device)"),
    ]
    with pytest.raises(ReadError, match="a FIFO"):
        read_file(fifo)  # returns at once: a FIFO is never opened


def test_links_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    os.symlink("../a.txt", tmp_path / "sub" / "same.txt")
    os.symlink("/etc/hostname", tmp_path / "out.txt")
    os.symlink("nowhere.txt", tmp_path / "gone.txt")
    os.symlink("..", tmp_path / "sub" / "up")
    found = find_sources([tmp_path])
    assert found.files == [tmp_path / "a.txt"]
    reasons = {Path(r.source).name: r.reason for r in found.refused}
    assert reasons == {
        "gone.txt": "dangling link (to nowhere.txt)",
        "out.txt": "link out of the folder (to /etc/hostname)",
        "up": "link loop (points at a folder that holds it)",
    }


def test_a_named_link_is_followed_wherever_it_points(tmp_path: Path) -> None:
    os.symlink("/etc/hostname", tmp_path / "host.txt")
    assert find_sources([tmp_path / "host.txt"]).files == [tmp_path / "host.txt"]


def test_reading_stops_at_the_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2048)
    assert read_file(big, max_bytes=2048) == b"x" * 2048
    with pytest.raises(ReadError, match="too large"):
        read_file(big, max_bytes=1024)
