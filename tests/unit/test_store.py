"""The store: atomic writes, two processes, permissions, damaged files, migration, stable ids."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import orjson
import pytest

from runmate.edits import Edit
from runmate.models import CheckIn, JournalEntry, PlannedActivity, Settings
from runmate.store import (
    ACTIVITIES,
    CHECKINS,
    JOURNAL,
    SCHEMA_VERSION,
    AmbiguousId,
    DataFileError,
    LockTimeout,
    NotFound,
    Store,
)
from runmate.store import datafile as datafile_module
from runmate.store import files as files_module
from runmate.store import lock as lock_module
from runmate.store.lock import Lock as _Lock
from runmate.store.schema import data_version

ROOT = Path(__file__).resolve().parents[2]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def filled(store: Store) -> Store:
    store.save_checkin(CheckIn(date="2026-11-20", mood=3, note="first"))
    store.add_activity(PlannedActivity(date="2026-11-21", kind="run", minutes=20))
    return store


def leftovers(folder: Path) -> list[str]:
    """Files other than the data file, its lock and its note of what was written (temporary files,
    backups...)."""
    kept = ("runmate.json", "runmate.json.lock", "runmate.json.checked")
    return sorted(p.name for p in folder.iterdir() if p.name not in kept)


# --- atomic writes ----------------------------------------------------------------------------


def test_a_crash_before_the_replace_leaves_the_old_file_and_no_temporary_file(store, data_dir, monkeypatch):
    filled(store)
    before = store.path.read_bytes()

    def crash(src, dst):
        raise OSError("simulated crash between the temporary write and the replace")

    monkeypatch.setattr(files_module.os, "replace", crash)
    with pytest.raises(OSError, match="simulated crash"):
        store.save_checkin(CheckIn(date="2026-11-22", mood=5))
    with pytest.raises(OSError, match="simulated crash"):
        store.add_activity(PlannedActivity(date="2026-11-22", kind="walk", minutes=10))
    monkeypatch.undo()

    assert store.path.read_bytes() == before
    assert leftovers(data_dir) == []
    # The failed change never reached what this Store keeps, nor what a fresh one reads.
    assert [c.date for c in store.checkins()] == ["2026-11-20"]
    assert [c.date for c in Store(data_dir).checkins()] == ["2026-11-20"]
    assert len(store.activities()) == 1


def test_a_failing_fsync_also_leaves_the_old_file(store, data_dir, monkeypatch):
    filled(store)
    before = store.path.read_bytes()

    def broken(fd):
        raise OSError("disk full")

    monkeypatch.setattr(files_module.os, "fsync", broken)
    with pytest.raises(OSError, match="disk full"):
        store.save_checkin(CheckIn(date="2026-11-22", mood=5))
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    assert leftovers(data_dir) == []
    assert len(store.checkins()) == 1


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to name file descriptors")
def test_the_temporary_file_is_flushed_and_fsynced_before_the_replace_and_the_folder_after(
    store, data_dir, monkeypatch
):
    filled(store)
    events: list[tuple] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        target = os.readlink(f"/proc/self/fd/{fd}")
        events.append(("fsync", target, os.fstat(fd).st_size))
        real_fsync(fd)

    def replace(src, dst):
        events.append(("replace", str(src), str(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(files_module.os, "fsync", fsync)
    monkeypatch.setattr(files_module.os, "replace", replace)
    store.save_checkin(CheckIn(date="2026-11-22", mood=4))
    monkeypatch.undo()

    kinds = [e[0] for e in events]
    assert kinds == ["fsync", "replace", "fsync"], events
    _, synced, size_at_sync = events[0]
    _, src, dst = events[1]
    assert synced == src and Path(src).parent == data_dir and Path(src).name.endswith(".tmp")
    assert dst == str(store.path)
    assert size_at_sync == store.path.stat().st_size  # everything was flushed before the fsync
    assert events[2][1] == str(data_dir)  # then the folder, so the rename itself is durable


def test_a_process_killed_between_write_and_replace_leaves_a_usable_old_file(store, data_dir):
    filled(store)
    before = store.path.read_bytes()
    script = textwrap.dedent(
        """
        import os, sys
        from runmate.store import Store, files
        from runmate.models import CheckIn
        files.os.replace = lambda src, dst: os._exit(9)  # die like a power cut, no clean-up at all
        Store(sys.argv[1]).save_checkin(CheckIn(date="2026-11-23", mood=2))
        """
    )
    proc = subprocess.run([sys.executable, "-c", script, str(data_dir)], capture_output=True, timeout=60)
    assert proc.returncode == 9, proc.stderr
    assert store.path.read_bytes() == before
    assert len(list(data_dir.glob(".runmate.json.*.tmp"))) == 1  # what a real crash leaves behind
    fresh = Store(data_dir)
    fresh.check()  # done when runmate starts: the leftover goes, the data stays
    assert leftovers(data_dir) == []
    assert [c.date for c in fresh.checkins()] == ["2026-11-20"]
    fresh.save_checkin(CheckIn(date="2026-11-23", mood=2))  # the lock was freed with the process
    assert [c.date for c in Store(data_dir).checkins()] == ["2026-11-20", "2026-11-23"]


# --- two processes, no lost update ------------------------------------------------------------

WORKER = textwrap.dedent(
    """
    import datetime as dt, os, sys, time
    from pathlib import Path
    from runmate.store import Store
    from runmate.models import CheckIn, PlannedActivity

    folder, worker, count, gate = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
    store = Store(folder)
    (gate.parent / f"ready-{worker}").touch()
    while not gate.exists():
        time.sleep(0.002)
    first = dt.date(2000, 1, 1) + dt.timedelta(days=worker * 1000)
    for i in range(count):
        store.add_activity(PlannedActivity(date="2026-01-05", kind="run", minutes=1 + i % 60, note=f"w{worker}-{i}"))
        store.save_checkin(CheckIn(date=(first + dt.timedelta(days=i)).isoformat(), mood=1 + i % 5))
        store.update_settings(lambda s: setattr(s, "support_contact", s.support_contact + "x"))
    """
)


def run_workers(data_dir: Path, gate_dir: Path, workers: int, count: int) -> None:
    gate_dir.mkdir()
    gate = gate_dir / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(data_dir), str(w), str(count), str(gate)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for w in range(workers)
    ]
    deadline = time.monotonic() + 60
    while len(list(gate_dir.glob("ready-*"))) < workers:
        assert time.monotonic() < deadline, "workers did not start"
        assert all(p.poll() is None for p in procs), [p.communicate() for p in procs]
        time.sleep(0.01)
    gate.touch()  # all start writing at the same moment
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()


def assert_nothing_lost(data_dir: Path, workers: int, count: int) -> None:
    store = Store(data_dir)
    notes = sorted(a.note for a in store.activities())
    assert notes == sorted(f"w{w}-{i}" for w in range(workers) for i in range(count))
    dates = [c.date for c in store.checkins()]
    assert len(dates) == len(set(dates)) == workers * count
    for table in (ACTIVITIES, CHECKINS):
        ids = store.read(lambda tx, t=table: [r["id"] for r in tx.all(t)])
        assert len(ids) == len(set(ids))
    # one record changed by every write: a lost read-modify-write would leave it short
    assert store.settings().support_contact == "x" * (workers * count)
    raw = orjson.loads(store.path.read_bytes())
    assert len(raw[ACTIVITIES]) == workers * count  # no document lost or written twice


def test_four_processes_writing_at_once_lose_nothing(data_dir, tmp_path):
    run_workers(data_dir, tmp_path / "gate", workers=4, count=25)
    assert_nothing_lost(data_dir, 4, 25)


@pytest.mark.torture
def test_torture_many_processes_many_writes(data_dir, tmp_path):
    """Eight processes writing at once; a small count by default, RUNMATE_TORTURE=N for N rounds each."""
    setting = os.environ.get("RUNMATE_TORTURE", "")
    count = int(setting) if setting.isdigit() else 12
    run_workers(data_dir, tmp_path / "gate", workers=8, count=count)
    assert_nothing_lost(data_dir, 8, count)


def test_threads_sharing_one_store_lose_nothing(store):
    def work(n: int) -> None:
        for i in range(25):
            store.add_activity(PlannedActivity(date="2026-01-05", kind="walk", minutes=10, note=f"t{n}-{i}"))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(a.note for a in Store(store.data_dir).activities()) == sorted(
        f"t{n}-{i}" for n in range(4) for i in range(25)
    )


def test_one_store_sees_another_stores_write_at_once(data_dir):
    a, b = Store(data_dir), Store(data_dir)
    first = a.add_activity(PlannedActivity(date="2026-11-20", kind="run", minutes=20))
    assert [x.id for x in b.activities()] == [first.id]  # b had nothing kept: reads the file
    second = b.add_activity(PlannedActivity(date="2026-11-21", kind="walk", minutes=30))
    assert [x.id for x in a.activities()] == [first.id, second.id]  # a had kept data: must not trust it
    a.delete_activity(first.id)
    assert [x.id for x in b.activities()] == [second.id]
    third = b.add_activity(PlannedActivity(date="2026-11-22", kind="yoga", minutes=15))
    raw = orjson.loads((data_dir / "runmate.json").read_bytes())
    # TinyDB's own document numbers are fresh too: no two records share one.
    assert sorted(doc["id"] for doc in raw[ACTIVITIES].values()) == sorted([second.id, third.id])
    assert len(raw[ACTIVITIES]) == 2

    saved_a, replaced_a = a.save_checkin(CheckIn(date="2026-11-20", mood=2))
    saved_b, replaced_b = b.save_checkin(CheckIn(date="2026-11-20", mood=4))
    assert (replaced_a, replaced_b) == (False, True)
    assert saved_b.id == saved_a.id
    assert [(c.id, c.mood) for c in a.checkins()] == [(saved_a.id, 4)]


def test_a_change_made_outside_runmate_is_seen(store):
    filled(store)
    assert len(store.checkins()) == 1
    data = orjson.loads(store.path.read_bytes())
    data[CHECKINS]["9"] = CheckIn(date="2026-11-19", mood=5).to_dict()
    store.path.write_bytes(orjson.dumps(data))  # no lock, no generation bump
    assert [c.date for c in store.checkins()] == ["2026-11-19", "2026-11-20"]


def test_change_marker_moves_with_every_write_and_only_then(store):
    empty = store.change_marker()
    filled(store)
    after_write = store.change_marker()
    assert after_write != empty and after_write.generation == empty.generation + 2
    store.checkins()
    store.activities()
    assert store.change_marker() == after_write
    Store(store.data_dir).save_checkin(CheckIn(date="2026-11-21", mood=3))
    assert store.change_marker().generation == after_write.generation + 1


def test_a_lock_held_elsewhere_times_out_with_a_plain_message(store, monkeypatch):
    filled(store)
    monkeypatch.setattr(lock_module, "LOCK_TIMEOUT", 0.2)
    other = _Lock(store.lock_path)
    other.acquire()
    try:
        started = time.monotonic()
        with pytest.raises(LockTimeout, match="Another runmate is busy"):
            store.save_checkin(CheckIn(date="2026-11-22", mood=3))
        assert time.monotonic() - started < 5
    finally:
        other.release()
    assert len(store.checkins()) == 1


# --- what reads and writes may touch ----------------------------------------------------------


def test_read_is_read_only_and_results_are_copies(store):
    filled(store)
    before = store.path.read_bytes()
    with pytest.raises(RuntimeError, match="can't change data"):
        store.read(lambda tx: tx.insert(CHECKINS, CheckIn(date="2026-11-01", mood=1).to_dict()))
    with pytest.raises(RuntimeError, match="can't change data"):
        store.read(lambda tx: tx.table(CHECKINS).update({"mood": 1}))
    with pytest.raises(RuntimeError, match="can't change data"):
        store.read(lambda tx: tx.table(CHECKINS).truncate())
    rows = store.read(lambda tx: tx.all(CHECKINS))
    rows[0]["mood"] = 1
    store.checkins()[0].note = "changed in memory only"
    assert store.checkins()[0].mood == 3 and store.checkins()[0].note == "first"
    assert store.path.read_bytes() == before


def test_a_write_that_fails_half_way_changes_nothing(store):
    filled(store)
    before = store.path.read_bytes()

    def half(tx):
        tx.insert(CHECKINS, CheckIn(date="2026-11-01", mood=1).to_dict())
        row = tx.all(ACTIVITIES)[0]
        row["minutes"] = 99
        tx.replace(ACTIVITIES, row)
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError, match="stop"):
        store.write(half)
    assert store.path.read_bytes() == before
    assert [a.minutes for a in store.activities()] == [20]
    assert [c.date for c in store.checkins()] == ["2026-11-20"]


def test_a_transaction_kept_after_it_ended_cannot_touch_data(store):
    filled(store)
    kept = store.write(lambda tx: tx)
    with pytest.raises(RuntimeError, match="ended"):
        kept.insert(CHECKINS, CheckIn(date="2026-11-01", mood=1).to_dict())
    assert len(store.checkins()) == 1


def test_bad_or_duplicate_records_are_refused_before_writing(store):
    filled(store)
    before = store.path.read_bytes()
    existing = store.activities()[0].to_dict()
    with pytest.raises(ValueError, match="already has a record"):
        store.write(lambda tx: tx.insert(ACTIVITIES, existing))
    with pytest.raises(ValueError, match="already has a record"):
        store.add_activities([PlannedActivity(date="2026-11-01", kind="run", minutes=5, id="same")] * 2)
    with pytest.raises(ValueError, match="damaged 'mood'"):
        store.write(lambda tx: tx.insert(CHECKINS, {**CheckIn(date="2026-11-01", mood=1).to_dict(), "mood": "1"}))
    with pytest.raises(ValueError, match="missing the field 'minutes'"):
        store.write(lambda tx: tx.insert(ACTIVITIES, {"id": "x", "date": "2026-11-01", "kind": "run"}))
    assert store.path.read_bytes() == before


# --- permissions ------------------------------------------------------------------------------


def test_new_folder_and_files_are_private_even_with_an_open_umask(data_dir):
    old = os.umask(0)
    try:
        store = filled(Store(data_dir))
    finally:
        os.umask(old)
    assert mode(data_dir) == 0o700
    assert mode(store.path) == 0o600
    assert mode(store.lock_path) == 0o600


def test_looser_permissions_found_at_start_are_tightened(data_dir):
    filled(Store(data_dir))
    backup = data_dir / "runmate.json.v0-20260101-000000.bak"
    backup.write_bytes(b"{}")
    os.chmod(data_dir, 0o755)
    for path in (data_dir / "runmate.json", data_dir / "runmate.json.lock", backup):
        os.chmod(path, 0o644)
    Store(data_dir).checkins()  # any operation
    assert mode(data_dir) == 0o700
    assert mode(data_dir / "runmate.json") == 0o600
    assert mode(data_dir / "runmate.json.lock") == 0o600
    assert mode(backup) == 0o600


def test_migration_backup_is_private(data_dir):
    data_dir.mkdir(mode=0o700)
    (data_dir / "runmate.json").write_bytes(b'{"checkins": {"1": {"date": "2026-01-01", "mood": 3}}}')
    old = os.umask(0)
    try:
        Store(data_dir).check()
    finally:
        os.umask(old)
    (backup,) = data_dir.glob("*.bak")
    assert mode(backup) == 0o600
    assert mode(data_dir / "runmate.json") == 0o600


def test_folder_removed_while_running_is_made_again(store):
    filled(store)
    for p in store.data_dir.iterdir():
        p.unlink()
    store.data_dir.rmdir()
    store.save_checkin(CheckIn(date="2026-11-22", mood=3))
    assert mode(store.data_dir) == 0o700
    assert [c.date for c in Store(store.data_dir).checkins()] == ["2026-11-22"]


# --- damaged files are never touched ----------------------------------------------------------

GOOD = {
    "_meta": {"1": {"schema": SCHEMA_VERSION}},
    "checkins": {"1": CheckIn(date="2026-11-20", mood=3, id="c1").to_dict()},
}


def with_record(table: str, **changes) -> bytes:
    data = json.loads(json.dumps(GOOD))
    record = {
        "checkins": CheckIn(date="2026-11-20", mood=3, id="c1"),
        "activities": PlannedActivity(date="2026-11-20", kind="run", minutes=20, id="a1"),
    }[table].to_dict()
    record.update(changes)
    for key, value in changes.items():
        if value is ...:
            del record[key]
    data[table] = {"1": record}
    return json.dumps(data).encode()


DAMAGED = {
    "empty": (b"", "it is empty"),
    "blank": (b"  \n", "it is empty"),
    "truncated": (json.dumps(GOOD).encode()[:-7], "not complete JSON"),
    "not json": (b"mood: good\n", "not complete JSON"),
    "a list": (b"[1, 2, 3]", "not in runmate's shape"),
    "a number": (b"42", "not in runmate's shape"),
    "table is a list": (b'{"_meta": {"1": {"schema": 1}}, "checkins": []}', "not in runmate's shape"),
    "record is a string": (b'{"_meta": {"1": {"schema": 1}}, "checkins": {"1": "x"}}', "not in runmate's shape"),
    "record key not a number": (b'{"_meta": {"1": {"schema": 1}}, "checkins": {"a": {}}}', "not in runmate's shape"),
    "record key a superscript": (
        '{"_meta": {"1": {"schema": 1}}, "checkins": {"\u00b2": {}}}'.encode(),
        "not in runmate's shape",
    ),
    "record missing fields": (with_record("checkins", mood=...), "missing the field 'mood'"),
    "record missing id": (with_record("checkins", id=...), "missing the field 'id'"),
    "mood is text": (with_record("checkins", mood="3"), "damaged 'mood'"),
    "mood is true": (with_record("checkins", mood=True), "damaged 'mood'"),
    "sleep is text": (with_record("checkins", sleep_hours="7"), "damaged 'sleep_hours'"),
    "minutes missing": (with_record("activities", minutes=...), "missing the field 'minutes'"),
    "date not real": (with_record("activities", date="2026-02-30"), "not a real date"),
    "settings damaged": (
        b'{"_meta": {"1": {"schema": 1}}, "settings": {"1": {"goal_days": "three"}}}',
        "damaged 'goal_days'",
    ),
    "version damaged": (b'{"_meta": {"1": {"schema": "1"}}}', "version record"),
    "version missing": (b'{"_meta": {}}', "version record"),
    "newer schema": (json.dumps({**GOOD, "_meta": {"1": {"schema": SCHEMA_VERSION + 1}}}).encode(), "newer runmate"),
    "old schema, bad records": (b'{"checkins": {"1": {"mood": 3}}}', "missing the field 'date'"),
    "two keys for one number": (
        json.dumps(
            {
                **GOOD,
                "checkins": {
                    "1": GOOD["checkins"]["1"],
                    "01": {**GOOD["checkins"]["1"], "id": "c2", "date": "2026-11-21"},
                },
            }
        ).encode(),
        "two records in 'checkins' have the same number ('1' and '01')",
    ),
    "record key too long": (
        json.dumps({**GOOD, "checkins": {"1" * 5000: GOOD["checkins"]["1"]}}).encode(),
        "not in runmate's shape",
    ),
    "date before 1900": (
        with_record("activities", date="1899-12-31"),
        "the date 1899-12-31, outside the years runmate keeps (1900 to 2999)",
    ),
    "date in year 9999": (with_record("checkins", date="9999-12-31"), "the date 9999-12-31, outside the years"),
    "date as a week": (with_record("activities", date="2026-W01-1"), "not a real date"),
    "date in other digits": (with_record("checkins", date="٢٠٢٦-11-20"), "not a real date"),
    "time in other digits": (with_record("activities", time="0٧:30"), "time of day"),
    "duplicate ids": (
        json.dumps(
            {**GOOD, "checkins": {"1": GOOD["checkins"]["1"], "2": {**GOOD["checkins"]["1"], "date": "2026-11-21"}}}
        ).encode(),
        "share the id c1",
    ),
}


@pytest.mark.parametrize("case", list(DAMAGED))
def test_a_damaged_file_is_reported_and_never_touched(data_dir, case):
    raw, problem = DAMAGED[case]
    data_dir.mkdir(mode=0o700)
    path = data_dir / "runmate.json"
    path.write_bytes(raw)
    store = Store(data_dir)
    operations = [
        store.check,
        store.checkins,
        store.is_empty,
        lambda: store.save_checkin(CheckIn(date="2026-11-22", mood=3)),
        lambda: store.add_activity(PlannedActivity(date="2026-11-22", kind="walk", minutes=5)),
        lambda: store.save_settings(Settings(name="x")),
    ]
    for operation in operations:
        with pytest.raises(DataFileError) as caught:
            operation()
        assert caught.value.path == path
        assert problem in str(caught.value)
        assert str(path) in str(caught.value)
    assert path.read_bytes() == raw
    assert leftovers(data_dir) == []  # no backup, no temporary file


def test_newer_file_advice_says_to_update(data_dir):
    data_dir.mkdir()
    (data_dir / "runmate.json").write_bytes(DAMAGED["newer schema"][0])
    with pytest.raises(DataFileError, match="Update runmate"):
        Store(data_dir).check()


def test_a_folder_in_place_of_the_data_file(data_dir):
    (data_dir / "runmate.json").mkdir(parents=True)
    with pytest.raises(DataFileError, match="folder"):
        Store(data_dir).checkins()


# --- migration --------------------------------------------------------------------------------

SCHEMA_0 = json.dumps(
    {
        "_default": {},
        "checkins": {"1": {"date": "2026-01-01", "mood": 3, "note": "old"}, "2": {"date": "2026-01-02", "mood": 4}},
        "activities": {"1": {"date": "2026-01-03", "kind": "run", "minutes": 20, "status": "done"}},
        "journal": {"1": {"date": "2026-01-03", "text": "Felt good."}},
        "settings": {"1": {"name": "Robin", "goal_days": 4}},
    },
    indent=1,
).encode()


def test_schema_0_is_migrated_in_one_write_after_a_backup(data_dir, monkeypatch):
    data_dir.mkdir(mode=0o700)
    path = data_dir / "runmate.json"
    path.write_bytes(SCHEMA_0)
    writes: list[Path] = []
    real = datafile_module.atomic_write_bytes

    def counting(target, payload):
        # the backup must exist, with the original bytes, before the data file is replaced
        assert [p.read_bytes() for p in data_dir.glob("*.bak")] == [SCHEMA_0]
        writes.append(target)
        real(target, payload)

    monkeypatch.setattr(datafile_module, "atomic_write_bytes", counting)
    store = Store(data_dir)
    store.check()
    store.check()
    assert store.checkins() and Store(data_dir).activities()
    assert writes == [path]

    (backup,) = data_dir.glob("runmate.json.v0-*.bak")
    assert backup.read_bytes() == SCHEMA_0
    data = orjson.loads(path.read_bytes())
    assert data["_meta"] == {"1": {"schema": SCHEMA_VERSION}}
    for table in (CHECKINS, ACTIVITIES, JOURNAL):
        for doc in data[table].values():
            assert isinstance(doc["id"], str) and len(doc["id"]) == 32
    ids = [c.id for c in store.checkins()]
    assert len(set(ids)) == 2
    assert [(c.date, c.mood, c.note) for c in store.checkins()] == [("2026-01-01", 3, "old"), ("2026-01-02", 4, "")]
    assert store.activities()[0].status == "done"
    assert store.journal()[0].text == "Felt good."
    assert (store.settings().name, store.settings().goal_days) == ("Robin", 4)


def test_any_operation_migrates_an_old_file(data_dir):
    data_dir.mkdir()
    (data_dir / "runmate.json").write_bytes(SCHEMA_0)
    _saved, replaced = Store(data_dir).save_checkin(CheckIn(date="2026-01-02", mood=1))
    assert replaced
    assert len(list(data_dir.glob("*.bak"))) == 1
    assert [c.mood for c in Store(data_dir).checkins()] == [3, 1]


def test_a_version_1_file_moves_up_unchanged_after_a_backup(data_dir):
    """Version 2 lets an activity's minutes be unknown (an older runmate then says the file is newer
    rather than damaged); a version 1 file moves up unchanged, after a backup."""
    data_dir.mkdir(mode=0o700)
    v1 = {**GOOD, "_meta": {"1": {"schema": 1}}}
    raw = json.dumps(v1).encode()
    (data_dir / "runmate.json").write_bytes(raw)
    Store(data_dir).check()
    (backup,) = data_dir.glob("runmate.json.v1-*.bak")
    assert backup.read_bytes() == raw
    now = orjson.loads((data_dir / "runmate.json").read_bytes())
    assert now == {**v1, "_meta": {"1": {"schema": 2}}}
    assert data_version(now) == SCHEMA_VERSION == 2


def test_json_holding_none_of_runmates_tables_is_not_taken_over(data_dir):
    data_dir.mkdir()
    for raw in (b"{}", b'{"_default": {}}'):
        (data_dir / "runmate.json").write_bytes(raw)
        with pytest.raises(DataFileError, match="none of runmate's data"):
            Store(data_dir).is_empty()
        assert (data_dir / "runmate.json").read_bytes() == raw


# --- stable ids -------------------------------------------------------------------------------


def test_replacing_a_checkin_keeps_its_id_and_never_duplicates(store):
    first, replaced = store.save_checkin(CheckIn(date="2026-11-20", mood=2, note="tired"))
    assert not replaced
    again, replaced = store.save_checkin(CheckIn(date="2026-11-20", mood=4, note="better"))
    assert replaced and again.id == first.id and again.created == first.created
    (only,) = store.checkins()
    assert (only.id, only.mood, only.note) == (first.id, 4, "better")
    assert store.checkin_on(dt.date(2026, 11, 20)).id == first.id
    assert store.checkin_on("2026-11-21") is None
    assert store.delete_checkin("2026-11-20") and not store.delete_checkin("2026-11-20")
    assert store.checkins() == []


def test_ids_survive_updates_and_links_keep_working(store):
    run = store.add_activity(PlannedActivity(date="2026-11-20", kind="run", minutes=20))
    entry = store.add_journal(JournalEntry(date="2026-11-20", text="Good run.", activity_id=run.id))

    def tick(a: PlannedActivity) -> None:
        a.status, a.before, a.after = "done", 2, 4

    store.update_activity(run.id, tick)
    store.edit_journal(entry.id, Edit.from_form({"text": entry.text}, {"text": "Good run, felt lighter."}, entry.id))
    fresh = Store(store.data_dir)
    (stored,) = fresh.activities()
    assert (stored.id, stored.status, stored.after) == (run.id, "done", 4)
    (note,) = fresh.journal()
    assert (note.id, note.activity_id, note.text) == (entry.id, run.id, "Good run, felt lighter.")
    with pytest.raises(NotFound):
        store.update_activity("nope", tick)


def test_settings_update_keeps_other_fields(store):
    store.save_settings(Settings(name="Robin", goal_days=3))
    Store(store.data_dir).update_settings(lambda s: setattr(s, "goal_days", 5))
    assert (store.settings().name, store.settings().goal_days) == ("Robin", 5)
    assert store.read(lambda tx: len(tx.all("settings"))) == 1


def test_resolve_id_by_unique_prefix(store):
    for record_id in ("abc12300" + "0" * 24, "abd45600" + "0" * 24, "f0000000" + "0" * 24):
        store.add_activity(PlannedActivity(date="2026-11-20", kind="run", minutes=20, id=record_id))
    assert store.resolve_id(ACTIVITIES, "abc") == "abc12300" + "0" * 24
    assert store.resolve_id(ACTIVITIES, " ABD4 ") == "abd45600" + "0" * 24
    assert store.resolve_id(ACTIVITIES, "f" + "0" * 31) == "f" + "0" * 31
    with pytest.raises(AmbiguousId, match="more characters"):
        store.resolve_id(ACTIVITIES, "ab")
    with pytest.raises(NotFound, match="'zz'"):
        store.resolve_id(ACTIVITIES, "zz")
    with pytest.raises(NotFound):
        store.resolve_id(ACTIVITIES, "  ")
    with pytest.raises(NotFound):
        store.resolve_id(CHECKINS, "abc")


def test_is_empty_ignores_settings(store):
    assert store.is_empty()
    store.save_settings(Settings(name="Robin"))
    assert store.is_empty()
    store.add_journal(JournalEntry(date="2026-11-20", text="hi"))
    assert not store.is_empty()


def test_nothing_on_disk_until_the_first_operation(data_dir):
    Store(data_dir)
    assert not data_dir.exists()


@pytest.mark.parametrize(
    ("table", "change", "words"),
    [
        ("checkins", {"mood": 9}, "mood 9, outside 1 to 5"),
        ("checkins", {"mood": 0}, "mood 0"),
        ("checkins", {"energy": 6}, "energy 6"),
        ("checkins", {"sleep_hours": 25.0}, "sleep_hours 25.0"),
        ("activities", {"kind": "zzz"}, "unknown kind 'zzz'"),
        ("activities", {"status": "failed"}, "unknown status 'failed'"),
        ("activities", {"minutes": 0}, "minutes 0"),
        ("activities", {"warmup": 61}, "warmup 61"),
        ("activities", {"after": 7}, "after 7"),
        ("activities", {"time": "25:00"}, "time of day"),
        ("settings", {"goal_days": 0}, "goal_days 0"),
    ],
)
def test_values_runmate_never_writes_mark_the_file_as_damaged(data_dir, table, change, words):
    from runmate.models import CheckIn, PlannedActivity, Settings

    store = Store(data_dir)
    store.save_checkin(CheckIn(date="2026-11-20", mood=3, energy=3, sleep_hours=7.0))
    store.add_activity(PlannedActivity(date="2026-11-20", kind="run", minutes=20, time="07:30"))
    store.save_settings(Settings(goal_days=3))
    data = orjson.loads(store.path.read_bytes())
    next(iter(data[table].values())).update(change)
    raw = orjson.dumps(data)
    store.path.write_bytes(raw)
    with pytest.raises(DataFileError, match=re.escape(words)):
        Store(data_dir).checkins()
    assert store.path.read_bytes() == raw


def test_start_program_refuses_to_replace_unless_asked(store):
    from runmate import plans

    today = dt.date(2026, 11, 25)
    store.add_activities(plans.starter_sessions(today))
    before = store.path.read_bytes()
    with pytest.raises(plans.StarterAlreadyPlanned) as info:
        store.start_program(today=today, start=today, first_week=1, replace=False)
    assert info.value.count == 27
    assert store.path.read_bytes() == before  # nothing written
    change = store.start_program(today=today, start=today, first_week=2, replace=True)
    assert len(change.remove_ids) == 27
    assert len(store.activities()) == 24


def test_fill_demo_refuses_a_folder_with_records(store):
    from runmate import demo
    from runmate.store import NotEmpty

    data = demo.generate(dt.date(2026, 11, 25), 1, seed=3)
    store.save_checkin(CheckIn(date="2026-11-01", mood=3))
    with pytest.raises(NotEmpty):
        store.fill_demo(data)
    assert len(store.checkins()) == 1


# -- the note of what was written here ------------------------------------------------------------


def count_full_checks(monkeypatch) -> list[int]:
    calls: list[int] = []
    real = datafile_module.tables_problem

    def counting(data):
        calls.append(1)
        return real(data)

    monkeypatch.setattr(datafile_module, "tables_problem", counting)
    return calls


def test_bytes_runmate_wrote_itself_are_not_checked_record_by_record_again(data_dir, monkeypatch):
    Store(data_dir).save_checkin(CheckIn(date="2026-11-20", mood=3))
    calls = count_full_checks(monkeypatch)
    fresh = Store(data_dir)
    fresh.check()
    assert [c.mood for c in fresh.checkins()] == [3]
    assert calls == []
    assert stat.S_IMODE(os.stat(data_dir / "runmate.json.checked").st_mode) == 0o600


def test_any_other_bytes_are_checked_in_full(data_dir, monkeypatch):
    store = Store(data_dir)
    store.save_checkin(CheckIn(date="2026-11-20", mood=3))
    raw = store.path.read_bytes()
    assert b'"mood":3' in raw
    store.path.write_bytes(raw.replace(b'"mood":3', b'"mood":9'))  # an edit by hand, same shape
    with pytest.raises(DataFileError, match="mood 9"):
        Store(data_dir).check()
    store.path.write_bytes(raw)
    # A note left by another runmate version, or damaged, means a full check.
    for note in (b"runmate 0.0.1 sha256 " + (data_dir / "runmate.json.checked").read_bytes().split()[-1], b"\x00"):
        (data_dir / "runmate.json.checked").write_bytes(note)
        calls = count_full_checks(monkeypatch)
        Store(data_dir).check()
        assert calls == [1]
