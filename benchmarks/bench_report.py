"""The summary for the doctor on five years of demo data: the 4-week default and all five years.

Prints the median (and worst) milliseconds of N runs of the whole summary in this process (reading
the store, working out the figures, laying out and writing the PDF's bytes), and the wall time of
`runmate report --from DAY --output FILE` as a subprocess. The issue's budget: 5 years under 3 s.

Run: .venv-test/bin/python benchmarks/bench_report.py [--years 5] [--runs 5]
Never collected by pytest (pytest only looks in tests/).
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
from functools import partial
from pathlib import Path

from runmate import demo
from runmate.exchange.doctor import summary_pdf
from runmate.store import Store


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples), max(samples)


def dense(today: dt.date, first: dt.date, with_notes: bool) -> bytes:
    from runmate import report, report_pdf
    from runmate.models import STATUS_DONE, CheckIn, JournalEntry, PlannedActivity, Settings

    checkins, activities, entries = [], [], []
    for i in range((today - first).days + 1):
        day = (first + dt.timedelta(days=i)).isoformat()
        note = "A note of about eighty characters, written on the day, with a few words in it."
        checkins.append(
            CheckIn(date=day, mood=1 + i % 5, energy=1 + i % 4, stress=1 + i % 3, sleep_hours=5 + i % 5, note=note)
        )
        activities.append(PlannedActivity(date=day, kind="walk", minutes=30, status=STATUS_DONE, before=2, after=3))
        if i % 3 == 0:
            entries.append(JournalEntry(date=day, text="A reflection of a few lines. " * 20))
    built = report.build_report(
        checkins, activities, entries, Settings(name="Robin"), first, today, today, with_notes=with_notes
    )
    return report_pdf.render(built, source="runmate's data file, runmate.json")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--years", type=int, default=5)
    ap.add_argument("--runs", type=int, default=5)
    opts = ap.parse_args()
    today = dt.date.today()
    first = today - dt.timedelta(days=365 * opts.years)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        store = Store(folder)
        store.fill_demo(demo.generate(today, opts.years))
        print(f"data: {opts.years} years, {len(store.checkins())} check-ins, {len(store.activities())} activities")
        for label, start, notes in (
            ("4 weeks", None, False),
            (f"{opts.years} years", first, False),
            (f"{opts.years} years with notes", first, True),
        ):
            size = len(summary_pdf(store, today, start, with_notes=notes))

            def make(s: dt.date | None = start, n: bool = notes) -> bytes:
                return summary_pdf(store, today, s, with_notes=n)

            median, worst = timed(make, opts.runs)
            print(f"summary, {label}: {median:.0f} ms ({worst:.0f} worst), {size / 1024:.0f} KiB")
        print(
            f"dense, {opts.years} years (a check-in with a note and an activity every day, a reflection every third day):"
        )
        for notes in (False, True):
            median, worst = timed(partial(dense, today, first, notes), opts.runs)
            print(f"  {'with' if notes else 'without'} notes: {median:.0f} ms ({worst:.0f} worst)")
        out = Path(tmp) / "summary.pdf"
        argv = [
            sys.executable,
            "-m",
            "runmate",
            "--data-dir",
            str(folder),
            "report",
            "--from",
            first.isoformat(),
            "--output",
            str(out),
        ]
        median, worst = timed(lambda: subprocess.run(argv, check=True, capture_output=True), opts.runs)
        print(f"runmate report, {opts.years} years, as a process: {median:.0f} ms ({worst:.0f} worst)")


if __name__ == "__main__":
    main()
