"""What the journal screen holds in memory: what it loaded, and the reflection being written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from runmate.journal import Item
from runmate.models import PlannedActivity


@dataclass(frozen=True)
class Loaded:
    """What one read of the store gives the journal screen: its list and the activities by id."""

    items: list[Item]
    activities: dict[str, PlannedActivity]


@dataclass
class Draft:
    """The reflection in the editor: ``entry_id`` None for a new one; ``base`` its fields as the
    editor opened on them (or last followed them)."""

    entry_id: str | None
    base: dict[str, Any]

    @property
    def day(self) -> dt.date:
        return dt.date.fromisoformat(self.base["date"])
