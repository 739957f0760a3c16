"""What the plan screen shows of a week, as plain data and styled lines (no widgets, no keys)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from textual.content import Content

from runmate import plans
from runmate.formatting import UNKNOWN_MINUTES, day_label, distance_text
from runmate.models import STATUS_DONE, STATUS_REST, PlannedActivity, Settings, week_start
from runmate.store import Store
from runmate.textsafe import visible

DAY_WIDTH = 12  # "Wed 25 Nov" and a little air
KIND_WIDTH = 18  # "Walk/run intervals"
WIDE = 96  # from this list width on, the columns line up


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


def day_line(day: dt.date, today: dt.date, a: PlannedActivity | None, *, first: bool, width: int) -> Content:
    """One line of the week (two with details): the day, the activity and how it went; a done
    activity shows the minutes actually moved."""
    is_today = day == today
    label = day_label(day) if first else ""
    day_style = "bold $accent" if is_today else "bold"
    lead = Content.assemble((f"{label:<{DAY_WIDTH - 1}}", day_style), " ")
    if a is None:
        tail = "today, a rest day" if is_today else "rest day"
        return Content.assemble(lead, (tail, "dim italic"))
    resting = a.status == STATUS_REST
    quiet = "dim" if resting else ""
    parts: list[Any] = [lead]
    if a.status == STATUS_DONE:
        parts.append(("✓ ", "bold $success"))
    elif resting:
        parts.append(("~ ", "dim"))
    else:
        parts.append(("○ ", "dim"))
    wide = width >= WIDE
    kind = f"{a.label:<{KIND_WIDTH}}" if wide else a.label
    shown = "?" if a.shown_minutes is None else str(a.shown_minutes)  # ?: not known (brought in from elsewhere)
    minutes = f"  {shown:>3} min" if wide else f"  {shown} min"
    warmup = f" +{a.warmup} warm-up" if a.warmup else ""
    parts.append((kind, "dim" if resting else "bold"))
    parts.append((minutes, quiet))
    parts.append((f"{warmup:<13}" if wide else warmup, "dim"))
    if wide:
        status = status_text(a, day, today)
        parts.append("  ")
        parts.append(status.pad_right(max(0, 11 - len(status.plain))))
    if a.time:
        parts.append((f"  {a.time}", quiet))
    if a.with_whom:
        parts.append(("  with ", "dim"))
        parts.append((visible(a.with_whom), "dim italic" if resting else "italic"))
    if not wide:
        parts.append("  ")
        parts.append(status_text(a, day, today))
    details = activity_details(a)
    if details is not None:
        room = max(20, width - DAY_WIDTH - 4)
        parts.append("\n" + " " * (DAY_WIDTH + 2))
        parts.append(details.truncate(room, ellipsis=True))
    return Content.assemble(*parts)
