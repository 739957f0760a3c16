"""Finding things at 80 columns: Help and Quit in every footer, the plan's own keys in view, and a
help that explains more than keys (the scales, the starter program, the data folder, the care note)."""

from __future__ import annotations

import pytest
from textual.widgets import Input
from ui_helpers import footer_line, open_mode, screen_text, settle

from runmate.models import Settings
from runmate.screens.damaged import friendly_path
from runmate.screens.help import HelpScreen
from runmate.screens.settings import SettingsScreen
from runmate.screens.welcome import WelcomeScreen


async def assert_help_and_quit(pilot, where: str) -> None:
    line = await footer_line(pilot)
    assert "? Help" in line or "f1 Help" in line, f"{where}: {line!r}"
    assert "q Quit" in line or "^q Quit" in line, f"{where}: {line!r}"


async def test_every_screen_keeps_help_and_quit_in_its_footer_at_80_columns(app_factory):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        for mode in ("dashboard", "checkin", "plan", "journal"):
            await open_mode(pilot, mode)
            await assert_help_and_quit(pilot, mode)
        await pilot.press("n")  # writing a reflection: the text area takes ? and q
        await settle(pilot)
        await assert_help_and_quit(pilot, "journal, writing")
        line = await footer_line(pilot)
        assert "f1 Help" in line and "^q Quit" in line
        await pilot.press("escape")
        await settle(pilot)
        await open_mode(pilot, "plan")
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        await assert_help_and_quit(pilot, "settings")
        await pilot.press("escape")
        await open_mode(pilot, "checkin")
        await pilot.press("tab", "tab", "tab", "tab", "tab")  # the note
        assert isinstance(app.focused, Input)
        await assert_help_and_quit(pilot, "check-in, on the note")
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        await assert_help_and_quit(pilot, "help")


async def test_the_welcome_keeps_help_and_quit_in_its_footer(app_factory):
    app = app_factory(welcomed=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        await assert_help_and_quit(pilot, "welcome")


async def test_the_plan_shows_its_own_keys_without_opening_help(app_factory):
    app = app_factory(mode="plan")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        text = screen_text(app)
        for words in ("e edit", "m move", "r rest", "x delete", "g goal", "S starter"):
            assert words in text, words
        line = await footer_line(pilot)
        for words in ("Week", "a Add", "space Done", "? Help", "q Quit"):
            assert words in line, words


async def test_help_explains_the_scales_the_starter_the_data_folder_and_care(app_factory, data_dir):
    app = app_factory(settings=Settings(welcomed=True, support_contact="my sister Ann [b]"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("question_mark")
        await settle(pilot)
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        # Read from the widgets: the help scrolls, and not all of it is on the terminal at once.
        text = " ".join(str(w.render()) for w in help_screen.query("Static")).replace("\n", " ")
    assert "Stress: 1 calm … 5 very stressed" in text
    assert "9-week walk/run" in text
    assert friendly_path(data_dir) in text and "runmate.json" in text
    assert "not a treatment" in text and "talk to your doctor" in text
    assert "call your local emergency number" in text
    assert "reach out to my sister Ann [b]." in text  # shown literally, not read as markup


async def test_help_says_runmate_is_not_a_treatment_even_without_a_contact(app_factory):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await settle(pilot)
        text = screen_text(app)
        assert "runmate is not a treatment" in text and "emergency number" in text
        assert "reach out to" not in text


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
async def test_settings_say_what_the_goal_counts(app_factory, size):
    app = app_factory()
    async with app.run_test(size=size) as pilot:
        await pilot.press("s")
        await settle(pilot)
        text = screen_text(app)
        assert "Days a week with movement" in text
        assert "Someone to reach out to" in text
