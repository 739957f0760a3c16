"""Snapshots of the shell's screens at 80x24 and 120x36.

The data folder sits in the test's own home folder, so the path the welcome shows
("~/.local/share/runmate/runmate.json") is the same on every run; today is fixed; cursors don't blink (tests/ui/conftest.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import TODAY, settle

from runmate.app import RunmateApp
from runmate.models import Settings
from runmate.store import DataFileError, Store

SIZES = [(80, 24), (120, 36)]


def make(welcomed: bool = True, settings: Settings | None = None) -> RunmateApp:
    store = Store(Path.home() / ".local" / "share" / "runmate")
    if settings is not None or welcomed:
        store.save_settings(settings or Settings(welcomed=True))
    store.check()
    return RunmateApp(store=store, today=TODAY, poll_interval=None)


async def steady(pilot) -> None:
    """Wait for workers, so the picture is the same every time (cursors never blink in UI tests:
    tests/ui/conftest.py)."""
    await settle(pilot)
    await pilot.pause()


SETTINGS = Settings(name="Sam", support_contact="my sister Ann", goal_days=3, goal_why="to sleep better", welcomed=True)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help(snap_compare, size):
    async def run_before(pilot):
        await pilot.press("s")
        await steady(pilot)
        await pilot.press("f1")
        await steady(pilot)

    assert snap_compare(make(settings=SETTINGS), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_settings(snap_compare, size):
    async def run_before(pilot):
        await pilot.press("s")
        await steady(pilot)

    assert snap_compare(make(settings=SETTINGS), terminal_size=size, run_before=run_before)


def test_settings_with_a_problem(snap_compare):
    async def run_before(pilot):
        await pilot.press("s")
        await steady(pilot)
        await pilot.press("tab", "tab", "backspace", "9", "ctrl+s")
        await steady(pilot)

    assert snap_compare(make(settings=SETTINGS), terminal_size=(80, 24), run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_welcome(snap_compare, size):
    async def run_before(pilot):
        await steady(pilot)

    assert snap_compare(make(welcomed=False), terminal_size=size, run_before=run_before)


def test_damaged_file(snap_compare):
    data_dir = Path.home() / ".local" / "share" / "runmate"
    data_dir.mkdir(parents=True)
    (data_dir / "runmate.json").write_bytes(b"{not json")
    store = Store(data_dir)
    with pytest.raises(DataFileError) as problem:
        store.check()
    app = RunmateApp(store=store, data_problem=problem.value, today=TODAY)
    assert snap_compare(app, terminal_size=(80, 24))
