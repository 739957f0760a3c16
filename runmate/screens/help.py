"""The help screen: every key of the screen it was opened from, and of the whole app.

The list is built from the live bindings, so a screen added later shows up here without changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Footer, Static

from runmate.screens.base import OverlayScreen

# Clearer words for a few of Textual's own bindings, which every screen has; they are listed with
# the app-wide keys rather than as the screen's own.
DESCRIPTIONS = {
    "command_palette": "Search all actions",
    "app.focus_next": "Next part of the screen",
    "app.focus_previous": "Previous part of the screen",
    "screen.copy_text": "Copy selected text",
}
# Keys for other systems, left out of the list.
SKIP_KEY_PREFIXES = ("super+",)


@dataclass
class KeyRow:
    keys: list[str]
    description: str
    action: str = ""


@dataclass
class KeySection:
    title: str
    rows: list[KeyRow] = field(default_factory=list)


def _own_node(node: DOMNode, screen: Screen, app: App) -> bool:
    """The screen, the app, or one of runmate's own widgets (Textual's inputs list only editing keys)."""
    return node is screen or node is app or type(node).__module__.startswith("runmate")


def collect_keys(app: App, screen: Screen) -> list[KeySection]:
    """The keys of ``screen`` (and of runmate widgets focused in it), then the app-wide keys.

    Keys bound to the same action are shown together ("? or f1"). Bindings whose action is
    switched off (``check_action`` returns False) are left out; greyed ones (None) stay listed.
    """
    focused = screen.focused
    nodes: list[DOMNode] = list(focused.ancestors_with_self) if focused is not None else [screen, app]
    if screen not in nodes:
        nodes.insert(0, screen)
    if app not in nodes:
        nodes.append(app)
    here = KeySection("On this screen")
    everywhere = KeySection("Everywhere in runmate")
    by_action: dict[tuple[int, str], KeyRow] = {}
    taken: set[str] = set()
    for node in nodes:
        if not _own_node(node, screen, app):
            continue
        for key, binding in node._bindings:  # the merged bindings, inherited ones included
            if binding.system or key in taken or key.startswith(SKIP_KEY_PREFIXES):
                continue
            section = everywhere if (node is app or binding.action in DESCRIPTIONS) else here
            if not (binding.description or binding.action in DESCRIPTIONS):
                continue
            if app._check_action_state(binding.action, node) is False:
                continue
            taken.add(key)
            display = app.get_key_display(binding)
            slot = (id(section), binding.action)
            if slot in by_action:
                if display not in by_action[slot].keys:
                    by_action[slot].keys.append(display)
                continue
            row = KeyRow([display], DESCRIPTIONS.get(binding.action, binding.description), binding.action)
            by_action[slot] = row
            section.rows.append(row)
    for section in (here, everywhere):
        for row in section.rows:
            row.keys.sort(key=len)  # "q or ^q", "? or f1": the short key first
    order = [b.action for b in type(app).BINDINGS if isinstance(b, Binding)]
    everywhere.rows.sort(key=lambda row: order.index(row.action) if row.action in order else len(order))
    return [here, everywhere]


def _section_widget(section: KeySection) -> Vertical:
    cells: list[Static] = []
    for row in section.rows:
        cells.append(Static(Text(" or ".join(row.keys)), classes="help-key"))
        cells.append(Static(Text(row.description), classes="help-desc"))
    if not cells:
        cells.append(Static("No keys of its own.", classes="help-desc help-none"))
    return Vertical(
        Static(Text(section.title), classes="help-section-title"),
        Grid(*cells, classes="help-grid"),
        classes="help-section",
    )


class HelpScreen(OverlayScreen):
    """Lists the keys; any mode key, escape, ? or f1 closes it."""

    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape", "close", "Close help")]

    def __init__(self, sections: list[KeySection], screen_title: str = "") -> None:
        super().__init__()
        self.sections = sections
        self.screen_title = screen_title

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-scroll"):
            with Vertical(id="help-box"):
                name = self.runmate.settings.name
                greeting = f"Hello {name}, here is every key you can press." if name else "Every key you can press."
                yield Static("Keys", id="help-title")
                yield Static(Text(greeting), id="help-greeting")
                if self.screen_title:
                    yield Static(Text(f"You opened help from: {self.screen_title}"), id="help-from")
                with Horizontal(id="help-sections"):
                    for section in self.sections:
                        yield _section_widget(section)
                yield Static(
                    "While you type in a field, letters go into the field. "
                    "Tab moves to the next part of the screen.",
                    classes="help-note",
                )
                contact = self.runmate.settings.support_contact
                if contact:
                    yield Static(
                        Text(f"When things feel hard, reach out to {contact}, or talk to your doctor."),
                        id="help-contact",
                        classes="help-note",
                    )
        yield Footer()
