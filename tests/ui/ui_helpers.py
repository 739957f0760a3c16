"""Helpers shared by the UI tests: waiting for the screen, opening a mode, the text on the terminal,
and an app with a small probe screen.

Test files import it as `ui_helpers` (pytest puts tests/ui on sys.path; tests/ has no __init__.py).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.notifications import Notification, SeverityLevel
from textual.widgets import Footer, Header, Input, Static

from runmate.app import RunmateApp
from runmate.models import Settings
from runmate.screens.base import RunmateScreen
from runmate.screens.modes import BY_NAME, MODES
from runmate.store import Store

# The fixed "today" of every UI test and snapshot: a Wednesday.
TODAY = dt.date(2026, 11, 25)

# settle() gives up after this many passes that each found a worker still running.
SETTLE_ROUNDS = 5000  # rounds of a few milliseconds each: several seconds for a busy machine

# The app-wide key that opens each mode, from runmate's one table of modes.
MODE_KEYS = {mode.name: mode.key for mode in MODES}


async def settle(pilot) -> None:
    """Wait until the app has done everything it set out to do.

    Round after round, let the screen process what is pending and wait for every running worker
    (store reads and writes): a save's worker starts the reload that follows it, and that reload may
    start another; a message handled may post the next one (a field's change reaching its screen).
    Done when no worker runs, no key waits for the one before it (``app.keys_waiting``, see
    runmate.key_order) and no widget on a shown screen has a message waiting. A worker
    cancelled or failed along the way counts as done (the test's own assertions say whether that
    was right). A worker waiting for the person to answer a question (``app.workers_waiting``, see
    ``RunmateApp.ask``) is not waited for: the test gives the answer.

    Rounds do not wait for the process to look idle (``pilot.pause()`` sleeps at least 20 ms for
    that): the queues say when the work is done, and the suite runs about a tenth faster.
    """
    app = pilot.app
    busy: list[Any] = []
    for _ in range(SETTLE_ROUNDS):
        await pilot.pause(0)
        busy = [w for w in list(app.workers) if not w.is_finished and w not in app.workers_waiting]
        if busy or app.keys_waiting:
            await asyncio.sleep(0.002)
        elif not any(node.message_queue_size for node in _message_pumps(app)):
            return
    raise AssertionError(f"the app was still busy after {SETTLE_ROUNDS} rounds: {busy or 'messages'}")


def _message_pumps(app) -> list[Any]:
    """The app, and every screen on its stack with all its widgets."""
    return [app, *(node for screen in app.screen_stack for node in screen.walk_children(with_self=True))]


async def open_mode(pilot, mode: str) -> Any:
    """Press the key of ``mode`` (unless the app started there), wait until it has loaded, and
    return its screen."""
    if pilot.app.current_mode != mode:
        await pilot.press(MODE_KEYS[mode])
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, BY_NAME[mode].load())
    return screen


def paste(app, text: str) -> None:
    """Put ``text`` into the focused text field in one go, as pasting it would.

    For tests where what is entered matters and not the typing of it (each key press costs a UI
    test a few hundredths of a second); tests about typing press the keys.
    """
    field = app.focused
    assert isinstance(field, Input), field
    field.insert_text_at_cursor(text)


# Rich writes each run of text of a screenshot as <text x=".." clip-path="url(#..-line-N)">; x counts
# cells of 20 * 0.61 pixels (its default font size and aspect ratio).
SVG_TEXT = re.compile(
    r'<text [^>]*?x="([0-9.]+)"[^>]*?clip-path="url\(#[^)]*-line-(\d+)\)"[^>]*>(.*?)</text>', re.DOTALL
)
SVG_CELL_WIDTH = 20 * 0.61


def screen_text(app) -> str:
    """What the terminal shows right now (a dialog and the screens behind it), as plain text.

    Read from the app's own screenshot, so it is exactly what a person sees, toasts included.
    """
    width, height = app.size
    rows = [""] * height
    for x, line, chunk in SVG_TEXT.findall(app.export_screenshot()):
        row = rows[int(line)]
        column = round(float(x) / SVG_CELL_WIDTH)
        rows[int(line)] = row + " " * (column - cell_len(row)) + html.unescape(chunk).replace("\xa0", " ")
    return "\n".join(row + " " * (width - cell_len(row)) for row in rows)


async def footer_line(pilot) -> str:
    """The footer's line as shown, once the footer has drawn its keys (it recomposes after a refresh,
    which a busy machine may not have reached yet)."""
    for _ in range(200):
        line = screen_text(pilot.app).splitlines()[-1]
        if line.strip():
            return line
        await pilot.pause(0.02)
    raise AssertionError("the footer never showed its keys")


class RecordingApp(RunmateApp):
    """A RunmateApp for tests: it keeps every notification it is asked to show, and it can start in
    another mode than the dashboard (a test about one screen need not open it by its key first;
    test_shell.py covers the keys). It skips the warm-up of the other modes unless asked
    (``warm_up_after``): their first visit reads their screen and stylesheets itself, as it does
    when a person is quicker than the warm-up; test_shell.py covers the warm-up."""

    def __init__(self, *args: Any, mode: str | None = None, warm_up_after: float | None = None, **kwargs: Any) -> None:
        if mode is not None:
            self.DEFAULT_MODE = mode  # read by App.__init__
        super().__init__(*args, warm_up_after=warm_up_after, **kwargs)
        self.notifications: list[Notification] = []

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        self.notifications.append(
            Notification(message, title, severity, self.NOTIFICATION_TIMEOUT if timeout is None else timeout, markup)
        )
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def clear_notifications(self) -> None:
        self.notifications.clear()
        super().clear_notifications()


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


class ProbeApp(RecordingApp):
    MODES = {**RunmateApp.MODES, "dashboard": ProbeScreen}


def make_probe_app(
    data_dir: Path, *, welcomed: bool = True, poll_interval: float | None = None, **settings
) -> ProbeApp:
    """A ProbeApp on ``data_dir``; it looks for changes made elsewhere only if given a poll_interval."""
    store = Store(data_dir)
    store.save_settings(Settings(welcomed=welcomed, **settings))
    store.check()
    return ProbeApp(store=store, today=TODAY, poll_interval=poll_interval)


def shell(data_dir: Path, *argv: str) -> None:
    """``runmate ARGV`` in another process, as someone typing in a second terminal."""
    proc = subprocess.run(
        [sys.executable, "-m", "runmate", "--data-dir", str(data_dir), *argv],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr


async def until(pilot, ready, what: str) -> None:
    """Let the app run until ``ready()`` holds (a save waiting on a question never "completes")."""
    for _ in range(200):
        await pilot.pause(0.02)
        if ready():
            return
    raise AssertionError(f"the app never showed {what}")


async def asks(pilot, screen_type) -> None:
    """Wait until the app shows a question of ``screen_type``."""
    await until(pilot, lambda: isinstance(pilot.app.screen, screen_type), screen_type.__name__)
