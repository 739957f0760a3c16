"""Ids: those an import brings are in one documented alphabet and length (others get a new id,
the same each time); a calendar export never breaks a line at an id; any id can be addressed
from the command line, and a whole id always wins over a longer id it starts."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runmate.cli import main
from runmate.exchange import ics
from runmate.exchange.data import snapshot
from runmate.models import STATUS_DONE, PlannedActivity
from runmate.store import Store
from runmate.validation import ID_PATTERN

STAMP = "2026-03-01T08:00:00+00:00"
ODD_IDS = ["x\r\nBEGIN:VEVENT\r\nSUMMARY:pwned", "ABC123", "has space", "z" * 65, "café", "a\x00b"]


def export_with(ids: list[str], linked: str) -> bytes:
    def activity(i: int, record_id: str) -> dict:
        a = PlannedActivity(
            date=f"2026-03-{i + 1:02d}", kind="run", minutes=20, id=record_id, created=STAMP, updated=STAMP
        )
        return a.to_dict()

    doc = {
        "runmate_export": 1,
        "schema": 2,
        "checkins": [],
        "activities": [activity(i, record_id) for i, record_id in enumerate(ids)],
        "journal": [
            {
                "date": "2026-03-01",
                "title": "",
                "text": "About that run.",
                "activity_id": linked,
                "id": "J1",
                "created": STAMP,
                "updated": STAMP,
            }
        ],
    }
    return json.dumps(doc).encode()


def cli(data_dir: Path, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--data-dir", str(data_dir), *argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_imported_ids_outside_the_alphabet_get_new_ones_the_same_each_time(data_dir, tmp_path):
    path = tmp_path / "export.json"
    path.write_bytes(export_with([*ODD_IDS, "a1", "a1b"], linked=ODD_IDS[0]))
    code, _, err = cli(data_dir, "import", str(path))
    assert code == 0, err
    store = Store(data_dir)
    activities = store.activities()
    assert len(activities) == len(ODD_IDS) + 2
    assert all(ID_PATTERN.fullmatch(a.id) for a in activities)
    assert {"a1", "a1b"} <= {a.id for a in activities}  # ids that were right stay as they were
    (entry,) = store.journal()
    assert ID_PATTERN.fullmatch(entry.id)
    first = next(a for a in activities if a.date == "2026-03-01")
    assert entry.activity_id == first.id  # the reflection still points at its run
    code, _, err = cli(data_dir, "import", str(path))
    assert code == 2 and "already here" in err  # the same new ids: nothing twice


def test_a_calendar_export_never_breaks_a_line_at_an_id(data_dir):
    store = Store(data_dir)
    for i, record_id in enumerate(ODD_IDS):
        store.write(
            lambda tx, i=i, record_id=record_id: tx.insert(
                "activities",
                PlannedActivity(date=f"2026-03-{i + 1:02d}", kind="run", minutes=20, id=record_id).to_dict(),
            )
        )
    text = ics.render(snapshot(store)).decode()
    lines = text.split("\r\n")
    assert sum(line == "BEGIN:VEVENT" for line in lines) == len(ODD_IDS)
    assert not any(line.startswith("SUMMARY:pwned") for line in lines)
    uids = [line for line in lines if line.startswith("UID:")]
    assert len(set(uids)) == len(ODD_IDS)
    assert "\n" not in text.replace("\r\n", "") and "\r" not in text.replace("\r\n", "")


@pytest.mark.parametrize(
    ("ids", "typed", "found"),
    [
        (["a1", "a1b"], "a1", "a1"),
        (["a1b", "a1"], "a1", "a1"),
        (["ABC123", "abd"], "ABC123", "ABC123"),
        (["ABC123", "abd"], "abc", "ABC123"),
        (["ABC123", "abd"], "abc123", "ABC123"),
    ],
)
def test_any_id_can_be_given_and_a_whole_id_wins(data_dir, ids, typed, found):
    store = Store(data_dir)
    for i, record_id in enumerate(ids):
        store.write(
            lambda tx, i=i, record_id=record_id: tx.insert(
                "activities", PlannedActivity(date=f"2026-03-0{i + 1}", kind="walk", minutes=20, id=record_id).to_dict()
            )
        )
    code, _, err = cli(data_dir, "plan", "done", typed, "--before", "3", "--after", "4")
    assert code == 0, err
    done = {a.id: a.status for a in store.activities()}
    assert done[found] == STATUS_DONE and sum(s == STATUS_DONE for s in done.values()) == 1


@settings(max_examples=60, deadline=None)
@given(record_id=st.text(min_size=1, max_size=80))
def test_every_imported_id_ends_in_the_alphabet(record_id):
    from runmate.exchange import json as export_json

    raw = export_with([record_id], linked=record_id)
    snap, problems = export_json.parse(raw)
    assert problems == [] or not snap.activities
    for row in snap.activities:
        assert ID_PATTERN.fullmatch(row["id"])
    for row in snap.journal:
        assert ID_PATTERN.fullmatch(row["id"]) and ID_PATTERN.fullmatch(row["activity_id"])
