"""The dashboard's pure parts: its data in one read, the charts' text, the calendar's months, the
mood colours' contrast on every theme."""

from __future__ import annotations

import datetime as dt

from textual.app import App

from runmate.models import STATUS_DONE, CheckIn, JournalEntry, PlannedActivity, Settings
from runmate.screens.dashboard_panels import consistency_text, glance, moving_text, sparkline
from runmate.summary import TREND_DAYS, dashboard_data, day_records
from runmate.widgets.charts import bar_chart, columns_for, fit, span_words
from runmate.widgets.mood_colours import (
    MIN_CONTRAST,
    contrast,
    luminance,
    readable,
    theme_background,
    theme_mood_colours,
)
from runmate.widgets.year_calendar import add_months, month_length

TODAY = dt.date(2026, 11, 25)


def ago(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


# --- the data in one read -----------------------------------------------------------------------


def test_dashboard_data_series_calendar_and_note():
    checkins = [CheckIn(date=ago(d), mood=1 if d < 5 else 4, sleep_hours=7.0 if d else None) for d in range(6)]
    done = PlannedActivity(date=ago(2), kind="walk", minutes=20, status=STATUS_DONE)
    planned = PlannedActivity(date=ago(1), kind="run", minutes=20)
    data = dashboard_data(TODAY, checkins, [done, planned], Settings(support_contact="Ana", goal_days=3))

    assert all(len(values) == TREND_DAYS for values in data.series.values())
    assert data.series["mood"][-6:] == [4, 1, 1, 1, 1, 1]
    assert data.series["mood"][-7] is None  # a day without a check-in is a gap, not a zero
    assert data.series["sleep_hours"][-1] is None and data.series["sleep_hours"][-2] == 7.0
    assert data.active == frozenset({TODAY - dt.timedelta(days=2)})
    # Five low moods of the last six check-ins, all within two weeks: the calm note, with the contact.
    assert data.safety is not None and "You don't have to carry this alone" in data.safety
    assert "Your support contact: Ana." in data.safety and "local emergency number" in data.safety
    assert data.line.startswith("Thanks for checking in on a hard morning")
    assert data.figures.goal_days == 3
    # A check-in older than the trend window is still in the calendar; among the last seven
    # check-ins, it also means the low moods were not all within two weeks: no note.
    older = dashboard_data(TODAY, [*checkins, CheckIn(date=ago(400), mood=5)], [done], Settings())
    assert older.moods[TODAY - dt.timedelta(days=400)] == 5
    assert older.safety is None


def test_dashboard_data_without_data():
    data = dashboard_data(TODAY, [], [], Settings())
    assert data.safety is None and data.moods == {} and data.active == frozenset()
    assert set(data.series["mood"]) == {None}
    assert "Nothing noted yet" in consistency_text(data).plain
    moving = moving_text(data).plain
    assert "A pattern in your own data, not proof." in moving


def test_day_records_hold_only_that_day():
    day = TODAY - dt.timedelta(days=3)
    checkins = [CheckIn(date=day.isoformat(), mood=3), CheckIn(date=ago(2), mood=4)]
    acts = [
        PlannedActivity(date=day.isoformat(), kind="walk", minutes=20),
        PlannedActivity(date=ago(1), kind="run", minutes=30),
    ]
    later = JournalEntry(date=day.isoformat(), text="second", created="2026-11-22T20:00:00")
    first = JournalEntry(date=day.isoformat(), text="first", created="2026-11-22T08:00:00")
    records = day_records(day, checkins, acts, [later, JournalEntry(date=ago(2), text="x"), first])
    assert records.checkin is checkins[0]
    assert records.activities == [acts[0]]
    assert [e.text for e in records.reflections] == ["first", "second"]


def test_a_long_note_is_cut_at_a_word_for_the_glance():
    assert glance("tired legs\n\nbut happy") == "tired legs but happy"
    long = "Slept well after the long walk with Sam, " * 5
    short = glance(long)
    assert len(short) <= 90 and short.endswith("…") and long.startswith(short[:-1])
    assert glance("x" * 200).endswith("…") and len(glance("x" * 200)) == 90


# --- the consistency trend ----------------------------------------------------------------------


def test_sparkline_keeps_a_small_change_small():
    assert len(sparkline([0.6, 0.62, 0.65])) == 3
    flat = sparkline([0.5, 0.5, 0.5])
    assert len(set(flat)) == 1  # no change, no slope
    small, large = sparkline([0.60, 0.62]), sparkline([0.2, 0.9])
    assert small[0] != small[1] and small != large  # a small rise shows, and less steeply
    assert large == "▁█"


# --- charts -------------------------------------------------------------------------------------


def test_fit_groups_days_from_the_end_and_keeps_gaps():
    first = TODAY - dt.timedelta(days=9)
    values = [1.0, None, 3.0, None, None, None, 5.0, 4.0, None, 2.0]
    same = fit(values, first, 20)
    assert same.values == values and same.days_per_column == 1 and same.last == TODAY
    grouped = fit(values, first, 4)  # three days a column, the last column ends today
    assert grouped.days_per_column == 3
    assert grouped.values == [1.0, 3.0, 5.0, 3.0]
    assert grouped.column_start(3) == TODAY - dt.timedelta(days=2)
    gap = fit([None, None, None, 2.0], first, 2)
    assert gap.values == [None, 2.0]  # a column without any value stays a gap


def test_bar_chart_draws_gaps_as_nothing_and_labels_its_axes():
    first = TODAY - dt.timedelta(days=9)
    buckets = fit([5.0, None, 1.0] + [None] * 7, first, 10)
    text = bar_chart(
        buckets,
        low=0,
        high=5,
        rows=5,
        labels={0: "1", 4: "5"},
        colour=lambda v: None,
        column_width=2,
        today=TODAY,
    ).plain
    lines = text.splitlines()
    assert lines[0].rstrip() == "  5 ┤█"  # mood 5 reaches the top; the gap and mood 1 do not
    assert lines[4].rstrip() == "  1 ┤█   █"  # mood 1 is a bar one row high, the missing day stays empty
    assert lines[5].startswith("    └──────")
    assert "today" in lines[6] and "16 Nov" in lines[6]


def test_columns_for_and_span_words():
    assert columns_for(30, 74) == (30, 2)  # two cells a day when they fit
    assert columns_for(90, 74) == (68, 1)  # else one cell a column, several days each
    assert span_words(1) == "one bar a day"
    assert span_words(7) == "one bar a week (its average)"


# --- calendar months ----------------------------------------------------------------------------


def test_add_months_keeps_the_day_inside_the_month():
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 12, 15), 1) == dt.date(2027, 1, 15)
    assert add_months(dt.date(2026, 1, 15), -13) == dt.date(2024, 12, 15)
    assert month_length(2024, 2) == 29 and month_length(2026, 12) == 31


# --- colours ------------------------------------------------------------------------------------


def test_contrast_matches_wcag():
    from textual.color import Color

    assert round(contrast(Color(0, 0, 0), Color(255, 255, 255)), 1) == 21.0
    assert contrast(Color(119, 119, 119), Color(255, 255, 255)) > 4.47  # #777 on white: 4.48
    assert luminance(Color(255, 255, 255)) == 1.0
    dark_on_dark = readable(Color(40, 40, 40), Color(20, 20, 20))
    assert contrast(dark_on_dark, Color(20, 20, 20)) >= MIN_CONTRAST


def test_mood_colours_reach_3_to_1_on_every_built_in_theme():
    themes = App().available_themes
    assert {"textual-light", "solarized-light", "catppuccin-latte", "textual-dark"} <= set(themes)
    for name, theme in themes.items():
        background = theme_background(theme)
        colours = theme_mood_colours(theme)
        assert sorted(colours) == [1, 2, 3, 4, 5]
        for mood, colour in colours.items():
            from textual.color import Color

            ratio = contrast(Color.parse(colour), background)
            assert ratio >= MIN_CONTRAST, f"{name}: mood {mood} {colour} on {background.hex} is {ratio:.2f}:1"
