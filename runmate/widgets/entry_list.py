"""EntryList: the journal's list, two lines an entry, that draws only the rows on screen.

A journal can hold thousands of long entries. This list keeps a reference to the items and the
positions it shows, and draws a row only when it scrolls into view (Textual's line API), so
showing a new search result costs the same for five entries as for five thousand. All text is
drawn literally: brackets in a diary are not markup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from runmate.formatting import day_label
from runmate.journal import KIND_ACTIVITY, KIND_CHECKIN, Item

ROW_HEIGHT = 2
DATE_WIDTH = 16  # "Wed 25 Nov 2025" and a space


def _clean(text: str) -> str:
    """One line of text: tabs and line breaks as spaces, characters that steer a terminal dropped."""
    return "".join(
        " " if ch in "\t\n\r" else ch for ch in text if ch in "\t\n\r" or not (ord(ch) < 32 or 127 <= ord(ch) < 160)
    )


class EntryList(ScrollView, can_focus=True, inherit_bindings=False):
    """The entries a filter shows, newest first; the cursor row is highlighted. Enter (or a
    click on the highlighted row) posts ``Selected``."""

    COMPONENT_CLASSES = {"entry-list--date", "entry-list--marker", "entry-list--cursor", "entry-list--note"}

    DEFAULT_CSS = """
    EntryList {
        background: transparent;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
    }
    EntryList > .entry-list--date {
        text-style: bold;
    }
    EntryList > .entry-list--marker {
        color: $text-muted;
    }
    EntryList > .entry-list--note {
        color: $text-secondary;
        text-style: italic;
    }
    EntryList > .entry-list--cursor {
        background: $primary 20%;
    }
    EntryList:focus > .entry-list--cursor {
        background: $primary 40%;
    }
    """

    BINDINGS = [
        Binding("up", "cursor(-1)", "Previous entry", show=False),
        Binding("down", "cursor(1)", "Next entry", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "first", "Newest", show=False),
        Binding("end", "last", "Oldest", show=False),
        Binding("enter", "select", "Read", show=False),
    ]

    class Highlighted(Message):
        """The cursor moved to another item (None: the list is empty)."""

        def __init__(self, entry_list: EntryList, item: Item | None) -> None:
            super().__init__()
            self.entry_list = entry_list
            self.item = item

        @property
        def control(self) -> EntryList:
            return self.entry_list

    class Selected(Highlighted):
        """The person chose the highlighted item (Enter, or a click on it)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._items: Sequence[Item] = ()
        self._shown: Sequence[int] = ()
        self.cursor = 0
        self.today: dt.date | None = None
        self._empty_text = ""
        self._empty_lines: tuple[int, list[str]] = (0, [])

    @property
    def empty_text(self) -> str:
        """What the list says while it shows nothing (it keeps the focus, so its keys still work)."""
        return self._empty_text

    @empty_text.setter
    def empty_text(self, text: str) -> None:
        if text != self._empty_text:
            self._empty_text = text
            self._empty_lines = (0, [])
            self.refresh()

    # -- what is shown -------------------------------------------------------------------------

    @property
    def count(self) -> int:
        return len(self._shown)

    @property
    def highlighted(self) -> Item | None:
        if 0 <= self.cursor < len(self._shown):
            return self._items[self._shown[self.cursor]]
        return None

    def show(self, items: Sequence[Item], shown: Sequence[int], keep: tuple[str, str] | None = None) -> bool:
        """Show ``items[i]`` for each ``i`` in ``shown``, keeping the cursor on the item ``keep``
        (kind, id), else on the one highlighted before, else on the first row. True when ``keep``
        was found."""
        before = self.highlighted
        self._items, self._shown = items, shown
        wanted = [w for w in (keep, (before.kind, before.id) if before else None) if w is not None]
        self.cursor = 0
        found = False
        for kind, item_id in wanted:
            # Most often the wanted item is near the top; stop at the first match.
            row = next((r for r, i in enumerate(shown) if items[i].id == item_id and items[i].kind == kind), None)
            if row is not None:
                self.cursor = row
                found = (kind, item_id) == keep
                break
        self.virtual_size = Size(0, len(shown) * ROW_HEIGHT)
        self._scroll_to_cursor()
        self.refresh()
        after = self.highlighted
        if after is not before:
            self.post_message(self.Highlighted(self, after))
        return found

    def select_row(self, row: int) -> None:
        if not self._shown:
            return
        row = max(0, min(row, len(self._shown) - 1))
        if row != self.cursor:
            self.cursor = row
            self.refresh()
            self.post_message(self.Highlighted(self, self.highlighted))
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        if self._shown:
            width = self.scrollable_content_region.width or 1
            self.scroll_to_region(Region(0, self.cursor * ROW_HEIGHT, width, ROW_HEIGHT), animate=False, force=True)

    # -- keys and mouse ------------------------------------------------------------------------

    def action_cursor(self, step: int) -> None:
        self.select_row(self.cursor + step)

    def action_page(self, direction: int) -> None:
        rows = max(1, self.scrollable_content_region.height // ROW_HEIGHT - 1)
        self.select_row(self.cursor + direction * rows)

    def action_first(self) -> None:
        self.select_row(0)

    def action_last(self) -> None:
        self.select_row(len(self._shown) - 1)

    def action_select(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Selected(self, self.highlighted))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = (offset.y + int(self.scroll_y)) // ROW_HEIGHT
        if row == self.cursor:
            self.action_select()
        else:
            self.select_row(row)

    def on_resize(self) -> None:
        self.virtual_size = Size(0, len(self._shown) * ROW_HEIGHT)
        self._scroll_to_cursor()

    # -- drawing -------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        line = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        row, part = divmod(line, ROW_HEIGHT)
        if not self._shown and width > 2:
            lines = self._wrapped_empty_text(width - 2)
            text = lines[y] if y < len(lines) else ""
            style = base + self._text_style("entry-list--marker")
            return Strip([Segment(" " + text, style)]).adjust_cell_length(width, base)
        if row >= len(self._shown) or width <= 0:
            return Strip.blank(width, base)
        item = self._items[self._shown[row]]
        if row == self.cursor:
            base = base + self.get_component_rich_style("entry-list--cursor")  # its background too
        segments = self._first_line(item, width, base) if part == 0 else self._second_line(item, width, base)
        return Strip(segments).adjust_cell_length(width, base).apply_offsets(scroll_x, line)

    def _first_line(self, item: Item, width: int, base: Style) -> list[Segment]:
        date = day_label(item.day, self.today)
        segments = [
            Segment(" ", base),
            Segment(f"{date:<{DATE_WIDTH - 1}}", base + self._text_style("entry-list--date")),
        ]
        if item.kind == KIND_CHECKIN:
            marker, style = "check-in note", "entry-list--note"
        elif item.kind == KIND_ACTIVITY:
            marker, style = f"{item.activity.label if item.activity else 'activity'} note", "entry-list--note"
        elif item.activity is not None:
            marker, style = f"· {item.activity.label}", "entry-list--marker"
        else:
            marker, style = "", "entry-list--marker"
        room = width - 1 - DATE_WIDTH
        if marker and room > 3:
            segments.append(Segment(_fit(marker, room), base + self._text_style(style)))
        return segments

    def _wrapped_empty_text(self, width: int) -> list[str]:
        if self._empty_lines[0] != width:
            text = Text(self._empty_text)
            self._empty_lines = (width, [line.plain for line in text.wrap(self.app.console, width)])
        return self._empty_lines[1]

    def _text_style(self, name: str) -> Style:
        """A component's colour and text style, without its background (the row's shows through)."""
        style = self.get_component_rich_style(name)
        return Style(color=style.color, bold=style.bold, italic=style.italic, dim=style.dim)

    def _second_line(self, item: Item, width: int, base: Style) -> list[Segment]:
        return [Segment(" " + _fit(_clean(item.heading[:400]), width - 2), base)]


def _fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells with an ellipsis (wide characters such as CJK count twice)."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1).rstrip() + "…"
