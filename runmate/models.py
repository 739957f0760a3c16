"""runmate's records as plain dataclasses, with validation in plain words.

No Textual and no TinyDB here. Each record converts to and from a JSON-ready dict.
Parsing functions take raw text (as typed in a form or on the command line) and report
every problem at once, each tied to its field.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Self

from runmate.support import normalise_country
from runmate.validation import (  # noqa: F401  (re-exported: models is where callers find them)
    ACTIVITY_KINDS,
    DATE_RANGE,
    DATE_RANGE_MESSAGE,
    DATE_RANGE_TEXT,
    DAY_HELP_AHEAD,
    DAY_HELP_BACK,
    DAY_WORDS,
    DEFAULT_THEME,
    DEFAULT_WARMUP,
    DISTANCE_RANGE,
    ENERGY_WORDS,
    FEELING_WORDS,
    GOAL_DAYS_RANGE,
    LINE_BREAKS,
    MAX_JOURNAL,
    MAX_NAME,
    MAX_NOTE,
    MINUTES_RANGE,
    MOOD_WORDS,
    SCALE_MESSAGES,
    SCALE_RANGE,
    SCALE_WORDS,
    SLEEP_QUALITY_WORDS,
    SLEEP_RANGE,
    SOURCE_STARTER,
    SOURCE_USER,
    STATUS_DONE,
    STATUS_PLANNED,
    STATUS_REST,
    STATUSES,
    STRESS_WORDS,
    THEMES,
    WARMUP_KINDS,
    WARMUP_RANGE,
    FieldError,
    ValidationError,
    _blank,
    _Collector,
    _date,
    _int_in,
    _scale,
    _text,
    date_out_of_range,
    day_from_words,
    day_message,
    decimal_number,
    in_date_range,
    new_id,
    now_iso,
    parse_date,
    parse_day,
    text_problem,
    weekday_index,
    whole_number,
)

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
    day = _date(c, "date", date if not _blank(date) else today.isoformat(), today=today, back=True)
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
    # None: not known (an activity brought in from elsewhere, such as Daylio, without its length).
    # Forms and commands always ask for minutes; an unknown length counts as an active day only.
    minutes: int | None
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
    # Kilometres moved, when known (from a GPX track); shown where minutes are shown.
    distance_km: float | None = None
    id: str = field(default_factory=new_id)
    created: str = field(default_factory=now_iso)
    updated: str = field(default_factory=now_iso)

    @property
    def label(self) -> str:
        return ACTIVITY_KINDS.get(self.kind, self.kind)

    @property
    def done_minutes(self) -> int:
        """Minutes actually moved (warm-up not counted); 0 unless done, or when not known."""
        if self.status != STATUS_DONE:
            return 0
        if self.actual_minutes is not None:
            return self.actual_minutes
        return self.minutes or 0

    @property
    def shown_minutes(self) -> int | None:
        """The minutes to show: those actually moved when done and given, else as planned (None: not known)."""
        if self.status == STATUS_DONE and self.actual_minutes is not None:
            return self.actual_minutes
        return self.minutes

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
    minutes_optional: bool = False,
    today: dt.date | None = None,
    back: bool = False,
) -> PlannedActivity:
    """Build a PlannedActivity from raw values, or raise ValidationError listing every problem.

    Minutes are required, except with ``minutes_optional`` (changing an activity brought in from
    elsewhere whose minutes are not known: they may stay unknown). With ``today``, the day may also
    be typed as a word (``parse_day``): a weekday is the next one on or after today, or with
    ``back`` (logging what was already done) the last one."""
    c = _Collector()
    day = _date(c, "date", date, today=today, back=back)
    k = "" if kind is None else str(kind).strip().lower()
    if k not in ACTIVITY_KINDS:
        c.add("kind", KIND_MESSAGE)
    mins = _int_in(c, "minutes", minutes, *MINUTES_RANGE, MINUTES_MESSAGE, required=not minutes_optional)
    if _blank(warmup):
        w: int | None = DEFAULT_WARMUP if k in WARMUP_KINDS else 0
    else:
        w = _int_in(c, "warmup", warmup, *WARMUP_RANGE, WARMUP_MESSAGE)
    t = _time_of_day(c, time)
    who = _text(c, "with_whom", with_whom, MAX_NAME, "The name")
    text = _text(c, "note", note, MAX_NOTE, "The note")
    c.raise_if_any()
    assert day is not None and (mins is not None or minutes_optional) and w is not None
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
    day = _date(c, "date", date if not _blank(date) else today.isoformat(), today=today, back=True)
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
COUNTRY_MESSAGE = "Write your country as two letters, like GB or US, or leave it empty."


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
    # Where the person lives, for the crisis line runmate shows (runmate.support): an ISO code
    # such as "GB", chosen by the person ("" until they choose; never set from the locale alone).
    country: str = ""
    # A line of the person's own to call on a hard day (a helpline they trust, say).
    own_line: str = ""
    # The day the person hid the low-mood note with n: hidden for the rest of that day.
    safety_note_hidden: str | None = None


def parse_settings(
    current: Settings,
    *,
    name: Any = None,
    support_contact: Any = None,
    goal_days: Any = None,
    goal_why: Any = None,
    theme: Any = None,
    country: Any = None,
    own_line: Any = None,
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
    if country is not None:
        code = normalise_country(country) if isinstance(country, str) else None
        if code is None:
            c.add("country", COUNTRY_MESSAGE)
        else:
            result.country = code
    if own_line is not None:
        result.own_line = _text(c, "own_line", own_line, 200, "Your own line")
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
    if data.keys() <= names:
        return data  # the usual case, kept quick: ten years of records are read at every start
    return {k: v for k, v in data.items() if k in names}


def week_start(day: dt.date) -> dt.date:
    """The Monday of the week holding ``day``."""
    return day - dt.timedelta(days=day.weekday())


def short_id(record_id: str) -> str:
    return record_id[:8]


# The bounds of each record's numeric fields, by record type: what the store checks in the file.
FIELD_BOUNDS: dict[str, dict[str, tuple[float, float]]] = {
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
        "distance_km": DISTANCE_RANGE,
    },
    "Settings": {"goal_days": GOAL_DAYS_RANGE},
}
