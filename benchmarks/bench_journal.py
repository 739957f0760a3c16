"""Typing in the journal's search box with 5,000 reflections of up to 20 KB each.

Run: .venv/bin/python benchmarks/bench_journal.py [--entries 5000] [--max-kb 20] [--runs 3]
Never collected by pytest (pytest only looks in tests/).

The app runs headless at 120x36. For each run it types a query one key at a time and measures:
- a key press: from pressing the key until the app has handled it (the letter is in the box);
  this is what a person feels while typing;
- results: from the last key until the list shows what matches.
The baseline is the same app on an empty journal, so "ratio" says how much slower typing gets with
5,000 long entries (1.0: not at all). For comparison it also prints what one search over every
entry costs (what a search box that filtered on the UI thread at every key would make each key
wait for, before even redrawing a list).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path

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


async def measure(folder: Path) -> dict[str, float | list[float]]:
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


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=5000)
    ap.add_argument("--max-kb", type=int, default=20)
    ap.add_argument("--runs", type=int, default=3)
    opts = ap.parse_args()
    entries = make_entries(opts.entries, opts.max_kb * 1000)
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty"
        full = Path(tmp) / "full"
        fill(empty, [])
        store = fill(full, entries)
        size = store.path.stat().st_size
        print(f"{opts.entries} reflections of up to {opts.max_kb} KB ({size / 1e6:.0f} MB data file); query {QUERY!r}")
        runs = {
            "empty": [asyncio.run(measure(empty)) for _ in range(opts.runs)],
            "full": [asyncio.run(measure(full)) for _ in range(opts.runs)],
        }

    def keys(name: str) -> list[float]:
        return [k for run in runs[name] for k in run["keys"]]  # type: ignore[union-attr]

    def med(name: str, field: str) -> float:
        return statistics.median(float(run[field]) for run in runs[name])  # type: ignore[arg-type]

    print(f"{'ms, median of ' + str(opts.runs) + ' runs':34} {'empty':>7} {'5,000':>7}  ratio")
    empty_keys, full_keys = keys("empty"), keys("full")
    rows = [
        ("key press, median", statistics.median(empty_keys), statistics.median(full_keys)),
        ("key press, slowest", max(empty_keys), max(full_keys)),
        ("j to the list shown", med("empty", "open"), med("full", "open")),
    ]
    for name, a, b in rows:
        print(f"{name:34} {ms(a)} {ms(b)}  {b / a:5.1f}")
    # A small journal is searched within the key press itself; a large one after a pause in typing.
    print(f"{'last key to results shown':34} {ms(med('empty', 'results'))} {ms(med('full', 'results'))}")
    print(f"entries matching the query: {runs['full'][0]['shown']}")
    items = journal.build_items(entries)
    t = time.perf_counter()
    for n in range(1, len(QUERY) + 1):
        journal.find(items, journal.Filter(query=QUERY[:n]))
    naive = (time.perf_counter() - t) / len(QUERY)
    print(f"one search over every entry (what each key would wait for if searched at once): {ms(naive).strip()} ms")


if __name__ == "__main__":
    main()
