"""Journal: reflections (the full screen comes in a later version)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, Header, Static

from runmate.screens.base import RunmateScreen


class JournalScreen(RunmateScreen):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Journal\n\nWriting and browsing reflections comes in the next version of runmate.", id="journal-soon")
        yield Footer()
