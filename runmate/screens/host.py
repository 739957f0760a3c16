"""What runmate's screens use of the app, as a protocol.

Screens reach the app only through ``RunmateScreenBase.runmate`` (runmate.screens.base), typed as
:class:`Host`: no module of ``screens/`` imports ``runmate.app``, so the app and its screens import
each other in one direction only (the app imports the screens). ``RunmateApp`` is checked against
this protocol by mypy (``runmate.app._host``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Protocol

from textual.screen import Screen
from textual.signal import Signal
from textual.worker import WorkType

from runmate.models import Settings
from runmate.store import DataFileError, Store


@dataclass(frozen=True)
class DayChange:
    """The local date moved on (past midnight, or after a sleep of several days): ``before`` was
    today until now, ``after`` is today."""

    before: dt.date
    after: dt.date


class Host(Protocol):
    """The app as its screens see it: the store, the date, the settings, and the signals and calls
    that keep every screen in step (see runmate.screens.base for how screens use them)."""

    store: Store
    settings: Settings
    """The settings as read at start or last saved here (screens read the store for fresh ones)."""
    data_signal: Signal[Screen[Any] | None]
    """Published whenever the data file changed, with the screen that saved (None: another runmate)."""
    day_signal: Signal[DayChange]
    """Published when the local date changed while runmate was open."""

    def today(self) -> dt.date: ...

    def data_saved(self, source: Screen[Any] | None = None) -> None: ...

    def settings_saved(self, settings: Settings, source: Screen[Any] | None = None) -> None: ...

    def close_overlay(self, screen: Screen[Any]) -> None: ...

    def show_data_problem(self, error: DataFileError) -> None: ...

    def screen_opened(self, screen: Screen[Any]) -> None: ...

    def screen_closed(self, screen: Screen[Any]) -> None: ...

    def mark_welcomed(self) -> None: ...

    async def ask(self, screen: Screen[Any]) -> Any: ...

    def calm_about_damage(self, work: WorkType[Any], *, thread: bool) -> WorkType[Any]: ...
