"""Importing runmate's own JSON export: a lossless round trip (hypothesis), merging by id where the
data folder's records stay, all or nothing, --partial, --dry-run, and nothing changed when there is
nothing to bring in."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runmate.cli import main
from runmate.exchange import json
from runmate.exchange.data import snapshot
from runmate.models import ACTIVITY_KINDS, STATUSES, CheckIn, JournalEntry, PlannedActivity, Settings
from runmate.store import Store
from tests.unit.exchange_data import sample

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
DAYS = st.dates(min_value=__import__("datetime").date(1900, 1, 1), max_value=__import__("datetime").date(2999, 12, 31))
IDS = st.text(alphabet="0123456789abcdef", min_size=6, max_size=32)
MAYBE_SCALE = st.none() | st.integers(1, 5)

checkins = st.builds(
    CheckIn,
    date=DAYS.map(lambda d: d.isoformat()),
    mood=st.integers(1, 5),
    energy=MAYBE_SCALE,
    stress=MAYBE_SCALE,
    sleep_hours=st.none() | st.floats(0, 24, allow_nan=False),
    sleep_quality=MAYBE_SCALE,
    note=TEXT,
    id=IDS,
)
activities = st.builds(
    PlannedActivity,
    date=DAYS.map(lambda d: d.isoformat()),
    kind=st.sampled_from(list(ACTIVITY_KINDS)),
    minutes=st.none() | st.integers(1, 1440),
    warmup=st.integers(0, 60),
    time=st.none() | st.times().map(lambda t: f"{t.hour:02d}:{t.minute:02d}"),
    with_whom=TEXT,
    note=TEXT,
    status=st.sampled_from(STATUSES),
    before=MAYBE_SCALE,
    actual_minutes=st.none() | st.integers(1, 1440),
    distance_km=st.none() | st.floats(0, 1000, allow_nan=False),
    id=IDS,
)
entries = st.builds(JournalEntry, date=DAYS.map(lambda d: d.isoformat()), text=TEXT.filter(bool), title=TEXT, id=IDS)


def unique(items, key):
    seen, out = set(), []
    for item in items:
        if key(item) not in seen:
            seen.add(key(item))
            out.append(item)
    return out


def fill(store: Store, cs, acts, js, chosen: Settings | None) -> None:
    def op(tx):
        tx.insert_many("checkins", (c.to_dict() for c in unique(cs, lambda c: c.date)))
        tx.insert_many("activities", (a.to_dict() for a in unique(acts, lambda a: a.id)))
        tx.insert_many("journal", (j.to_dict() for j in unique(js, lambda j: j.id)))
        if chosen is not None:
            tx.insert("settings", chosen.to_dict())

    store.write(op)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(checkins, max_size=5),
    st.lists(activities, max_size=5),
    st.lists(entries, max_size=4),
    st.none() | st.builds(Settings, name=TEXT, goal_days=st.integers(1, 7)),
)
def test_json_round_trip_into_an_empty_folder_gives_the_same_data(cs, acts, js, chosen):
    cs = unique(cs, lambda c: c.id)
    with tempfile.TemporaryDirectory() as tmp:
        first, second = Store(Path(tmp) / "a"), Store(Path(tmp) / "b")
        fill(first, cs, acts, js, chosen)
        exported = json.render(snapshot(first))
        if snapshot(first).count() == 0 and chosen is None:
            return  # nothing to bring in: covered by its own test
        file = Path(tmp) / "export.json"
        file.write_bytes(exported)
        assert (
            main(["--data-dir", str(second.data_dir), "import", str(file)], out=io.StringIO(), err=io.StringIO()) == 0
        )
        assert json.render(snapshot(second)) == exported


def export_file(tmp_path: Path, doc: dict | None = None) -> Path:
    path = tmp_path / "export.json"
    path.write_bytes(orjson.dumps(doc) if doc is not None else json.render(sample()))
    return path


def run(data_dir: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--data-dir", str(data_dir), "import", *args], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_records_already_in_the_folder_stay_as_they_are(store, data_dir, tmp_path):
    mine = CheckIn(date="2026-03-02", mood=5, note="mine", id="c1")
    other_day = CheckIn(date="2026-03-03", mood=1, note="also mine", id="zz")
    store.save_checkin(mine)
    store.write(lambda tx: tx.insert("checkins", other_day.to_dict()))
    store.save_settings(Settings(name="Me"))
    code, out, _ = run(data_dir, str(export_file(tmp_path)))
    assert code == 0
    by_date = {c.date: c for c in store.checkins()}
    assert by_date["2026-03-02"].note == "mine"  # same id: the folder's stays
    assert by_date["2026-03-03"].note == "also mine"  # same day, another id: the day keeps its check-in
    assert store.settings().name == "Me"
    assert len(store.activities()) == 5 and len(store.journal()) == 2
    assert "Already here, kept as they were: 2 check-ins" in out
    assert [b.reason for b in store.backups()] == ["import"]


def test_importing_twice_changes_nothing_the_second_time(store, data_dir, tmp_path):
    path = export_file(tmp_path)
    assert run(data_dir, str(path))[0] == 0
    before = store.path.read_bytes()
    backups = store.backups()
    code, _, err = run(data_dir, str(path))
    assert code == 2 and "already here" in err
    assert store.path.read_bytes() == before and store.backups() == backups


def test_a_file_with_bad_records_brings_in_nothing_unless_partial(store, data_dir, tmp_path):
    doc = orjson.loads(json.render(sample()))
    doc["checkins"][0]["mood"] = 9
    doc["journal"][1]["id"] = doc["journal"][0]["id"]
    store.save_checkin(CheckIn(date="2020-01-01", mood=3))
    before = store.path.read_bytes()
    path = export_file(tmp_path, doc)
    code, _, err = run(data_dir, str(path))
    assert code == 2
    assert "checkins, record 1: has mood 9, outside 1 to 5" in err
    assert "journal, record 2: another record in the file has the same id" in err
    assert "nothing was imported" in err and "--partial" in err
    assert store.path.read_bytes() == before and not store.backups()
    code, out, _ = run(data_dir, str(path), "--partial")
    assert code == 0 and "Brought in 1 check-in, 5 activities, 1 reflection" in out


def test_dry_run_writes_nothing(store, data_dir, tmp_path):
    store.save_checkin(CheckIn(date="2020-01-01", mood=3))
    before = store.path.read_bytes()
    code, out, _ = run(data_dir, str(export_file(tmp_path)), "--dry-run")
    assert code == 0 and "Would bring in 2 check-ins, 5 activities, 2 reflections" in out
    assert store.path.read_bytes() == before and not store.backups()


def test_bad_and_empty_files_leave_the_folder_exactly_as_it_was(store, data_dir, tmp_path):
    store.save_checkin(CheckIn(date="2020-01-01", mood=3))
    listing = sorted((p.name, p.read_bytes()) for p in data_dir.iterdir())
    cases = {
        "cut.json": b'{"runmate_export": 1, "schema": 1, "checkins": [',
        "other.json": b'{"hello": 1}',
        "empty.json": orjson.dumps({"runmate_export": 1, "schema": 1, "checkins": []}),
        "newer.json": orjson.dumps({"runmate_export": 1, "schema": 99}),
        "notes.txt": b"just some words",
    }
    for name, raw in cases.items():
        (tmp_path / name).write_bytes(raw)
        code, out, err = run(data_dir, str(tmp_path / name))
        assert code == 2, name
        assert out == "" and err.startswith("runmate: "), name
    assert run(data_dir, str(tmp_path / "missing.json"))[0] == 2
    assert sorted((p.name, p.read_bytes()) for p in data_dir.iterdir()) == listing


def test_nothing_to_import_does_not_even_make_the_data_folder(data_dir, tmp_path):
    (tmp_path / "empty.json").write_bytes(orjson.dumps({"runmate_export": 1, "schema": 1}))
    code, _, err = run(data_dir, str(tmp_path / "empty.json"))
    assert code == 2 and "Nothing in that file" in err
    assert not data_dir.exists()


def test_a_linked_file_is_read_through_its_link(store, data_dir, tmp_path):
    target = export_file(tmp_path)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert run(data_dir, str(link))[0] == 0
    assert len(store.checkins()) == 2
    assert link.is_symlink() and target.read_bytes() == json.render(sample())
