"""Saving through runmate's store with ten years of data, against stock TinyDB ``JSONStorage``
inserting into the same data; and, for information, the store's other everyday operations."""

from __future__ import annotations

import datetime as dt
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.context import TODAY, Context
from benchmarks.table import Row, median
from runmate.edits import Edit
from runmate.models import PlannedActivity, parse_checkin, week_start
from runmate.store import CHECKINS, Store


def timed(fn: Callable[[], object], runs: int) -> float:
    """Median milliseconds of ``runs`` calls, after one to warm up."""
    fn()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return median(samples)


def stock_tinydb_insert(folder: Path, runs: int) -> float:
    """Stock TinyDB (JSONStorage, no middleware) inserting a check-in into a copy of the same file."""
    from tinydb import TinyDB

    copy = folder / "stock.json"
    shutil.copyfile(folder / "runmate.json", copy)
    db = TinyDB(copy)
    table = db.table(CHECKINS)
    days = iter(range(1, 10_000))

    def insert() -> None:
        n = next(days)
        table.insert({"date": (TODAY + dt.timedelta(days=n)).isoformat(), "mood": n % 5 + 1})

    try:
        return timed(insert, runs)
    finally:
        db.close()


def measure(ctx: Context) -> list[Row]:
    runs = max(15, ctx.runs * 3)
    folder = ctx.ten_years("store")
    store = Store(folder)
    days = iter(range(1, 10_000))

    def save() -> None:
        n = next(days)  # a new day each time: every save adds a check-in, as the insert does
        store.save_checkin(
            parse_checkin(today=TODAY + dt.timedelta(days=n), date=TODAY + dt.timedelta(days=n), mood=n % 5 + 1)
        )

    moods = iter(range(10_000))

    def edit_one_field() -> None:
        # What a form saves: one changed field, checked against what it opened on.
        current = store.checkins()[-1]
        store.edit_checkin(
            dt.date.fromisoformat(current.date),
            Edit.from_form({"mood": current.mood}, {"mood": next(moods) % 5 + 1}, current.id),
        )

    other = Store(folder)  # a second instance: every read follows a write by "another" runmate

    def save_then_other_reads() -> None:
        save()
        other.checkins()

    monday = week_start(TODAY)
    stock = stock_tinydb_insert(ctx.ten_years("tinydb"), runs)
    rows = [
        Row(
            "save a check-in through the store, 10 years",
            timed(save, runs),
            baseline_name="stock TinyDB insert",
            baseline=stock,
            limit=0.5,
        )
    ]
    info: list[tuple[str, Callable[[], object]]] = [
        ("edit one field of a check-in", edit_one_field),
        ("read every check-in", store.checkins),
        ("read a week's activities", lambda: store.activities(monday, monday + dt.timedelta(days=6))),
        (
            "add an activity",
            lambda: store.add_activity(PlannedActivity(date=TODAY.isoformat(), kind="walk", minutes=20)),
        ),
        ("save, then another runmate reads", save_then_other_reads),
    ]
    rows += [
        Row(f"store: {name}, 10 years", timed(fn, runs), baseline_name="stock TinyDB insert", baseline=stock)
        for name, fn in info
    ]
    return rows
