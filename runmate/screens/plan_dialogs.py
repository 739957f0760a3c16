"""The plan screen's dialogs. Each checks its values with runmate's parse_* functions and
returns plain data; nothing here touches the store."""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from runmate import plans
from runmate.edits import rebase
from runmate.formatting import day_label, long_date
from runmate.models import (
    ACTIVITY_KINDS,
    DATE_RANGE_MESSAGE,
    DEFAULT_WARMUP,
    FEELING_WORDS,
    WARMUP_KINDS,
    FieldError,
    PlannedActivity,
    Settings,
    ValidationError,
    in_date_range,
    parse_activity,
    parse_day,
    parse_settings,
)
from runmate.textsafe import as_stored, visible
from runmate.widgets.scale import ScalePicker


class PlanDialog(ModalScreen):
    """A small centred dialog: escape cancels, ctrl+s saves."""

    CSS_PATH = "plan.tcss"

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
        Binding("enter", "save", "Save", show=False),  # where a field does not take Enter itself (a scale)
    ]

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:  # pragma: no cover - each dialog overrides it
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "dialog-save":
            self.action_save()
        else:
            self.action_cancel()

    def _buttons(self, save: str = "Save") -> Horizontal:
        return Horizontal(
            Button(save, id="dialog-save", variant="primary", compact=True),
            Button("Cancel", id="dialog-cancel", compact=True),
            classes="plan-dialog-buttons",
        )

    @on(ScalePicker.Changed)
    def _feeling_chosen(self, event: ScalePicker.Changed) -> None:
        """A digit that fills an empty scale moves on to the next field; a digit correcting a value
        stays, as in the check-in."""
        if event.move_on:
            self.focus_next()

    def feelings(self) -> tuple[int | None, int | None]:
        """How it felt before and after, from the dialog's two scales (``feeling_scale``)."""
        return self.query_one("#f-before", ScalePicker).value, self.query_one("#f-after", ScalePicker).value

    def _show_errors(self, error: ValidationError | None, fields: tuple[str, ...]) -> None:
        for name in fields:
            label = self.query_one(f"#err-{name}", Static)
            message = error.for_field(name) if error else None
            label.update(Content(message or ""))
            label.display = bool(message)


def _today(screen: ModalScreen) -> dt.date:
    """The app's today (fixed in tests and screenshots): what a typed 'fri' or 'tomorrow' counts from."""
    today = getattr(screen.app, "today", None)
    return today() if callable(today) else dt.date.today()


def _field(label: str, widget, name: str) -> Vertical:
    """A label and its input on one line, with a quiet message below when something is off."""
    return Vertical(
        Horizontal(Label(label, classes="plan-field-label"), widget, classes="plan-field-row"),
        Static("", id=f"err-{name}", classes="plan-field-error"),
        classes="plan-field",
    )


LABEL_WIDTH = 15  # the label column (.plan-field-label)


def feeling_scale(name: str, label: str) -> Vertical:
    """How it felt, 1 very low to 5 very good, on the check-in's scale picker; a quiet message below."""
    return Vertical(
        ScalePicker(label, FEELING_WORDS, id=f"f-{name}", label_width=LABEL_WIDTH),
        Static("", id=f"err-{name}", classes="plan-field-error"),
        classes="plan-field plan-feeling",
    )


# --- add / edit ----------------------------------------------------------------------------------


ACTIVITY_FIELDS = ("date", "kind", "minutes", "warmup", "time", "with_whom", "note")


DEFAULT_MINUTES = 20  # a new activity's minutes, until the person changes them


def _minutes_shown(a: PlannedActivity) -> str:
    """The minutes field of an activity: empty for one brought in whose minutes are not known."""
    return "" if a.minutes is None else str(a.minutes)


class ActivityDialog(PlanDialog):
    """Add or edit a planned activity. Dismisses with a validated PlannedActivity, or None.

    With ``done`` it logs something already done, in one step: it asks how it felt before and after
    too, and dismisses with the activity marked done (``plans.log_done``; its day is ``today`` or
    earlier)."""

    def __init__(
        self,
        *,
        day: dt.date,
        activity: PlannedActivity | None = None,
        done: bool = False,
        today: dt.date | None = None,
    ):
        super().__init__()
        self.day = day
        self.activity = activity
        self.done = done
        self.today = today or day
        self._warmup_auto = activity is None

    def compose(self) -> ComposeResult:
        a = self.activity
        kind = a.kind if a else "run"
        warmup = str(a.warmup) if a else str(DEFAULT_WARMUP)
        title = "Change this activity" if a else ("Log what you did" if self.done else "Plan an activity")
        with Vertical(classes="plan-dialog", id="activity-dialog"):
            yield Static(title, classes="plan-dialog-title")
            yield _field("Day", Input(a.date if a else self.day.isoformat(), id="f-date", compact=True), "date")
            yield _field(
                "Activity",
                Select(
                    [(label, key) for key, label in ACTIVITY_KINDS.items()],
                    value=kind,
                    allow_blank=False,
                    id="f-kind",
                    compact=True,
                ),
                "kind",
            )
            # A new activity starts at DEFAULT_MINUTES; one brought in whose minutes are not known stays empty.
            minutes = str(DEFAULT_MINUTES) if a is None else _minutes_shown(a)
            yield _field("Minutes", Input(minutes, id="f-minutes", compact=True), "minutes")
            yield _field("Warm-up walk", Input(warmup, id="f-warmup", compact=True), "warmup")
            yield _field(
                "Time of day",
                Input(a.time or "" if a else "", placeholder="optional", id="f-time", compact=True),
                "time",
            )
            yield _field(
                "With",
                Input(visible(a.with_whom) if a else "", placeholder="optional", id="f-with_whom", compact=True),
                "with_whom",
            )
            yield _field(
                "Note", Input(visible(a.note) if a else "", placeholder="optional", id="f-note", compact=True), "note"
            )
            if self.done:
                yield feeling_scale("before", "Felt before")
                yield feeling_scale("after", "Felt after")
            yield Static("Enter or ctrl+s saves · Esc cancels", classes="plan-dialog-hint")
            yield self._buttons("Log it" if self.done else "Save")

    def on_mount(self) -> None:
        self._show_errors(None, self._fields())
        self.query_one("#f-minutes" if self.activity is None else "#f-date", Input).focus()

    def _fields(self) -> tuple[str, ...]:
        return ACTIVITY_FIELDS + (("before", "after") if self.done else ())

    @staticmethod
    def _shown(a: PlannedActivity) -> dict[str, str]:
        """An activity's fields as this dialog shows them."""
        return {
            "date": a.date,
            "kind": a.kind,
            "minutes": _minutes_shown(a),
            "warmup": str(a.warmup),
            "time": a.time or "",
            "with_whom": visible(a.with_whom),
            "note": visible(a.note),
        }

    def follow(self, current: PlannedActivity) -> None:
        """The activity changed elsewhere while this dialog is open: the fields not touched here
        take the new values; what the person typed stays (saving asks if it clashes)."""
        if self.activity is None or current.id != self.activity.id:
            return
        if not self.query("#f-kind"):  # not composed yet: its fields will show ``current``
            self.activity = current
            return
        kind = self.query_one("#f-kind", Select).value
        shown = {name: self.query_one(f"#f-{name}", Input).value for name in ACTIVITY_FIELDS if name != "kind"}
        shown["kind"] = kind if isinstance(kind, str) else ""
        followed, _ = rebase(self._shown(self.activity), shown, self._shown(current))
        for name in ACTIVITY_FIELDS:
            if followed[name] == shown[name]:
                continue
            if name == "kind":
                self.query_one("#f-kind", Select).value = followed[name]
            else:
                self.query_one(f"#f-{name}", Input).value = followed[name]
        self.activity = current

    def on_select_changed(self, event: Select.Changed) -> None:
        if self._warmup_auto and isinstance(event.value, str):
            self.query_one("#f-warmup", Input).value = str(DEFAULT_WARMUP if event.value in WARMUP_KINDS else 0)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "f-warmup" and event.input.has_focus:
            self._warmup_auto = False

    def _value(self, name: str) -> str:
        value = self.query_one(f"#f-{name}", Input).value
        if self.activity is not None and name in ("with_whom", "note"):
            # Shown escaped and left as it was: saved as it was.
            value = as_stored(value, getattr(self.activity, name))
        return value

    def action_save(self) -> None:
        kind = self.query_one("#f-kind", Select).value
        try:
            parsed = parse_activity(
                date=self._value("date"),
                kind=kind if isinstance(kind, str) else "",
                minutes=self._value("minutes"),
                warmup=self._value("warmup"),
                time=self._value("time"),
                with_whom=self._value("with_whom"),
                note=self._value("note"),
                minutes_optional=self.activity is not None and self.activity.minutes is None,
                # the day may be typed as 'fri' or 'tomorrow': the next one, or the last one when logging
                today=_today(self),
                back=self.done,
            )
            if self.done:
                parsed = self._as_done(parsed)
        except ValidationError as error:
            self._show_errors(error, self._fields())
            first = error.errors[0].field
            self.query_one(f"#f-{first}").focus()
            return
        self._show_errors(None, self._fields())
        self.dismiss(parsed)

    def _as_done(self, parsed: PlannedActivity) -> PlannedActivity:
        before, after = self.feelings()
        return plans.log_done(parsed, today=self.today, before=before, after=after)


# --- rest ----------------------------------------------------------------------------------------


class RestDialog(PlanDialog):
    """Make an activity a rest day, with an optional reason."""

    def __init__(self, activity: PlannedActivity):
        super().__init__()
        self.activity = activity

    def compose(self) -> ComposeResult:
        a = self.activity
        with Vertical(classes="plan-dialog", id="rest-dialog"):
            yield Static("A rest day instead", classes="plan-dialog-title")
            yield Static(
                Content(visible(f"{plans.describe_plan(a)} on {day_label(a.day)}")), classes="plan-dialog-text"
            )
            yield Static(
                "Rest is part of the plan. A reason (tired, ill, life happened) helps you notice patterns, "
                "if you like.",
                classes="plan-dialog-hint",
            )
            yield _field("Reason", Input("", placeholder="optional", id="f-reason", compact=True), "reason")
            yield self._buttons("Rest")

    def on_mount(self) -> None:
        self._show_errors(None, ("reason",))
        self.query_one("#f-reason", Input).focus()

    def action_save(self) -> None:
        try:
            reason = plans.parse_rest_reason(self.query_one("#f-reason", Input).value)
        except ValidationError as error:
            self._show_errors(error, ("reason",))
            return
        self.dismiss(reason)


# --- move ----------------------------------------------------------------------------------------


class MoveDialog(PlanDialog):
    """Move an activity to another day: a date, a weekday name, or up/down a day at a time."""

    BINDINGS = [
        Binding("up", "shift(-1)", "A day earlier"),
        Binding("down", "shift(1)", "A day later"),
    ]

    def __init__(self, activity: PlannedActivity, week_of: dt.date):
        super().__init__()
        self.activity = activity
        self.week_of = week_of

    def compose(self) -> ComposeResult:
        a = self.activity
        with Vertical(classes="plan-dialog", id="move-dialog"):
            yield Static("Move to another day", classes="plan-dialog-title")
            yield Static(
                Content(visible(f"{plans.describe_plan(a)} on {day_label(a.day)}")), classes="plan-dialog-text"
            )
            yield _field("New day", Input(a.date, id="f-date", compact=True), "date")
            yield Static("", id="move-weekday", classes="plan-dialog-hint")
            yield Static("A date, tomorrow or 'fri' (the next one) · ↑/↓ a day either way", classes="plan-dialog-hint")
            yield self._buttons("Move")

    def on_mount(self) -> None:
        self._show_errors(None, ("date",))
        self.query_one("#f-date", Input).focus()
        self._show_weekday()

    def _parsed(self) -> dt.date:
        return parse_day(self.query_one("#f-date", Input).value, today=_today(self))

    def _show_weekday(self) -> None:
        try:
            day = self._parsed()
            text = long_date(day, year=True)
        except ValidationError:
            text = ""
        self.query_one("#move-weekday", Static).update(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._show_errors(None, ("date",))
        self._show_weekday()

    def action_shift(self, days: int) -> None:
        try:
            day = self._parsed()
        except ValidationError:
            day = self.activity.day
        try:
            new: dt.date | None = day + dt.timedelta(days=days)
        except OverflowError:
            new = None
        if new is None or not in_date_range(new):
            # Stepping past either end of the calendar runmate keeps: say so, change nothing.
            self._show_errors(ValidationError([FieldError("date", DATE_RANGE_MESSAGE)]), ("date",))
            return
        field = self.query_one("#f-date", Input)
        field.value = new.isoformat()
        field.cursor_position = len(field.value)

    def action_save(self) -> None:
        try:
            day = self._parsed()
        except ValidationError as error:
            self._show_errors(error, ("date",))
            return
        self.dismiss(day)


# --- weekly goal ---------------------------------------------------------------------------------


class GoalDialog(PlanDialog):
    """The weekly goal: days a week with movement and why. Dismisses with validated Settings."""

    def __init__(self, settings: Settings):
        super().__init__()
        self.settings = settings

    def compose(self) -> ComposeResult:
        s = self.settings
        with Vertical(classes="plan-dialog", id="goal-dialog"):
            yield Static("Your weekly goal", classes="plan-dialog-title")
            yield Static(
                "How many days a week would you like to move (1 to 7), and why? Writing it down helps.",
                classes="plan-dialog-hint",
            )
            yield _field(
                "Days a week", Input(str(s.goal_days), id="f-goal_days", max_length=1, compact=True), "goal_days"
            )
            yield _field(
                "Why",
                Input(visible(s.goal_why), placeholder="in your own words (optional)", id="f-goal_why", compact=True),
                "goal_why",
            )
            yield self._buttons()

    def on_mount(self) -> None:
        self._show_errors(None, ("goal_days", "goal_why"))
        self.query_one("#f-goal_days", Input).focus()

    def follow(self, current: Settings) -> None:
        """The goal changed elsewhere while this dialog is open: untouched fields follow it."""

        def shown_of(s: Settings) -> dict[str, str]:
            return {"goal_days": str(s.goal_days), "goal_why": visible(s.goal_why)}

        if not self.query("#f-goal_days"):  # not composed yet: its fields will show ``current``
            self.settings = current
            return
        shown = {name: self.query_one(f"#f-{name}", Input).value for name in ("goal_days", "goal_why")}
        followed, _ = rebase(shown_of(self.settings), shown, shown_of(current))
        for name, value in followed.items():
            if value != shown[name]:
                self.query_one(f"#f-{name}", Input).value = value
        self.settings = current

    def action_save(self) -> None:
        days = self.query_one("#f-goal_days", Input).value
        why = as_stored(self.query_one("#f-goal_why", Input).value, self.settings.goal_why)
        try:
            parsed = parse_settings(self.settings, goal_days=days, goal_why=why)
        except ValidationError as error:
            self._show_errors(error, ("goal_days", "goal_why"))
            return
        self.dismiss(parsed)
