"""Demo data: believable, repeatable, and never poured into a folder that holds real data."""

from __future__ import annotations

import datetime as dt
import itertools
import time
from collections import Counter

import orjson
import pytest

from runmate import demo
from runmate.cli import main
from runmate.journal import tags_in
from runmate.models import (
    PlannedActivity,
    Settings,
    parse_activity,
    parse_checkin,
    parse_completion,
    parse_journal,
)
from runmate.store import ACTIVITIES, CHECKINS, JOURNAL, SETTINGS, Store
from runmate.store.records import record_problem

TODAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def two_years() -> demo.DemoData:
    return demo.generate(TODAY, 2, seed=demo.DEFAULT_SEED)


def test_the_same_seed_gives_the_same_history_and_another_seed_another():
    first, again = demo.generate(TODAY, 1, seed=3), demo.generate(TODAY, 1, seed=3)
    other = demo.generate(TODAY, 1, seed=4)
    dump = lambda d: [r.to_dict() for r in (*d.checkins, *d.activities, *d.journal)]  # noqa: E731
    assert dump(first) == dump(again)
    assert dump(first) != dump(other)


def test_the_history_is_believable(two_years):
    data = two_years
    dates = [dt.date.fromisoformat(c.date) for c in data.checkins]
    assert dates == sorted(dates) and len(dates) == len(set(dates))  # at most one check-in a day
    assert max(dates) < TODAY  # nothing in the future, the history ends yesterday
    assert min(dates) <= TODAY - dt.timedelta(days=2 * 365 - 7)
    gaps = [(b - a).days for a, b in itertools.pairwise(dates)]
    assert max(gaps) >= 3 and sum(g > 1 for g in gaps) >= 10  # some days and some stretches without a check-in
    assert 0.6 < len(dates) / (TODAY - min(dates)).days < 0.95
    moods = Counter(c.mood for c in data.checkins)
    assert len(moods) >= 4 and max(moods.values()) < 0.7 * len(dates)  # the mood moves
    # it drifts: monthly averages differ
    months: dict[str, list[int]] = {}
    for c in data.checkins:
        months.setdefault(c.date[:7], []).append(c.mood)
    averages = [sum(v) / len(v) for v in months.values() if len(v) > 10]
    assert max(averages) - min(averages) > 0.5
    assert any(c.note for c in data.checkins) and any(c.energy is None for c in data.checkins)


def test_plans_are_done_rested_or_left_and_future_ones_are_planned(two_years):
    past = [a for a in two_years.activities if a.day < TODAY]
    future = [a for a in two_years.activities if a.day >= TODAY]
    statuses = Counter(a.status for a in past)
    assert set(statuses) == {"done", "rest", "planned"}
    assert 0.4 < statuses["done"] / len(past) < 0.8
    assert future and all(a.status == "planned" and a.before is None for a in future)
    assert max(a.day for a in future) >= TODAY + dt.timedelta(days=7 - TODAY.weekday())  # next week is planned too
    for a in past:
        if a.status == "done":
            assert 1 <= a.before <= 5 and a.before <= a.after <= 5 and a.actual_minutes >= 1
        else:
            assert (a.before, a.after, a.actual_minutes) == (None, None, None)
    assert any(a.with_whom for a in past) and any(a.time for a in past) and any(a.rest_reason for a in past)
    assert len({a.kind for a in past}) >= 6
    weeks = Counter(a.day - dt.timedelta(days=a.day.weekday()) for a in two_years.activities)
    assert all(2 <= n <= 4 for n in weeks.values())


def test_reflections_link_to_real_done_activities(two_years):
    activities = {a.id: a for a in two_years.activities}
    linked = [j for j in two_years.journal if j.activity_id]
    assert len(two_years.journal) >= 20 and linked
    for entry in linked:
        activity = activities[entry.activity_id]
        assert activity.status == "done" and activity.date == entry.date
    assert all(j.day < TODAY and j.text for j in two_years.journal)
    assert sum(bool(tags_in(j.text)) for j in two_years.journal) >= 20  # reflections carry #tags
    for j in two_years.journal:
        assert parse_journal(today=TODAY, date=j.date, text=j.text, activity_id=j.activity_id).text == j.text
        assert record_problem(JOURNAL, j.to_dict()) is None


def test_every_record_passes_the_same_checks_as_typed_data(two_years):
    for c in two_years.checkins:
        parse_checkin(
            today=TODAY,
            date=c.date,
            mood=c.mood,
            energy=c.energy,
            stress=c.stress,
            sleep_hours=c.sleep_hours,
            sleep_quality=c.sleep_quality,
            note=c.note,
        )
        assert record_problem(CHECKINS, c.to_dict()) is None
    for a in two_years.activities:
        parse_activity(
            date=a.date,
            kind=a.kind,
            minutes=a.minutes,
            warmup=a.warmup,
            time=a.time,
            with_whom=a.with_whom,
            note=a.note,
        )
        parse_completion(before=a.before, after=a.after, minutes=a.actual_minutes)
        assert record_problem(ACTIVITIES, a.to_dict()) is None
    ids = [r.id for r in (*two_years.checkins, *two_years.activities, *two_years.journal)]
    assert len(ids) == len(set(ids))


def stored(data_dir):
    return orjson.loads((data_dir / "runmate.json").read_bytes())


def test_the_demo_command_fills_an_empty_folder(data_dir, capsys):
    assert main(["--data-dir", str(data_dir), "demo", "--seed", "5"]) == 0
    out = capsys.readouterr()
    data = stored(data_dir)
    counts = [len(data[t]) for t in (CHECKINS, ACTIVITIES, JOURNAL)]
    assert f"{counts[0]} check-ins, {counts[1]} activities, {counts[2]} reflections" in out.out
    assert counts[0] > 250 and out.err == ""  # one year: no progress lines
    store = Store(data_dir)
    assert store.settings().welcomed and store.settings().name == "Robin"
    assert max(c.date for c in store.checkins()) < dt.date.today().isoformat()


def test_the_same_seed_writes_the_same_file(tmp_path):
    assert main(["--data-dir", str(tmp_path / "a"), "demo", "--seed", "9"]) == 0
    assert main(["--data-dir", str(tmp_path / "b"), "demo", "--seed", "9"]) == 0
    assert (tmp_path / "a" / "runmate.json").read_bytes() == (tmp_path / "b" / "runmate.json").read_bytes()


@pytest.mark.parametrize("table", [CHECKINS, ACTIVITIES, JOURNAL])
def test_the_demo_refuses_a_folder_with_data(data_dir, capsys, table):
    store = Store(data_dir)
    if table == CHECKINS:
        store.save_checkin(parse_checkin(today=dt.date.today(), mood=3))
    elif table == ACTIVITIES:
        store.add_activity(PlannedActivity(date="2026-01-01", kind="walk", minutes=10))
    else:
        from runmate.models import JournalEntry

        store.add_journal(JournalEntry(date="2026-01-01", text="mine"))
    before = (data_dir / "runmate.json").read_bytes()
    marker = store.change_marker()
    assert main(["--data-dir", str(data_dir), "demo"]) == 2
    err = capsys.readouterr().err
    assert f"runmate: {data_dir} already holds your data, so no demo data was added." in err
    assert (data_dir / "runmate.json").read_bytes() == before and store.change_marker() == marker


def test_the_demo_keeps_settings_already_chosen(data_dir):
    Store(data_dir).save_settings(Settings(name="Kim", goal_days=2))
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    settings = Store(data_dir).settings()
    assert (settings.name, settings.goal_days) == ("Kim", 2)
    assert len(stored(data_dir)[SETTINGS]) == 1


@pytest.mark.parametrize("years", ["0", "21", "-1"])
def test_years_outside_1_to_20_are_refused(data_dir, capsys, years):
    assert main(["--data-dir", str(data_dir), "demo", "--years", years]) == 2
    assert "runmate: Years is a whole number from 1 to 20." in capsys.readouterr().err
    assert not data_dir.exists()


def test_ten_years_show_progress_and_take_seconds(data_dir, capsys):
    started = time.monotonic()
    assert main(["--data-dir", str(data_dir), "demo", "--years", "10"]) == 0
    elapsed = time.monotonic() - started
    out = capsys.readouterr()
    assert "Making demo data: week 52 of" in out.err and "writing" in out.err
    assert "Added 10 years of demo data" in out.out
    assert elapsed < 15, elapsed
    assert len(Store(data_dir).checkins()) > 2500
