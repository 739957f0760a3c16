"""Typing in the journal's search box with 5,000 reflections of up to 20 KB each.

Run: .venv/bin/python -m benchmarks journal (not in the default run: it writes a 50 MB file).

The app runs headless at 120x36. For each run it types a query one key at a time and measures:
- a key press: from pressing the key until the app has handled it (the letter is in the box);
  this is what a person feels while typing;
- results: from the last key until the list shows what matches.
The baseline is the same app on an empty journal, so "ratio" says how much slower typing gets with
5,000 long entries (1.0: not at all). For comparison it also shows what one search over every
entry costs (what a search box that filtered on the UI thread at every key would make each key
wait for, before even redrawing a list).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import random
import statistics
import time
from pathlib import Path

from benchmarks.context import Context
from benchmarks.table import Row
from runmate import journal
from runmate.app import RunmateApp
from runmate.demo import DemoData
from runmate.models import JournalEntry, Settings
from runmate.screens.journal import JournalScreen
from runmate.store import Store

TODAY = dt.date(2026, 11, 25)
QUERY = "quiet morning, finally"
WORDS = [
    *[
        "walk",
        "run",
        "park",
        "rain",
        "tired",
        "legs",
        "slow",
        "steady",
        "breath",
        "friend",
        "sleep",
        "coffee",
        "work",
        "worry",
        "lighter",
        "calm",
        "hill",
    ],
    *[
        "river",
        "bridge",
        "morning",
        "evening",
        "dog",
        "tree",
        "leaves",
        "sun",
        "cloud",
        "wind",
        "cold",
        "warm",
        "quiet",
        "music",
        "head",
        "heart",
    ],
    *[
        "glad",
        "proud",
        "sore",
        "stretch",
        "yoga",
        "swim",
        "garden",
        "stairs",
        "shoes",
        "door",
        "street",
        "path",
        "bench",
        "bird",
    ],
    "日記",
    "走った",
    "café",
]


def make_entries(count: int, max_chars: int, seed: int = 7) -> list[JournalEntry]:
    rng = random.Random(seed)
    entries = []
    for n in range(count):
        size = rng.randint(200, max_chars)
        words: list[str] = []
        length = 0
        while length < size:
            word = rng.choice(WORDS)
            if rng.random() < 0.01:
                word = "#" + rng.choice(("park", "rain", "sleep", "friends", "work"))
            words.append(word)
            length += len(word) + 1
        text = " ".join(words)[:size].strip()
        if n % 40 == 0:
            text = "A quiet morning, finally. " + text  # a few entries match the whole query
        day = TODAY - dt.timedelta(days=n % 3650)
        entries.append(JournalEntry(date=day.isoformat(), text=text, created=f"{day.isoformat()}T21:00:00+00:00"))
    return entries


def fill(folder: Path, entries: list[JournalEntry]) -> Store:
    store = Store(folder)
    store.fill_demo(DemoData(journal=entries, settings=Settings(welcomed=True)))
    return store


async def measure_app(folder: Path) -> dict[str, float | list[float]]:
    app = RunmateApp(store=Store(folder), today=TODAY, poll_interval=600)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        t0 = time.perf_counter()
        await pilot.press("j")
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        while screen._result is None:
            await asyncio.sleep(0.005)
        opened = time.perf_counter() - t0
        await pilot.press("slash")
        await pilot.pause()
        keys: list[float] = []
        for ch in QUERY:
            t = time.perf_counter()
            await pilot.press("space" if ch == " " else ch)
            keys.append(time.perf_counter() - t)
        t_last = time.perf_counter()
        while screen._result is None or screen._result[1].query != QUERY:
            await asyncio.sleep(0.002)
        results = time.perf_counter() - t_last
        shown = len(screen._result[2])
    return {"open": opened, "keys": keys, "results": results, "shown": shown}


def measure(ctx: Context, entries_count: int = 5000, max_kb: int = 20) -> list[Row]:
    entries = make_entries(entries_count, max_kb * 1000)
    runs = max(1, ctx.runs // 2)
    empty = ctx.root / "journal-empty"
    full = ctx.root / "journal-full"
    fill(empty, [])
    fill(full, entries)
    results = {
        "empty": [asyncio.run(measure_app(empty)) for _ in range(runs)],
        "full": [asyncio.run(measure_app(full)) for _ in range(runs)],
    }

    def keys(name: str) -> list[float]:
        return [k * 1000 for run in results[name] for k in run["keys"]]  # type: ignore[union-attr]

    def med(name: str, field: str) -> float:
        return statistics.median(float(run[field]) * 1000 for run in results[name])  # type: ignore[arg-type]

    items = journal.build_items(entries)
    started = time.perf_counter()
    for n in range(1, len(QUERY) + 1):
        journal.find(items, journal.Filter(query=QUERY[:n]))
    naive = (time.perf_counter() - started) / len(QUERY) * 1000
    empty_keys, full_keys = keys("empty"), keys("full")
    label = f"{entries_count:,} reflections"
    return [
        Row(
            f"journal search: a key press, {label}",
            statistics.median(full_keys),
            baseline_name="empty journal",
            baseline=statistics.median(empty_keys),
        ),
        Row(
            f"journal search: slowest key press, {label}",
            max(full_keys),
            baseline_name="empty journal",
            baseline=max(empty_keys),
        ),
        Row(
            f"journal: j to the list shown, {label}",
            med("full", "open"),
            baseline_name="empty journal",
            baseline=med("empty", "open"),
        ),
        Row(
            f"journal: last key to results, {label}",
            med("full", "results"),
            baseline_name="empty journal",
            baseline=med("empty", "results"),
        ),
        Row(f"journal: one search over every entry, {label}", naive),
    ]
