"""Shown instead of everything else while the terminal is too small to lay runmate out.

Below a couple of dozen columns Textual's text fields and lists have no room left for their text
(a list in a terminal of two columns crashed the app). The screens stay as they were underneath;
as soon as the terminal is big enough again this one goes and they come back, with nothing lost.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

MIN_COLUMNS = 20
MIN_ROWS = 6


def too_small(columns: int, rows: int) -> bool:
    return columns < MIN_COLUMNS or rows < MIN_ROWS


class TooSmallScreen(Screen[None]):
    """A calm line asking for a little more room; only quitting works meanwhile."""

    DEFAULT_CSS = """
    TooSmallScreen {
        align: center middle;
        overflow: hidden;
    }
    TooSmallScreen > Static {
        width: 100%;
        height: auto;
        text-align: center;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static("Please make the window a little bigger for runmate.")
