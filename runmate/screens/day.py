"""One day, opened from the dashboard's calendar: its check-in, its activities and its reflections.

Enter on a line edits it where it is always edited: the check-in screen, the plan's activity
dialog, the journal's editor (no second copy of any form). ``[`` and ``]`` step a day, Esc goes
back to the dashboard.
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from runmate import plans
from runmate.formatting import long_date, relative_day
from runmate.insights import describe_checkin
from runmate.journal import first_line
from runmate.screens.base import OverlayScreen
from runmate.store import Store
from runmate.summary import DayRecords, day_records
from runmate.textsafe import visible
from runmate.widgets.key_footer import KeyFooter

CHECKIN = "checkin"
NEW_REFLECTION = "new-reflection"


class DayScreen(OverlayScreen):
    DEFAULT_CSS = """
    DayScreen #day-box {
        padding: 0 1;
    }
    DayScreen #day-title {
        text-style: bold;
        padding: 1 1 0 1;
    }
    DayScreen.-short #day-title {
        padding-top: 0;
    }
    DayScreen #day-list {
        height: auto;
        max-height: 1fr;
        margin-top: 1;
        border: round $primary 50%;
        background: transparent;
        padding: 0;
    }
    DayScreen #day-keys {
        color: $text-muted;
        padding: 0 1;
    }
    """
    AUTO_FOCUS = "#day-list"
    BINDINGS = [
        # Off the footer, so the app's keys fit in 80 columns; the line under the list names them.
        Binding("escape", "close", "Back", show=False),
        Binding("left_square_bracket", "step(-1)", "Day before", key_display="[", show=False),
        Binding("right_square_bracket", "step(1)", "Day after", key_display="]", show=False),
    ]

    def __init__(self, day: dt.date) -> None:
        super().__init__()
        self.day = day
        self.records: DayRecords | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="day-box"):
            yield Static("", id="day-title")
            yield OptionList(id="day-list")
            yield Static("Enter changes the highlighted line · [ ] other day · Esc back", id="day-keys")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._title()
        self.load()

    def data_changed(self) -> None:
        self.load()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if self.records is not None:
            self.load()

    def load(self) -> None:
        day = self.day

        def read(store: Store) -> DayRecords:
            return day_records(day, store.checkins(), store.activities(day, day), store.journal())

        self.in_background(read, self.show, group="day-load", lead="This day could not be read")

    def _title(self) -> None:
        when = relative_day(self.day, self.today())
        title = long_date(self.day, year=True) + (f" ({when})" if when else "")
        self.query_one("#day-title", Static).update(title)

    def show(self, records: DayRecords) -> None:
        if records.day != self.day:
            return
        self.records = records
        options = self.query_one(OptionList)
        keep = options.highlighted_option.id if options.highlighted_option is not None else None
        options.clear_options()
        options.add_options(self._options(records))
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        options.highlighted = ids.index(keep) if keep is not None and keep in ids else 0

    @staticmethod
    def _options(records: DayRecords) -> list[Option | None]:
        out: list[Option | None] = []
        c = records.checkin
        if c is None:
            out.append(Option(Text("Check-in: none this day. Enter adds one.", style="dim"), id=CHECKIN))
        else:
            text = Text()
            text.append("Check-in: ", style="bold")
            text.append(visible(describe_checkin(c).replace(", a note", "")))
            if c.note:
                text.append("\n" + visible(c.note), style="italic")
            out.append(Option(text, id=CHECKIN))
        out.append(None)
        if not records.activities:
            out.append(Option(Text("No activity planned or done this day.", style="dim"), disabled=True))
        for a in records.activities:
            text = Text(visible(plans.describe_plan(a)))
            text.append("  " + visible(plans.describe_status(a)), style="italic")
            out.append(Option(text, id=f"act:{a.id}"))
        out.append(None)
        for e in records.reflections:
            text = Text()
            text.append("Reflection: ", style="bold")
            text.append(visible(e.title or first_line(e.text)))
            out.append(Option(text, id=f"ref:{e.id}"))
        out.append(Option(Text("Write a reflection about this day", style="dim"), id=NEW_REFLECTION))
        return out

    # -- keys ----------------------------------------------------------------------------------

    def action_step(self, days: int) -> None:
        day = self.day + dt.timedelta(days=days)
        if day > self.today():
            self.notify("That day hasn't come yet.", timeout=3, markup=False)
            return
        self.day = day
        self.records = None
        self._title()
        self.query_one(OptionList).highlighted = 0
        self.load()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.edit(event.option.id or "")

    def edit(self, option_id: str) -> None:
        """Open the line ``option_id`` where it is edited: its own screen, on this day."""
        records = self.records
        if records is None:
            return
        app = self.app
        if option_id == CHECKIN:
            from runmate.screens.checkin import CheckInScreen

            app.switch_mode("checkin")
            if isinstance(app.screen, CheckInScreen):
                app.screen.open_day(self.day)
        elif option_id.startswith("act:"):
            from runmate.screens.plan import PlanScreen

            app.switch_mode("plan")
            if isinstance(app.screen, PlanScreen):
                app.screen.open_activity(option_id[4:], self.day)
        elif option_id.startswith("ref:") or option_id == NEW_REFLECTION:
            from runmate.screens.journal import JournalScreen
            from runmate.screens.journal_draft import Draft

            entry = next((e for e in records.reflections if f"ref:{e.id}" == option_id), None)
            base = {"date": self.day.isoformat(), "title": "", "text": "", "activity_id": None}
            if entry is not None:
                base = {"date": entry.date, "title": entry.title, "text": entry.text, "activity_id": entry.activity_id}
            app.switch_mode("journal")
            if isinstance(app.screen, JournalScreen):
                app.screen.open_draft(Draft(entry.id if entry else None, base))
