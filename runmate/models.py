"""runmate's records as plain dataclasses, with validation in plain words.

No Textual and no TinyDB here. Each record converts to and from a JSON-ready dict.
Parsing functions take raw text (as typed in a form or on the command line) and report
every problem at once, each tied to its field.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import uuid
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Self

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

# The dates runmate accepts: typed in a form, given to a command or read from the data file.
# Wide enough for any diary and any plan, and far enough from Python's own limits (years 1 to
# 9999) that every date runmate works out from an accepted one (a month before it, a week after
# it, a starter program of nine weeks after it) is still a date, so stepping never overflows.
DATE_RANGE = (dt.date(1900, 1, 1), dt.date(2999, 12, 31))
DATE_RANGE_TEXT = f"{DATE_RANGE[0].year} to {DATE_RANGE[1].year}"

MAX_NOTE = 500
MAX_NAME = 80
MAX_JOURNAL = 20_000

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


def _date(c: _Collector, name: str, value: Any, label: str = "Date", required: bool = True) -> str | None:
    if _blank(value):
        if required:
            c.add(name, f"{label} is needed, as year-month-day (for example 2026-03-14).")
        return None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        text = str(value).strip()
        try:
            if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
                raise ValueError
            day = dt.date.fromisoformat(text)
        except ValueError:
            c.add(name, f"{label} is a real date written year-month-day, for example 2026-03-14.")
            return None
    if not in_date_range(day):
        c.add(name, date_out_of_range(label))
        return None
    return day.isoformat()


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


# --- what every record shares -----------------------------------------------------------------


@dataclass
class Record:
    """A record kept in the data file, as a JSON-ready dict of its fields.

    Reading keeps only the keys that are fields here: a file written by a newer runmate, which may
    know more fields, still opens.
    """

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        return cls(**_known(cls, data))


@dataclass
class DatedRecord(Record):
    """A record that belongs to one day; ``date`` is year-month-day, as stored."""

    date: str

    @property
    def day(self) -> dt.date:
        return dt.date.fromisoformat(self.date)


# --- check-in ---------------------------------------------------------------------------------


@dataclass
class CheckIn(DatedRecord):
    mood: int
    energy: int | None = None
    stress: int | None = None
    sleep_hours: float | None = None
    sleep_quality: int | None = None
    note: str = ""
    id: str = field(default_factory=new_id)
    created: str = field(default_factory=now_iso)
    updated: str = field(default_factory=now_iso)


CHECKIN_FIELDS = ("mood", "energy", "stress", "sleep_hours", "sleep_quality", "note")
SLEEP_MESSAGE = "Sleep is hours from 0 to 24, like 7 or 7.5."


def _sleep_hours(c: _Collector, value: Any) -> float | None:
    if _blank(value):
        return None
    hours = decimal_number(value)  # digits 0-9 only: no 'inf', '1e3', '²' or '½'
    if hours is None or not SLEEP_RANGE[0] <= hours <= SLEEP_RANGE[1]:
        c.add("sleep_hours", SLEEP_MESSAGE)
        return None
    return round(hours, 2) + 0.0  # -0 becomes 0


def _checkin_day(c: _Collector, date: Any, today: dt.date) -> str | None:
    day = _date(c, "date", date if not _blank(date) else today.isoformat())
    if day is not None and dt.date.fromisoformat(day) > today:
        c.add("date", f"A check-in can't be in the future; today is {today.isoformat()}.")
    return day


def parse_checkin(
    *,
    today: dt.date,
    date: Any = None,
    mood: Any = None,
    energy: Any = None,
    stress: Any = None,
    sleep_hours: Any = None,
    sleep_quality: Any = None,
    note: Any = "",
) -> CheckIn:
    """Build a CheckIn from raw values, or raise ValidationError listing every problem."""
    c = _Collector()
    day = _checkin_day(c, date, today)
    m = _scale(c, "mood", mood, required=True)
    e = _scale(c, "energy", energy)
    s = _scale(c, "stress", stress)
    q = _scale(c, "sleep_quality", sleep_quality)
    hours = _sleep_hours(c, sleep_hours)
    text = _text(c, "note", note, MAX_NOTE, "The note")
    c.raise_if_any()
    assert day is not None and m is not None
    return CheckIn(date=day, mood=m, energy=e, stress=s, sleep_hours=hours, sleep_quality=q, note=text)


def parse_checkin_changes(
    *, today: dt.date, date: Any = None, given: dict[str, Any], clear: tuple[str, ...] = ()
) -> tuple[str, dict[str, Any]]:
    """The day and the fields to change, from only the values ``given`` and the fields to ``clear``.

    Returns (date, changes) or raises ValidationError listing every problem. Mood can't be
    cleared: a check-in always has one.
    """
    c = _Collector()
    day = _checkin_day(c, date, today)
    changes: dict[str, Any] = {}
    for name, value in given.items():
        if name in SCALE_MESSAGES:
            number = _scale(c, name, value, required=True)
            if number is not None:
                changes[name] = number
        elif name == "sleep_hours":
            if _blank(value):
                c.add(name, SLEEP_MESSAGE)
            hours = _sleep_hours(c, value)
            if hours is not None:
                changes[name] = hours
        elif name == "note":
            changes[name] = _text(c, "note", value, MAX_NOTE, "The note")
        else:
            raise ValueError(f"not a check-in field: {name}")
    for name in clear:
        if name == "mood":
            c.add("mood", "Mood can't be cleared: a check-in always has one. Delete the check-in instead.")
        elif name in given:
            c.add(name, f"{_FIELD_WORDS[name]} is both given and cleared; choose one.")
        else:
            changes[name] = "" if name == "note" else None
    c.raise_if_any()
    assert day is not None
    return day, changes


_FIELD_WORDS = {
    "mood": "Mood",
    "energy": "Energy",
    "stress": "Stress",
    "sleep_hours": "Sleep",
    "sleep_quality": "Sleep quality",
    "note": "The note",
}


# --- planned activity -------------------------------------------------------------------------


@dataclass
class PlannedActivity(DatedRecord):
    kind: str
    minutes: int
    warmup: int = 0
    time: str | None = None
    with_whom: str = ""
    note: str = ""
    status: str = STATUS_PLANNED
    before: int | None = None
    after: int | None = None
    actual_minutes: int | None = None
    rest_reason: str = ""
    source: str = SOURCE_USER
    program_week: int | None = None
    program_session: int | None = None
    id: str = field(default_factory=new_id)
    created: str = field(default_factory=now_iso)
    updated: str = field(default_factory=now_iso)

    @property
    def label(self) -> str:
        return ACTIVITY_KINDS.get(self.kind, self.kind)

    @property
    def done_minutes(self) -> int:
        """Minutes actually moved (warm-up not counted); 0 unless done."""
        if self.status != STATUS_DONE:
            return 0
        return self.actual_minutes if self.actual_minutes is not None else self.minutes

    def mark_done(self, before: int | None = None, after: int | None = None, minutes: int | None = None) -> None:
        """Ticked off, with how it felt before and after and the minutes actually moved (all optional)."""
        self.reopen()
        self.status = STATUS_DONE
        self.before, self.after, self.actual_minutes = before, after, minutes

    def mark_rest(self, reason: str = "") -> None:
        """Rest instead of this activity; the reason is optional."""
        self.reopen()
        self.status = STATUS_REST
        self.rest_reason = reason

    def reopen(self) -> None:
        """Back to planned: a tick or a rest is undone and what was recorded with it is cleared."""
        self.status = STATUS_PLANNED
        self.before = self.after = self.actual_minutes = None
        self.rest_reason = ""


KIND_MESSAGE = "Activity is one of: " + ", ".join(ACTIVITY_KINDS) + "."
MINUTES_MESSAGE = "Minutes is a whole number from 1 to 1440."
WARMUP_MESSAGE = "Warm-up is a whole number of minutes from 0 to 60."
TIME_MESSAGE = "Time of day is hours and minutes, like 07:30."


def _time_of_day(c: _Collector, value: Any) -> str | None:
    if _blank(value):
        return None
    text = str(value).strip()
    m = re.fullmatch(r"([0-9]{1,2}):([0-9]{2})", text)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        c.add("time", TIME_MESSAGE)
        return None
    return f"{int(m.group(1)):02d}:{m.group(2)}"


def parse_activity(
    *,
    date: Any,
    kind: Any,
    minutes: Any,
    warmup: Any = None,
    time: Any = None,
    with_whom: Any = "",
    note: Any = "",
) -> PlannedActivity:
    """Build a PlannedActivity from raw values, or raise ValidationError listing every problem."""
    c = _Collector()
    day = _date(c, "date", date)
    k = "" if kind is None else str(kind).strip().lower()
    if k not in ACTIVITY_KINDS:
        c.add("kind", KIND_MESSAGE)
    mins = _int_in(c, "minutes", minutes, *MINUTES_RANGE, MINUTES_MESSAGE, required=True)
    if _blank(warmup):
        w: int | None = DEFAULT_WARMUP if k in WARMUP_KINDS else 0
    else:
        w = _int_in(c, "warmup", warmup, *WARMUP_RANGE, WARMUP_MESSAGE)
    t = _time_of_day(c, time)
    who = _text(c, "with_whom", with_whom, MAX_NAME, "The name")
    text = _text(c, "note", note, MAX_NOTE, "The note")
    c.raise_if_any()
    assert day is not None and mins is not None and w is not None
    return PlannedActivity(date=day, kind=k, minutes=mins, warmup=w, time=t, with_whom=who, note=text)


def parse_completion(
    *, before: Any = None, after: Any = None, minutes: Any = None
) -> tuple[int | None, int | None, int | None]:
    """Validate how a done activity felt: (before, after, actual minutes), each optional."""
    c = _Collector()
    b = _scale(c, "before", before)
    a = _scale(c, "after", after)
    m = _int_in(c, "minutes", minutes, *MINUTES_RANGE, MINUTES_MESSAGE)
    c.raise_if_any()
    return b, a, m


# --- journal ----------------------------------------------------------------------------------


@dataclass
class JournalEntry(DatedRecord):
    text: str
    title: str = ""
    activity_id: str | None = None
    id: str = field(default_factory=new_id)
    created: str = field(default_factory=now_iso)
    updated: str = field(default_factory=now_iso)


def journal_text(value: Any) -> str:
    """A reflection's text as it is kept: exactly as written, except that line endings become
    ``\n``, blank lines before the first words and all space after the last go."""
    text = "" if value is None else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n").rstrip()
    return re.sub(r"\A(?:[^\S\n]*\n)+", "", text)


def _control(ch: str) -> bool:
    """A character that steers a terminal rather than showing (tab and new line are fine)."""
    code = ord(ch)
    return (code < 32 and ch not in "\n\t") or 127 <= code < 160


def _journal_day(c: _Collector, date: Any, today: dt.date) -> str | None:
    day = _date(c, "date", date if not _blank(date) else today.isoformat())
    if day is not None and dt.date.fromisoformat(day) > today:
        c.add("date", f"A reflection can't be dated in the future; today is {today.isoformat()}.")
        return None
    return day


def parse_journal_day(*, today: dt.date, date: Any = None) -> dt.date:
    """A reflection's day (today when not given), checked before anything is written."""
    c = _Collector()
    day = _journal_day(c, date, today)
    c.raise_if_any()
    assert day is not None
    return dt.date.fromisoformat(day)


def parse_journal(
    *, today: dt.date, date: Any = None, text: Any, title: Any = "", activity_id: str | None = None
) -> JournalEntry:
    """Build a JournalEntry from raw values, or raise ValidationError listing every problem.

    The text is kept as written (see ``journal_text``): accents, any script, emoji and characters
    such as ``[bold]`` stay exactly as they are.
    """
    c = _Collector()
    day = _journal_day(c, date, today)
    body = journal_text(text)
    if not body:
        c.add("text", "Write a few words first; an empty reflection isn't saved.")
    elif len(body) > MAX_JOURNAL:
        c.add("text", f"A reflection is at most {MAX_JOURNAL:,} characters (this one has {len(body):,}).")
    elif any(_control(ch) for ch in body):
        c.add("text", "The reflection has control characters in it; please remove them.")
    heading = _text(c, "title", title, MAX_NAME, "The title")
    c.raise_if_any()
    assert day is not None
    return JournalEntry(date=day, text=body, title=heading, activity_id=activity_id or None)


# --- settings ---------------------------------------------------------------------------------

GOAL_DAYS_MESSAGE = "The weekly goal is a whole number of days from 1 to 7."


@dataclass
class Settings(Record):
    name: str = ""
    support_contact: str = ""
    goal_days: int = 3
    goal_why: str = ""
    theme: str = DEFAULT_THEME
    welcomed: bool = False
    # The last date the low-mood note was shown, so it shows at most once a day.
    safety_note_shown: str | None = None


def parse_settings(
    current: Settings,
    *,
    name: Any = None,
    support_contact: Any = None,
    goal_days: Any = None,
    goal_why: Any = None,
    theme: Any = None,
) -> Settings:
    """Return a copy of ``current`` with the given fields changed, or raise ValidationError."""
    c = _Collector()
    result = Settings.from_dict(current.to_dict())
    if name is not None:
        result.name = _text(c, "name", name, MAX_NAME, "Your name")
    if support_contact is not None:
        result.support_contact = _text(c, "support_contact", support_contact, 200, "The support contact")
    if goal_days is not None:
        days = _int_in(c, "goal_days", goal_days, *GOAL_DAYS_RANGE, GOAL_DAYS_MESSAGE, required=True)
        if days is not None:
            result.goal_days = days
    if goal_why is not None:
        result.goal_why = _text(c, "goal_why", goal_why, MAX_NOTE, "The goal")
    if theme is not None:
        if theme not in THEMES:
            c.add("theme", "Theme is one of: " + ", ".join(THEMES) + ".")
        else:
            result.theme = theme
    c.raise_if_any()
    return result


# --- helpers ----------------------------------------------------------------------------------


@functools.cache
def _field_names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in fields(cls))


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """The items of ``data`` that are fields of ``cls`` (fields from a newer runmate are ignored)."""
    names = _field_names(cls)
    return {k: v for k, v in data.items() if k in names}


def week_start(day: dt.date) -> dt.date:
    """The Monday of the week holding ``day``."""
    return day - dt.timedelta(days=day.weekday())


def short_id(record_id: str) -> str:
    return record_id[:8]


# The bounds of each record's numeric fields, by record type: what the store checks in the file.
FIELD_BOUNDS: dict[str, dict[str, tuple[int, int]]] = {
    "CheckIn": {
        "mood": SCALE_RANGE,
        "energy": SCALE_RANGE,
        "stress": SCALE_RANGE,
        "sleep_quality": SCALE_RANGE,
        "sleep_hours": SLEEP_RANGE,
    },
    "PlannedActivity": {
        "minutes": MINUTES_RANGE,
        "warmup": WARMUP_RANGE,
        "before": SCALE_RANGE,
        "after": SCALE_RANGE,
        "actual_minutes": MINUTES_RANGE,
    },
    "Settings": {"goal_days": GOAL_DAYS_RANGE},
}
