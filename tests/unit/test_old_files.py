"""Data files written by an earlier runmate open unchanged, with the very records it read.

``golden/datafiles/`` holds real files, each with the records the runmate that wrote them read
back (``expected.json``, read with the store as of commit 66a679b):
- ``demo2y``: ``runmate demo --years 2`` plus check-ins, plans, a reflection and a goal from the
  command line, with its ``runmate.json.checked`` companion;
- ``v1``: a version 1 file (minutes always known, no distances), written with an indent;
- ``v0``: a plain TinyDB file from before versions (no meta record, records without ids);
- ``newer_fields``: fields and a table that a newer runmate may have written.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from runmate.store import TABLES, Store

DATAFILES = Path(__file__).parent / "golden" / "datafiles"
NAMES = ("demo2y", "v1", "v0", "newer_fields")
# Version 0 records get their ids and times when they are first opened.
MADE_ON_OPENING = ("id", "created", "updated")


def opened(name: str, tmp_path: Path) -> tuple[Store, dict]:
    folder = tmp_path / name
    shutil.copytree(DATAFILES / name, folder, ignore=shutil.ignore_patterns("expected.json"))
    for path in (folder, *folder.iterdir()):
        path.chmod(0o700 if path.is_dir() else 0o600)
    expected = json.loads((DATAFILES / name / "expected.json").read_text(encoding="utf-8"))
    store = Store(folder)
    store.check()
    return store, expected


def records(store: Store) -> dict[str, list[dict]]:
    return store.read(lambda tx: {name: tx.all(name) for name in TABLES})


@pytest.mark.parametrize("name", NAMES)
def test_an_old_file_opens_with_the_records_its_runmate_read(name, tmp_path):
    store, expected = opened(name, tmp_path)
    got = records(store)
    if name == "v0":
        got = {t: [{k: v for k, v in r.items() if k not in MADE_ON_OPENING} for r in rows] for t, rows in got.items()}
        expected |= {t: [{k: v for k, v in r.items() if k not in MADE_ON_OPENING} for r in expected[t]] for t in TABLES}
        assert all(r.get("id") for r in records(store)["checkins"])
    for table in TABLES:
        assert got[table] == expected[table], table
    on_disk = json.loads(store.path.read_bytes())
    assert sorted(on_disk) == expected["_raw_tables"]


def test_a_current_file_is_not_rewritten_when_opened_and_its_note_is_trusted(tmp_path):
    before = (DATAFILES / "demo2y" / "runmate.json").read_bytes()
    store, _ = opened("demo2y", tmp_path)
    records(store)
    assert store.path.read_bytes() == before
    assert store._written_here(before)  # the .checked companion still vouches for these bytes


@pytest.mark.parametrize("name", ("v1", "v0"))
def test_an_older_file_is_migrated_after_a_backup_copy_of_its_bytes(name, tmp_path):
    before = (DATAFILES / name / "runmate.json").read_bytes()
    store, _ = opened(name, tmp_path)
    backups = list(store.data_dir.glob(f"runmate.json.{name}-*.bak"))
    assert len(backups) == 1
    assert backups[0].read_bytes() == before
    assert json.loads(store.path.read_bytes())["_meta"] == {"1": {"schema": 2}}


def test_fields_of_a_newer_runmate_stay_through_a_save(tmp_path):
    store, expected = opened("newer_fields", tmp_path)
    first = expected["checkins"][0]
    store.save_checkin(store.checkin_on(first["date"]).__class__.from_dict({**first, "mood": 1}))
    kept = next(r for r in records(store)["checkins"] if r["id"] == first["id"])
    assert kept["heart_rate"] == {"rest": 52, "zones": [1, 2]}
    assert kept["mood"] == 1
    assert json.loads(store.path.read_bytes())["badges"] == {"1": {"name": "first run", "at": "2025-01-01"}}
