"""The dashboard's panels in words: Rich text built from the plain data in ``runmate.summary`` and
``runmate.stats`` (no figures are computed here)."""

from __future__ import annotations

from rich.text import Text

from runmate import plans, stats
from runmate.formatting import hours_text, scale_text
from runmate.models import SLEEP_QUALITY_WORDS, STATUS_PLANNED, PlannedActivity
from runmate.summary import DashboardData, TodaySummary
from runmate.textsafe import visible
from runmate.widgets.charts import EIGHTHS

MET, NOT_MET = "◆", "◇"


def checkin_text(summary: TodaySummary) -> Text:
    c = summary.checkin
    if c is None:
        return Text("No check-in yet today.\nPress c when you're ready; it takes half a minute.")
    text = Text()
    text.append(f"Mood {scale_text('mood', c.mood)}", style="bold")
    feelings = []
    if c.energy is not None:
        feelings.append(f"energy {scale_text('energy', c.energy)}")
    if c.stress is not None:
        feelings.append(f"stress {scale_text('stress', c.stress)}")
    if feelings:
        text.append("\n" + ", ".join(feelings))
    quality = SLEEP_QUALITY_WORDS.get(c.sleep_quality) if c.sleep_quality is not None else None
    if c.sleep_hours is not None:
        text.append(f"\nslept {hours_text(c.sleep_hours)}" + (f", {quality}" if quality else ""))
    elif quality:
        text.append(f"\nsleep {quality}")
    if c.note:
        text.append("\n" + visible(glance(c.note)), style="italic")
    return text


NOTE_GLANCE = 90  # characters of the morning's note on the dashboard (the check-in screen has all of it)


def glance(note: str, limit: int = NOTE_GLANCE) -> str:
    """The note on one line, cut at a word before ``limit`` characters with an ellipsis, so a long
    note never pushes the rest of the dashboard out of sight."""
    flat = " ".join(note.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0] or flat[: limit - 1]
    return cut.rstrip(" ,.;:") + "…"


def activity_line(a: PlannedActivity) -> Text:
    text = Text(visible(plans.describe_plan(a)))
    if a.status != STATUS_PLANNED:
        text.append("  " + visible(plans.describe_status(a)), style="italic")
    return text


def plan_text(summary: TodaySummary) -> Text:
    if not summary.activities:
        return Text("Nothing planned today. Rest days count too.\nPress p to see the week.")
    return Text("\n").join(activity_line(a) for a in summary.activities)


def week_text(summary: TodaySummary) -> Text:
    week = summary.week
    text = Text()
    if week is not None:
        text.append("●" * min(week.days_done, week.goal_days), style="bold")
        text.append("○" * max(0, week.goal_days - week.days_done), style="dim")
        text.append("  " + week.text())
    if summary.goal_why:
        text.append(("  " if week is not None else "") + visible(summary.goal_why), style="italic dim")
    return text


def sparkline(values: list[float]) -> str:
    """Scores from 0 to 1 as one block each, higher for a higher score. The blocks span the
    scores' own range (at least 20 points of it), so a small change stays small."""
    low, high = min(values), max(values)
    pad = max(0.0, 0.2 - (high - low)) / 2
    low, high = low - pad, high + pad
    return "".join(EIGHTHS[1 + round((v - low) / (high - low) * 7)] for v in values)


def consistency_text(data: DashboardData) -> Text:
    f = data.figures
    text = Text()
    if f.first is None:
        text.append("Nothing noted yet. Once you tick off a walk or a run, this shows how steady your weeks are.")
        return text
    text.append(f"{round(f.consistency * 100)}%", style="bold")
    text.append("  consistency, for a goal of ")
    text.append(f"{f.goal_days} day{'s' if f.goal_days != 1 else ''} a week")
    if len(f.consistency_trend) >= 2:
        text.append("\n" + sparkline(f.consistency_trend), style="bold")
        start, now = round(f.consistency_trend[0] * 100), round(f.consistency_trend[-1] * 100)
        weeks = len(f.consistency_trend) - 1
        text.append(f"  {start}% {weeks} week{'s' if weeks != 1 else ''} ago, {now}% today", style="dim")
    if f.weeks:
        met = sum(1 for w in f.weeks if w.met)
        text.append("\n" + " ".join(MET if w.met else NOT_MET for w in f.weeks), style="bold")
        text.append(f"  goal met in {met} of the last {len(f.weeks)} weeks", style="dim")
    text.append("\nOne quiet week barely moves it; it never starts over.", style="dim italic")
    return text


def moving_text(data: DashboardData) -> Text:
    moving = data.figures.moving
    text = Text("\n").join(Text(sentence) for sentence in moving.sentences())
    text.append(f"\n{moving.reminder} Last {stats.MOVING_DAYS} days.", style="dim italic")
    return text


def safety_text(note: str) -> Text:
    text = Text(visible(note))
    text.append("\nPress n to hide this note.", style="dim")
    return text
