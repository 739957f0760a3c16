"""Backups of the data file: made before imports that change something, by hand, and before a
restore; the newest 10 kept, migration backups never pruned; all 0600."""

from __future__ import annotations

import datetime as dt
import io
import stat
from pathlib import Path

from runmate.cli import main
from runmate.models import CheckIn
from runmate.store import DataFileError, NotFound, Store
from runmate.store.backups import KEEP, list_backups, save_backup


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def run(data_dir: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--data-dir", str(data_dir), "backup", *args], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_create_list_and_restore(store: Store, data_dir):
    store.save_checkin(CheckIn(date="2026-03-02", mood=2))
    assert run(data_dir, "list")[1].startswith("No copies yet")
    code, out, _ = run(data_dir, "create")
    assert code == 0 and "readable only by you" in out
    (copy,) = store.backups()
    assert mode(copy.path) == 0o600 and copy.reason == "backup"
    store.save_checkin(CheckIn(date="2026-03-02", mood=5))
    listed = run(data_dir)[1]  # list is the default
    assert copy.name in listed and "made by you" in listed
    code, out, _ = run(data_dir, "restore", copy.name)
    assert code == 0 and f"as it was in {copy.name}" in out
    assert store.checkin_on("2026-03-02").mood == 2  # the store notices the file changed
    reasons = [b.reason for b in store.backups()]
    assert reasons == ["backup", "restore"]
    # The file as it was before the restore is a copy too, so the restore can be undone.
    undo = store.backups()[-1]
    run(data_dir, "restore", undo.name)
    assert store.checkin_on("2026-03-02").mood == 5


def test_restore_refuses_unknown_names_and_damaged_copies(store: Store, data_dir):
    store.save_checkin(CheckIn(date="2026-03-02", mood=2))
    before = store.path.read_bytes()
    for name in ("nope.bak", "../runmate.json", "runmate.json"):
        code, _, err = run(data_dir, "restore", name)
        assert code == 2 and "backup list" in err
    damaged = data_dir / "runmate.json.20260101-000000-backup.bak"
    damaged.write_bytes(b'{"_meta": ')
    try:
        store.restore_backup(damaged.name)
    except DataFileError as error:
        assert error.path == damaged and "not complete JSON" in str(error)
    else:
        raise AssertionError("a damaged backup was restored")
    assert store.path.read_bytes() == before
    assert [b.name for b in store.backups()] == [damaged.name]  # no copy made for a refused restore


def test_create_with_no_data_file_yet(data_dir):
    code, _, err = run(data_dir, "create")
    assert code == 2 and "nothing to copy" in err


def test_only_the_newest_ten_are_kept_and_migration_backups_never_go(tmp_path):
    folder = tmp_path
    migration = folder / "runmate.json.v0-20200101-000000.bak"
    migration.write_bytes(b"old")
    start = dt.datetime(2026, 3, 1, 8, 0, 0)
    for i in range(KEEP + 5):
        save_backup(folder, f"{i}".encode(), "import", now=start + dt.timedelta(minutes=i))
    # Two in the same second get distinct names and both count.
    save_backup(folder, b"a", "backup", now=start + dt.timedelta(hours=1))
    save_backup(folder, b"b", "backup", now=start + dt.timedelta(hours=1))
    found = list_backups(folder)
    assert found[0].path == migration and found[0].reason == "migration"
    kept = [b for b in found if b.pruned]
    assert len(kept) == KEEP
    assert [b.path.read_bytes() for b in kept][-3:] == [b"14", b"a", b"b"]
    assert all(mode(b.path) == 0o600 for b in kept)


def test_an_import_keeps_a_copy_and_is_pruned_like_the_rest(store: Store, data_dir, tmp_path):
    from runmate.exchange import json
    from tests.unit.exchange_data import sample

    store.save_checkin(CheckIn(date="2020-01-01", mood=3))
    before = store.path.read_bytes()
    path = tmp_path / "export.json"
    path.write_bytes(json.render(sample()))
    out = io.StringIO()
    assert main(["--data-dir", str(data_dir), "import", str(path)], out=out) == 0
    (copy,) = store.backups()
    assert copy.reason == "import" and copy.path.read_bytes() == before
    assert copy.name in out.getvalue()


def test_backups_of_a_missing_name_raise_not_found(store: Store):
    store.save_checkin(CheckIn(date="2020-01-01", mood=3))
    try:
        store.restore_backup("runmate.json.20990101-000000-backup.bak")
    except NotFound:
        pass
    else:
        raise AssertionError("restored a backup that does not exist")


# -- a clock or time zone that goes back -------------------------------------------------------


def _runmate(data_dir: Path, *args: str, env: dict[str, str], fake: str | None = None):
    import os
    import subprocess
    import sys

    command = [sys.executable, "-m", "runmate", "--data-dir", str(data_dir), *args]
    if fake is not None:
        command = ["faketime", fake, *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False, env={**os.environ, **env})


def _ten_copies(data_dir: Path, env: dict[str, str], fake: str | None = None) -> None:
    import os
    import subprocess
    import sys

    code = "import sys; from runmate.store import Store; s = Store(sys.argv[1]); [s.create_backup() for _ in range(10)]"
    command = [sys.executable, "-c", code, str(data_dir)]
    if fake is not None:
        command = ["faketime", fake, *command]
    subprocess.run(command, check=True, timeout=60, env={**os.environ, **env})


def _restore_keeps_the_live_file(store: Store, data_dir: Path, env: dict[str, str], fake: str | None) -> None:
    live = store.path.read_bytes()
    copies = store.backups()
    proc = _runmate(data_dir, "backup", "restore", copies[3].name, env=env, fake=fake)
    assert proc.returncode == 0, proc.stderr
    newest = store.backups()[-1]
    assert newest.reason == "restore" and newest.path.read_bytes() == live  # the only copy of the live data
    assert f"kept as {newest.name}" in proc.stdout
    assert len([b for b in store.backups() if b.pruned]) == KEEP


def test_a_restore_in_a_time_zone_behind_keeps_the_live_file(store: Store, data_dir):
    """Ten copies made at UTC+14, then a restore at UTC-12: the local time in its name is 26
    hours before theirs, yet it is the newest copy and is kept."""
    store.save_checkin(CheckIn(date="2026-03-02", mood=2))
    _ten_copies(data_dir, {"TZ": "Pacific/Kiritimati"})
    store.save_checkin(CheckIn(date="2026-03-02", mood=5))
    _restore_keeps_the_live_file(store, data_dir, {"TZ": "Etc/GMT+12"}, None)
    assert store.checkin_on("2026-03-02").mood == 2


def test_a_restore_after_the_clock_went_back_keeps_the_live_file(store: Store, data_dir):
    store.save_checkin(CheckIn(date="2026-03-02", mood=2))
    _ten_copies(data_dir, {"TZ": "UTC"}, fake="2031-06-01 12:00:00")
    store.save_checkin(CheckIn(date="2026-03-02", mood=5))
    _restore_keeps_the_live_file(store, data_dir, {"TZ": "UTC"}, "2031-05-01 12:00:00")


def test_an_import_after_the_clock_went_back_keeps_its_copy(store: Store, data_dir, tmp_path):
    from runmate.exchange import json
    from tests.unit.exchange_data import sample

    store.save_checkin(CheckIn(date="2020-01-01", mood=3))
    _ten_copies(data_dir, {"TZ": "UTC"}, fake="2031-06-01 12:00:00")
    live = store.path.read_bytes()
    path = tmp_path / "export.json"
    path.write_bytes(json.render(sample()))
    proc = _runmate(data_dir, "import", str(path), env={"TZ": "UTC"}, fake="2031-05-01 12:00:00")
    assert proc.returncode == 0, proc.stderr
    newest = store.backups()[-1]
    assert newest.reason == "import" and newest.path.read_bytes() == live
    assert f"kept as {newest.name}" in proc.stdout


def test_copies_are_ordered_by_when_they_were_made_not_by_their_time(tmp_path):
    """Names from an older runmate (no number) come first, then numbered copies by number,
    whatever time their names hold; the copy just made is never the one pruned."""
    old = tmp_path / "runmate.json.20990101-000000-backup.bak"
    old.write_bytes(b"older runmate")
    start = dt.datetime(2040, 1, 1)
    for i in range(KEEP + 3):
        save_backup(tmp_path, f"{i}".encode(), "backup", now=start - dt.timedelta(days=i))  # each a day "earlier"
    kept = list_backups(tmp_path)
    assert [b.path.read_bytes() for b in kept] == [f"{i}".encode() for i in range(3, KEEP + 3)]
    assert [b.order for b in kept] == list(range(4, KEEP + 4))  # the first copy made is number 1
    assert not old.exists()


def test_restoring_the_oldest_copy_keeps_it(store: Store, data_dir):
    store.save_checkin(CheckIn(date="2026-03-02", mood=2))
    for _ in range(KEEP):
        store.create_backup()
    oldest = store.backups()[0]
    store.restore_backup(oldest.name)
    names = [b.name for b in store.backups()]
    assert oldest.name in names and names[-1].endswith("-restore.bak")
