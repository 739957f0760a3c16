"""A small, fixed set of records for the export and import tests: every kind, every status, text
with commas, quotes, line breaks, emoji and formula-like starts, and an activity brought in
without its minutes."""

from __future__ import annotations

from runmate.exchange.data import Snapshot
from runmate.models import CheckIn, JournalEntry, PlannedActivity, Settings

STAMP = "2026-03-02T20:15:00+01:00"


def sample() -> Snapshot:
    checkins = [
        CheckIn(
            date="2026-03-02",
            mood=2,
            energy=3,
            stress=4,
            sleep_hours=6.5,
            sleep_quality=2,
            note='tired, "heavy" morning',
            id="c1",
            created=STAMP,
            updated=STAMP,
        ),
        CheckIn(date="2026-03-03", mood=4, note="=1+1 is not a formula here", id="c2", created=STAMP, updated=STAMP),
    ]
    activities = [
        PlannedActivity(
            date="2026-03-02",
            kind="walk",
            minutes=20,
            time="07:30",
            with_whom="Sam",
            status="done",
            before=2,
            after=4,
            actual_minutes=25,
            note="park; sunny, cold",
            id="a1",
            created=STAMP,
            updated=STAMP,
        ),
        PlannedActivity(
            date="2026-03-03",
            kind="run",
            minutes=20,
            warmup=5,
            status="rest",
            rest_reason="knee",
            id="a2",
            created=STAMP,
            updated=STAMP,
        ),
        PlannedActivity(
            date="2026-03-04", kind="yoga", minutes=None, status="done", id="a3", created=STAMP, updated=STAMP
        ),
        PlannedActivity(
            date="2026-03-05",
            kind="run",
            minutes=31,
            time="18:05",
            status="done",
            distance_km=5.24,
            id="a4",
            created=STAMP,
            updated=STAMP,
        ),
        PlannedActivity(date="2026-03-06", kind="swim", minutes=30, id="a5", created=STAMP, updated=STAMP),
    ]
    journal = [
        JournalEntry(
            date="2026-03-02",
            text='Went out anyway. 🌧️\n\nSam said "keep going", so I did, #park',
            activity_id="a1",
            id="j1",
            created=STAMP,
            updated=STAMP,
        ),
        JournalEntry(date="2026-03-04", title="Yoga", text="Slow and kind.", id="j2", created=STAMP, updated=STAMP),
    ]
    settings = Settings(name="Alex", goal_days=3, goal_why="sleep better", welcomed=True)
    return Snapshot(
        [c.to_dict() for c in checkins],
        [a.to_dict() for a in activities],
        [j.to_dict() for j in journal],
        settings.to_dict(),
    )
