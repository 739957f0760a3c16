"""The dashboard's trend charts: mood, or sleep hours with sleep quality, over the last N days."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence

from rich.text import Text
from textual.widget import Widget

from runmate.widgets.charts import bar_chart, columns_for, digit_row, fit, span_words
from runmate.widgets.mood_colours import mood_colours, panel_background

MOOD = "mood"
SLEEP = "sleep"
ROWS = 5


class TrendChart(Widget):
    """A bar chart of the last ``days`` values of a day series that ends today."""

    DEFAULT_CSS = """
    TrendChart {
        height: auto;
        width: 100%;
    }
    """

    def __init__(self, kind: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.kind = kind
        self.today = dt.date.today()
        self.days = 30
        self.series: Mapping[str, Sequence[float | None]] = {}

    def show(self, today: dt.date, days: int, series: Mapping[str, Sequence[float | None]]) -> None:
        """``series`` by field, each one value a day ending ``today`` (None: no check-in or no value)."""
        self.today, self.days, self.series = today, days, series
        self.refresh(layout=True)

    def mood_palette(self) -> dict[int, str]:
        return mood_colours(panel_background(self.background_colors[1], self.app.current_theme.dark))

    def _window(self, field: str) -> list[float | None]:
        values = list(self.series.get(field, []))[-self.days :]
        return [None] * (self.days - len(values)) + values

    def get_content_height(self, container, viewport, width: int) -> int:
        return ROWS + 3 + (1 if self.kind == SLEEP else 0)

    def render(self) -> Text:
        width = self.content_region.width or self.size.width
        count, column_width = columns_for(self.days, width)
        first = self.today - dt.timedelta(days=self.days - 1)
        if self.kind == MOOD:
            return self._mood(first, count, column_width)
        return self._sleep(first, count, column_width)

    def _caption(self, label: str, note: str) -> Text:
        text = Text()
        text.append(label, style="bold")
        empty = all(v is None for v in self._window("mood" if self.kind == MOOD else "sleep_hours"))
        text.append(f"  {'nothing noted in these days yet' if empty else note}", style="dim")
        return text

    def span(self) -> str:
        """What one bar stands for at the current width ("one bar a day")."""
        width = self.content_region.width or self.size.width
        if not width:
            return span_words(1)  # not laid out yet
        count, _ = columns_for(self.days, width)
        return span_words(fit([None] * self.days, self.today, count).days_per_column)

    def _mood(self, first: dt.date, count: int, column_width: int) -> Text:
        values = self._window("mood")
        buckets = fit(values, first, count)
        colours = self.mood_palette()
        text = self._caption("Mood", "1 very low ... 5 very good")
        text.append("\n")
        text.append_text(
            bar_chart(
                buckets,
                low=0,
                high=5,
                rows=ROWS,
                labels={0: "1", 2: "3", 4: "5"},
                colour=lambda v: colours[min(5, max(1, int(v + 0.5)))],
                column_width=column_width,
                today=self.today,
            )
        )
        return text

    def _sleep(self, first: dt.date, count: int, column_width: int) -> Text:
        hours = self._window("sleep_hours")
        quality = self._window("sleep_quality")
        buckets = fit(hours, first, count)
        top = max([10.0] + [v for v in hours if v is not None])
        high = float(math.ceil(top / ROWS) * ROWS)
        step = high / ROWS
        labels = {row: f"{step * (row + 1):g}h" for row in range(1, ROWS, 2)}
        text = self._caption("Sleep", "hours, and quality 1-5 (qual)")
        text.append("\n")
        text.append_text(
            bar_chart(
                buckets,
                low=0,
                high=high,
                rows=ROWS,
                labels=labels,
                colour=lambda v: None,
                column_width=column_width,
                today=self.today,
                below=digit_row(fit(quality, first, count), column_width, "qual"),
            )
        )
        return text
