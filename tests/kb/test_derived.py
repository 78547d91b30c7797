"""The cache of what is derived from the pack: right answers whatever state it is in."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from oxus.kb import derived
from oxus.kb.pack import load_pack

MINI_PACK = Path(__file__).parent / "data" / "mini_pack"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(derived.CACHE_ENV, str(folder))
    return folder


def _counting(value: Any) -> tuple[list[int], Any]:
    calls: list[int] = []

    def build() -> Any:
        calls.append(1)
        return value

    return calls, build


def test_an_entry_is_built_once_then_read(cache: Path) -> None:
    calls, build = _counting({"a": [1, 2.5, None, True]})
    for _ in range(3):
        assert derived.cached("t", "k1", build, valid=lambda f: isinstance(f, dict)) == {
            "a": [1, 2.5, None, True]
        }
    assert len(calls) == 1
    assert [p.name for p in cache.iterdir()] == ["t-k1.json"]


@pytest.mark.parametrize("content", [b"{not json", b"", b"\xff\xfe", b'["wrong shape"]'])
def test_a_damaged_entry_is_built_again_and_replaced(cache: Path, content: bytes) -> None:
    cache.mkdir()
    (cache / "t-k1.json").write_bytes(content)
    calls, build = _counting({"ok": 1})
    assert derived.cached("t", "k1", build, valid=lambda f: isinstance(f, dict)) == {"ok": 1}
    assert calls == [1]
    assert json.loads((cache / "t-k1.json").read_text()) == {"ok": 1}


def test_caching_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(derived.CACHE_ENV, "off")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    calls, build = _counting([1])
    for _ in range(2):
        derived.cached("t", "k", build, valid=lambda f: True)
    assert len(calls) == 2
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_cache_folder_is_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(derived.CACHE_ENV, str(blocker / "cache"))
    _, build = _counting([1])
    assert derived.cached("t", "k", build, valid=lambda f: True) == [1]


def test_values_json_would_change_are_not_stored(cache: Path) -> None:
    import datetime

    value = {"since": datetime.date(2020, 1, 2)}
    calls, build = _counting(value)
    for _ in range(2):
        assert (
            derived.cached("t", "k", build, valid=lambda f: True, storable=derived.plain_json)
            == value
        )
    assert len(calls) == 2
    assert not derived.plain_json({1: "a"})
    assert not derived.plain_json((1, 2))
    assert derived.plain_json({"a": [1, 2.0, "x", None, False]})


def test_digest_separates_its_parts() -> None:
    assert derived.digest(["ab", "c"]) != derived.digest(["a", "bc"])
    assert derived.digest(["ab", b"c"]) == derived.digest([b"ab", "c"])


def test_the_pack_reads_the_same_from_the_cache(cache: Path) -> None:
    first = load_pack(MINI_PACK)
    assert any(p.name.startswith("pack-") for p in cache.iterdir())
    again = load_pack(MINI_PACK)
    assert again == first


def test_a_changed_pack_file_is_parsed_again(cache: Path, tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    for path in MINI_PACK.iterdir():
        (pack / path.name).write_bytes(path.read_bytes())
    before = load_pack(pack)
    entities = pack / "entities.yaml"
    entities.write_text(
        entities.read_text(encoding="utf-8").replace(
            "Jamaat Ansarullah", "Jamaat Ansarullah Two", 1
        ),
        encoding="utf-8",
    )
    after = load_pack(pack)
    assert {e.name for e in after.entities()} != {e.name for e in before.entities()}
    assert "Jamaat Ansarullah Two" in {e.name for e in after.entities()}
