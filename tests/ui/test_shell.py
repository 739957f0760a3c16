"""The app shell: modes, help, settings, welcome, damaged file, live data, unsaved edits."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static
from textual.worker import WorkerFailed
from ui_helpers import ProbeScreen, make_probe_app, paste, screen_text, settle

from runmate.app import RunmateApp
from runmate.models import CheckIn, Settings
from runmate.palette import COMMANDS, RunmateCommands
from runmate.screens.checkin import CheckInScreen
from runmate.screens.confirm import ConfirmScreen
from runmate.screens.damaged import DamagedDataScreen
from runmate.screens.dashboard import DashboardScreen
from runmate.screens.help import HelpScreen
from runmate.screens.modes import MODES
from runmate.screens.settings import SettingsScreen
from runmate.screens.welcome import WelcomeScreen
from runmate.store import DataFileError, Store

# Each mode's key: its name and its screen class, from the table of modes.
MODE_KEYS = {mode.key: (mode.name, mode.load()) for mode in MODES}


async def wait_until(pilot, condition, seconds: float = 5.0) -> bool:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return True
        await pilot.pause(0.05)
    return condition()


def asks_to_leave(app) -> bool:
    """The "Leave without saving?" question is on top."""
    return isinstance(app.screen, ConfirmScreen) and "Leave without saving?" in screen_text(app)


# -- modes ----------------------------------------------------------------------------------------


# A walk through the modes that takes every step from one mode to another (and to itself) once:
# 16 presses prove each mode key works from every mode, in one app.
MODE_WALK = "ddcdpdjccpcjppjjd"


async def test_mode_keys_switch_from_every_mode(app_factory):
    assert set(pairwise(MODE_WALK)) == {(a, b) for a in MODE_KEYS for b in MODE_KEYS}
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.current_mode == "dashboard"  # the walk starts where the app starts
        for before, key in pairwise(MODE_WALK):
            assert app.current_mode == MODE_KEYS[before][0]
            await pilot.press(key)
            await settle(pilot)
            mode, screen_type = MODE_KEYS[key]
            assert app.current_mode == mode, (before, key)
            assert isinstance(app.screen, screen_type)
            assert len(app.screen_stack) == 1


async def test_the_warm_up_imports_the_other_modes_and_changes_nothing_they_show(app_factory):
    """Soon after the start the app imports the other modes' screens (so a first visit does not);
    each mode then looks exactly as it does without the warm-up, and the warm-up raises nothing."""
    shown: dict[float | None, dict[str, str]] = {}
    for warm_up_after in (None, 0.01):
        app = app_factory(warm_up_after=warm_up_after)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.pause(0.05)  # the warm-up's timer
            await settle(pilot)
            shown[warm_up_after] = {}
            for key in "cpjd":
                await pilot.press(key)
                await settle(pilot)
                shown[warm_up_after][key] = screen_text(app)
    assert shown[0.01] == shown[None]


# ? and f1 open the same help screen (test_help_lists_the_screen_and_app_keys opens it with each):
# the help run takes turns between them.
@pytest.mark.parametrize("openers", [("s",), ("question_mark", "f1")], ids=["settings", "help"])
async def test_mode_keys_work_from_settings_and_help(app_factory, openers):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        # The app starts on the dashboard; each key is pressed from the mode the one before opened.
        for n, key in enumerate("cpjd"):
            mode, screen_type = MODE_KEYS[key]
            assert app.current_mode != mode  # starts somewhere else than the target
            opener = openers[n % len(openers)]
            await pilot.press(opener)
            await settle(pilot)
            assert isinstance(app.screen, SettingsScreen if opener == "s" else HelpScreen)
            if opener == "s":
                app.screen.query_one("#theme", Select).focus()  # off the text fields
                await settle(pilot)
                assert not isinstance(app.focused, Input)
            await pilot.press(key)
            await settle(pilot)
            assert app.current_mode == mode
            assert isinstance(app.screen, screen_type), (opener, key)
            assert len(app.screen_stack) == 1


def footer_keys(app) -> dict[str, bool]:
    """Each key the footer shows for the current screen, and whether it is enabled (not greyed).

    The footer draws exactly these: the screen's active bindings that are not hidden.
    """
    return {b.action: enabled for _, b, enabled, _ in app.screen.active_bindings.values() if b.show}


async def test_current_mode_is_greyed_in_the_footer(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        keys = footer_keys(app)
        assert keys["goto('dashboard')"] is False
        assert keys["goto('checkin')"] is True
        assert "d Dashboard" in screen_text(app).splitlines()[-1]  # greyed, still there
        await pilot.press("c")
        await settle(pilot)
        keys = footer_keys(app)
        assert keys["goto('checkin')"] is False
        assert keys["goto('dashboard')"] is True
        # On settings (over the check-in) the check-in key goes back, so it is not greyed.
        await pilot.press("s")
        await settle(pilot)
        app.screen.query_one("#theme", Select).focus()  # off the text fields
        await settle(pilot)
        keys = footer_keys(app)
        assert keys["goto('checkin')"] is True
        assert keys["settings"] is False


async def test_quit_key(app_factory):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0
        assert not app.is_running


async def test_command_palette_offers_the_same_actions(app_factory):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"journal")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_mode == "journal"
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"settings")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)


async def test_the_palette_offers_every_app_key_and_names_it(app_factory):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await settle(pilot)
        offered = {hit.text: hit.help async for hit in RunmateCommands(app.screen).discover()}
        # What the footer and help show for the app's keys: each action once, with its shown keys.
        keys: dict[str, list[str]] = {}
        for binding in RunmateApp.BINDINGS:
            if binding.show:
                keys.setdefault(binding.description, []).append(app.get_key_display(binding))
        del keys["Check-in"]  # where you are is not offered, as its key is greyed
        keyless = {command.name for command in COMMANDS if command.in_palette and not command.keys}
        assert set(offered) == set(keys) | keyless  # a command without a key (export) is in the palette only
        for name, shown in keys.items():
            assert offered[name].endswith(f"({' or '.join(shown)})"), (name, offered[name])
        assert offered["Help"].endswith("(? or f1)") and offered["Quit"].endswith("(q or ^q)")


# -- help -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["question_mark", "f1"])
async def test_help_lists_the_screen_and_app_keys(data_dir, key):
    app = make_probe_app(data_dir)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "On this screen" in text and "Everywhere in runmate" in text
        here, everywhere = ({" or ".join(r.keys): r.description for r in s.rows} for s in app.screen.sections)
        # The probe screen's own bindings, including one hidden from the footer.
        assert here == {"x": "Start an edit", "^r": "Reload now"}
        assert everywhere["d"] == "Dashboard" and everywhere["c"] == "Check-in"
        assert everywhere["p"] == "Plan" and everywhere["j"] == "Journal"
        assert everywhere["s"] == "Settings" and everywhere["? or f1"] == "Help"
        assert everywhere["q or ^q"] == "Quit" and everywhere["^p"] == "Search all actions"
        # ... and they are on screen.
        for words in [*here.values(), *everywhere.values(), "? or f1", "q or ^q"]:
            assert words in text, words
        # ? / f1 close it again; escape too.
        await pilot.press(key)
        await settle(pilot)
        assert isinstance(app.screen, ProbeScreen)
        await pilot.press("question_mark")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ProbeScreen)


@pytest.mark.parametrize("mode", ["dashboard", "checkin", "plan", "journal"])
async def test_help_lists_only_keys_that_work_on_the_screen(app_factory, mode):
    """Every key help lists is one Textual has active on that screen now, with its action; the
    journal's list scrolls only up and down, so no sideways scrolling is offered there."""
    app = app_factory(mode=mode)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = app.screen
        active = {(b.binding.action, b.binding.description) for b in screen.active_bindings.values()}
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        here, _ = app.screen.sections
        assert here.rows
        for row in here.rows:
            assert any(action == row.action for action, _ in active), row
        text = screen_text(app)
        for nothing in ("Scroll Left", "Scroll Right", "Page Left", "Page Right"):
            assert nothing not in text


async def test_help_on_settings_lists_its_save_key(app_factory):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("f1")  # ? would go into the name field
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "You opened help from: Settings" in text
        here = text.split("Everywhere in runmate")[0]
        assert "Save" in here and "^s" in here
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)


# -- text fields keep their letters -----------------------------------------------------------------


async def test_letters_go_into_a_focused_field(app_factory, data_dir):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.focused, Input) and app.focused.id == "name"
        await pilot.press(*"dcpjsq?")
        await settle(pilot)
        assert app.screen.query_one("#name", Input).value == "dcpjsq?"
        assert isinstance(app.screen, SettingsScreen)
        assert app.current_mode == "dashboard"
        assert app.is_running
    assert Store(data_dir).settings().name == ""


async def test_letters_go_into_a_field_on_a_mode_screen(data_dir):
    app = make_probe_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one("#probe-input", Input).focus()
        await pilot.press(*"dcpjsqx")
        await settle(pilot)
        assert app.screen.query_one("#probe-input", Input).value == "dcpjsqx"
        assert app.current_mode == "dashboard" and isinstance(app.screen, ProbeScreen)
        assert not app.screen.dirty


# -- welcome --------------------------------------------------------------------------------------


async def test_welcome_shows_once(app_factory, data_dir):
    app = app_factory(welcomed=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        text = screen_text(app)
        assert "Welcome to runmate" in text
        assert "runmate.json" in text
        assert "unencrypted" in text and "only your user account can read" in text
        assert "not a treatment" in text
        assert "Talk to your doctor if you are worried about your health" in text
        assert "emergency number" in text
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    assert Store(data_dir).settings().welcomed is True

    again = RunmateApp(store=Store(data_dir), poll_interval=None)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, DashboardScreen)
        assert "Welcome to runmate" not in screen_text(again)


async def test_welcome_shows_where_the_data_lives(tmp_path, monkeypatch):
    data_dir = Path.home() / "runmate-data"
    app = RunmateApp(store=Store(data_dir), poll_interval=None)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert "~/runmate-data/runmate.json" in screen_text(app)


async def test_welcome_closed_by_a_mode_key_counts_as_seen(app_factory, data_dir):
    app = app_factory(welcomed=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one("#welcome-skip").focus()  # off the first question, which takes letters
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen)
    assert Store(data_dir).settings().welcomed is True


# -- settings -------------------------------------------------------------------------------------


async def test_settings_persist_and_theme_applies_at_start(app_factory, data_dir):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await settle(pilot)
        await pilot.press(*"Sam", "tab")
        paste(app, "my sister Ann")
        await pilot.press("tab", "backspace", "4", "tab")
        paste(app, "to sleep better")
        await pilot.press("tab", "tab", "tab")  # past the country and your own line, to the theme
        await settle(pilot)
        assert isinstance(app.focused, Select)
        await pilot.press("enter")  # open the list
        await settle(pilot)
        await pilot.press("down", "down", "enter")  # Dark -> Light -> Nord
        await settle(pilot)
        assert app.theme == "nord"  # applied while choosing
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, SettingsScreen)
    saved = Store(data_dir).settings()
    assert (saved.name, saved.support_contact, saved.goal_days, saved.goal_why, saved.theme) == (
        "Sam",
        "my sister Ann",
        4,
        "to sleep better",
        "nord",
    )
    assert saved.welcomed is True

    again = RunmateApp(store=Store(data_dir), poll_interval=None)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.theme == "nord"
        await pilot.press("s")
        await settle(pilot)
        assert again.screen.query_one("#name", Input).value == "Sam"
        assert again.screen.query_one("#goal_days", Input).value == "4"


async def test_save_button_saves(app_factory, data_dir):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await settle(pilot)
        await pilot.press(*"Kim")
        app.screen.query_one("#settings-save").scroll_visible(animate=False)
        await settle(pilot)
        await pilot.click("#settings-save")
        await settle(pilot)
    assert Store(data_dir).settings().name == "Kim"


async def test_bad_goal_shows_a_note_by_the_field_and_saves_nothing(app_factory, data_dir):
    app = app_factory()
    before = (data_dir / "runmate.json").read_bytes()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await settle(pilot)
        await pilot.press(*"Sam", "tab", "tab", "backspace", "9")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        error = app.screen.query_one("#goal_days-error", Static)
        assert error.display
        assert "1 to 7" in str(error.render())
        text = screen_text(app)
        assert "The weekly goal is a whole number of days from 1 to 7." in text
        # The note sits right under the goal field, before the next field.
        assert text.index("Weekly goal") < text.index("from 1 to 7") < text.index("Why this goal")
        assert app.focused is app.screen.query_one("#goal_days", Input)
        assert not app.screen.query_one("#name-error", Static).display
        # Fixing it saves; the note goes away.
        await pilot.press("backspace", "5", "ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, SettingsScreen)
    assert before != (data_dir / "runmate.json").read_bytes()
    assert Store(data_dir).settings().goal_days == 5


async def test_bad_goal_writes_nothing(app_factory, data_dir):
    app = app_factory()
    before = (data_dir / "runmate.json").read_bytes()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await settle(pilot)
        await pilot.press(*"Sam", "tab", "tab", "backspace", *"seven", "ctrl+s")
        await settle(pilot)
        assert "The weekly goal is a whole number of days from 1 to 7." in screen_text(app)
    assert (data_dir / "runmate.json").read_bytes() == before


async def test_settings_save_keeps_a_change_made_elsewhere(app_factory, data_dir):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await settle(pilot)
        await pilot.press(*"Sam")
        # Meanwhile another runmate records that the safety note was shown today.
        Store(data_dir).update_settings(lambda s: setattr(s, "safety_note_shown", "2026-11-25"))
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = Store(data_dir).settings()
    assert saved.name == "Sam" and saved.safety_note_shown == "2026-11-25"


async def test_user_text_is_shown_literally(app_factory):
    app = app_factory(settings=Settings(name="[bold]x[/]", support_contact="[red]Ann[/] [link=x]", welcomed=True))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        text = screen_text(app)
        assert "Hello [bold]x[/]. Every key you can press" in text
        assert "reach out to [red]Ann[/] [link=x]." in text
        await pilot.press("s")
        await settle(pilot)
        assert app.screen.query_one("#name", Input).value == "[bold]x[/]"
        assert "[bold]x[/]" in screen_text(app)


# -- unsaved changes ------------------------------------------------------------------------------


async def test_leaving_dirty_settings_asks_first(app_factory, data_dir):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await settle(pilot)
        await pilot.press(*"Sam")
        app.screen.query_one("#theme", Select).focus()  # off the text fields, so d is a key again
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert asks_to_leave(app)
        await pilot.press("escape")  # keep editing
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        assert app.screen.query_one("#name", Input).value == "Sam"
        # Buttons work by keyboard too: the focus starts on "Keep editing".
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("right", "enter")  # "Leave without saving"
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert len(app.screen_stack) == 1
    assert Store(data_dir).settings().name == ""


async def test_escape_on_dirty_settings_asks_and_unsaved_theme_is_undone(app_factory, data_dir):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await settle(pilot)
        app.screen.query_one("#theme", Select).value = "gruvbox"
        await settle(pilot)
        assert app.theme == "gruvbox"
        await pilot.press("escape")
        await settle(pilot)
        assert asks_to_leave(app)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.theme == "textual-dark"
    assert Store(data_dir).settings().theme == "textual-dark"


async def test_clean_settings_close_without_asking(app_factory):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


async def test_dirty_mode_screen_asks_before_switching_and_quitting(data_dir):
    app = make_probe_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        probe = app.screen
        await pilot.press("x")  # the probe screen now holds an edit
        await pilot.press("c")
        await settle(pilot)
        assert asks_to_leave(app)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is probe and probe.dirty
        # Opening settings leaves nothing behind, so it does not ask.
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert asks_to_leave(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, SettingsScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is probe
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen)
        assert probe.discarded == 1 and not probe.dirty
        await pilot.press("q")  # nothing unsaved any more
        await pilot.pause()
        assert not app.is_running


async def test_quit_with_dirty_screen_leaves_when_told(data_dir):
    app = make_probe_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("x", "q")
        await settle(pilot)
        assert asks_to_leave(app)
        await pilot.press("y")
        await pilot.pause()
        assert not app.is_running


@pytest.mark.parametrize("leave_key", ["q", "c"])
async def test_a_screen_whose_unsaved_check_fails_is_asked_about(data_dir, monkeypatch, leave_key):
    """A bug in a screen's has_unsaved_changes never lets quitting or switching skip the question."""
    app = make_probe_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        probe = app.screen

        def broken() -> bool:
            raise RuntimeError("a bug in the screen's check")

        monkeypatch.setattr(probe, "has_unsaved_changes", broken)
        await pilot.press(leave_key)
        await settle(pilot)
        assert app.is_running and asks_to_leave(app)
        await pilot.press("n")
        await settle(pilot)
        assert app.is_running and app.screen is probe


# -- live data ------------------------------------------------------------------------------------


async def test_a_check_in_saved_elsewhere_shows_up(data_dir):
    app = make_probe_app(data_dir, poll_interval=0.1)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        probe = app.screen
        assert "0 check-ins" in screen_text(app)
        calls = probe.changed_calls
        other = Store(data_dir)  # another runmate, e.g. `runmate checkin` in another terminal
        other.save_checkin(CheckIn(date="2026-11-25", mood=4))
        assert await wait_until(pilot, lambda: "1 check-ins" in screen_text(app))
        assert probe.changed_calls == calls + 1
        # Nothing more changes: no more reloads.
        await pilot.pause(0.4)
        await settle(pilot)
        assert probe.changed_calls == calls + 1


async def test_without_a_poll_interval_the_app_does_not_look(data_dir):
    app = make_probe_app(data_dir, poll_interval=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        probe = app.screen
        calls = probe.changed_calls
        Store(data_dir).save_checkin(CheckIn(date="2026-11-25", mood=4))
        await pilot.pause(0.3)
        await settle(pilot)
        assert probe.changed_calls == calls
        assert "0 check-ins" in screen_text(app)


async def test_background_mode_screens_hear_of_changes_too(data_dir):
    app = make_probe_app(data_dir, poll_interval=0.1)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        probe = app.screen
        await pilot.press("p")
        await settle(pilot)
        calls = probe.changed_calls
        Store(data_dir).save_checkin(CheckIn(date="2026-11-24", mood=3))
        assert await wait_until(pilot, lambda: probe.changed_calls == calls + 1)
        await pilot.press("d")
        await settle(pilot)
        assert "1 check-ins" in screen_text(app)


async def test_data_saved_tells_the_other_screens_not_the_saver(data_dir):
    app = make_probe_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        probe = app.screen
        await pilot.press("c")
        await settle(pilot)
        saver = app.screen
        calls = probe.changed_calls
        app.store.save_checkin(CheckIn(date="2026-11-25", mood=2))
        app.data_saved(saver)
        await settle(pilot)
        assert probe.changed_calls == calls + 1
        await pilot.press("d")
        await settle(pilot)
        assert "1 check-ins" in screen_text(app)
        # The saver itself is not told about its own save.
        app.data_saved(probe)
        await settle(pilot)
        assert probe.changed_calls == calls + 1


async def test_the_settings_screen_saves_and_announces(data_dir):
    app = make_probe_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        probe = app.screen
        calls = probe.changed_calls
        await pilot.press("s")
        await settle(pilot)
        await pilot.press(*"Sam", "ctrl+s")
        await settle(pilot)
        assert probe.changed_calls == calls + 1
        assert app.settings.name == "Sam"


# -- a damaged data file --------------------------------------------------------------------------


def open_like_the_cli(data_dir: Path) -> RunmateApp:
    """What runmate.cli.run_app does: check the store, and hand any DataFileError to the app."""
    store = Store(data_dir)
    problem = None
    try:
        store.check()
    except DataFileError as error:
        problem = error
    return RunmateApp(store=store, data_problem=problem)


async def test_damaged_file_shows_a_calm_screen_and_writes_nothing(data_dir):
    data_dir.mkdir(parents=True)
    path = data_dir / "runmate.json"
    path.write_bytes(b"{not json")
    app = open_like_the_cli(data_dir)
    assert app.data_problem is not None
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DamagedDataScreen)
        text = screen_text(app)
        assert "runmate can't read its data file" in text
        assert "runmate.json" in text
        assert str(app.screen.query_one("#damaged-path", Static).render()) == str(path)
        assert "not complete JSON" in text
        assert "Move it aside" in text
        assert "Press q to quit" in text
        assert "Dashboard" not in text  # no mode keys in the footer
        for key in ("d", "c", "p", "j", "s", "question_mark", "f1", "ctrl+p", "enter", "escape"):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, DamagedDataScreen), key
            assert len(app.screen_stack) == 1
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert path.read_bytes() == b"{not json"
    assert sorted(p.name for p in data_dir.iterdir()) == ["runmate.json", "runmate.json.lock"]


async def test_damaged_while_running_shows_the_calm_screen(data_dir):
    app = make_probe_app(data_dir, poll_interval=0.1)
    path = data_dir / "runmate.json"
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")  # somewhere else: the background probe screen reads and fails
        await settle(pilot)
        path.write_bytes(b"[1, 2")
        assert await wait_until(pilot, lambda: isinstance(app.screen, DamagedDataScreen))
        await settle(pilot)
        assert "it is not complete JSON" in screen_text(app)
        await pilot.press("d", "s")
        await settle(pilot)
        assert isinstance(app.screen, DamagedDataScreen)
        await pilot.press("q")
        await pilot.pause()
    assert path.read_bytes() == b"[1, 2"


async def test_damaged_found_by_a_key_action_shows_the_calm_screen(data_dir):
    app = make_probe_app(data_dir)
    path = data_dir / "runmate.json"
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        path.write_bytes(b"")
        await pilot.press("ctrl+r")  # the probe reads the store right in its action
        await settle(pilot)
        assert isinstance(app.screen, DamagedDataScreen)
        assert "it is empty" in screen_text(app)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert path.read_bytes() == b""


async def test_any_other_error_in_a_worker_still_ends_the_app(data_dir):
    app = make_probe_app(data_dir)
    with pytest.raises(WorkerFailed, match="invalid literal"):
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            app.screen.in_background(lambda store: int("x"))  # a bug, not a damaged file
            await pilot.pause(0.2)
    assert app.data_problem is None and app.return_code == 1


async def test_damaged_settings_save_shows_the_calm_screen(app_factory, data_dir):
    app = app_factory()
    path = data_dir / "runmate.json"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await settle(pilot)
        path.write_bytes(b"{}")
        await pilot.press(*"Sam", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DamagedDataScreen)
    assert path.read_bytes() == b"{}"


async def test_keys_right_after_quit_open_nothing(app_factory):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.simulate_key("q")
        app.simulate_key("s")  # typed in the same instant, e.g. a paste
        await pilot.pause()
        assert not any(isinstance(s, SettingsScreen) for s in app.screen_stack)
    assert app.return_code == 0


async def test_a_late_load_for_a_closed_settings_screen_is_dropped(app_factory):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await settle(pilot)
        settings = app.screen
        await pilot.press("escape")
        await settle(pilot)
        settings.data_changed()  # a reload that finishes after the screen closed
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen) and app.is_running
