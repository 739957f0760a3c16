"""Keys reach the app one at a time, each where the one before it left the focus.

Textual hands each key from the terminal to the widget focused at that moment, straight away. When
keys come faster than the app handles them (typed while a screen was still opening, pasted, or
sent by a terminal multiplexer), several land in the same widget before the first of them has
moved the focus on: a check-in typed as ``4327`` then set mood to 4, then 3, then 2, and the sleep
hours never got their 7; letters meant for the note reached the app's keys instead.

:class:`KeysInOrder` holds each key until the one before it has been dealt with: taken by its
widget, or passed up through the widget's containers to the screen and the app (and their key
bindings), with what it set off finished too (a screen it opened, the data loaded in a worker).
Then the next key goes to whatever has the focus now, exactly as Textual would hand it
over. Keys that come one by one, as people type, see no difference. A key is never held for more
than ``KEY_WAIT`` seconds, so a key nobody deals with cannot hold up the ones after it.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from textual import events
from textual.app import App, ScreenStackError
from textual.dom import DOMNode
from textual.worker import Worker

KEY_WAIT = 2.0
"""Seconds after which the next key goes on even if the one before it is not dealt with yet. A mode's
first visit on a busy machine (a check-in typed straight after its key) can take most of a second."""
WORKER_LOOK = 0.005
"""Seconds between looks at whether the workers a key started have finished."""


class KeysInOrder(App[None]):
    """Textual's App, with keys dealt with one after the other: ``class MyApp(KeysInOrder)``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.keys_waiting: deque[events.Key] = deque()
        """Keys from the terminal waiting for the one before them to be dealt with."""
        self._key_serial = 0  # the number of the key being dealt with
        self._key_busy = False

    async def on_event(self, event: events.Event) -> None:
        # A key from the terminal has not been handed on yet; one on its way up from a widget has.
        if not isinstance(event, events.Key) or event.is_forwarded:
            await super().on_event(event)
        elif self._key_busy:
            self.keys_waiting.append(event)
        else:
            self._key_busy = True
            await self._hand_on(event)

    async def _hand_on(self, key: events.Key) -> None:
        """Give ``key`` to Textual, then wait, without holding up the app, until it is dealt with."""
        self._key_serial += 1
        serial = self._key_serial
        target = self.focused or self.screen  # where Textual hands a key on, unless a binding takes it
        await super().on_event(key)
        if not key.is_forwarded:  # taken by a key binding of the app, which has run
            self._after_each([], serial)
            return
        self.set_timer(KEY_WAIT, lambda: self._key_done(serial))
        self._after_each([target, *target.ancestors], serial)

    def _after_each(self, nodes: list[DOMNode], serial: int) -> None:
        """Once each of ``nodes`` in turn has handled what it was sent before now, the key is done.

        A key not taken by its widget goes up to the widget's container, and on to the screen and
        the app, each handling it in turn; a node's call_later runs after what it was sent before.
        Then what the key set off is done as well: a message a widget sent on taking it (a text
        field's Submitted, say), and a screen it opened, which puts the focus in its first field.
        """
        if serial != self._key_serial or not self._key_busy:
            return  # the key's wait ran out: the keys after it have gone on
        if self._go_on_after(nodes, serial):
            return
        # What the key set off (a field's Submitted on its way up, a new screen opening, loading
        # what it shows) is done once no widget shown has a message waiting and no worker runs.
        try:
            shown = self.screen
        except ScreenStackError:  # the app has closed
            return
        waiting = [node for node in [self, *shown.walk_children(with_self=True)] if node.message_queue_size]
        if self._go_on_after(waiting, serial):
            return
        if self.keys_wait_for():
            self.set_timer(WORKER_LOOK, lambda: self._after_each([], serial))
        else:
            self.call_later(self._key_done, serial)

    def _go_on_after(self, nodes: list[DOMNode], serial: int) -> bool:
        """Have the first of ``nodes`` that still takes messages go on with the rest once it has come
        to what it was sent before now. False when none takes it (they are closing): done with them."""
        return any(node.call_later(self._after_each, nodes[at + 1 :], serial) for at, node in enumerate(nodes))

    def keys_wait_for(self) -> list[Worker[Any]]:
        """The workers the next key waits for: all that are running. An app whose workers may wait
        on the person (for the answer to a question) leaves those out."""
        return [worker for worker in self.workers if not worker.is_finished]

    async def _key_done(self, serial: int) -> None:
        if serial != self._key_serial or not self._key_busy:
            return  # that key was done already (by its wait running out, or the other way)
        if self.keys_waiting:
            await self._hand_on(self.keys_waiting.popleft())
        else:
            self._key_busy = False
