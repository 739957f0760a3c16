"""Dashboard: today at a glance, mood and sleep over time, a year in pixels, how steady the weeks
are and whether moving seems to help, in your own data.

The screen only shows: ``runmate.summary.dashboard_data`` reads the figures (in a thread worker),
``runmate.screens.dashboard_panels`` words them, and the widgets in ``runmate.widgets`` draw the
charts and the calendar. Enter on a calendar day opens it in ``runmate.screens.day``.
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, Static

from runmate.formatting import long_date
from runmate.models import Settings
from runmate.screens.base import RunmateScreen
from runmate.screens.dashboard_panels import (
    checkin_text,
    consistency_text,
    moving_text,
    plan_text,
    safety_text,
    week_text,
)
from runmate.store import Store
from runmate.summary import DashboardData, dashboard_data
from runmate.textsafe import visible
from runmate.widgets.key_footer import KeyFooter
from runmate.widgets.trend_chart import MOOD, SLEEP, TrendChart
from runmate.widgets.year_calendar import LEGEND, YearCalendar

TREND_RANGES = (30, 90, 365)
RANGE_WORDS = {30: "30 days", 90: "90 days", 365: "year"}


class DashboardScreen(RunmateScreen):
    CSS_PATH = "dashboard.tcss"
    AUTO_FOCUS = "#dashboard"

    # Off the footer, so the app's keys fit in 80 columns; each panel names its own key.
    BINDINGS = [
        Binding("t", "trend_range", "Trends: 30 days, 90 days, a year", show=False),
        Binding("y", "calendar", "Go to the year calendar", show=False),
        Binding("n", "hide_note", "Hide the gentle note", show=False),
        Binding("home", "top", "Back to the top", show=False),
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.data: DashboardData | None = None
        self.trend_days = TREND_RANGES[0]
        self.note_hidden_on: dt.date | None = None  # the day the person hid the low-mood note
        self._covered = False
        self._note_shown = False

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="dashboard"):
            yield Static("", id="greeting")
            with Vertical(classes="card", id="today-card"):
                with Horizontal(id="today-row"):
                    yield Static("", id="today-checkin")
                    yield Static("", id="today-plan")
                yield Static("", id="week")
                yield Static("", id="today-line")
            with Vertical(classes="card", id="safety-card"):
                yield Static("", id="safety-note")
            with Horizontal(classes="row", id="charts-row"):
                with Vertical(classes="card", id="trends-card"):
                    yield TrendChart(MOOD, id="mood-chart")
                    yield TrendChart(SLEEP, id="sleep-chart")
                    yield Static("", id="trends-legend")
                with Vertical(classes="card", id="calendar-card"):
                    yield YearCalendar(self.today(), id="calendar")
            with Horizontal(classes="row", id="figures-row"):
                with Vertical(classes="card", id="consistency-card"):
                    yield Static("", id="consistency")
                with Vertical(classes="card", id="moving-card"):
                    yield Static("", id="moving")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#today-card").border_title = "Today"
        self.query_one("#safety-card").border_title = "A gentle note"
        self.query_one("#consistency-card").border_title = "Consistency"
        self.query_one("#moving-card").border_title = "Does moving help me?"
        self.query_one("#calendar-card").border_title = "Your year, day by day"
        self.query_one("#calendar-card").border_subtitle = LEGEND
        self.query_one("#safety-card").display = False
        self.call_after_refresh(self._title_trends)
        self.load()

    # -- keeping up with the data --------------------------------------------------------------

    def data_changed(self) -> None:
        self.load()

    def on_screen_suspend(self, event: events.ScreenSuspend) -> None:
        # Still in the stack: the day view or the help is on top, and coming back keeps the place.
        self._covered = self in self.app.screen_stack

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if self._covered:
            self._covered = False
            if self.data is not None and self.data.summary.today != self.today():
                self.load()
            return
        self.action_top()  # nothing to read again: a change or a new day has already been shown

    def load(self) -> None:
        today = self.today()

        def read(store: Store) -> DashboardData:
            return dashboard_data(today, store.checkins(), store.activities(), store.settings())

        self.in_background(read, self.show, group="dashboard-load", lead="Today's summary could not be read")

    def show(self, data: DashboardData) -> None:
        self.data = data
        summary = data.summary
        heading = Text(visible(summary.greeting), style="bold")
        heading.append("  " + long_date(summary.today), style="dim")
        self.query_one("#greeting", Static).update(heading)
        self.query_one("#today-checkin", Static).update(checkin_text(summary))
        self.query_one("#today-plan", Static).update(plan_text(summary))
        self.query_one("#week", Static).update(week_text(summary))
        self.query_one("#today-line", Static).update(Text(visible(data.line), style="italic"))
        self._show_note()
        self._show_trends()
        self.query_one("#consistency", Static).update(consistency_text(data))
        self.query_one("#moving", Static).update(moving_text(data))
        self.query_one(YearCalendar).show(summary.today, data.moods, data.active, data.figures.first)

    def _show_note(self) -> None:
        note = self.data.safety if self.data is not None else None
        shown = note is not None and self.note_hidden_on != self.today()
        self._note_shown = shown
        self.query_one("#safety-card").display = shown
        if note is not None and shown:
            self.query_one("#safety-note", Static).update(safety_text(note))
        self.refresh_bindings()

    def _show_trends(self) -> None:
        if self.data is None:
            return
        for chart in self.query(TrendChart):
            chart.show(self.data.summary.today, self.trend_days, self.data.series)
        self._title_trends()

    def _title_trends(self) -> None:
        days = self.trend_days
        later = TREND_RANGES[(TREND_RANGES.index(days) + 1) % len(TREND_RANGES)]
        title = "the last year" if days == 365 else f"the last {days} days"
        # Called again once the chart has its width, mostly to the same words: a title set again
        # draws the screen again, so only what changed is set.
        card = self.query_one("#trends-card")
        if card.border_title != (heading := f"Mood and sleep, {title}"):
            card.border_title = heading
        if card.border_subtitle != (keys := f"t: {RANGE_WORDS[later]}"):
            card.border_subtitle = keys
        chart = self.query_one("#mood-chart", TrendChart)
        legend = f"{chart.span().capitalize()}; a gap is a day with nothing noted."
        shown = self.query_one("#trends-legend", Static)
        if str(shown.content) != legend:
            shown.update(Text(legend, style="dim"))

    # -- keys ----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "hide_note":
            return self._note_shown
        return True

    def action_trend_range(self) -> None:
        self.trend_days = TREND_RANGES[(TREND_RANGES.index(self.trend_days) + 1) % len(TREND_RANGES)]
        self._show_trends()

    def action_calendar(self) -> None:
        calendar = self.query_one(YearCalendar)
        calendar.focus()
        self.query_one("#calendar-card").scroll_visible(animate=False)

    def action_hide_note(self) -> None:
        """Hide the note until tomorrow, across a restart: the day is kept in the settings."""
        self.note_hidden_on = self.today()
        self._show_note()
        stamp = self.note_hidden_on.isoformat()

        def hide(store: Store) -> Settings:
            return store.update_settings(lambda s: setattr(s, "safety_note_hidden", stamp))

        self.in_background(
            hide,
            self._note_kept_hidden,
            group="note-hide",
            lead="The note is hidden for now, but not kept hidden past a restart",
        )

    def _note_kept_hidden(self, saved: Settings) -> None:
        self.runmate.settings = Settings.from_dict(saved.to_dict())

    def action_top(self) -> None:
        scroll = self.query_one("#dashboard", VerticalScroll)
        scroll.scroll_home(animate=False)
        scroll.focus(scroll_visible=False)

    def on_resize(self) -> None:
        self.call_after_refresh(self._title_trends)  # once the chart has its new width

    @on(YearCalendar.DayChosen)
    def _open_day(self, event: YearCalendar.DayChosen) -> None:
        from runmate.screens.day import DayScreen

        self.app.push_screen(DayScreen(event.day))
