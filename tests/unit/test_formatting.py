"""formatting: dates and numbers in words, the same on every platform and in every locale."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from runmate import formatting
from runmate.models import MOOD_WORDS, STRESS_WORDS

TODAY = dt.date(2026, 11, 25)  # a Wednesday
RUNMATE = Path(formatting.__file__).parent


def test_day_label_and_relative_day():
    assert formatting.day_label(TODAY) == "Wed 25 Nov"
    assert formatting.day_label(dt.date(2026, 3, 1), TODAY) == "Sun 1 Mar"
    assert formatting.day_label(dt.date(2025, 12, 31), TODAY) == "Wed 31 Dec 2025"
    assert formatting.relative_day(TODAY, TODAY) == "today"
    assert formatting.relative_day(TODAY - dt.timedelta(days=1), TODAY) == "yesterday"
    assert formatting.relative_day(TODAY - dt.timedelta(days=2), TODAY) == ""


def test_long_date_has_no_leading_zero():
    assert formatting.long_date(TODAY) == "Wednesday 25 November"
    assert formatting.long_date(dt.date(2026, 3, 1)) == "Sunday 1 March"
    assert formatting.long_date(dt.date(2027, 1, 4), year=True) == "Monday 4 January 2027"


def test_date_span_names_both_years_only_across_new_year():
    assert formatting.date_span(dt.date(2026, 11, 23), dt.date(2026, 11, 29)) == "23 Nov to 29 Nov 2026"
    assert formatting.date_span(dt.date(2019, 12, 30), dt.date(2020, 1, 5)) == "30 Dec 2019 to 5 Jan 2020"


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_dates_read_as_the_english_names(day):
    # The tables give what strftime gives in the C locale, without its platform-specific flags.
    assert formatting.day_label(day) == f"{day:%a} {day.day} {day:%b}"
    assert formatting.long_date(day, year=True) == f"{day:%A} {day.day} {day:%B} {day.year}"


def test_numbers():
    assert formatting.hours_text(7.0) == "7 h"
    assert formatting.hours_text(7.25) == "7.25 h"
    assert formatting.scale_text("mood", 4) == "4 (good)"
    assert formatting.scale_text("stress", 1) == "1 (calm)"
    assert [formatting.duration_text(s) for s in (30, 60, 90, 300, 75)] == [
        "½ min",
        "1 min",
        "1½ min",
        "5 min",
        "1 min 15 s",
    ]


def test_no_platform_specific_strftime_flags():
    """'%-d' works only on glibc and macOS, '%#d' only on Windows: build such text from day.day."""
    flags = re.compile(r"%[-#][a-zA-Z]")
    found = []
    for path in sorted(RUNMATE.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if flags.search(line):
                found.append(f"{path.relative_to(RUNMATE)}:{number}")
    assert found == []


def test_scale_ends_name_both_ends():
    assert formatting.scale_ends(STRESS_WORDS) == "1 calm … 5 very stressed"
    assert formatting.scale_ends(MOOD_WORDS) == "1 very low … 5 very good"
