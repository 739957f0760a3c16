"""CSV export: one table a file (check-ins, activities, reflections) for a spreadsheet.

A header row, dates as year-month-day, quoting for commas, quotes and line breaks (RFC 4180, with
CRLF between rows) and UTF-8 with a byte-order mark when written to a file, so spreadsheets read
accents and emoji right. Text that a spreadsheet would run as a formula (starting with =, +, -, @,
a tab or a line break, or their full-width forms, after any white space) gets a leading
apostrophe; the JSON export keeps every value exactly.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from typing import Any

from runmate.exchange.data import Row
from runmate.models import CheckIn, JournalEntry, PlannedActivity
from runmate.store import ACTIVITIES, CHECKINS, JOURNAL

BOM = "\ufeff"
# What a spreadsheet may run as a formula: these first, or after any leading white space (spaces,
# a line break, a no-break space...): a spreadsheet skips that when it reads a cell. Full-width
# forms too, which some spreadsheets read as the ASCII ones.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\u2212")


def _columns(cls: type, first: tuple[str, ...]) -> tuple[str, ...]:
    rest = [
        f.name for f in dataclasses.fields(cls) if f.name not in first and f.name not in ("id", "created", "updated")
    ]
    return (*first, *rest, "id", "created", "updated")


COLUMNS: dict[str, tuple[str, ...]] = {
    CHECKINS: _columns(CheckIn, ("date",)),
    ACTIVITIES: _columns(PlannedActivity, ("date", "time", "kind", "minutes", "distance_km", "status")),
    JOURNAL: _columns(JournalEntry, ("date", "title", "text")),
}
FILE_NAMES = {CHECKINS: "checkins.csv", ACTIVITIES: "activities.csv", JOURNAL: "journal.csv"}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_START) or value.lstrip().startswith(FORMULA_START) else value
    return str(value)


def render(kind: str, rows: list[Row], *, bom: bool = False) -> bytes:
    """The CSV of ``rows`` of table ``kind``: a header, then one line a record."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    columns = COLUMNS[kind]
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(name)) for name in columns])
    return ((BOM if bom else "") + out.getvalue()).encode("utf-8")
