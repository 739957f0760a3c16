"""A runmate killed at any moment while it writes loses nothing it said was saved.

A child process saves check-ins on distinct dates in a loop and prints each date once the store
has returned (acknowledged it). It is killed with SIGKILL at a random moment (no clean-up of any
kind, like a power cut for the process); after every kill the data file parses and holds every
acknowledged check-in. A few kills by default; 1,000 in the heavy run (``pytest -m heavy``).
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import orjson
import pytest

from runmate.store import CHECKINS, Store

CHILD = textwrap.dedent(
    """
    import datetime as dt, sys
    from runmate.models import CheckIn
    from runmate.store import Store

    folder, first, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    store = Store(folder)
    start = dt.date(1900, 1, 1)
    print("ready", flush=True)
    for n in range(first, first + count):
        day = (start + dt.timedelta(days=n)).isoformat()
        store.save_checkin(CheckIn(date=day, mood=1 + n % 5, note=f"saved {n}"))
        print(day, flush=True)
    """
)
# Each child writes at most this many check-ins (the dates of the next child start after them).
PER_CHILD = 200


def acknowledged_until_killed(folder: Path, first: int, rng: random.Random) -> list[str]:
    """Start a child writing from day ``first``, SIGKILL it at a random moment, return its acks."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder), str(first), str(PER_CHILD)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None
    try:
        # Wait until it runs (imports take a while), then let it write for a random moment:
        # sometimes before its first save ends, sometimes a few saves in, in any part of a save.
        ready, _, _ = select.select([child.stdout], [], [], 60)
        assert ready, "the child did not start"
        time.sleep(rng.uniform(0, 0.08))
    finally:
        os.kill(child.pid, signal.SIGKILL)
        out, err = child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL, err.decode()
    lines = out.decode().split()
    assert lines and lines[0] == "ready"
    return lines[1:]


def kill_and_check(folder: Path, kills: int, seed: int) -> int:
    rng = random.Random(seed)
    acknowledged: set[str] = set()
    for round_ in range(kills):
        acknowledged.update(acknowledged_until_killed(folder, round_ * PER_CHILD, rng))
        if not (folder / "runmate.json").exists():
            assert not acknowledged  # killed before its first save: nothing was promised
            continue
        data = orjson.loads((folder / "runmate.json").read_bytes())  # parses as it is, no repair
        on_file = {record["date"] for record in data[CHECKINS].values()}
        missing = acknowledged - on_file
        assert not missing, f"after kill {round_ + 1}: acknowledged but lost: {sorted(missing)[:5]}"
    store = Store(folder)
    store.check()  # what runmate does at start: a temporary file left by a kill goes, the data stays
    assert {c.date for c in store.checkins()} >= acknowledged
    assert sorted(p.name for p in folder.iterdir()) == ["runmate.json", "runmate.json.checked", "runmate.json.lock"]
    ids = [c.id for c in store.checkins()]
    assert len(ids) == len(set(ids))
    return len(acknowledged)


def test_killed_writers_lose_no_acknowledged_check_in(data_dir):
    saved = kill_and_check(data_dir, kills=4, seed=13)
    assert saved > 0  # the kills did land while it was writing


@pytest.mark.heavy
def test_killed_writers_lose_no_acknowledged_check_in_1000_times(data_dir):
    kills = int(os.environ.get("RUNMATE_KILLS", "1000"))
    saved = kill_and_check(data_dir, kills=kills, seed=2026)
    assert saved > kills // 2
