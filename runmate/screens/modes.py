"""runmate's modes, each declared once.

The app's modes and their keys, the command palette's entries for them, help's "You opened help
from", the tests and the benchmarks all read this table. Adding a mode is its screen's module plus
one entry here. Nothing here imports Textual or a screen until a mode's screen is asked for
(``Mode.load``), so the first frame pays only for the mode it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from runmate.screens.base import RunmateScreen


@dataclass(frozen=True)
class Mode:
    """One mode: its name (Textual's mode name), the app-wide key that opens it, its title (footer,
    palette, help), a line for the palette, the words it shows once its data is read (tests and
    the benchmarks wait for them), and how to get its screen class (importing its module)."""

    name: str
    key: str
    title: str
    help: str
    drawn: str
    load: Callable[[], type[RunmateScreen]]

    def make_screen(self) -> RunmateScreen:
        """A new screen of this mode (Textual calls it on the mode's first visit)."""
        return self.load()()

    @property
    def action(self) -> str:
        """The app action that opens the mode."""
        return f"goto({self.name!r})"


def _dashboard() -> type[RunmateScreen]:
    from runmate.screens.dashboard import DashboardScreen

    return DashboardScreen


def _checkin() -> type[RunmateScreen]:
    from runmate.screens.checkin import CheckInScreen

    return CheckInScreen


def _plan() -> type[RunmateScreen]:
    from runmate.screens.plan import PlanScreen

    return PlanScreen


def _journal() -> type[RunmateScreen]:
    from runmate.screens.journal import JournalScreen

    return JournalScreen


MODES: tuple[Mode, ...] = (
    Mode("dashboard", "d", "Dashboard", "Today, your trends, your year and what helps", "days this week", _dashboard),
    Mode("checkin", "c", "Check-in", "How are you this morning?", "Check-in for", _checkin),
    Mode("plan", "p", "Plan", "This week's runs, walks and rest days", "This week, ", _plan),
    Mode("journal", "j", "Journal", "Your reflections", "Reflections · ", _journal),
)
"""Every mode, in the order of the footer and the palette; the first is where the app opens."""

BY_NAME: dict[str, Mode] = {mode.name: mode for mode in MODES}
FIRST = MODES[0]
