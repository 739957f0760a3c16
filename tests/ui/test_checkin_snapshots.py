"""Snapshots of the check-in screen: empty, filled, with errors and asking before a delete."""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest
from ui_helpers import TODAY, open_mode, paste

from runmate.models import CheckIn

SIZES = [(80, 24), (120, 36)]


@pytest.fixture
def app_factory(app_factory):
    """Apps here start on the check-in screen (test_shell.py covers the key that opens it)."""
    return partial(app_factory, mode="checkin")


def _history(store) -> None:
    """A few earlier check-ins, so the sleep hint and the recent list have something to show."""
    for days_ago, mood, hours in ((1, 4, 7.5), (2, 3, None), (3, 2, 6.0), (5, 4, 8.0)):
        day = (TODAY - dt.timedelta(days=days_ago)).isoformat()
        store.save_checkin(CheckIn(date=day, mood=mood, energy=3, sleep_hours=hours))


async def _open(pilot) -> None:
    await open_mode(pilot, "checkin")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_empty_checkin(snap_compare, app_factory, size):
    app = app_factory()
    _history(app.store)
    assert snap_compare(app, run_before=_open, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_filled_checkin(snap_compare, app_factory, size):
    app = app_factory()
    _history(app.store)

    async def fill(pilot) -> None:
        await _open(pilot)
        await pilot.press("4", "2", "3", "ctrl+l", "enter", "3")
        paste(pilot.app, "slow start, [bold]x[/]")
        await pilot.pause()

    assert snap_compare(app, run_before=fill, terminal_size=size)


def test_errors_next_to_fields(snap_compare, app_factory):
    app = app_factory()

    async def bad(pilot) -> None:
        await _open(pilot)
        await pilot.press("tab", "2", "tab", "3", "0", "ctrl+s")  # no mood, 30 hours of sleep
        await pilot.pause()

    assert snap_compare(app, run_before=bad, terminal_size=(80, 24))


def test_delete_asks_first(snap_compare, app_factory):
    app = app_factory()
    app.store.save_checkin(CheckIn(date=TODAY.isoformat(), mood=3, energy=2, note="[bold]x[/]"))

    async def ask(pilot) -> None:
        await _open(pilot)
        await pilot.press("x")
        await pilot.pause()

    assert snap_compare(app, run_before=ask, terminal_size=(80, 24))
