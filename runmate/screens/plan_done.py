"""Ticking an activity off: how it felt before and after on the check-in's scales, and the minutes
actually moved. Returns plain data; nothing here touches the store."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from runmate import plans
from runmate.formatting import day_label
from runmate.models import PlannedActivity, ValidationError, parse_completion
from runmate.screens.plan_dialogs import PlanDialog, _field, feeling_scale
from runmate.textsafe import visible
from runmate.widgets.scale import ScalePicker


@dataclass(frozen=True)
class Completion:
    before: int | None
    after: int | None
    minutes: int | None  # None: as planned


COMPLETION_FIELDS = ("before", "after", "minutes")


class DoneDialog(PlanDialog):
    """Tick an activity off. Every answer is optional: Enter right away just ticks it."""

    def __init__(self, activity: PlannedActivity):
        super().__init__()
        self.activity = activity

    def compose(self) -> ComposeResult:
        a = self.activity
        with Vertical(classes="plan-dialog", id="done-dialog"):
            yield Static("Done, well moved", classes="plan-dialog-title")
            yield Static(
                Content(visible(f"{plans.describe_plan(a)} on {day_label(a.day)}")), classes="plan-dialog-text"
            )
            yield Static("How did you feel? 1 very low to 5 very good. All optional.", classes="plan-dialog-hint")
            yield feeling_scale("before", "Before")
            yield feeling_scale("after", "After")
            yield _field(
                "Minutes moved",
                Input("" if a.minutes is None else str(a.minutes), id="f-minutes", compact=True),
                "minutes",
            )
            yield Static("Enter ticks it off · Esc cancels", classes="plan-dialog-hint")
            yield self._buttons("Tick it off")

    def on_mount(self) -> None:
        self._show_errors(None, COMPLETION_FIELDS)
        self.query_one("#f-before", ScalePicker).focus()

    def action_save(self) -> None:
        before, after = self.feelings()
        try:
            _, _, minutes = parse_completion(
                before=before, after=after, minutes=self.query_one("#f-minutes", Input).value
            )
        except ValidationError as error:
            self._show_errors(error, COMPLETION_FIELDS)
            self.query_one(f"#f-{error.errors[0].field}").focus()
            return
        self.dismiss(Completion(before, after, plans.moved_minutes(self.activity.minutes, minutes)))
