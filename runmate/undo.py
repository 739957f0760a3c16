"""Taking back a tick, a rest day, a move or a delete on the plan, a few seconds after it.

Pure: no Textual, no storage. An undo writes the activity back through the store like any other
edit (``Store.edit_activity``): only the fields the action changed, and a later change made
elsewhere to one of them is a clash the person is asked about, never overwritten. An undone delete
puts the same record back, with its id (``Store.restore_activity``).
"""

from __future__ import annotations

from dataclasses import dataclass

from runmate.edits import Edit
from runmate.models import PlannedActivity

UNDO_SECONDS = 8.0  # how long the offer to undo stands
UNDO_KEY = "u"

# The fields a tick or a rest day changes, and those a move changes.
STATUS_FIELDS = ("status", "before", "after", "actual_minutes", "rest_reason")
MOVE_FIELDS = ("date",)


@dataclass(frozen=True)
class Undo:
    """One action to take back: ``before`` is the activity as it was, ``after`` as the action left
    it (None when it was deleted), ``fields`` what the action changed, ``message`` what was done."""

    before: PlannedActivity
    after: PlannedActivity | None
    fields: tuple[str, ...]
    message: str

    @property
    def deleted(self) -> bool:
        return self.after is None

    def edit(self) -> Edit:
        """Back to ``before`` in the fields the action changed, from ``after``."""
        if self.after is None:
            raise ValueError("a delete is undone by restoring the record, not by an edit")
        base = {name: getattr(self.after, name) for name in self.fields}
        chosen = {name: getattr(self.before, name) for name in self.fields}
        return Edit.from_form(base, chosen, self.before.id)

    def offer(self) -> str:
        """'Ticked off. Well moved.  Press u to undo.'"""
        return f"{self.message}  Press {UNDO_KEY} to undo."
