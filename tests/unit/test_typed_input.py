"""Whatever is typed into a numeric or date field: a value or a ValidationError, never a crash.

Decisions stated here:
- numbers are written with the digits 0-9 only. Superscripts (²) and circled digits (①), which
  str.isdigit() accepts and int() refuses, fractions (½), and other scripts' digits (٣, ３), which
  int() accepts, are all refused with the field's usual message;
- dates are year-month-day with the digits 0-9, from 1900-01-01 to 2999-12-31 (models.DATE_RANGE).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runmate import plans
from runmate.models import (
    DATE_RANGE,
    Settings,
    ValidationError,
    decimal_number,
    parse_activity,
    parse_checkin,
    parse_completion,
    parse_date,
    parse_settings,
    whole_number,
)
from runmate.textsafe import has_unsafe, visible

TODAY = dt.date(2026, 11, 25)
FEW = settings(max_examples=60, deadline=None)

# Characters that look like digits to someone, or to str.isdigit(), but are not 0-9.
NOT_ASCII_DIGITS = ["²", "³", "¹", "①", "½", "¼", "٣", "３", "߃", "१", "Ⅳ", "𝟑"]

# Text a person could type, with digits, signs, separators and look-alikes well represented.
typed = st.one_of(
    st.text(max_size=30),
    st.text(alphabet="0123456789+-.,: ²½٣３①e_", max_size=12),
    st.sampled_from(NOT_ASCII_DIGITS),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.just("9" * 5000),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)
# Dates a person could type: real ones across all of Python's calendar, and near-misses.
dates = st.one_of(
    st.dates().map(dt.date.isoformat),
    st.sampled_from(["0001-01-01", "9999-12-31", "1899-12-31", "1900-01-01", "2999-12-31", "3000-01-01", "2026-02-30"]),
    st.text(alphabet="0123456789-W٣", max_size=12),
    typed,
)


def value_or_refusal(fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except ValidationError as error:
        assert error.errors and all(e.message for e in error.errors)
        return None


# --- the decisions ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", NOT_ASCII_DIGITS)
def test_only_the_digits_0_to_9_make_a_number(text):
    assert whole_number(text) is None and decimal_number(text) is None
    assert {e.field for e in pytest.raises(ValidationError, parse_checkin, today=TODAY, mood=text).value.errors} == {
        "mood"
    }
    assert {
        e.field
        for e in pytest.raises(ValidationError, parse_completion, before=text, after=text, minutes=text).value.errors
    } == {
        "before",
        "after",
        "minutes",
    }
    with pytest.raises(ValidationError):
        plans.check_program_week(text)


def test_numbers_as_runmate_reads_them():
    assert [whole_number(t) for t in ("3", " 03 ", "+3", "-3", "0", "000000000000000000000007")] == [3, 3, 3, -3, 0, 7]
    assert whole_number("1" * 16) is None and whole_number("9" * 5000) is None  # longer than any range
    assert [decimal_number(t) for t in ("7", "7.5", "7,5", ".5", "7.")] == [7.0, 7.5, 7.5, 0.5, 7.0]
    assert [decimal_number(t) for t in ("inf", "nan", "1e1", "1_0", "7.5.1", "", "٣.٥")] == [None] * 7


@pytest.mark.parametrize("day", ["1900-01-01", "2026-11-25", "2999-12-31"])
def test_dates_inside_the_range_are_kept(day):
    assert parse_date(day).isoformat() == day
    assert parse_activity(date=day, kind="walk", minutes=20).date == day


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "3000-01-01", "9999-12-31"])
def test_dates_outside_the_range_are_refused_in_words(day):
    message = "Date is outside the years runmate keeps (1900 to 2999)."
    assert pytest.raises(ValidationError, parse_date, day).value.for_field("date") == message
    assert (
        pytest.raises(ValidationError, parse_activity, date=day, kind="walk", minutes=20).value.for_field("date")
        == message
    )
    assert (
        pytest.raises(ValidationError, parse_checkin, today=TODAY, date=day, mood=3).value.for_field("date") == message
    )


def test_a_weekday_name_that_falls_outside_the_range_is_refused():
    last_monday = dt.date(2999, 12, 30)  # its Wednesday is 1 Jan 3000
    assert plans.parse_day("tue", last_monday) == DATE_RANGE[1]
    with pytest.raises(ValidationError, match="outside the years runmate keeps"):
        plans.parse_day("wed", last_monday)
    with pytest.raises(ValidationError, match="outside the years runmate keeps"):
        plans.parse_day("9999-12-31", last_monday)


def test_the_starter_program_never_runs_past_the_range():
    late = dt.date(2999, 12, 1)
    with pytest.raises(ValidationError, match="run past the end of 2999"):
        plans.plan_starter([], today=late, start=late)
    # The last week alone still fits: its three sessions end four days after the start.
    change = plans.plan_starter([], today=late, start=late, first_week=plans.PROGRAM_WEEKS)
    assert change.add[-1].date == "2999-12-05"
    assert plans.program_end(late, plans.PROGRAM_WEEKS) == dt.date(2999, 12, 5)


# --- properties: a value or a ValidationError, nothing else -----------------------------------


@FEW
@given(mood=typed, energy=typed, stress=typed, sleep=typed, quality=typed, date=dates)
def test_parse_checkin_never_crashes(mood, energy, stress, sleep, quality, date):
    checkin = value_or_refusal(
        parse_checkin,
        today=TODAY,
        date=date,
        mood=mood,
        energy=energy,
        stress=stress,
        sleep_hours=sleep,
        sleep_quality=quality,
    )
    if checkin is not None:
        assert 1 <= checkin.mood <= 5 and DATE_RANGE[0] <= checkin.day <= TODAY
        assert checkin.sleep_hours is None or 0 <= checkin.sleep_hours <= 24


@FEW
@given(date=dates, minutes=typed, warmup=typed, time=typed)
def test_parse_activity_never_crashes(date, minutes, warmup, time):
    activity = value_or_refusal(parse_activity, date=date, kind="run", minutes=minutes, warmup=warmup, time=time)
    if activity is not None:
        assert DATE_RANGE[0] <= activity.day <= DATE_RANGE[1]
        assert 1 <= activity.minutes <= 1440 and 0 <= activity.warmup <= 60


@FEW
@given(before=typed, after=typed, minutes=typed)
def test_parse_completion_never_crashes(before, after, minutes):
    value_or_refusal(parse_completion, before=before, after=after, minutes=minutes)


@FEW
@given(days=typed, name=st.text(max_size=40), why=st.text(max_size=40))
def test_parse_settings_never_crashes(days, name, why):
    result = value_or_refusal(parse_settings, Settings(), goal_days=days, name=name, goal_why=why)
    if result is not None:
        assert 1 <= result.goal_days <= 7
        assert len(result.name.splitlines()) <= 1 and len(result.goal_why.splitlines()) <= 1


@FEW
@given(text=dates, week_of=st.dates(min_value=DATE_RANGE[0], max_value=DATE_RANGE[1]))
def test_parse_day_never_crashes(text, week_of):
    day = value_or_refusal(plans.parse_day, text, week_of)
    assert day is None or DATE_RANGE[0] <= day <= DATE_RANGE[1]


@FEW
@given(week=typed)
def test_check_program_week_never_crashes(week):
    value = value_or_refusal(plans.check_program_week, week)
    assert value is None or 1 <= value <= plans.PROGRAM_WEEKS


# --- showing text safely ---------------------------------------------------------------------


def test_visible_writes_controls_as_escapes():
    assert visible("\x1b]0;pwned\x07\x1b[2J") == "\\x1b]0;pwned\\x07\\x1b[2J"
    assert visible("one\ntwo\tthree\r") == "one\\ntwo\\tthree\\r"
    assert visible("a\x7f\x9b\u202e\u2066\u2028b\udcff") == "a\\x7f\\x9b\\u202e\\u2066\\u2028b\\udcff"
    assert visible("Ünïcødé, עברית\u200f, 日本 [bold]") == "Ünïcødé, עברית\u200f, 日本 [bold]"
    assert visible("x" * 50, 40) == "x" * 39 + "…"


@FEW
@given(st.text())
def test_visible_leaves_nothing_unsafe_and_changes_nothing_safe(text):
    shown = visible(text)
    assert not has_unsafe(shown) and visible(shown) == shown
    if not has_unsafe(text):
        assert shown == text
