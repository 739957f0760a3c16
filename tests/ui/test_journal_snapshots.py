"""Snapshots of the journal at 80x24 and 120x36: the list and reader, a new reflection under the day's
prompt, and everything (with check-in and activity notes)."""

from __future__ import annotations

import pytest
from test_journal_screen import seed
from ui_helpers import open_mode, settle

SIZES = [(80, 24), (120, 36)]


def _app(app_factory, data_dir):
    app = app_factory()
    seed(data_dir)
    return app


async def _open(pilot) -> None:
    await open_mode(pilot, "journal")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_journal_list(snap_compare, app_factory, data_dir, size):
    assert snap_compare(_app(app_factory, data_dir), run_before=_open, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_journal_new_reflection(snap_compare, app_factory, data_dir, size):
    async def write(pilot) -> None:
        await _open(pilot)
        await pilot.press("n")
        await settle(pilot)

    assert snap_compare(_app(app_factory, data_dir), run_before=write, terminal_size=size)


def test_journal_reading_at_80x24(snap_compare, app_factory, data_dir):
    async def read(pilot) -> None:
        await _open(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)

    assert snap_compare(_app(app_factory, data_dir), run_before=read, terminal_size=(80, 24))


def test_journal_everything_120x36(snap_compare, app_factory, data_dir):
    async def everything(pilot) -> None:
        await _open(pilot)
        await pilot.press("f", "home")
        await settle(pilot)

    assert snap_compare(_app(app_factory, data_dir), run_before=everything, terminal_size=(120, 36))
