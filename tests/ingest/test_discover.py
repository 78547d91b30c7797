from __future__ import annotations

from pathlib import Path

import pytest

from oxus.errors import NOT_FOUND
from oxus.ingest import discover, find_sources


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
