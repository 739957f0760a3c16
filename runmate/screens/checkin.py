"""Morning check-in (placeholder until the check-in screen lands)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, Header, Static

from runmate.screens.base import RunmateScreen


class CheckInScreen(RunmateScreen):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Check-in", id="checkin-soon")
        yield Footer()
