"""The pack names' keys kept between runs: a matcher built from them is the one built afresh."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from oxus.kb.derived import CACHE_ENV
from oxus.kb.matcher import NameMatcher
from oxus.kb.pack import Pack, load_pack

MINI_PACK = Path(__file__).parent / "data" / "mini_pack"


def _tables(matcher: NameMatcher) -> tuple[object, ...]:
    return (
        matcher._acronyms,
        matcher._folded,
        matcher._compact,
        matcher._skeleton,
        matcher._surnames,
        matcher._buckets,
    )


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("name-keys-*.json"))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    return tmp_path


def test_kept_keys_index_every_name_as_a_fresh_build(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = load_pack(MINI_PACK)
    first = NameMatcher(pack)
    assert len(_entries(cache)) == 1
    kept = NameMatcher(pack)
    monkeypatch.setenv(CACHE_ENV, "off")
    fresh = NameMatcher(pack)
    assert _tables(first) == _tables(kept) == _tables(fresh)
    surface = "Jamaat Ansorullah"
    assert kept.resolve(surface).entity_id == fresh.resolve(surface).entity_id


@pytest.mark.parametrize("damage", ["{not json", "[]", '[["wrong"]]', "null"])
def test_a_damaged_entry_is_keyed_again(cache: Path, damage: str) -> None:
    pack = load_pack(MINI_PACK)
    fresh = NameMatcher(pack)
    (entry,) = _entries(cache)
    entry.write_text(damage)
    assert _tables(NameMatcher(pack)) == _tables(fresh)
    assert len(json.loads(entry.read_text())) == len(pack)


def test_a_changed_name_makes_a_new_entry(cache: Path) -> None:
    pack = load_pack(MINI_PACK)
    NameMatcher(pack)
    first_id, first = next(iter(pack.entries.items()))
    renamed = dataclasses.replace(first.entity, aliases=[*first.entity.aliases, "Brand New Front"])
    changed = Pack(
        pack.name,
        pack.version,
        {**pack.entries, first_id: dataclasses.replace(first, entity=renamed)},
    )
    matcher = NameMatcher(changed)
    assert len(_entries(cache)) == 2
    assert matcher.resolve("Brand New Front").entity_id == first_id
