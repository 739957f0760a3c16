"""Plan of the week (placeholder until the plan screen lands)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, Header, Static

from runmate.screens.base import RunmateScreen


class PlanScreen(RunmateScreen):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Plan", id="plan-soon")
        yield Footer()
