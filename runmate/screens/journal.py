"""Journal: reflections (writing and browsing them comes in a later version)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Footer, Header, Static

from runmate.screens.base import RunmateScreen

SOON = Text.assemble(
    ("Journal\n\n", "bold"),
    "A place for reflections, free text, tied to a run if you like.\n",
    ("Writing and browsing them comes in the next version of runmate; "
     "until then, a note on your morning check-in keeps a few words for the day.", "dim"),
)


class JournalScreen(RunmateScreen):
    DEFAULT_CSS = """
    JournalScreen #journal-soon {
        padding: 1 2;
    }
    """

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(SOON, id="journal-soon")
        yield Footer()
