"""The starter program's dialog: which days, what the first week holds and until when, shown
before anything is booked (``plans.starter_preview``) and following the first day and week as
they are typed. Returns plain data; nothing here touches the store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from rich.table import Table
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Label, Static

from runmate import plans
from runmate.models import FieldError, PlannedActivity, ValidationError
from runmate.screens.plan_dialogs import PlanDialog, _field

PREVIEW_LABEL = 8  # "Week 9" and a little air


@dataclass(frozen=True)
class StarterChoice:
    start: dt.date
    week: int


class StarterDialog(PlanDialog):
    """Start the walk/run starter program; shows what it will book and says plainly what it replaces.

    ``existing`` are the activities from today on, so the preview moves past sessions that stay just
    as the start will; the number replaced is ``plans.future_starter_ids`` of them. The first day is
    today or later (the program fills the coming weeks)."""

    def __init__(self, *, today: dt.date, existing: Sequence[PlannedActivity] = ()):
        super().__init__()
        self.today = today
        self.existing = list(existing)
        self.replacing = len(plans.future_starter_ids(self.existing, today))

    def compose(self) -> ComposeResult:
        with Vertical(classes="plan-dialog", id="starter-dialog"):
            yield Static("Starter program", classes="plan-dialog-title")
            yield Static(
                f"A gentle {plans.PROGRAM_WEEKS}-week walk/run build-up to 30 minutes of running, each session "
                "after a 5-minute warm-up walk.",
                classes="plan-dialog-text",
            )
            if self.replacing:
                s = "s" if self.replacing != 1 else ""
                yield Static(
                    f"{self.replacing} coming starter session{s} still planned: starting again replaces them "
                    "(what you have done or rested stays).",
                    id="starter-replace",
                    classes="plan-dialog-note",
                )
            yield _field("First day", Input(self.today.isoformat(), id="f-date", compact=True), "date")
            yield Vertical(
                Horizontal(
                    Label("Program week", classes="plan-field-label"),
                    Input("1", id="f-week", max_length=1, compact=True),
                    Static("1 to 9; start again from a week to repeat it", classes="plan-field-aside"),
                    classes="plan-field-row",
                ),
                Static("", id="err-week", classes="plan-field-error"),
                classes="plan-field",
            )
            yield Static("", id="starter-preview", classes="plan-starter-preview")
            yield self._buttons("Replace and start" if self.replacing else "Start")

    def on_mount(self) -> None:
        self._show_errors(None, ("date", "week"))
        self.query_one("#f-date", Input).focus()
        self._show_preview()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._show_errors(None, ("date", "week"))
        self._show_preview()

    def _start_day(self) -> dt.date:
        return plans.parse_day(self.query_one("#f-date", Input).value, self.today)

    def _choice(self) -> tuple[StarterChoice, plans.StarterPreview]:
        """The chosen start and week, with what they would book; ValidationError lists every problem."""
        errors: list[FieldError] = []
        start = week = None
        try:
            start = self._start_day()
        except ValidationError as error:
            errors.extend(error.errors)
        try:
            week = plans.check_program_week(self.query_one("#f-week", Input).value)
        except ValidationError as error:
            errors.extend(error.errors)
        if start is not None and week is not None:
            try:
                preview = plans.starter_preview(self.existing, today=self.today, start=start, first_week=week)
            except ValidationError as error:
                errors.extend(error.errors)
        if errors:
            raise ValidationError(errors)
        assert start is not None and week is not None
        return StarterChoice(start, week), preview

    def _show_preview(self) -> None:
        try:
            _, preview = self._choice()
        except ValidationError:
            text: Table | Content = Content.styled("Choose a first day and a program week to see what it books.", "dim")
        else:
            # Two columns, so a long line wraps under its own column.
            text = Table.grid(padding=(0, 1))
            text.add_column(width=PREVIEW_LABEL - 1, style="bold", no_wrap=True)
            text.add_column(ratio=1)
            for label, words in preview.lines():
                text.add_row(label, words)
        self.query_one("#starter-preview", Static).update(text)

    def action_save(self) -> None:
        try:
            choice, _ = self._choice()
        except ValidationError as error:
            self._show_errors(error, ("date", "week"))
            return
        self.dismiss(choice)
