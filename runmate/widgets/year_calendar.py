"""A year in pixels: one row a month, one cell a day, the mood digit in its colour and a dot for
a day with movement. Arrow keys move the cursor day by day or month by month; Enter opens it.

The widget only draws what it is given (mood by day and which days were active) and says which
day was chosen; reading and computing happen elsewhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

from runmate.formatting import MONTH_NAMES, day_label, scale_text
from runmate.widgets.mood_colours import mood_colours, panel_background

MOVED = "•"
NO_CHECKIN = "·"
CELL = 2
LABEL = 4  # "Nov "
LEGEND = f"digit: mood 1-5 · {NO_CHECKIN} no check-in · {MOVED} moved · Enter opens a day"
DAY_MARKS = (1, 5, 10, 15, 20, 25, 30)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (or earlier), kept inside the month (31 Jan + 1 -> 28 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def month_length(year: int, month: int) -> int:
    return (add_months(dt.date(year, month, 1), 1) - dt.date(year, month, 1)).days


class YearCalendar(Widget, can_focus=True):
    """Twelve months of days; the cursor never goes past ``today``."""

    DEFAULT_CSS = """
    YearCalendar {
        height: auto;
        width: 100%;
    }
    """

    BINDINGS = [
        Binding("left", "move(-1)", "Calendar: a day earlier", show=False),
        Binding("right", "move(1)", "Calendar: a day later", show=False),
        Binding("up", "move_month(-1)", "Calendar: a month earlier", show=False),
        Binding("down", "move_month(1)", "Calendar: a month later", show=False),
        Binding("pageup", "move_month(-12)", "Calendar: a year earlier", show=False),
        Binding("pagedown", "move_month(12)", "Calendar: a year later", show=False),
        Binding("enter", "choose", "Calendar: open the day", show=False),
    ]

    class DayChosen(Message):
        """Enter (or a click) on a day."""

        def __init__(self, day: dt.date) -> None:
            super().__init__()
            self.day = day

    def __init__(self, today: dt.date, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.today = today
        self.cursor = today
        self.last_month = dt.date(today.year, today.month, 1)  # the bottom row
        self.moods: Mapping[dt.date, int] = {}
        self.active: frozenset[dt.date] = frozenset()
        self.first: dt.date | None = None

    def show(
        self, today: dt.date, moods: Mapping[dt.date, int], active: frozenset[dt.date], first: dt.date | None
    ) -> None:
        """New data (and perhaps a new today); the cursor stays on its day. Days before ``first``
        (the first recorded day; None: nothing yet) stay blank rather than "no check-in"."""
        moved_on = today != self.today
        self.moods, self.active, self.first = moods, active, first
        if moved_on and (self.cursor == self.today or self.cursor > today):
            self.cursor = today
        self.today = today
        self._keep_cursor_in_view()
        self.refresh(layout=True)

    def mood_palette(self) -> dict[int, str]:
        """Mood colours readable on this widget's own background, in the current theme."""
        return mood_colours(panel_background(self.background_colors[1], self.app.current_theme.dark))

    # -- moving ----------------------------------------------------------------------------------

    def move_to(self, day: dt.date) -> None:
        self.cursor = min(day, self.today)
        self._keep_cursor_in_view()
        self.refresh()

    def _keep_cursor_in_view(self) -> None:
        first_month = add_months(self.last_month, -11)
        month = dt.date(self.cursor.year, self.cursor.month, 1)
        if month > self.last_month:
            self.last_month = month
        elif month < first_month:
            self.last_month = add_months(month, 11)

    def action_move(self, days: int) -> None:
        self.move_to(self.cursor + dt.timedelta(days=days))

    def action_move_month(self, months: int) -> None:
        self.move_to(add_months(self.cursor, months))

    def action_choose(self) -> None:
        self.post_message(self.DayChosen(self.cursor))

    def on_click(self, event) -> None:
        row, x = event.y - 2, event.x - LABEL
        if 0 <= row < 12 and x >= 0:
            month = add_months(self.last_month, row - 11)
            number = x // CELL + 1
            if number <= month_length(month.year, month.month):
                day = dt.date(month.year, month.month, number)
                if day <= self.today:
                    self.move_to(day)
                    self.action_choose()

    # -- drawing ---------------------------------------------------------------------------------

    def cursor_words(self) -> str:
        """The highlighted day in words (the line above the grid): the colour is never needed."""
        day = self.cursor
        parts = [day_label(day, self.today)]
        mood = self.moods.get(day)
        parts.append(f"mood {scale_text('mood', mood)}" if mood is not None else "no check-in")
        parts.append("moved" if day in self.active else "no movement noted")
        return " · ".join(parts)

    def get_content_height(self, container, viewport, width: int) -> int:
        return 14

    def render(self) -> Text:
        colours = self.mood_palette()
        text = Text()
        text.append(self.cursor_words(), style="bold")
        if self.first is None:
            text.append("  Nothing noted yet; each check-in fills a day here.", style="dim")
        elif not self.has_focus:
            text.append("  (y, then arrows)", style="dim")
        text.append("\n")
        header = [" "] * (31 * CELL)
        for mark in DAY_MARKS:
            for i, ch in enumerate(str(mark)):
                header[(mark - 1) * CELL + i] = ch
        text.append(" " * LABEL + "".join(header).rstrip(), style="dim")
        for row in range(12):
            month = add_months(self.last_month, row - 11)
            text.append("\n")
            text.append(f"{MONTH_NAMES[month.month - 1][:3]:<{LABEL}}", style="dim")
            length = month_length(month.year, month.month)
            for number in range(1, length + 1):
                text.append_text(self._cell(dt.date(month.year, month.month, number), colours))
            if month.month == 1 or row == 0:
                text.append(" " * ((31 - length) * CELL) + f" {month.year}", style="dim")
        return text

    def _cell(self, day: dt.date, colours: dict[int, str]) -> Text:
        if day > self.today or self.first is None or day < self.first:
            cell = Text(" " * CELL)
            if day == self.cursor:
                cell.stylize("reverse" if self.has_focus else "underline")
            return cell
        mood = self.moods.get(day)
        cell = Text()
        if mood is None:
            cell.append(NO_CHECKIN, style="dim")
        else:
            cell.append(str(mood), style=f"bold {colours[mood]}")
        cell.append(MOVED if day in self.active else " ")
        if day == self.cursor:
            cell.stylize("reverse" if self.has_focus else "underline")
        return cell

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
