"""A screen is styled once as it opens (runmate.screens.styled), and still follows the theme."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.color import Color
from textual.screen import Screen
from ui_helpers import open_mode, settle

import runmate.screens
from runmate.screens.confirm import ConfirmScreen
from runmate.screens.styled import breakpoint_classes

BREAKPOINT_CLASSES = {"-narrow", "-wide", "-short", "-tall"}


def restyles_of_whole_screens(app, monkeypatch) -> list[str]:
    """Names of the screens Textual styles again from the top, from now on (a screen's own
    update_node_styles passes the screen first, then everything on it)."""
    seen: list[str] = []
    update_nodes = app.stylesheet.update_nodes

    def counting(nodes, animate=False):
        nodes = list(nodes)
        if nodes and isinstance(nodes[0], Screen):
            seen.append(type(nodes[0]).__name__)
        return update_nodes(nodes, animate=animate)

    monkeypatch.setattr(app.stylesheet, "update_nodes", counting)
    return seen


# The check-in has breakpoints of its own (wide from 110 columns, the app from 100).
@pytest.mark.parametrize("size", [(60, 20), (99, 29), (100, 30), (105, 40), (150, 50)])
async def test_a_screen_starts_with_the_classes_textual_gives_it_at_its_size(app_factory, size):
    app = app_factory()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        made = ConfirmScreen("Go on?")  # made in the app: it knows the terminal's size
        assert set(made.classes) == set(breakpoint_classes(made, app, app.size))
        await pilot.press("c")
        await settle(pilot)
        # What Textual gave the screen at its Resize is what it started with.
        assert set(app.screen.classes) & BREAKPOINT_CLASSES == set(breakpoint_classes(app.screen, app, app.size))
        await pilot.resize_terminal(size[0] + 45, size[1] + 12)
        await settle(pilot)
        assert set(app.screen.classes) & BREAKPOINT_CLASSES == set(breakpoint_classes(app.screen, app, app.size))


async def test_a_new_mode_screen_is_not_styled_again_when_first_shown(app_factory, monkeypatch):
    app = app_factory()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.warm_up()  # the stylesheets of the other modes are read, as they are 0.25 s after the start
        seen = restyles_of_whole_screens(app, monkeypatch)
        await open_mode(pilot, "checkin")
        # Textual would style the new screen again at its first Resize (its breakpoint classes) and
        # at each of the two showings it gets.
        assert "CheckInScreen" not in seen


async def test_a_dialog_opened_again_is_styled_once(app_factory, monkeypatch):
    app = app_factory(mode="checkin")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        for _ in range(2):
            seen = restyles_of_whole_screens(app, monkeypatch)
            await pilot.press("s")
            await settle(pilot)
            await pilot.press("escape")
            await settle(pilot)
        # The second time the settings screen's stylesheet is there already.
        assert "SettingsScreen" not in seen


async def test_a_screen_back_from_the_background_follows_a_change_of_theme(app_factory):
    """Whoever restyles it (Textual's refresh of all the CSS reaches screens in the background too),
    a mode screen left for another shows the new theme when it comes back."""
    app = app_factory(mode="checkin")
    async with app.run_test(size=(120, 36)) as pilot:
        checkin = await open_mode(pilot, "checkin")
        await open_mode(pilot, "plan")
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await settle(pilot)
        assert await open_mode(pilot, "checkin") is checkin
        assert checkin.styles.background == Color.parse(app.current_theme.background)


@pytest.mark.parametrize("css_changed", [False, True])
async def test_a_screen_shown_first_after_the_css_changed_is_styled_again(app_factory, monkeypatch, css_changed):
    app = app_factory()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        ConfirmScreen("Go on?")  # its stylesheet is read as it is made
        question = ConfirmScreen("Go on?")
        if css_changed:  # a stylesheet read after the question was made, before it shows
            app.stylesheet.add_source("#confirm-box { border: heavy red; }", read_from=("test", "later"))
        seen = restyles_of_whole_screens(app, monkeypatch)
        app.push_screen(question)
        await settle(pilot)
        assert ("ConfirmScreen" in seen) is css_changed


# Which modules make the widgets each screen stylesheet styles.
SHEET_OWNERS = {
    "checkin.tcss": {"checkin.py"},
    "confirm.tcss": {"confirm.py", "clash.py"},
    "damaged.tcss": {"damaged.py"},
    "dashboard.tcss": {"dashboard.py", "dashboard_panels.py"},
    "help.tcss": {"help.py"},
    "journal.tcss": {"journal.py", "journal_reader.py", "journal_draft.py"},
    "plan.tcss": {"plan.py", "plan_dialogs.py", "plan_done.py", "plan_starter.py", "plan_undo.py", "plan_week.py"},
    "settings.tcss": {"settings.py"},
    "welcome.tcss": {"welcome.py"},
}


def test_each_screen_stylesheet_is_about_its_own_screen():
    """A screen reads its stylesheet as it is made, and no other screen is styled again for it
    (runmate.screens.styled): so no rule of it may reach a widget of another screen. Every rule
    starts at the screen's own type, or at an id or class that only its own modules use."""
    screens = Path(runmate.screens.__file__).parent
    assert {path.name for path in screens.glob("*.tcss")} == set(SHEET_OWNERS)
    modules = {
        path.name: path.read_text() for path in [*screens.glob("*.py"), *(screens.parent / "widgets").glob("*.py")]
    }
    for sheet, owners in SHEET_OWNERS.items():
        css = re.sub(r"/\*.*?\*/", "", (screens / sheet).read_text(), flags=re.DOTALL)
        owner_types = {name for module in owners for name in re.findall(r"^class (\w+)", modules[module], re.MULTILINE)}
        for selectors in re.findall(r"([^{}]+)\{", css):
            for selector in selectors.split(","):
                first = re.match(r"\s*([.#]?[\w-]+)", selector)
                assert first, (sheet, selector)
                start = first.group(1)
                if start[0] in ".#":
                    used_by = {
                        name
                        for name, text in modules.items()
                        if re.search(rf"[\"' ]{re.escape(start[1:])}[\"' ]", text)
                    }
                    assert used_by <= owners, (sheet, selector.strip(), used_by - owners)
                else:
                    assert start in owner_types, (sheet, selector.strip())
