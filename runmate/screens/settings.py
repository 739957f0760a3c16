"""Settings: your first name, a support contact, your country (for the crisis line) and a line of
your own, the weekly goal and the theme.

The country is offered from the system's locale in its placeholder, never filled in; the line
runmate will show for it appears under the field as it is typed."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Header, Input, Select, Static

from runmate import support
from runmate.edits import Edit, rebase
from runmate.models import MAX_NAME, THEMES, Settings, ValidationError, parse_settings
from runmate.screens.base import OverlayScreen
from runmate.textsafe import as_stored, visible
from runmate.widgets.key_footer import KeyFooter

# The form's fields, in order: (field name, label, placeholder, hint shown on wide terminals).
TEXT_FIELDS = (
    ("name", "Your first name", "optional", "Used to greet you. Leave it empty if you like."),
    (
        "support_contact",
        "Support contact",
        "a friend, or a helpline (optional)",
        "Someone to reach out to when things are hard.",
    ),
    (
        "goal_days",
        "Weekly goal",
        "days a week, 1 to 7",
        "Days a week with movement (any activity you tick off).",
    ),
    ("goal_why", "Why this goal", "what it is for (optional)", "A few words to come back to on a hard day."),
    ("country", "Your country", "two letters, like GB (optional)", "For the crisis line runmate shows."),
    ("own_line", "Your own line", "a helpline you trust (optional)", "Shown with the crisis line on a hard day."),
)
COUNTRY_HINT = "For the crisis line runmate shows."
FIELDS = (*tuple(f[0] for f in TEXT_FIELDS), "theme")
# Hints shown at every size: what the goal counts, and who to reach out to.
ALWAYS_HINTED = ("support_contact", "goal_days", "country")

THEME_LABELS = {
    "textual-dark": "Dark",
    "textual-light": "Light",
    "nord": "Nord",
    "gruvbox": "Gruvbox",
    "catppuccin-mocha": "Catppuccin Mocha",
    "catppuccin-latte": "Catppuccin Latte",
    "solarized-light": "Solarized Light",
    "tokyo-night": "Tokyo Night",
}


def form_values(settings: Settings) -> dict[str, str]:
    """The settings as the form shows them."""
    # Text from the file is shown with control characters as visible escapes (never raw).
    return {
        "name": visible(settings.name),
        "support_contact": visible(settings.support_contact),
        "goal_days": str(settings.goal_days),
        "goal_why": visible(settings.goal_why),
        "country": settings.country,
        "own_line": visible(settings.own_line),
        "theme": settings.theme,
    }


class SettingsScreen(OverlayScreen):
    """Edit settings; ctrl+s saves (nothing is saved while any field has a problem)."""

    CSS_PATH = "settings.tcss"
    HELP_TITLE = "Settings"
    OPENED_BY = "settings"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "close", "Close"),
    ]

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self._saved = Settings.from_dict(settings.to_dict())
        self._saving = False

    # -- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        values = form_values(self._saved)
        yield Header()
        with VerticalScroll(id="settings-scroll"), Vertical(id="settings-box"):
            yield Static("Settings", id="settings-title")
            suggested = support.country_from_locale()
            for name, label, shown_placeholder, hint in TEXT_FIELDS:
                placeholder = shown_placeholder
                if name == "country" and suggested:
                    placeholder = f"two letters; your system says {suggested}"
                with Horizontal(classes="settings-row", id=f"row-{name}"):
                    yield Static(label, classes="settings-label")
                    with Vertical(classes="settings-field"):
                        yield Input(
                            value=values[name],
                            placeholder=placeholder,
                            id=name,
                            max_length=200 if name != "name" else MAX_NAME,
                        )
                        always = " -always" if name in ALWAYS_HINTED else ""
                        yield Static(hint, classes=f"settings-hint{always}", id=f"{name}-hint")
                        yield Static("", id=f"{name}-error", classes="settings-error")
            with Horizontal(classes="settings-row", id="row-theme"):
                yield Static("Theme", classes="settings-label")
                with Vertical(classes="settings-field"):
                    theme = values["theme"] if values["theme"] in THEMES else THEMES[0]
                    yield Select(
                        [(THEME_LABELS.get(t, t), t) for t in THEMES],
                        value=theme,
                        allow_blank=False,
                        id="theme",
                    )
                    yield Static("Changes as you choose; kept when you save.", classes="settings-hint")
                    yield Static("", id="theme-error", classes="settings-error")
            with Horizontal(id="settings-buttons"):
                yield Button("Save", id="settings-save", variant="primary")
                yield Button("Close", id="settings-close")
            yield Static("", id="settings-status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()
        # The app's copy may be older than the file (another runmate may have changed it).
        self.data_changed()

    # -- the form ------------------------------------------------------------------------------

    def current_values(self) -> dict[str, str]:
        values = {name: self.query_one(f"#{name}", Input).value for name, *_ in TEXT_FIELDS}
        theme = self.query_one("#theme", Select).value
        values["theme"] = theme if isinstance(theme, str) else ""
        return values

    def _fill(self, settings: Settings) -> None:
        self._saved = Settings.from_dict(settings.to_dict())
        for name, value in form_values(settings).items():
            self._show_value(name, value)

    def _show_value(self, name: str, value: str) -> None:
        if name != "theme":
            self.query_one(f"#{name}", Input).value = value
        elif value in THEMES:
            self.query_one("#theme", Select).value = value

    def has_unsaved_changes(self) -> bool:
        return self.is_mounted and self.current_values() != form_values(self._saved)

    def data_changed(self) -> None:
        """Follow the file: fields the person has not touched take the new values."""

        def loaded(settings: Settings) -> None:
            if self._saving:
                return
            if not self.has_unsaved_changes():
                self._fill(settings)
                return
            shown = self.current_values()
            followed, _ = rebase(form_values(self._saved), shown, form_values(settings))
            for name in FIELDS:
                if followed[name] != shown[name]:  # untouched here, changed in the file
                    setattr(self._saved, name, getattr(settings, name))
                    self._show_value(name, followed[name])

        self.in_background(lambda store: store.settings(), loaded, group="load", lead="Your settings could not be read")

    @on(Input.Changed, "#country")
    def _country_changed(self, event: Input.Changed) -> None:
        """Under the country, the line runmate will show for it (or the usual hint)."""
        code = support.normalise_country(event.value)
        hint = " ".join(support.where_to_turn(code)[:-1]) if code else COUNTRY_HINT
        self.query_one("#country-hint", Static).update(Text(hint))

    def on_select_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value in self.app.available_themes:
            self.app.theme = event.value

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "settings-save":
            self.action_save()
        else:
            self.action_close()

    def _show_errors(self, error: ValidationError | None) -> None:
        for name in FIELDS:
            message = error.for_field(name) if error else None
            label = self.query_one(f"#{name}-error", Static)
            label.update(Text(message or ""))
            label.set_class(bool(message), "-shown")
            self.query_one(f"#{name}").set_class(bool(message), "-invalid")

    def action_save(self) -> None:
        if self._saving:
            return
        values = self.current_values()
        for name in (
            "name",
            "support_contact",
            "goal_why",
            "own_line",
        ):  # shown escaped and left as it was: kept as it was
            values[name] = as_stored(values[name], getattr(self._saved, name))
        try:
            chosen = parse_settings(self._saved, **values)
        except ValidationError as error:
            self._show_errors(error)
            first = next(name for name in FIELDS if error.for_field(name))
            self.query_one(f"#{first}").focus()
            self.query_one("#settings-status", Static).update("Nothing was saved yet; see the note above.")
            return
        self._show_errors(None)
        self._saving = True
        base = {name: getattr(self._saved, name) for name in FIELDS}
        self._save(Edit.from_form(base, {name: getattr(chosen, name) for name in FIELDS}))

    @work(exclusive=True, group="save")
    async def _save(self, edit: Edit) -> None:
        # Only the fields changed on this form are written; the rest (changed elsewhere meanwhile,
        # or written by a newer runmate) is kept. A field changed on both sides asks first.
        try:
            outcome = await self.save_edit(
                self.store.edit_settings, edit, what="your settings", lead="Your settings were not saved"
            )
        finally:
            self._saving = False  # whatever happened, ctrl+s can try again
        if outcome.value is not None:
            self._after_save(outcome.value)

    def _after_save(self, saved: Settings) -> None:
        self._saving = False
        self._saved = Settings.from_dict(saved.to_dict())
        self.runmate.settings_saved(saved, self)
        self.app.notify("Settings saved.", timeout=3)
        self.runmate.close_overlay(self)

    def discard_changes(self) -> None:
        self._fill(self._saved)

    def before_close(self) -> None:
        # A theme tried out but not saved goes back to the saved one.
        saved_theme = self.runmate.settings.theme
        if saved_theme in self.app.available_themes and self.app.theme != saved_theme:
            self.app.theme = saved_theme
