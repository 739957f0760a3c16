"""Activities brought in without their minutes (from Daylio) or with a distance (from GPX): shown as
such, counted as active days, never towards minutes."""

from __future__ import annotations

import datetime as dt
import io

from runmate import insights, journal, plans
from runmate.cli import main
from runmate.formatting import amount_text, distance_text
from runmate.models import PlannedActivity, ValidationError, parse_activity

MONDAY = dt.date(2026, 3, 2)


def act(day: dt.date, minutes: int | None, status: str = "done", **kw) -> PlannedActivity:
    return PlannedActivity(date=day.isoformat(), kind=kw.pop("kind", "run"), minutes=minutes, status=status, **kw)


def test_words_for_minutes_and_distance():
    assert amount_text(25, None) == "25 min"
    assert amount_text(None, None) == "minutes not known"
    assert amount_text(31, 5.24) == "31 min, 5.2 km"
    assert amount_text(None, 12.0) == "12 km"
    assert distance_text(None) == ""
    assert plans.describe_plan(act(MONDAY, None, kind="yoga")) == "Yoga, minutes not known"
    assert journal.describe_activity(act(MONDAY, None)) == "Run, minutes not known"


def test_unknown_minutes_count_as_an_active_day_but_not_as_minutes():
    items = [act(MONDAY, None), act(MONDAY + dt.timedelta(days=1), None, kind="walk")]
    assert plans.week_progress(items, MONDAY, 3).days_done == 2
    assert items[0].done_minutes == 0
    # Last week's unknown minutes are not "nothing done", and this week's planned unknown ones add nothing.
    week = [
        act(MONDAY + dt.timedelta(days=7), None, status="planned"),
        act(MONDAY + dt.timedelta(days=8), 20, "planned"),
    ]
    assert plans.buildup_note([act(MONDAY, 30), *items, *week], MONDAY + dt.timedelta(days=7)) is None


def test_a_line_back_names_an_activity_without_minutes():
    from runmate.models import CheckIn

    line = insights.line_back(CheckIn(date=MONDAY.isoformat(), mood=3), [act(MONDAY, None, "planned")], MONDAY)
    assert "Run, minutes not known" in line


def test_typed_activities_still_need_minutes_but_an_imported_one_may_keep_them_unknown():
    try:
        parse_activity(date="2026-03-02", kind="run", minutes="")
    except ValidationError as error:
        assert error.for_field("minutes")
    else:
        raise AssertionError("minutes were not required")
    kept = parse_activity(date="2026-03-02", kind="run", minutes="", minutes_optional=True)
    assert kept.minutes is None


def test_plan_list_shows_unknown_minutes_and_distance(store, data_dir):
    store.add_activities([act(MONDAY, None, kind="yoga"), act(MONDAY, 31, distance_km=5.2, time="18:05")])
    out = io.StringIO()
    assert main(["--data-dir", str(data_dir), "plan", "list", "--week", "2026-03-02"], out=out, today=MONDAY) == 0
    text = out.getvalue()
    assert "Yoga, minutes not known" in text
    assert "Run, 31 min, 5.2 km, 18:05" in text
