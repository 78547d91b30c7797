"""Hostile STIX bundles, generated (never committed): what an attacker or a broken tool sends.

Each case is a file's bytes and whether a careful importer takes it (``True``: imported,
perhaps skipping what it cannot use) or refuses it whole (``False``). Most refused
bundles start with valid objects and break near the end, so that an importer that
stores as it reads would leave a partial import behind. Write them to a folder, and
with ``--into STORE`` import each one there, printing per bundle the outcome and the
seconds taken, then the process's peak memory, as JSON lines::

    python -m tests.export.hostile_stix OUTDIR [--into STORE]
"""

from __future__ import annotations

import argparse
import copy
import json
import resource
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

STAMP = "2023-05-01T00:00:00.000Z"
BUNDLE = "bundle--4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b"
GROUP = "intrusion-set--0a5b8c2e-7f1d-4c3a-9b6e-1d2f3a4b5c6d"
PERSON = "identity--1a5b8c2e-7f1d-4c3a-9b6e-1d2f3a4b5c6d"
PLACE = "location--2a5b8c2e-7f1d-4c3a-9b6e-1d2f3a4b5c6d"
LEADS = "relationship--3a5b8c2e-7f1d-4c3a-9b6e-1d2f3a4b5c6d"
BASED = "relationship--4a5b8c2e-7f1d-4c3a-9b6e-1d2f3a4b5c6d"
ATTACK = "incident--5a5b8c2e-7f1d-4c3a-9b6e-1d2f3a4b5c6d"
SIZE = "note--6a5b8c2e-7f1d-4c3a-9b6e-1d2f3a4b5c6d"
REPORT = "report--7a5b8c2e-7f1d-4c3a-9b6e-1d2f3a4b5c6d"
MISSING = "location--9f5b8c2e-7f1d-4c3a-9b6e-1d2f3a4b5c6d"
DOC = "hostile-doc"
S1 = "The Lake Wardens, led by Omar Tulan, are based in Reed Valley."
S2 = "The Lake Wardens attacked a post in Reed Valley on 2 May."
S3 = "Officials said the Lake Wardens have about 400 fighters."
OFFSETS = {S1: 0, S2: len(S1) + 2, S3: len(S1) + len(S2) + 4}


def _common(kind: str, ident: str) -> dict[str, Any]:
    return {"type": kind, "spec_version": "2.1", "id": ident, "created": STAMP, "modified": STAMP}


def evidence(sentence: str, **extra: Any) -> dict[str, Any]:
    at = OFFSETS[sentence]
    item = {"document": DOC, "start": at, "end": at + len(sentence), "text": sentence}
    return {**item, "polarity": "affirmed", "hedged": False, "confidence": 0.8, **extra}


def base() -> dict[str, Any]:
    """A small valid bundle as oxus writes it: entities, facts with evidence, a report."""
    objects = [
        {**_common("intrusion-set", GROUP), "name": "Lake Wardens", "aliases": ["LW"]},
        {**_common("identity", PERSON), "name": "Omar Tulan", "identity_class": "individual"},
        {
            **_common("location", PLACE),
            "name": "Reed Valley",
            "country": "TJ",
            "latitude": 38.1,
            "longitude": 69.9,
            "x_oxus_type": "place",
        },
        {
            **_common("relationship", LEADS),
            "relationship_type": "leader-of",
            "source_ref": PERSON,
            "target_ref": GROUP,
            "x_oxus_predicate": "leader_of",
            "x_oxus_evidence": [evidence(S1, role="leader")],
        },
        {
            **_common("relationship", BASED),
            "relationship_type": "located-at",
            "source_ref": GROUP,
            "target_ref": PLACE,
            "x_oxus_predicate": "based_in",
            "x_oxus_evidence": [evidence(S1)],
        },
        {
            **_common("incident", ATTACK),
            "name": "attack in Reed Valley",
            "x_oxus_event_type": "attack",
            "x_oxus_date": "2023-05-02",
            "x_oxus_counts": {"killed": 2},
            "x_oxus_agent_refs": [GROUP],
            "x_oxus_location_ref": PLACE,
            "x_oxus_evidence": evidence(S2),
        },
        {
            **_common("note", SIZE),
            "content": S3,
            "object_refs": [GROUP],
            "x_oxus_estimate": {
                "measure": "fighters",
                "qualifier": "about",
                "low": 400,
                "high": 400,
                "as_of": "2023-05",
            },
            "x_oxus_evidence": evidence(S3),
        },
        {
            **_common("report", REPORT),
            "name": "Wardens report",
            "published": STAMP,
            "report_types": ["threat-report"],
            "object_refs": [GROUP, PERSON, PLACE, LEADS, BASED, ATTACK, SIZE],
            "x_oxus_document": {"id": DOC, "published": "2023-05-01", "language": "en"},
        },
    ]
    return {"type": "bundle", "id": BUNDLE, "objects": objects}


def _of(bundle: dict[str, Any], ident: str) -> dict[str, Any]:
    return next(o for o in bundle["objects"] if o["id"] == ident)


def _edit(change: Callable[[dict[str, Any]], Any]) -> bytes:
    bundle = copy.deepcopy(base())
    change(bundle)
    return json.dumps(bundle).encode()


def _set(ident: str, key: str, value: Any) -> bytes:
    return _edit(lambda b: _of(b, ident).__setitem__(key, value))


def _set_evidence(ident: str, **values: Any) -> bytes:
    def change(bundle: dict[str, Any]) -> None:
        item = _of(bundle, ident)["x_oxus_evidence"]
        (item[0] if isinstance(item, list) else item).update(values)

    return _edit(change)


def _append(obj: dict[str, Any]) -> bytes:
    return _edit(lambda b: b["objects"].append(obj))


def _nested(depth: int) -> bytes:
    inner = "[" * depth + "]" * depth
    text = json.dumps(base())
    return (
        text[:-2]
        + ', {"type": "x-deep", "id": "x-deep--'
        + "1" * 8
        + "-1111-4111-8111-"
        + "1" * 12
        + '", "x_nest": '
        + inner
        + "}]}"
    ).encode()


def _far_documents(count: int, offset: int) -> bytes:
    def change(bundle: dict[str, Any]) -> None:
        rel = _of(bundle, LEADS)
        rel["x_oxus_evidence"] = [
            {"document": f"far-{i}", "start": offset, "end": offset + len(S1), "text": S1}
            for i in range(count)
        ]

    return _edit(change)


def _raw_replace(old: str, new: str) -> bytes:
    text = json.dumps(base())
    assert old in text, old
    return text.replace(old, new, 1).encode()


def refused() -> Iterator[tuple[str, bytes]]:
    """Bundles that must be refused whole, with one clear line."""
    yield "empty-file", b""
    yield "truncated-json", json.dumps(base()).encode()[:-40]
    yield "not-utf8", b"\xff\xfe\x00{" + b"\x9c" * 64
    yield "top-level-array", b"[]"
    yield "top-level-string", b'"bundle"'
    yield "type-not-bundle", _edit(lambda b: b.__setitem__("type", "report"))
    yield "bundle-without-id", _edit(lambda b: b.pop("id"))
    yield "objects-not-a-list", _edit(lambda b: b.__setitem__("objects", {"a": 1}))
    yield "objects-empty", _edit(lambda b: b.__setitem__("objects", []))
    yield "object-is-a-number", _edit(lambda b: b["objects"].append(42))
    yield "object-without-type", _edit(lambda b: _of(b, ATTACK).pop("type"))
    yield (
        "id-of-another-type",
        _set(GROUP, "id", "relationship--0a5b8c2e-7f1d-4c3a-9b6e-1d2f3a4b5c6d"),
    )
    yield "duplicate-ids", _edit(lambda b: b["objects"].append(copy.deepcopy(_of(b, GROUP))))
    yield "duplicate-keys", _raw_replace('"name": "Lake Wardens"', '"name": "A", "name": "B"')
    yield "nan-number", _raw_replace('"confidence": 0.8', '"confidence": NaN')
    yield "infinite-number", _raw_replace('"latitude": 38.1', '"latitude": 1e999')
    yield "number-of-5000-digits", _raw_replace('"start": 0', '"start": ' + "9" * 5000)
    yield "offset-above-2-63", _set_evidence(LEADS, start=2**63, end=2**63 + len(S1))
    yield "offset-negative", _set_evidence(LEADS, start=-5, end=-5 + len(S1))
    yield "offset-float", _set_evidence(LEADS, start=0.5, end=0.5 + len(S1))
    yield "offset-string", _set_evidence(LEADS, start="0")
    yield "offsets-not-the-text-length", _set_evidence(ATTACK, end=OFFSETS[S2] + 3)
    yield "1kb-huge-offset", _far_documents(1, 10**9)
    yield "far-offsets-in-many-documents", _far_documents(6, 19_000_000)
    yield "overlapping-sentences-disagree", _set_evidence(BASED, text=S1.upper())
    yield "offsets-without-document", _set_evidence(ATTACK, document=None)
    yield "unknown-predicate", _set(BASED, "x_oxus_predicate", "eats")
    yield "unknown-event-type", _set(ATTACK, "x_oxus_event_type", "party")
    yield (
        "unknown-measure",
        _edit(lambda b: _of(b, SIZE)["x_oxus_estimate"].update(measure="tanks")),
    )
    yield "unknown-status", _set(GROUP, "x_oxus_status", "secret")
    yield "unknown-entity-type", _set(PLACE, "x_oxus_type", "planet")
    yield "unknown-polarity", _set_evidence(BASED, polarity="maybe")
    yield "name-is-a-number", _set(PERSON, "name", 12345)
    yield "aliases-a-string", _set(GROUP, "aliases", "LW")
    yield "name-of-10000-chars", _set(GROUP, "name", "W" * 10_000)
    yield "string-of-5-mb", _set(REPORT, "description", "D" * 5_000_000)
    yield "nested-100000-deep", _nested(100_000)
    yield "nested-60-deep", _nested(60)
    yield "missing-location-ref", _set(ATTACK, "x_oxus_location_ref", MISSING)
    yield "missing-asserted-by", _set_evidence(LEADS, asserted_by_ref=MISSING)
    yield "relationship-to-itself", _set(BASED, "target_ref", GROUP)
    yield "nul-in-name", _set(PERSON, "name", "Omar\x00Tulan")
    yield "lone-surrogate", _raw_replace('"Omar Tulan"', '"Omar \\ud800Tulan"')
    yield "control-characters-in-name", _set(PERSON, "name", "Omar \x1b[31mTulan")
    yield "impossible-date", _set(ATTACK, "x_oxus_date", "2023-13-45")
    yield "negative-count", _set(ATTACK, "x_oxus_counts", {"killed": -3})
    yield "boolean-count", _set(ATTACK, "x_oxus_counts", {"killed": True})
    yield "unknown-count", _set(ATTACK, "x_oxus_counts", {"cats": 3})
    yield (
        "estimate-low-above-high",
        _edit(lambda b: _of(b, SIZE)["x_oxus_estimate"].update(low=900, high=10)),
    )
    yield "hedged-not-boolean", _set_evidence(LEADS, hedged="yes")
    yield "confidence-above-one", _set_evidence(LEADS, confidence=5)
    yield "latitude-out-of-range", _set(PLACE, "latitude", 200)
    yield "timestamp-not-a-date", _set(GROUP, "created", "yesterday")
    yield "relationship-without-type", _edit(lambda b: _of(b, LEADS).pop("relationship_type"))
    yield (
        "document-id-with-newline",
        _edit(lambda b: _of(b, REPORT)["x_oxus_document"].update(id="doc\nid")),
    )


def imported() -> Iterator[tuple[str, bytes]]:
    """Bundles that look odd but hold nothing wrong: imported, unusable parts skipped."""
    yield "valid-base", json.dumps(base()).encode()

    def cycle(bundle: dict[str, Any]) -> None:
        for ident, (a, b) in {
            "relationship--8a5b8c2e-7f1d-4c3a-9b6e-1d2f3a4b5c6d": (GROUP, PERSON),
            "relationship--8b5b8c2e-7f1d-4c3a-9b6e-1d2f3a4b5c6d": (PERSON, GROUP),
        }.items():
            bundle["objects"].append(
                {
                    **_common("relationship", ident),
                    "relationship_type": "part-of",
                    "source_ref": a,
                    "target_ref": b,
                }
            )

    yield "part-of-cycle", _edit(cycle)
    yield "unknown-relationship-type", _set(BASED, "relationship_type", "uses")
    yield "relationship-to-a-missing-object", _set(BASED, "target_ref", MISSING)
    yield (
        "unknown-object-type",
        _append(
            {
                **_common("malware", "malware--0c5b8c2e-7f1d-4c3a-9b6e-1d2f3a4b5c6d"),
                "name": "X",
                "is_family": False,
            }
        ),
    )
    yield "a-thousand-aliases", _set(GROUP, "aliases", [f"Warden alias {i}" for i in range(1000)])


def write_all(folder: Path) -> dict[Path, bool]:
    """Every case as ``NAME.json`` in ``folder``; True for those to be imported."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: dict[Path, bool] = {}
    for expected, source in ((False, refused()), (True, imported())):
        for name, data in source:
            path = folder / f"{name}.json"
            path.write_bytes(data)
            cases[path] = expected
    return cases


def import_each(cases: dict[Path, bool], store_path: Path) -> Iterator[dict[str, Any]]:
    """Import every bundle into the store at ``store_path``: outcome and seconds of each."""
    from oxus.errors import OxusError
    from oxus.export.stix_import import import_stix
    from oxus.store import open_store

    for path, expected in sorted(cases.items()):
        store = open_store(str(store_path))
        started = time.monotonic()
        try:
            import_stix(store, path.read_bytes())
            outcome = "imported"
        except OxusError as e:
            outcome = f"refused: {e}"
        finally:
            store.close()
        seconds = round(time.monotonic() - started, 3)
        yield {"bundle": path.stem, "expected": expected, "outcome": outcome, "seconds": seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--into", type=Path, help="a store to import each refused bundle into")
    args = parser.parse_args()
    cases = write_all(args.folder)
    if args.into is None:
        print(f"{len(cases)} bundles ({sum(cases.values())} to import) written")
        return
    for line in import_each({p: e for p, e in cases.items() if not e}, args.into):
        print(json.dumps(line))
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"peak_rss_mib": round(peak_kib / 1024)}))


if __name__ == "__main__":
    main()
