"""The first-run welcome: what runmate is, where the data lives, and what it is not."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Button, Static

from runmate.screens.base import OverlayScreen
from runmate.screens.damaged import friendly_path
from runmate.textsafe import visible
from runmate.widgets.footer import Footer

INTRO = (
    "runmate keeps you company while you run, walk or move to look after your mood. "
    "Check in each morning with how you feel, plan a few gentle activities for the week, "
    "and see how movement and mood go together over time."
)
SLOWLY = "Start with walking and build up slowly; a rest day is part of the plan."
PRIVACY = "It is stored unencrypted, in a file only your user account can read."
CARE = (
    "runmate is not a treatment. It can help alongside other care, and it does not replace it. "
    "Talk to your doctor if you are worried about your health."
)


class WelcomeScreen(OverlayScreen):
    """Shown once, on the first start. Closing it in any way marks it as seen."""

    CSS_PATH = "welcome.tcss"
    BINDINGS = [
        Binding("enter", "close", "Let's start"),
        Binding("escape", "close", "Close", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="welcome-scroll"), Vertical(id="welcome-box"):
            yield Static("Welcome to runmate", id="welcome-title")
            yield Static(INTRO, classes="welcome-text")
            yield Static(SLOWLY, classes="welcome-text welcome-extra")
            yield Static("Your data stays on this computer, in:", classes="welcome-label")
            yield Static(Text(visible(friendly_path(self.store.path))), id="welcome-path")
            yield Static(PRIVACY, classes="welcome-text")
            yield Static(CARE, id="welcome-care")
            yield Static(
                "Press s any time to add your name, someone to reach out to, and a weekly goal. "
                "Press ? to see every key.",
                classes="welcome-text welcome-extra",
            )
            yield Button("Let's start", id="welcome-start", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#welcome-start", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_close()

    def before_close(self) -> None:
        self.runmate.mark_welcomed()
