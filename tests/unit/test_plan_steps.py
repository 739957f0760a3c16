"""The plan's smaller steps as pure rules: the starter program's preview, the rest-day note after a
move, logging what was already done, and undoing a tick, a rest, a move or a delete."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runmate import plans
from runmate.edits import Edit
from runmate.models import (
    SOURCE_STARTER,
    STATUS_DONE,
    STATUS_PLANNED,
    STATUS_REST,
    PlannedActivity,
    ValidationError,
    parse_activity,
)
from runmate.store import Conflict, Store
from runmate.undo import MOVE_FIELDS, STATUS_FIELDS, Undo

TODAY = dt.date(2026, 11, 25)  # a Wednesday


# --- the starter program's preview ----------------------------------------------------------------


def test_preview_says_days_first_week_and_end() -> None:
    preview = plans.starter_preview([], today=TODAY, start=TODAY, first_week=1)
    booked = plans.starter_sessions(TODAY)
    assert [a.day for a in preview.first] == [a.day for a in booked[:3]]
    assert (preview.end, preview.sessions) == (booked[-1].day, 27)
    rows = dict(preview.lines())
    assert rows["Days"] == "Wed, Fri and Sun, with a rest day between"
    assert rows["Week 1"] == "Wed 25 Nov, Fri 27 Nov and Sun 29 Nov: 20 min each"
    assert rows["Until"] == "Sun 24 Jan 2027, 27 sessions in all"
    assert ("", "Run 1 min, walk 1½ min; 8 times") in preview.lines()


def test_preview_follows_the_first_week_and_day() -> None:
    preview = plans.starter_preview([], today=TODAY, start=dt.date(2026, 11, 26), first_week=5)
    lines = preview.lines()
    assert lines[0] == ("Days", "Thu, Sat and Mon, with a rest day between")
    # Week 5's three sessions differ: one row each.
    assert [text.split(":")[0] for label, text in lines[1:4]] == ["Thu 26 Nov", "Sat 28 Nov", "Mon 30 Nov"]
    assert lines[1][0] == "Week 5" and lines[3][1].endswith("Run 20 min")
    assert preview.sessions == 15 and preview.end == dt.date(2026, 12, 28)


def test_preview_moves_with_kept_sessions_like_the_real_start() -> None:
    kept = plans.starter_sessions(TODAY)[:2]
    kept[1].status = STATUS_DONE  # Fri 27 Nov, done: it stays
    preview = plans.starter_preview(kept, today=TODAY, start=TODAY)
    real = plans.plan_starter(kept, today=TODAY, start=TODAY)
    assert preview.first[0].day == real.start == dt.date(2026, 11, 29)
    assert ("Starts", "Sun 29 Nov, two days after the starter session you keep") in preview.lines()


def test_preview_refuses_what_the_start_refuses() -> None:
    with pytest.raises(ValidationError) as info:
        plans.starter_preview([], today=TODAY, start=TODAY - dt.timedelta(days=1))
    assert "starts today or later" in (info.value.for_field("date") or "")


# --- a run next to a run ------------------------------------------------------------------------


def starter_run(day: str, **extra) -> PlannedActivity:
    return PlannedActivity(date=day, kind="walk-run", minutes=20, source=SOURCE_STARTER, **extra)


def test_moving_a_run_next_to_a_starter_run_gets_a_note() -> None:
    thursday = starter_run("2026-11-26")
    moved = PlannedActivity(date="2026-11-23", kind="run", minutes=20)
    note = plans.rest_day_note([thursday, moved], moved, dt.date(2026, 11, 27))
    assert note and note.startswith("Another run the day before.") and "rest day between runs" in note
    assert plans.rest_day_note([thursday], moved, dt.date(2026, 11, 28)) is None  # a day between
    assert "on the same day" in (plans.rest_day_note([thursday], moved, thursday.day) or "")


def test_no_note_without_the_starter_promise_or_a_run() -> None:
    own = PlannedActivity(date="2026-11-26", kind="run", minutes=20)
    moved = PlannedActivity(date="2026-11-23", kind="run", minutes=20)
    assert plans.rest_day_note([own], moved, dt.date(2026, 11, 27)) is None  # neither from the program
    walk = PlannedActivity(date="2026-11-23", kind="walk", minutes=20, source=SOURCE_STARTER)
    assert plans.rest_day_note([starter_run("2026-11-26")], walk, dt.date(2026, 11, 27)) is None
    rested = starter_run("2026-11-26", status=STATUS_REST)
    assert plans.rest_day_note([rested], moved, dt.date(2026, 11, 27)) is None
    session = starter_run("2026-11-25")
    assert plans.rest_day_note([own], session, dt.date(2026, 11, 27)) is not None  # the moved one is


# --- logging what was already done ----------------------------------------------------------------


def test_log_done_makes_one_done_record() -> None:
    walk = parse_activity(date="2026-11-24", kind="walk", minutes="35")
    done = plans.log_done(walk, today=TODAY, before="2", after=4)
    assert (done.status, done.before, done.after, done.actual_minutes, done.done_minutes) == (
        STATUS_DONE,
        2,
        4,
        None,
        35,
    )
    assert (done.id, done.date, walk.status) == (walk.id, "2026-11-24", STATUS_PLANNED)
    assert plans.log_done(walk, today=TODAY).before is None  # feelings are optional


def test_log_done_refuses_a_day_to_come_and_feelings_off_the_scale_at_once() -> None:
    walk = parse_activity(date="2026-11-26", kind="walk", minutes="35")
    with pytest.raises(ValidationError) as info:
        plans.log_done(walk, today=TODAY, before="7", after="x")
    assert {e.field for e in info.value.errors} == {"date", "before", "after"}
    assert "today or earlier (today is Wed 25 Nov)" in (info.value.for_field("date") or "")


@given(st.text(max_size=4))
def test_log_done_takes_any_text_as_a_feeling(text: str) -> None:
    walk = parse_activity(date="2026-11-24", kind="walk", minutes="20")
    try:
        done = plans.log_done(walk, today=TODAY, before=text)
    except ValidationError as error:
        assert [e.field for e in error.errors] == ["before"]
    else:
        assert done.before in (None, 1, 2, 3, 4, 5)


def test_minutes_as_planned_are_not_kept_twice() -> None:
    assert plans.moved_minutes(20, 20) is None
    assert plans.moved_minutes(20, 25) == 25
    assert plans.moved_minutes(20, None) is None


# --- undo ---------------------------------------------------------------------------------------


def ticked(a: PlannedActivity) -> PlannedActivity:
    done = PlannedActivity.from_dict(a.to_dict())
    done.mark_done(2, 4, 25)
    return done


def test_undo_of_a_tick_restores_exactly_through_the_store(data_dir: Path) -> None:
    store = Store(data_dir)
    a = store.add_activity(PlannedActivity(date="2026-11-25", kind="run", minutes=20, note="park"))
    after = store.edit_activity(a.id, Edit.direct_change({n: getattr(ticked(a), n) for n in STATUS_FIELDS}))
    store.update_activity(a.id, lambda x: setattr(x, "note", "from the shell"))  # another field, elsewhere
    back = store.edit_activity(a.id, Undo(a, after, STATUS_FIELDS, "Ticked off.").edit())
    assert {n: getattr(back, n) for n in STATUS_FIELDS} == {n: getattr(a, n) for n in STATUS_FIELDS}
    assert back.note == "from the shell"  # the later change elsewhere stays


def test_undo_clashes_with_a_later_change_to_the_same_field(data_dir: Path) -> None:
    store = Store(data_dir)
    a = store.add_activity(PlannedActivity(date="2026-11-25", kind="run", minutes=20))
    after = store.update_activity(a.id, lambda x: setattr(x, "date", "2026-11-27"))
    store.update_activity(a.id, lambda x: setattr(x, "date", "2026-11-28"))  # moved again, elsewhere
    with pytest.raises(Conflict):
        store.edit_activity(a.id, Undo(a, after, MOVE_FIELDS, "Moved.").edit())
    assert store.activities()[0].date == "2026-11-28"


def test_undo_of_a_delete_puts_the_same_record_back(data_dir: Path) -> None:
    store = Store(data_dir)
    a = store.add_activity(PlannedActivity(date="2026-11-25", kind="swim", minutes=40, with_whom="Priya"))
    gone = store.delete_activity(a.id)
    assert gone is not None and store.activities() == []
    assert store.delete_activity(a.id) is None
    undo = Undo(gone, None, (), "Deleted.")
    assert undo.deleted and undo.offer() == "Deleted.  Press u to undo."
    assert store.restore_activity(undo.before) is True
    assert store.activities()[0].to_dict() == a.to_dict()
    assert store.restore_activity(undo.before) is False  # never there twice
    assert len(store.activities()) == 1
    with pytest.raises(ValueError):
        undo.edit()
