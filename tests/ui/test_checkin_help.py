"""Help and the footer on the check-in screen: every key is listed, help and quit fit in 80 columns."""

from __future__ import annotations

from functools import partial

import pytest
from ui_helpers import TODAY, footer_line, open_mode, screen_text, settle

from runmate.models import CheckIn
from runmate.screens.checkin import CheckInScreen
from runmate.screens.help import HelpScreen

# Every key of the check-in screen and of its scales, whatever is focused or saved.
SCREEN_KEYS = {
    "^s": "Save",
    "[": "Day before",
    "]": "Day after",
    "x": "Delete",
    "^l": "Use last sleep",
    "⏎": "Next field; on the note, save",
    "1-5": "Set the scale",
    "← or -": "Lower the scale",
    "→ or +": "Raise the scale",
    "⌫ or del": "Clear the scale",
}


@pytest.fixture
def app_factory(app_factory):
    """Apps here start on the check-in screen (test_shell.py covers the key that opens it)."""
    return partial(app_factory, mode="checkin")


async def open_help(pilot) -> dict[str, str]:
    await pilot.press("f1")  # ? would go into a focused text field
    await settle(pilot)
    assert isinstance(pilot.app.screen, HelpScreen)
    here, _ = pilot.app.screen.sections
    return {row.keys_text: row.description for row in here.rows}


@pytest.mark.parametrize("focus_presses", [0, 3, 5], ids=["on-mood", "on-sleep-hours", "on-note"])
async def test_help_lists_every_key_of_the_checkin_screen(app_factory, focus_presses):
    app = app_factory()  # nothing stored yet: Delete and Use last sleep are switched off, still listed
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_mode(pilot, "checkin")
        await pilot.press(*["tab"] * focus_presses)
        await settle(pilot)
        assert screen.check_action("delete", ()) is False
        here = await open_help(pilot)
        assert here == SCREEN_KEYS
        assert list(here)[:2] == ["^s", "["]  # the screen's own keys first, then the scales'
        _, everywhere = app.screen.sections
        rows = {row.keys_text: row.description for row in everywhere.rows}
        assert rows["? or f1"] == "Help" and rows["q or ^q"] == "Quit" and rows["c"] == "Check-in"
        assert "1" not in rows and "x" not in rows
        text = screen_text(app)
        assert "You opened help from: Check-in" in text
        for words in ("1-5", "Set the scale", "Delete", "Use last sleep", "Next field"):
            assert words in text, words


async def test_help_with_a_saved_checkin_lists_the_same_keys(app_factory):
    app = app_factory()
    app.store.save_checkin(CheckIn(date=(TODAY.replace(day=24)).isoformat(), mood=3, sleep_hours=7))
    app.store.save_checkin(CheckIn(date=TODAY.isoformat(), mood=4))
    async with app.run_test(size=(120, 36)) as pilot:
        await open_mode(pilot, "checkin")
        assert await open_help(pilot) == SCREEN_KEYS
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
async def test_footer_keeps_help_and_quit_in_view(app_factory, size):
    app = app_factory()
    app.store.save_checkin(CheckIn(date=TODAY.isoformat(), mood=4, sleep_hours=7))
    async with app.run_test(size=size) as pilot:
        await open_mode(pilot, "checkin")
        footer = await footer_line(pilot)
        for words in ("^s Save", "d Dashboard", "s Settings", "? Help", "q Quit"):
            assert words in footer, footer
        # The screen's other keys are on its own key line (and in the help).
        assert "[ ] other day" in screen_text(app) and "x delete" in screen_text(app)
