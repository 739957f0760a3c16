"""A small yes/no question, used wherever runmate asks before deleting or discarding something."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from runmate.textsafe import visible

# The id of the "Leave without saving?" question, so the app can tell it is already asking.
LEAVE_QUESTION_ID = "leave-question"


class ConfirmScreen(ModalScreen[bool]):
    """Ask ``question``; dismisses with True for yes and False for no.

    y says yes; n or escape says no; left and right move between the buttons. The safe answer (no)
    has the focus, so Enter alone never deletes or discards anything. Question, message and labels
    are shown literally, never read as markup.
    """

    CSS_PATH = "confirm.tcss"
    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
        Binding("left", "app.focus_previous", "Previous button", show=False),
        Binding("right", "app.focus_next", "Next button", show=False),
    ]

    def __init__(
        self,
        question: str,
        message: str = "",
        *,
        yes: str = "Yes",
        no: str = "No",
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.question = question
        self.message = message
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(Content(visible(self.question)), id="confirm-question")
            if self.message:
                yield Static(Content(visible(self.message)), id="confirm-message")
            with Horizontal(id="confirm-buttons"):
                yield Button(Content(f"{self.no} (n)"), id="confirm-no")
                yield Button(Content(f"{self.yes} (y)"), id="confirm-yes")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


def leave_question() -> ConfirmScreen:
    """The question asked before unsaved edits are left behind."""
    return ConfirmScreen(
        "Leave without saving?",
        "Your changes here are not saved yet.",
        yes="Leave without saving",
        no="Keep editing",
        id=LEAVE_QUESTION_ID,
    )
