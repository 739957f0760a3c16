"""Markdown export: a readable diary to read, print or share with a doctor or a friend.

A heading for each day with anything on it (newest last), then that day's check-in, activities
and reflections. Text is shown as written; characters that would steer a terminal are written as
visible escapes, and what Markdown would read as HTML (``<``, ``&``) is escaped so it shows as text.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from runmate import insights, plans
from runmate.exchange.data import Snapshot
from runmate.formatting import long_date
from runmate.models import CheckIn, JournalEntry, PlannedActivity
from runmate.textsafe import visible


def _literal(text: str) -> str:
    """``text`` with what Markdown would read as HTML shown as text instead: ``<`` and ``&`` are
    escaped with a backslash (CommonMark), so a reflection holding ``<img onerror=...>`` or
    ``&lt;`` shows exactly that, and no viewer runs it as markup."""
    return text.replace("\\", "\\\\").replace("<", "\\<").replace("&", "\\&")


def _text(value: str) -> str:
    """One-line text as written (control characters as visible escapes, HTML as text)."""
    return _literal(visible(value))


def _block(text: str) -> list[str]:
    """A reflection as a quote, line by line, each line as written (HTML as text)."""
    return [f"> {_literal(visible(line))}".rstrip() for line in text.split("\n")]


def _checkin(c: CheckIn) -> list[str]:
    bits = insights.checkin_parts(c)
    lines = ["**Check-in:** " + " · ".join(bits)]
    if c.note:
        lines += ["", f"*Note:* {_text(c.note)}"]
    return lines


def _activity(a: PlannedActivity) -> str:
    line = f"- {_text(plans.describe_plan(a))} — {_text(plans.describe_status(a))}"
    if a.note:
        line += f" · *{_text(a.note)}*"
    return line


def _entry(e: JournalEntry) -> list[str]:
    lines = []
    if e.title:
        lines.append(f"**{_text(e.title)}**")
        lines.append("")
    lines += _block(e.text)
    return lines


def render(snap: Snapshot, *, title: str = "runmate diary") -> bytes:
    days: dict[str, dict[str, list]] = defaultdict(lambda: {"c": [], "a": [], "j": []})
    for row in snap.checkins:
        days[row["date"]]["c"].append(CheckIn.from_dict(row))
    for row in snap.activities:
        days[row["date"]]["a"].append(PlannedActivity.from_dict(row))
    for row in snap.journal:
        days[row["date"]]["j"].append(JournalEntry.from_dict(row))
    out = [f"# {title}", ""]
    if not days:
        out += ["Nothing written in these days.", ""]
    for date in sorted(days):
        day = days[date]
        out += [f"## {long_date(dt.date.fromisoformat(date), year=True)}", ""]
        for c in day["c"]:
            out += [*_checkin(c), ""]
        if day["a"]:
            out += ["**Moving:**", ""]
            out += [_activity(a) for a in day["a"]]
            out.append("")
        for e in day["j"]:
            out += [*_entry(e), ""]
    return ("\n".join(out).rstrip("\n") + "\n").encode("utf-8")
