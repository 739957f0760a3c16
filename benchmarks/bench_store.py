"""Store operations on a 10-year demo data file: median milliseconds of N runs.

Run: .venv/bin/python benchmarks/bench_store.py [--years 10] [--runs 15]
Never collected by pytest (pytest only looks in tests/).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from runmate import demo
from runmate.edits import Edit
from runmate.models import PlannedActivity, parse_checkin, week_start
from runmate.store import Store


def fill(store: Store, today: dt.date, years: int) -> None:
    store.fill_demo(demo.generate(today, years))


def timed(fn, runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples), max(samples)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--years", type=int, default=10)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--no-keep", action="store_true", help="parse the file on every operation (for comparison)")
    opts = ap.parse_args()
    if opts.no_keep:
        # A key never equal to the last one: the kept data is never used.
        Store._key = lambda self, lock: (object(),)  # type: ignore[method-assign,assignment,return-value]
    today = dt.date(2026, 11, 25)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp))
        fill(store, today, opts.years)
        size = store.path.stat().st_size
        print(
            f"data file: {opts.years} years, {size / 1024:.0f} KiB, "
            f"{len(store.checkins())} check-ins, {len(store.activities())} activities"
        )
        monday = week_start(today)
        days = iter(range(10_000))

        def save() -> None:
            n = next(days)  # a different day and mood each time, so every save writes
            store.save_checkin(parse_checkin(today=today, date=today - dt.timedelta(days=n % 3), mood=n % 5 + 1))

        moods = iter(range(10_000))

        def edit_one_field() -> None:
            # What a form saves: one changed field, checked against what it opened on.
            current = store.checkin_on(today)
            assert current is not None
            base = {"mood": current.mood}
            store.edit_checkin(today, Edit.from_form(base, {"mood": next(moods) % 5 + 1}, current.id))

        other = Store(Path(tmp))  # a second instance: every read follows a write by "another" store

        def save_then_other_reads() -> None:
            save()
            other.checkins()

        rows = [
            ("save_checkin (all fields)", save),
            ("edit_checkin (one field, read + write)", edit_one_field),
            ("checkins()", store.checkins),
            ("activities(week)", lambda: store.activities(monday, monday + dt.timedelta(days=6))),
            (
                "add_activity",
                lambda: store.add_activity(PlannedActivity(date=today.isoformat(), kind="walk", minutes=20)),
            ),
            ("settings()", store.settings),
            ("save + other instance reads", save_then_other_reads),
        ]
        print(f"{'operation':40} {'median ms':>10} {'max ms':>8}")
        for name, fn in rows:
            fn()  # warm up
            med, worst = timed(fn, opts.runs)
            print(f"{name:40} {med:10.1f} {worst:8.1f}")


if __name__ == "__main__":
    main()
