"""runmate's stylesheet: Textual's, keeping what it parsed while the CSS variables stay the same.

Textual parses every rule of every stylesheet again, from the text, whenever it refreshes the CSS:
twice on the first visit of each mode, again when a screen brings a stylesheet of its own, and on
a change of theme. Only a change of theme changes what a parse gives (the variables, such as
$primary, are part of it); the rest of the time the same text gives the same rules. This one parses
a source again only when it is new or the variables changed. Styles are applied exactly as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath

from textual.css.stylesheet import Stylesheet


def read_new(stylesheet: Stylesheet, paths: Iterable[str | PurePath]) -> None:
    """Read each stylesheet file of ``paths`` that ``stylesheet`` has not read yet (named as Textual
    names a screen's CSS_PATH; one read already is not read again)."""
    for path in paths:
        if not stylesheet.has_source(str(path), ""):
            stylesheet.read(path)


class RunmateStylesheet(Stylesheet):
    def __init__(self, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        self.parsed_with: dict[str, str] = dict(variables or {})
        """The CSS variables the kept rules were parsed with."""

    def set_variables(self, variables: dict[str, str]) -> None:
        if variables == self.parsed_with:
            return  # Textual's would drop every parsed rule, though nothing changed
        self.parsed_with = dict(variables)
        super().set_variables(variables)

    def reparse(self) -> None:
        # Textual's parses all sources in a new, empty stylesheet; parse() here parses what is new
        # since the last parse (all of it after a change of variables) and keeps the rules in use
        # if the CSS has an error, as Textual's does.
        self.parse()

    def shared_rules_key(self) -> tuple[object, ...]:
        """What the rules that may match any widget come from: the CSS variables and every source
        but a widget type's own scoped default CSS. Such a source matches only widgets of its
        type, and Textual reads it as the first of them mounts, so it never changes how a widget
        already styled should look. Where two keys are equal, every widget styled in between was
        styled with the rules in use (``runmate.screens.styled`` compares them)."""
        shared = [source for source in self.source.values() if not (source.is_defaults and source.scope)]
        return (*shared, *self.parsed_with.items())
