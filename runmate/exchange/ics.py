"""iCalendar export (RFC 5545): planned and done activities as calendar events.

Rest days are left out. An activity with a time of day is a timed event in local time (floating
time: it stays at 07:30 wherever the calendar is), lasting its warm-up and minutes (half an hour
when the minutes are not known); one without a time is an all-day event. Each event's UID comes
from the activity's id, so importing the file again into a calendar updates its events rather
than adding them twice; DTSTAMP is when the activity last changed, so the same data gives the
same file.
"""

from __future__ import annotations

import datetime as dt

from runmate import plans
from runmate.exchange.data import Snapshot
from runmate.models import STATUS_DONE, STATUS_REST, PlannedActivity
from runmate.textsafe import visible

UNKNOWN_LENGTH = 30  # minutes an event lasts when the activity's minutes are not known
UID_DOMAIN = "runmate.local"


def escape(text: str) -> str:
    """TEXT as RFC 5545 writes it: backslash, semicolon, comma and line breaks escaped; other
    control characters as visible escapes (a calendar shows no control characters)."""
    text = "".join(ch if ch == "\n" else visible(ch) for ch in text.replace("\r\n", "\n"))
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets, never inside a character."""
    out: list[str] = []
    current, size, limit = "", 0, 75
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += ch
        size += width
    out.append(current)
    return "\r\n".join(out)


def _stamp(value: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        moment = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _description(a: PlannedActivity) -> str:
    lines = []
    if a.status == STATUS_DONE:
        lines.append(plans.describe_status(a).capitalize() + ".")
    else:
        lines.append("Planned.")
    if a.note:
        lines.append(a.note)
    return "\n".join(lines)


def _uid(record_id: str) -> str:
    """The event's UID from the activity's id: as it is when in the documented alphabet, else one
    made from it (the same each time): an id holding a line break must never start a new line."""
    from runmate.validation import is_good_id, renamed_id

    return record_id if is_good_id(record_id) else renamed_id("activities", record_id)


def event(a: PlannedActivity) -> list[str]:
    day = dt.date.fromisoformat(a.date)
    summary = plans.describe_plan(a) + (" (done)" if a.status == STATUS_DONE else "")
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_uid(a.id)}@{UID_DOMAIN}",
        f"DTSTAMP:{_stamp(a.updated)}",
    ]
    if a.time:
        hour, minute = (int(x) for x in a.time.split(":"))
        start = dt.datetime.combine(day, dt.time(hour, minute))
        length = (a.shown_minutes or UNKNOWN_LENGTH) + a.warmup
        end = start + dt.timedelta(minutes=length)
        lines += [f"DTSTART:{start:%Y%m%dT%H%M%S}", f"DTEND:{end:%Y%m%dT%H%M%S}"]
    else:
        lines += [f"DTSTART;VALUE=DATE:{day:%Y%m%d}", f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}"]
    lines += [
        f"SUMMARY:{escape(summary)}",
        f"DESCRIPTION:{escape(_description(a))}",
        "TRANSP:TRANSPARENT" if not a.time else "TRANSP:OPAQUE",
        "END:VEVENT",
    ]
    return lines


def render(snap: Snapshot) -> bytes:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//runmate//runmate//EN",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:runmate",
    ]
    for row in snap.activities:
        activity = PlannedActivity.from_dict(row)
        if activity.status == STATUS_REST:
            continue
        lines += event(activity)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines).encode("utf-8")
