"""What every runmate screen shares.

Two kinds of screen live in the app:

* **Mode screens** (dashboard, check-in, plan, journal) subclass :class:`RunmateScreen`. The app
  switches between them with ``d c p j``; each stays alive in the background once shown.
* **Overlay screens** (help, settings, the first-run welcome) subclass :class:`OverlayScreen`. The
  app pushes them on top of the current mode screen and closes them again before it switches mode.

How a screen keeps in step with the data file
---------------------------------------------
* Read and write the store off the UI thread, always through ``self.in_background(call, then)``:
  it runs ``call(store)`` in a thread worker and hands the result to ``then`` on the UI thread.
  When the file is busy (another runmate holds it too long), the folder can't be used (an
  OSError) or the store refuses a value (a ValidationError), it shows a calm notification and
  the app goes on; ``failed`` then gets the error on the UI thread.
* ``data_changed()`` is called on every runmate screen that is open, shown or not, whenever the
  data file changed: written by another runmate (a check-in from the shell in another terminal)
  or announced by another screen. Reload what you show there (in the background). It arrives
  through ``app.data_signal`` (a ``textual.signal.Signal``), which the base class subscribes to
  when the screen mounts; a screen only implements ``data_changed()``.
* After a screen saves something it announces it with ``self.runmate.data_saved(self)`` (on the UI
  thread, for example in the ``then`` callback). The app remembers the file's new change marker so
  it does not mistake the save for an outside write, and publishes ``data_signal`` with the saving
  screen: every other screen hears ``data_changed()`` (the saver does not), so the dashboard shows
  a check-in the moment it is saved.
* A damaged data file raises ``runmate.store.DataFileError`` from any store call. Let it propagate
  (from a worker, an action or a message handler): the app catches it and shows a calm screen that
  names the file and what to do, instead of crashing. ``self.runmate.show_data_problem(error)`` does
  the same by hand.

A new day
---------
runmate may be left open for days. When the local date changes (the app looks each time it polls
the data file, see ``RunmateApp.check_day``), it publishes ``app.day_signal`` with a
:class:`DayChange` and every runmate screen that is open, shown or not, hears ``day_changed(change)``
(the base class subscribes on mount). Move to the new day there: what was "today" becomes the new
today. A form someone is in the middle of keeps its day; only its words ("yesterday") follow.
By default ``day_changed`` calls ``data_changed``.

Edits that never undo someone else's
------------------------------------
A form remembers the record as it opened on it and saves a ``runmate.edits.Edit`` of only the
fields the person changed, through ``save_edit`` in an async ``@work`` method: a clash with a change
made elsewhere asks the person whose value stays; a record deleted elsewhere is not made again
silently. In ``data_changed`` a form lets the fields the person has not touched follow the data
(``runmate.edits.rebase``).

Unsaved edits
-------------
While ``has_unsaved_changes()`` is True the app asks "Leave without saving?" before switching mode,
closing the screen or quitting. If the person chooses to leave, the app calls
``discard_changes()`` so the edits really go away (a mode screen stays alive in the background).

Dialogs
-------
When a dialog's answer decides what happens next, write it top to bottom in a ``@work(group=ASKING)``
method: ``answer = await self.ask(dialog)``, then act on the answer. The method
runs as an async worker on the UI thread; store reads and writes it leads to still go to thread
workers of their own (``in_background`` or ``@work(thread=True)``).

Keys
----
The app owns ``d c p j s ? f1 q`` (and ``ctrl+p``, ``ctrl+q``). Give each of your own bindings a
short description: the help screen lists every binding of the screen it was opened from (and of
runmate's own widgets on it), so new screens appear there automatically. Letters never
reach app bindings while an Input or TextArea has focus: Textual focuses the first focusable widget
when a screen opens, so a screen whose first widget is a text field should set ``AUTO_FOCUS`` to
another selector (or ``""``) if the mode keys are to work straight away.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, cast

from textual.screen import Screen
from textual.worker import Worker, WorkType, get_current_worker

from runmate.edits import Edit
from runmate.models import ValidationError
from runmate.screens.clash import ClashScreen
from runmate.screens.confirm import ConfirmScreen
from runmate.screens.host import DayChange, Host
from runmate.store import Conflict, DataFileError, RecordGone, StoreError
from runmate.textsafe import visible

if TYPE_CHECKING:
    from runmate.store import Store

R = TypeVar("R")

ASKING = "runmate-asking"
"""The worker group of ``@work`` methods led by a person's answers to dialogs. What marks a worker
as waiting on the person is ``ask`` itself (``RunmateApp.workers_waiting``), so the UI tests'
``settle()`` never waits for an answer, whatever the group."""


@dataclass(frozen=True)
class EditOutcome(Generic[R]):
    """How ``save_edit`` ended: saved (with the store's result), back to editing, failed (the file
    was busy or could not be used; already said), or not saved (the record was gone)."""

    saved: bool = False
    back: bool = False
    failed: bool = False
    value: R | None = None


def problem_text(error: Exception, store: Store) -> str:
    """A store problem in words: the store's own sentence, or which file could not be used and why."""
    if isinstance(error, OSError):
        return f"runmate could not use {error.filename or store.data_dir}: {error.strerror or error}."
    return str(error)


__all__ = ["ASKING", "DayChange", "EditOutcome", "OverlayScreen", "RunmateScreen", "RunmateScreenBase"]


class RunmateScreenBase(Screen):
    """What every runmate screen shares: the link to the app, the store and today's date."""

    @property
    def runmate(self) -> Host:
        """The app, as runmate's screens see it (runmate.screens.host)."""
        return cast(Host, self.app)

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
        """Textual's ``run_worker`` (used by ``@work`` too), with a damaged file shown calmly: every
        worker of a runmate screen runs through the app's ``calm_about_damage``."""
        return super().run_worker(
            self.runmate.calm_about_damage(work, thread=thread),
            name=name,
            group=group,
            description=description,
            exit_on_error=exit_on_error,
            start=start,
            exclusive=exclusive,
            thread=thread,
        )

    @property
    def store(self) -> Store:
        return self.runmate.store

    def today(self) -> dt.date:
        return self.runmate.today()

    def in_background(
        self,
        call: Callable[[Store], R],
        then: Callable[[R], None] | None = None,
        *,
        group: str = "store",
        exclusive: bool = True,
        title: str = "Not loaded",
        lead: str = "",
        failed: Callable[[Exception], None] | None = None,
    ) -> Worker[None]:
        """Run ``call(store)`` in a thread; pass its result to ``then`` on the UI thread.

        Workers of the same ``group`` on this screen are exclusive: starting one cancels the
        previous one, and a cancelled worker's result is dropped (give ``exclusive=False`` for
        writes that must each report back). A DataFileError raised by ``call``
        shows the damaged-file screen. A busy file (LockTimeout) or another StoreError, an OSError
        or a ValidationError shows a calm notification titled ``title`` (its text begins with
        ``lead`` when given) and then calls ``failed(error)``; the app keeps running.
        """
        store = self.store
        app = self.app

        def deliver(result: R) -> None:
            # The screen may have been closed while the worker ran.
            if then is not None and self.is_attached:
                then(result)

        def problem(error: Exception) -> None:
            self.notify_problem(error, title=title, lead=lead)
            if failed is not None and self.is_attached:
                failed(error)

        def job() -> None:
            try:
                result = call(store)
            except DataFileError:
                raise  # the app shows its calm damaged-file screen
            except (StoreError, OSError, ValidationError) as error:
                if not get_current_worker().is_cancelled:
                    app.call_from_thread(problem, error)
                return
            if then is not None and not get_current_worker().is_cancelled:
                app.call_from_thread(deliver, result)

        return self.run_worker(job, thread=True, exclusive=exclusive, group=group)

    def on_mount(self) -> None:
        # Textual calls this besides a subclass's own on_mount, so subclasses need not call super().
        self.runmate.screen_opened(self)
        self.runmate.data_signal.subscribe(self, self._data_signal_received)
        self.runmate.day_signal.subscribe(self, self.day_changed)

    def on_unmount(self) -> None:
        self.runmate.screen_closed(self)

    def _data_signal_received(self, source: Screen | None) -> None:
        if source is not self:
            self.data_changed()

    def notify_problem(self, error: Exception, *, title: str, lead: str = "") -> None:
        """A busy or unusable file, or a refused value, as a calm notification; the app keeps running."""
        text = problem_text(error, self.store)
        self.app.notify(
            visible(f"{lead}: {text}" if lead else text), title=title, severity="warning", markup=False, timeout=10
        )

    async def ask(self, screen: Screen[Any]) -> Any:
        """Show a question or dialog and wait for its answer (from an async ``@work`` method)."""
        return await self.runmate.ask(screen)

    async def save_edit(
        self, attempt: Callable[[Edit], R], edit: Edit, *, what: str, lead: str, recreate: bool = False
    ) -> EditOutcome[R]:
        """Save ``edit`` with ``attempt(edit)`` in a thread, asking the person when it clashes.

        Call it from an async ``@work`` method. When a field the person changed was changed
        elsewhere too, the clash question asks whose value stays ("this check-in" and the like is
        ``what``); escape there goes back to editing (``outcome.back``). A record deleted elsewhere
        is never silently made again: with ``recreate`` the person is asked, otherwise told.
        A busy or unusable file or a refused value is reported like ``in_background`` does, with
        ``lead`` ("Your check-in was not saved"), and nothing is saved (``outcome.failed``); a
        DataFileError shows the damaged-file screen.
        """
        while True:
            try:
                return EditOutcome(saved=True, value=await asyncio.to_thread(attempt, edit))
            except DataFileError:
                raise
            except Conflict as conflict:
                choice = await self.ask(ClashScreen(conflict.clashes, what))
                if choice is None:
                    return EditOutcome(back=True)
                names = [c.name for c in conflict.clashes]
                edit = edit.keeping_mine(names) if choice == "mine" else edit.keeping_theirs(names)
            except RecordGone:
                if not recreate:
                    self.app.notify(
                        f"{what[0].upper()}{what[1:]} was deleted elsewhere while it was open here, "
                        "so your changes were not saved.",
                        title="Not saved",
                        markup=False,
                        timeout=10,
                    )
                    return EditOutcome()
                again = await self.ask(
                    ConfirmScreen(
                        f"{what[0].upper()}{what[1:]} was deleted elsewhere.",
                        "It was deleted while it was open here. Save what you have here as new?",
                        yes="Save it as new",
                        no="Leave it deleted",
                    )
                )
                if not again:
                    return EditOutcome()
                edit = edit.as_new()
            except (StoreError, OSError, ValidationError) as error:
                self.notify_problem(error, title="Not saved", lead=lead)
                return EditOutcome(failed=True)

    def data_changed(self) -> None:
        """Called when the data file changed (here or in another process); see the module docstring."""

    def day_changed(self, change: DayChange) -> None:
        """Called when the local date changed while runmate was open; see the module docstring.

        By default the screen reloads as if the data had changed (``data_changed``), which suits a
        screen that reads today's date when it loads."""
        self.data_changed()

    def has_unsaved_changes(self) -> bool:
        """True while the screen holds edits that are not saved yet."""
        return False

    def discard_changes(self) -> None:
        """Called when the person chose to leave without saving: drop the edits here."""


class RunmateScreen(RunmateScreenBase):
    """A mode screen: it reads the store through the app and reloads when data changes."""


class OverlayScreen(RunmateScreenBase):
    """A screen pushed over the current mode (help, settings, welcome); app keys work on it."""

    HELP_TITLE: ClassVar[str] = ""
    """How help names this screen ("You opened help from: Settings"); empty: not named."""
    OPENED_BY: ClassVar[str] = ""
    """The app action that opens this screen; the app greys its key out while the screen is on top."""

    def before_close(self) -> None:
        """Called just before the app closes this screen, by its own key or a mode switch."""

    def action_close(self) -> None:
        """Close this screen (asking first when it has unsaved changes)."""
        self.runmate.close_overlay(self)
