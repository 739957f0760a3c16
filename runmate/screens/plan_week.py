"""What the plan screen shows of a week, as plain data and styled lines (no widgets, no keys)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from textual.content import Content

from runmate import plans
from runmate.formatting import UNKNOWN_MINUTES, distance_text
from runmate.models import STATUS_DONE, STATUS_REST, PlannedActivity, Settings, week_start
from runmate.store import Store
from runmate.textsafe import visible


@dataclass
class WeekData:
    """What the screen shows, read from the store in one go."""

    monday: dt.date
    today: dt.date
    settings: Settings
    activities: list[PlannedActivity] = field(default_factory=list)

    def on(self, day: dt.date) -> list[PlannedActivity]:
        key = day.isoformat()
        return [a for a in self.activities if a.date == key]


def load_week(store: Store, monday: dt.date, today: dt.date) -> WeekData:
    """Everything the week view needs: the shown week, this week, and the month before each."""
    this_monday = week_start(today)
    first = min(monday, this_monday) - dt.timedelta(days=plans.LONG_RUN_WINDOW_DAYS)
    last = max(monday, this_monday) + dt.timedelta(days=6)
    return WeekData(monday, today, store.settings(), store.activities(first, last))


def goal_dots(done: int, goal: int) -> str:
    filled = min(done, goal)
    return "●" * filled + "○" * (goal - filled) + ("+" * (done - goal) if done > goal else "")


def activity_details(a: PlannedActivity) -> Content | None:
    """The second line: how it felt, why it was a rest, and the note (all as plain text)."""
    bits: list[Content] = []
    if a.status == STATUS_DONE and (a.before is not None or a.after is not None):
        bits.append(Content.assemble(("felt ", "dim"), f"{plans.feeling(a.before)} → {plans.feeling(a.after)}"))
    if a.status == STATUS_DONE and a.actual_minutes is not None and a.actual_minutes != a.minutes:
        bits.append(Content.styled(f"{a.actual_minutes} min done", "dim"))
    if a.minutes is None and a.actual_minutes is None:
        bits.append(Content.styled(UNKNOWN_MINUTES, "dim"))
    if a.distance_km is not None:
        bits.append(Content.styled(distance_text(a.distance_km), "dim"))
    if a.status == STATUS_REST and a.rest_reason:
        bits.append(Content.styled(visible(a.rest_reason), "italic"))
    if a.note:
        bits.append(Content.styled(visible(a.note), "dim italic"))
    if not bits:
        return None
    return Content(" · ").join(bits)


def status_text(a: PlannedActivity, day: dt.date, today: dt.date) -> Content:
    if a.status == STATUS_DONE:
        return Content.styled("done", "$success")
    if a.status == STATUS_REST:
        return Content.styled("rest day", "italic")
    return Content.styled("not ticked" if day < today else "planned", "dim")
