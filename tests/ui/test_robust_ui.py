"""No crash, whatever is typed: digits that are not 0-9, the ends of the calendar, a busy or
unusable data folder; and user text never reaches the terminal raw. Real key presses throughout."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Input, Static
from ui_helpers import RecordingApp, error_text, open_mode, screen_text, settle

from runmate.models import CheckIn, PlannedActivity, Settings
from runmate.screens.checkin import CheckInScreen
from runmate.screens.plan import PlanScreen
from runmate.screens.plan_dialogs import ActivityDialog, MoveDialog
from runmate.screens.plan_done import DoneDialog
from runmate.screens.plan_starter import StarterDialog
from runmate.screens.settings import SettingsScreen
from runmate.store import LockTimeout, Store
from runmate.widgets.scale import ScalePicker

TODAY = dt.date(2026, 11, 25)
FIRST_DAY = dt.date(1900, 1, 1)  # models.DATE_RANGE[0]
EDGE_MESSAGE = "runmate's calendar runs from the start of 1900 to the end of 2999."
ESCAPES = "\x1b]0;pwned\x07\x1b[2J"


async def press(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


def dialog_text(app) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query(Static) if w.display)


def toasts(app) -> str:
    return "\n".join(f"{n.title}: {n.message}" for n in app.notifications)


def add(data_dir: Path, day: str, **fields) -> PlannedActivity:
    activity = PlannedActivity(date=day, kind="walk", minutes=20, **fields)
    Store(data_dir).add_activity(activity)
    return activity


# --- digits that are not 0-9 ------------------------------------------------------------------


async def test_done_dialog_takes_any_character_and_explains(data_dir, app_factory):
    add(data_dir, TODAY.isoformat())
    app = app_factory(mode="plan")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "space")
        assert isinstance(app.screen, DoneDialog)
        for typed in ("²", "①", "٣", "½"):
            await press(pilot, typed)  # the scale takes 1 to 5 and nothing else
            assert app.screen.query_one("#f-before", ScalePicker).value is None
        app.screen.query_one("#f-minutes", Input).focus()
        for typed in ("²", "①", "٣", "½"):
            await press(pilot, "ctrl+u", typed, "enter")
            assert "Minutes is a whole number from 1 to 1440." in dialog_text(app)
            assert isinstance(app.screen, DoneDialog)
        await press(pilot, "escape")
    assert Store(data_dir).activities()[0].status == "planned"


async def test_activity_dialog_minutes_explain_instead_of_crashing(data_dir, app_factory):
    app = app_factory(mode="plan")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "a")
        assert isinstance(app.screen, ActivityDialog)
        for typed in ("½", "²", "٣", "３"):  # other scripts' digits are refused too, not read as 3
            await press(pilot, typed, "enter")
            assert "Minutes is a whole number from 1 to 1440." in dialog_text(app)
            assert isinstance(app.screen, ActivityDialog)
            await press(pilot, "backspace")
    assert Store(data_dir).activities() == []


async def test_checkin_sleep_explains_instead_of_crashing(data_dir, app_factory):
    app = app_factory(mode="checkin")
    async with app.run_test() as pilot:
        screen = await open_mode(pilot, "checkin")
        await press(pilot, "3", "tab", "tab")
        for typed in ("²", "½", "٣"):
            await press(pilot, typed, "ctrl+s")
            assert error_text(screen, "sleep_hours") == "Sleep is hours from 0 to 24, like 7 or 7.5."
            assert app.current_mode == "checkin" and app.focused.id == "sleep_hours"
            await press(pilot, "backspace")
    assert Store(data_dir).checkins() == []


# --- the ends of the calendar --------------------------------------------------------------------


async def test_weeks_step_up_to_the_last_week_and_no_further(app_factory):
    app = app_factory(today=dt.date(2999, 12, 20), mode="plan")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_mode(pilot, "plan")
        await press(pilot, "right_square_bracket", "right_square_bracket")
        assert screen.monday == dt.date(2999, 12, 30)  # the week holding 31 Dec 2999
        await press(pilot, "right_square_bracket")
        assert screen.monday == dt.date(2999, 12, 30)
        assert EDGE_MESSAGE in toasts(app)
        assert "Week of 30 Dec 2999 to 5 Jan 3000" in screen_text(app)


async def test_weeks_step_back_to_the_first_week_and_no_further(app_factory):
    app = app_factory(today=dt.date(1900, 1, 10), mode="plan")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_mode(pilot, "plan")
        await press(pilot, "left_square_bracket", "left_square_bracket")
        assert screen.monday == FIRST_DAY
        assert EDGE_MESSAGE in toasts(app) and isinstance(app.screen, PlanScreen)


async def test_checkin_days_step_back_to_the_first_day_and_no_further(app_factory):
    app = app_factory(today=dt.date(1900, 1, 2), mode="checkin")
    async with app.run_test() as pilot:
        screen = await open_mode(pilot, "checkin")
        await press(pilot, "left_square_bracket", "left_square_bracket")
        assert screen.shown == FIRST_DAY
        assert EDGE_MESSAGE in toasts(app) and isinstance(app.screen, CheckInScreen)


async def test_move_dialog_arrows_stop_at_the_end_of_the_calendar(data_dir, app_factory):
    add(data_dir, "2999-12-31")
    app = app_factory(today=dt.date(2999, 12, 31), mode="plan")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "m")
        assert isinstance(app.screen, MoveDialog)
        await press(pilot, "down")
        assert app.screen.query_one("#f-date", Input).value == "2999-12-31"
        assert EDGE_MESSAGE in dialog_text(app)
        await press(pilot, "up")
        assert app.screen.query_one("#f-date", Input).value == "2999-12-30"
        # A date typed past the end is refused in words too.
        await press(pilot, *["backspace"] * 10, *"9999-12-31", "enter")
        assert "outside the years runmate keeps (1900 to 2999)" in dialog_text(app)
    assert Store(data_dir).activities()[0].date == "2999-12-31"


async def test_the_starter_program_that_would_run_past_the_end_is_refused(data_dir, app_factory):
    app = app_factory(today=dt.date(2999, 12, 1), mode="plan")
    async with app.run_test(size=(100, 34)) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "S")
        assert isinstance(app.screen, StarterDialog)
        await press(pilot, "enter")
        assert "would run past the end of 2999" in dialog_text(app)
        assert isinstance(app.screen, StarterDialog)
    assert Store(data_dir).activities() == []


# --- a busy or unusable data folder: a calm word, and the app goes on -------------------------


async def test_a_busy_file_on_the_dashboard_is_a_notification_not_the_end(data_dir, app_factory, monkeypatch):
    app = app_factory()

    def busy(*args, **kwargs):
        raise LockTimeout(data_dir / "runmate.json")

    monkeypatch.setattr(app.store, "checkins", busy)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.is_running and app.current_mode == "dashboard"
        assert (
            f"Not loaded: Today's summary could not be read: Another runmate is busy with {data_dir / 'runmate.json'}"
            in toasts(app)
        )
        monkeypatch.undo()
        await press(pilot, "c")
        assert isinstance(app.screen, CheckInScreen)


async def test_an_unusable_folder_in_settings_is_a_notification_not_the_end(data_dir, app_factory, monkeypatch):
    app = app_factory()
    async with app.run_test() as pilot:
        await settle(pilot)

        def refused(*args, **kwargs):
            raise PermissionError(13, "Permission denied", str(data_dir / "runmate.json"))

        monkeypatch.setattr(app.store, "settings", refused)
        monkeypatch.setattr(app.store, "update_settings", refused)
        monkeypatch.setattr(app.store, "edit_settings", refused)
        await press(pilot, "s")
        assert isinstance(app.screen, SettingsScreen)
        assert f"runmate could not use {data_dir / 'runmate.json'}: Permission denied." in toasts(app)
        await press(pilot, "ctrl+s")
        assert "Not saved: Your settings were not saved" in toasts(app)
        assert app.is_running and isinstance(app.screen, SettingsScreen)


async def test_a_shared_folder_is_said_once_at_start(tmp_path, monkeypatch):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    store = Store(shared)
    store.save_settings(Settings(welcomed=True))
    app = RecordingApp(store=store, today=TODAY, poll_interval=None)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert f"A shared folder: {shared} is a folder other people on this computer can use too" in toasts(app)
    assert shared.stat().st_mode & 0o7777 == 0o1777


# --- user text is shown literally and never raw ------------------------------------------------


async def test_text_from_the_file_never_reaches_the_terminal_raw(data_dir, app_factory):
    store = Store(data_dir)
    activity = add(data_dir, TODAY.isoformat(), with_whom="Sam [b]x[/b]")
    # As if edited by hand: runmate refuses such text when it is typed.
    store.update_activity(activity.id, lambda a: setattr(a, "note", f"note {ESCAPES}\nfake row"))
    store.save_checkin(CheckIn(date=TODAY.isoformat(), mood=3, note=f"mine {ESCAPES}"))
    app = app_factory(settings=Settings(welcomed=True, name="Kim\x1b[31m", goal_why=f"why {ESCAPES}"))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        for mode in ("dashboard", "plan", "checkin"):
            await open_mode(pilot, mode)
            text = screen_text(app)
            assert "\x1b" not in text and "\x07" not in text, mode
        assert "mine \\x1b]0;pwned\\x07\\x1b[2J" in app.screen.query_one("#note", Input).value
        await open_mode(pilot, "plan")
        text = screen_text(app)
        assert "Sam [b]x[/b]" in text  # markup is text, shown as typed
        assert "note \\x1b]0;pwned\\x07\\x1b[2J\\nfake row" in text
        await press(pilot, "s")
        assert app.screen.query_one("#name", Input).value == "Kim\\x1b[31m"
        assert "\x1b" not in screen_text(app)


async def test_a_form_saved_with_an_escaped_note_left_as_it_was_keeps_the_note_exactly(data_dir, app_factory):
    Store(data_dir).save_checkin(CheckIn(date=TODAY.isoformat(), mood=3, note=f"mine {ESCAPES}"))
    app = app_factory(settings=Settings(welcomed=True, name=f"Kim {ESCAPES}"), mode="checkin")
    async with app.run_test() as pilot:
        screen = await open_mode(pilot, "checkin")
        assert not screen.has_unsaved_changes()
        await press(pilot, "5", "ctrl+s")  # mood changes; the note is left as shown
        await press(pilot, "s", "ctrl+s")  # settings saved without a change to the name
    assert Store(data_dir).checkin_on(TODAY).note == f"mine {ESCAPES}"
    assert Store(data_dir).checkin_on(TODAY).mood == 5
    assert Store(data_dir).settings().name == f"Kim {ESCAPES}"
