"""RunmateApp: the modes, the app-wide keys, live data and the link to the store."""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable, Sequence
from pathlib import Path, PurePath
from typing import Any, ClassVar

from textual import events, work
from textual.screen import ModalScreen, Screen
from textual.signal import Signal
from textual.timer import Timer
from textual.worker import Worker, WorkerFailed, WorkType, get_current_worker

from runmate.formatting import long_date
from runmate.key_order import KeysInOrder
from runmate.models import Settings
from runmate.palette import RunmateCommands, app_bindings
from runmate.paths import shared_folder_note
from runmate.screens import modes
from runmate.screens.base import ASKING, DayChange, OverlayScreen, RunmateScreen
from runmate.screens.confirm import LEAVE_QUESTION_ID, leave_question
from runmate.screens.host import Host
from runmate.screens.too_small import TooSmallScreen, too_small
from runmate.store import Change, DataFileError, Store, StoreError
from runmate.textsafe import visible

DAMAGED_MODE = "damaged"
HERE = Path(__file__).parent
# The app's stylesheet and the first screen's, read before the first frame (the first screen's own
# CSS_PATH names a file already read, so its opening parses nothing again). Each other screen reads
# its own as it first opens: read here, all of them would be parsed again at every full refresh of
# the CSS, which Textual makes twice on each first visit of a mode (measured: first visits 10 to
# 30 ms slower that way).
STYLESHEETS: list[str | PurePath] = [HERE / "runmate.tcss", HERE / "screens" / "dashboard.tcss"]
# How often the app looks at the data file for changes made elsewhere, in seconds (None: never).
POLL_INTERVAL = 2.0
# Seconds after the first frame when the app gets the other modes ready (see RunmateApp.warm_up).
WARM_UP_AFTER = 0.25
# App actions that stay off while the data file can't be read.
BLOCKED_WHEN_DAMAGED = {"goto", "settings", "help", "command_palette", "export"}


def _damaged_screen() -> Screen[Any]:
    """The calm damaged-file screen, its module imported only when a file is damaged."""
    from runmate.screens.damaged import DamagedDataScreen

    return DamagedDataScreen()


def _data_file_error(error: BaseException | None) -> DataFileError | None:
    """The DataFileError behind ``error`` (directly, from a failed worker, or as its cause)."""
    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, DataFileError):
            return error
        error = error.error if isinstance(error, WorkerFailed) else error.__cause__ or error.__context__
        seen += 1
    return None


class RunmateApp(KeysInOrder, inherit_bindings=False):
    """runmate's app. Screens reach the store, today's date and the settings through it.

    Its bindings are all its own (``app_bindings``), in the footer's order: Help and Quit first.
    """

    TITLE = "runmate"
    # Absolute, so the path still holds for a subclass defined elsewhere (tests use one).
    CSS_PATH = STYLESHEETS
    # From the one table of modes (runmate.screens.modes). Textual makes a mode's screen on its
    # first visit, which imports its module (and what only it uses: the text area, the plan's
    # dialogs); the first mode's on the first frame.
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {mode.name: mode.make_screen for mode in modes.MODES}
    DEFAULT_MODE = modes.FIRST.name
    COMMANDS = {RunmateCommands}
    # Screens get the class -narrow or -wide, and -short or -tall, for styles that use more room.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]
    BINDINGS = app_bindings()  # from runmate.palette.COMMANDS, which the command palette shows too

    def __init__(
        self,
        store: Store,
        *,
        data_problem: DataFileError | None = None,
        today: dt.date | Callable[[], dt.date] | None = None,
        poll_interval: float | None = POLL_INTERVAL,
        warm_up_after: float | None = WARM_UP_AFTER,
    ):
        """``today``: a fixed date (screenshots, tests), or a clock to ask for the date (tests that
        move it past midnight); None is the local date."""
        self.settings = Settings()
        """The settings as read at start or last saved here (screens read the store for fresh ones)."""
        if data_problem is None:
            try:
                # Read before the first frame, so the chosen theme is there from the start.
                self.settings = store.settings()
            except DataFileError as error:
                data_problem = error
            except (StoreError, OSError):
                self.settings = Settings(welcomed=True)  # busy file: defaults, and no welcome now
        if data_problem is not None:
            # Start on the damaged-file screen: no mode screen is ever created to read the store.
            self.DEFAULT_MODE = DAMAGED_MODE  # type: ignore[misc]  # read by App.__init__ for this app only
        super().__init__()
        self.add_mode(DAMAGED_MODE, _damaged_screen)
        self.store = store
        self.data_problem = data_problem
        self._clock: Callable[[], dt.date] = (
            dt.date.today if today is None else today if callable(today) else (lambda: today)
        )
        self._day = self.today()
        # Both before the first frame, so it is drawn once with them.
        self.sub_title = long_date(self._day)  # the header's date
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        self.poll_interval = poll_interval
        self.warm_up_after = warm_up_after
        self._marker: Change | None = None
        self._poll_timer: Timer | None = None
        self._exiting = False
        self.workers_waiting: set[Any] = set()
        """Workers waiting for the person to answer a question (see RunmateScreen.ask)."""
        self.data_signal: Signal[Screen[Any] | None] = Signal(self, "data-changed")
        """Published whenever the data file changed, with the screen that saved (None: another runmate).

        Every runmate screen subscribes on mount (see runmate.screens.base).
        """
        self.day_signal: Signal[DayChange] = Signal(self, "day-changed")
        """Published when the local date changed while runmate was open (see ``check_day``).

        Every runmate screen subscribes on mount and hears ``day_changed`` (see runmate.screens.base).
        """
        self._open_screens: list[Screen[Any]] = []

    async def ask(self, screen: Screen[Any]) -> Any:
        """Show a question or dialog and wait for its answer (from an async ``@work`` method).

        The worker is listed in ``workers_waiting`` meanwhile, so whoever waits for the app's work
        to finish (the UI tests' ``settle``) knows it is waiting on the person, not on the disk.
        """
        worker = get_current_worker()
        self.workers_waiting.add(worker)
        try:
            return await self.push_screen_wait(screen)
        finally:
            self.workers_waiting.discard(worker)

    def today(self) -> dt.date:
        """The local date now (or what the clock given for tests and screenshots says)."""
        return self._clock()

    def check_day(self) -> None:
        """If the date changed since the last look, show it and tell every screen (``day_signal``).

        Called each time the app polls the data file, so a runmate left open past midnight moves
        to the new day within a poll interval.
        """
        today = self.today()
        if today == self._day:
            return
        change = DayChange(self._day, today)
        self._day = today
        self.sub_title = long_date(today)
        self.day_signal.publish(change)

    # -- start ---------------------------------------------------------------------------------

    def keys_wait_for(self) -> list[Any]:
        """The next key waits for the app's workers, but not for those waiting on the person's answer
        to a question (see ``ask``): the answer is what the next keys give."""
        return [worker for worker in super().keys_wait_for() if worker not in self.workers_waiting]

    def on_ready(self) -> None:
        if self.warm_up_after is not None and self.data_problem is None:
            self.set_timer(self.warm_up_after, self.warm_up)

    def warm_up(self) -> None:
        """Import the other modes' screens while no one waits (after the first frame), so their first
        visit does not pay for the import. Their stylesheets are read by Textual, as they open."""
        for mode in modes.MODES:
            mode.load()

    def on_resize(self, event: events.Resize) -> None:
        self._fit_terminal(event.size.width, event.size.height)

    def _fit_terminal(self, columns: int, rows: int) -> None:
        """While the terminal is too small for runmate, show only a line asking for more room."""
        showing = isinstance(self.screen, TooSmallScreen)
        if too_small(columns, rows) and not showing:
            self.push_screen(TooSmallScreen())
        elif showing and not too_small(columns, rows):
            self.pop_screen()

    def on_mount(self) -> None:
        self._fit_terminal(self.size.width, self.size.height)
        if self.data_problem is not None:
            return
        self._marker = self.store.change_marker()
        if self.poll_interval is not None:
            self._poll_timer = self.set_interval(self.poll_interval, self._poll_for_changes)
        if self.store.shared_folder:
            self.notify(
                visible(shared_folder_note(self.store.data_dir)),
                title="A shared folder",
                severity="warning",
                markup=False,
                timeout=15,
            )
        if not self.settings.welcomed:
            from runmate.screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen())

    def mark_welcomed(self) -> None:
        """The welcome was seen: remember it (in the background), so it is not shown again."""
        if self.settings.welcomed or self.data_problem is not None:
            return
        self.settings.welcomed = True

        def mark(settings: Settings) -> None:
            settings.welcomed = True

        self._write_settings(mark)

    @work(thread=True, group="runmate-settings")
    def _write_settings(self, change: Callable[[Settings], None]) -> None:
        try:
            self.store.update_settings(change)
        except DataFileError:
            raise  # shows the damaged-file screen
        except (StoreError, OSError):
            return  # busy for too long: the welcome shows once more next time, no harm done
        self.call_from_thread(self.data_saved)

    # -- keys ----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Turn app keys off on the damaged-file screen; grey out where you already are."""
        if self._exiting and action in BLOCKED_WHEN_DAMAGED | {"quit"}:
            return False  # keys typed after q (a fast typist, a paste) open nothing more
        if self.data_problem is not None or self._too_small():
            return action not in BLOCKED_WHEN_DAMAGED
        if action == "goto" and parameters:
            # A dialog or the command palette on top does not count: from there, and in the footer
            # behind a dialog, the current mode is still "here".
            on_base = len([s for s in self.screen_stack if not isinstance(s, ModalScreen)]) == 1
            if self.current_mode == parameters[0] and on_base:
                return None
        if isinstance(self.screen, OverlayScreen) and action == self.screen.OPENED_BY:
            return None  # settings on top: its key is greyed out
        return True

    def _too_small(self) -> bool:
        return any(isinstance(screen, TooSmallScreen) for screen in self.screen_stack)

    def action_goto(self, mode: str) -> None:
        """Switch to a mode, closing help/settings first and asking about unsaved edits."""
        if mode not in modes.BY_NAME:
            return

        def go() -> None:
            self._close_overlays()
            if mode != self.current_mode:
                self.switch_mode(mode)

        # Switching mode leaves the mode screen too; staying in this mode leaves only what is on top.
        leaving = self.screen_stack if mode != self.current_mode else self.screen_stack[1:]
        self._leave_then(list(leaving), go)

    def action_settings(self) -> None:
        from runmate.screens.settings import SettingsScreen

        if isinstance(self.screen, SettingsScreen):
            return
        overlays = [s for s in self.screen_stack[1:] if isinstance(s, OverlayScreen)]

        def open_settings() -> None:
            self._close_overlays()
            self.push_screen(SettingsScreen(self.settings))

        self._leave_then(overlays, open_settings)

    def action_export(self) -> None:
        """Write every format into a new dated folder in the home folder, off the UI thread, and say where."""
        screen = next((s for s in reversed(self.screen_stack) if isinstance(s, (RunmateScreen, OverlayScreen))), None)
        if screen is None:
            return
        base, today = Path.home(), self.today()

        def export(store: Store) -> Any:
            from runmate.exchange.export import export_everything

            return export_everything(store, base, today)

        def done(result: Any) -> None:
            self.notify(
                visible(
                    f"{result.records} records written to {result.folder} as json, csv, md and ics, readable only by you."
                ),
                title="Exported",
                markup=False,
                timeout=15,
            )

        screen.in_background(export, done, group="export", exclusive=False, title="Not exported")

    def action_doctor_summary(self) -> None:
        """Ask whether notes go in (no unless said), then write the summary for the doctor (the
        last 4 weeks) into the home folder, off the UI thread, and say where."""
        from runmate.screens.confirm import ConfirmScreen

        screen = next((s for s in reversed(self.screen_stack) if isinstance(s, (RunmateScreen, OverlayScreen))), None)
        if screen is None:
            return
        base, today = Path.home(), self.today()

        def make(with_notes: bool | None) -> None:
            def write(store: Store) -> Any:
                from runmate.exchange.doctor import write_summary

                return write_summary(store, base, today, with_notes=bool(with_notes))

            def done(path: Any) -> None:
                self.notify(
                    visible(f"Your summary of the last 4 weeks is in {path}, readable only by you."),
                    title="A summary for your doctor",
                    markup=False,
                    timeout=15,
                )

            screen.in_background(write, done, group="doctor-summary", exclusive=False, title="No summary made")

        question = ConfirmScreen(
            "Include your notes and reflections?",
            "The summary covers the last 4 weeks. Your notes and reflections stay out unless you say yes.",
            yes="Include them",
            no="Leave them out",
        )
        self.push_screen(question, make)

    def action_help(self) -> None:
        """Open the keys of the current screen, or close them if they are showing."""
        from runmate.screens.help import HelpScreen, collect_keys

        if isinstance(self.screen, HelpScreen):
            self.close_overlay(self.screen)
            return
        screen = self.screen
        mode = modes.BY_NAME.get(self.current_mode)
        title = mode.title if mode is not None and len(self.screen_stack) == 1 else ""
        if isinstance(screen, OverlayScreen) and screen.HELP_TITLE:
            title = screen.HELP_TITLE
        self.push_screen(HelpScreen(collect_keys(self, screen), title))

    def exit(self, *args: Any, **kwargs: Any) -> None:
        self._exiting = True
        super().exit(*args, **kwargs)

    async def action_quit(self) -> None:
        """Quit, asking first when any screen holds unsaved edits."""
        if self.data_problem is not None:
            self.exit()
            return
        if self.screen.id == LEAVE_QUESTION_ID:
            return
        self._leave_then(self.all_screens(), self.exit)

    # -- leaving screens -----------------------------------------------------------------------

    def _leave_then(self, screens: Sequence[Screen[Any]], proceed: Callable[[], object]) -> None:
        """Run ``proceed`` now, or after "Leave without saving?" if any of ``screens`` is dirty.

        Nothing to ask is the common case, and it runs right away, so keys typed straight after
        (a mode key, q then s) find the app already where the first key took it.
        """
        dirty = [s for s in screens if _has_unsaved_changes(s)]
        if not dirty:
            proceed()
        elif self.screen.id != LEAVE_QUESTION_ID:  # never ask twice at once
            self._ask_to_leave(dirty, proceed)

    @work(group=ASKING)
    async def _ask_to_leave(self, dirty: list[Screen[Any]], proceed: Callable[[], object]) -> None:
        if not await self.ask(leave_question()):
            return  # keep editing
        for screen in dirty:
            discard = getattr(screen, "discard_changes", None)
            if callable(discard):
                discard()
        proceed()

    def close_overlay(self, screen: Screen[Any]) -> None:
        """Close a help/settings/welcome screen (and anything above it), asking if it has edits."""
        if screen not in self.screen_stack:
            return
        index = self.screen_stack.index(screen)

        def close() -> None:
            while screen in self.screen_stack and len(self.screen_stack) > index:
                self._pop_one()

        self._leave_then(self.screen_stack[index:], close)

    def _close_overlays(self) -> None:
        """Pop every screen above the current mode's own screen."""
        while len(self.screen_stack) > 1:
            self._pop_one()

    def _pop_one(self) -> None:
        top = self.screen
        if isinstance(top, OverlayScreen):
            top.before_close()
        self.pop_screen()

    # -- live data -----------------------------------------------------------------------------

    def screen_opened(self, screen: Screen[Any]) -> None:
        """A runmate screen was mounted (called by the screen itself; see runmate.screens.base)."""
        self._open_screens.append(screen)

    def screen_closed(self, screen: Screen[Any]) -> None:
        if screen in self._open_screens:
            self._open_screens.remove(screen)

    def all_screens(self) -> list[Screen[Any]]:
        """Every runmate screen the app has opened and not closed, in every mode, shown or not."""
        return list(self._open_screens)

    def _poll_for_changes(self) -> None:
        if self.data_problem is None:
            self.check_day()
            self._check_marker()

    @work(thread=True, exclusive=True, group="runmate-poll", exit_on_error=False)
    def _check_marker(self) -> None:
        marker = self.store.change_marker()  # a stat and a tiny read, but it is still disk I/O
        if marker != self._marker:
            self.call_from_thread(self._marker_moved, marker)

    def _marker_moved(self, marker: Change) -> None:
        if marker == self._marker or self.data_problem is not None:
            return
        self._marker = marker
        self._announce(source=None)

    def data_saved(self, source: Screen[Any] | None = None) -> None:
        """A screen saved something: tell every other screen, and remember the file as seen.

        Call it on the UI thread right after a successful store write.
        """
        if self.data_problem is not None:
            return
        self._marker = self.store.change_marker()
        self._announce(source)

    def settings_saved(self, settings: Settings, source: Screen[Any] | None = None) -> None:
        """The settings screen saved: keep the app's copy and theme in step, then announce it."""
        self.settings = Settings.from_dict(settings.to_dict())
        if settings.theme in self.available_themes:
            self.theme = settings.theme
        self.data_saved(source)

    def _announce(self, source: Screen[Any] | None) -> None:
        self.data_signal.publish(source)

    # -- a damaged file ------------------------------------------------------------------------

    def show_data_problem(self, error: DataFileError) -> None:
        """Show only the calm damaged-file screen from now on; nothing more is written."""
        if self.current_mode == DAMAGED_MODE:
            return
        self.data_problem = error
        if self._poll_timer is not None:
            self._poll_timer.stop()
        self.switch_mode(DAMAGED_MODE)
        self.refresh_bindings()

    async def run_action(self, action, default_namespace=None, namespaces=None) -> bool:
        # A key's action that meets a damaged file shows the calm screen rather than crashing.
        try:
            return await super().run_action(action, default_namespace, namespaces)
        except DataFileError as error:
            self.show_data_problem(error)
            return True

    def run_worker(
        self,
        work: WorkType[Any],
        name: str | None = "",
        group: str = "default",
        description: str = "",
        exit_on_error: bool = True,
        start: bool = True,
        exclusive: bool = False,
        thread: bool = False,
    ) -> Worker[Any]:
        """Textual's ``run_worker`` (used by ``@work`` too), with a damaged file shown calmly (the
        screens' workers go through the same, see ``RunmateScreenBase.run_worker``)."""
        return super().run_worker(
            self.calm_about_damage(work, thread=thread),
            name=name,
            group=group,
            description=description,
            exit_on_error=exit_on_error,
            start=start,
            exclusive=exclusive,
            thread=thread,
        )

    def calm_about_damage(self, work: WorkType[Any], *, thread: bool) -> WorkType[Any]:
        """``work`` for a worker, made to show the damaged-file screen if it meets a damaged file.

        Any other error propagates as before (and so ends the app, as a bug should). The screens'
        base class passes every worker of a runmate screen through here.
        """

        def shown(error: Exception) -> bool:
            problem = _data_file_error(error)
            if problem is None or not self.is_running:
                return False
            if thread:
                self.call_from_thread(self.show_data_problem, problem)
            else:
                self.show_data_problem(problem)
            return True

        if inspect.iscoroutinefunction(work) or inspect.isawaitable(work):
            awaitable = work

            async def calm_async() -> Any:
                try:
                    return await (awaitable() if callable(awaitable) else awaitable)
                except Exception as error:
                    if not shown(error):
                        raise
                    return None

            return calm_async

        call = work

        def calm() -> Any:
            try:
                return call()
            except Exception as error:
                if not shown(error):
                    raise
                return None

        return calm


def _has_unsaved_changes(screen: Screen[Any]) -> bool:
    """Whether leaving ``screen`` would lose edits. A check that fails (a bug in a screen) counts as
    unsaved: the person is asked, rather than the form lost to the bug."""
    check = getattr(screen, "has_unsaved_changes", None)
    if not callable(check):
        return False
    try:
        return bool(check())
    except Exception:
        return True


def _host(app: RunmateApp) -> Host:
    """Never called: mypy checks here that the app is what its screens take it for (runmate.screens.host)."""
    return app
