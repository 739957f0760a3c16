"""RunmateApp: the modes, the app-wide keys and the link to the store."""

from __future__ import annotations

import datetime as dt

from textual.app import App
from textual.binding import Binding

from runmate.screens.checkin import CheckInScreen
from runmate.screens.dashboard import DashboardScreen
from runmate.screens.journal import JournalScreen
from runmate.screens.plan import PlanScreen
from runmate.store import DataFileError, Store


class RunmateApp(App):
    TITLE = "runmate"
    CSS_PATH = "runmate.tcss"
    MODES = {
        "dashboard": DashboardScreen,
        "checkin": CheckInScreen,
        "plan": PlanScreen,
        "journal": JournalScreen,
    }
    DEFAULT_MODE = "dashboard"
    BINDINGS = [
        Binding("d", "goto('dashboard')", "Dashboard"),
        Binding("c", "goto('checkin')", "Check-in"),
        Binding("p", "goto('plan')", "Plan"),
        Binding("j", "goto('journal')", "Journal"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, store: Store, *, data_problem: DataFileError | None = None, today: dt.date | None = None):
        super().__init__()
        self.store = store
        self.data_problem = data_problem
        self._fixed_today = today

    def today(self) -> dt.date:
        """The local date now, or the fixed date given for tests and screenshots."""
        return self._fixed_today or dt.date.today()

    def action_goto(self, mode: str) -> None:
        self.switch_mode(mode)
