"""Dates and numbers as runmate writes them: 'Wed 25 Nov', '7.5 h', '4 (good)', '1½ min'.

Pure functions only: no I/O, no Textual, no TinyDB. Names of days and months come from the
tables below rather than from strftime, so the words are the same on every platform and in
every locale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from runmate.models import SCALE_WORDS

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# --- dates --------------------------------------------------------------------------------------


def weekday_short(day: dt.date) -> str:
    """'Wed'."""
    return DAY_NAMES[day.weekday()][:3]


def month_short(day: dt.date) -> str:
    """'Nov'."""
    return MONTH_NAMES[day.month - 1][:3]


def day_label(day: dt.date, today: dt.date | None = None) -> str:
    """'Wed 25 Nov'; the year is added when it is not the year of ``today``."""
    text = f"{weekday_short(day)} {day.day} {month_short(day)}"
    if today is not None and day.year != today.year:
        text += f" {day.year}"
    return text


def long_date(day: dt.date, *, year: bool = False) -> str:
    """'Wednesday 25 November', or with ``year`` 'Wednesday 25 November 2026'."""
    text = f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def date_span(first: dt.date, last: dt.date) -> str:
    """'23 Nov to 29 Nov 2026'; a span across New Year names both years ('30 Dec 2019 to 5 Jan 2020')."""
    start = f"{first.day} {month_short(first)}"
    if first.year != last.year:
        start += f" {first.year}"
    return f"{start} to {last.day} {month_short(last)} {last.year}"


def relative_day(day: dt.date, today: dt.date) -> str:
    """'today', 'yesterday', or '' for other days."""
    if day == today:
        return "today"
    if day == today - dt.timedelta(days=1):
        return "yesterday"
    return ""


# --- numbers ------------------------------------------------------------------------------------


def hours_text(hours: float) -> str:
    """7.5 -> '7.5 h', 7.0 -> '7 h'."""
    return f"{hours:g} h"


def scale_text(field: str, value: int) -> str:
    """'4 (good)' for a scale value, with the word that makes the number unambiguous."""
    word = SCALE_WORDS[field].get(value)
    return f"{value} ({word})" if word else str(value)


def scale_ends(words: Mapping[int, str]) -> str:
    """What a scale's two ends mean, for a scale nobody has chosen on yet: '1 calm … 5 very stressed'."""
    low, high = min(words), max(words)
    return f"{low} {words[low]} … {high} {words[high]}"


def duration_text(seconds: int) -> str:
    """90 -> '1½ min', 30 -> '½ min', 300 -> '5 min', 75 -> '1 min 15 s'."""
    minutes, rest = divmod(seconds, 60)
    if rest == 30:
        return f"{minutes}½ min" if minutes else "½ min"
    if rest:
        return f"{minutes} min {rest} s"
    return f"{minutes} min"


UNKNOWN_MINUTES = "minutes not known"


def minutes_text(minutes: int | None) -> str:
    """25 -> '25 min'; None (an activity brought in without its length) -> 'minutes not known'."""
    return UNKNOWN_MINUTES if minutes is None else f"{minutes} min"


def distance_text(km: float | None) -> str:
    """5.234 -> '5.2 km', 12 -> '12 km', None -> ''."""
    if km is None:
        return ""
    shown = f"{km:.1f}".rstrip("0").rstrip(".")
    return f"{shown} km"


def amount_text(minutes: int | None, km: float | None) -> str:
    """How long and how far: '25 min', '25 min, 5.2 km', '5.2 km' (minutes not known), or 'minutes not known'."""
    if minutes is None and km is not None:
        return distance_text(km)
    return ", ".join(p for p in (minutes_text(minutes), distance_text(km)) if p)
