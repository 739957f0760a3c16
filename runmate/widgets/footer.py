"""runmate's footer: Textual's Footer, rebuilt only when the keys it shows really change."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter

KeysShown = tuple[tuple[str, str, str, bool, bool, str], ...]


def keys_shown(screen: Screen[Any]) -> KeysShown:
    """What a footer on ``screen`` is built from: each key with its action, words, whether it is
    shown and enabled, and its tooltip (hidden keys too: the command palette's key is shown apart)."""
    return tuple(
        (binding.key, binding.action, binding.description, binding.show, enabled, tooltip or "")
        for (_, binding, enabled, tooltip) in screen.active_bindings.values()
    )


class Footer(TextualFooter):
    """The keys of the screen, like Textual's Footer.

    Textual's rebuilds all its keys (a widget each, styled one by one) whenever the screen's bindings
    may have changed: when a screen opens, on every change of focus, after every refresh of the
    bindings. Most of those change nothing it shows. This one rebuilds only when they do, which
    saves a few full footer rebuilds when a screen opens, one at most key presses and two at each
    switch of mode.

    Its keys start in the footer's wide style. Textual's keys start compact and are then told the
    footer's style, and each of those two changes restyles the key on its own.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown: KeysShown | None = None

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            compact = getattr(type(widget), "compact", None)
            if isinstance(compact, Reactive) and not self.compact:
                widget.set_reactive(compact, self.compact)
            yield widget

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if screen is not screen.app.screen:
            # A screen being left (for another mode, or under a dialog) keeps the keys it showed:
            # they are what it shows again when it comes back (Textual asks again then).
            return
        if not (screen.app.app_focus and self.is_attached and screen is self.screen):
            super().bindings_changed(screen)  # nothing rebuilt now; see again next time
            return
        shown = keys_shown(screen)
        if shown == self._shown:
            return
        self._shown = shown
        super().bindings_changed(screen)
