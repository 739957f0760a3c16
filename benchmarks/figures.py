"""Computing the dashboard's figures (``runmate.stats.figures``) over ten years of data."""

from __future__ import annotations

import importlib
import time

from benchmarks.context import TODAY, Context
from benchmarks.table import Row, median
from runmate.store import Store

LIMIT_MS = 50


def measure(ctx: Context) -> list[Row]:
    try:
        stats = importlib.import_module("runmate.stats")
    except ModuleNotFoundError:
        return [
            Row(
                "dashboard figures, 10 years (runmate.stats not available)",
                float("nan"),
                limit=LIMIT_MS,
                ratio_target=False,
            )
        ]
    store = Store(ctx.pristine)
    checkins, activities, goal_days = store.checkins(), store.activities(), store.settings().goal_days
    read = []
    samples = []
    for _ in range(max(15, ctx.runs * 3)):
        started = time.perf_counter()
        fresh = Store(ctx.pristine)
        fresh.checkins(), fresh.activities()
        read.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        stats.figures(checkins, activities, goal_days, TODAY)
        samples.append((time.perf_counter() - started) * 1000)
    return [
        Row(
            "dashboard figures, 10 years",
            median(samples),
            baseline_name="reading the records",
            baseline=median(read),
            limit=LIMIT_MS,
            ratio_target=False,
        )
    ]
