"""Morning check-in: mood, energy, stress, sleep and a short note, in a few key presses.

Keys: a digit fills an empty scale and moves on to the next field (a digit on a scale that
already has a value corrects it and stays there); tab/shift+tab or up/down move between fields;
Enter moves on to the next field and, on the note (the last field), saves; ctrl+s saves from
anywhere.
`[` and `]` switch the day, `x` deletes the shown day's check-in (it asks first), ctrl+l uses
the sleep hours from the previous check-in. Clicking a number chooses it (without moving on).

The screen holds no rules of its own: models.parse_checkin validates, the store saves and
runmate.insights words the reply. Store I/O runs in thread workers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import Header, Input, Label, Static

from runmate import formatting, insights, saving
from runmate.edits import Edit, rebase, same
from runmate.models import (
    CHECKIN_FIELDS,
    DATE_RANGE,
    DATE_RANGE_MESSAGE,
    ENERGY_WORDS,
    MOOD_WORDS,
    SLEEP_QUALITY_WORDS,
    STRESS_WORDS,
    CheckIn,
    ValidationError,
    decimal_number,
    parse_checkin,
)
from runmate.screens.base import ASKING, DayChange, RunmateScreen
from runmate.screens.confirm import ConfirmScreen
from runmate.store import Store
from runmate.textsafe import as_stored, visible
from runmate.widgets.key_footer import KeyFooter
from runmate.widgets.scale import ScalePicker

# Field order on screen; ids match the parse_checkin field names.
FIELDS = CHECKIN_FIELDS
SCALES = ("mood", "energy", "stress", "sleep_quality")
LABEL_WIDTH = 16
RECENT_COUNT = 7


@dataclass(frozen=True)
class _Loaded:
    day: dt.date
    existing: CheckIn | None
    hint: CheckIn | None
    recent: list[CheckIn]
    refresh: bool = False


class CheckInScreen(RunmateScreen):
    CSS_PATH = "checkin.tcss"
    AUTO_FOCUS = "#mood"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]

    # Only Save is in the footer, so the app's keys (help and quit among them) fit in 80 columns;
    # the rest are on the screen's own key line and in the help (? or f1).
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("left_square_bracket", "previous_day", "Day before", show=False),
        Binding("right_square_bracket", "next_day", "Day after", show=False),
        Binding("x", "delete", "Delete", show=False),
        Binding("ctrl+l", "use_last_sleep", "Use last sleep", show=False),
        Binding("enter", "next_field", "Next field; on the note, save", show=False),
        Binding("down", "app.focus_next", "Next field", show=False),
        Binding("up", "app.focus_previous", "Previous field", show=False),
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.shown: dt.date | None = None
        self._stored: CheckIn | None = None
        # The check-in's fields as the form opened on them (or last followed them), and its id.
        self._base: dict[str, Any] = self._values_of(None)
        self._opened_on: str | None = None
        self._hint: CheckIn | None = None
        self._saving = False
        self._loading = False
        self._covered = False
        self._open_next: dt.date | None = None

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="checkin-body"):
            with Vertical(id="checkin-form"):
                yield Static(id="checkin-date")
                yield Static(id="checkin-status")
                yield ScalePicker("Mood", MOOD_WORDS, id="mood", allow_empty=False, label_width=LABEL_WIDTH)
                yield self._error("mood")
                yield ScalePicker("Energy", ENERGY_WORDS, id="energy", label_width=LABEL_WIDTH)
                yield self._error("energy")
                yield ScalePicker("Stress", STRESS_WORDS, id="stress", label_width=LABEL_WIDTH)
                yield self._error("stress")
                with Horizontal(classes="field-row"):
                    yield Label("Sleep (hours)", classes="field-label")
                    yield Input(id="sleep_hours", compact=True, placeholder="for example 7.5")
                yield self._error("sleep_hours")
                yield ScalePicker("Sleep quality", SLEEP_QUALITY_WORDS, id="sleep_quality", label_width=LABEL_WIDTH)
                yield self._error("sleep_quality")
                with Horizontal(classes="field-row"):
                    yield Label("Note", classes="field-label")
                    yield Input(id="note", compact=True, placeholder="optional, a few words")
                yield self._error("note")
                yield Static(
                    "digits choose · enter next, saves on the note · tab or ↑↓ move · ctrl+s save"
                    " · [ ] other day · x delete",
                    id="checkin-keys",
                )
            with Vertical(id="checkin-recent"):
                yield Static("Recent check-ins", id="recent-title")
                yield Static(id="recent-list")
        yield KeyFooter()

    @staticmethod
    def _error(name: str) -> Static:
        return Static("", id=f"{name}-error", classes="field-error")

    # -- the form's values -------------------------------------------------------------------

    def _scale(self, name: str) -> ScalePicker:
        return self.query_one(f"#{name}", ScalePicker)

    def _input(self, name: str) -> Input:
        return self.query_one(f"#{name}", Input)

    @staticmethod
    def _values_of(checkin: CheckIn | None) -> dict[str, Any]:
        """A stored check-in's fields as the form compares them (all empty for None)."""
        if checkin is None:
            return {
                "mood": None,
                "energy": None,
                "stress": None,
                "sleep_hours": None,
                "sleep_quality": None,
                "note": "",
            }
        return {name: getattr(checkin, name) for name in FIELDS}

    def _form_values(self) -> dict[str, Any]:
        """What the form holds, compared by meaning: '7,5' is 7.5, surrounding spaces do not count.

        Sleep text that is not a number stays text (it differs from anything stored); a stored
        note shown escaped and left as it was counts as that note."""
        text = self._input("sleep_hours").value.strip()
        number = decimal_number(text)  # the same reading as parse_checkin's: digits 0-9 only
        hours: Any = number if number is not None else (text or None)
        return {
            "mood": self._scale("mood").value,
            "energy": self._scale("energy").value,
            "stress": self._scale("stress").value,
            "sleep_hours": hours,
            "sleep_quality": self._scale("sleep_quality").value,
            "note": as_stored(self._input("note").value.strip(), self._base["note"]),
        }

    def _fill(self, values: dict[str, Any], only: set[str] | None = None) -> None:
        """Put ``values`` (stored fields) into the form; ``only`` limits it to those fields."""
        for name in FIELDS if only is None else [f for f in FIELDS if f in only]:
            value = values[name]
            if name in SCALES:
                self._scale(name).value = value
            elif name == "sleep_hours":
                self._input(name).value = "" if value is None else value if isinstance(value, str) else f"{value:g}"
            else:  # the note: control characters from the file show as visible escapes
                self._input(name).value = visible(str(value))

    def has_unsaved_changes(self) -> bool:
        if not self.is_mounted:
            return False
        try:
            form = self._form_values()
        except NoMatches:  # the form is not composed yet
            return False
        return any(not same(form[name], self._base[name]) for name in FIELDS)

    def discard_changes(self) -> None:
        """Leaving without saving: put back what is stored for the shown day."""
        if self.is_mounted:
            self._fill(self._base)

    # -- loading -----------------------------------------------------------------------------

    def on_screen_suspend(self, event: events.ScreenSuspend) -> None:
        # Still in the stack: a question or the help is on top, and the user comes back to the
        # same day. Not in it: another mode took over, and coming back starts on today.
        self._covered = self in self.app.screen_stack

    def open_day(self, day: dt.date) -> None:
        """Show ``day`` with its note focused when this screen comes up (the journal opens a
        check-in's note here). Unsaved changes to another day are asked about first."""
        self._open_next = day

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if self._open_next is not None:
            day, self._open_next = self._open_next, None
            # A screen made just now is resumed twice; the second time must not go back to today.
            self._covered = True
            if day != self.shown:
                if self.has_unsaved_changes():
                    self._switch_day(day)
                    return
                self.show_day(day)
            self._input("note").focus()
            return
        if self._covered and self.shown is not None:
            self._covered = False
            return
        if not self.has_unsaved_changes() and not self._saving:
            self.show_day(self.today(), focus=True)

    def data_changed(self) -> None:
        """The file changed: follow it. Fields the person is editing keep what they typed."""
        if self.shown is not None and not self._saving:
            self._load(self.shown, refresh=True)

    def day_changed(self, change: DayChange) -> None:
        """Past midnight: a form left on today moves to the new today; one being filled in (or
        showing another day) keeps its day, and only its words ("yesterday") follow."""
        if self.shown is None:
            return
        if self.shown == change.before and not self.has_unsaved_changes() and not self._saving:
            self.show_day(change.after)
        else:
            self._update_date_line()
            self._load(self.shown, refresh=True)  # the recent list's day names

    def show_day(self, day: dt.date, focus: bool = False) -> None:
        """Show ``day``: its stored check-in (pre-filled) or an empty form; ``focus`` starts on mood."""
        self.shown = day
        if focus:
            self._scale("mood").focus()
        self._loading = True
        self._update_date_line()
        self._load(day)

    def _load(self, day: dt.date, refresh: bool = False) -> None:
        def read(store: Store) -> _Loaded:
            checkins = store.checkins()
            existing = next((c for c in checkins if c.date == day.isoformat()), None)
            hint = insights.previous_sleep(checkins, day)
            recent = [c for c in checkins if c.date <= day.isoformat()][-RECENT_COUNT:]
            return _Loaded(day, existing, hint, recent, refresh)

        # Busy for now: in_background says so, and the screen stays usable.
        self.in_background(read, self._loaded, group="checkin-load", lead="Your check-ins could not be read")

    def _loaded(self, loaded: _Loaded) -> None:
        if loaded.day != self.shown:
            return
        self._loading = False
        current = self._values_of(loaded.existing)
        if loaded.refresh and self._saving:
            return  # the save's own result follows
        if loaded.refresh and self.has_unsaved_changes():
            # Another window or the shell saved while the person is editing: fields they have not
            # touched follow; what they typed stays, and a save asks if it clashes.
            form = self._form_values()
            new_form, self._base = rebase(self._base, form, current)
            self._fill(new_form, only={name for name in FIELDS if not same(new_form[name], form[name])})
            if loaded.existing is not None:
                self._opened_on = loaded.existing.id
        else:
            self._base = current
            self._opened_on = loaded.existing.id if loaded.existing else None
            self._clear_errors()
            self._fill(current)
        self._stored = loaded.existing
        self._hint = loaded.hint
        self._update_date_line()
        self._update_hint()
        self._update_recent(loaded.recent)
        self.refresh_bindings()

    def _update_date_line(self) -> None:
        if self.shown is None:
            return
        today = self.today()
        when = formatting.relative_day(self.shown, today)
        label = formatting.day_label(self.shown, today)
        self.query_one("#checkin-date", Static).update(
            Text.assemble(("Check-in for ", ""), (label, "bold"), (f" · {when}" if when else "", ""))
        )
        if self._loading:
            status = ""
        elif self._stored is not None:
            status = "Saved earlier; saving again updates what you change."
        else:
            status = "Nothing saved for this day yet. Only mood is needed."
        self.query_one("#checkin-status", Static).update(Text(status))

    def _update_hint(self) -> None:
        sleep = self._input("sleep_hours")
        if self._hint is not None and self._hint.sleep_hours is not None:
            hours = formatting.hours_text(self._hint.sleep_hours)
            sleep.placeholder = f"last time {hours} · ctrl+l to use it"
        else:
            sleep.placeholder = "for example 7.5"

    def _update_recent(self, recent: list[CheckIn]) -> None:
        today = self.today()
        text = Text()
        if not recent:
            text.append("None yet. Your check-ins will show here.", "dim")
        for c in reversed(recent):
            if text:
                text.append("\n")
            mark = "bold" if self.shown is not None and c.date == self.shown.isoformat() else ""
            text.append(f"{formatting.day_label(c.day, today):<11}", mark)
            text.append(f" mood {c.mood} {MOOD_WORDS[c.mood]}", mark)
            if c.sleep_hours is not None:
                text.append(f" · {formatting.hours_text(c.sleep_hours)}", "dim")
        self.query_one("#recent-list", Static).update(text)

    # -- moving around -----------------------------------------------------------------------

    def action_next_field(self) -> None:
        focused = self.focused
        if focused is not None and focused.id == FIELDS[-1]:
            self.action_save()
        else:
            self.focus_next()

    @on(ScalePicker.Changed)
    def _scale_changed(self, event: ScalePicker.Changed) -> None:
        self._clear_error(event.picker.id or "")
        if event.move_on:  # a first fill moves on; a correction stays on the scale
            self._advance_from(event.picker)

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        self._clear_error(event.input.id or "")

    @on(Input.Submitted)
    def _input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == FIELDS[-1]:
            self.action_save()
        else:
            self._advance_from(event.input)

    def _advance_from(self, widget: Widget) -> None:
        if widget.id in FIELDS:
            index = FIELDS.index(widget.id)
            if index + 1 < len(FIELDS):
                self.query_one(f"#{FIELDS[index + 1]}").focus()

    # -- switching days ----------------------------------------------------------------------

    def action_previous_day(self) -> None:
        if self.shown is None:
            return
        if self.shown <= DATE_RANGE[0]:
            self.notify(DATE_RANGE_MESSAGE, title="As far as it goes", markup=False)
            return
        self._switch_day(self.shown - dt.timedelta(days=1))

    def action_next_day(self) -> None:
        if self.shown is None:
            return
        if self.shown >= self.today():
            self.notify(
                "This is today's check-in; the next one can wait for tomorrow.",
                title="Today is as far as it goes",
                markup=False,
            )
            return
        self._switch_day(self.shown + dt.timedelta(days=1))

    def _switch_day(self, day: dt.date) -> None:
        # Right away when there is nothing to ask, so [ [ [ pressed quickly counts every press.
        if self.has_unsaved_changes():
            self._switch_day_if_told(day)
        else:
            self.show_day(day, focus=True)

    @work(group=ASKING)
    async def _switch_day_if_told(self, day: dt.date) -> None:
        assert self.shown is not None
        label = formatting.day_label(self.shown, self.today())
        question = ConfirmScreen(f"Leave your changes for {label} unsaved?", yes="Leave them", no="Keep editing")
        if await self.ask(question):
            self.show_day(day, focus=True)

    # -- the sleep hint ----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "use_last_sleep":
            return self._hint is not None
        if action == "delete":
            return self._stored is not None
        return True

    def action_use_last_sleep(self) -> None:
        if self._hint is None or self._hint.sleep_hours is None:
            return
        sleep = self._input("sleep_hours")
        sleep.value = f"{self._hint.sleep_hours:g}"
        sleep.focus()
        sleep.action_end()

    # -- errors ------------------------------------------------------------------------------

    def _show_errors(self, error: ValidationError) -> None:
        self._clear_errors()
        first: str | None = None
        for item in error.errors:
            if item.field not in FIELDS:  # the date: only a future day, which [ and ] never reach
                self.notify(item.message, title="Not saved", markup=False)
                continue
            name = item.field
            label = self.query_one(f"#{name}-error", Static)
            label.update(Text(item.message))
            label.add_class("-shown")
            first = first or name
        if first is not None:
            self.query_one(f"#{first}").focus()

    def _clear_error(self, name: str) -> None:
        if name in FIELDS:
            label = self.query_one(f"#{name}-error", Static)
            label.update("")
            label.remove_class("-shown")

    def _clear_errors(self) -> None:
        for name in FIELDS:
            self._clear_error(name)

    # -- saving ------------------------------------------------------------------------------

    def action_save(self) -> None:
        if self._saving or self.shown is None:
            return
        form = self._form_values()
        try:
            checkin = parse_checkin(
                today=self.today(),
                date=self.shown.isoformat(),
                mood=form["mood"],
                energy=form["energy"],
                stress=form["stress"],
                sleep_hours=self._input("sleep_hours").value,
                sleep_quality=form["sleep_quality"],
                note=form["note"],
            )
        except ValidationError as error:
            self._show_errors(error)
            return
        self._clear_errors()
        self._saving = True
        edit = Edit.from_form(self._base, self._values_of(checkin), self._opened_on)
        self._save(self.shown, edit)

    @work(exclusive=True, group="checkin-save")
    async def _save(self, day: dt.date, edit: Edit) -> None:
        # Busy (another runmate is writing): save_edit says so, and the form stays as it is.
        store, today = self.store, self.today()
        try:
            outcome = await self.save_edit(
                lambda e: saving.save_checkin(store, day, e, today),
                edit,
                what="this check-in",
                lead="Your check-in was not saved",
                recreate=True,
            )
        finally:
            self._saving = False
        if outcome.value is not None:
            self._saved(outcome.value)
        elif not outcome.back and not outcome.failed and day == self.shown:
            self.show_day(day)  # left deleted: show the day as it is now

    def _saved(self, result: saving.CheckinSaved) -> None:
        self._saving = False
        self._stored = result.checkin
        self._opened_on = result.checkin.id
        self._base = self._values_of(result.checkin)
        self._fill(self._base)  # what is stored now (the other's value where the person chose it)
        label = formatting.day_label(result.checkin.day, self.today())
        self.notify(
            result.line or "Thank you for checking in.",
            title=f"{'Updated' if result.replaced else 'Saved'} your check-in for {label}",
            markup=False,
            timeout=8,
        )
        # The low-mood note (result.safety_note) is not a toast over the screen: the dashboard,
        # shown next, keeps it in its own panel until the person hides it.
        self.runmate.data_saved(self)
        self.app.switch_mode("dashboard")

    # -- deleting ----------------------------------------------------------------------------

    @work(group=ASKING)
    async def action_delete(self) -> None:
        if self.shown is None:
            return
        day = self.shown
        label = formatting.day_label(day, self.today())
        if self._stored is None:
            self.notify(f"Nothing is saved for {label}, so there is nothing to delete.", markup=False)
            return
        question = ConfirmScreen(
            f"Delete the check-in for {label}?", "This can't be undone.", yes="Delete", no="Keep it"
        )
        if await self.ask(question):
            self._delete(day)

    def _delete(self, day: dt.date) -> None:
        self.in_background(
            lambda store: store.delete_checkin(day),
            lambda removed: self._deleted(day, removed),
            group="checkin-save",
            exclusive=False,
            title="Not deleted",
            lead="Nothing was deleted",
        )

    def _deleted(self, day: dt.date, removed: bool) -> None:
        label = formatting.day_label(day, self.today())
        if removed:
            self.notify(f"Deleted the check-in for {label}.", markup=False)
        self.runmate.data_saved(self)
        self._stored = None
        self._opened_on = None
        self._base = self._values_of(None)
        self._fill(self._base)
        self.show_day(day)
