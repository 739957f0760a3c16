"""Dashboard (placeholder until the dashboard lands)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, Header, Static

from runmate.screens.base import RunmateScreen


class DashboardScreen(RunmateScreen):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Dashboard", id="dashboard-soon")
        yield Footer()
