"""Store: runmate's records, one method per thing a screen or command reads or changes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tinydb.table import Document

from runmate import plans
from runmate.edits import Edit, same
from runmate.models import CHECKIN_FIELDS, CheckIn, JournalEntry, PlannedActivity, Settings, now_iso
from runmate.store.datafile import DataFile
from runmate.store.errors import AmbiguousId, Conflict, NotEmpty, NotFound, RecordGone
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
        """The check-in of ``day`` (the first stored, should a file hold two), or None."""
        key = day if isinstance(day, str) else day.isoformat()
        found: list[Document] = self.read(lambda tx: tx.find(CHECKINS, date=key))
        first = min(found, key=lambda doc: doc.doc_id) if found else None
        return CheckIn.from_dict(first) if first is not None else None

    def save_checkin(self, checkin: CheckIn) -> tuple[CheckIn, bool]:
        """Save every field of ``checkin`` as that day's check-in. Returns (saved, replaced)."""
        fields = {k: v for k, v in checkin.to_dict().items() if k in CHECKIN_FIELDS}
        return self.edit_checkin(checkin.date, Edit.direct_change(fields))

    def edit_checkin(self, day: dt.date | str, edit: Edit, *, create: bool = True) -> tuple[CheckIn, bool]:
        """Apply ``edit`` to the check-in of ``day`` under the lock. Returns (saved, it existed).

        Only the edit's fields are written; the rest of the stored check-in (and fields a newer
        runmate wrote) stay. Raises Conflict when a changed field was changed elsewhere meanwhile,
        RecordGone when the check-in the form opened on was deleted, and NotFound when there is
        none and ``create`` is false. Nothing is written in those cases.
        """
        key = day if isinstance(day, str) else day.isoformat()

        def op(tx: Tx) -> tuple[CheckIn, bool]:
            rows = sorted(tx.find(CHECKINS, date=key), key=lambda d: d.doc_id)
            if not rows:
                if edit.opened_on is not None:
                    raise RecordGone(f"The check-in for {key} was deleted elsewhere.")
                if not create:
                    raise NotFound(f"There is no check-in for {key}.")
                record = CheckIn.from_dict({"date": key, **edit.changes}).to_dict()
                tx.insert(CHECKINS, record)
                return CheckIn.from_dict(record), False
            tx.remove_docs(CHECKINS, rows[1:])
            return CheckIn.from_dict(_apply(tx, CHECKINS, dict(rows[0]), edit)), True

        return self.write(op)

    def delete_checkin(self, day: dt.date | str) -> bool:
        key = day if isinstance(day, str) else day.isoformat()

        def op(tx: Tx) -> bool:
            found = tx.find(CHECKINS, date=key)
            tx.remove_docs(CHECKINS, found)
            return bool(found)

        return self.write(op)

    # -- activities ----------------------------------------------------------------------------

    def activities(self, start: dt.date | None = None, end: dt.date | None = None) -> list[PlannedActivity]:
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
        self.write(lambda tx: tx.insert_many(ACTIVITIES, (a.to_dict() for a in activities)))

    def update_activity(self, activity_id: str, change: Callable[[PlannedActivity], None]) -> PlannedActivity:
        """Apply ``change`` to the stored activity under the lock and save the fields it changed."""

        def op(tx: Tx) -> PlannedActivity:
            row = tx.get(ACTIVITIES, activity_id)
            if row is None:
                raise NotFound(f"No planned activity with id {visible(activity_id[:8])}.")
            item = PlannedActivity.from_dict(row)
            change(item)
            new = {k: v for k, v in item.to_dict().items() if k in ACTIVITY_FIELDS}
            return PlannedActivity.from_dict(_apply(tx, ACTIVITIES, row, Edit.direct_change(new)))

        return self.write(op)

    def edit_activity(self, activity_id: str, edit: Edit) -> PlannedActivity:
        """Apply ``edit`` to the activity under the lock (see ``edit_checkin``); RecordGone if deleted."""
        return PlannedActivity.from_dict(self._edit_by_id(ACTIVITIES, activity_id, edit, "planned activity"))

    def delete_activity(self, activity_id: str) -> PlannedActivity | None:
        """Delete the activity; returns it as it was when deleted (None when there was none)."""

        def op(tx: Tx) -> PlannedActivity | None:
            row = tx.get(ACTIVITIES, activity_id)
            if row is None:
                return None
            tx.remove(ACTIVITIES, activity_id)
            return PlannedActivity.from_dict(row)

        return self.write(op)

    def restore_activity(self, activity: PlannedActivity) -> bool:
        """Put a deleted activity back exactly as it was, with its id (undoing a delete). False,
        writing nothing, when a record with that id is there already."""

        def op(tx: Tx) -> bool:
            if tx.get(ACTIVITIES, activity.id) is not None:
                return False
            tx.insert(ACTIVITIES, activity.to_dict())
            return True

        return self.write(op)

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
        """All reflections, oldest first."""
        rows = self.read(lambda tx: tx.all(JOURNAL))
        return sorted((JournalEntry.from_dict(r) for r in rows), key=lambda e: (e.date, e.created))

    def journal_entry(self, entry_id: str) -> JournalEntry | None:
        """The reflection with this full id, or None."""
        row = self.read(lambda tx: tx.get(JOURNAL, entry_id))
        return JournalEntry.from_dict(row) if row is not None else None

    def add_journal(self, entry: JournalEntry) -> JournalEntry:
        """Save a new reflection."""
        self.write(lambda tx: tx.insert(JOURNAL, entry.to_dict()))
        return entry

    def edit_journal(self, entry_id: str, edit: Edit) -> JournalEntry:
        """Apply ``edit`` to the reflection under the lock (see ``edit_checkin``).

        Raises RecordGone when the reflection the editor opened on was deleted meanwhile. An edit
        that opened on nothing (``Edit.as_new``, the person chose to save it again) makes it anew.
        """

        def op(tx: Tx) -> JournalEntry:
            current = tx.get(JOURNAL, entry_id)
            if current is None:
                if edit.opened_on is not None or not edit.direct:
                    raise RecordGone("This reflection was deleted elsewhere.")
                record = JournalEntry.from_dict({**edit.changes, "id": entry_id}).to_dict()
                tx.insert(JOURNAL, record)
                return JournalEntry.from_dict(record)
            return JournalEntry.from_dict(_apply(tx, JOURNAL, current, edit))

        return self.write(op)

    def delete_journal(self, entry_id: str) -> bool:
        """Delete the reflection with this full id; False when there was none."""
        return self.write(lambda tx: tx.remove(JOURNAL, entry_id))

    def resolve_journal_id(self, prefix: str) -> str:
        """The full id of the one reflection whose id starts with ``prefix``."""
        return self.resolve_id(JOURNAL, prefix)

    def _edit_by_id(self, table: str, record_id: str, edit: Edit, what: str) -> dict[str, Any]:
        def op(tx: Tx) -> dict[str, Any]:
            current = tx.get(table, record_id)
            if current is None:
                raise RecordGone(f"This {what} was deleted elsewhere.")
            return _apply(tx, table, current, edit)

        return self.write(op)

    # -- settings ------------------------------------------------------------------------------

    def settings(self) -> Settings:
        row = self.read(lambda tx: tx.single(SETTINGS))
        return Settings.from_dict(row) if row is not None else Settings()

    def save_settings(self, settings: Settings) -> Settings:
        """Save every field of ``settings`` (fields a newer runmate wrote stay)."""
        return self.edit_settings(Edit.direct_change(settings.to_dict()))

    def update_settings(self, change: Callable[[Settings], None]) -> Settings:
        """Change settings under the lock; only the fields ``change`` set are written."""

        def op(tx: Tx) -> Settings:
            stored = tx.single(SETTINGS)
            current = stored if stored is not None else Settings().to_dict()
            item = Settings.from_dict(current)
            change(item)
            edit = Edit.direct_change(item.to_dict())
            return Settings.from_dict(_apply(tx, SETTINGS, current, edit, stored=stored is not None))

        return self.write(op)

    def edit_settings(self, edit: Edit) -> Settings:
        """Apply ``edit`` to the settings under the lock (see ``edit_checkin``)."""

        def op(tx: Tx) -> Settings:
            stored = tx.single(SETTINGS)
            current = stored if stored is not None else Settings().to_dict()
            return Settings.from_dict(_apply(tx, SETTINGS, current, edit, stored=stored is not None))

        return self.write(op)

    # -- ids -----------------------------------------------------------------------------------

    def resolve_id(self, table: str, prefix: str) -> str:
        """The full id of the one record in ``table`` whose id starts with ``prefix``.

        A whole id always wins over the longer ids it starts ('a1' is a1, never a1b); otherwise
        the start is compared in any case, so an id written in capitals can be given too."""
        typed = prefix.strip()
        if len(typed) < 1:
            raise NotFound("An id is needed.")
        ids = self.read(lambda tx: [doc["id"] for doc in tx.table(table)])
        if typed in ids:
            return typed
        wanted = typed.casefold()
        whole = [i for i in ids if i.casefold() == wanted]
        if len(whole) == 1:
            return whole[0]
        matches = [i for i in ids if i.casefold().startswith(wanted)]
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
            if any(len(tx.table(name)) for name in (CHECKINS, ACTIVITIES, JOURNAL)):
                raise NotEmpty(f"{self.data_dir} holds check-ins, activities or reflections")
            tx.insert_many(CHECKINS, (c.to_dict() for c in data.checkins))
            tx.insert_many(ACTIVITIES, (a.to_dict() for a in data.activities))
            tx.insert_many(JOURNAL, (j.to_dict() for j in data.journal))
            if not len(tx.table(SETTINGS)):
                tx.insert(SETTINGS, data.settings.to_dict())

        self.write(op)

    def is_empty(self) -> bool:
        """True when there are no check-ins, activities or journal entries."""
        return self.read(lambda tx: not any(len(tx.table(name)) for name in (CHECKINS, ACTIVITIES, JOURNAL)))


ACTIVITY_FIELDS = frozenset(f.name for f in dataclasses.fields(PlannedActivity)) - {"id", "created", "updated"}


def _apply(tx: Tx, table: str, current: dict[str, Any], edit: Edit, *, stored: bool = True) -> dict[str, Any]:
    """Write ``edit`` over ``current`` (a row of ``table``) and return the new row.

    Raises Conflict, writing nothing, when the edit clashes with what ``current`` holds. Only
    changed fields are written: a stored row whose values all stay the same is left untouched.
    """
    clashes = edit.clashes(current)
    if clashes:
        raise Conflict(clashes, dict(current))
    new = dict(current)
    new.update(edit.changes)
    if stored and new.keys() == current.keys() and all(same(new[k], current[k]) for k in new):
        return dict(current)
    if "updated" in current:
        new["updated"] = now_iso()
    if table == SETTINGS:
        tx.put_single(SETTINGS, new)
    else:
        tx.replace(table, new)
    return new
