"""Validation: every problem at once, each with its field and a plain sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from runmate.models import (
    MOOD_WORDS,
    SCALE_MESSAGES,
    CheckIn,
    JournalEntry,
    PlannedActivity,
    Settings,
    ValidationError,
    day_message,
    parse_activity,
    parse_checkin,
    parse_completion,
    parse_date,
    parse_settings,
    short_id,
    week_start,
)

TODAY = dt.date(2026, 11, 25)
MOOD = "Mood is a whole number from 1 (very low) to 5 (very good)."
DAY_MESSAGE = day_message("Date")


def problems(fn, *args, **kwargs) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        fn(*args, **kwargs)
    result = {e.field: e.message for e in caught.value.errors}
    assert len(result) == len(caught.value.errors), "one message per field"
    return result


# --- check-in ---------------------------------------------------------------------------------


def test_a_full_checkin():
    c = parse_checkin(
        today=TODAY,
        date="2026-11-24",
        mood="4",
        energy=" 3 ",
        stress=2,
        sleep_hours="7.5",
        sleep_quality="5",
        note="  ok  ",
    )
    assert (c.date, c.mood, c.energy, c.stress, c.sleep_hours, c.sleep_quality, c.note) == (
        "2026-11-24",
        4,
        3,
        2,
        7.5,
        5,
        "ok",
    )
    assert len(c.id) == 32


def test_only_mood_is_needed_and_the_date_defaults_to_today():
    c = parse_checkin(today=TODAY, mood=3, energy="", stress=None, sleep_hours="  ", sleep_quality="")
    assert (c.date, c.energy, c.stress, c.sleep_hours, c.sleep_quality, c.note) == (
        "2026-11-25",
        None,
        None,
        None,
        None,
        "",
    )


def test_every_checkin_problem_is_reported_at_once():
    found = problems(
        parse_checkin,
        today=TODAY,
        date="2026-13-01",
        mood="",
        energy="6",
        stress="x",
        sleep_hours="25",
        sleep_quality=0,
        note="a" * 501,
    )
    assert found == {
        "date": DAY_MESSAGE,
        "mood": MOOD,
        "energy": "Energy is a whole number from 1 (very low) to 5 (very high).",
        "stress": "Stress is a whole number from 1 (calm) to 5 (very stressed).",
        "sleep_hours": "Sleep is hours from 0 to 24, like 7 or 7.5.",
        "sleep_quality": "Sleep quality is a whole number from 1 (very poor) to 5 (very good).",
        "note": "The note is at most 500 characters (this one has 501).",
    }
    assert str(ValidationError([])) == ""


def test_future_checkins_are_refused_but_today_and_the_past_are_fine():
    assert problems(parse_checkin, today=TODAY, date="2026-11-26", mood=3) == {
        "date": "A check-in can't be in the future; today is 2026-11-25."
    }
    assert parse_checkin(today=TODAY, date=TODAY, mood=3).date == "2026-11-25"
    assert parse_checkin(today=TODAY, date="2016-02-29", mood=3).date == "2016-02-29"
    assert parse_checkin(today=TODAY, date=dt.datetime(2026, 11, 20, 23, 59), mood=3).date == "2026-11-20"


@pytest.mark.parametrize(
    "raw, hours",
    [
        ("7.5", 7.5),
        ("7,5", 7.5),
        (" 8 ", 8.0),
        ("0", 0.0),
        ("24", 24.0),
        (6, 6.0),
        (6.25, 6.25),
        ("7.333", 7.33),
        ("", None),
        (None, None),
    ],
)
def test_sleep_hours_accepted(raw, hours):
    assert parse_checkin(today=TODAY, mood=3, sleep_hours=raw).sleep_hours == hours


@pytest.mark.parametrize(
    "raw", ["-1", "24.01", "25", "nan", "inf", "-inf", "seven", "7.5h", "7:30", True, float("nan")]
)
def test_sleep_hours_refused(raw):
    assert problems(parse_checkin, today=TODAY, mood=3, sleep_hours=raw) == {
        "sleep_hours": "Sleep is hours from 0 to 24, like 7 or 7.5."
    }


@pytest.mark.parametrize("raw, value", [("1", 1), (" 5 ", 5), ("+3", 3), ("03", 3), (4, 4)])
def test_scale_values_accepted(raw, value):
    assert parse_checkin(today=TODAY, mood=raw).mood == value


@pytest.mark.parametrize(
    "raw", [0, 6, "0", "6", "-1", "3.5", "3.0", 3.0, True, False, "three", "", None, "1e0", "99999999999999999999"]
)
def test_scale_values_refused(raw):
    assert problems(parse_checkin, today=TODAY, mood=raw) == {"mood": MOOD}


def test_scale_messages_name_both_ends_in_words():
    for _name, message in SCALE_MESSAGES.items():
        assert "whole number from 1 (" in message and message.endswith(").")
    assert MOOD_WORDS[1] in SCALE_MESSAGES["mood"] and MOOD_WORDS[5] in SCALE_MESSAGES["mood"]


def test_a_note_is_kept_as_typed_escape_sequences_and_markup_included():
    # Whatever shows a note writes control characters as visible escapes (textsafe.visible).
    for note in ("bell\x07", "\x1b]0;pwned\x07\x1b[2J", "line [bold]two[/]", "a\tb", "\u202eevil", "שלום\u200f ok"):
        assert parse_checkin(today=TODAY, mood=3, note=note).note == note
        assert parse_activity(date="2026-11-26", kind="walk", minutes=20, note=note, with_whom=note).note == note


ONE_LINE = "The note is one line; please leave out line breaks."


@pytest.mark.parametrize(
    "note", ["line one\nline two", "a\r\nb", "a\rb", "a\x0bb", "a\x0cb", "a\x85b", "a\u2028b", "a\u2029b"]
)
def test_a_note_is_one_line_so_it_can_never_pass_for_another_row(note):
    assert problems(parse_checkin, today=TODAY, mood=3, note=note) == {"note": ONE_LINE}
    assert problems(parse_activity, date="2026-11-26", kind="walk", minutes=20, note=note) == {"note": ONE_LINE}
    assert problems(parse_activity, date="2026-11-26", kind="walk", minutes=20, with_whom=note) == {
        "with_whom": "The name is one line; please leave out line breaks."
    }
    assert set(problems(parse_settings, Settings(), name=note, support_contact=note, goal_why=note)) == {
        "name",
        "support_contact",
        "goal_why",
    }
    # Line breaks around the text are trimmed, as spaces are.
    assert parse_checkin(today=TODAY, mood=3, note="\n fine \n").note == "fine"


def test_bytes_that_are_not_utf8_are_refused_in_every_text_field():
    text = "caf\udce9"
    message = "The note has bytes that are not valid UTF-8 text in it; please type it again."
    assert problems(parse_checkin, today=TODAY, mood=3, note=text) == {"note": message}
    assert set(problems(parse_activity, date="2026-11-26", kind="walk", minutes=20, note=text, with_whom=text)) == {
        "note",
        "with_whom",
    }
    assert set(problems(parse_settings, Settings(), name=text, support_contact=text, goal_why=text)) == {
        "name",
        "support_contact",
        "goal_why",
    }


# --- activity ---------------------------------------------------------------------------------


def test_an_activity_with_defaults():
    run = parse_activity(date="2026-11-26", kind="RUN", minutes="30")
    assert (run.kind, run.minutes, run.warmup, run.time, run.status, run.source) == (
        "run",
        30,
        5,
        None,
        "planned",
        "user",
    )
    assert parse_activity(date="2026-11-26", kind="walk-run", minutes=20).warmup == 5
    yoga = parse_activity(date="2026-11-26", kind="yoga", minutes=20, time="7:05", with_whom=" Sam ", note="mat")
    assert (yoga.warmup, yoga.time, yoga.with_whom, yoga.note) == (0, "07:05", "Sam", "mat")
    assert parse_activity(date="2026-11-26", kind="run", minutes=1440, warmup="0").warmup == 0


def test_every_activity_problem_is_reported_at_once():
    found = problems(
        parse_activity, date="", kind="jog", minutes="0", warmup="61", time="25:00", with_whom="x" * 81, note="one\ntwo"
    )
    assert found == {
        "date": "Date is needed, as year-month-day (for example 2026-03-14).",
        "kind": "Activity is one of: run, walk, walk-run, yoga, swim, cycle, dance, stairs, strength, stretch, garden, other.",
        "minutes": "Minutes is a whole number from 1 to 1440.",
        "warmup": "Warm-up is a whole number of minutes from 0 to 60.",
        "time": "Time of day is hours and minutes, like 07:30.",
        "with_whom": "The name is at most 80 characters (this one has 81).",
        "note": "The note is one line; please leave out line breaks.",
    }


@pytest.mark.parametrize("minutes", [0, 1441, "", None, "20.5", True, "twenty"])
def test_activity_minutes_refused(minutes):
    assert set(problems(parse_activity, date="2026-11-26", kind="walk", minutes=minutes)) == {"minutes"}


@pytest.mark.parametrize("time", ["7", "07:60", "24:00", "7.30", "07:3", "noon"])
def test_time_of_day_refused(time):
    assert set(problems(parse_activity, date="2026-11-26", kind="walk", minutes=10, time=time)) == {"time"}


def test_completion():
    assert parse_completion() == (None, None, None)
    assert parse_completion(before="2", after=4, minutes="25") == (2, 4, 25)
    assert problems(parse_completion, before=0, after="6", minutes=0) == {
        "before": "How you felt before is a whole number from 1 (very low) to 5 (very good).",
        "after": "How you felt after is a whole number from 1 (very low) to 5 (very good).",
        "minutes": "Minutes is a whole number from 1 to 1440.",
    }


def test_done_minutes_count_only_done_activities():
    a = PlannedActivity(date="2026-11-20", kind="run", minutes=30, warmup=5)
    assert a.done_minutes == 0 and a.label == "Run"
    a.status = "done"
    assert a.done_minutes == 30
    a.actual_minutes = 25
    assert a.done_minutes == 25
    a.status = "rest"
    assert a.done_minutes == 0


# --- settings ---------------------------------------------------------------------------------


def test_settings_returns_a_changed_copy():
    current = Settings(name="Robin")
    changed = parse_settings(current, goal_days="5", goal_why=" sleep better ", theme="nord", support_contact="Sam")
    assert (changed.name, changed.goal_days, changed.goal_why, changed.theme, changed.support_contact) == (
        "Robin",
        5,
        "sleep better",
        "nord",
        "Sam",
    )
    assert current.goal_days == 3 and current.theme == "textual-dark"
    assert parse_settings(current) == current


def test_every_settings_problem_is_reported_at_once():
    found = problems(parse_settings, Settings(), name="n" * 81, goal_days="8", theme="pink", support_contact="s" * 201)
    assert found["goal_days"] == "The weekly goal is a whole number of days from 1 to 7."
    assert found["theme"].startswith("Theme is one of: textual-dark")
    assert set(found) == {"name", "goal_days", "theme", "support_contact"}
    assert set(problems(parse_settings, Settings(), goal_days="")) == {"goal_days"}


# --- dates, records, helpers ------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw", ["2026-02-30", "26-11-25", "2026/11/25", "20261125", "2026-1-5", "２０２６-11-25", "tomorrow"]
)
def test_parse_date_refuses(raw):
    with pytest.raises(ValidationError) as caught:
        parse_date(raw)
    assert caught.value.for_field("date") == "Date is a real date written year-month-day, for example 2026-03-14."
    assert caught.value.for_field("mood") is None


def test_parse_date_accepts():
    assert parse_date(" 2024-02-29 ") == dt.date(2024, 2, 29)
    assert parse_date(dt.date(2026, 1, 2)) == dt.date(2026, 1, 2)
    with pytest.raises(ValidationError, match="Date is needed"):
        parse_date("")


def test_records_round_trip_and_ignore_fields_from_a_newer_runmate():
    for record in (
        CheckIn(date="2026-11-20", mood=3, sleep_hours=7.5),
        PlannedActivity(date="2026-11-20", kind="run", minutes=20),
        JournalEntry(date="2026-11-20", text="x"),
        Settings(name="Robin"),
    ):
        data = record.to_dict()
        assert type(record).from_dict({**data, "added_later": 1}) == record
        if not isinstance(record, Settings):
            assert record.day == dt.date(2026, 11, 20)
    # The data file keeps its keys in this order, date first.
    assert list(CheckIn(date="2026-11-20", mood=3).to_dict()) == [
        "date",
        "mood",
        "energy",
        "stress",
        "sleep_hours",
        "sleep_quality",
        "note",
        "id",
        "created",
        "updated",
    ]
    assert list(JournalEntry(date="2026-11-20", text="x").to_dict()) == [
        "date",
        "text",
        "title",
        "activity_id",
        "id",
        "created",
        "updated",
    ]


def test_small_helpers():
    assert short_id("0123456789abcdef") == "01234567"
    assert week_start(TODAY) == dt.date(2026, 11, 23)
    assert week_start(dt.date(2026, 11, 23)) == dt.date(2026, 11, 23)
    assert week_start(dt.date(2026, 11, 29)) == dt.date(2026, 11, 23)
    assert CheckIn(date="2026-11-20", mood=3).id != CheckIn(date="2026-11-20", mood=3).id


def test_activity_done_rest_and_reopen_keep_only_what_fits_the_status():
    from runmate.models import STATUS_DONE, STATUS_PLANNED, STATUS_REST, PlannedActivity

    a = PlannedActivity(date="2026-11-25", kind="run", minutes=20)
    a.mark_done(2, 4, 25)
    assert (a.status, a.before, a.after, a.actual_minutes, a.rest_reason) == (STATUS_DONE, 2, 4, 25, "")
    assert a.done_minutes == 25
    a.mark_rest("tired")
    assert (a.status, a.before, a.after, a.actual_minutes, a.rest_reason) == (STATUS_REST, None, None, None, "tired")
    assert a.done_minutes == 0
    a.reopen()
    assert (a.status, a.before, a.after, a.actual_minutes, a.rest_reason) == (STATUS_PLANNED, None, None, None, "")


def test_minus_zero_hours_of_sleep_is_zero():
    import math

    from runmate.models import parse_checkin

    c = parse_checkin(today=TODAY, mood=3, sleep_hours="-0")
    assert c.sleep_hours == 0 and math.copysign(1, c.sleep_hours) == 1
