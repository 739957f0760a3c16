"""Changed elsewhere meanwhile: the person chooses whose value stays, field by field shown.

Shown when a save finds that a field the person changed was also changed elsewhere (another
window, the command line) since the form opened. Nothing is written until they choose.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from runmate.edits import Clash
from runmate.models import SCALE_WORDS

Choice = Literal["mine", "theirs"]

FIELD_LABELS = {
    "mood": "Mood",
    "energy": "Energy",
    "stress": "Stress",
    "sleep_hours": "Sleep",
    "sleep_quality": "Sleep quality",
    "note": "Note",
    "name": "Your first name",
    "support_contact": "Support contact",
    "goal_days": "Weekly goal",
    "goal_why": "Why this goal",
    "theme": "Theme",
    "country": "Your country",
    "own_line": "Your own line",
    "date": "Day",
    "kind": "Activity",
    "minutes": "Minutes",
    "warmup": "Warm-up walk",
    "time": "Time of day",
    "with_whom": "With",
    "text": "Text",
    "title": "Title",
}
SHOWN_CHARACTERS = 40


def value_text(name: str, value: Any) -> str:
    """A stored value as a person reads it: '3 (okay)', '7.5 h', '"a short note"', 'empty'."""
    if value is None or value == "":
        return "empty"
    words = SCALE_WORDS.get(name)
    if words and isinstance(value, int) and value in words:
        return f"{value} ({words[value]})"
    if name == "sleep_hours" and isinstance(value, (int, float)):
        return f"{value:g} h"
    if name == "goal_days" and isinstance(value, int):
        return f"{value} day{'s' if value != 1 else ''} a week"
    if isinstance(value, str):
        one_line = " ".join(value.split())
        if len(one_line) > SHOWN_CHARACTERS:
            one_line = one_line[: SHOWN_CHARACTERS - 1] + "…"
        return f'"{one_line}"'
    return str(value)


class ClashScreen(ModalScreen[Choice | None]):
    """Ask whose values stay. Dismisses with "mine", "theirs", or None (back to editing).

    m keeps mine, o keeps the other, escape goes back to the form with nothing saved. All text,
    the person's own included, is shown literally.
    """

    CSS_PATH = "confirm.tcss"
    BINDINGS = [
        Binding("m", "choose('mine')", "Keep mine"),
        Binding("o", "choose('theirs')", "Keep the other"),
        Binding("escape", "back", "Back to editing"),
        Binding("left", "app.focus_previous", "Previous button", show=False),
        Binding("right", "app.focus_next", "Next button", show=False),
    ]

    def __init__(self, clashes: Sequence[Clash], what: str) -> None:
        super().__init__(id="clash-question")
        self.clashes = list(clashes)
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(Content("Changed elsewhere meanwhile"), id="confirm-question")
            yield Static(
                Content(
                    f"While {self.what} was open here, it was also changed somewhere else "
                    "(another window or the command line). Which should stay?"
                ),
                id="confirm-message",
            )
            for clash in self.clashes:
                label = FIELD_LABELS.get(clash.name, clash.name)
                yield Static(
                    Content.assemble(
                        (f"{label}: ", "bold"),
                        f"yours {value_text(clash.name, clash.mine)}, ",
                        f"the other {value_text(clash.name, clash.theirs)}",
                    ),
                    classes="clash-line",
                )
            yield Static(Content("Everything else you changed is saved either way."), classes="clash-line")
            yield Static(Content("Esc goes back to editing; nothing is saved until you choose."), classes="clash-hint")
            with Horizontal(id="confirm-buttons"):
                yield Button(Content("Keep mine (m)"), id="clash-mine")
                yield Button(Content("Keep the other (o)"), id="clash-theirs")

    def on_mount(self) -> None:
        self.query_one("#clash-mine", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss("mine" if event.button.id == "clash-mine" else "theirs")

    def action_choose(self, choice: Choice) -> None:
        self.dismiss(choice)

    def action_back(self) -> None:
        self.dismiss(None)
