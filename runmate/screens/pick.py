"""A short list to choose one thing from (a tag, a month). Enter chooses, escape leaves it as it was."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option


class PickScreen(ModalScreen[str | None]):
    """Show ``choices`` (value, label) under ``title``; dismisses with the chosen value, or None.

    Labels are shown literally (a tag is the person's own word, never markup).
    """

    DEFAULT_CSS = """
    PickScreen {
        align: center middle;
        background: $background 60%;
    }
    PickScreen #pick-box {
        width: 48;
        max-width: 100%;
        height: auto;
        max-height: 90%;
        padding: 1 2;
        border: round $primary;
        background: $surface;
    }
    PickScreen #pick-title {
        text-style: bold;
        margin-bottom: 1;
    }
    PickScreen #pick-list {
        height: auto;
        max-height: 16;
        border: none;
        background: transparent;
    }
    PickScreen #pick-hint {
        color: $text-muted;
        margin-top: 1;
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Back")]

    def __init__(self, title: str, choices: Sequence[tuple[str, str]], current: str | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(choices)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-box"):
            yield Static(Content(self.title_text), id="pick-title")
            yield OptionList(
                *(Option(Content(label), id=str(index)) for index, (_, label) in enumerate(self.choices)),
                id="pick-list",
            )
            yield Static(Content("↑↓ choose · Enter picks · Esc goes back"), id="pick-hint")

    def on_mount(self) -> None:
        options = self.query_one("#pick-list", OptionList)
        values = [value for value, _ in self.choices]
        if self.current in values:
            options.highlighted = values.index(self.current)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.choices[int(event.option.id or 0)][0])

    def action_cancel(self) -> None:
        self.dismiss(None)
