"""The country, your own line, the low-mood note's lines, the note hidden until tomorrow, the
lowest mood's line back, and runmate support."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runmate import insights
from runmate.cli import main
from runmate.models import CheckIn, Settings, ValidationError, parse_settings
from runmate.store import Store
from runmate.summary import dashboard_data
from runmate.textsafe import has_surrogates, has_unsafe, visible
from runmate.validation import LINE_BREAKS

TODAY = dt.date(2026, 11, 25)


def cli(data_dir: Path, *argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(["--data-dir", str(data_dir), *argv], out=out, err=err, today=TODAY)
    return status, out.getvalue()


def low_week(today: dt.date = TODAY, days: int = 5, mood: int = 2) -> list[CheckIn]:
    return [CheckIn(date=(today - dt.timedelta(days=d)).isoformat(), mood=mood) for d in range(days)]


def test_old_settings_without_the_new_fields_still_open():
    old = {"name": "Sam", "support_contact": "Ana", "goal_days": 3, "welcomed": True, "safety_note_shown": None}
    settings = Settings.from_dict(old)
    assert (settings.country, settings.own_line, settings.safety_note_hidden) == ("", "", None)


def test_the_country_is_kept_as_a_code():
    assert parse_settings(Settings(), country=" nz ").country == "NZ"
    assert parse_settings(Settings(), country="United Kingdom").country == "GB"
    assert parse_settings(Settings(country="GB"), country="").country == ""
    with pytest.raises(ValidationError) as caught:
        parse_settings(Settings(), country="Narnia")
    assert "two letters" in (caught.value.for_field("country") or "")


@given(st.text(max_size=260))
def test_your_own_line_is_kept_as_written_or_refused_with_a_reason(typed):
    try:
        settings = parse_settings(Settings(), own_line=typed)
    except ValidationError as error:
        assert error.for_field("own_line")
        kept = typed.strip()
        assert len(kept) > 200 or has_surrogates(kept) or any(ch in LINE_BREAKS for ch in kept)
    else:
        assert settings.own_line == typed.strip()  # kept as written: shown with visible escapes
        note = insights.safety_note(insights.LowMoodPattern(5, 5), own_line=settings.own_line)
        assert (f"Your own line: {settings.own_line}." in note) == bool(settings.own_line)
        assert not has_unsafe(visible(note))


def test_the_note_names_the_country_line_and_ends_with_the_emergency_line():
    pattern = insights.LowMoodPattern(5, 7)
    note = insights.safety_note(pattern, "Ana", "CA", "Dr Roy")
    assert note == (
        "Your mood was low on 5 of your last 7 check-ins. You don't have to carry this alone: please talk "
        "to your doctor or someone you trust. Your support contact: Ana. Your own line: Dr Roy. "
        "In Canada: 9-8-8: Suicide Crisis Helpline, call or text 988 (988.ca). In an emergency, call 911."
    )


def test_a_note_hidden_today_is_hidden_today_only():
    settings = Settings(safety_note_hidden=TODAY.isoformat())
    assert dashboard_data(TODAY, low_week(), [], settings).safety is None
    tomorrow = TODAY + dt.timedelta(days=1)
    assert dashboard_data(tomorrow, low_week(tomorrow), [], settings).safety is not None


def test_on_the_lowest_mood_the_line_back_includes_rest():
    lowest = insights.line_back(CheckIn(date=TODAY.isoformat(), mood=1), [], TODAY)
    assert "Resting is fine" in lowest
    low = insights.line_back(CheckIn(date=TODAY.isoformat(), mood=2), [], TODAY)
    assert low == "Thanks for checking in on a hard morning. A short walk outside can help a little."


def test_the_days_the_note_was_due_follow_the_rule_day_by_day():
    checkins = low_week(TODAY, days=6)  # 20 to 25 Nov, all low
    days = insights.low_mood_days(checkins, TODAY - dt.timedelta(days=10), TODAY + dt.timedelta(days=2))
    # Due from the fifth low day on; still due two days later (5 of the last 6, within 14 days).
    assert days[0] == TODAY - dt.timedelta(days=1) and days[-1] == TODAY + dt.timedelta(days=2)
    for day in days:
        assert insights.low_mood_pattern(checkins, day) is not None
    assert insights.low_mood_days([], TODAY, TODAY) == []
    # Once a check-in of the last 7 is 14 or more days old, the rule no longer holds.
    assert TODAY + dt.timedelta(days=14) not in insights.low_mood_days(checkins, TODAY, TODAY + dt.timedelta(days=20))


def test_support_prints_where_to_turn_without_making_a_data_file(tmp_path):
    status, out = cli(tmp_path, "support")
    assert status == 0
    assert "You don't have to carry this alone." in out and "local emergency number" in out
    assert "findahelpline.com" in out and "last checked on" in out
    assert not (tmp_path / "runmate.json").exists()


def test_support_names_your_contact_own_line_and_country_line(data_dir):
    Store(data_dir).save_settings(Settings(support_contact="Ana", own_line="Dr Roy", country="AU"))
    status, out = cli(data_dir, "support")
    lines = out.splitlines()
    assert status == 0
    assert "Your support contact: Ana." in lines and "Your own line: Dr Roy." in lines
    assert "In Australia: Lifeline, call 13 11 14 (lifeline.org.au)." in lines
    assert lines[-2] == "In an emergency, call 000."


def test_support_all_lists_every_line_with_its_sources(tmp_path):
    status, out = cli(tmp_path, "support", "--all")
    assert status == 0
    for code in ("United States", "Canada", "United Kingdom", "Ireland", "Australia", "New Zealand"):
        assert f"In {code}" in out or f"In the {code}" in out
    assert out.count("checked 2026-12-08 against: http") >= 7
