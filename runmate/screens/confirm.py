"""A small question before unsaved edits are left behind."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmLeaveScreen(ModalScreen[bool]):
    """Ask "Leave without saving?"; dismisses with True to leave, False to keep editing."""

    CSS_PATH = "confirm.tcss"
    BINDINGS = [
        Binding("escape", "keep", "Keep editing"),
        Binding("n", "keep", "Keep editing", show=False),
        Binding("y", "leave", "Leave without saving", show=False),
        Binding("left", "app.focus_previous", "Previous button", show=False),
        Binding("right", "app.focus_next", "Next button", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static("Leave without saving?", id="confirm-title")
            yield Static("Your changes here are not saved yet.", id="confirm-text")
            with Horizontal(id="confirm-buttons"):
                yield Button("Keep editing", id="keep", variant="primary")
                yield Button("Leave without saving", id="leave")
            yield Static("y leave · n or escape keep editing", id="confirm-keys")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "leave")

    def action_keep(self) -> None:
        self.dismiss(False)

    def action_leave(self) -> None:
        self.dismiss(True)
