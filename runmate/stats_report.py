"""The figures of ``runmate stats`` (a window of days) and the line of ``runmate status``.

Pure, like ``stats.py``, whose figures it uses (and which knows nothing of this module).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from runmate.formatting import date_span, day_label, hours_text, scale_text
from runmate.models import ACTIVITY_KINDS, STATUS_DONE, STATUS_PLANNED, STATUS_REST, CheckIn, PlannedActivity, Settings
from runmate.plans import WeekProgress, week_progress
from runmate.stats import (
    ACTIVE,
    MAX_STATUS,
    PATTERN_NOTE,
    MovingHelp,
    WeekGoal,
    checkins_between,
    consistency_score,
    counted_minutes,
    day_kinds,
    first_recorded_day,
    mean_of,
    moving_help,
    one_decimal,
    weeks_goal,
)

# --- runmate stats ------------------------------------------------------------------------------


def _round(value: float | None, places: int = 2) -> float | None:
    return None if value is None else round(value, places)


def goal_of(settings_or_goal: Settings | int) -> int:
    return settings_or_goal.goal_days if isinstance(settings_or_goal, Settings) else int(settings_or_goal)


@dataclass(frozen=True)
class StatsReport:
    """The window's figures behind ``runmate stats``: ``as_dict`` for --json, ``lines`` for people."""

    today: dt.date
    days: int
    checkins: list[CheckIn]
    activities: list[PlannedActivity]
    active_days: int
    goal_days: int
    weeks: list[WeekGoal]
    consistency: float | None
    moving: MovingHelp
    has_data: bool

    @property
    def start(self) -> dt.date:
        return self.today - dt.timedelta(days=self.days - 1)

    def _avg(self, name: str) -> float | None:
        return mean_of([v for c in self.checkins if (v := getattr(c, name)) is not None])

    def as_dict(self) -> dict[str, Any]:
        done = [a for a in self.activities if a.status == STATUS_DONE]
        mood, sleep, lift = self.moving.mood, self.moving.sleep, self.moving.lift
        return {
            "days": self.days,
            "checkins": len(self.checkins),
            "mood_avg": _round(self._avg("mood")),
            "energy_avg": _round(self._avg("energy")),
            "stress_avg": _round(self._avg("stress")),
            "sleep_avg_hours": _round(self._avg("sleep_hours")),
            "active_days": self.active_days,
            "activities_done": len(done),
            "activities_planned": len(self.activities),
            "minutes_done": sum(counted_minutes(a) for a in done),
            "weekly_goal": self.goal_days,
            "weeks_goal_met": sum(1 for w in self.weeks if w.met) if self.weeks else None,
            "weeks_counted": len(self.weeks),
            "consistency_score": _round(self.consistency, 6),
            "mood_active_days": _round(mood.mean_a),
            "mood_rest_days": _round(mood.mean_b),
            "n_active_days_with_checkin": mood.n_a,
            "n_rest_days_with_checkin": mood.n_b,
            "mood_lift_after_activity": _round(lift.mean),
            "n_lift": lift.n,
            "sleep_after_active": _round(sleep.mean_a),
            "sleep_after_rest": _round(sleep.mean_b),
            "n_sleep_after_active": sleep.n_a,
            "n_sleep_after_rest": sleep.n_b,
        }

    def lines(self) -> list[str]:
        """A short summary in warm, plain words (the moving-help lines only when they can be shown)."""
        if not self.has_data:
            return ["Nothing recorded yet. A check-in takes a few seconds: runmate checkin --mood N"]
        d = self.as_dict()
        if self.days == 1:
            out = [f"Today ({day_label(self.today)}):"]
        else:
            out = [f"Your last {self.days} days ({date_span(self.start, self.today)}):"]
        if d["checkins"]:
            parts = [f"mood averaged {one_decimal(d['mood_avg'])}"]
            for key, word in (("energy_avg", "energy"), ("stress_avg", "stress")):
                if d[key] is not None:
                    parts.append(f"{word} {one_decimal(d[key])}")
            if d["sleep_avg_hours"] is not None:
                parts.append(f"sleep {hours_text(round(d['sleep_avg_hours'], 1))}")
            n = d["checkins"]
            out.append(f"{n} check-in{'s' if n != 1 else ''}: {', '.join(parts)}.")
        else:
            out.append("No check-ins in this time; whenever you like, one takes a few seconds.")
        if d["active_days"]:
            n, done = d["active_days"], d["activities_done"]
            minutes = f", {d['minutes_done']} minutes" if d["minutes_done"] else ""
            out.append(
                f"You moved on {n} day{'s' if n != 1 else ''}: {done} activit{'y' if done == 1 else 'ies'}{minutes}."
            )
        else:
            out.append("No movement noted in this time. Rest is part of it too; a short walk counts whenever you like.")
        if len(self.weeks) == 1:
            out.append(f"Last full week: {WeekProgress(self.weeks[0].active_days, self.goal_days).text(False)}.")
        elif self.weeks:
            out.append(
                f"Your goal of {self.goal_days} day{'s' if self.goal_days != 1 else ''} a week was met in "
                f"{d['weeks_goal_met']} of the last {len(self.weeks)} full weeks."
            )
        if self.consistency is not None:
            out.append(f"Consistency: {round(self.consistency * 100)}% (a quiet week barely moves it).")
        if self.moving.any_shown:
            out.extend(self.moving.sentences())
            out.append(PATTERN_NOTE)
        return out


def stats_report(
    checkins: Iterable[CheckIn],
    activities: Iterable[PlannedActivity],
    settings_or_goal: Settings | int,
    today: dt.date,
    days: int,
) -> StatsReport:
    """The figures of the ``days`` days ending ``today`` inclusive."""
    checkins = checkins if isinstance(checkins, list) else list(checkins)
    activities = activities if isinstance(activities, list) else list(activities)
    goal = goal_of(settings_or_goal)
    start = today - dt.timedelta(days=days - 1)
    a, b = start.isoformat(), today.isoformat()
    kinds = day_kinds(activities)
    first = first_recorded_day(checkins, activities)
    window = list(checkins_between(checkins, start, today).values())
    in_window = [x for x in activities if a <= x.date <= b]
    return StatsReport(
        today=today,
        days=days,
        checkins=window,
        activities=in_window,
        active_days=sum(1 for day, kind in kinds.items() if kind == ACTIVE and start <= day <= today),
        goal_days=goal,
        weeks=weeks_goal(kinds, first, today, goal),
        consistency=consistency_score(kinds, first, today, goal) if first is not None else None,
        moving=moving_help(window, in_window, start, today, kinds=kinds),
        has_data=first is not None,
    )


# --- runmate status -----------------------------------------------------------------------------


def _labels(items: list[PlannedActivity]) -> str:
    names = list(dict.fromkeys(ACTIVITY_KINDS.get(a.kind, a.kind).lower() for a in items))
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return f"{len(items)} activities"


def status_line(
    checkins: Iterable[CheckIn],
    activities: Iterable[PlannedActivity],
    settings_or_goal: Settings | int,
    today: dt.date,
    *,
    has_data: bool | None = None,
) -> str:
    """One short, kind line for a shell prompt, at most 120 characters:
    'Checked in - mood 4 (good) - 2 of 3 days this week - run planned today'.

    Only today's check-in and this week's activities matter, so a caller may pass just those with
    ``has_data`` saying whether anything at all is recorded. Empty when nothing is recorded.
    """
    checkins = checkins if isinstance(checkins, list) else list(checkins)
    activities = activities if isinstance(activities, list) else list(activities)
    if has_data is None:
        has_data = bool(checkins or activities)
    if not has_data:
        return ""
    key = today.isoformat()
    todays_checkin = next((c for c in reversed(checkins) if c.date == key), None)
    parts = [
        f"Checked in - mood {scale_text('mood', todays_checkin.mood)}" if todays_checkin else "No check-in yet today"
    ]
    progress = week_progress(activities, today, goal_of(settings_or_goal))
    if progress.days_done:
        parts.append(progress.text())
    else:
        parts.append(f"goal {progress.goal_days} day{'s' if progress.goal_days != 1 else ''} this week")
    todays = [a for a in activities if a.date == key]
    done = [a for a in todays if a.status == STATUS_DONE]
    planned = [a for a in todays if a.status == STATUS_PLANNED]
    plan = []
    if done:
        plan.append(f"{_labels(done)} done")
    if planned:
        plan.append(f"{_labels(planned)} planned")
    if plan:
        parts.append(", ".join(plan) + " today")
    elif any(a.status == STATUS_REST for a in todays):
        parts.append("rest day today")
    line = " - ".join(parts)
    if len(line) > MAX_STATUS and plan:  # long names: counts instead
        parts[-1] = ", ".join(
            f"{len(group)} {'activity' if len(group) == 1 else 'activities'} {word}"
            for group, word in ((done, "done"), (planned, "planned"))
            if group
        )
        parts[-1] += " today"
        line = " - ".join(parts)
    return line[:MAX_STATUS]
