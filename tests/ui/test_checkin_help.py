"""Help and the footer on the check-in screen: every key is listed, help and quit fit in 80 columns."""

from __future__ import annotations

from functools import partial

import pytest
from ui_helpers import TODAY, footer_line, open_mode, screen_text, settle

from runmate.models import CheckIn
from runmate.screens.checkin import CheckInScreen
from runmate.screens.help import HelpScreen

# The keys that work on the check-in screen right now: the screen's own, then the focused scale's.
SCREEN_KEYS = {
    "^s": "Save",
    "[": "Day before",
    "]": "Day after",
    "⏎": "Next field; on the note, save",
}
SCALE_KEYS = {
    "1-5": "Set the scale",
    "← or -": "Lower the scale",
    "→ or +": "Raise the scale",
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
async def test_help_lists_the_keys_that_work_where_the_focus_is(app_factory, focus_presses):
    app = app_factory()  # nothing stored yet: Delete and Use last sleep do nothing, so not listed
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_mode(pilot, "checkin")
        await pilot.press(*["tab"] * focus_presses)
        await settle(pilot)
        assert screen.check_action("delete", ()) is False
        here = await open_help(pilot)
        if focus_presses == 0:  # on mood, a scale that can't be emptied: no "Clear the scale"
            assert here == {**SCREEN_KEYS, **SCALE_KEYS}
        else:  # a text field takes [ and ], the digits and Enter (which moves on as it submits)
            assert here == {"^s": "Save"}
        assert next(iter(here)) == "^s"  # the screen's own keys first, then the scale's
        _, everywhere = app.screen.sections
        rows = {row.keys_text: row.description for row in everywhere.rows}
        if focus_presses == 0:
            assert rows["? or f1"] == "Help" and rows["q or ^q"] == "Quit" and rows["c"] == "Check-in"
        else:  # ? q and the mode letters go into the field: f1 and ^q still work
            assert rows["f1"] == "Help" and rows["^q"] == "Quit" and "c" not in rows
        assert "1" not in rows and "x" not in rows
        text = screen_text(app)
        assert "You opened help from: Check-in" in text
        for words in here.values():
            assert words in text, words
        assert "Delete" not in text.split("Everywhere in runmate")[0]


async def test_help_with_a_saved_checkin_lists_delete_and_the_last_sleep(app_factory):
    app = app_factory()
    app.store.save_checkin(CheckIn(date=(TODAY.replace(day=24)).isoformat(), mood=3, sleep_hours=7))
    app.store.save_checkin(CheckIn(date=TODAY.isoformat(), mood=4))
    async with app.run_test(size=(120, 36)) as pilot:
        await open_mode(pilot, "checkin")
        assert await open_help(pilot) == {
            **SCREEN_KEYS,
            "x": "Delete",
            "^l": "Use last sleep",
            **SCALE_KEYS,
        }
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
