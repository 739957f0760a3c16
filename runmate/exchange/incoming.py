"""What an import brings, and how it merges into the store: in one locked write (all of it or
nothing), after a backup, never duplicating an id.

Rules, the same for every format:
- nothing comes in when it would take the folder past the size runmate is built for
  (``validation.CAPACITY``: 50 years, 100,000 reflections);
- a record whose id the data folder already has stays as it is in the folder;
- a day that already has a check-in keeps it;
- settings come in only when none were ever saved here;
- a track (GPX) that is already there (a done activity of its kind on its day, with its distance)
  changes nothing; else it ticks off that day's planned, not yet done activity of its kind, or is
  added as a new done activity.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from runmate.exchange.data import Row
from runmate.models import STATUS_DONE, STATUS_PLANNED, now_iso
from runmate.store import ACTIVITIES, CHECKINS, JOURNAL, SETTINGS
from runmate.validation import CAPACITY, CAPACITY_YEARS

if TYPE_CHECKING:
    from runmate.store import Store, Tx

WORDS = {
    CHECKINS: ("check-in", "check-ins"),
    ACTIVITIES: ("activity", "activities"),
    JOURNAL: ("reflection", "reflections"),
}


def count_words(n: int, kind: str) -> str:
    one, many = WORDS[kind]
    return f"{n} {one if n == 1 else many}"


@dataclass
class Incoming:
    """What a file holds, read and checked, and what is wrong with the rows left out."""

    checkins: list[Row] = field(default_factory=list)
    activities: list[Row] = field(default_factory=list)
    journal: list[Row] = field(default_factory=list)
    settings: Row | None = None
    tracks: list[Row] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def rows(self) -> int:
        return len(self.checkins) + len(self.activities) + len(self.journal) + len(self.tracks) + bool(self.settings)


@dataclass
class Merge:
    """What the import changes: rows to add, activities to tick off, and what stays as it was."""

    add: dict[str, list[Row]] = field(default_factory=lambda: {CHECKINS: [], ACTIVITIES: [], JOURNAL: []})
    ticks: list[Row] = field(default_factory=list)
    settings: Row | None = None
    kept: Counter[str] = field(default_factory=Counter)

    def changes(self) -> int:
        return sum(len(v) for v in self.add.values()) + len(self.ticks) + bool(self.settings)

    def summary(self) -> list[str]:
        """'3 check-ins', '1 activity ticked off', ... in words."""
        parts = [count_words(len(rows), kind) for kind, rows in self.add.items() if rows]
        if self.ticks:
            parts.append(f"{len(self.ticks)} planned {'activity' if len(self.ticks) == 1 else 'activities'} ticked off")
        if self.settings:
            parts.append("your settings")
        return parts

    def kept_summary(self) -> list[str]:
        return [count_words(n, kind) for kind, n in self.kept.items() if n]


def _same_track(row: Row, track: Row) -> bool:
    return (
        row["date"] == track["date"]
        and row["kind"] == track["kind"]
        and row.get("status") == STATUS_DONE
        and row.get("distance_km") is not None
        and row.get("distance_km") == track.get("distance_km")
    )


def plan(tx: Tx, incoming: Incoming) -> Merge:
    """What bringing ``incoming`` in would change, given the data as it is (nothing is written)."""
    merge = Merge()
    for kind in (CHECKINS, ACTIVITIES, JOURNAL):
        current = tx.all(kind)
        ids = {r["id"] for r in current}
        days = {r["date"] for r in current} if kind == CHECKINS else set()
        for row in getattr(incoming, kind):
            if row["id"] in ids or row.get("date") in days:
                merge.kept[kind] += 1
                continue
            ids.add(row["id"])
            if kind == CHECKINS:
                days.add(row["date"])
            merge.add[kind].append(row)
    activities = tx.all(ACTIVITIES) + merge.add[ACTIVITIES]
    ticked: set[str] = set()
    for track in incoming.tracks:
        known = activities + merge.ticks
        if any(r["id"] == track["id"] or _same_track(r, track) for r in known):
            merge.kept[ACTIVITIES] += 1
            continue
        planned = next(
            (
                r
                for r in activities
                if r["date"] == track["date"]
                and r["kind"] == track["kind"]
                and r.get("status") == STATUS_PLANNED
                and r["id"] not in ticked
            ),
            None,
        )
        if planned is None:
            merge.add[ACTIVITIES].append(track)
            activities.append(track)
            continue
        ticked.add(planned["id"])
        done = dict(planned)
        done.update(
            status=STATUS_DONE,
            actual_minutes=track["minutes"],
            distance_km=track["distance_km"],
            rest_reason="",
            time=planned.get("time") or track.get("time"),
            updated=now_iso(),
        )
        merge.ticks.append(done)
    if incoming.settings is not None and not tx.all(SETTINGS):  # settings saved here stay
        merge.settings = incoming.settings
    return merge


def apply(tx: Tx, merge: Merge) -> None:
    for kind, rows in merge.add.items():
        tx.insert_many(kind, rows)
    for row in merge.ticks:
        tx.replace(ACTIVITIES, row)
    if merge.settings is not None:
        tx.put_single(SETTINGS, merge.settings)


class BeyondCapacity(Exception):
    """The import would take the data folder past the size runmate is built for; nothing written."""

    def __init__(self, kind: str, now: int, adding: int, limit: int):
        self.kind, self.now, self.adding, self.limit = kind, now, adding, limit
        many = WORDS[kind][1]
        super().__init__(
            f"This would make {now + adding:,} {many} ({now:,} here and {adding:,} from the file); runmate is "
            f"built for up to {limit:,} {many} (about {CAPACITY_YEARS} years of daily use), and stays quick "
            "there, so nothing was imported."
        )


def check_capacity(tx: Tx, merge: Merge) -> None:
    """Raise BeyondCapacity when ``merge`` would take a table past ``CAPACITY``."""
    for kind, rows in merge.add.items():
        if not rows:
            continue
        now = len(tx.all(kind))
        if now + len(rows) > CAPACITY[kind]:
            raise BeyondCapacity(kind, now, len(rows), CAPACITY[kind])


class NothingToImport(Exception):
    """Everything in the file is already in the data folder; nothing was written."""

    def __init__(self, merge: Merge):
        self.merge = merge
        super().__init__("nothing new")


def bring_in(store: Store, incoming: Incoming, *, dry_run: bool = False) -> Merge:
    """Merge ``incoming`` into the store in one locked write, keeping a backup first; with
    ``dry_run`` only work out what would change. Raises NothingToImport, writing nothing (and
    making no backup), when nothing would change."""

    def look(tx: Tx) -> Merge:
        merge = plan(tx, incoming)
        if not merge.changes():
            raise NothingToImport(merge)
        check_capacity(tx, merge)
        return merge

    if dry_run:
        return store.read(look)

    def change(tx: Tx) -> Merge:
        merge = look(tx)
        apply(tx, merge)
        return merge

    return store.write(change, backup="import")


def as_rows(items: list[Any]) -> list[Row]:
    return [item.to_dict() for item in items]
