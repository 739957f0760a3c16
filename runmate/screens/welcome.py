"""The first-run welcome: what runmate is, a few optional questions (first name, weekly goal,
support contact, country for the crisis line), where the data lives, and what runmate is not.

The country is offered from the system's locale (in the question's placeholder), never filled in
for the person; as they type it, the line for that country shows beneath.

One screen, skippable: "Let's start" (ctrl+s, or Enter on the last question) saves only the
answers filled in, through ``save_edit``; "Skip for now" (escape) saves none of them. Either way
the welcome counts as seen.
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from runmate import saving, support
from runmate.edits import Edit
from runmate.models import MAX_NAME, ValidationError
from runmate.screens.base import OverlayScreen
from runmate.screens.damaged import friendly_path
from runmate.textsafe import visible
from runmate.widgets.key_footer import KeyFooter

INTRO = (
    "runmate keeps you company while you run, walk or move to look after your mood. "
    "Check in each morning with how you feel, plan a few gentle activities for the week, "
    "and see how movement and mood go together over time."
)
SLOWLY = "Start with walking and build up slowly; a rest day is part of the plan."
ASK = "A few things, all optional; change them any time in settings (s)."
PRIVACY = "It is stored unencrypted, in a file only your user account can read."
CARE = (
    "runmate is not a treatment. It can help alongside other care, and it does not replace it. "
    "Talk to your doctor if you are worried about your health. "
    "In an emergency, call your local emergency number."
)
# (field, label, placeholder, longest answer)
QUESTIONS = (
    ("name", "Your first name", "to greet you", MAX_NAME),
    ("goal_days", "Weekly goal", "days a week with movement, 1 to 7", 2),
    ("support_contact", "Support contact", "someone to reach out to when things are hard", 200),
    ("country", "Your country", "two letters, like GB, for a crisis line", 40),
)


def country_placeholder(suggested: str | None) -> str:
    """The country question's placeholder: the locale's country as a suggestion, never an answer."""
    if suggested:
        return f"two letters; your system says {suggested}"
    return QUESTIONS[-1][2]


def line_preview(country: str) -> str:
    """What runmate will show for the country typed so far ('' while it is empty or unreadable)."""
    code = support.normalise_country(country)
    if not code:
        return ""
    return " ".join(support.where_to_turn(code))


assert tuple(q[0] for q in QUESTIONS) == saving.WELCOME_FIELDS


class WelcomeScreen(OverlayScreen):
    """Shown once, on the first start. Closing it in any way marks it as seen."""

    CSS_PATH = "welcome.tcss"
    HELP_TITLE = "Welcome"
    BINDINGS = [
        Binding("ctrl+s", "start", "Let's start"),
        Binding("escape", "skip", "Skip"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._saving = False

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="welcome-scroll"), Vertical(id="welcome-box"):
            yield Static("Welcome to runmate", id="welcome-title")
            yield Static(INTRO, classes="welcome-text")
            yield Static(SLOWLY, classes="welcome-text welcome-extra")
            yield Static(ASK, classes="welcome-label")
            for name, label, asked, longest in QUESTIONS:
                placeholder = country_placeholder(support.country_from_locale()) if name == "country" else asked
                with Horizontal(classes="welcome-row"):
                    yield Label(label, classes="welcome-field-label")
                    yield Input(id=f"welcome-{name}", placeholder=placeholder, max_length=longest, compact=True)
                yield Static("", id=f"welcome-{name}-error", classes="welcome-error")
            yield Static("", id="welcome-line", classes="welcome-text")
            with Horizontal(id="welcome-buttons"):
                yield Button("Let's start", id="welcome-start", variant="primary")
                yield Button("Skip for now", id="welcome-skip")
            yield Static("Your data stays on this computer, in:", classes="welcome-label")
            yield Static(Text(visible(friendly_path(self.store.path))), id="welcome-path")
            yield Static(PRIVACY, classes="welcome-text")
            yield Static(CARE, id="welcome-care")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._input("name").focus()
        self.query_one("#welcome-line").display = False
        self._fit_buttons()

    def on_resize(self) -> None:
        self._fit_buttons()

    def _fit_buttons(self) -> None:
        # A short terminal gets one-line buttons, so the care note fits on the first screen too.
        for button in self.query(Button):
            button.compact = self.has_class("-short")

    # -- the answers -----------------------------------------------------------------------------

    def _input(self, name: str) -> Input:
        return self.query_one(f"#welcome-{name}", Input)

    def answers(self) -> dict[str, str]:
        return {name: self._input(name).value for name in saving.WELCOME_FIELDS}

    def has_unsaved_changes(self) -> bool:
        return self.is_mounted and any(value.strip() for value in self.answers().values())

    def discard_changes(self) -> None:
        for name in saving.WELCOME_FIELDS:
            self._input(name).value = ""

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter moves to the next question; on the last one it starts (as on the check-in's note)."""
        event.stop()
        fields = saving.WELCOME_FIELDS
        name = (event.input.id or "").removeprefix("welcome-")
        if name == fields[-1]:
            self.action_start()
        elif name in fields:
            self._input(fields[fields.index(name) + 1]).focus()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("welcome-")
        self._show_error(name, "")
        if name == "country":
            preview = self.query_one("#welcome-line", Static)
            preview.update(Text(line_preview(event.value)))
            preview.display = bool(line_preview(event.value))

    def _show_error(self, name: str, message: str) -> None:
        if name in saving.WELCOME_FIELDS:
            label = self.query_one(f"#welcome-{name}-error", Static)
            label.update(Text(message))
            label.set_class(bool(message), "-shown")

    # -- leaving ---------------------------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "welcome-start":
            self.action_start()
        else:
            self.action_skip()

    def action_skip(self) -> None:
        """Close without saving any answer (the welcome still counts as seen)."""
        self.discard_changes()
        self.action_close()

    def action_start(self) -> None:
        if self._saving:
            return
        try:
            edit = saving.welcome_edit(self.runmate.settings, self.answers())
        except ValidationError as error:
            first = None
            for name in saving.WELCOME_FIELDS:
                message = error.for_field(name) or ""
                self._show_error(name, message)
                first = first or (name if message else None)
            if first is not None:
                self._input(first).focus()
            return
        self._saving = True
        self._save(edit)

    @work(exclusive=True, group="welcome-save")
    async def _save(self, edit: Edit) -> None:
        try:
            outcome = await self.save_edit(
                self.store.edit_settings, edit, what="your settings", lead="Your answers were not saved"
            )
        finally:
            self._saving = False
        if outcome.value is not None:
            self.runmate.settings_saved(outcome.value, self)
            self.discard_changes()  # saved: nothing left to ask about
            self.action_close()

    def before_close(self) -> None:
        self.runmate.mark_welcomed()
