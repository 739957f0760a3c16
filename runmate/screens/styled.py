"""Screens styled once as they open, not three or four times.

Textual styles every widget of a new screen as it mounts, and then the whole screen again:

* when the screen brings a stylesheet Textual has not read yet: it reads it once the screen is
  mounted and styles every screen shown again;
* at its first Resize, which gives the screen its breakpoint classes (runmate's -narrow or -wide,
  -short or -tall, see ``RunmateApp.HORIZONTAL_BREAKPOINTS``): a change of class restyles it;
* each time it is shown (``ScreenResume``, which a new mode screen gets twice), since a screen
  coming back from the background may have missed a change that reached only the shown ones.

A screen with :class:`StyledOnce` reads its own stylesheets as it is made (each of runmate's is
about its own screen, so no other screen needs styling again) and starts with the classes for the
terminal's size, so its first Resize changes nothing. Until it has been in the background once,
it skips the styling when shown if the rules that may match any widget come from the same sources
and CSS variables as when the screen was made (``RunmateStylesheet.shared_rules_key``): then
every widget on it was styled with the rules in use. Otherwise it is styled again, as Textual
does. What a screen looks like is the same; it opens sooner.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import App
from textual.geometry import Size
from textual.types import NoActiveAppError

from runmate.stylesheet import read_new


def breakpoint_classes(screen: Any, app: App[Any], size: Size) -> list[str]:
    """The breakpoint classes Textual gives ``screen`` at ``size``: for the width and for the
    height, the class of the largest breakpoint not above it. A screen's own breakpoints, when it
    has them, take the place of the app's (the check-in's are wider)."""
    classes: list[str] = []
    for own, of_app, length in (
        (screen.HORIZONTAL_BREAKPOINTS, app.HORIZONTAL_BREAKPOINTS, size.width),
        (screen.VERTICAL_BREAKPOINTS, app.VERTICAL_BREAKPOINTS, size.height),
    ):
        reached = [(at, name) for at, name in (of_app if own is None else own) or [] if length >= at]
        if reached:
            classes.append(max(reached)[1])
    return classes


def _styled_with(app: App[Any]) -> object:
    """What the app's stylesheet makes its shared rules from (None when it does not say)."""
    key = getattr(app.stylesheet, "shared_rules_key", None)
    return key() if key is not None else None


class StyledOnce:
    """Mix in before Textual's Screen (or ModalScreen): ``class MyScreen(StyledOnce, Screen)``.

    Textual calls the ``on_screen_resume`` and ``on_screen_suspend`` of every class of a screen,
    so a subclass's own handlers run as well as these (before them), not instead.
    """

    app: Any
    add_class: Any
    css_path: list[Any]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.been_in_background = False
        self.styled_with: object = None
        try:
            app = self.app
        except NoActiveAppError:  # made outside a running app: Textual's own styling does it all
            return
        self.add_class(*breakpoint_classes(self, app, app.size), update=False)
        # The screen's own stylesheets, read now rather than by Textual once it is mounted.
        read_new(app.stylesheet, self.css_path)
        self.styled_with = _styled_with(app)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Textual's own handler (Screen's), which reads refresh_styles.
        if not self.been_in_background and self.styled_with is not None and _styled_with(self.app) == self.styled_with:
            event.refresh_styles = False

    def on_screen_suspend(self, event: events.ScreenSuspend) -> None:
        self.been_in_background = True
