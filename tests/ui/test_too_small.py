"""A terminal too small for runmate: one calm line instead of a crash, and everything back as it was
once there is room again."""

from __future__ import annotations

import pytest
from ui_helpers import TODAY, open_mode, screen_text, settle

from runmate.models import CheckIn, PlannedActivity
from runmate.screens.checkin import CheckInScreen
from runmate.screens.too_small import MIN_COLUMNS, MIN_ROWS, TooSmallScreen
from runmate.store import Store


def seed(data_dir) -> bytes:
    store = Store(data_dir)
    store.save_checkin(CheckIn(date=TODAY.isoformat(), mood=3, note="a note"))
    store.add_activity(PlannedActivity(date=TODAY.isoformat(), kind="walk", minutes=20))
    return (data_dir / "runmate.json").read_bytes()


@pytest.mark.parametrize("size", [(1, 1), (2, 12), (MIN_COLUMNS - 1, 30), (80, MIN_ROWS - 1)])
async def test_a_tiny_terminal_shows_one_line_and_no_key_breaks_it(app_factory, data_dir, size):
    app = app_factory()
    before = seed(data_dir)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for key in ["y", "enter", "p", "a", "enter", "j", "t", "c", "4", "s", "question_mark", "ctrl+p"]:
            await pilot.press(key)
            await settle(pilot)
            assert app.is_running and isinstance(app.screen, TooSmallScreen), key
        await pilot.press("ctrl+q")
        await settle(pilot)
    assert not app.is_running
    assert (data_dir / "runmate.json").read_bytes() == before


async def test_room_again_brings_the_screen_back_as_it_was(app_factory, data_dir):
    seed(data_dir)
    app = app_factory(mode="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_mode(pilot, "checkin")
        screen.query_one("#note").value = "typed before the window shrank"
        await pilot.resize_terminal(2, 12)
        await settle(pilot)
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen) and app.screen is screen
        assert screen.query_one("#note").value == "typed before the window shrank"
        assert "Check-in for" in screen_text(app)
