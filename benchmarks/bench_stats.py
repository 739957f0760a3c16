"""The dashboard's figures, runmate stats and runmate status on ten years of demo data.

Prints the median (and worst) milliseconds of N runs of stats.figures and stats_report.stats_report in
this process, and the wall time of `runmate stats --json` and `runmate status` as subprocesses
(next to `runmate --version`, which is Python's start-up plus runmate's command line alone).

Run: .venv/bin/python benchmarks/bench_stats.py [--years 10] [--runs 15]
Never collected by pytest (pytest only looks in tests/). The issue's budget: figures under 50 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from runmate import demo, stats, stats_report
from runmate.store import Store


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples), max(samples)


def wall(argv: list[str], runs: int) -> tuple[float, float]:
    def once() -> None:
        proc = subprocess.run(argv, capture_output=True, text=True)
        if proc.returncode != 0:
            raise SystemExit(f"{argv} failed: {proc.stderr}")

    return timed(once, runs)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--years", type=int, default=10)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--process-runs", type=int, default=7)
    opts = ap.parse_args()
    today = dt.date.today()  # the subprocesses use the real today, so the demo ends there too
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp))
        store.fill_demo(demo.generate(today, opts.years))
        checkins, activities, settings = store.checkins(), store.activities(), store.settings()
        size = store.path.stat().st_size
        print(
            f"data: {opts.years} years, {size / 1024:.0f} KiB, {len(checkins)} check-ins, "
            f"{len(activities)} activities; median (worst) of {opts.runs} runs"
        )
        rows = [
            ("figures (every dashboard panel)", lambda: stats.figures(checkins, activities, settings.goal_days, today)),
            (
                "stats_summary, 30 days",
                lambda: stats_report.stats_report(checkins, activities, settings, today, 30).as_dict(),
            ),
            (
                "stats_summary, 3660 days",
                lambda: stats_report.stats_report(checkins, activities, settings, today, 3660).as_dict(),
            ),
            (
                "status_line (all records)",
                lambda: stats_report.status_line(checkins, activities, settings, today),
            ),
            (
                "store read + records + figures",
                lambda: stats.figures(Store(Path(tmp)).checkins(), store.activities(), settings.goal_days, today),
            ),
        ]
        for name, fn in rows:
            median, worst = timed(fn, opts.runs)
            print(f"  {name:<34} {median:7.1f} ms ({worst:.1f})")
        runmate = [sys.executable, "-m", "runmate", "--data-dir", tmp]
        print(f"wall time as a subprocess, median (worst) of {opts.process_runs} runs")
        for name, argv in (
            ("runmate --version", [sys.executable, "-m", "runmate", "--version"]),
            ("runmate status", [*runmate, "status"]),
            ("runmate stats", [*runmate, "stats"]),
            ("runmate stats --json", [*runmate, "stats", "--json"]),
            ("runmate stats --days 3660 --json", [*runmate, "stats", "--days", "3660", "--json"]),
        ):
            median, worst = wall(argv, opts.process_runs)
            print(f"  {name:<34} {median:7.1f} ms ({worst:.1f})")


if __name__ == "__main__":
    main()
