import datetime as dt

from runmate.models import STATUS_DONE, CheckIn, PlannedActivity, Settings
from runmate.summary import summarize

TODAY = dt.date(2026, 11, 25)


def test_summary_today_and_recent_cells():
    checkins = [
        CheckIn(date="2026-11-25", mood=4),
        CheckIn(date="2026-11-20", mood=2),
        CheckIn(date="2026-11-01", mood=5),  # older than two weeks
    ]
    run = PlannedActivity(date="2026-11-24", kind="run", minutes=20, status=STATUS_DONE)
    walk = PlannedActivity(date="2026-11-25", kind="walk", minutes=30)
    summary = summarize(TODAY, checkins, [run, walk], Settings(name="Robin"))

    assert summary.greeting == "Hello, Robin."
    assert summary.checkin is checkins[0]
    assert summary.activities == [walk]
    assert len(summary.recent) == 14
    assert summary.recent[-1].date == TODAY and summary.recent[0].date == dt.date(2026, 11, 12)
    assert [c.mood for c in summary.recent if c.mood is not None] == [2, 4]
    assert summary.recent_checkins == 2
    assert [c.date for c in summary.recent if c.moved] == [dt.date(2026, 11, 24)]


def test_summary_without_name_or_data():
    summary = summarize(TODAY, [], [], Settings())
    assert summary.greeting == "Hello."
    assert summary.checkin is None and summary.activities == []
    assert summary.recent_checkins == 0 and summary.recent_moved_days == 0
