"""Dashboard: today's check-in and plan, and a gentle look at the last two weeks."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, Static

from runmate import plans
from runmate.formatting import hours_text, long_date, scale_text, weekday_short
from runmate.models import SLEEP_QUALITY_WORDS, STATUS_PLANNED, PlannedActivity
from runmate.screens.base import DayChange, RunmateScreen
from runmate.store import Store
from runmate.summary import TodaySummary, summarize
from runmate.textsafe import visible

BARS = {1: "▁", 2: "▃", 3: "▅", 4: "▆", 5: "█"}
# One calm hue from deep to light: colour shows the value, never a judgement.
MOOD_COLOURS = {1: "#5a7bb5", 2: "#5f97c2", 3: "#67b3c9", 4: "#7dcac6", 5: "#9fe0c0"}


def checkin_text(summary: TodaySummary) -> Text:
    c = summary.checkin
    if c is None:
        return Text("No check-in yet today.\nPress c when you're ready; it takes half a minute.")
    text = Text()
    text.append(f"Mood {scale_text('mood', c.mood)}", style="bold")
    parts = []
    if c.energy is not None:
        parts.append(f"energy {scale_text('energy', c.energy)}")
    if c.stress is not None:
        parts.append(f"stress {scale_text('stress', c.stress)}")
    quality = SLEEP_QUALITY_WORDS.get(c.sleep_quality) if c.sleep_quality is not None else None
    if c.sleep_hours is not None:
        parts.append(f"slept {hours_text(c.sleep_hours)}" + (f", {quality}" if quality else ""))
    elif quality:
        parts.append(f"sleep {quality}")
    for part in parts:
        text.append("\n" + part)
    if c.note:
        text.append("\n" + visible(c.note), style="italic")
    return text


def activity_line(a: PlannedActivity) -> Text:
    text = Text(visible(plans.describe_plan(a)))
    if a.status != STATUS_PLANNED:
        text.append("  " + visible(plans.describe_status(a)), style="italic")
    return text


def week_text(summary: TodaySummary) -> Text:
    week = summary.week
    text = Text()
    if week is not None:
        text.append("●" * min(week.days_done, week.goal_days), style="bold")
        text.append("○" * max(0, week.goal_days - week.days_done), style="dim")
        text.append("  " + week.text())
    if summary.goal_why:
        text.append("\n" + visible(summary.goal_why), style="italic dim")
    return text


def plan_text(summary: TodaySummary) -> Text:
    if not summary.activities:
        return Text("Nothing planned today. Rest days count too.\nPress p to see the week.")
    return Text("\n").join(activity_line(a) for a in summary.activities)


def recent_text(summary: TodaySummary) -> Text:
    days = Text()
    bars = Text()
    moved = Text()
    for cell in summary.recent:
        days.append(f"{weekday_short(cell.date)[0]:^3}", style="bold" if cell.date == summary.today else "dim")
        if cell.mood is None:
            bars.append(" · ", style="dim")
        else:
            bars.append(f" {BARS[cell.mood]} ", style=MOOD_COLOURS[cell.mood])
        moved.append(" ● " if cell.moved else "   ")
    text = Text()
    text.append_text(bars)
    text.append("\n")
    text.append_text(days)
    text.append("\n")
    text.append_text(moved)
    text.append("\n\n")
    text.append(
        f"Mood on {summary.recent_checkins} of the last {len(summary.recent)} days "
        f"(taller bar, better mood). ● a day you moved: {summary.recent_moved_days}.",
        style="dim",
    )
    return text


class DashboardScreen(RunmateScreen):
    CSS_PATH = "dashboard.tcss"

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="dashboard"):
            yield Static("", id="greeting")
            with Horizontal(id="today-row"):
                with Vertical(classes="card", id="today-checkin-card"):
                    yield Static("This morning", classes="card-title")
                    yield Static("", id="today-checkin")
                with Vertical(classes="card", id="today-plan-card"):
                    yield Static("Today's plan", classes="card-title")
                    yield Static("", id="today-plan")
            with Vertical(classes="card", id="week-card"):
                yield Static("This week", classes="card-title")
                yield Static("", id="week")
            with Vertical(classes="card", id="recent-card"):
                yield Static("The last two weeks", classes="card-title")
                yield Static("", id="recent")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    def data_changed(self) -> None:
        self.load()

    def day_changed(self, change: DayChange) -> None:
        self.load()  # past midnight: the new day's date, check-in and plan

    def load(self) -> None:
        today = self.today()

        def read(store: Store) -> TodaySummary:
            return summarize(today, store.checkins(), store.activities(), store.settings())

        self.in_background(read, self.show, group="dashboard-load", lead="Today's summary could not be read")

    def show(self, summary: TodaySummary) -> None:
        heading = Text(visible(summary.greeting), style="bold")
        heading.append("  " + long_date(summary.today), style="dim")
        self.query_one("#greeting", Static).update(heading)
        self.query_one("#today-checkin", Static).update(checkin_text(summary))
        self.query_one("#today-plan", Static).update(plan_text(summary))
        self.query_one("#week", Static).update(week_text(summary))
        self.query_one("#recent", Static).update(recent_text(summary))
