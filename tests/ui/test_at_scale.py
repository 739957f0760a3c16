"""runmate at scale, through real key presses: two other processes writing while the app is open,
and thousands of random keys on every screen.

Bounded by default (a few seconds each); the long variants carry the ``heavy`` marker and run with
``pytest -m heavy``.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import orjson
import pytest
from ui_helpers import TODAY, settle

from runmate import demo
from runmate.store import ACTIVITIES, CHECKINS, JOURNAL, Store

# --- two writers and the app ------------------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import datetime as dt, sys, time
    from pathlib import Path
    from runmate.models import CheckIn, PlannedActivity
    from runmate.store import Store

    folder, worker, count, gate = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
    store = Store(folder)
    (gate.parent / f"ready-{worker}").touch()
    while not gate.exists():
        time.sleep(0.002)
    first = dt.date(2000, 1, 1) + dt.timedelta(days=worker * 5000)
    for i in range(count):
        day = (first + dt.timedelta(days=i)).isoformat()
        if i % 2:
            store.save_checkin(CheckIn(date=day, mood=1 + i % 5, note=f"w{worker}-{i}"))
        else:
            store.add_activity(PlannedActivity(date=day, kind="walk", minutes=10, note=f"w{worker}-{i}"))
    """
)


def start_writers(data_dir: Path, gate_dir: Path, count: int) -> list[subprocess.Popen[bytes]]:
    gate_dir.mkdir()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(data_dir), str(w), str(count), str(gate_dir / "go")],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for w in range(2)
    ]
    deadline = time.monotonic() + 60
    while len(list(gate_dir.glob("ready-*"))) < 2:
        assert time.monotonic() < deadline, "the writers did not start"
        assert all(p.poll() is None for p in procs), [p.communicate() for p in procs]
        time.sleep(0.01)
    (gate_dir / "go").touch()  # both start writing at the same moment
    return procs


def raw_records(data_dir: Path) -> dict[str, Any]:
    """The data file as it is on disk (it must parse at any moment)."""
    return orjson.loads((data_dir / "runmate.json").read_bytes())


async def writers_and_the_app(app_factory, data_dir: Path, tmp_path: Path, count: int) -> None:
    app = app_factory(poll_interval=0.05)  # it follows the file as the writers change it
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        procs = start_writers(data_dir, tmp_path / "gate", count)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("4", "ctrl+s")  # the app saves a check-in of its own meanwhile
        keys = iter(["p", "j", "d", "c"] * 100_000)
        while any(p.poll() is None for p in procs):  # and reads what they write, on every screen
            await pilot.press(next(keys))
            await settle(pilot)
        for p in procs:
            _, err = p.communicate(timeout=120)
            assert p.returncode == 0, err.decode()
        await pilot.press("d")
        await settle(pilot)
        await pilot.pause(0.1)  # one more look at the file
        await settle(pilot)
        assert app.is_running

    store = Store(data_dir)
    notes = sorted(a.note for a in store.activities()) + sorted(c.note for c in store.checkins() if c.note)
    expected = sorted(f"w{w}-{i}" for w in range(2) for i in range(0, count, 2))
    expected += sorted(f"w{w}-{i}" for w in range(2) for i in range(1, count, 2))
    assert notes == expected  # none lost, none twice
    assert store.checkin_on(TODAY) is not None and store.checkin_on(TODAY).mood == 4  # and the app's own
    raw = raw_records(data_dir)
    ids = [r["id"] for table in (ACTIVITIES, CHECKINS) for r in raw[table].values()]
    assert len(ids) == len(set(ids)) == count * 2 + 1
    assert len(raw[ACTIVITIES]) + len(raw[CHECKINS]) == count * 2 + 1  # no document written twice


async def test_two_writers_and_the_open_app_lose_nothing(app_factory, data_dir, tmp_path):
    await writers_and_the_app(app_factory, data_dir, tmp_path, count=30)


@pytest.mark.heavy
async def test_two_writers_of_500_and_the_open_app_lose_nothing(app_factory, data_dir, tmp_path):
    await writers_and_the_app(app_factory, data_dir, tmp_path, count=500)


# --- a monkey at the keyboard -----------------------------------------------------------------

# Every key a person might press anywhere in runmate, except the ones that quit (q, ctrl+q, ctrl+c).
NAVIGATION = [
    *"dcpjs",
    "question_mark",
    "f1",
    "escape",
    "tab",
    "shift+tab",
    "up",
    "down",
    "left",
    "right",
    "home",
    "end",
    "pageup",
    "pagedown",
    "left_square_bracket",
    "right_square_bracket",
    "slash",
    "backspace",
    "delete",
    "ctrl+p",
    "ctrl+l",
]
TYPING = [*"abeghiklmnortuvwxzS", *"0123456789", "minus", "plus", "full_stop", "comma"]
# What saves, or says yes: left out of the run that checks nothing changes.
SAVING = ["enter", "space", "ctrl+s", "y"]


def records(data_dir: Path) -> dict[str, Any]:
    raw = raw_records(data_dir)
    return {table: raw[table] for table in (CHECKINS, ACTIVITIES, JOURNAL)}


async def monkey(app_factory, data_dir: Path, presses: int, seed: int, keys: list[str]) -> None:
    Store(data_dir).fill_demo(demo.generate(TODAY, 1))
    before = records(data_dir)
    rng = random.Random(seed)
    app = app_factory()
    pressed: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for n in range(presses):
            key = rng.choice(keys)
            pressed.append(key)
            await pilot.press(key)
            if n % 20 == 19:
                await settle(pilot)
                assert app.is_running, f"the app ended after: {pressed[-20:]}"
            if n % 50 == 49:
                raw_records(data_dir)  # the data file parses at any moment
                Store(data_dir).checkins()
        await settle(pilot)
        assert app.is_running, f"the app ended after: {pressed[-20:]}"
    after = records(data_dir)
    if not set(SAVING) & set(keys):
        for table in (CHECKINS, ACTIVITIES, JOURNAL):
            assert after[table] == before[table], f"{table} changed without a saving key; last keys: {pressed[-30:]}"


async def test_random_keys_never_crash_the_app(app_factory, data_dir):
    await monkey(app_factory, data_dir, presses=60, seed=1, keys=NAVIGATION + TYPING + SAVING)


async def test_random_keys_without_saving_keys_change_no_record(app_factory, data_dir):
    await monkey(app_factory, data_dir, presses=60, seed=2, keys=NAVIGATION + TYPING)


# Keys a seed in the heavy run (three seeds each): RUNMATE_MONKEY_KEYS=N for a shorter or longer run.
HEAVY_KEYS = int(os.environ.get("RUNMATE_MONKEY_KEYS", "2000"))


@pytest.mark.heavy
@pytest.mark.parametrize("seed", range(3))
async def test_thousands_of_random_keys_never_crash_the_app(app_factory, data_dir, seed):
    await monkey(app_factory, data_dir, presses=HEAVY_KEYS, seed=100 + seed, keys=NAVIGATION + TYPING + SAVING)


@pytest.mark.heavy
@pytest.mark.parametrize("seed", range(3))
async def test_thousands_of_random_keys_without_saving_keys_change_no_record(app_factory, data_dir, seed):
    await monkey(app_factory, data_dir, presses=HEAVY_KEYS, seed=200 + seed, keys=NAVIGATION + TYPING)


def test_the_key_lists_leave_out_the_quit_keys():
    for keys in (NAVIGATION, TYPING, SAVING):
        assert not {"q", "ctrl+q", "ctrl+c"} & set(keys)
