"""What every runmate mode screen shares."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from runmate.app import RunmateApp
    from runmate.store import Store


class RunmateScreen(Screen):
    """A mode screen: it reads the store through the app and reloads when data changes."""

    @property
    def runmate(self) -> "RunmateApp":
        return self.app  # type: ignore[return-value]

    @property
    def store(self) -> "Store":
        return self.runmate.store

    def today(self) -> dt.date:
        return self.runmate.today()

    def data_changed(self) -> None:
        """Called by the app when the data file changed (here or in another process)."""

    def has_unsaved_changes(self) -> bool:
        """True while the screen holds edits that are not saved yet."""
        return False
