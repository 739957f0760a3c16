"""The help screen: every key of the screen it was opened from, and of the whole app; then what the
scales mean, what the starter program is and where the data lives; and always that runmate is not
a treatment, with the support contact when one is set.

The list of keys is what Textual has active on the screen, so a screen added later shows up here
without changes, and a key that does nothing there is not listed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.keys import key_to_character
from textual.screen import Screen
from textual.widgets import Static

from runmate import plans, support
from runmate.formatting import scale_ends
from runmate.models import SCALE_WORDS, Settings
from runmate.palette import COMMANDS
from runmate.screens.base import OverlayScreen
from runmate.screens.damaged import friendly_path
from runmate.store import Store
from runmate.textsafe import visible
from runmate.widgets.key_footer import KeyFooter

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


def _keys_text(keys: list[str]) -> str:
    digits = [int(k) for k in keys if len(k) == 1 and k in "0123456789"]
    if len(digits) >= 3 and len(digits) == len(keys) and digits == list(range(digits[0], digits[0] + len(digits))):
        return f"{digits[0]}-{digits[-1]}"
    return " or ".join(keys)


def collect_keys(app: App, screen: Screen) -> list[KeySection]:
    """The keys that work on ``screen`` right now, then the app-wide keys.

    Read from what Textual has active there (``Screen.active_bindings``: the focused widget, its
    containers, the screen and the app, each key where it goes now), so a key is listed only if
    pressing it does something here: a key its screen or widget turns off for now (``check_action``
    False: "Delete" while nothing is saved yet) is left out, and one it only greys out (None) is
    listed. Keys with the same description are shown together ("? or f1", "1-5"). Textual's own
    widgets (a text field) list no editing keys; the screen's keys come before the focused widget's.
    """
    here = KeySection("On this screen")
    everywhere = KeySection("Everywhere in runmate")
    by_description: dict[tuple[int, str], KeyRow] = {}
    from_widget: set[int] = set()  # rows of widgets, listed after the screen's own
    from textual.widgets import Input, TextArea  # the text area is imported on first use

    # A text field takes every key that types a character (the digits, [ and ], the letters).
    typing = isinstance(screen.focused, (Input, TextArea))
    for key, active in screen.active_bindings.items():
        node, binding = active.node, active.binding
        if binding.system or key.startswith(SKIP_KEY_PREFIXES) or not _own_node(node, screen, app):
            continue
        if typing and key_to_character(key) is not None and key not in ("enter", "tab", "escape"):
            continue
        if not (binding.description or binding.action in DESCRIPTIONS):
            continue
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


CARE_LEAD = (
    "runmate is not a treatment: it keeps you company and shows your own patterns, nothing more. "
    "If you are worried about your health, talk to your doctor. "
)
CARE = CARE_LEAD + support.EMERGENCY_ANY


def support_text(settings: Settings) -> str:
    """Where to turn: the person's own line and their country's crisis line (or the directory),
    the emergency line, how to change them, and when the table was last checked."""
    lines = support.where_to_turn(settings.country, settings.own_line)
    if not settings.country:
        lines.insert(0, "Choose your country in settings (s) to see a crisis line for where you live.")
        lines.insert(1, support.directory_sentence())
    return "\n".join(visible(line) for line in [support.NOT_ALONE, *lines, support.checked_sentence()])


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
        f"file, {visible(store.path.name)}. It is not encrypted; only your user account can read it. "
        "To take your last 4 weeks to your doctor, use Make a summary for my doctor (ctrl+p): a PDF in "
        "your home folder, or runmate report in a shell."
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
            care = CARE_LEAD + support.emergency_sentence(settings.country)
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
                ("Where to turn", support_text(settings), "help-support"),
                ("Your data", data_text(self.store), "help-data"),
            ):
                yield Static(title, classes="help-section-title")
                yield Static(Text(text), id=ident, classes="help-about")
        yield KeyFooter()
