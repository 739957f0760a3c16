"""The records an export works on: one locked read of the store, as stored (fields a newer runmate
wrote included), in a stable order, narrowed by dates and kind."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from runmate.store import ACTIVITIES, CHECKINS, JOURNAL, RECORD_TYPES, SETTINGS

if TYPE_CHECKING:
    from runmate.store import Store

KINDS = (CHECKINS, ACTIVITIES, JOURNAL)
Row = dict[str, Any]


def _order(row: Row) -> tuple[str, str, str, str]:
    return (str(row.get("date", "")), str(row.get("time") or "99:99"), str(row.get("created", "")), str(row["id"]))


@dataclass
class Snapshot:
    """Check-ins, activities and reflections as stored (oldest first), and the settings (None when
    none were ever saved)."""

    checkins: list[Row] = field(default_factory=list)
    activities: list[Row] = field(default_factory=list)
    journal: list[Row] = field(default_factory=list)
    settings: Row | None = None

    def rows(self, kind: str) -> list[Row]:
        return {CHECKINS: self.checkins, ACTIVITIES: self.activities, JOURNAL: self.journal}[kind]

    def count(self) -> int:
        return len(self.checkins) + len(self.activities) + len(self.journal)

    def narrowed(self, start: dt.date | None = None, end: dt.date | None = None, kind: str | None = None) -> Snapshot:
        """Only the records dated from ``start`` to ``end`` (inclusive) and of ``kind`` when given.

        Settings belong to no day and no kind: they stay only when nothing narrows the export.
        """
        first = start.isoformat() if start else ""
        last = end.isoformat() if end else "9999-12-31"

        def keep(name: str) -> list[Row]:
            if kind is not None and kind != name:
                return []
            return [r for r in self.rows(name) if first <= r["date"] <= last]

        whole = start is None and end is None and kind is None
        return Snapshot(keep(CHECKINS), keep(ACTIVITIES), keep(JOURNAL), self.settings if whole else None)


def snapshot(store: Store) -> Snapshot:
    """Everything in the store, read once under its lock."""

    def read(tx) -> Snapshot:
        tables = {name: sorted(tx.all(name), key=_order) for name in RECORD_TYPES}
        settings = tx.all(SETTINGS)
        return Snapshot(tables[CHECKINS], tables[ACTIVITIES], tables[JOURNAL], settings[0] if settings else None)

    return store.read(read)
