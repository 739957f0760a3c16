"""Small bar charts drawn with Rich text: a y axis with labels, a dated x axis, gaps for missing days.

Drawn by hand rather than with a chart library: plotext (under textual-plotext) alone adds about
0.1 s to the app's start, and these charts need only bars, labels and gaps. Pure functions of
their inputs (no Textual), so they are tested without an app.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.text import Text

from runmate.formatting import month_short

EIGHTHS = " ▁▂▃▄▅▆▇█"
LABEL_WIDTH = 4  # "10h " / "  5 " before the axis


@dataclass(frozen=True)
class Buckets:
    """A day series fitted to a chart's columns: one value a column (None: no data), and how many
    days each column stands for (the last column ends on the last day)."""

    values: list[float | None]
    days_per_column: int
    first: dt.date
    last: dt.date

    def column_start(self, index: int) -> dt.date:
        """The first day of column ``index`` (the first column may be shorter than the others)."""
        from_end = len(self.values) - 1 - index
        return self.last - dt.timedelta(days=(from_end + 1) * self.days_per_column - 1)


def fit(values: Sequence[float | None], first: dt.date, columns: int) -> Buckets:
    """Group consecutive days so ``values`` (one a day from ``first``) fit in ``columns`` columns,
    each column the mean of the days in it that have a value (None when none has)."""
    columns = max(1, columns)
    size = max(1, math.ceil(len(values) / columns))
    last = first + dt.timedelta(days=max(0, len(values) - 1))
    out: list[float | None] = []
    end = len(values)
    while end > 0:
        chunk = [v for v in values[max(0, end - size) : end] if v is not None]
        out.append(sum(chunk) / len(chunk) if chunk else None)
        end -= size
    out.reverse()
    return Buckets(out, size, first, last)


def _cell(value: float, row: int, low: float, high: float, rows: int) -> str:
    """The block for ``row`` (0 at the bottom) of a bar of ``value``, in eighths of a row."""
    filled = round((value - low) / (high - low) * rows * 8) if high > low else 0
    filled = max(1, filled)  # a value never looks like nothing
    part = max(0, min(8, filled - row * 8))
    return EIGHTHS[part]


def _axis_dates(buckets: Buckets, column_width: int, today: dt.date) -> Text:
    width = len(buckets.values) * column_width
    start = buckets.column_start(0) if buckets.values else buckets.first
    left = f"{start.day} {month_short(start)}"
    if start.year != today.year:
        left += f" {start.year}"
    right = "today" if buckets.last == today else f"{buckets.last.day} {month_short(buckets.last)}"
    line = " " * (LABEL_WIDTH + 1) + left
    gap = width - len(left) - len(right)
    line += " " * max(1, gap) + right if gap >= 1 else ""
    return Text(line, style="dim")


def bar_chart(
    buckets: Buckets,
    *,
    low: float,
    high: float,
    rows: int,
    labels: dict[int, str],
    colour: Callable[[float], str | None],
    column_width: int,
    today: dt.date,
    below: Text | None = None,
) -> Text:
    """Bars of ``buckets`` between ``low`` (the axis) and ``high`` (the top), ``rows`` lines tall.

    ``labels`` names rows of the y axis (0 is the bottom row); ``colour`` picks a bar's colour from
    its value; ``below`` is an optional line under the axis (already indented). A column without a
    value stays empty: a gap, never a bar of zero.
    """
    text = Text()
    bar = max(1, column_width - 1) if column_width > 1 else 1
    for row in range(rows - 1, -1, -1):
        text.append(f"{labels.get(row, ''):>{LABEL_WIDTH - 1}} ", style="dim")
        text.append("┤" if row in labels else "│", style="dim")
        for value in buckets.values:
            if value is None:
                text.append(" " * column_width)
                continue
            block = _cell(value, row, low, high, rows)
            text.append(block * bar, style=colour(value) or "")
            text.append(" " * (column_width - bar))
        text.append("\n")
    text.append(" " * LABEL_WIDTH + "└" + "─" * (len(buckets.values) * column_width), style="dim")
    if below is not None:
        text.append("\n")
        text.append_text(below)
    text.append("\n")
    text.append_text(_axis_dates(buckets, column_width, today))
    return text


def digit_row(buckets: Buckets, column_width: int, label: str) -> Text:
    """One line of rounded values (sleep quality, say) under the columns; blank where none."""
    text = Text(f"{label:>{LABEL_WIDTH}} ", style="dim")
    for value in buckets.values:
        cell = " " if value is None else str(int(value + 0.5))
        text.append(f"{cell:<{column_width}}")
    return text


def columns_for(days: int, width: int) -> tuple[int, int]:
    """How many columns of what width a chart of ``days`` days gets in ``width`` cells:
    two cells a day when they fit (bars with a gap), else one cell a column of one or more days."""
    room = max(8, width - LABEL_WIDTH - 2)
    if days * 2 <= room:
        return days, 2
    return min(days, room), 1


def span_words(days_per_column: int) -> str:
    """What one bar stands for, in words."""
    if days_per_column == 1:
        return "one bar a day"
    if days_per_column == 7:
        return "one bar a week (its average)"
    return f"one bar for {days_per_column} days (their average)"
