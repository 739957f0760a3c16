"""Daylio's CSV export, as check-ins, reflections and done activities.

The header is ``full_date,date,weekday,time,mood,activities,note_title,note`` (some versions leave
out ``note_title`` or add columns such as ``scales``; those are ignored). Moods rad, good, meh, bad
and awful are 5 to 1; other mood names need a ``--mood-map``. Times are 12- or 24-hour. Several
entries on one day make one check-in whose mood is the day's latest; each note becomes a
reflection; movement among the activities (separated by ' | ', emoji welcome) becomes a done
activity with its minutes not known. Ids come from what the row holds, so importing the same
file twice adds nothing the second time.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import uuid
from dataclasses import dataclass

from runmate.exchange.incoming import Incoming
from runmate.exchange.kinds import movement_kind
from runmate.models import (
    MAX_NAME,
    STATUS_DONE,
    CheckIn,
    FieldError,
    JournalEntry,
    PlannedActivity,
    ValidationError,
    parse_journal,
    whole_number,
)
from runmate.textsafe import visible
from runmate.validation import CAPACITY_YEARS

MOODS = {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}
REQUIRED = ("full_date", "mood")
_NAMESPACE = uuid.UUID("6b1d3c1e-5a37-4a47-9f0a-2d1f6c0b7d11")


class NotDaylio(ValueError):
    """The file is not a Daylio export; the message says why."""


def looks_like(raw: bytes) -> bool:
    first = raw.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].lower()
    return b"full_date" in first and b"mood" in first


def parse_mood_map(text: str | None) -> dict[str, int]:
    """'fine=3, super=5' as {'fine': 3, 'super': 5}; raises ValidationError naming --mood-map."""
    moods = dict(MOODS)
    if text is None:
        return moods
    for part in text.split(","):
        name, sep, value = part.partition("=")
        number = whole_number(value)
        if not sep or not name.strip() or number is None or not 1 <= number <= 5:
            raise ValidationError(
                [FieldError("--mood-map", "--mood-map is NAME=N pairs with N from 1 to 5, like 'fine=3,super=5'.")]
            )
        moods[name.strip().casefold()] = number
    return moods


def _time(text: str) -> str | None:
    """'8:15 PM', '08:15 pm', '20:15' or '20:15:00' as '20:15'; '' as None. Raises ValueError."""
    value = text.strip().lower().replace(".", "")
    if not value:
        return None
    m = re.fullmatch(r"([0-9]{1,2}):([0-9]{2})(?::[0-9]{2})?\s*(am|pm)?", value)
    if not m:
        raise ValueError(text)
    hour, minute, half = int(m.group(1)), int(m.group(2)), m.group(3)
    if half:
        if not 1 <= hour <= 12:
            raise ValueError(text)
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        raise ValueError(text)
    return f"{hour:02d}:{minute:02d}"


def _id(*parts: str) -> str:
    return uuid.uuid5(_NAMESPACE, "\x1f".join(parts)).hex


@dataclass
class _Entry:
    row: int
    date: str
    time: str | None
    mood: int
    activities: list[str]
    title: str
    note: str


def _note(text: str) -> str:
    return re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE).strip()


# The start of a Daylio row: full_date, then date and weekday (in any language), then more.
_ROW_START = re.compile(r'\s*"?[0-9]{4}-[0-9]{2}-[0-9]{2}"?\s*,[^,\n]*,[^,\n]*,')


def _swallowed(row: dict) -> str | None:
    """The first line inside a cell of ``row`` that reads as the start of a further Daylio row (a
    date, then two more columns), or None. A quote that is never closed makes the rest of the
    file (or up to the next quote) one cell; such a row is reported, never taken in as a note."""
    for value in row.values():
        if not isinstance(value, str) or "\n" not in value:
            continue
        for line in value.splitlines()[1:]:
            if _ROW_START.match(line):
                return line
    return None


def _entry(number: int, row: dict[str, str | None], moods: dict[str, int], today: dt.date) -> _Entry:
    """One row, checked; raises ValueError whose message says what is wrong, in words."""
    swallowed = _swallowed(row)
    if swallowed is not None:
        raise ValueError(
            f"a cell in it holds what reads as further rows ('{visible(swallowed, 40)}'...): a quote (\") in "
            "it may never be closed, so runmate has not taken the rest of the file in as one note"
        )
    date_text = (row.get("full_date") or "").strip()
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", date_text):
            raise ValueError
        day = dt.date.fromisoformat(date_text)
    except ValueError:
        raise ValueError(f"the date '{visible(date_text, 40)}' is not a date written year-month-day") from None
    if day > today:
        raise ValueError(f"the date {date_text} is after today")
    if day.year < 1900:
        raise ValueError(f"the date {date_text} is before the years runmate keeps")
    try:
        time = _time(row.get("time") or "")
    except ValueError:
        raise ValueError(f"the time '{visible(row.get('time') or '', 40)}' is not a time of day") from None
    mood_name = (row.get("mood") or "").strip()
    mood = moods.get(mood_name.casefold())
    if mood is None:
        shown = visible(mood_name, 40)
        if not mood_name:
            raise ValueError("it has no mood")
        raise ValueError(f"the mood '{shown}' is not one runmate knows; say what it means with --mood-map '{shown}=N'")
    activities = [a.strip() for a in (row.get("activities") or "").split("|") if a.strip()]
    return _Entry(
        number,
        day.isoformat(),
        time,
        mood,
        activities,
        (row.get("note_title") or "").strip(),
        _note(row.get("note") or ""),
    )


# Daylio rows runmate reads at most: 50 years of ten entries a day. Counted before anything is
# built (about a second for a million rows), so a file far past it is refused at once.
MAX_ROWS = CAPACITY_YEARS * 366 * 10


def _count_rows(text: str) -> int:
    try:
        return sum(1 for _ in csv.reader(io.StringIO(text, newline=""))) - 1
    except csv.Error:
        return 0  # reported row by row below


def read(raw: bytes, *, moods: dict[str, int], today: dt.date) -> Incoming:
    """The check-ins, reflections and activities of a Daylio export, and the rows that can't come in.

    Raises NotDaylio when the file as a whole is not one.
    """
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotDaylio("it is not UTF-8 text") from None
    rows = _count_rows(text)
    if rows > MAX_ROWS:
        raise NotDaylio(
            f"it holds {rows:,} rows, more than the {MAX_ROWS:,} of {CAPACITY_YEARS} years of Daylio entries runmate "
            "is built for"
        )
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise NotDaylio(f"its first line has no '{missing[0]}' column, so it is not a Daylio export")
    reader.fieldnames = header
    incoming = Incoming()
    entries: list[_Entry] = []
    try:
        for index, row in enumerate(reader):
            number = index + 2  # the header is row 1, as a spreadsheet counts
            try:
                entries.append(_entry(number, row, moods, today))
            except ValueError as problem:
                incoming.problems.append(f"row {number}: {problem}.")
    except csv.Error as error:
        incoming.problems.append(f"row {reader.line_num}: the file is cut short or damaged there ({error}).")
    stamp = CheckIn(date="2000-01-01", mood=3).created
    by_day: dict[str, list[_Entry]] = {}
    for entry in entries:
        by_day.setdefault(entry.date, []).append(entry)
    for day, items in sorted(by_day.items()):
        # Daylio lists the newest first: the latest is the one with the latest time, and of two at
        # the same time (or without times) the one higher up in the file.
        latest = max(items, key=lambda e: (e.time or "", -e.row))
        incoming.checkins.append(
            CheckIn(date=day, mood=latest.mood, id=_id("checkin", day), created=stamp, updated=stamp).to_dict()
        )
        kinds: dict[str, str | None] = {}
        for entry in sorted(items, key=lambda e: (e.time or "", -e.row)):
            for name in entry.activities:
                kind = movement_kind(name)
                if kind is not None and kind not in kinds:
                    kinds[kind] = entry.time
            if entry.note or entry.title:
                _add_note(incoming, entry, today, stamp)
        for kind, time in kinds.items():
            activity = PlannedActivity(
                date=day,
                kind=kind,
                minutes=None,
                warmup=0,
                time=time,
                status=STATUS_DONE,
                id=_id("activity", day, kind),
                created=stamp,
                updated=stamp,
            )
            incoming.activities.append(activity.to_dict())
    return incoming


def _add_note(incoming: Incoming, entry: _Entry, today: dt.date, stamp: str) -> None:
    title, text = entry.title, entry.note
    if not text:
        title, text = "", title
    elif len(title) > MAX_NAME or "\n" in title:
        title, text = "", f"{title}\n\n{text}"
    try:
        parsed = parse_journal(today=today, date=entry.date, text=text, title=title)
    except ValidationError as error:
        incoming.problems.append(f"row {entry.row}: the note can't be kept: {error.errors[0].message}")
        return
    parsed = JournalEntry(
        date=parsed.date,
        text=parsed.text,
        title=parsed.title,
        id=_id("note", entry.date, entry.time or "", parsed.title, parsed.text),
        created=stamp,
        updated=stamp,
    )
    incoming.journal.append(parsed.to_dict())
