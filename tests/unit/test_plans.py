"""The starter program, the gentle build-up check and weekly progress (pure logic)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from runmate import plans
from runmate.models import (
    SOURCE_STARTER,
    STATUS_DONE,
    STATUS_PLANNED,
    STATUS_REST,
    PlannedActivity,
    ValidationError,
)

MONDAY = dt.date(2026, 11, 23)  # the week checked; last week starts 16 Nov
TODAY = dt.date(2026, 11, 25)


def act(
    date: str | dt.date, kind: str = "run", minutes: int = 20, status: str = STATUS_PLANNED, **extra
) -> PlannedActivity:
    day = date if isinstance(date, str) else date.isoformat()
    return PlannedActivity(date=day, kind=kind, minutes=minutes, status=status, **extra)


def done(date, kind="run", minutes=20, **extra) -> PlannedActivity:
    return act(date, kind, minutes, STATUS_DONE, **extra)


# --- the starter program as data ----------------------------------------------------------------


def test_program_has_nine_weeks_of_three_sessions() -> None:
    assert plans.PROGRAM_WEEKS == 9
    assert all(len(week) == 3 for week in plans.STARTER_PROGRAM)


def test_program_builds_up_to_thirty_minutes_of_running() -> None:
    for number in (1, 2, 3):
        last = plans.starter_session(9, number)
        assert plans.session_seconds(last, plans.RUN) == 30 * 60
        assert plans.session_seconds(last, plans.WALK) == 0
    first = plans.starter_session(1, 1)
    assert plans.session_seconds(first, plans.WALK) > 0
    running = [max(plans.session_seconds(s, plans.RUN) for s in week) for week in plans.STARTER_PROGRAM]
    assert running == sorted(running), "the longest running of each week never goes down"


def test_starter_sessions_lay_out_the_whole_program() -> None:
    sessions = plans.starter_sessions(dt.date(2026, 11, 24))  # a Tuesday
    assert len(sessions) == 27
    assert all(a.source == SOURCE_STARTER and a.warmup == 5 and a.status == STATUS_PLANNED for a in sessions)
    assert [(a.program_week, a.program_session) for a in sessions[:4]] == [(1, 1), (1, 2), (1, 3), (2, 1)]
    # Tuesday, Thursday, Saturday, then the next Tuesday.
    assert [a.day.strftime("%a") for a in sessions[:4]] == ["Tue", "Thu", "Sat", "Tue"]
    assert sessions[0].kind == "walk-run" and "Run 1 min, walk 1½ min; 8 times" in sessions[0].note
    assert sessions[-1].kind == "run" and sessions[-1].minutes == 30
    assert sessions[-1].note.startswith("Starter week 9, session 3")


def test_there_is_always_a_rest_day_between_sessions() -> None:
    for start in (dt.date(2026, 11, 23) + dt.timedelta(days=i) for i in range(7)):
        days = [a.day for a in plans.starter_sessions(start)]
        gaps = {(b - a).days for a, b in itertools.pairwise(days)}
        assert min(gaps) >= 2, start
        assert len(set(days)) == len(days)


def test_starter_can_begin_at_any_week() -> None:
    sessions = plans.starter_sessions(TODAY, first_week=7)
    assert len(sessions) == 9
    assert sessions[0].program_week == 7 and sessions[0].day == TODAY
    assert {a.minutes for a in sessions} == {25, 28, 30}


def test_program_week_is_checked() -> None:
    assert plans.check_program_week("9") == 9
    for bad in ("0", "10", "two", "", None, "-1"):
        with pytest.raises(ValidationError) as info:
            plans.check_program_week(bad)
        assert info.value.for_field("week") == "The program week is a whole number from 1 to 9."


# --- restarting never duplicates ----------------------------------------------------------------


def test_restart_replaces_future_not_done_sessions_only() -> None:
    first = plans.starter_sessions(dt.date(2026, 11, 16))
    first[0].status = STATUS_DONE  # Mon 16 Nov, done
    first[1].status = STATUS_REST  # Wed 18 Nov, a rest (in the past: kept)
    # first[2] Fri 20 Nov is in the past and left planned: kept as it was
    first[3].status = STATUS_DONE  # Mon 23 Nov, done
    own = act(TODAY + dt.timedelta(days=2), "yoga", 30)
    existing = [*first, own]
    change = plans.plan_starter(existing, today=TODAY, start=TODAY, first_week=2)
    future_not_done = {a.id for a in first if a.date >= TODAY.isoformat() and a.status != STATUS_DONE}
    assert set(change.remove_ids) == future_not_done
    assert own.id not in change.remove_ids
    assert first[0].id not in change.remove_ids and first[1].id not in change.remove_ids
    assert first[2].id not in change.remove_ids and first[3].id not in change.remove_ids
    assert change.add[0].program_week == 2 and change.add[0].day == TODAY


def test_restart_twice_never_duplicates() -> None:
    existing = plans.starter_sessions(TODAY)
    for _ in range(2):
        change = plans.plan_starter(existing, today=TODAY, start=TODAY)
        existing = [a for a in existing if a.id not in set(change.remove_ids)] + change.add
    starter = [a for a in existing if a.source == SOURCE_STARTER]
    assert len(starter) == 27
    keys = [(a.program_week, a.program_session) for a in starter]
    assert len(keys) == len(set(keys))
    assert len({a.date for a in starter}) == 27


def test_restart_from_a_later_start_removes_the_sessions_before_it_too() -> None:
    existing = plans.starter_sessions(TODAY)
    change = plans.plan_starter(existing, today=TODAY, start=TODAY + dt.timedelta(days=10))
    assert set(change.remove_ids) == {a.id for a in existing}


def test_restart_keeps_the_rest_day_after_a_done_session() -> None:
    existing = plans.starter_sessions(TODAY)
    existing[0].status = STATUS_DONE  # today's session is done
    change = plans.plan_starter(existing, today=TODAY, start=TODAY, first_week=1)
    assert existing[0].id not in change.remove_ids
    assert change.start == TODAY + dt.timedelta(days=2)
    assert change.add[0].day == TODAY + dt.timedelta(days=2)


def test_repeating_a_week_after_doing_it() -> None:
    existing = plans.starter_sessions(dt.date(2026, 11, 9), first_week=3)
    for a in existing:
        if a.program_week == 3:
            a.status = STATUS_DONE  # week 3 done (9, 11, 13 Nov)
    change = plans.plan_starter(existing, today=TODAY, start=TODAY, first_week=3)
    kept = [a for a in existing if a.id not in set(change.remove_ids)]
    after = kept + change.add
    week3 = [a for a in after if a.program_week == 3]
    assert len(week3) == 6  # three done, three ahead
    future = [a for a in after if a.date >= TODAY.isoformat()]
    assert len(future) == len(change.add) == 21


def test_future_starter_ids_ignores_own_plans() -> None:
    own = act(TODAY, "run", 20)
    starter = plans.starter_sessions(TODAY)[0]
    assert plans.future_starter_ids([own, starter], TODAY) == [starter.id]


def test_restart_never_removes_past_or_rest_sessions() -> None:
    first = plans.starter_sessions(dt.date(2026, 11, 16))  # 16, 18, 20, 23, 25, 27 Nov ...
    first[2].status = STATUS_PLANNED  # Fri 20 Nov: in the past, never ticked
    first[5].status = STATUS_REST  # Fri 27 Nov: coming, but set to rest
    first[5].rest_reason = "away"
    future_planned = {a.id for a in first if a.date >= TODAY.isoformat() and a.status == STATUS_PLANNED}
    assert plans.future_starter_ids(first, TODAY) == [a.id for a in first if a.id in future_planned]
    change = plans.plan_starter(first, today=TODAY, start=TODAY)
    assert set(change.remove_ids) == future_planned
    assert first[2].id not in change.remove_ids  # the past stays as it was
    assert first[5].id not in change.remove_ids  # so does a rest
    assert min(a.day for a in change.add) >= TODAY


def test_starter_refuses_a_start_before_today() -> None:
    existing = plans.starter_sessions(TODAY)
    with pytest.raises(ValidationError) as info:
        plans.plan_starter(existing, today=TODAY, start=dt.date(2020, 1, 1))
    assert "today or later" in info.value.for_field("date")
    with pytest.raises(ValidationError):
        plans.check_starter_start(TODAY - dt.timedelta(days=1), TODAY)
    plans.check_starter_start(TODAY, TODAY)  # today itself is fine
    plans.check_starter_start(TODAY + dt.timedelta(days=3), TODAY)


# --- ticking off ----------------------------------------------------------------------------------


def test_a_future_activity_cannot_be_ticked_yet() -> None:
    later = act("2026-12-20", "run", 20)
    assert plans.too_early_to_tick(later, TODAY) == (
        "This is planned for Sun 20 Dec. Tick it off on the day, or move it to today first."
    )
    assert plans.too_early_to_tick(act(TODAY), TODAY) is None
    assert plans.too_early_to_tick(act("2026-11-20"), TODAY) is None
    next_year = act("2027-01-03")
    assert "Sun 3 Jan 2027" in plans.too_early_to_tick(next_year, TODAY)


# --- the gentle build-up check ------------------------------------------------------------------


def test_no_note_for_a_small_increase() -> None:
    items = [done("2026-11-16", minutes=100), act("2026-11-24", minutes=110)]
    assert plans.buildup_note(items, MONDAY) is None  # exactly 10%: not more


def test_note_just_over_ten_percent_and_ten_minutes() -> None:
    items = [done("2026-11-16", minutes=100), act("2026-11-24", "walk", minutes=111)]
    note = plans.buildup_note(items, MONDAY)
    assert note is not None and "111 minutes planned, up from 100 done last week" in note


def test_no_note_for_nine_minutes_more() -> None:
    items = [done("2026-11-16", "walk", minutes=50), act("2026-11-24", "walk", minutes=59)]
    assert plans.buildup_note(items, MONDAY) is None  # 18% more, but only 9 minutes


def test_note_for_ten_minutes_more() -> None:
    items = [done("2026-11-16", "walk", minutes=50), act("2026-11-24", "walk", minutes=60)]
    assert plans.buildup_note(items, MONDAY) is not None


def test_no_note_when_nothing_was_done_last_week() -> None:
    items = [act("2026-11-17", "run", 30), act("2026-11-24", "run", 90), act("2026-11-26", "run", 90)]
    assert plans.buildup_note(items, MONDAY) is None
    rested = [act("2026-11-17", "run", 30, STATUS_REST), act("2026-11-24", "run", 90)]
    assert plans.buildup_note(rested, MONDAY) is None


def test_no_note_for_starter_sessions() -> None:
    last_week = [done(d, "walk-run", 20) for d in ("2026-11-16", "2026-11-18")]
    starter = plans.starter_sessions(MONDAY, first_week=9)[:3]  # 90 minutes, 30-minute runs
    assert plans.buildup_note(last_week + starter, MONDAY) is None


def test_warmup_minutes_are_not_counted() -> None:
    items = [done("2026-11-16", "run", 20, warmup=5), act("2026-11-24", "run", 22, warmup=60)]
    assert plans.buildup_note(items, MONDAY) is None
    # Counting the warm-up would make 82 minutes and a note; the running alone is 22.


def test_note_for_a_single_run_longer_than_one_point_one_times_the_longest() -> None:
    items = [
        done("2026-11-02", "run", 30),  # 21 days before: in the 30-day window
        done("2026-11-16", "walk", 120),  # plenty done last week, so the total does not trigger
        act("2026-11-24", "run", 34),
    ]
    note = plans.buildup_note(items, MONDAY)
    assert note is not None and "34-minute run" in note and "(30 min)" in note
    items[-1] = act("2026-11-24", "run", 33)  # exactly 1.1 times: fine
    assert plans.buildup_note(items, MONDAY) is None


def test_long_run_window_is_thirty_days() -> None:
    old = done(MONDAY - dt.timedelta(days=31), "run", 60)  # outside the window
    recent = done("2026-11-16", "run", 20)
    items = [old, recent, done("2026-11-18", "walk", 100), act("2026-11-24", "run", 25)]
    note = plans.buildup_note(items, MONDAY)
    assert note is not None and "(20 min)" in note
    inside = done(MONDAY - dt.timedelta(days=30), "run", 60)
    assert plans.buildup_note([inside, *items[1:]], MONDAY) is None


def test_single_run_check_skips_done_and_rest_runs() -> None:
    base = [done("2026-11-16", "run", 20), done("2026-11-18", "walk", 100)]
    assert plans.buildup_note([*base, act("2026-11-24", "run", 40, STATUS_REST)], MONDAY) is None


def test_rest_activities_do_not_count_towards_the_week() -> None:
    items = [done("2026-11-16", "walk", 60), act("2026-11-24", "walk", 60), act("2026-11-25", "walk", 60, STATUS_REST)]
    assert plans.buildup_note(items, MONDAY) is None


def test_any_day_of_the_week_finds_the_same_note() -> None:
    items = [done("2026-11-16", minutes=20), act("2026-11-29", "walk", 60)]
    assert plans.buildup_note(items, dt.date(2026, 11, 29)) == plans.buildup_note(items, MONDAY) is not None


# --- progress ---------------------------------------------------------------------------------


def test_progress_counts_distinct_days_with_something_done() -> None:
    items = [
        done("2026-11-23", "run"),
        done("2026-11-23", "yoga"),
        done("2026-11-25", "walk"),
        act("2026-11-26", "swim"),
        act("2026-11-27", "run", status=STATUS_REST),
        done("2026-11-30", "run"),  # next week
    ]
    progress = plans.week_progress(items, TODAY, 3)
    assert (progress.days_done, progress.goal_days) == (2, 3)
    assert progress.text() == "2 of 3 days this week"
    assert progress.text(this_week=False) == "2 of 3 days that week"
    assert plans.WeekProgress(4, 3).text() == "4 days this week (goal 3)"


# --- words ------------------------------------------------------------------------------------


def test_words() -> None:
    a = act("2026-11-23", "run", 20, time="07:30", with_whom="Sam", warmup=5)
    assert plans.describe_plan(a) == "Run, 20 min + 5 min warm-up, 07:30, with Sam"
    assert plans.describe_status(a) == "planned"
    a.status, a.before, a.after, a.actual_minutes = STATUS_DONE, 2, 4, 25
    # Done: the minutes moved, once.
    assert plans.describe_plan(a) == "Run, 25 min + 5 min warm-up, 07:30, with Sam"
    assert plans.describe_status(a) == "done, felt 2 low -> 4 good"
    b = act("2026-11-23", status=STATUS_REST, rest_reason="tired")
    assert plans.describe_status(b) == "rest: tired"
    assert plans.week_title(TODAY, TODAY) == "This week, 23 Nov to 29 Nov 2026"
    assert plans.week_title(dt.date(2026, 12, 1), TODAY).startswith("Next week")


def test_week_title_across_new_year_names_both_years() -> None:
    assert plans.week_title(dt.date(2020, 1, 1), TODAY) == "Week of 30 Dec 2019 to 5 Jan 2020"
    assert plans.week_title(dt.date(2026, 12, 29), dt.date(2026, 12, 24)) == "Next week, 28 Dec 2026 to 3 Jan 2027"
    assert plans.week_title(dt.date(2027, 1, 6), TODAY) == "Week of 4 Jan to 10 Jan 2027"


def test_parse_day_accepts_dates_and_weekdays() -> None:
    assert plans.parse_day("fri", TODAY) == dt.date(2026, 11, 27)
    assert plans.parse_day("Monday", TODAY) == dt.date(2026, 11, 30)  # planning: the next one
    assert plans.parse_day("2027-01-02", TODAY) == dt.date(2027, 1, 2)
    for bad in ("fr", "2026-02-30", "", "someday"):
        with pytest.raises(ValidationError) as info:
            plans.parse_day(bad, TODAY)
        assert info.value.for_field("date")


def test_rest_reason_is_checked() -> None:
    assert plans.parse_rest_reason("  tired ") == "tired"
    with pytest.raises(ValidationError):
        plans.parse_rest_reason("x" * 501)
    with pytest.raises(ValidationError, match="one line"):
        plans.parse_rest_reason("a\nb")
    assert plans.parse_rest_reason("a\x00b") == "a\x00b"  # kept as typed; shown escaped
