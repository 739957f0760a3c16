"""What every runmate screen shares.

Two kinds of screen live in the app:

* **Mode screens** (dashboard, check-in, plan, journal) subclass :class:`RunmateScreen`. The app
  switches between them with ``d c p j``; each stays alive in the background once shown.
* **Overlay screens** (help, settings, the first-run welcome) subclass :class:`OverlayScreen`. The
  app pushes them on top of the current mode screen and closes them again before it switches mode.

How a screen keeps in step with the data file
---------------------------------------------
* Read and write the store off the UI thread: ``self.in_background(call, then)`` runs
  ``call(store)`` in a thread worker and hands the result to ``then`` on the UI thread. (Any
  ``@work(thread=True)`` worker is fine too.)
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

Unsaved edits
-------------
While ``has_unsaved_changes()`` is True the app asks "Leave without saving?" before switching mode,
closing the screen or quitting. If the person chooses to leave, the app calls
``discard_changes()`` so the edits really go away (a mode screen stays alive in the background).

Dialogs
-------
When a dialog's answer decides what happens next, write it top to bottom in a ``@work(group=ASKING)``
method: ``answer = await self.app.push_screen_wait(dialog)``, then act on the answer. The method
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

import datetime as dt
from typing import TYPE_CHECKING, Any, Callable, TypeVar

from textual.screen import Screen
from textual.worker import Worker, WorkType, get_current_worker

if TYPE_CHECKING:
    from runmate.app import RunmateApp
    from runmate.store import Store

R = TypeVar("R")

ASKING = "runmate-asking"
"""The worker group of every ``@work`` method that waits for a person's answer to a dialog
(``await self.app.push_screen_wait(...)``). Such a worker takes as long as the person does, so
nothing should wait for it to finish (the UI tests' ``settle()`` does not)."""


class _RunmateScreenMixin:
    """The link from a screen to the app, the store and today's date."""

    app: Any

    @property
    def runmate(self) -> "RunmateApp":
        return self.app  # type: ignore[return-value]

    @property
    def store(self) -> "Store":
        return self.runmate.store

    def today(self) -> dt.date:
        return self.runmate.today()

    def in_background(
        self,
        call: Callable[["Store"], R],
        then: Callable[[R], None] | None = None,
        *,
        group: str = "store",
    ) -> Worker[None]:
        """Run ``call(store)`` in a thread; pass its result to ``then`` on the UI thread.

        Workers of the same ``group`` on this screen are exclusive: starting one cancels the
        previous one, and a cancelled worker's result is dropped. A DataFileError raised by ``call``
        shows the damaged-file screen.
        """
        store = self.store
        app = self.app

        def deliver(result: R) -> None:
            # The screen may have been closed while the worker ran.
            if then is not None and self.is_attached:  # type: ignore[attr-defined]
                then(result)

        def job() -> None:
            result = call(store)
            if then is not None and not get_current_worker().is_cancelled:
                app.call_from_thread(deliver, result)

        return self.run_worker(job, thread=True, exclusive=True, group=group)

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
        """Textual's run_worker (used by ``@work`` too), with a damaged file shown calmly."""
        return super().run_worker(  # type: ignore[misc]
            self.runmate.calm_about_damage(work, thread=thread),
            name=name,
            group=group,
            description=description,
            exit_on_error=exit_on_error,
            start=start,
            exclusive=exclusive,
            thread=thread,
        )

    def on_mount(self) -> None:
        # Textual calls this besides a subclass's own on_mount, so subclasses need not call super().
        self.runmate.screen_opened(self)  # type: ignore[arg-type]
        self.runmate.data_signal.subscribe(self, self._data_signal_received)  # type: ignore[arg-type]

    def on_unmount(self) -> None:
        self.runmate.screen_closed(self)  # type: ignore[arg-type]

    def _data_signal_received(self, source: Screen | None) -> None:
        if source is not self:
            self.data_changed()

    def data_changed(self) -> None:
        """Called when the data file changed (here or in another process); see the module docstring."""

    def has_unsaved_changes(self) -> bool:
        """True while the screen holds edits that are not saved yet."""
        return False

    def discard_changes(self) -> None:
        """Called when the person chose to leave without saving: drop the edits here."""


class RunmateScreen(_RunmateScreenMixin, Screen):
    """A mode screen: it reads the store through the app and reloads when data changes."""


class OverlayScreen(_RunmateScreenMixin, Screen):
    """A screen pushed over the current mode (help, settings, welcome); app keys work on it."""

    def before_close(self) -> None:
        """Called just before the app closes this screen, by its own key or a mode switch."""

    def action_close(self) -> None:
        """Close this screen (asking first when it has unsaved changes)."""
        self.runmate.close_overlay(self)
