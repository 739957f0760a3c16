"""One row of the benchmarks' table, and the table itself."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass
class Row:
    """A figure next to its baseline from the same run.

    ``limit`` is the target: a ratio to the baseline when ``ratio_target`` is True, else an upper
    bound in the figure's own unit. A row without a limit is shown for information.
    """

    name: str
    value: float
    unit: str = "ms"
    baseline_name: str = ""
    baseline: float | None = None
    limit: float | None = None
    ratio_target: bool = True

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None

    @property
    def target(self) -> str:
        if self.limit is None:
            return ""
        return f"<= {self.limit:g}x" if self.ratio_target else f"<= {self.limit:g} {self.unit}"

    @property
    def met(self) -> bool | None:
        if self.limit is None or math.isnan(self.value):
            return None
        measured = self.ratio if self.ratio_target else self.value
        return measured is not None and measured <= self.limit


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    if math.isnan(value):
        return "not available"
    return f"{value:.0f} {unit}" if value >= 20 else f"{value:.1f} {unit}"


def render(rows: Sequence[Row]) -> str:
    """The table as Markdown (it reads as well in a terminal as in the README)."""
    header = ["figure", "value", "baseline", "", "ratio", "target", "met"]
    lines = [header]
    for row in rows:
        met = {True: "yes", False: "no", None: ""}[row.met]
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else ""
        lines.append(
            [
                row.name,
                _number(row.value, row.unit),
                row.baseline_name,
                _number(row.baseline, row.unit),
                ratio,
                row.target,
                met,
            ]
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = []
    for n, line in enumerate(lines):
        out.append("| " + " | ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)) + " |")
        if n == 0:
            out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(out)
