"""One way to say a day: validation.parse_day, used by every form and every command's date option.

Decisions stated here:
- accepted: today, yesterday, tomorrow, a weekday name (in full or its first three letters or
  more, any case) and a date written year-month-day, within DATE_RANGE;
- a weekday is the next one on or after today when planning, the last one on or before today
  when looking back (back=True); today counts in both.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runmate import plans
from runmate.models import (
    DATE_RANGE,
    ValidationError,
    day_message,
    parse_activity,
    parse_checkin,
    parse_day,
    parse_journal_day,
    weekday_index,
)

TODAY = dt.date(2026, 11, 25)  # a Wednesday
FEW = settings(max_examples=80, deadline=None)
NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

in_range = st.dates(min_value=DATE_RANGE[0], max_value=DATE_RANGE[1])


@st.composite
def weekday_words(draw) -> tuple[int, str]:
    """(weekday index, a way of writing it): 'fri', 'Frid', 'FRIDAY', ' friday '."""
    index = draw(st.integers(0, 6))
    name = NAMES[index]
    length = draw(st.integers(3, len(name)))
    cased = "".join(ch.upper() if draw(st.booleans()) else ch for ch in name[:length])
    return index, draw(st.sampled_from(["", " "])) + cased + draw(st.sampled_from(["", " ", "\t"]))


def test_examples_from_a_wednesday() -> None:
    assert parse_day("today", today=TODAY) == TODAY
    assert parse_day("Yesterday", today=TODAY) == dt.date(2026, 11, 24)
    assert parse_day("TOMORROW", today=TODAY) == dt.date(2026, 11, 26)
    assert parse_day("fri", today=TODAY) == dt.date(2026, 11, 27)
    assert parse_day("fri", today=TODAY, back=True) == dt.date(2026, 11, 20)
    assert parse_day("Monday", today=TODAY) == dt.date(2026, 11, 30)
    assert parse_day("mon", today=TODAY, back=True) == dt.date(2026, 11, 23)
    assert parse_day("wed", today=TODAY) == TODAY == parse_day("wednesday", today=TODAY, back=True)
    assert parse_day("thurs", today=TODAY) == dt.date(2026, 11, 26)
    assert parse_day(" 2027-01-02 ", today=TODAY) == dt.date(2027, 1, 2)
    assert parse_day(TODAY, today=TODAY) == TODAY


@pytest.mark.parametrize(
    "text", ["fr", "tu", "", "  ", "someday", "fridays", "2026-02-30", "26-11-25", "tmrw", "ｆｒｉ"]
)
def test_anything_else_gets_the_one_message(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_day(text, today=TODAY)
    message = caught.value.for_field("date")
    assert message is not None
    if text.strip():
        assert message == day_message("Date")
    for word in ("today", "yesterday", "tomorrow", "weekday like 'fri'", "2026-03-14"):
        assert word in message


def test_the_label_and_field_name_the_option() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_day("soon", today=TODAY, label="--week", field="--week")
    assert caught.value.for_field("--week") == day_message("--week")
    assert caught.value.for_field("--week").startswith("--week is today, yesterday, tomorrow")


def test_a_day_past_either_end_of_the_calendar_is_refused_in_words() -> None:
    last, first = DATE_RANGE[1], DATE_RANGE[0]  # a Tuesday and a Monday
    assert parse_day("tue", today=last) == last
    for text, today, back in (("tomorrow", last, False), ("wed", last, False), ("yesterday", first, True)):
        with pytest.raises(ValidationError, match="outside the years runmate keeps"):
            parse_day(text, today=today, back=back)
    assert parse_day("sun", today=first, back=False) == first + dt.timedelta(days=6)
    with pytest.raises(ValidationError, match="outside the years runmate keeps"):
        parse_day("sun", today=first, back=True)


@FEW
@given(today=in_range, word=weekday_words(), back=st.booleans())
def test_a_weekday_is_the_nearest_one_in_its_direction_today_included(today, word, back) -> None:
    index, text = word
    assert weekday_index(text) == index
    try:
        day = parse_day(text, today=today, back=back)
    except ValidationError as error:  # only at the very ends of the calendar
        assert error.for_field("date") == "Date is outside the years runmate keeps (1900 to 2999)."
        assert today - DATE_RANGE[0] < dt.timedelta(days=7) or DATE_RANGE[1] - today < dt.timedelta(days=7)
        return
    assert day.weekday() == index
    gap = (today - day).days if back else (day - today).days
    assert 0 <= gap <= 6
    assert (gap == 0) == (today.weekday() == index)


@FEW
@given(today=in_range, day=in_range, back=st.booleans())
def test_a_date_written_year_month_day_is_itself_in_both_directions(today, day, back) -> None:
    assert parse_day(day.isoformat(), today=today, back=back) == day


@FEW
@given(today=in_range, text=st.text(max_size=20), back=st.booleans())
def test_any_text_is_a_day_in_range_or_the_one_message(today, text, back) -> None:
    try:
        day = parse_day(text, today=today, back=back)
    except ValidationError as error:
        message = error.for_field("date")
        assert message is not None and message.startswith("Date is ")
        return
    assert DATE_RANGE[0] <= day <= DATE_RANGE[1]


def test_every_typed_day_in_the_models_reads_words() -> None:
    # Planning: the next one.
    assert parse_activity(date="fri", kind="walk", minutes=20, today=TODAY).date == "2026-11-27"
    # Logging what was done, a check-in, a reflection: the last one.
    assert parse_activity(date="fri", kind="walk", minutes=20, today=TODAY, back=True).date == "2026-11-20"
    assert parse_checkin(today=TODAY, date="mon", mood=3).date == "2026-11-23"
    assert parse_checkin(today=TODAY, date="yesterday", mood=3).date == "2026-11-24"
    assert parse_journal_day(today=TODAY, date="sunday") == dt.date(2026, 11, 22)
    # Without today (a value from the data file), only year-month-day.
    with pytest.raises(ValidationError):
        parse_activity(date="fri", kind="walk", minutes=20)


def test_the_plan_dialogs_parse_day_is_the_same_parser_planning_ahead() -> None:
    assert plans.parse_day("mon", TODAY) == parse_day("mon", today=TODAY) == dt.date(2026, 11, 30)


def test_words_past_pythons_own_calendar_are_refused_not_crashed() -> None:
    with pytest.raises(ValidationError, match="outside the years"):
        parse_day("tomorrow", today=dt.date.max)
    with pytest.raises(ValidationError, match="outside the years"):
        parse_day("mon", today=dt.date.min, back=True)  # 1 Jan 0001 is a Monday: itself, out of range
    with pytest.raises(ValidationError, match="outside the years"):
        parse_day("sun", today=dt.date.min, back=True)
