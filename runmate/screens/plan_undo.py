"""Undo on the plan screen: after a tick, a rest day, a move or a delete, a short message offers to
take it back for a few seconds (``runmate.undo`` says how, as plain data)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from runmate.undo import UNDO_SECONDS, Undo

if TYPE_CHECKING:
    from runmate.screens.plan import PlanScreen


@dataclass
class UndoOffer:
    """The last tick, rest, move or delete, while it can be undone."""

    undo: Undo | None = None
    until: float = 0.0  # time.monotonic() when the offer ends

    def take(self) -> Undo | None:
        """The action to undo, if the offer still stands; the offer ends either way."""
        undo, self.undo = self.undo, None
        return undo if undo is not None and time.monotonic() <= self.until else None


def offer_undo(screen: PlanScreen, undo: Undo) -> None:
    """Say what was done, and that the undo key takes it back for a few seconds."""
    screen.undo_offer = UndoOffer(undo, time.monotonic() + UNDO_SECONDS)
    screen.notify(undo.offer(), timeout=UNDO_SECONDS, markup=False)


async def undo_last(screen: PlanScreen) -> None:
    """Take the last tick, rest, move or delete back, through the store like any edit: a field
    changed elsewhere since is a clash the person is asked about, never overwritten. Call it from
    an async ``@work`` method of the screen."""
    undo = screen.undo_offer.take()
    screen.app.clear_notifications()  # the offer, and what it offered, is answered
    if undo is None:
        screen.notify("Nothing to undo just now.", timeout=3, markup=False)
        return
    before = undo.before
    screen._follow(before.day)
    if undo.deleted:

        def restored(back: bool) -> None:
            screen._saved("Undone: it is back." if back else "It is back already.", f"act:{before.id}")

        screen._write(lambda store: store.restore_activity(before), restored)
        return
    store = screen.store
    outcome = await screen.save_edit(
        lambda e: store.edit_activity(before.id, e), undo.edit(), what="this activity", lead="Not undone"
    )
    if outcome.saved:
        screen._saved("Undone.", f"act:{before.id}")
    else:
        screen.reload()
