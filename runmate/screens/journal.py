"""Journal: read back what you wrote, write a new reflection, change or delete one.

The list (newest first) sits beside a reader; in under 100 columns the reader takes the whole
screen while it is open. Keys on the list: n new, / search, Enter read, e edit, x delete, t tags,
m month, [ and ] the month before and after, o on this day, f reflections or everything, Esc
clears what narrows the list. In the editor ctrl+s saves and Esc closes (asking first when there
is unsaved text). Letters typed in the search box or the editor always go there.

A reflection opened for editing is saved like every other form ("never undo someone's words"):
only a changed text is written, a text also changed elsewhere meanwhile asks whose stays, and an
untouched text follows the file. Searching runs in a thread worker after a pause in typing and
a longer query looks only through the previous results; the list draws only the rows on screen.
"""

from __future__ import annotations

import dataclasses
import time
from typing import Any

from textual import events, on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Header, Input, Static, TextArea
from textual.worker import get_current_worker

from runmate import journal
from runmate.edits import Edit
from runmate.formatting import long_date
from runmate.journal import KIND_CHECKIN, KIND_REFLECTION, Filter, Item
from runmate.models import JournalEntry, PlannedActivity, ValidationError, journal_text, parse_journal
from runmate.screens.base import EditOutcome, RunmateScreen
from runmate.screens.confirm import ConfirmScreen
from runmate.screens.journal_draft import Draft, Loaded
from runmate.screens.journal_reader import one_line, reader_about, reader_body, reader_heading
from runmate.screens.pick import PickScreen
from runmate.store import Store
from runmate.widgets.entry_list import EntryList
from runmate.widgets.key_footer import KeyFooter

# A search of a large journal starts after this pause in typing (seconds); a smaller one at once.
SEARCH_PAUSE = 0.12
QUICK_SEARCH_ITEMS = 1500
EDITABLE = ("date", "title", "text", "activity_id")


class JournalScreen(RunmateScreen):
    CSS_PATH = "journal.tcss"
    AUTO_FOCUS = "#journal-list"

    # Letters and signs never reach these while the search box or the editor has the focus.
    BINDINGS = [
        Binding("n", "new", "New"),
        Binding("slash", "search", "Search", key_display="/", show=False),
        Binding("e", "edit", "Edit", show=False),
        Binding("x", "delete", "Delete", show=False),
        Binding("t", "pick_tag", "Tags", show=False),
        Binding("m", "pick_month", "Month", show=False),
        Binding("left_square_bracket", "step_month(-1)", "Month before", key_display="[", show=False),
        Binding("right_square_bracket", "step_month(1)", "Month after", key_display="]", show=False),
        Binding("o", "on_this_day", "On this day", show=False),
        Binding("f", "everything", "Reflections or everything", show=False),
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "back", "Back, or show the whole list", show=False),
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._items: list[Item] = []
        self._activities: dict[str, PlannedActivity] = {}
        self._filter = Filter()
        self._result: tuple[list[Item], Filter, list[int]] | None = None
        self._loaded_once = False
        self._keep: tuple[str, str] | None = None  # (kind, id) to highlight after the next search
        self._draft: Draft | None = None
        self._saving = False
        self._pending_about: str | Draft | None = None  # an activity to write about, or a draft, once loaded
        self._in_reader: Item | None = None

    # -- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="journal-body"):
            with Vertical(id="journal-side"):
                yield Input(placeholder="/ search, any part of any word", id="journal-search", compact=True)
                yield Static("", id="journal-filter")
                yield EntryList(id="journal-list")
                yield Static(
                    Content("n new · / search · t tags · m month · o on this day · f everything"),
                    id="journal-keys",
                )
            with Vertical(id="journal-pane"):
                yield Static("", id="journal-heading")
                yield Static("", id="journal-about")
                with VerticalScroll(id="journal-reader"):
                    yield Static("", id="journal-text")
                yield Static("", id="journal-reader-keys")
                with Vertical(id="journal-editor-box"):
                    yield Static("", id="journal-prompt")
                    yield TextArea(
                        id="journal-editor",
                        soft_wrap=True,
                        placeholder="Write as much or as little as you like.",
                    )
                    yield Static("", id="journal-error")
                    yield Static(Content("ctrl+s saves · Esc closes"), id="journal-editor-keys")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(EntryList).today = self.today()
        self.query_one("#journal-error").display = False
        self._load()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        self.query_one(EntryList).today = self.today()
        if self._loaded_once and self._draft is None:
            self.query_one(EntryList).focus()

    @on(EntryList.Highlighted)
    def _highlighted(self, event: EntryList.Highlighted) -> None:
        if self._draft is None and not isinstance(event, EntryList.Selected):
            self._show_item(event.item)

    @on(EntryList.Selected)
    def _selected(self, event: EntryList.Selected) -> None:
        self.action_read()

    def on_descendant_focus(self) -> None:
        self._update_layout()

    def _update_layout(self) -> None:
        """In under 100 columns the list or the reader/editor fills the screen, not both."""
        focused = self.focused
        in_pane = focused is not None and self.query_one("#journal-pane") in focused.ancestors_with_self
        self.set_class(self._draft is not None or in_pane, "-pane")
        self.set_class(self._draft is not None, "-editing")

    # -- the RunmateScreen contract ------------------------------------------------------------

    def data_changed(self) -> None:
        self._load()

    def has_unsaved_changes(self) -> bool:
        if self._draft is None or not self.is_mounted:
            return False
        return journal_text(self._editor.text) != journal_text(self._draft.base["text"])

    def discard_changes(self) -> None:
        self._close_editor()

    # -- loading and searching -----------------------------------------------------------------

    def _load(self) -> None:
        def read(store: Store) -> Loaded:
            activities = store.activities()
            items = journal.build_items(store.journal(), store.checkins(), activities)
            return Loaded(items, {a.id: a for a in activities})

        # Busy for now: in_background says so, and the screen stays usable.
        self.in_background(read, self._loaded, group="journal-load", lead="Your journal could not be read")

    def _loaded(self, loaded: Loaded) -> None:
        self._items = loaded.items
        self._activities = loaded.activities
        self._loaded_once = True
        self.query_one(EntryList).today = self.today()  # after midnight too (a new day reloads)
        if self._draft is not None:
            self._follow_draft()
        if self._pending_about is not None:
            about, self._pending_about = self._pending_about, None
            self.write_about(about) if isinstance(about, str) else self.open_draft(about)
        self._search_now(pause=False)

    def _search_now(self, *, pause: bool) -> None:
        """Start a search of the loaded items with the current filter (in a worker)."""
        items, f = self._items, self._filter
        among = None
        if self._result is not None and self._result[0] is items and f.within(self._result[1]):
            among = self._result[2]
        wait = SEARCH_PAUSE if pause and len(items) > QUICK_SEARCH_ITEMS else 0.0
        self._search(items, f, among, wait)

    # Its own description: Textual's default (its arguments' repr) takes longer than a big search.
    @work(thread=True, exclusive=True, group="journal-search", description="journal search")
    def _search(self, items: list[Item], f: Filter, among: list[int] | None, wait: float) -> None:
        worker = get_current_worker()
        if wait:
            time.sleep(wait)  # a pause in typing; a newer key press cancels this search meanwhile
        if worker.is_cancelled:
            return
        try:
            shown = journal.find(items, f, among, cancelled=lambda: worker.is_cancelled)
        except journal.Cancelled:
            return
        self.app.call_from_thread(self._found, items, f, shown)

    def _found(self, items: list[Item], f: Filter, shown: list[int]) -> None:
        if items is not self._items or f != self._filter:
            return  # a newer load or filter is on its way
        self._result = (items, f, shown)
        entries = self.query_one(EntryList)
        if entries.show(items, shown, self._keep):
            self._keep = None
        self._update_filter_line()
        entries.empty_text = "" if shown else self._empty_text()
        if self._draft is None:
            self._show_item(entries.highlighted)

    def _empty_text(self) -> str:
        if not self._items:
            return "Nothing written yet.\n\nPress n to write your first reflection: a few words about a walk, a run or your day."
        if self._filter.is_narrowed:
            return "Nothing here matches. Esc shows everything again."
        if not self._filter.everything:
            return "No reflections yet; press n to write one, or f to see your check-in and activity notes."
        return "Nothing written yet. Press n to write a reflection."

    def _update_filter_line(self) -> None:
        done = self._result is not None and self._result[1] == self._filter
        count = str(len(self._result[2])) if self._result is not None and done else "…"  # still looking
        words = self._filter.describe()
        self.query_one("#journal-filter", Static).update(
            Content.assemble((words[:1].upper() + words[1:], "bold"), (f" · {count}", "dim"))
        )

    def _set_filter(self, f: Filter, *, pause: bool = False) -> None:
        self._filter = f
        self._update_filter_line()
        self._search_now(pause=pause)

    @on(Input.Changed, "#journal-search")
    def _query_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._set_filter(dataclasses.replace(self._filter, query=event.value), pause=True)

    @on(Input.Submitted, "#journal-search")
    def _query_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_focus_list()

    # -- the reader ----------------------------------------------------------------------------

    @property
    def _editor(self) -> TextArea:
        return self.query_one("#journal-editor", TextArea)

    def _show_item(self, item: Item | None, *, again: bool = False) -> None:
        """Show ``item`` in the reader (a long text is laid out only when the item changes)."""
        if item is self._in_reader and item is not None and not again:
            return
        self._in_reader = item
        heading = self.query_one("#journal-heading", Static)
        about = self.query_one("#journal-about", Static)
        text = self.query_one("#journal-text", Static)
        keys = self.query_one("#journal-reader-keys", Static)
        keys.update(Content("" if item is None else "e edit · x delete" if item.is_reflection else "e opens it"))
        if item is None:
            heading.update(Content.styled("Your journal", "bold"))
            about.update(Content(""))
            about.display = False
            text.update(
                Content.styled(
                    journal.prompt_for(self.today()) + "\n\nPress n to write about it, or anything else.",
                    "italic $text-muted",
                )
            )
            return
        heading.update(reader_heading(item, self.today()))
        lines = reader_about(item)
        about.update(Content("\n").join(lines))
        about.display = bool(lines)
        text.update(reader_body(item))
        self.query_one("#journal-reader").scroll_home(animate=False)

    # -- moving around -------------------------------------------------------------------------

    def action_focus_list(self) -> None:
        self.query_one(EntryList).focus()

    def action_search(self) -> None:
        self._search_box.focus()

    @property
    def _search_box(self) -> Input:
        return self.query_one("#journal-search", Input)

    def on_key(self, event: events.Key) -> None:
        if event.key == "down" and self.focused is self._search_box:  # from the search to the list
            event.stop()
            self.action_focus_list()

    def action_read(self) -> None:
        item = self.query_one(EntryList).highlighted
        if item is None:
            return
        if item.kind != KIND_REFLECTION:
            self._open_note(item)
            return
        self.query_one("#journal-reader").focus()

    def action_back(self) -> None:
        """Esc: close the editor (asking first), leave the search or the reader, or clear filters."""
        focused = self.focused
        if self._draft is not None:
            self._close_asking()
        elif focused is self._search_box:
            if focused.value:
                focused.value = ""
            else:
                self.action_focus_list()
        elif focused is self.query_one("#journal-reader"):
            self.action_focus_list()
        elif self._filter.is_narrowed or self._filter.everything:
            self._search_box.value = ""
            self._set_filter(Filter())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save":
            return self._draft is not None
        return True

    # -- narrowing the list ---------------------------------------------------------------------

    def action_everything(self) -> None:
        """f: reflections only, or everything (the line above the list says which)."""
        self._set_filter(dataclasses.replace(self._filter, everything=not self._filter.everything))

    def action_on_this_day(self) -> None:
        day = None if self._filter.on_this_day else self.today()
        self._set_filter(dataclasses.replace(self._filter, on_this_day=day))

    def _visible_items(self, f: Filter) -> list[Item]:
        return [item for item in self._items if journal.matches(item, f)]

    @work(group="journal-pick")
    async def action_pick_tag(self) -> None:
        counts = journal.tag_counts(self._visible_items(dataclasses.replace(self._filter, tag=None, query="")))
        if not counts:
            self.notify("No tags yet. Any #word in what you write becomes one, like #park or #sleep.", markup=False)
            return
        choices = [("", "All tags")] + [(tag, f"#{tag}  ({count})") for tag, count in counts]
        chosen = await self.ask(PickScreen("Show the entries with the tag", choices, self._filter.tag or ""))
        if chosen is not None:
            self._set_filter(dataclasses.replace(self._filter, tag=chosen or None))
        self.action_focus_list()

    @work(group="journal-pick")
    async def action_pick_month(self) -> None:
        counts = journal.month_counts(self._visible_items(dataclasses.replace(self._filter, month=None, query="")))
        if not counts:
            self.notify("Nothing written yet, so there are no months to choose from.", markup=False)
            return
        choices = [("", "All months")] + [(key, f"{journal.month_label(key)}  ({count})") for key, count in counts]
        chosen = await self.ask(PickScreen("Show one month", choices, self._filter.month or ""))
        if chosen is not None:
            self._set_filter(dataclasses.replace(self._filter, month=chosen or None))
        self.action_focus_list()

    def action_step_month(self, step: int) -> None:
        """[ and ]: the month before or after the one shown (starting from the highlighted entry's)."""
        if self._filter.month is not None:
            year, month = map(int, self._filter.month.split("-"))
        else:
            item = self.query_one(EntryList).highlighted
            day = item.day if item is not None else self.today()
            year, month, step = day.year, day.month, 0
        month += step
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        key = f"{year:04d}-{month:02d}"
        if key > journal.month_key(self.today()):
            self.notify("This month is as far as it goes.", timeout=3, markup=False)
            return
        self._set_filter(dataclasses.replace(self._filter, month=key))

    # -- notes open in their own screen --------------------------------------------------------

    def _open_note(self, item: Item) -> None:
        if item.kind == KIND_CHECKIN:
            from runmate.screens.checkin import CheckInScreen

            self.app.switch_mode("checkin")
            if isinstance(self.app.screen, CheckInScreen):
                self.app.screen.open_day(item.day)
        else:
            from runmate.screens.plan import PlanScreen

            self.app.switch_mode("plan")
            if isinstance(self.app.screen, PlanScreen):
                self.app.screen.open_activity(item.id, item.day)

    # -- writing -------------------------------------------------------------------------------

    def action_new(self) -> None:
        if self._draft is not None:
            self._editor.focus()
            return
        today = self.today().isoformat()
        self._open_editor(Draft(None, {"date": today, "title": "", "text": "", "activity_id": None}))

    def write_about(self, activity_id: str) -> None:
        """Open a new reflection about a done activity (the plan offers it after a tick)."""
        if self._draft is not None:
            self.notify("Your unsaved reflection is still open here; save it first (ctrl+s).", markup=False)
            self._editor.focus()
            return
        if not self._loaded_once:
            self._pending_about = activity_id
            return
        activity = self._activities.get(activity_id)
        day = activity.date if activity is not None else self.today().isoformat()
        self._open_editor(Draft(None, {"date": day, "title": "", "text": "", "activity_id": activity_id}))

    def open_draft(self, draft: Draft) -> None:
        """Open a reflection in the editor once loaded (the dashboard's day view edits one here)."""
        if self._draft is None and not self._loaded_once:
            self._pending_about = draft
        elif self._draft is None:
            self._open_editor(draft)

    def action_edit(self) -> None:
        item = self.query_one(EntryList).highlighted
        if item is None or self._draft is not None:
            return
        if item.kind != KIND_REFLECTION:
            self._open_note(item)
            return
        # The link is kept as stored, also when the activity it names is gone.
        base = {"date": item.date, "title": item.title, "text": item.text, "activity_id": item.link}
        self._open_editor(Draft(item.id, base))

    def _open_editor(self, draft: Draft) -> None:
        self._draft = draft
        editor = self._editor
        editor.load_text(draft.base["text"])
        editor.move_cursor(editor.document.end)
        self._show_error(None)
        self._update_editor_heading()
        self._update_layout()
        self.refresh_bindings()
        editor.focus()

    def _update_editor_heading(self) -> None:
        draft = self._draft
        if draft is None:
            return
        when = long_date(draft.day, year=draft.day.year != self.today().year)
        title = f"New reflection · {when}" if draft.entry_id is None else f"Your reflection · {when}"
        self.query_one("#journal-heading", Static).update(Content.styled(title, "bold"))
        about = self.query_one("#journal-about", Static)
        activity = self._activities.get(draft.base["activity_id"] or "")
        if activity is not None:
            about.update(Content.assemble(("About  ", "bold $text-muted"), journal.describe_activity(activity)))
        about.display = activity is not None
        self._update_prompt()

    def _update_prompt(self) -> None:
        prompt = self.query_one("#journal-prompt", Static)
        empty = self._draft is not None and not self._editor.text.strip()
        if empty:
            prompt.update(Content.assemble(("✎ ", "$text-accent"), (journal.prompt_for(self.today()), "italic")))
        prompt.display = empty

    @on(TextArea.Changed, "#journal-editor")
    def _text_changed(self, event: TextArea.Changed) -> None:
        self._update_prompt()
        self._show_error(None)

    def _show_error(self, message: str | None) -> None:
        error = self.query_one("#journal-error", Static)
        error.update(Content(message or ""))
        error.display = bool(message)

    def _close_editor(self) -> None:
        self._draft = None
        self._editor.load_text("")
        self._show_error(None)
        self.query_one(EntryList).focus()
        self._update_layout()
        self.refresh_bindings()
        self._show_item(self.query_one(EntryList).highlighted, again=True)

    @work(group="journal-close")
    async def _close_asking(self) -> None:
        if self.has_unsaved_changes():
            leave = await self.ask(
                ConfirmScreen(
                    "Throw away what you wrote?",
                    "It isn't saved yet. ctrl+s saves it instead.",
                    yes="Throw it away",
                    no="Keep writing",
                )
            )
            if not leave:
                self._editor.focus()
                return
        self._close_editor()

    def _follow_draft(self) -> None:
        """The file changed while the editor is open: an untouched text follows it."""
        draft = self._draft
        if draft is None or draft.entry_id is None or self._saving:
            self._update_editor_heading()
            return
        current = next((i for i in self._items if i.id == draft.entry_id and i.kind == KIND_REFLECTION), None)
        if current is not None and not self.has_unsaved_changes() and current.text != draft.base["text"]:
            draft.base["text"] = current.text
            self._editor.load_text(current.text)
        self._update_editor_heading()

    # -- saving --------------------------------------------------------------------------------

    def action_save(self) -> None:
        draft = self._draft
        if draft is None or self._saving:
            return
        try:
            entry = parse_journal(
                today=max(self.today(), draft.day),
                date=draft.base["date"],
                text=self._editor.text,
                title=draft.base["title"],
                activity_id=draft.base["activity_id"],
            )
        except ValidationError as error:
            self._show_error(" ".join(e.message for e in error.errors))
            return
        self._saving = True
        self._save(draft, entry)

    @work(exclusive=True, group="journal-save", description="journal save")
    async def _save(self, draft: Draft, entry: JournalEntry) -> None:
        store = self.store
        lead = "Your reflection was not saved"
        try:
            if draft.entry_id is None:  # a new reflection: nothing to clash with
                outcome: EditOutcome[JournalEntry] = await self.save_edit(
                    lambda _edit: store.add_journal(entry), Edit.direct_change({}), what="this reflection", lead=lead
                )
            else:
                entry_id = draft.entry_id
                edit = Edit.from_form(draft.base, {**draft.base, "text": entry.text}, entry_id)
                outcome = await self.save_edit(
                    lambda e: store.edit_journal(entry_id, e), edit, what="this reflection", lead=lead, recreate=True
                )
        finally:
            self._saving = False
        if outcome.failed:  # busy (another runmate is writing): said so; the text stays
            return
        if outcome.back:
            self._editor.focus()
            return
        if outcome.value is not None:
            self._keep = (KIND_REFLECTION, outcome.value.id)
            self.notify("Saved. Thank you for writing it down.", title="Your reflection", markup=False, timeout=4)
        self._close_editor()
        self.runmate.data_saved(self)
        self._load()

    # -- deleting ------------------------------------------------------------------------------

    @work(group="journal-delete")
    async def action_delete(self) -> None:
        item = self.query_one(EntryList).highlighted
        if item is None or self._draft is not None:
            return
        if item.kind != KIND_REFLECTION:
            self.notify(
                f"This is the {journal.KIND_WORDS[item.kind]}; press e to change it where it belongs.", markup=False
            )
            return
        when = long_date(item.day, year=item.day.year != self.today().year)
        yes = await self.ask(
            ConfirmScreen(f"Delete your reflection of {when}?", one_line(item.heading), yes="Delete", no="Keep it")
        )
        if not yes:
            return
        self.in_background(
            lambda store: store.delete_journal(item.id),
            lambda _deleted: self._deleted(when),
            group="journal-delete",
            exclusive=False,
            title="Not deleted",
            lead="Nothing was deleted",
        )

    def _deleted(self, when: str) -> None:
        self.notify(f"Deleted your reflection of {when}.", markup=False, timeout=4)
        self.runmate.data_saved(self)
        self._load()


def write_about(app: App[Any], activity_id: str) -> None:
    """Switch to the journal with a new reflection about the done activity ``activity_id``."""
    app.switch_mode("journal")
    screen = app.screen
    if isinstance(screen, JournalScreen):
        screen.write_about(activity_id)
