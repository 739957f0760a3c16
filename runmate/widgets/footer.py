"""runmate's footer: Textual's Footer, rebuilt only when the keys it shows really change."""

from __future__ import annotations

from typing import Any

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
    saves a few full footer rebuilds when a screen opens and one at most key presses.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown: KeysShown | None = None

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if not (screen.app.app_focus and self.is_attached and screen is self.screen):
            super().bindings_changed(screen)  # nothing rebuilt now; see again next time
            return
        shown = keys_shown(screen)
        if shown == self._shown:
            return
        self._shown = shown
        super().bindings_changed(screen)
