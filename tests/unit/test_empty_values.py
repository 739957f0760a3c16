"""An empty value (an unset shell variable, say) is a mistake, never a wish for the default:
status 2, one line, and the data folder exactly as it was."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from runmate.cli import main
from runmate.models import STATUS_DONE, CheckIn, PlannedActivity
from runmate.store import Store
from tests.unit.test_import_gpx import START, gpx, points, track

TODAY = dt.date(2026, 11, 25)

EMPTY = [
    ["checkin", "--mood", "3", "--date", ""],
    ["checkin", "--mood", "3", "--date", " "],
    ["checkin", "--mood", "3", "--date="],
    ["checkin", "--note", ""],
    ["checkin", "--delete", "--date", ""],
    ["plan", "add", "--activity", "walk", "--minutes", "20", "--time", ""],
    ["plan", "add", "--activity", "walk", "--minutes", "20", "--with", ""],
    ["plan", "add", "--activity", "walk", "--minutes", "20", "--note", ""],
    ["plan", "list", "--week", ""],
    ["plan", "starter", "--start", ""],
    ["plan", "rest", "a1", "--reason", ""],
    ["journal", "add", "--date", "", "--text", "hi"],
    ["journal", "add", "--run", "", "--text", "hi"],
    ["journal", "list", "--search", ""],
    ["journal", "list", "--tag", ""],
    ["import", ""],
    ["import", "", "--format", "gpx"],
    ["import", "x.gpx", "--activity", ""],
    ["backup", "restore", " "],
]


def _folder(data_dir: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(data_dir.iterdir())}


@pytest.mark.parametrize("argv", EMPTY, ids=[" ".join(a) for a in EMPTY])
def test_an_empty_value_is_refused_and_changes_nothing(data_dir, tmp_path, monkeypatch, argv):
    store = Store(data_dir)
    store.save_checkin(CheckIn(date=TODAY.isoformat(), mood=4, note="keep me"))
    store.add_activity(PlannedActivity(date="2026-11-23", kind="run", minutes=20, status=STATUS_DONE, id="a1" * 16))
    # A GPX file where the command runs: import "" must not take the current folder.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "run.gpx").write_text(gpx(track(points(START, 20 * 60))), encoding="utf-8")
    before = _folder(data_dir)
    out, err = io.StringIO(), io.StringIO()
    code = main(["--data-dir", str(data_dir), *argv], out=out, err=err, today=TODAY)
    assert code == 2, (out.getvalue(), err.getvalue())
    assert err.getvalue().count("\n") == 1 and "empty" in err.getvalue()
    assert _folder(data_dir) == before


def test_an_empty_note_keeps_the_note_and_clear_removes_it(data_dir):
    store = Store(data_dir)
    store.save_checkin(CheckIn(date=TODAY.isoformat(), mood=4, note="keep me"))
    err = io.StringIO()
    assert main(["--data-dir", str(data_dir), "checkin", "--note", ""], err=err, today=TODAY) == 2
    assert "--clear note" in err.getvalue()
    assert store.checkin_on(TODAY).note == "keep me"
    assert main(["--data-dir", str(data_dir), "checkin", "--clear", "note"], out=io.StringIO(), today=TODAY) == 0
    assert store.checkin_on(TODAY).note == ""
