"""Undo on the plan screen: after a tick, a rest day, a move or a delete, a short message offers to
take it back for a few seconds (``runmate.undo`` says how, as plain data; ``PlanScreen.offer_undo``
and ``PlanScreen.action_undo`` show and take the offer)."""

from __future__ import annotations

import time
from dataclasses import dataclass

from runmate.undo import UNDO_SECONDS, Undo


@dataclass
class UndoOffer:
    """The last tick, rest, move or delete, while it can be undone."""

    undo: Undo | None = None
    until: float = 0.0  # time.monotonic() when the offer ends

    @classmethod
    def starting_now(cls, undo: Undo) -> UndoOffer:
        """An offer to undo ``undo`` for the next few seconds (``runmate.undo.UNDO_SECONDS``)."""
        return cls(undo, time.monotonic() + UNDO_SECONDS)

    def take(self) -> Undo | None:
        """The action to undo, if the offer still stands; the offer ends either way."""
        undo, self.undo = self.undo, None
        return undo if undo is not None and time.monotonic() <= self.until else None
