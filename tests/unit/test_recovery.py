"""Recovery works when it is needed: backups can be listed, made and restored while the data file
is damaged; every backup, of any layout, is checked before it replaces anything; a data file with
a byte-order mark is read; a --data-dir that is a file says so."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from runmate.cli import main
from runmate.models import CheckIn
from runmate.store import Store

DAMAGED = b'{"_meta": {"1": {"schema": 2}}, "checkins": {"1": {"date": "2026-1'


def cli(data_dir: Path, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--data-dir", str(data_dir), *argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_backups_work_while_the_data_file_is_damaged(data_dir):
    store = Store(data_dir)
    store.save_checkin(CheckIn(date="2026-03-02", mood=4))
    good = store.create_backup()
    assert good is not None
    store.path.write_bytes(DAMAGED)
    assert cli(data_dir, "checkin", "list")[0] == 1  # the file is damaged, and runmate says so
    code, out, err = cli(data_dir, "backup", "list")
    assert code == 0 and good.name in out, err
    code, out, err = cli(data_dir, "backup", "create")
    assert code == 0, err
    aside = store.backups()[-1]
    assert aside.path.read_bytes() == DAMAGED  # kept aside as it is
    assert store.path.read_bytes() == DAMAGED  # and left where it was
    code, out, err = cli(data_dir, "backup", "restore", good.name)
    assert code == 0, err
    assert f"as it was in {good.name}" in out
    assert [c.mood for c in Store(data_dir).checkins()] == [4]
    assert cli(data_dir, "checkin", "list", "--from", "2026-03-01", "--to", "2026-03-07")[0] == 0
    assert any(b.path.read_bytes() == DAMAGED and b.reason == "restore" for b in store.backups())


OLDER_DAMAGED = {
    "v0, a mood of 9": (0, {"checkins": {"1": {"date": "2026-01-01", "mood": 9}}}),
    "v0, no date": (0, {"checkins": {"1": {"mood": 3}}}),
    "v0, a date that is no date": (0, {"checkins": {"1": {"date": "2026-13-45", "mood": 3}}}),
    "v1, an unknown kind": (
        1,
        {
            "_meta": {"1": {"schema": 1}},
            "activities": {"1": {"date": "2026-01-03", "kind": "flying", "minutes": 20, "id": "a1"}},
        },
    ),
    "v1, a record that is a list": (1, {"_meta": {"1": {"schema": 1}}, "journal": {"1": {"text": ["x"]}}}),
}


@pytest.mark.parametrize("case", OLDER_DAMAGED, ids=list(OLDER_DAMAGED))
def test_a_damaged_backup_of_an_older_layout_is_refused(data_dir, case):
    version, doc = OLDER_DAMAGED[case]
    store = Store(data_dir)
    store.save_checkin(CheckIn(date="2026-03-02", mood=4))
    before = store.path.read_bytes()
    name = f"runmate.json.v{version}-20200101-000000.bak"
    (data_dir / name).write_bytes(json.dumps(doc).encode())
    code, out, err = cli(data_dir, "backup", "restore", name)
    assert code == 1 and "can't be" in err and "runmate has not changed anything" in err, (out, err)
    assert store.path.read_bytes() == before
    assert [c.mood for c in Store(data_dir).checkins()] == [4]  # runmate still works


def test_a_sound_backup_of_an_older_layout_restores_and_is_moved_up(data_dir):
    store = Store(data_dir)
    store.save_checkin(CheckIn(date="2026-03-02", mood=4))
    name = "runmate.json.v0-20200101-000000.bak"
    (data_dir / name).write_bytes(json.dumps({"checkins": {"1": {"date": "2026-01-01", "mood": 2}}}).encode())
    code, _, err = cli(data_dir, "backup", "restore", name)
    assert code == 0, err
    assert [(c.date, c.mood) for c in Store(data_dir).checkins()] == [("2026-01-01", 2)]


def test_a_data_file_with_a_byte_order_mark_is_read(data_dir):
    store = Store(data_dir)
    store.save_checkin(CheckIn(date="2026-03-02", mood=4, note="café"))
    store.path.write_bytes(b"\xef\xbb\xbf" + store.path.read_bytes())
    code, out, err = cli(data_dir, "checkin", "show", "2026-03-02")
    assert code == 0 and "café" in out, err
    Store(data_dir).save_checkin(CheckIn(date="2026-03-03", mood=5))
    assert [c.mood for c in Store(data_dir).checkins()] == [4, 5]


def test_a_json_export_with_a_byte_order_mark_is_imported(data_dir, tmp_path):
    from runmate.exchange import json as export_json
    from tests.unit.exchange_data import sample

    path = tmp_path / "export.json"
    path.write_bytes(b"\xef\xbb\xbf" + export_json.render(sample()))
    code, _, err = cli(data_dir, "import", str(path))
    assert code == 0, err
    assert len(Store(data_dir).checkins()) == len(sample().checkins)


@pytest.mark.parametrize("below", ["", "sub"])
@pytest.mark.parametrize("how", ["flag", "environment"])
def test_a_data_dir_that_is_a_file_says_so(tmp_path, monkeypatch, below, how):
    afile = tmp_path / "notes.txt"
    afile.write_text("mine")
    folder = afile / below if below else afile
    out, err = io.StringIO(), io.StringIO()
    if how == "flag":
        code = main(["--data-dir", str(folder), "checkin", "--mood", "3"], out=out, err=err)
    else:
        monkeypatch.setenv("RUNMATE_DATA_DIR", str(folder))
        code = main(["checkin", "--mood", "3"], out=out, err=err)
    assert code == 1
    assert f"The data folder {folder} can't be used" in err.getvalue()
    assert "it is a file, not a folder" in err.getvalue() and "--data-dir" in err.getvalue()
    assert afile.read_text() == "mine"
