"""The plan: a week of runs and movement, Monday to Sunday, ticked off as done."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from runmate import plans
from runmate.edits import Edit
from runmate.formatting import day_label
from runmate.models import (
    DATE_RANGE,
    DATE_RANGE_MESSAGE,
    STATUS_DONE,
    STATUS_REST,
    PlannedActivity,
    Settings,
    week_start,
)
from runmate.screens.base import ASKING, DayChange, RunmateScreen
from runmate.screens.confirm import ConfirmScreen
from runmate.screens.plan_dialogs import ActivityDialog, GoalDialog, MoveDialog, RestDialog
from runmate.screens.plan_done import Completion, DoneDialog
from runmate.screens.plan_starter import StarterChoice, StarterDialog
from runmate.screens.plan_undo import UndoOffer
from runmate.screens.plan_week import WeekData, day_line, goal_dots, load_week
from runmate.store import Store
from runmate.textsafe import visible
from runmate.undo import MOVE_FIELDS, STATUS_FIELDS, UNDO_KEY, UNDO_SECONDS, Undo
from runmate.widgets.key_footer import KeyFooter

# The fields of an activity its edit dialog changes (a tick or a rest day: undo.STATUS_FIELDS).
EDITABLE = ("date", "kind", "minutes", "warmup", "time", "with_whom", "note")
TALL = 30  # from this screen height on, a quiet line separates the days
WEEK_KEYS = Binding.Group("Week")  # [ and ] share one place in the footer
# The plan's keys that the footer has no room for, always in view under the week.
PLAN_KEY_LINE = "e edit · m move · r rest · x delete · t this week · g goal · S starter"


class PlanScreen(RunmateScreen):
    """A week view with each day's planned activities; the weekly goal sits at the top."""

    CSS_PATH = "plan.tcss"

    # The footer shows only the few keys needed most (so the app's ? Help and q Quit stay in
    # sight at 80 columns); the rest are on the screen's key line (#plan-keys, from PLAN_KEY_LINE)
    # and every binding is listed in the help screen.
    BINDINGS = [
        Binding("left_square_bracket", "previous_week", "Previous week", key_display="[", group=WEEK_KEYS),
        Binding("right_square_bracket", "next_week", "Next week", key_display="]", group=WEEK_KEYS),
        Binding("t", "this_week", "This week", show=False),
        Binding("a", "add", "Add"),
        Binding("e", "edit", "Edit", show=False),
        Binding("space", "tick", "Done", key_display="space"),
        Binding("r", "rest", "Rest", show=False),
        Binding("m", "move", "Move", show=False),
        Binding("x", "delete", "Delete", show=False),
        Binding("g", "goal", "Goal", show=False),
        Binding("S", "starter", "Starter program", show=False, key_display="S"),
        Binding("l", "log", "Log what you did", show=False),
        Binding(UNDO_KEY, "undo", "Undo, a few seconds after", show=False),
    ]

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.monday: dt.date | None = None
        self.data: WeekData | None = None
        self._keep: str | None = None  # option id to highlight after a reload
        self._open_next: str | None = None  # an activity whose dialog opens once it is shown
        self.undo_offer = UndoOffer()

    # -- layout ----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="plan-top"):
            yield Static("", id="plan-goal")
            yield Static("", id="plan-why")
        yield Static("", id="plan-week-title")
        yield OptionList(id="plan-week")
        yield Static("", id="plan-buildup")
        yield Static(Content(PLAN_KEY_LINE), id="plan-keys")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.monday = self.monday or week_start(self.today())
        self.query_one("#plan-buildup").display = False
        self.query_one("#plan-week", OptionList).focus()
        self.reload()

    def on_resize(self) -> None:
        if self.data is not None:
            self._show(self.data)

    # -- the RunmateScreen contract ------------------------------------------------------------

    def data_changed(self) -> None:
        self.reload()

    def day_changed(self, change: DayChange) -> None:
        # Past midnight: the week of today follows today (into the next week on a Monday), and
        # "today" moves to its new line; a week the person went to stays. Open dialogs keep their values.
        if self.monday == week_start(change.before):
            self.monday = week_start(change.after)
        self.reload()

    def has_unsaved_changes(self) -> bool:
        return False  # every change is saved as soon as its dialog closes

    # -- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        if self.monday is None:
            return
        self._load(self.monday, self.today())

    def _load(self, monday: dt.date, today: dt.date) -> None:
        # Another runmate busy with the file, say: in_background gives a gentle word.
        self.in_background(
            lambda store: load_week(store, monday, today),
            self._show,
            group="plan-load",
            title="Could not read your plan",
        )

    def _show(self, data: WeekData) -> None:
        if data.monday != self.monday:
            return  # the user has moved on to another week meanwhile
        self.data = data
        week_list = self.query_one("#plan-week", OptionList)
        previous = self._keep or (week_list.highlighted_option.id if week_list.highlighted_option else None)
        self._show_goal(data)
        self.query_one("#plan-week-title", Static).update(self._week_title(data))
        options = self._options(data)
        week_list.set_options(options)
        ids = [o.id for o in options if o is not None]
        if previous in ids:
            week_list.highlighted = ids.index(previous)
        else:
            week_list.highlighted = self._default_index(data, ids)
        self._keep = None
        note = plans.buildup_note(data.activities, data.monday)
        buildup = self.query_one("#plan-buildup", Static)
        if note:
            buildup.update(Content.assemble(("A gentle note  ", "bold"), note))
        elif data.monday >= week_start(data.today) and not any(data.on(day) for day in plans.week_days(data.monday)):
            note = "Nothing planned yet. Press a to add a walk, a run or anything you enjoy, or S for a gentle 9-week walk/run starter program."
            buildup.update(Content(note))
        buildup.display = bool(note)
        self._follow_dialogs(data)
        if self._open_next is not None:
            wanted, self._open_next = self._open_next, None
            selected = self.selected_activity()
            if selected is not None and selected.id == wanted:
                self.action_edit()

    def open_activity(self, activity_id: str, day: dt.date) -> None:
        """Show the week of ``day`` with the activity's dialog open (the journal opens a done
        activity's note here)."""
        self._open_next = activity_id
        self._keep = f"act:{activity_id}"
        self._follow(day)
        self.reload()

    def _follow_dialogs(self, data: WeekData) -> None:
        """An open edit or goal dialog lets the fields not touched in it follow the new data."""
        by_id = {a.id: a for a in data.activities}
        for screen in self.app.screen_stack:
            if isinstance(screen, ActivityDialog) and screen.activity is not None and screen.activity.id in by_id:
                screen.follow(by_id[screen.activity.id])
            elif isinstance(screen, GoalDialog):
                screen.follow(data.settings)

    def _default_index(self, data: WeekData, ids: list[str | None]) -> int:
        """Highlight today's first line in this week, else Monday's."""
        day = data.today if week_start(data.today) == data.monday else data.monday
        for index, option_id in enumerate(ids):
            if option_id and self._day_of(option_id) == day:
                return index
        return 0

    # -- drawing -------------------------------------------------------------------------------

    def _show_goal(self, data: WeekData) -> None:
        goal = data.settings.goal_days
        progress = plans.week_progress(data.activities, data.today, goal)
        self.query_one("#plan-goal", Static).update(
            Content.assemble(
                ("Weekly goal  ", "bold"),
                (goal_dots(progress.days_done, goal), "$accent"),
                "  ",
                progress.text(this_week=True),
            )
        )
        why = data.settings.goal_why
        self.query_one("#plan-why", Static).update(
            Content.assemble(("Why  ", "bold"), (visible(why), "italic"))
            if why
            else Content.styled("Press g to write down your goal and why it matters to you.", "dim")
        )

    def _week_title(self, data: WeekData) -> Content:
        title = plans.week_title(data.monday, data.today)
        parts: list[Any] = [(title, "bold")]
        if week_start(data.today) != data.monday:
            progress = plans.week_progress(data.activities, data.monday, data.settings.goal_days)
            if data.monday < week_start(data.today):
                parts.append(("  ·  " + progress.text(this_week=False), "dim"))
        return Content.assemble(*parts)

    def _options(self, data: WeekData) -> list[Option | None]:
        options: list[Option | None] = []
        airy = self.size.height >= TALL
        for day in plans.week_days(data.monday):
            if airy and options:
                options.append(None)
            items = data.on(day)
            if not items:
                options.append(Option(self._day_line(day, data, None, True), id=f"day:{day.isoformat()}"))
                continue
            for index, activity in enumerate(items):
                options.append(Option(self._day_line(day, data, activity, index == 0), id=f"act:{activity.id}"))
        return options

    def _day_line(self, day: dt.date, data: WeekData, a: PlannedActivity | None, first: bool) -> Content:
        return day_line(day, data.today, a, first=first, width=self._list_width())

    def _list_width(self) -> int:
        width = self.query_one("#plan-week", OptionList).scrollable_content_region.width
        return width or self.size.width - 6

    # -- selection -----------------------------------------------------------------------------

    @staticmethod
    def _day_of_option(option_id: str, data: WeekData) -> dt.date | None:
        if option_id.startswith("day:"):
            return dt.date.fromisoformat(option_id[4:])
        activity = next((a for a in data.activities if f"act:{a.id}" == option_id), None)
        return activity.day if activity else None

    def _day_of(self, option_id: str) -> dt.date | None:
        return self._day_of_option(option_id, self.data) if self.data else None

    def selected_activity(self) -> PlannedActivity | None:
        option = self.query_one("#plan-week", OptionList).highlighted_option
        option_id = option.id if option is not None else None
        if option_id is None or self.data is None or not option_id.startswith("act:"):
            return None
        wanted = option_id[4:]
        return next((a for a in self.data.activities if a.id == wanted), None)

    def selected_day(self) -> dt.date:
        option = self.query_one("#plan-week", OptionList).highlighted_option
        if option is not None and option.id:
            day = self._day_of(option.id)
            if day is not None:
                return day
        today = self.today()
        return today if self.monday == week_start(today) else (self.monday or today)

    def _need_activity(self) -> PlannedActivity | None:
        activity = self.selected_activity()
        if activity is None:
            self.notify(
                "Nothing planned on this day yet. Press a to plan something, or l to log what you did.",
                timeout=4,
                markup=False,
            )
        return activity

    # -- week navigation -----------------------------------------------------------------------

    def _go_to_week(self, monday: dt.date) -> None:
        self.monday = monday
        self.query_one("#plan-week-title", Static).update(
            Content.styled(plans.week_title(monday, self.today()), "bold")
        )
        self.reload()

    def _step_week(self, days: int) -> None:
        if self.monday is None:
            return
        monday = self.monday + dt.timedelta(days=days)
        if monday + dt.timedelta(days=6) < DATE_RANGE[0] or monday > DATE_RANGE[1]:
            self.notify(DATE_RANGE_MESSAGE, title="As far as it goes", timeout=4, markup=False)
            return
        self._go_to_week(monday)

    def action_previous_week(self) -> None:
        self._step_week(-7)

    def action_next_week(self) -> None:
        self._step_week(7)

    def action_this_week(self) -> None:
        self._go_to_week(week_start(self.today()))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if (event.option.id or "").startswith("act:"):
            self.action_edit()
        else:
            self.action_add()

    # -- saving --------------------------------------------------------------------------------

    def _save(self, op: Callable[[Store], Any], message: str, keep: str | None = None) -> None:
        self.in_background(
            op,
            lambda _result: self._saved(message, keep),
            group="plan-save",
            exclusive=False,
            title="Not saved",
            failed=lambda _error: self.reload(),
        )

    def _write(self, op: Callable[[Store], Any], then: Callable[[Any], None]) -> None:
        """Like ``_save``, handing what ``op`` returned to ``then``."""
        self.in_background(
            op, then, group="plan-save", exclusive=False, title="Not saved", failed=lambda _error: self.reload()
        )

    def _saved(self, message: str, keep: str | None) -> None:
        self.runmate.data_saved(self)
        if message:
            self.notify(message, timeout=3, markup=False)
        self._keep = keep
        self.reload()

    # -- actions -------------------------------------------------------------------------------

    @work(group=ASKING)
    async def action_add(self) -> None:
        result: PlannedActivity | None = await self.ask(ActivityDialog(day=self.selected_day()))
        if result is None:
            return
        self._follow(result.day)
        self._save(
            lambda store: store.add_activity(result),
            f"Planned: {result.label} on {day_label(result.day)}.",
            f"act:{result.id}",
        )

    @work(group=ASKING)
    async def action_log(self) -> None:
        """Log something already done, in one step: one done record, saved in one store call."""
        today = self.today()
        result: PlannedActivity | None = await self.ask(
            ActivityDialog(day=min(self.selected_day(), today), done=True, today=today)
        )
        if result is None:
            return
        self._follow(result.day)

        def logged(_result: Any) -> None:
            self._saved(f"Logged: {result.label} on {day_label(result.day)}.", f"act:{result.id}")
            self._offer_reflection(result.id)

        self._write(lambda store: store.add_activity(result), logged)

    def offer_undo(self, undo: Undo) -> None:
        """Say what was done, and that the undo key takes it back for a few seconds."""
        self.undo_offer = UndoOffer.starting_now(undo)
        self.notify(undo.offer(), timeout=UNDO_SECONDS, markup=False)

    @work(group=ASKING)
    async def action_undo(self) -> None:
        """Take the last tick, rest, move or delete back, through the store like any edit: a field
        changed elsewhere since is a clash the person is asked about, never overwritten."""
        undo = self.undo_offer.take()
        self.app.clear_notifications()  # the offer, and what it offered, is answered
        if undo is None:
            self.notify("Nothing to undo just now.", timeout=3, markup=False)
            return
        before = undo.before
        self._follow(before.day)
        if undo.deleted:

            def restored(back: bool) -> None:
                self._saved("Undone: it is back." if back else "It is back already.", f"act:{before.id}")

            self._write(lambda store: store.restore_activity(before), restored)
            return
        store = self.store
        outcome = await self.save_edit(
            lambda e: store.edit_activity(before.id, e), undo.edit(), what="this activity", lead="Not undone"
        )
        if outcome.saved:
            self._saved("Undone.", f"act:{before.id}")
        else:
            self.reload()

    @work(group="plan-edit")
    async def action_edit(self) -> None:
        """Change an activity. Only the fields changed in the dialog are saved; a field changed
        elsewhere meanwhile (a move from the shell, say) stays unless the person changed it too."""
        activity = self._need_activity()
        if activity is None:
            return
        base = {name: getattr(activity, name) for name in EDITABLE}
        shown = activity
        store = self.store
        while True:
            result = await self.ask(ActivityDialog(day=shown.day, activity=shown))
            if result is None:
                return
            chosen = {name: getattr(result, name) for name in EDITABLE}
            edit = Edit.from_form(base, chosen, activity.id)
            outcome = await self.save_edit(
                lambda e: store.edit_activity(activity.id, e), edit, what="this activity", lead="Not saved"
            )
            if outcome.back:  # back to the dialog, with what the person had typed
                shown = PlannedActivity.from_dict({**activity.to_dict(), **chosen})
                continue
            if outcome.value is not None:
                self._follow(outcome.value.day)
                self._saved("Saved.", f"act:{activity.id}")
            else:
                self.reload()
            return

    @work(group=ASKING)
    async def action_delete(self) -> None:
        activity = self._need_activity()
        if activity is None:
            return
        question = ConfirmScreen(
            "Delete this activity?",
            f"{plans.describe_plan(activity)} on {day_label(activity.day)}",
            yes="Delete",
            no="Keep it",
        )
        if not await self.ask(question):
            return

        def deleted(gone: PlannedActivity | None) -> None:
            self._saved("" if gone else "Deleted.", f"day:{activity.date}")
            if gone is not None:
                self.offer_undo(Undo(gone, None, (), "Deleted."))

        self._write(lambda store: store.delete_activity(activity.id), deleted)

    @work(group=ASKING)
    async def action_move(self) -> None:
        activity = self._need_activity()
        if activity is None:
            return
        day: dt.date | None = await self.ask(MoveDialog(activity, self.monday or activity.day))
        if day is None or day == activity.day:
            return
        new_date = day.isoformat()

        def move(store: Store) -> tuple[PlannedActivity, PlannedActivity, str | None]:
            prior: list[PlannedActivity] = []

            def change(a: PlannedActivity) -> None:
                prior.append(PlannedActivity.from_dict(a.to_dict()))  # as it was, under the lock
                a.date = new_date

            moved = store.update_activity(activity.id, change)
            near = store.activities(day - dt.timedelta(days=1), day + dt.timedelta(days=1))
            return prior[0], moved, plans.rest_day_note(near, moved, day)

        def moved(result: tuple[PlannedActivity, PlannedActivity, str | None]) -> None:
            before, after, note = result
            self._saved("", f"act:{activity.id}")
            if note:
                self.notify(note, title="A gentle note", timeout=10, markup=False)
            self.offer_undo(Undo(before, after, MOVE_FIELDS, f"Moved to {day_label(day)}."))

        self._follow(day)
        self._write(move, moved)

    @work(group=ASKING)
    async def action_tick(self) -> None:
        activity = self._need_activity()
        if activity is None:
            return
        if activity.status == STATUS_DONE:
            question = ConfirmScreen(
                "Un-tick this?",
                f"{plans.describe_plan(activity)} goes back to planned; how you felt before and after is cleared.",
                yes="Un-tick",
                no="Keep it done",
            )
            if await self.ask(question):
                await self._change_status(activity, PlannedActivity.reopen, "Back to planned.")
            return
        not_yet = plans.too_early_to_tick(activity, self.today())
        if not_yet:
            self.notify(not_yet, timeout=6, markup=False)
            return
        result: Completion | None = await self.ask(DoneDialog(activity))
        if result is None:
            return
        # Only what this tick changes is written: how it felt, given meanwhile elsewhere, stays.
        ticked = await self._change_status(
            activity, lambda a: a.mark_done(result.before, result.after, result.minutes), ""
        )
        if ticked is not None:
            self._offer_reflection(activity.id, Undo(activity, ticked, STATUS_FIELDS, "Ticked off. Well moved."))

    async def _change_status(
        self, shown: PlannedActivity, change: Callable[[PlannedActivity], None], message: str
    ) -> PlannedActivity | None:
        """Save the status fields ``change`` sets on ``shown`` as an edit (asks on a clash); with a
        ``message``, offer to undo it. Returns the saved activity, or None when nothing was saved."""
        new = PlannedActivity.from_dict(shown.to_dict())
        change(new)
        base = {name: getattr(shown, name) for name in STATUS_FIELDS}
        chosen = {name: getattr(new, name) for name in STATUS_FIELDS}
        store = self.store
        outcome = await self.save_edit(
            lambda e: store.edit_activity(shown.id, e),
            Edit.from_form(base, chosen, shown.id),
            what="this activity",
            lead="Not saved",
        )
        if not outcome.saved or outcome.value is None:
            self.reload()
            return None
        self._saved("", f"act:{shown.id}")
        if message:
            self.offer_undo(Undo(shown, outcome.value, STATUS_FIELDS, message))
        return outcome.value

    @work(group="plan-reflect")
    async def _offer_reflection(self, activity_id: str, undo: Undo | None = None) -> None:
        """After a tick: a few words about it in the journal? Asked once, and "Not now" is the
        default; then the tick can be undone for a few seconds."""
        from runmate.screens.journal import write_about

        write = await self.ask(
            ConfirmScreen(
                "Write a few words about it?",
                "A short reflection in your journal, tied to this activity. Only if you feel like it.",
                yes="Write",
                no="Not now",
            )
        )
        if write:
            write_about(self.app, activity_id)
        elif undo is not None:
            self.offer_undo(undo)
        else:
            self.notify("Well moved.", timeout=3, markup=False)

    @work(group=ASKING)
    async def action_rest(self) -> None:
        activity = self._need_activity()
        if activity is None:
            return
        if activity.status == STATUS_REST:
            await self._change_status(activity, PlannedActivity.reopen, "Back to planned.")
            return
        if activity.status == STATUS_DONE:
            question = ConfirmScreen(
                "A rest day instead?",
                f"{plans.describe_plan(activity)} is ticked off; as a rest day, how you felt before and after is cleared.",
                yes="Rest instead",
                no="Keep it done",
            )
            if not await self.ask(question):
                return
        reason: str | None = await self.ask(RestDialog(activity))
        if reason is None:
            return
        await self._change_status(activity, lambda a: a.mark_rest(reason), "A rest day. Rest is part of the plan.")

    @work(group="plan-goal")
    async def action_goal(self) -> None:
        """The weekly goal: only what the dialog changed is saved (see action_edit)."""
        opened = self.data.settings if self.data else Settings()
        base = {"goal_days": opened.goal_days, "goal_why": opened.goal_why}
        shown = opened
        while True:
            result = await self.ask(GoalDialog(shown))
            if result is None:
                return
            chosen = {"goal_days": result.goal_days, "goal_why": result.goal_why}
            outcome = await self.save_edit(
                self.store.edit_settings, Edit.from_form(base, chosen), what="your weekly goal", lead="Not saved"
            )
            if outcome.back:
                shown = result
                continue
            if outcome.saved:
                self._saved("Weekly goal saved.", None)
            return

    def action_starter(self) -> None:
        self._ask_starter(self.today())

    def _ask_starter(self, today: dt.date) -> None:
        self.in_background(
            lambda store: store.activities(today),
            lambda existing: self._offer_starter(today, existing),
            group="plan-starter",
            title="Could not read your plan",
        )

    def _offer_starter(self, today: dt.date, existing: list[PlannedActivity]) -> None:
        self._push_starter(today, existing)

    @work(group=ASKING)
    async def _push_starter(self, today: dt.date, existing: list[PlannedActivity]) -> None:
        choice: StarterChoice | None = await self.ask(StarterDialog(today=today, existing=existing))
        if choice is None:
            return

        # The dialog has said what starting again replaces (plans.future_starter_ids of ``existing``).
        def start(store: Store) -> plans.StarterRestart:
            return store.start_program(today=today, start=choice.start, first_week=choice.week, replace=True)

        self._follow(choice.start)
        self._save(start, f"Starter program from week {choice.week} is in your plan. Go gently.")

    def _follow(self, day: dt.date) -> None:
        """Show the week holding ``day`` (after a save that lands there)."""
        self.monday = week_start(day)
