"""The help screen: every key of the screen it was opened from, and of the whole app; then what the
scales mean, what the starter program is and where the data lives; and always that runmate is not
a treatment, with the support contact when one is set.

The list of keys is built from the live bindings, so a screen added later shows up here without changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Footer, Static

from runmate import plans
from runmate.formatting import scale_ends
from runmate.models import SCALE_WORDS
from runmate.palette import COMMANDS
from runmate.screens.base import OverlayScreen
from runmate.screens.damaged import friendly_path
from runmate.store import Store
from runmate.textsafe import visible

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

    @property
    def keys_text(self) -> str:
        """'? or f1'; a run of digits bound to one thing reads '1-5'."""
        return _keys_text(self.keys)


@dataclass
class KeySection:
    title: str
    rows: list[KeyRow] = field(default_factory=list)


def _own_node(node: DOMNode, screen: Screen, app: App) -> bool:
    """The screen, the app, or one of runmate's own widgets (Textual's inputs list only editing keys)."""
    return node is screen or node is app or type(node).__module__.startswith("runmate")


def class_bindings(node: DOMNode) -> list[tuple[str, Binding]]:
    """(key, binding) for every binding of ``node``'s class and its base classes.

    Read from the ``BINDINGS`` of each class in the MRO, the way Textual merges them: a key bound
    again in a subclass replaces the base class's bindings for that key and keeps its place.
    (runmate sets no keymap and never turns off inherited bindings, so this is what the node has.)
    """
    merged: dict[str, list[Binding]] = {}
    for cls in reversed(type(node).__mro__):
        if issubclass(cls, DOMNode):
            merged.update(BindingsMap(cls.__dict__.get("BINDINGS", [])).key_to_bindings)
    return [(key, binding) for key, bindings in merged.items() for binding in bindings]


def _keys_text(keys: list[str]) -> str:
    digits = [int(k) for k in keys if len(k) == 1 and k in "0123456789"]
    if len(digits) >= 3 and len(digits) == len(keys) and digits == list(range(digits[0], digits[0] + len(digits))):
        return f"{digits[0]}-{digits[-1]}"
    return " or ".join(keys)


def collect_keys(app: App, screen: Screen) -> list[KeySection]:
    """The keys of ``screen`` and of runmate's focusable widgets in it, then the app-wide keys.

    Every binding with a description is listed, also one that is switched off right now (say
    "Delete" while nothing is saved yet): the key belongs to the screen all the same. Keys with the
    same description are shown together ("? or f1", "1-5"). When two bindings share a key, the one
    that gets it now wins (the focused widget, then its containers, the screen, the app); widgets
    that are not focused add their keys after that, so help lists the same keys wherever the
    focus is.
    """
    focused = screen.focused
    chain: list[DOMNode] = list(focused.ancestors_with_self) if focused is not None else [screen, app]
    if screen not in chain:
        chain.insert(0, screen)
    if app not in chain:
        chain.append(app)
    chain = [node for node in chain if _own_node(node, screen, app)]
    others = [w for w in screen.query("*") if w.can_focus and w not in chain and _own_node(w, screen, app)]
    here = KeySection("On this screen")
    everywhere = KeySection("Everywhere in runmate")
    by_description: dict[tuple[int, str], KeyRow] = {}
    from_widget: set[int] = set()  # rows of widgets, listed after the screen's own
    taken: set[str] = set()  # keys of the focus chain: what each key does right now
    listed: set[tuple[str, str]] = set()  # (key, action) pairs already shown
    for node in [*chain, *others]:
        in_chain = node in chain
        for key, binding in class_bindings(node):
            if binding.system or key.startswith(SKIP_KEY_PREFIXES):
                continue
            if not (binding.description or binding.action in DESCRIPTIONS):
                continue
            if in_chain:
                if key in taken:
                    continue
                taken.add(key)
            elif (key, binding.action) in listed:
                continue
            listed.add((key, binding.action))
            section = everywhere if (node is app or binding.action in DESCRIPTIONS) else here
            description = DESCRIPTIONS.get(binding.action, binding.description)
            display = app.get_key_display(binding)
            slot = (id(section), description)
            if slot in by_description:
                if display not in by_description[slot].keys:
                    by_description[slot].keys.append(display)
                continue
            row = KeyRow([display], description, binding.action)
            by_description[slot] = row
            section.rows.append(row)
            if node is not screen and node is not app:
                from_widget.add(id(row))
    for section in (here, everywhere):
        for row in section.rows:
            row.keys.sort(key=len)  # "q or ^q", "? or f1": the short key first (stable for "1-5")
    here.rows.sort(key=lambda row: id(row) in from_widget)
    order = [command.action for command in COMMANDS]  # as the palette lists them, not the footer's order
    everywhere.rows.sort(key=lambda row: order.index(row.action) if row.action in order else len(order))
    return [here, everywhere]


def _section_widget(section: KeySection) -> Vertical:
    cells: list[Static] = []
    for row in section.rows:
        cells.append(Static(Text(row.keys_text), classes="help-key"))
        cells.append(Static(Text(row.description), classes="help-desc"))
    if not cells:
        cells.append(Static("No keys of its own.", classes="help-desc help-none"))
    return Vertical(
        Static(Text(section.title), classes="help-section-title"),
        Grid(*cells, classes="help-grid"),
        classes="help-section",
    )


CARE = (
    "runmate is not a treatment: it keeps you company and shows your own patterns, nothing more. "
    "If you are worried about your health, talk to your doctor. "
    "In an emergency, call your local emergency number."
)


def scales_text() -> str:
    """What the check-in's scales mean, each from its 1 to its 5."""
    names = {"mood": "Mood", "energy": "Energy", "stress": "Stress", "sleep_quality": "Sleep quality"}
    lines = [f"{label}: {scale_ends(SCALE_WORDS[field])}" for field, label in names.items()]
    return (
        "Each scale runs from 1 to 5, and the word beside the number says what it means. "
        "Only mood is needed; the rest is there when you want it.\n" + "\n".join(lines)
    )


def starter_text() -> str:
    """The starter program in a few plain sentences (from its own data, so the numbers stay true)."""
    first_run = plans.STARTER_PROGRAM[0][0][0][1][0][1] // 60
    last_run = plans.session_seconds(plans.STARTER_PROGRAM[-1][-1], plans.RUN) // 60
    return (
        f"A gentle {plans.PROGRAM_WEEKS}-week walk/run build-up (S on the plan): three sessions a week with "
        f"a rest day between, each after a {plans.STARTER_WARMUP}-minute warm-up walk. It starts with "
        f"{first_run} minute of running at a time and ends with {last_run} minutes. Build up slowly: "
        "repeat a week whenever you like; doing too much too soon does more harm than good."
    )


def data_text(store: Store) -> str:
    return (
        f"Everything stays on this computer, in the folder {visible(friendly_path(store.data_dir))}, in one "
        f"file, {visible(store.path.name)}. It is not encrypted; only your user account can read it."
    )


class HelpScreen(OverlayScreen):
    """Every key, then what runmate is: the scales, the starter program, where the data lives, and
    always that runmate is not a treatment (with the support contact when one is set). Any mode
    key, escape, ? or f1 closes it."""

    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape", "close", "Close help")]

    def __init__(self, sections: list[KeySection], screen_title: str = "") -> None:
        super().__init__()
        self.sections = sections
        self.screen_title = screen_title

    def compose(self) -> ComposeResult:
        settings = self.runmate.settings
        with VerticalScroll(id="help-scroll"), Vertical(id="help-box"):
            name = visible(settings.name)
            greeting = "Every key you can press, and what runmate is about (scroll for more)."
            yield Static("Help", id="help-title")
            yield Static(Text(f"Hello {name}. {greeting}" if name else greeting), id="help-greeting")
            if self.screen_title:
                yield Static(Text(f"You opened help from: {self.screen_title}"), id="help-from")
            care = CARE
            if settings.support_contact:
                care += f"\nWhen things feel hard, reach out to {visible(settings.support_contact)}."
            yield Static(Text(care), id="help-care")
            with Horizontal(id="help-sections"):
                for section in self.sections:
                    yield _section_widget(section)
            yield Static(
                "While you type in a field, letters go into the field (f1 opens help, ctrl+q quits). "
                "Tab moves to the next part of the screen.",
                classes="help-note",
            )
            for title, text, ident in (
                ("The scales", scales_text(), "help-scales"),
                ("The starter program", starter_text(), "help-starter"),
                ("Your data", data_text(self.store), "help-data"),
            ):
                yield Static(title, classes="help-section-title")
                yield Static(Text(text), id=ident, classes="help-about")
        yield Footer()
