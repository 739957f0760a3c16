"""The figures behind the dashboard and runmate stats, against hand-computed cases."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runmate import stats, stats_report
from runmate.models import STATUS_DONE, STATUS_PLANNED, STATUS_REST, CheckIn, PlannedActivity, Settings
from runmate.stats import ACTIVE, PLAIN, REST

TODAY = dt.date(2026, 11, 25)  # a Wednesday


def day(n: int) -> dt.date:
    """``n`` days before TODAY."""
    return TODAY - dt.timedelta(days=n)


def ck(n: int, mood: int = 3, **fields) -> CheckIn:
    return CheckIn(date=day(n).isoformat(), mood=mood, **fields)


def act(n: int, status: str = STATUS_DONE, minutes: int = 20, **fields) -> PlannedActivity:
    return PlannedActivity(
        date=day(n).isoformat(), kind=fields.pop("kind", "walk"), minutes=minutes, status=status, **fields
    )


# --- days ---------------------------------------------------------------------------------------


def test_day_kinds_active_rest_and_plain():
    kinds = stats.day_kinds(
        [
            act(0, STATUS_DONE),
            act(0, STATUS_REST),  # a done activity makes the day active even beside a rest
            act(1, STATUS_REST),
            act(2, STATUS_PLANNED),  # only planned: a plain day
            act(3, STATUS_REST),
            act(3, STATUS_PLANNED),
        ]
    )
    assert kinds == {day(0): ACTIVE, day(1): REST, day(3): REST}
    assert kinds.get(day(2), PLAIN) == PLAIN


def test_done_activity_with_unknown_minutes_is_still_an_active_day():
    imported = act(0, STATUS_DONE)
    imported.minutes = None  # type: ignore[assignment]  (an import may not know the minutes)
    assert stats.day_kinds([imported]) == {day(0): ACTIVE}
    assert stats.counted_minutes(imported) == 0


def test_first_recorded_day():
    assert stats.first_recorded_day([], []) is None
    assert stats.first_recorded_day([ck(3), ck(1)], []) == day(3)
    # an activity in any state counts, even one only planned
    assert stats.first_recorded_day([ck(3)], [act(9, STATUS_PLANNED), act(1)]) == day(9)
    assert stats.first_recorded_day([], [act(4, STATUS_REST)]) == day(4)


def test_counted_minutes_actual_else_planned_warmup_never():
    assert stats.counted_minutes(act(0, minutes=30, warmup=5)) == 30
    assert stats.counted_minutes(act(0, minutes=30, warmup=5, actual_minutes=25)) == 25
    assert stats.counted_minutes(act(0, STATUS_PLANNED, minutes=40, warmup=10)) == 40


# --- the consistency score: Loop Habit Tracker's published values -----------------------------


def test_loop_frequency_doubles_below_one():
    assert stats.loop_frequency(7) == (1, 1)
    assert stats.loop_frequency(3) == (6, 14)
    assert stats.loop_frequency(1) == (2, 14)
    assert stats.loop_multiplier(7) == pytest.approx(0.5 ** (1 / 13))


def test_twenty_active_days_goal_7():  # ScoreListTest.test_getValue
    kinds = {day(i): ACTIVE for i in range(20)}
    assert stats.consistency_score(kinds, day(19), TODAY, 7) == pytest.approx(0.655747, abs=1e-6)


def test_twenty_days_with_three_rest_days():  # ScoreListTest.test_getValueWithSkip
    kinds = {day(i): ACTIVE for i in range(20)}
    for i in (5, 10, 11):
        kinds[day(i)] = REST
    assert stats.consistency_score(kinds, day(19), TODAY, 7) == pytest.approx(0.596033, abs=1e-6)


def test_twenty_days_with_rest_days_from_records():
    activities = [act(i) for i in range(20) if i not in (5, 10, 11)]
    activities += [act(i, STATUS_REST) for i in (5, 10, 11)]
    kinds = stats.day_kinds(activities)
    first = stats.first_recorded_day([], activities)
    assert stats.consistency_score(kinds, first, TODAY, 7) == pytest.approx(0.596033, abs=1e-6)


@pytest.mark.parametrize(("goal", "limit"), [(3, 2 / 3), (4, 1 / 2)])
def test_two_days_a_week_converge(goal, limit):  # ScoreListTest.test_imperfectNonDaily
    first = dt.date(2010, 1, 4)  # a Monday; two active days every week for years
    kinds = {first + dt.timedelta(days=7 * w + d): ACTIVE for w in range(800) for d in (1, 4)}
    last = first + dt.timedelta(days=7 * 800 - 1)
    assert stats.consistency_score(kinds, first, last, goal) == pytest.approx(limit, abs=1e-6)


def test_series_rest_days_keep_the_score_and_plain_days_lower_it():
    kinds = {day(4): ACTIVE, day(3): ACTIVE, day(2): REST}
    series = stats.consistency_series(kinds, day(4), TODAY, 7)
    assert [d for d, _ in series] == [day(4), day(3), day(2), day(1), day(0)]
    values = [v for _, v in series]
    m = stats.loop_multiplier(7)
    assert values[0] == pytest.approx(1 - m)
    assert values[1] == pytest.approx(1 - m * m)
    assert values[2] == values[1]  # rest day: kept
    assert values[3] == pytest.approx(values[2] * m)  # plain day: done = 0 (den 1)
    assert stats.consistency_score(kinds, day(4), TODAY, 7) == values[-1]


def test_series_empty_without_data_and_one_day():
    assert stats.consistency_series({}, None, TODAY, 3) == []
    assert stats.consistency_score({}, None, TODAY, 3) == 0.0
    # one active day with goal 3: done 1 of num 6
    m = stats.loop_multiplier(3)
    assert stats.consistency_score({TODAY: ACTIVE}, TODAY, TODAY, 3) == pytest.approx((1 / 6) * (1 - m))
    # data only in the future: nothing as of today
    assert stats.consistency_series({}, day(-3), TODAY, 3) == []


def test_goal_recomputes_the_whole_history():
    kinds = {day(i): ACTIVE for i in range(0, 60, 2)}
    low = stats.consistency_score(kinds, day(59), TODAY, 2)
    high = stats.consistency_score(kinds, day(59), TODAY, 7)
    assert low > high  # every other day fully meets a goal of 2, not a goal of 7


# --- weeks that met the goal --------------------------------------------------------------------


def test_weeks_goal_last_8_complete_weeks_oldest_first():
    # TODAY is Wednesday 25 Nov; the current week (from Mon 23 Nov) is not counted.
    monday = dt.date(2026, 11, 23)
    kinds = {monday - dt.timedelta(days=7 * k - d): ACTIVE for k in range(1, 9) for d in range(k % 4)}
    kinds[monday] = ACTIVE  # this week: ignored
    weeks = stats.weeks_goal(kinds, dt.date(2020, 1, 1), TODAY, 2)
    assert [w.week_start for w in weeks] == [monday - dt.timedelta(days=7 * k) for k in range(8, 0, -1)]
    assert [w.active_days for w in weeks] == [k % 4 for k in range(8, 0, -1)]
    assert [w.met for w in weeks] == [k % 4 >= 2 for k in range(8, 0, -1)]


def test_weeks_goal_leaves_out_weeks_before_the_first_day():
    first = dt.date(2026, 11, 15)  # a Sunday: the week of Mon 9 Nov ends on it, so it counts
    weeks = stats.weeks_goal({first: ACTIVE}, first, TODAY, 1)
    assert [(w.week_start, w.active_days, w.met) for w in weeks] == [
        (dt.date(2026, 11, 9), 1, True),
        (dt.date(2026, 11, 16), 0, False),
    ]
    assert stats.weeks_goal({}, None, TODAY, 3) == []
    assert stats.weeks_goal({}, TODAY, TODAY, 3) == []  # first day this week: no complete week yet


# --- does moving help me? -----------------------------------------------------------------------


def _help_data():
    activities = [
        act(1, before=2, after=4),
        act(3, before=3, after=4),
        act(5, before=3, after=3),
        act(7),  # done without ratings: not in the lift
        act(2, STATUS_REST),
    ]
    checkins = [
        ck(1, 4, sleep_hours=7.0),
        ck(3, 5),
        ck(5, 4, sleep_hours=8.0),
        ck(7, 3),
        ck(0, 2, sleep_hours=8.5),  # the day after day 1 (active)
        ck(2, 3, sleep_hours=6.0),  # the day after day 3 (active)
        ck(4, 2, sleep_hours=6.0),  # after day 5 (active)
        ck(6, 1, sleep_hours=5.0),  # after day 7 (active)
        ck(8, 3, sleep_hours=7.0),  # after day 9 (plain)
        ck(9, 3, sleep_hours=6.5),
        ck(10, 4, sleep_hours=7.5),
    ]
    return checkins, activities


def test_moving_help_hand_computed():
    checkins, activities = _help_data()
    mh = stats.moving_help(checkins, activities, day(10), TODAY)
    assert (mh.mood.n_a, mh.mood.n_b) == (4, 7)
    assert mh.mood.mean_a == pytest.approx((4 + 5 + 4 + 3) / 4)
    assert mh.mood.mean_b == pytest.approx((2 + 3 + 2 + 1 + 3 + 3 + 4) / 7)
    assert (mh.lift.n, mh.lift.mean) == (3, pytest.approx(1.0))
    assert (mh.sleep.n_a, mh.sleep.n_b) == (4, 5)
    assert mh.sleep.mean_a == pytest.approx((8.5 + 6.0 + 6.0 + 5.0) / 4)
    # day 1 follows a rest day, day 5 and day 10 follow plain days
    assert mh.sleep.mean_b == pytest.approx((7.0 + 8.0 + 7.0 + 6.5 + 7.5) / 5)
    assert mh.sentences() == [
        "On days you moved, your mood averaged 4.0, against 2.6 on other days (4 and 7 days).",
        "After moving, your mood was 1.0 points higher than before, on average (3 activities).",
        "After days you moved, you slept 6.4 hours on average, against 7.2 after other days (4 and 5 nights).",
    ]
    assert mh.reminder == stats.PATTERN_NOTE == "A pattern in your own data, not proof."


def test_moving_help_window_edges():
    checkins, activities = _help_data()
    # days 0..5 only: the check-in of day 6 and the activity of day 7 are outside
    mh = stats.moving_help(checkins, activities, day(5), TODAY)
    assert (mh.mood.n_a, mh.mood.n_b) == (3, 3)
    assert mh.lift.n == 3
    # day 6's sleep is outside; day 4's sleep follows day 5 (active, inside); the window's first day
    # (day 5) follows day 6, which is plain
    assert (mh.sleep.n_a, mh.sleep.n_b) == (3, 2)


def test_three_day_rule():
    checkins = [ck(1), ck(3), ck(0), ck(2), ck(4)]
    activities = [act(1), act(3), act(1, before=2, after=3), act(3, before=3, after=3)]
    mh = stats.moving_help(checkins, activities, day(4), TODAY)
    assert (mh.mood.n_a, mh.mood.n_b, mh.mood.shown) == (2, 3, False)
    assert (mh.lift.n, mh.lift.shown) == (2, False)
    assert not mh.any_shown
    assert mh.sentences() == [
        "With a few more check-ins (1 more on days you move), runmate can compare your mood on days "
        "you move and days you don't."
    ]
    assert stats.Comparison(3.0, 3, 2.0, 3).shown
    assert not stats.Comparison(3.0, 3, 2.0, 2).shown
    assert stats.Lift(0.5, 3).shown


def test_waiting_sentence_with_nothing():
    mh = stats.moving_help([], [], day(30), TODAY)
    assert mh.sentences() == [
        "With a few more check-ins (3 more on days you move and 3 more on other days), runmate can "
        "compare your mood on days you move and days you don't."
    ]
    assert (mh.mood.mean_a, mh.lift.mean, mh.sleep.mean_b) == (None, None, None)


def test_only_the_shown_parts_are_sentences():
    mh = stats.MovingHelp(stats.Comparison(3.8, 21, 3.1, 17), stats.Lift(-0.25, 5), stats.Comparison(None, 0, 7.0, 4))
    assert mh.sentences() == [
        "On days you moved, your mood averaged 3.8, against 3.1 on other days (21 and 17 days).",
        "After moving, your mood was 0.2 points lower than before, on average (5 activities).",
    ]
    assert (
        stats.lift_sentence(0.04, 4)
        == "After moving, your mood was about the same as before, on average (4 activities)."
    )


# --- series and calendar ------------------------------------------------------------------------


def test_daily_series_gaps_are_none():
    checkins = [ck(0, 4, sleep_hours=7.5), ck(2, 2), ck(9, 5)]
    assert stats.daily_series(checkins, day(3), TODAY, "mood") == [None, 2, None, 4]
    assert stats.daily_series(checkins, day(3), TODAY, "sleep_hours") == [None, None, None, 7.5]
    assert stats.daily_series(checkins, TODAY, TODAY, "energy") == [None]
    by_day = {c.day: c for c in checkins}
    assert stats.daily_series(by_day, day(3), TODAY, "mood") == [None, 2, None, 4]
    with pytest.raises(ValueError):
        stats.daily_series(checkins, day(3), TODAY, "note")


def test_calendar_cells():
    cells = stats.calendar_cells(
        [ck(0, 4), ck(2, 1)], [act(0), act(1, STATUS_REST), act(2, STATUS_PLANNED)], day(2), TODAY
    )
    assert [(c.day, c.mood, c.kind) for c in cells] == [
        (day(2), 1, PLAIN),
        (day(1), None, REST),
        (TODAY, 4, ACTIVE),
    ]


# --- figures ------------------------------------------------------------------------------------


def test_figures_without_data():
    f = stats.figures([], [], 3, TODAY)
    assert (f.first, f.consistency, f.consistency_trend, f.weeks, f.kinds) == (None, 0.0, [], [], {})
    assert not f.moving.any_shown


def test_figures_trend_and_moving_window():
    activities = [act(i) for i in range(0, 120, 2)]
    checkins = [ck(i, 4 if i % 2 == 0 else 2) for i in range(120)]
    f = stats.figures(checkins, activities, 3, TODAY)
    assert f.first == day(119)
    series = dict(stats.consistency_series(f.kinds, f.first, TODAY, 3))
    sundays = [dt.date(2026, 11, 22) - dt.timedelta(days=7 * k) for k in range(7, -1, -1)]
    assert f.consistency_trend == [series[s] for s in sundays] + [series[TODAY]]
    assert f.consistency == series[TODAY] == f.consistency_trend[-1]
    assert len(f.weeks) == 8
    # the last 90 days: 45 active days (even offsets 0..88), 45 other days
    assert (f.moving.mood.n_a, f.moving.mood.n_b) == (45, 45)
    assert (f.moving.mood.mean_a, f.moving.mood.mean_b) == (4.0, 2.0)
    assert f.checkins_by_day[TODAY].mood == 4


def test_figures_trend_leaves_out_weeks_before_the_first_day():
    f = stats.figures([ck(10)], [], 3, TODAY)
    # first day Sun 15 Nov: the weeks ending 15 and 22 Nov, then today
    assert len(f.consistency_trend) == 3


# --- runmate stats ------------------------------------------------------------------------------

KEYS = {
    "days",
    "checkins",
    "mood_avg",
    "energy_avg",
    "stress_avg",
    "sleep_avg_hours",
    "active_days",
    "activities_done",
    "activities_planned",
    "minutes_done",
    "weekly_goal",
    "weeks_goal_met",
    "weeks_counted",
    "consistency_score",
    "mood_active_days",
    "mood_rest_days",
    "n_active_days_with_checkin",
    "n_rest_days_with_checkin",
    "mood_lift_after_activity",
    "n_lift",
    "sleep_after_active",
    "sleep_after_rest",
    "n_sleep_after_active",
    "n_sleep_after_rest",
}


def test_summary_without_data():
    s = stats_report.stats_report([], [], Settings(), TODAY, 30).as_dict()
    assert set(s) == KEYS
    assert s["days"] == 30 and s["weekly_goal"] == 3
    for key in ("checkins", "active_days", "activities_done", "activities_planned", "minutes_done", "weeks_counted"):
        assert s[key] == 0
    for key in (
        "mood_avg",
        "energy_avg",
        "stress_avg",
        "sleep_avg_hours",
        "weeks_goal_met",
        "consistency_score",
        "mood_active_days",
        "mood_rest_days",
        "mood_lift_after_activity",
        "sleep_after_active",
        "sleep_after_rest",
    ):
        assert s[key] is None, key


def test_summary_one_day():
    s = stats_report.stats_report(
        [ck(0, 4, energy=2, sleep_hours=7.25)], [act(0, minutes=30, warmup=5)], 7, TODAY, 1
    ).as_dict()
    assert (s["days"], s["checkins"], s["mood_avg"], s["energy_avg"], s["stress_avg"]) == (1, 1, 4.0, 2.0, None)
    assert (s["sleep_avg_hours"], s["active_days"], s["activities_done"], s["minutes_done"]) == (7.25, 1, 1, 30)
    assert (s["weekly_goal"], s["weeks_goal_met"], s["weeks_counted"]) == (7, None, 0)
    assert s["consistency_score"] == round(1 - stats.loop_multiplier(7), 6)
    assert (s["mood_active_days"], s["n_active_days_with_checkin"], s["mood_rest_days"]) == (4.0, 1, None)


def test_summary_window_edges_and_gaps():
    checkins = [ck(0, 5, stress=1), ck(6, 1, stress=4), ck(7, 2, sleep_hours=6.0), ck(3, 3)]
    activities = [
        act(6, minutes=40, actual_minutes=35, warmup=5, before=1, after=3),
        act(7, minutes=30),  # the day before the window: outside, but makes day 6's check-in "after active"
        act(2, STATUS_PLANNED),
        act(4, STATUS_REST),
        act(-2, STATUS_PLANNED),  # after today: outside
    ]
    s = stats_report.stats_report(checkins, activities, 3, TODAY, 7).as_dict()  # days 6..0
    assert (s["checkins"], s["mood_avg"], s["stress_avg"], s["sleep_avg_hours"]) == (3, 3.0, 2.5, None)
    assert (s["active_days"], s["activities_done"], s["activities_planned"], s["minutes_done"]) == (1, 1, 3, 35)
    assert (s["mood_active_days"], s["n_active_days_with_checkin"]) == (1.0, 1)
    assert (s["mood_rest_days"], s["n_rest_days_with_checkin"]) == (4.0, 2)
    assert (s["mood_lift_after_activity"], s["n_lift"]) == (2.0, 1)
    assert (s["sleep_after_active"], s["n_sleep_after_active"], s["n_sleep_after_rest"]) == (None, 0, 0)


def test_summary_week_spanning_the_window_start():
    # A 3-day window (Mon 23 to Wed 25 Nov) inside the current week; last week (16-22 Nov) had
    # three active days, one of them inside a 10-day window's first days.
    activities = [act(3), act(5), act(9), act(11)]  # Sun 22, Fri 20, Mon 16, Sat 14 Nov
    s = stats_report.stats_report([], activities, 3, TODAY, 3).as_dict()
    assert (s["active_days"], s["activities_planned"]) == (0, 0)
    assert (s["weeks_goal_met"], s["weeks_counted"]) == (1, 2)  # weeks of 9 and 16 Nov
    s10 = stats_report.stats_report([], activities, 3, TODAY, 10).as_dict()  # 16..25 Nov
    assert (s10["active_days"], s10["weeks_goal_met"], s10["weeks_counted"]) == (3, 1, 2)


def test_summary_means_rounded_and_score_precise():
    checkins = [ck(0, 4, sleep_hours=7.0), ck(1, 4, sleep_hours=7.5), ck(2, 3, sleep_hours=6.0)]
    s = stats_report.stats_report(checkins, [act(i) for i in range(20)], 7, TODAY, 30).as_dict()
    assert s["mood_avg"] == 3.67 and s["sleep_avg_hours"] == 6.83
    assert s["consistency_score"] == 0.655748  # 0.6557476...


def test_report_lines_are_warm():
    checkins, activities = _help_data()
    lines = stats_report.stats_report(checkins, activities, 3, TODAY, 30).lines()
    text = "\n".join(lines)
    assert lines[0] == "Your last 30 days (27 Oct to 25 Nov 2026):"
    assert "11 check-ins: mood averaged 3.1, sleep 6.8 h." in lines
    assert "You moved on 4 days: 4 activities, 80 minutes." in lines
    assert "On days you moved, your mood averaged 4.0, against 2.6 on other days (4 and 7 days)." in lines
    assert lines[-1] == stats.PATTERN_NOTE
    for word in ("failed", "missed", "streak"):
        assert word not in text.lower()
    unknown = act(0)
    unknown.minutes = None  # type: ignore[assignment]
    assert stats_report.stats_report([ck(0)], [unknown], 3, TODAY, 1).lines()[:3] == [
        "Today (Wed 25 Nov):",
        "1 check-in: mood averaged 3.0.",
        "You moved on 1 day: 1 activity.",  # minutes unknown: not said
    ]
    quiet = stats_report.stats_report([ck(40)], [], 3, TODAY, 30).lines()
    assert stats.PATTERN_NOTE not in quiet  # nothing to compare: no moving-help lines
    assert stats_report.stats_report([], [], 3, TODAY, 30).lines() == [
        "Nothing recorded yet. A check-in takes a few seconds: runmate checkin --mood N"
    ]


# --- runmate status -----------------------------------------------------------------------------


def test_status_line():
    assert stats_report.status_line([], [], 3, TODAY) == ""
    line = stats_report.status_line([ck(0, 4)], [act(1), act(2), act(0, STATUS_PLANNED, kind="run")], 3, TODAY)
    assert line == "Checked in - mood 4 (good) - 2 of 3 days this week - run planned today"
    line = stats_report.status_line(
        [ck(1, 4)], [act(0), act(0, STATUS_PLANNED, kind="run")], Settings(goal_days=2), TODAY
    )
    assert line == "No check-in yet today - 1 of 2 days this week - walk done, run planned today"
    assert stats_report.status_line([ck(9)], [act(0, STATUS_REST)], 3, TODAY) == (
        "No check-in yet today - goal 3 days this week - rest day today"
    )
    # old data only: still a line; just the facts of today and this week
    assert stats_report.status_line([], [], 1, TODAY, has_data=True) == "No check-in yet today - goal 1 day this week"


def test_status_line_stays_short():
    kinds = ["walk-run", "stairs"]
    activities = [act(0, STATUS_DONE, kind=k) for k in kinds] + [act(0, STATUS_PLANNED, kind=k) for k in kinds]
    activities += [act(0, STATUS_PLANNED, kind="walk-run"), act(1, kind="other")]
    line = stats_report.status_line([], activities, 3, TODAY, has_data=True)
    assert len(line) <= stats.MAX_STATUS
    assert line == "No check-in yet today - 2 of 3 days this week - 2 activities done, 3 activities planned today"


# --- properties ---------------------------------------------------------------------------------

kinds_lists = st.lists(st.sampled_from([ACTIVE, REST, PLAIN]), min_size=1, max_size=400)


def _kinds(seq: list[str]) -> tuple[dict[dt.date, str], dt.date]:
    first = TODAY - dt.timedelta(days=len(seq) - 1)
    return {first + dt.timedelta(days=i): k for i, k in enumerate(seq) if k != PLAIN}, first


@settings(max_examples=60, deadline=None)
@given(kinds_lists, st.integers(1, 7))
def test_score_always_between_0_and_1(seq, goal):
    kinds, first = _kinds(seq)
    for _, value in stats.consistency_series(kinds, first, TODAY, goal):
        assert 0.0 <= value <= 1.0


@settings(max_examples=60, deadline=None)
@given(kinds_lists, st.integers(1, 7))
def test_one_quiet_week_never_resets(seq, goal):
    kinds, first = _kinds(seq)
    before = stats.consistency_score(kinds, first, TODAY, goal)
    after = stats.consistency_score(kinds, first, TODAY + dt.timedelta(days=7), goal)
    # a quiet week keeps at least two thirds of the score (0.5 ** (7/13) = 0.69 at worst)
    assert after >= before * 0.66
    if before > 0.1:
        assert after > 0.066


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 800), st.integers(-30, 30), st.lists(st.integers(0, 900), max_size=30))
def test_series_length_is_the_days_in_the_window(length, shift, offsets):
    last = TODAY + dt.timedelta(days=shift)
    first = last - dt.timedelta(days=length)
    checkins = [ck(n) for n in set(offsets)]
    assert len(stats.daily_series(checkins, first, last, "mood")) == length + 1
    cells = stats.calendar_cells(checkins, [], first, last)
    assert [c.day for c in cells][:: max(1, length)][0] == first and cells[-1].day == last
    s = stats_report.stats_report(checkins, [], 3, TODAY, length + 1).as_dict()
    assert s["checkins"] == sum(1 for n in set(offsets) if n <= length)
