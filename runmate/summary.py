"""What the dashboard shows about today and the last two weeks, as plain data (no I/O)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from runmate.models import STATUS_DONE, CheckIn, PlannedActivity, Settings
from runmate.plans import WeekProgress, week_progress

RECENT_DAYS = 14


@dataclass(frozen=True)
class DayCell:
    date: dt.date
    mood: int | None
    moved: bool


@dataclass
class TodaySummary:
    today: dt.date
    greeting: str
    checkin: CheckIn | None
    activities: list[PlannedActivity] = field(default_factory=list)
    recent: list[DayCell] = field(default_factory=list)
    week: WeekProgress | None = None
    goal_why: str = ""

    @property
    def recent_checkins(self) -> int:
        return sum(1 for c in self.recent if c.mood is not None)

    @property
    def recent_moved_days(self) -> int:
        return sum(1 for c in self.recent if c.moved)


def greeting(settings: Settings) -> str:
    return f"Hello, {settings.name}." if settings.name else "Hello."


def summarize(
    today: dt.date,
    checkins: list[CheckIn],
    activities: list[PlannedActivity],
    settings: Settings,
    days: int = RECENT_DAYS,
) -> TodaySummary:
    """Today's check-in and plan, and one cell per day for the last ``days`` days (today last)."""
    start = today - dt.timedelta(days=days - 1)
    moods = {c.date: c.mood for c in checkins if start.isoformat() <= c.date <= today.isoformat()}
    moved = {a.date for a in activities if a.status == STATUS_DONE}
    cells = []
    for i in range(days):
        day = start + dt.timedelta(days=i)
        key = day.isoformat()
        cells.append(DayCell(day, moods.get(key), key in moved))
    key = today.isoformat()
    return TodaySummary(
        today=today,
        greeting=greeting(settings),
        checkin=next((c for c in checkins if c.date == key), None),
        activities=[a for a in activities if a.date == key],
        recent=cells,
        week=week_progress(activities, today, settings.goal_days),
        goal_why=settings.goal_why,
    )
