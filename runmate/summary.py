"""What the dashboard shows: today, the trend series, the calendar and the figures, as plain data (no I/O)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from runmate import insights, stats
from runmate.models import STATUS_DONE, CheckIn, JournalEntry, PlannedActivity, Settings
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


# --- everything the dashboard shows -------------------------------------------------------------

TREND_DAYS = 365  # the trend charts show the last 30, 90 or 365 days of this
TREND_FIELDS = ("mood", "sleep_hours", "sleep_quality")


@dataclass
class DashboardData:
    """What one read gives the dashboard: today, the figures, the day series behind the trend
    charts (``TREND_DAYS`` days ending today), the calendar's moods and active days, and the calm
    safety note when the low-mood rule holds."""

    summary: TodaySummary
    line: str
    figures: stats.Figures
    series: dict[str, list[float | None]]
    moods: dict[dt.date, int]
    active: frozenset[dt.date]
    safety: str | None


def dashboard_data(
    today: dt.date, checkins: list[CheckIn], activities: list[PlannedActivity], settings: Settings
) -> DashboardData:
    summary = summarize(today, checkins, activities, settings)
    figures = stats.figures(checkins, activities, settings.goal_days, today)
    by_day = figures.checkins_by_day
    start = today - dt.timedelta(days=TREND_DAYS - 1)
    series = {name: stats.daily_series(by_day, start, today, name) for name in TREND_FIELDS}
    moods = {day: c.mood for day, c in by_day.items() if day <= today}
    active = frozenset(day for day, kind in figures.kinds.items() if kind == stats.ACTIVE and day <= today)
    week = summary.week
    line = insights.today_line(
        summary.checkin, summary.activities, today, week.days_done if week else 0, settings.goal_days
    )
    pattern = insights.low_mood_pattern(checkins, today)
    hidden = insights.note_hidden_today(settings, today)  # hidden with n: back tomorrow
    safety = insights.safety_note_for(pattern, settings) if pattern is not None and not hidden else None
    return DashboardData(summary, line, figures, series, moods, active, safety)


@dataclass(frozen=True)
class DayRecords:
    """Everything kept about one day: its check-in, its activities and its reflections."""

    day: dt.date
    checkin: CheckIn | None
    activities: list[PlannedActivity]
    reflections: list[JournalEntry]


def day_records(
    day: dt.date, checkins: list[CheckIn], activities: list[PlannedActivity], entries: list[JournalEntry]
) -> DayRecords:
    key = day.isoformat()
    return DayRecords(
        day,
        next((c for c in checkins if c.date == key), None),
        [a for a in activities if a.date == key],
        sorted((e for e in entries if e.date == key), key=lambda e: e.created),
    )
