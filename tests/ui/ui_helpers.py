"""Helpers shared by the UI tests: waiting for the screen, opening a mode, the text on the terminal,
and an app with a small probe screen.

Test files import it as `ui_helpers` (pytest puts tests/ui on sys.path; tests/ has no __init__.py).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
from pathlib import Path
from typing import Any

from rich.console import Console
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Input, Static

from runmate.app import RunmateApp
from runmate.models import Settings
from runmate.screens.base import RunmateScreen
from runmate.store import Store

# The fixed "today" of every UI test and snapshot: a Wednesday.
TODAY = dt.date(2026, 11, 25)

# The app-wide key that opens each mode.
MODE_KEYS = {"dashboard": "d", "checkin": "c", "plan": "p", "journal": "j"}


async def settle(pilot) -> None:
    """Let the app process what is pending, then wait for its workers (store reads and writes).

    Work that a finished worker started (a reload after a save) is waited for too; a worker that
    waits for the person to answer a question (``app.workers_waiting``) is not.
    """
    app = pilot.app
    await pilot.pause()
    for _ in range(2000):
        busy = [w for w in app.workers if w.is_running and w not in app.workers_waiting]
        if not busy:
            break
        await asyncio.sleep(0.005)
        await pilot.pause()
    else:
        raise AssertionError(f"workers still running: {busy}")
    await pilot.pause()


async def open_mode(pilot, mode: str) -> Any:
    """Press the key of ``mode``, wait until it has loaded, and return its screen."""
    await pilot.press(MODE_KEYS[mode])
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, pilot.app.MODES[mode])
    return screen


def screen_text(app) -> str:
    """What the terminal shows right now (a dialog and the screens behind it), as plain text."""
    width, height = app.size
    console = Console(file=io.StringIO(), width=width, height=height, color_system=None, record=True, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


def error_text(screen, name: str) -> str:
    """The message shown under field ``name`` of a form ('' when none)."""
    label = screen.query_one(f"#{name}-error", Static)
    return str(label.content) if label.has_class("-shown") else ""


class ProbeScreen(RunmateScreen):
    """A mode screen for tests: it counts check-ins, has a text field, a key and unsaved edits."""

    AUTO_FOCUS = ""  # nothing focused at first, so the letter keys reach the app
    BINDINGS = [
        Binding("x", "mark_dirty", "Start an edit"),
        Binding("ctrl+r", "reload", "Reload now", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.changed_calls = 0
        self.dirty = False
        self.discarded = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("loading", id="probe-count")
        yield Input(id="probe-input")
        yield Footer()

    def on_mount(self) -> None:
        self.data_changed()

    def data_changed(self) -> None:
        self.changed_calls += 1
        self.in_background(lambda store: len(store.checkins()), self._show)

    def _show(self, count: int) -> None:
        self.query_one("#probe-count", Static).update(f"{count} check-ins")

    def action_mark_dirty(self) -> None:
        self.dirty = True

    def action_reload(self) -> None:
        # A store call made right in a key's action (not in a worker).
        self._show(len(self.store.checkins()))

    def has_unsaved_changes(self) -> bool:
        return self.dirty

    def discard_changes(self) -> None:
        self.dirty = False
        self.discarded += 1


class ProbeApp(RunmateApp):
    MODES = {**RunmateApp.MODES, "dashboard": ProbeScreen}


def make_probe_app(data_dir: Path, *, welcomed: bool = True, poll_interval: float = 0.1, **settings) -> ProbeApp:
    store = Store(data_dir)
    store.save_settings(Settings(welcomed=welcomed, **settings))
    store.check()
    return ProbeApp(store=store, today=TODAY, poll_interval=poll_interval)
