"""runmate's vocabulary and the small checks every form and command shares.

The words for scale values, the activity kinds, value bounds and limits, the validation error
that lists every problem at once in plain sentences, and the parsers of numbers, dates and text
that collect those problems. No Textual and no TinyDB here; ``models`` builds the records on it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import uuid
from dataclasses import dataclass
from typing import Any

from runmate.textsafe import has_surrogates

# --- words for scale values -------------------------------------------------------------------

MOOD_WORDS = {1: "very low", 2: "low", 3: "okay", 4: "good", 5: "very good"}
ENERGY_WORDS = {1: "very low", 2: "low", 3: "okay", 4: "good", 5: "very high"}
STRESS_WORDS = {1: "calm", 2: "a little", 3: "some", 4: "a lot", 5: "very stressed"}
SLEEP_QUALITY_WORDS = {1: "very poor", 2: "poor", 3: "okay", 4: "good", 5: "very good"}
FEELING_WORDS = MOOD_WORDS

SCALE_WORDS = {
    "mood": MOOD_WORDS,
    "energy": ENERGY_WORDS,
    "stress": STRESS_WORDS,
    "sleep_quality": SLEEP_QUALITY_WORDS,
    "before": FEELING_WORDS,
    "after": FEELING_WORDS,
}

# --- activity kinds ---------------------------------------------------------------------------

ACTIVITY_KINDS: dict[str, str] = {
    "run": "Run",
    "walk": "Walk",
    "walk-run": "Walk/run intervals",
    "yoga": "Yoga",
    "swim": "Swimming",
    "cycle": "Cycling",
    "dance": "Dancing",
    "stairs": "Stair climbing",
    "strength": "Strength",
    "stretch": "Stretching",
    "garden": "Gardening",
    "other": "Other movement",
}
# Kinds that start with a warm-up walk by default.
WARMUP_KINDS = {"run", "walk-run"}
DEFAULT_WARMUP = 5

STATUS_PLANNED = "planned"
STATUS_DONE = "done"
STATUS_REST = "rest"
STATUSES = (STATUS_PLANNED, STATUS_DONE, STATUS_REST)

SOURCE_USER = "user"
SOURCE_STARTER = "starter"

# Value bounds, the one source of truth for the forms, the command line and the data file's checks.
SCALE_RANGE = (1, 5)
MINUTES_RANGE = (1, 1440)
WARMUP_RANGE = (0, 60)
SLEEP_RANGE = (0, 24)
GOAL_DAYS_RANGE = (1, 7)
DISTANCE_RANGE = (0, 1000)  # kilometres

# The dates runmate accepts: typed in a form, given to a command or read from the data file.
# Wide enough for any diary and any plan, and far enough from Python's own limits (years 1 to
# 9999) that every date runmate works out from an accepted one (a month before it, a week after
# it, a starter program of nine weeks after it) is still a date, so stepping never overflows.
DATE_RANGE = (dt.date(1900, 1, 1), dt.date(2999, 12, 31))
DATE_RANGE_TEXT = f"{DATE_RANGE[0].year} to {DATE_RANGE[1].year}"

MAX_NOTE = 500
MAX_NAME = 80
MAX_JOURNAL = 20_000

# The size runmate is built for: 50 years of daily use. Every command stays quick there; an import
# that would take the data folder past it says so and writes nothing.
CAPACITY_YEARS = 50
CAPACITY = {
    "checkins": CAPACITY_YEARS * 366,  # one a day
    "activities": 100_000,  # five or so a week
    "journal": 100_000,  # reflections
}

THEMES = (
    "textual-dark",
    "textual-light",
    "nord",
    "gruvbox",
    "catppuccin-mocha",
    "catppuccin-latte",
    "solarized-light",
    "tokyo-night",
)
DEFAULT_THEME = "textual-dark"


# --- errors -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ValidationError(ValueError):
    """One or more fields are not right. ``errors`` lists each with a plain sentence."""

    def __init__(self, errors: list[FieldError]):
        self.errors = list(errors)
        super().__init__("; ".join(e.message for e in self.errors))

    def for_field(self, name: str) -> str | None:
        for e in self.errors:
            if e.field == name:
                return e.message
        return None


def new_id() -> str:
    return uuid.uuid4().hex


# An id, as runmate addresses it from the command line and writes it into exports: 1 to 64
# lower-case letters a-z, digits, '-' and '_'. runmate makes 32 hexadecimal digits.
ID_PATTERN = re.compile(r"[0-9a-z_-]{1,64}")
_RENAMED = uuid.UUID("8c3f6a52-1d0e-4b7a-9e25-6f4d1a0c2b93")


def is_good_id(value: object) -> bool:
    """Whether ``value`` is an id in the documented alphabet and length (``ID_PATTERN``)."""
    return isinstance(value, str) and ID_PATTERN.fullmatch(value) is not None


def renamed_id(kind: str, value: str) -> str:
    """The id given to a record of ``kind`` whose id ``value`` is outside ``ID_PATTERN``: the same
    each time for the same id, so importing a file again changes nothing."""
    return uuid.uuid5(_RENAMED, f"{kind}\x1f{value}").hex


def now_iso() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


# --- small parsers that collect errors --------------------------------------------------------

SCALE_MESSAGES = {
    "mood": "Mood is a whole number from 1 (very low) to 5 (very good).",
    "energy": "Energy is a whole number from 1 (very low) to 5 (very high).",
    "stress": "Stress is a whole number from 1 (calm) to 5 (very stressed).",
    "sleep_quality": "Sleep quality is a whole number from 1 (very poor) to 5 (very good).",
    "before": "How you felt before is a whole number from 1 (very low) to 5 (very good).",
    "after": "How you felt after is a whole number from 1 (very low) to 5 (very good).",
}


class _Collector:
    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, name: str, message: str) -> None:
        self.errors.append(FieldError(name, message))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


# Numbers are written with the digits 0-9 only. str.isdigit() also accepts superscripts (²) and
# circled digits (①), which int() refuses, and int() accepts other scripts' digits (٣, ３); runmate
# takes neither, so a number means the same in every form, on the command line and in the file.
_WHOLE = re.compile(r"([+-]?)([0-9]+)")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)")
# More significant digits than any bound needs: longer numbers are out of range, never parsed
# (int() refuses text of more than 4300 digits).
_MAX_DIGITS = 15


def whole_number(value: Any) -> int | None:
    """A whole number written with the digits 0-9 (an optional sign, spaces around it), else None.

    None too for numbers with more than 15 significant digits, which are out of every range here.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    m = _WHOLE.fullmatch(str(value).strip())
    if m is None:
        return None
    digits = m.group(2).lstrip("0") or "0"
    if len(digits) > _MAX_DIGITS:
        return None
    number = int(digits)
    return -number if m.group(1) == "-" else number


def decimal_number(value: Any) -> float | None:
    """A number like 7, 7.5 or 7,5 written with the digits 0-9, else None (no 'inf', '1e3' or '1_0')."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value).strip()
        if not _DECIMAL.fullmatch(text) or len(text.lstrip("+-0")) > 2 * _MAX_DIGITS:
            return None
        number = float(text.replace(",", "."))
    return number if math.isfinite(number) else None


def in_date_range(day: dt.date) -> bool:
    """True when ``day`` is one runmate accepts (DATE_RANGE)."""
    return DATE_RANGE[0] <= day <= DATE_RANGE[1]


# Said when a key would step past either end (a day or a week at a time).
DATE_RANGE_MESSAGE = (
    f"runmate's calendar runs from the start of {DATE_RANGE[0].year} to the end of {DATE_RANGE[1].year}."
)


def date_out_of_range(label: str = "Date") -> str:
    """The message for a real date outside DATE_RANGE."""
    return f"{label} is outside the years runmate keeps ({DATE_RANGE_TEXT})."


def _int_in(c: _Collector, name: str, value: Any, lo: int, hi: int, message: str, required: bool = False) -> int | None:
    if _blank(value):
        if required:
            c.add(name, message)
        return None
    number = whole_number(value)
    if number is None or not lo <= number <= hi:
        c.add(name, message)
        return None
    return number


def _scale(c: _Collector, name: str, value: Any, required: bool = False) -> int | None:
    return _int_in(c, name, value, *SCALE_RANGE, SCALE_MESSAGES[name], required)


# --- one way to say a day ------------------------------------------------------------------------
#
# Every place a person types a day (the plan's add form and move dialog, and every option of every
# command that takes a date) reads it with ``parse_day``: today, yesterday, tomorrow, a weekday
# name, or a date written year-month-day. A weekday means the next one on or after today when
# planning, and the last one on or before today when looking back (a check-in, the journal, an
# activity logged as already done); today counts in both.

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

# For help texts: what a day option accepts, in each direction.
DAY_HELP_AHEAD = "today, tomorrow, yesterday, a weekday like fri (the next one, today included) or YYYY-MM-DD"
DAY_HELP_BACK = "today, yesterday, a weekday like fri (the last one, today included) or YYYY-MM-DD"
# What the message for a day that can't be read names.
DAY_WORDS = "today, yesterday, tomorrow, a weekday like 'fri', or a date like 2026-03-14"


def day_message(label: str = "Date") -> str:
    """The one message for a day that can't be read, naming everything that is accepted."""
    return f"{label} is {DAY_WORDS}."


def weekday_index(text: str) -> int | None:
    """0 for Monday ... 6 for Sunday, from a weekday's name or its first three letters or more,
    in any case ('fri', 'Fri', 'FRIDAY', 'thurs'); None for anything else."""
    word = text.strip()
    if len(word) < 3 or not word.isascii():
        return None
    word = word.lower()
    for index, name in enumerate(WEEKDAY_NAMES):
        if name.startswith(word):
            return index
    return None


def day_from_words(text: str, today: dt.date, *, back: bool = False) -> dt.date | None:
    """The day ``text`` names relative to ``today`` ('today', 'yesterday', 'tomorrow' or a
    weekday), or None when it is none of them. A weekday is the next one on or after today, or
    with ``back`` the last one on or before today. The result may fall outside DATE_RANGE (past
    either end of Python's own calendar it is date.min or date.max)."""
    word = text.strip().lower() if text.isascii() else ""
    if word in _RELATIVE_DAYS:
        offset = _RELATIVE_DAYS[word]
    else:
        index = weekday_index(word)
        if index is None:
            return None
        offset = -((today.weekday() - index) % 7) if back else (index - today.weekday()) % 7
    try:
        return today + dt.timedelta(days=offset)
    except OverflowError:
        return dt.date.max if offset > 0 else dt.date.min


def _date(
    c: _Collector,
    name: str,
    value: Any,
    label: str = "Date",
    required: bool = True,
    *,
    today: dt.date | None = None,
    back: bool = False,
) -> str | None:
    """A day as year-month-day text, or None with the problem added to ``c``.

    With ``today``, the words of ``day_from_words`` are read too (in the direction ``back``
    says); without it (a value from the data file, say), only a date written year-month-day."""
    if _blank(value):
        if required and today is not None:
            c.add(name, f"{label} is needed: {DAY_WORDS}.")
        elif required:
            c.add(name, f"{label} is needed, as year-month-day (for example 2026-03-14).")
        return None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        text = str(value).strip()
        named = day_from_words(text, today, back=back) if today is not None else None
        if named is not None:
            day = named
        else:
            try:
                if not _ISO_DATE.fullmatch(text):
                    raise ValueError
                day = dt.date.fromisoformat(text)
            except ValueError:
                if today is not None:
                    c.add(name, day_message(label))
                else:
                    c.add(name, f"{label} is a real date written year-month-day, for example 2026-03-14.")
                return None
    if not in_date_range(day):
        c.add(name, date_out_of_range(label))
        return None
    return day.isoformat()


def parse_day(value: Any, *, today: dt.date, back: bool = False, label: str = "Date", field: str = "date") -> dt.date:
    """The day a person typed: today, yesterday, tomorrow, a weekday name (full or its first three
    letters or more, any case) or a date written year-month-day, within DATE_RANGE.

    A weekday is the next one on or after ``today`` (planning), or with ``back`` the last one on
    or before it (a check-in, the journal, logging what was done); today counts in both. Raises
    ValidationError on ``field``, its message starting with ``label``."""
    c = _Collector()
    result = _date(c, field, value, label, today=today, back=back)
    c.raise_if_any()
    assert result is not None
    return dt.date.fromisoformat(result)


# What str.splitlines() breaks a line at: none of these belongs in a one-line field.
LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def text_problem(text: str, label: str, one_line: bool = True) -> str | None:
    """What keeps ``text`` out of a field, in words, or None when it is fine.

    Text is kept as the person typed or pasted it, escape sequences and other control characters
    included: everything that shows it (the command line, the app) writes those as visible
    escapes (``textsafe.visible``), so they never reach the terminal raw. Two things are refused:
    bytes that were not valid UTF-8 (they can't be stored), and, in a one-line field (notes,
    names, reasons, the why of a goal), a line break, so a note can never pass for another row.
    A reflection may hold line breaks.
    """
    if has_surrogates(text):
        return f"{label} has bytes that are not valid UTF-8 text in it; please type it again."
    if one_line and any(ch in LINE_BREAKS for ch in text):
        return f"{label} is one line; please leave out line breaks."
    return None


def _text(c: _Collector, name: str, value: Any, limit: int, label: str, one_line: bool = True) -> str:
    text = "" if value is None else str(value).strip()
    if len(text) > limit:
        c.add(name, f"{label} is at most {limit} characters (this one has {len(text)}).")
    problem = text_problem(text, label, one_line)
    if problem:
        c.add(name, problem)
    return text


def parse_date(value: str) -> dt.date:
    """Parse an ISO date or raise ValidationError naming the 'date' field."""
    c = _Collector()
    result = _date(c, "date", value)
    c.raise_if_any()
    assert result is not None
    return dt.date.fromisoformat(result)
