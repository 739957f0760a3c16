"""Store: runmate's records, one method per thing a screen or command reads or changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from runmate import plans
from runmate.models import CheckIn, JournalEntry, PlannedActivity, Settings, now_iso
from runmate.store.datafile import DataFile
from runmate.store.errors import AmbiguousId, NotEmpty, NotFound
from runmate.store.schema import ACTIVITIES, CHECKINS, JOURNAL, SETTINGS
from runmate.store.transaction import Tx
from runmate.textsafe import visible

# How much of a typed id a message repeats.
SHOWN_ID = 40

if TYPE_CHECKING:
    from runmate.demo import DemoData


class Store(DataFile):
    """runmate's data in one TinyDB JSON file inside ``data_dir``."""

    # -- check-ins -----------------------------------------------------------------------------

    def checkins(self) -> list[CheckIn]:
        """All check-ins, oldest first."""
        rows = self.read(lambda tx: tx.all(CHECKINS))
        return sorted((CheckIn.from_dict(r) for r in rows), key=lambda c: c.date)

    def checkin_on(self, day: dt.date | str) -> CheckIn | None:
        key = day if isinstance(day, str) else day.isoformat()
        return next((c for c in self.checkins() if c.date == key), None)

    def save_checkin(self, checkin: CheckIn) -> tuple[CheckIn, bool]:
        """Save a check-in, replacing any on the same date. Returns (saved, replaced)."""

        def op(tx: Tx) -> tuple[CheckIn, bool]:
            existing = [r for r in tx.all(CHECKINS) if r["date"] == checkin.date]
            record = CheckIn.from_dict(checkin.to_dict())
            record.updated = now_iso()
            if existing:
                record.id = existing[0]["id"]
                record.created = existing[0].get("created", record.created)
                for extra in existing[1:]:
                    tx.remove(CHECKINS, extra["id"])
                tx.replace(CHECKINS, record.to_dict())
            else:
                tx.insert(CHECKINS, record.to_dict())
            return record, bool(existing)

        return self.write(op)

    def delete_checkin(self, day: dt.date | str) -> bool:
        key = day if isinstance(day, str) else day.isoformat()

        def op(tx: Tx) -> bool:
            found = [r for r in tx.all(CHECKINS) if r["date"] == key]
            for r in found:
                tx.remove(CHECKINS, r["id"])
            return bool(found)

        return self.write(op)

    # -- activities ----------------------------------------------------------------------------

    def activities(
        self, start: dt.date | None = None, end: dt.date | None = None
    ) -> list[PlannedActivity]:
        """Activities between ``start`` and ``end`` inclusive (all when not given), by date and time."""
        rows = self.read(lambda tx: tx.all(ACTIVITIES))
        items = [PlannedActivity.from_dict(r) for r in rows]
        if start is not None:
            items = [a for a in items if a.date >= start.isoformat()]
        if end is not None:
            items = [a for a in items if a.date <= end.isoformat()]
        return sorted(items, key=lambda a: (a.date, a.time or "99:99", a.created, a.id))

    def add_activity(self, activity: PlannedActivity) -> PlannedActivity:
        self.write(lambda tx: tx.insert(ACTIVITIES, activity.to_dict()))
        return activity

    def add_activities(self, activities: list[PlannedActivity]) -> None:
        self.write(
            lambda tx: tx.insert_many(ACTIVITIES, (a.to_dict() for a in activities))
        )

    def update_activity(
        self, activity_id: str, change: Callable[[PlannedActivity], None]
    ) -> PlannedActivity:
        """Apply ``change`` to the stored activity under the lock and save it."""

        def op(tx: Tx) -> PlannedActivity:
            row = tx.get(ACTIVITIES, activity_id)
            if row is None:
                raise NotFound(f"No planned activity with id {visible(activity_id[:8])}.")
            item = PlannedActivity.from_dict(row)
            change(item)
            item.updated = now_iso()
            tx.replace(ACTIVITIES, item.to_dict())
            return item

        return self.write(op)

    def delete_activity(self, activity_id: str) -> bool:
        return self.write(lambda tx: tx.remove(ACTIVITIES, activity_id))

    def start_program(
        self, *, today: dt.date, start: dt.date | None, first_week: int, replace: bool
    ) -> plans.StarterRestart:
        """Start the walk/run starter program in one locked read-modify-write, so two starts at
        once never duplicate sessions.

        Unless ``replace`` is true it raises ``plans.StarterAlreadyPlanned``, having written
        nothing, when coming sessions of the program would be replaced.
        """

        def op(tx: Tx) -> plans.StarterRestart:
            existing = [PlannedActivity.from_dict(row) for row in tx.all(ACTIVITIES)]
            change = plans.plan_starter(existing, today=today, start=start, first_week=first_week)
            if change.remove_ids and not replace:
                raise plans.StarterAlreadyPlanned(len(change.remove_ids))
            for record_id in change.remove_ids:
                tx.remove(ACTIVITIES, record_id)
            tx.insert_many(ACTIVITIES, (a.to_dict() for a in change.add))
            return change

        return self.write(op)

    def resolve_activity_id(self, prefix: str) -> str:
        """The full id of the one activity whose id starts with ``prefix``."""
        return self.resolve_id(ACTIVITIES, prefix)

    # -- journal -------------------------------------------------------------------------------

    def journal(self) -> list[JournalEntry]:
        rows = self.read(lambda tx: tx.all(JOURNAL))
        return sorted(
            (JournalEntry.from_dict(r) for r in rows), key=lambda e: (e.date, e.created)
        )

    def save_journal(self, entry: JournalEntry) -> JournalEntry:
        """Insert a new entry, or replace the one with the same id."""

        def op(tx: Tx) -> JournalEntry:
            entry.updated = now_iso()
            if tx.get(JOURNAL, entry.id) is None:
                tx.insert(JOURNAL, entry.to_dict())
            else:
                tx.replace(JOURNAL, entry.to_dict())
            return entry

        return self.write(op)

    # -- settings ------------------------------------------------------------------------------

    def settings(self) -> Settings:
        rows = self.read(lambda tx: tx.all(SETTINGS))
        return Settings.from_dict(rows[0]) if rows else Settings()

    def save_settings(self, settings: Settings) -> Settings:
        def op(tx: Tx) -> Settings:
            tx.table(SETTINGS).truncate()
            tx.insert(SETTINGS, settings.to_dict())
            return settings

        return self.write(op)

    def update_settings(self, change: Callable[[Settings], None]) -> Settings:
        """Change settings under the lock, so a concurrent change to another field is kept."""

        def op(tx: Tx) -> Settings:
            rows = tx.all(SETTINGS)
            current = Settings.from_dict(rows[0]) if rows else Settings()
            change(current)
            tx.table(SETTINGS).truncate()
            tx.insert(SETTINGS, current.to_dict())
            return current

        return self.write(op)

    # -- ids -----------------------------------------------------------------------------------

    def resolve_id(self, table: str, prefix: str) -> str:
        """The full id of the one record in ``table`` whose id starts with ``prefix``."""
        wanted = prefix.strip().lower()
        if len(wanted) < 1:
            raise NotFound("An id is needed.")
        ids = self.read(lambda tx: [r["id"] for r in tx.all(table)])
        matches = [i for i in ids if i.startswith(wanted)]
        if not matches:
            raise NotFound(f"No record has an id starting with '{visible(prefix.strip(), SHOWN_ID)}'.")
        if len(matches) > 1:
            raise AmbiguousId(
                f"More than one record has an id starting with '{visible(prefix.strip(), SHOWN_ID)}'; give a few more characters."
            )
        return matches[0]

    def fill_demo(self, data: DemoData) -> None:
        """Write demo ``data`` in one go; raises NotEmpty, writing nothing, if any records exist.

        Settings someone already chose are kept.
        """

        def op(tx: Tx) -> None:
            if any(tx.all(name) for name in (CHECKINS, ACTIVITIES, JOURNAL)):
                raise NotEmpty(f"{self.data_dir} holds check-ins, activities or reflections")
            tx.insert_many(CHECKINS, (c.to_dict() for c in data.checkins))
            tx.insert_many(ACTIVITIES, (a.to_dict() for a in data.activities))
            tx.insert_many(JOURNAL, (j.to_dict() for j in data.journal))
            if not tx.all(SETTINGS):
                tx.insert(SETTINGS, data.settings.to_dict())

        self.write(op)

    def is_empty(self) -> bool:
        """True when there are no check-ins, activities or journal entries."""
        return self.read(
            lambda tx: not any(tx.all(name) for name in (CHECKINS, ACTIVITIES, JOURNAL))
        )
