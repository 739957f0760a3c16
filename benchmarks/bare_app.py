"""The baseline of the start-up figures: a bare Textual app (a Static and a Footer).

Run as a program by benchmarks/startup.py, in a pseudo-terminal, exactly as runmate is started.
With ``--modes`` it has two modes of one Static each (keys a and b): the baseline of switching.
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Static

READY = "A bare Textual app"
MODE_TEXT = {"a": "The first bare mode", "b": "The second bare mode"}


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(READY)
        yield Footer()


class _ModeScreen(Screen[None]):
    TEXT = ""

    def compose(self) -> ComposeResult:
        yield Static(self.TEXT)
        yield Footer()


class ModeA(_ModeScreen):
    TEXT = MODE_TEXT["a"]


class ModeB(_ModeScreen):
    TEXT = MODE_TEXT["b"]


class BareModesApp(App[None]):
    MODES = {"a": ModeA, "b": ModeB}
    DEFAULT_MODE = "a"
    BINDINGS = [Binding("a", "switch_mode('a')", "First"), Binding("b", "switch_mode('b')", "Second")]


if __name__ == "__main__":
    (BareModesApp() if "--modes" in sys.argv else BareApp()).run()
