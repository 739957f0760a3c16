"""The check-in screen and the store: the calm note shared with the command line, a damaged file
found while the app runs, and a busy file."""

from __future__ import annotations

import datetime as dt
import io
from functools import partial
from pathlib import Path

import pytest
from ui_helpers import TODAY, RecordingApp, open_mode, screen_text, settle

from runmate.cli import build_parsers, run_handler
from runmate.commands.base import Context
from runmate.models import CheckIn, Settings
from runmate.screens.checkin import CheckInScreen
from runmate.screens.damaged import DamagedDataScreen
from runmate.store import LockTimeout, Store

NOTE = "have to carry this alone"


def notes(app) -> list[str]:
    return [f"{n.title}: {n.message}" for n in app.notifications]


def cli_checkin(data_dir: Path, *argv: str) -> list[str]:
    """``runmate checkin ...`` on ``data_dir`` with the tests' fixed today; its output lines."""
    out, err = io.StringIO(), io.StringIO()
    args = build_parsers()[0].parse_args(["checkin", *argv])
    code = run_handler(args.handler, args, Context(data_dir=data_dir, today=TODAY, out=out, err=err))
    assert code == 0, err.getvalue()
    return out.getvalue().splitlines()


def low_history(data_dir: Path, count: int = 4) -> None:
    store = Store(data_dir)
    for i in range(1, count + 1):
        store.save_checkin(CheckIn(date=(TODAY - dt.timedelta(days=i)).isoformat(), mood=2))


@pytest.fixture
def app_factory(app_factory):
    """Apps here start on the check-in screen (test_shell.py covers the key that opens it)."""
    return partial(app_factory, mode="checkin")


def quiet_app(data_dir: Path, **settings) -> RecordingApp:
    """An app that starts on the check-in screen and does not look for outside changes by itself,
    so only the check-in screen reads."""
    store = Store(data_dir)
    store.save_settings(Settings(welcomed=True, **settings))
    return RecordingApp(store=store, today=TODAY, poll_interval=None, mode="checkin")


# --- the calm note: at most once a day, whether the app or the command showed it ----------------


async def test_note_shown_by_the_command_is_not_shown_again_by_the_app(app_factory, data_dir):
    app = app_factory()
    low_history(data_dir)
    lines = cli_checkin(data_dir, "--mood", "1")
    assert len(lines) == 2 and NOTE in lines[1]
    async with app.run_test(notifications=True) as pilot:
        await open_mode(pilot, "checkin")
        await pilot.press("2", "ctrl+s")
        await settle(pilot)
        assert app.current_mode == "dashboard"
        assert any(n.startswith("Updated your check-in for Wed 25 Nov") for n in notes(app))
        assert not [n for n in notes(app) if NOTE in n]
    assert Store(data_dir).checkin_on(TODAY).mood == 2


async def test_note_shown_by_the_app_is_not_shown_again_by_the_command(app_factory, data_dir):
    app = app_factory(settings=Settings(welcomed=True, support_contact="Ana"))
    low_history(data_dir)
    async with app.run_test(notifications=True) as pilot:
        await open_mode(pilot, "checkin")
        await pilot.press("1", "ctrl+s")
        await settle(pilot)
        shown = str(app.screen.query_one("#safety-note").render())  # on the dashboard, shown next
        assert shown.startswith("Your mood was low on 5 of your last 5 check-ins.")
        assert NOTE in shown and "Your support contact: Ana." in shown
    assert Store(data_dir).settings().safety_note_shown == TODAY.isoformat()
    assert cli_checkin(data_dir, "--mood", "2") == ["Updated your check-in for Wed 25 Nov: mood 2 (low)."]


# --- a damaged file found while the check-in screen is open -------------------------------------


async def test_damaged_file_on_save_shows_the_calm_screen(data_dir):
    app = quiet_app(data_dir)
    path = data_dir / "runmate.json"
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_mode(pilot, "checkin")
        path.write_bytes(b"{not json")
        await pilot.press("3", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DamagedDataScreen)
        assert "runmate can't read its data file" in screen_text(app)
        assert not [n for n in notes(app) if "not saved" in n]
    assert path.read_bytes() == b"{not json"


async def test_damaged_file_on_load_shows_the_calm_screen(data_dir):
    app = quiet_app(data_dir)
    path = data_dir / "runmate.json"
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_mode(pilot, "checkin")
        await open_mode(pilot, "dashboard")
        path.write_bytes(b"")
        await pilot.press("c")  # coming back to the check-in reads the file again
        await settle(pilot)
        assert isinstance(app.screen, DamagedDataScreen)
        assert "it is empty" in screen_text(app)
        assert not [n for n in notes(app) if "could not be read" in n]
    assert path.read_bytes() == b""


async def test_damaged_file_on_delete_shows_the_calm_screen(data_dir):
    app = quiet_app(data_dir)
    app.store.save_checkin(CheckIn(date=TODAY.isoformat(), mood=3))
    path = data_dir / "runmate.json"
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_mode(pilot, "checkin")
        await pilot.press("x")
        await settle(pilot)
        path.write_bytes(b"[1, 2")
        await pilot.press("tab", "enter")  # "Delete"
        await settle(pilot)
        assert isinstance(app.screen, DamagedDataScreen)
        assert not [n for n in notes(app) if "Nothing was deleted" in n]
    assert path.read_bytes() == b"[1, 2"


# --- a busy file: a gentle word, and the form stays as it was -----------------------------------


async def test_busy_file_on_save_keeps_the_form_and_says_so(data_dir, monkeypatch):
    app = quiet_app(data_dir)
    busy = LockTimeout(data_dir / "[bold]x[/]" / "runmate.json")

    def refuse(day, edit, create=True):
        raise busy

    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_mode(pilot, "checkin")
        monkeypatch.setattr(app.store, "edit_checkin", refuse)
        await pilot.press("4", "ctrl+s")
        await settle(pilot)
        assert app.screen is screen and isinstance(screen, CheckInScreen)
        assert screen.query_one("#mood").value == 4
        [note] = [n for n in app.notifications if n.title == "Not saved"]
        assert note.markup is False
        assert note.message == f"Your check-in was not saved: {busy}"
        assert "[bold]x[/]" in note.message
        assert screen.has_unsaved_changes()
    assert Store(data_dir).checkins() == []
