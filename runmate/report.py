"""The summary for the doctor, as plain data: the period, the days with a check-in, each day's
mood, energy, stress and sleep (None where nothing was noted: a gap, never a zero), the weekly
averages, movement against the weekly goal, the "does moving help me?" figures with their numbers
of days, and the days the low-mood note was due. Notes and reflections only when asked for.

Pure functions from records to numbers, reusing ``stats`` and ``insights``; no I/O, no Textual,
no PDF (``report_pdf`` draws it). It holds figures and the person's own words, never a diagnosis,
a label or a score from a questionnaire.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from runmate import insights, stats
from runmate.models import STATUS_DONE, CheckIn, JournalEntry, PlannedActivity, Settings

DEFAULT_DAYS = 28  # the last 4 weeks, today included
CHART_FIELDS = ("mood", "energy", "stress", "sleep_hours")


def default_period(today: dt.date) -> tuple[dt.date, dt.date]:
    """The last 4 weeks, ending today."""
    return today - dt.timedelta(days=DEFAULT_DAYS - 1), today


@dataclass(frozen=True)
class Week:
    """One Monday-to-Sunday week, cut to the period at either end (``days`` says how much of it)."""

    monday: dt.date
    days: int  # days of this week inside the period
    checkins: int
    mood: float | None
    energy: float | None
    stress: float | None
    sleep_hours: float | None
    minutes: int  # minutes moved (done activities; actual minutes where noted)
    active_days: int
    goal_days: int

    @property
    def goal_met(self) -> bool:
        return self.active_days >= self.goal_days


@dataclass(frozen=True)
class DayNote:
    day: dt.date
    text: str
    title: str = ""


@dataclass
class Report:
    first: dt.date
    last: dt.date
    made_on: dt.date
    name: str
    goal_days: int
    checkin_days: int
    series: dict[str, list[float | None]]  # one value per day, first to last; None: nothing noted
    weeks: list[Week]
    moving: stats.MovingHelp
    low_mood_days: list[dt.date]
    minutes: int
    active_days: int
    notes: list[DayNote] = field(default_factory=list)  # check-in notes, when asked for
    reflections: list[DayNote] = field(default_factory=list)  # journal entries, when asked for
    with_notes: bool = False

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def day(self, index: int) -> dt.date:
        return self.first + dt.timedelta(days=index)


def build_report(
    checkins: Iterable[CheckIn],
    activities: Iterable[PlannedActivity],
    entries: Iterable[JournalEntry],
    settings: Settings,
    first: dt.date,
    last: dt.date,
    made_on: dt.date,
    *,
    with_notes: bool = False,
) -> Report:
    """The report of ``first`` to ``last`` inclusive. ``entries`` are read only ``with_notes``."""
    checkins = checkins if isinstance(checkins, list) else list(checkins)
    activities = activities if isinstance(activities, list) else list(activities)
    by_day = stats.checkins_between(checkins, first, last)
    kinds = stats.day_kinds(activities)
    a, b = first.isoformat(), last.isoformat()
    done = [x for x in activities if x.status == STATUS_DONE and a <= x.date <= b]
    minutes_by_day: dict[dt.date, int] = {}
    for x in done:
        day = dt.date.fromisoformat(x.date)
        minutes_by_day[day] = minutes_by_day.get(day, 0) + stats.counted_minutes(x)
    active = {d for d, kind in kinds.items() if kind == stats.ACTIVE and first <= d <= last}
    series = {name: stats.daily_series(by_day, first, last, name) for name in CHART_FIELDS}
    weeks = []
    monday = first - dt.timedelta(days=first.weekday())
    while monday <= last:
        days = [monday + dt.timedelta(days=i) for i in range(7)]
        inside = [d for d in days if first <= d <= last]
        week_checkins = [by_day[d] for d in inside if d in by_day]

        def avg(name: str, rows: list[CheckIn] = week_checkins) -> float | None:
            return stats.mean_of([float(v) for c in rows if (v := getattr(c, name)) is not None])

        weeks.append(
            Week(
                monday=monday,
                days=len(inside),
                checkins=len(week_checkins),
                mood=avg("mood"),
                energy=avg("energy"),
                stress=avg("stress"),
                sleep_hours=avg("sleep_hours"),
                minutes=sum(minutes_by_day.get(d, 0) for d in inside),
                active_days=sum(1 for d in inside if d in active),
                goal_days=settings.goal_days,
            )
        )
        monday += dt.timedelta(days=7)
    notes: list[DayNote] = []
    reflections: list[DayNote] = []
    if with_notes:
        notes = [DayNote(d, c.note) for d, c in sorted(by_day.items()) if c.note]
        reflections = sorted(
            (DayNote(dt.date.fromisoformat(e.date), e.text, e.title) for e in entries if a <= e.date <= b),
            key=lambda n: n.day,
        )
    return Report(
        first=first,
        last=last,
        made_on=made_on,
        name=settings.name,
        goal_days=settings.goal_days,
        checkin_days=len(by_day),
        series=series,
        weeks=weeks,
        moving=stats.moving_help(list(by_day.values()), done, first, last, kinds=kinds),
        low_mood_days=insights.low_mood_days(checkins, first, last),
        minutes=sum(minutes_by_day.values()),
        active_days=len(active),
        notes=notes,
        reflections=reflections,
        with_notes=with_notes,
    )
