"""The figures behind the dashboard and ``runmate stats``: active, rest and plain days, the
consistency score, weeks that met the goal, "does moving help me?", daily series and calendar cells.

Pure functions only: no I/O, no Textual, no TinyDB; ``today`` is always a parameter. Records are
indexed by day once (dicts), so ten years of data take a few milliseconds, not a scan a day.

Definitions (issue 10):
- an **active day** has at least one done activity; a **rest day** has none done and at least one
  set to rest; any other day is **plain**;
- the **first recorded day** is the earliest date with a check-in or an activity in any state;
- **minutes** are actual minutes, else planned minutes; warm-ups never count; unknown minutes
  (None, from an import) count as 0, and the activity still makes its day active when done;
- the **consistency score** is Loop Habit Tracker's habit strength for a yes/no habit, with the
  current weekly goal applied to the whole history (see ``consistency_series``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from runmate.models import STATUS_DONE, STATUS_REST, CheckIn, PlannedActivity

ACTIVE, REST, PLAIN = "active", "rest", "plain"

PATTERN_NOTE = "A pattern in your own data, not proof."
MIN_DAYS_SHOWN = 3  # each side of a comparison needs at least this many days to be shown
MOVING_DAYS = 90  # the dashboard's "does moving help me?" looks at the last 90 days
TREND_WEEKS = 8
MAX_STATUS = 120  # the most characters of runmate status's line
SERIES_FIELDS = ("mood", "sleep_hours", "sleep_quality", "energy", "stress")

_DAY = dt.timedelta(days=1)


# --- days ---------------------------------------------------------------------------------------


def day_kinds(activities: Iterable[PlannedActivity]) -> dict[dt.date, str]:
    """ACTIVE for days with a done activity, REST for days with none done and one set to rest.

    Days not in the dict are PLAIN.
    """
    done: set[str] = set()
    rest: set[str] = set()
    for a in activities:
        if a.status == STATUS_DONE:
            done.add(a.date)
        elif a.status == STATUS_REST:
            rest.add(a.date)
    kinds = {dt.date.fromisoformat(d): REST for d in rest - done}
    kinds.update((dt.date.fromisoformat(d), ACTIVE) for d in done)
    return kinds


def first_recorded_day(checkins: Iterable[CheckIn], activities: Iterable[PlannedActivity]) -> dt.date | None:
    """The earliest date with a check-in or an activity in any state, or None when there are none."""
    first = min((c.date for c in checkins), default=None)
    first_activity = min((a.date for a in activities), default=None)
    if first is None or (first_activity is not None and first_activity < first):
        first = first_activity
    return dt.date.fromisoformat(first) if first is not None else None


def counted_minutes(activity: PlannedActivity) -> int:
    """Actual minutes, else planned minutes; the warm-up never counts; unknown minutes count as 0."""
    if activity.actual_minutes is not None:
        return activity.actual_minutes
    return activity.minutes or 0


# --- the consistency score (Loop Habit Tracker's habit strength) --------------------------------


def loop_frequency(goal_days: int) -> tuple[int, int]:
    """The goal as Loop's frequency num/den: g days a week is g/7, 7 days is 1/1, and a frequency
    below 1 is doubled (3/7 becomes 6/14) to smooth out weeks done on different days."""
    goal = min(7, max(1, int(goal_days)))
    if goal == 7:
        return 1, 1
    return 2 * goal, 14


def loop_multiplier(goal_days: int) -> float:
    """m = 0.5 ** (sqrt(num / den) / 13): how much of yesterday's score each day keeps."""
    num, den = loop_frequency(goal_days)
    return 0.5 ** (math.sqrt(num / den) / 13)


def _scores(kinds: Mapping[dt.date, str], first: dt.date, today: dt.date, goal_days: int) -> list[float]:
    """The score of each day from ``first`` to ``today``, oldest first."""
    n = (today - first).days + 1
    if n <= 0:
        return []
    active = [False] * n
    rest = [False] * n
    for day, kind in kinds.items():
        i = (day - first).days
        if 0 <= i < n:
            if kind == ACTIVE:
                active[i] = True
            elif kind == REST:
                rest[i] = True
    num, den = loop_frequency(goal_days)
    m = loop_multiplier(goal_days)
    score = 0.0
    done = 0  # active days among the last ``den`` days, this one included
    out = [0.0] * n
    for i in range(n):
        if active[i]:
            done += 1
        if i >= den and active[i - den]:
            done -= 1
        if not rest[i]:
            score = score * m + min(1.0, done / num) * (1 - m)
        out[i] = score
    return out


def consistency_series(
    kinds: Mapping[dt.date, str], first: dt.date | None, today: dt.date, goal_days: int
) -> list[tuple[dt.date, float]]:
    """Loop Habit Tracker's habit strength, one value per day from ``first`` to ``today``.

    Walking the days oldest first, with done = the active days among the last den days (this one
    included): a rest day keeps the score; any other day gives score * m + min(1, done / num) * (1 - m).
    It starts at 0, so one quiet week barely dents a score built over months, and it never resets.
    Empty when ``first`` is None or after ``today``.
    """
    if first is None:
        return []
    scores = _scores(kinds, first, today, goal_days)
    return [(first + dt.timedelta(days=i), s) for i, s in enumerate(scores)]


def consistency_score(kinds: Mapping[dt.date, str], first: dt.date | None, today: dt.date, goal_days: int) -> float:
    """The score as of ``today`` (0.0 when there is nothing yet)."""
    if first is None:
        return 0.0
    scores = _scores(kinds, first, today, goal_days)
    return scores[-1] if scores else 0.0


# --- weeks that met the goal --------------------------------------------------------------------


@dataclass(frozen=True)
class WeekGoal:
    week_start: dt.date  # a Monday
    active_days: int
    met: bool  # active_days >= goal_days


def _complete_weeks(first: dt.date | None, today: dt.date, weeks: int) -> list[dt.date]:
    """The Mondays of the last ``weeks`` complete weeks before this one, oldest first, leaving out
    weeks that end before ``first``."""
    if first is None:
        return []
    this_monday = today - dt.timedelta(days=today.weekday())
    mondays = [this_monday - dt.timedelta(weeks=k) for k in range(weeks, 0, -1)]
    return [m for m in mondays if m + dt.timedelta(days=6) >= first]


def weeks_goal(
    kinds: Mapping[dt.date, str], first: dt.date | None, today: dt.date, goal_days: int, weeks: int = TREND_WEEKS
) -> list[WeekGoal]:
    """The last ``weeks`` complete Monday-Sunday weeks before the current week, oldest first,
    leaving out weeks that end before ``first``."""
    result = []
    for monday in _complete_weeks(first, today, weeks):
        count = sum(1 for i in range(7) if kinds.get(monday + dt.timedelta(days=i)) == ACTIVE)
        result.append(WeekGoal(monday, count, count >= goal_days))
    return result


# --- does moving help me? -----------------------------------------------------------------------


def mean_of(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def one_decimal(value: float) -> str:
    """A mean in words, to one decimal: 3.8 (and 4.0, not 4)."""
    return f"{value:.1f}"


@dataclass(frozen=True)
class Comparison:
    mean_a: float | None
    n_a: int
    mean_b: float | None
    n_b: int

    @property
    def shown(self) -> bool:
        """Both sides have at least 3 days."""
        return self.n_a >= MIN_DAYS_SHOWN and self.n_b >= MIN_DAYS_SHOWN

    @classmethod
    def of(cls, a: list[float], b: list[float]) -> Comparison:
        return cls(mean_of(a), len(a), mean_of(b), len(b))


@dataclass(frozen=True)
class Lift:
    mean: float | None  # mean of (after - before) over done activities rated both ways
    n: int

    @property
    def shown(self) -> bool:
        return self.n >= MIN_DAYS_SHOWN


@dataclass(frozen=True)
class MovingHelp:
    mood: Comparison  # a = check-ins on active days, b = other days
    lift: Lift
    sleep: Comparison  # a = sleep of check-ins whose previous day was active, b = the rest

    reminder = PATTERN_NOTE

    @property
    def any_shown(self) -> bool:
        return self.mood.shown or self.lift.shown or self.sleep.shown

    def sentences(self) -> list[str]:
        """Plain words for the parts that can be shown; when none can, one kind line saying how
        many more days are needed. The reminder (``PATTERN_NOTE``) is not included."""
        lines = []
        if self.mood.shown:
            assert self.mood.mean_a is not None and self.mood.mean_b is not None
            lines.append(
                f"On days you moved, your mood averaged {one_decimal(self.mood.mean_a)}, against "
                f"{one_decimal(self.mood.mean_b)} on other days ({self.mood.n_a} and {self.mood.n_b} days)."
            )
        if self.lift.shown:
            assert self.lift.mean is not None
            lines.append(lift_sentence(self.lift.mean, self.lift.n))
        if self.sleep.shown:
            assert self.sleep.mean_a is not None and self.sleep.mean_b is not None
            lines.append(
                f"After days you moved, you slept {one_decimal(self.sleep.mean_a)} hours on average, against "
                f"{one_decimal(self.sleep.mean_b)} after other days ({self.sleep.n_a} and {self.sleep.n_b} nights)."
            )
        return lines or [self.waiting_sentence()]

    def waiting_sentence(self) -> str:
        """How many more check-ins the mood comparison needs, in kind words."""
        more_a = max(0, MIN_DAYS_SHOWN - self.mood.n_a)
        more_b = max(0, MIN_DAYS_SHOWN - self.mood.n_b)
        needs = []
        if more_a:
            needs.append(f"{more_a} more on days you move")
        if more_b:
            needs.append(f"{more_b} more on other days")
        wanted = " and ".join(needs) if needs else "a few more"
        return (
            f"With a few more check-ins ({wanted}), runmate can compare your mood on days you move and days you don't."
        )


def lift_sentence(mean: float, n: int) -> str:
    """'After moving, your mood was 0.8 points higher than before, on average (12 activities).'"""
    things = f"{n} activit{'y' if n == 1 else 'ies'}"
    if round(mean, 1) > 0:
        return f"After moving, your mood was {one_decimal(mean)} points higher than before, on average ({things})."
    if round(mean, 1) < 0:
        return f"After moving, your mood was {one_decimal(-mean)} points lower than before, on average ({things})."
    return f"After moving, your mood was about the same as before, on average ({things})."


def checkins_between(checkins: Iterable[CheckIn], first: dt.date, last: dt.date) -> dict[dt.date, CheckIn]:
    """The check-ins dated ``first`` to ``last`` inclusive, by day (one pass; the last one wins)."""
    a, b = first.isoformat(), last.isoformat()
    return {dt.date.fromisoformat(c.date): c for c in checkins if a <= c.date <= b}


def moving_help(
    checkins: Iterable[CheckIn],
    activities: Iterable[PlannedActivity],
    first: dt.date,
    last: dt.date,
    *,
    kinds: Mapping[dt.date, str] | None = None,
) -> MovingHelp:
    """Mood on active days against other days, mood after minus before an activity, and sleep
    after active days against other nights, over ``first`` to ``last`` inclusive.

    ``kinds`` (from ``day_kinds`` over all activities) may be given when already computed.
    """
    activities = activities if isinstance(activities, list) else list(activities)
    if kinds is None:
        kinds = day_kinds(activities)
    by_day = checkins_between(checkins, first, last)
    mood_a: list[float] = []
    mood_b: list[float] = []
    sleep_a: list[float] = []
    sleep_b: list[float] = []
    for day, c in by_day.items():
        (mood_a if kinds.get(day) == ACTIVE else mood_b).append(c.mood)
        if c.sleep_hours is not None:
            (sleep_a if kinds.get(day - _DAY) == ACTIVE else sleep_b).append(c.sleep_hours)
    a, b = first.isoformat(), last.isoformat()
    changes = [
        x.after - x.before
        for x in activities
        if x.status == STATUS_DONE and x.before is not None and x.after is not None and a <= x.date <= b
    ]
    return MovingHelp(
        mood=Comparison.of(mood_a, mood_b),
        lift=Lift(mean_of([float(c) for c in changes]), len(changes)),
        sleep=Comparison.of(sleep_a, sleep_b),
    )


# --- series and calendar ------------------------------------------------------------------------


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def daily_series(
    checkins: Iterable[CheckIn] | Mapping[dt.date, CheckIn], first: dt.date, last: dt.date, field: str
) -> list[float | None]:
    """One value per day ``first`` to ``last`` inclusive for a check-in field ("mood",
    "sleep_hours", "sleep_quality", "energy", "stress"); None where there is no check-in or the
    field is empty. ``checkins`` may also be a dict by day (``Figures.checkins_by_day``)."""
    if field not in SERIES_FIELDS:
        raise ValueError(f"not a check-in number: {field}")
    by_day = checkins if isinstance(checkins, Mapping) else checkins_between(checkins, first, last)
    out: list[float | None] = []
    for day in _days(first, last):
        c = by_day.get(day)
        out.append(getattr(c, field) if c is not None else None)
    return out


@dataclass(frozen=True)
class DayCell:
    day: dt.date
    mood: int | None
    kind: str  # ACTIVE / REST / PLAIN


def calendar_cells(
    checkins: Iterable[CheckIn] | Mapping[dt.date, CheckIn],
    activities: Iterable[PlannedActivity] | Mapping[dt.date, str],
    first: dt.date,
    last: dt.date,
) -> list[DayCell]:
    """One cell per day ``first`` to ``last`` inclusive: the day's mood (None without a check-in)
    and whether it was active, a rest day or plain. Dicts by day (``Figures.checkins_by_day``,
    ``Figures.kinds``) may be given instead of the records."""
    by_day = checkins if isinstance(checkins, Mapping) else checkins_between(checkins, first, last)
    kinds = activities if isinstance(activities, Mapping) else day_kinds(activities)
    cells = []
    for day in _days(first, last):
        c = by_day.get(day)
        cells.append(DayCell(day, c.mood if c is not None else None, kinds.get(day, PLAIN)))
    return cells


# --- everything the dashboard shows -------------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    today: dt.date
    kinds: dict[dt.date, str]
    first: dt.date | None
    consistency: float
    consistency_trend: list[float]  # the score at the end of each of the last 8 weeks, oldest first, then today
    weeks: list[WeekGoal]
    moving: MovingHelp  # over the last 90 days
    goal_days: int
    checkins_by_day: dict[dt.date, CheckIn] = field(default_factory=dict)  # every check-in, by day


def figures(
    checkins: Iterable[CheckIn], activities: Iterable[PlannedActivity], goal_days: int, today: dt.date
) -> Figures:
    """Every figure the dashboard shows, computed in one go.

    ``consistency_trend`` holds the score on the Sunday of each of the last 8 complete weeks (as in
    ``weeks_goal``, weeks that end before the first recorded day are left out), then today's.
    """
    checkins = checkins if isinstance(checkins, list) else list(checkins)
    activities = activities if isinstance(activities, list) else list(activities)
    kinds = day_kinds(activities)
    first = first_recorded_day(checkins, activities)
    by_day = {dt.date.fromisoformat(c.date): c for c in checkins}
    scores = _scores(kinds, first, today, goal_days) if first is not None else []
    consistency = scores[-1] if scores else 0.0
    trend = []
    if first is not None and scores:
        for monday in _complete_weeks(first, today, TREND_WEEKS):
            i = (monday + dt.timedelta(days=6) - first).days
            trend.append(scores[i] if 0 <= i < len(scores) else 0.0)
        trend.append(consistency)
    start = today - dt.timedelta(days=MOVING_DAYS - 1)
    a, b = start.isoformat(), today.isoformat()
    window = [c for day, c in by_day.items() if start <= day <= today]
    moving = moving_help(window, [x for x in activities if a <= x.date <= b], start, today, kinds=kinds)
    return Figures(
        today=today,
        kinds=kinds,
        first=first,
        consistency=consistency,
        consistency_trend=trend,
        weeks=weeks_goal(kinds, first, today, goal_days),
        moving=moving,
        goal_days=goal_days,
        checkins_by_day=by_day,
    )
