"""KeyFooter: the keys of the screen along its bottom edge, drawn as one line of text.

It shows what Textual's Footer shows (the screen's active bindings that are not hidden, each
action once, greyed when it does nothing right now, and the command palette's key on the right
when there is room), but as one widget that draws a line of text, where Textual's Footer is a
container of one widget per key, rebuilt and restyled as a whole on every change of focus. On a
switch of mode that rebuild took about a sixth of the time. This one works out the keys from
``Screen.active_bindings`` each time the screen says its bindings changed
(``Screen.bindings_updated_signal``) and draws them again only when they really change.

Clicking a key presses it (a greyed one rings the bell); the mouse over a key shows its tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import groupby
from typing import Any

from rich.style import Style
from rich.text import Text
from textual import events
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget

PALETTE_MIN_WIDTH = 100
"""Narrower than this, the command palette's key is left out: the app's keys need the room (ctrl+p
still works, and help lists it)."""


@dataclass(frozen=True)
class ShownKey:
    """One key as the footer shows it."""

    key: str
    display: str
    description: str
    enabled: bool
    tooltip: str


@dataclass(frozen=True)
class ShownItem:
    """One item of the footer: a key and what it does ("a Add"), or a group of keys that share one
    description ("[ ] Week", from a ``Binding.Group``)."""

    keys: tuple[ShownKey, ...]
    description: str

    @property
    def enabled(self) -> bool:
        return any(key.enabled for key in self.keys)


def shown_keys(screen: Screen[Any]) -> tuple[tuple[ShownItem, ...], ShownItem | None]:
    """What a footer on ``screen`` shows, in order: each action once (its first key), keys of one
    binding group side by side with the group's description, as Textual's Footer does; and the
    command palette's key, shown apart on the right (None when the app has no palette)."""
    app = screen.app
    active = screen.active_bindings
    firsts: list[tuple[ShownKey, Any]] = []
    actions: set[str] = set()
    for _, binding, enabled, tooltip in active.values():
        if not binding.show or binding.action in actions:
            continue
        actions.add(binding.action)
        shown = ShownKey(binding.key, app.get_key_display(binding), binding.description, enabled, tooltip or "")
        firsts.append((shown, binding.group))
    items: list[ShownItem] = []
    for _, run in groupby(firsts, key=lambda first: first[1]):
        together = list(run)
        group = together[0][1]
        if group is not None and len(together) > 1:
            keys = tuple(shown for shown, _ in together)
            items.append(
                ShownItem(tuple(replace(k, tooltip=k.tooltip or k.description) for k in keys), group.description)
            )
        else:
            items.extend(ShownItem((shown,), shown.description) for shown, _ in together)
    palette = None
    if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
        _, binding, enabled, tooltip = active[app.COMMAND_PALETTE_BINDING]
        key = ShownKey(
            binding.key,
            app.get_key_display(binding),
            binding.description,
            enabled,
            tooltip or binding.tooltip or binding.description,
        )
        palette = ShownItem((key,), key.description)
    return tuple(items), palette


class KeyFooter(Widget):
    """The screen's keys, docked at the bottom: ``yield KeyFooter()`` last in a screen's compose."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    KeyFooter > .key-footer--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyFooter > .key-footer--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    KeyFooter > .key-footer--divider {
        color: $foreground 20%;
    }
    """
    COMPONENT_CLASSES = {"key-footer--key", "key-footer--description", "key-footer--divider"}

    keys: reactive[tuple[tuple[ShownItem, ...], ShownItem | None]] = reactive(((), None), layout=False)
    """What is shown: the keys, and the command palette's key."""

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._spans: list[tuple[int, int, ShownKey]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[Any]) -> None:
        if screen is self.screen:
            self.keys = shown_keys(screen)  # a reactive: drawn again only if it changed

    # -- drawing -----------------------------------------------------------------------------

    def _item_text(self, item: ShownItem, spans: list[tuple[int, int, ShownKey]], at: int) -> Text:
        """' a Add ' (or ' [ ] Week '), dim when it does nothing now; each key's columns go in ``spans``."""
        key_style = self.get_component_rich_style("key-footer--key")
        text = Text()
        for key in item.keys:
            start = at + text.cell_len
            text.append(f" {key.display}", key_style)
            spans.append((start, at + text.cell_len, key))
        text.append(f" {item.description} ", self.get_component_rich_style("key-footer--description"))
        if not item.enabled:
            text.stylize(Style(dim=True))
        return text

    def render(self) -> Text:
        items, palette = self.keys
        width = self.size.width
        spans: list[tuple[int, int, ShownKey]] = []
        right = Text()
        right_spans: list[tuple[int, int, ShownKey]] = []
        if palette is not None and width >= PALETTE_MIN_WIDTH:
            right = Text("▏", self.get_component_rich_style("key-footer--divider"))
            right.append_text(self._item_text(palette, right_spans, 1))
            right.append(" ")
        room = max(0, width - right.cell_len)
        line = Text(no_wrap=True, overflow="crop", end="")
        for item in items:
            if line.cell_len >= room:
                break
            line.append_text(self._item_text(item, spans, line.cell_len))
        if right:
            line.truncate(room, overflow="crop", pad=True)
            spans = [(start, min(end, room), key) for start, end, key in spans if start < room]
            spans.extend((start + room, end + room, key) for start, end, key in right_spans)
            line.append_text(right)
        self._spans = spans
        return line

    # -- the mouse ---------------------------------------------------------------------------

    def _key_at(self, x: int) -> ShownKey | None:
        return next((shown for start, end, shown in self._spans if start <= x < end), None)

    def on_click(self, event: events.Click) -> None:
        shown = self._key_at(event.x)
        if shown is None:
            return
        event.stop()
        if shown.enabled:
            self.app.simulate_key(shown.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        shown = self._key_at(event.x)
        self.tooltip = (shown.tooltip or shown.description) if shown is not None else None
