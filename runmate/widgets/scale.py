"""ScalePicker: a 1 to 5 scale that always shows the word for its value.

Before anything is chosen it shows what its two ends mean ("1 calm … 5 very stressed"), so nobody
has to guess its direction; once chosen, the word for the value ("3 some").

Keyboard: digits 1-5 choose a value; left/right (or - and +) step it; backspace or delete clear it
when the scale is optional. Mouse: click a number.

Public interface (the check-in and the plan's done dialog use it):

* ``ScalePicker(label, words, *, value=None, allow_empty=True, empty_text=None, label_width=None,
  name=None, id=None, classes=None, disabled=False)``; ``empty_text`` None shows the ends.
* ``value`` (reactive ``int | None``; setting it from code posts nothing), ``word``, ``value_text``.
* ``ScalePicker.Changed(picker, value, typed, move_on)``, posted for every change the person makes:
  ``typed`` is True when a digit chose the value; ``move_on`` is True only when a digit filled an
  empty scale. A form moves on to its next field on ``move_on``: the first fill is one key press,
  and a digit typed to correct a value already there stays on the scale.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from runmate.formatting import scale_ends
from runmate.models import SCALE_RANGE

LOW, HIGH = SCALE_RANGE
_CELL = 3  # " 3 "
_GAP = 1


class ScalePicker(Widget, can_focus=True):
    """A focusable 1-5 scale with a label and the word for the chosen value, e.g. '3 okay'."""

    DEFAULT_CSS = """
    ScalePicker {
        height: 1;
        width: 1fr;
        padding: 0 1;
        background: $surface;
        pointer: pointer;
    }
    ScalePicker:focus {
        background-tint: $foreground 8%;
    }
    ScalePicker > .scale-picker--label {
        color: $text-muted;
    }
    ScalePicker:focus > .scale-picker--label {
        color: $text-accent;
        text-style: bold;
    }
    ScalePicker > .scale-picker--number {
        color: $text-muted;
    }
    ScalePicker > .scale-picker--chosen {
        background: $accent;
        color: $text;
        text-style: bold;
    }
    ScalePicker > .scale-picker--word {
        color: $text;
        text-style: bold;
    }
    ScalePicker > .scale-picker--empty {
        color: $text-disabled;
    }
    """

    COMPONENT_CLASSES = {
        "scale-picker--label",
        "scale-picker--number",
        "scale-picker--chosen",
        "scale-picker--word",
        "scale-picker--empty",
    }

    # One description for the five digits: the help screen lists them together as "1-5".
    BINDINGS = [
        Binding("1", "choose(1)", "Set the scale", show=False),
        Binding("2", "choose(2)", "Set the scale", show=False),
        Binding("3", "choose(3)", "Set the scale", show=False),
        Binding("4", "choose(4)", "Set the scale", show=False),
        Binding("5", "choose(5)", "Set the scale", show=False),
        Binding("left,minus", "step(-1)", "Lower the scale", show=False),
        Binding("right,plus", "step(1)", "Raise the scale", show=False),
        Binding("backspace,delete", "clear", "Clear the scale", show=False),
    ]

    value: reactive[int | None] = reactive(None)

    class Changed(Message):
        """The user changed the value (not posted when code sets ``value``).

        ``typed``: a digit chose it. ``move_on``: a digit filled an empty scale, so a form may
        move on to its next field (a correction stays where it is)."""

        def __init__(self, picker: ScalePicker, value: int | None, typed: bool, move_on: bool = False) -> None:
            super().__init__()
            self.picker = picker
            self.value = value
            self.typed = typed
            self.move_on = move_on

        @property
        def control(self) -> ScalePicker:
            return self.picker

    def __init__(
        self,
        label: str,
        words: Mapping[int, str],
        *,
        value: int | None = None,
        allow_empty: bool = True,
        empty_text: str | None = None,
        label_width: int | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self.label = label
        self.words = dict(words)
        self.allow_empty = allow_empty
        self.empty_text = empty_text if empty_text is not None else scale_ends(self.words)
        """Shown while nothing is chosen: by default what the two ends mean, '1 calm … 5 very stressed'."""
        self.label_width = label_width if label_width is not None else cell_len(label) + 2
        self.set_reactive(ScalePicker.value, self._valid(value))

    # -- value -------------------------------------------------------------------------------

    @staticmethod
    def _valid(value: int | None) -> int | None:
        if value is None:
            return None
        if not LOW <= value <= HIGH:
            raise ValueError(f"a scale value is from {LOW} to {HIGH}, not {value}")
        return value

    def validate_value(self, value: int | None) -> int | None:
        return self._valid(value)

    @property
    def word(self) -> str:
        """The word for the current value ('' when empty)."""
        return self.words.get(self.value, "") if self.value is not None else ""

    @property
    def value_text(self) -> str:
        """'3 okay', or '' when empty."""
        return f"{self.value} {self.word}".strip() if self.value is not None else ""

    def _set_by_user(self, value: int | None, typed: bool) -> None:
        move_on = typed and self.value is None
        self.value = value
        self.post_message(self.Changed(self, value, typed, move_on))

    # -- actions -----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear":
            return self.allow_empty and self.value is not None
        return True

    def action_choose(self, value: int) -> None:
        self._set_by_user(value, typed=True)

    def action_step(self, delta: int) -> None:
        if self.value is None:
            new = (LOW + HIGH) // 2
        else:
            new = min(HIGH, max(LOW, self.value + delta))
            if new == self.value:
                return
        self._set_by_user(new, typed=False)

    def action_clear(self) -> None:
        if self.allow_empty and self.value is not None:
            self._set_by_user(None, typed=False)

    # -- mouse -------------------------------------------------------------------------------

    def number_at(self, x: int) -> int | None:
        """The number drawn at content column ``x``, or None."""
        offset = x - self.label_width
        if offset < 0:
            return None
        index, within = divmod(offset, _CELL + _GAP)
        if within >= _CELL or not 0 <= index <= HIGH - LOW:
            return None
        return LOW + index

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        number = self.number_at(offset.x)
        if number is not None:
            event.stop()
            self.focus()
            if number != self.value:
                self._set_by_user(number, typed=False)

    # -- drawing -----------------------------------------------------------------------------

    def render(self) -> Text:
        style = self.get_component_rich_style
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(self.label.ljust(self.label_width - 1)[: self.label_width - 1] + " ", style("scale-picker--label"))
        for n in range(LOW, HIGH + 1):
            chosen = n == self.value
            text.append(f" {n} ", style("scale-picker--chosen" if chosen else "scale-picker--number"))
            if n < HIGH:
                text.append(" " * _GAP)
        text.append("  ")
        if self.value is None:
            text.append(self.empty_text, style("scale-picker--empty"))
        else:
            text.append(self.value_text, style("scale-picker--word"))
        return text
