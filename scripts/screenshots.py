"""Make the README's screenshots in screenshots/ from demo data.

    .venv/bin/python scripts/screenshots.py

Each screen is shown at 120x36 on a fresh copy of one demo data set, with "today" fixed so the
pictures only change when the screens do.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from runmate import demo
from runmate.app import RunmateApp
from runmate.store import Store

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "screenshots"
TODAY = dt.date(2026, 11, 25)
SEED = 5
SIZE = (120, 36)


def _written_elsewhere(data_dir: Path) -> None:
    """What a check-in from the shell in another terminal would write meanwhile."""
    from runmate.edits import Edit

    Store(data_dir).edit_checkin(TODAY, Edit.direct_change({"mood": 5, "energy": 4, "note": "From the shell"}))


# name -> keys pressed after start-up (a function in the list runs there, on the data folder)
SHOTS: dict[str, list[str | Callable[[Path], None]]] = {
    "dashboard": [],
    "dashboard-year": ["y", "left", "left"],
    "dashboard-day": ["y", "left", "left", "enter"],
    "checkin": ["c"],
    "checkin-filled": ["c", "4", "3", "2", "7", ".", "5", "enter", "4", *"Bright", "space", *"morning"],
    "plan": ["p"],
    "plan-add": ["p", "a"],
    "plan-done": ["p", "down", "space"],
    "plan-log": ["p", "l"],
    "plan-starter": ["p", "S"],
    "help": ["question_mark"],
    "settings": ["s"],
    "checkin-clash": ["c", "3", "2", _written_elsewhere, "ctrl+s"],
    "journal": ["j"],
    "journal-write": ["j", "n"],
    "journal-search": ["j", "slash", *"park"],
}
# The same, on the smallest terminal runmate is made for.
SMALL = (80, 24)
SMALL_SHOTS: dict[str, list[str | Callable[[Path], None]]] = {"dashboard-80x24": [], "plan-80x24": ["p"]}


async def _settle(app: RunmateApp, pilot) -> None:
    """Wait for the app's work, but not for work that waits on a question being answered."""
    await pilot.pause()
    while [w for w in app.workers if w.is_running and w not in app.workers_waiting]:
        await asyncio.sleep(0.01)
    await pilot.pause()


async def shoot(
    data_dir: Path,
    name: str,
    keys: list[str | Callable[[Path], None]],
    *,
    welcomed: bool = True,
    size: tuple[int, int] = SIZE,
) -> Path:
    store = Store(data_dir)
    if not welcomed:
        store.update_settings(lambda s: setattr(s, "welcomed", False))
    app = RunmateApp(store=store, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await _settle(app, pilot)
        for key in keys:
            if callable(key):
                key(data_dir)
            else:
                await pilot.press(key)
            await _settle(app, pilot)
        await pilot.pause(0.2)
        path = app.save_screenshot(filename=f"{name}.svg", path=str(OUT))
    return Path(path)


async def main() -> int:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "demo"
        Store(source).fill_demo(demo.generate(TODAY, 1, seed=SEED))
        for name, keys in SHOTS.items():
            work = Path(tmp) / name
            shutil.copytree(source, work)
            print(await shoot(work, name, keys))
        for name, keys in SMALL_SHOTS.items():
            work = Path(tmp) / name
            shutil.copytree(source, work)
            print(await shoot(work, name, keys, size=SMALL))
        # The welcome names the data folder: where a new user's is, under a home made for the shot
        # (shown as ~/...), so the picture is the same on every run.
        home = Path(tmp) / "home"
        work = home / ".local" / "share" / "runmate"
        shutil.copytree(source, work)
        real_home = os.environ.get("HOME")
        os.environ["HOME"] = str(home)
        try:
            print(await shoot(work, "welcome", [], welcomed=False))
        finally:
            if real_home is None:
                os.environ.pop("HOME")
            else:
                os.environ["HOME"] = real_home
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
