"""runmate's app-wide commands, each defined once: the app's key bindings and the command palette
(ctrl+p) are both built from COMMANDS, so a key and its palette entry never drift apart."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from textual.actions import parse
from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider

from runmate.screens.modes import MODES


@dataclass(frozen=True)
class Key:
    """One key for a command, as the footer shows it (or not)."""

    key: str
    display: str | None = None
    show: bool = True  # in the footer
    priority: bool = False  # before any screen or widget sees the key


@dataclass(frozen=True)
class AppCommand:
    """A command of the whole app: its name (footer, palette, help), the app action it runs, its
    keys and one help line (the palette's line under the name, and the footer's tooltip)."""

    name: str
    action: str
    keys: tuple[Key, ...]
    help: str
    in_palette: bool = True
    footer_first: bool = False  # before the other app keys in the footer, so 80 columns keep it in view

    def bindings(self) -> list[Binding]:
        return [
            Binding(
                k.key,
                self.action,
                self.name,
                show=k.show,
                key_display=k.display,
                priority=k.priority,
                tooltip=self.help,
            )
            for k in self.keys
        ]


COMMANDS: tuple[AppCommand, ...] = (
    *(AppCommand(mode.title, mode.action, (Key(mode.key),), mode.help) for mode in MODES),
    AppCommand("Settings", "settings", (Key("s"),), "Name, support contact, weekly goal and theme"),
    # The footer shows one key an action, the first that works right now: f1 and ^q show only while a
    # text field takes the ? and the q. Help and Quit come first among the app's keys in the footer
    # (after the screen's own), so they stay in view at 80 columns on every screen.
    AppCommand(
        "Help",
        "help",
        (Key("question_mark", display="?"), Key("f1")),
        "Every key you can press, and what runmate is",
        footer_first=True,
    ),
    AppCommand(
        "Export everything",
        "export",
        (),
        "Write all your data into a new dated folder in your home folder (json, csv, md and ics)",
    ),
    AppCommand(
        "Make a summary for my doctor",
        "doctor_summary",
        (),
        "A PDF of your last 4 weeks in your home folder: mood, sleep and movement; notes only if you say so",
    ),
    AppCommand("Quit", "quit", (Key("q"), Key("ctrl+q", priority=True)), "Quit runmate", footer_first=True),
    AppCommand(
        "Commands",
        "command_palette",
        (Key("ctrl+p", show=False, priority=True),),
        "Search all actions",
        in_palette=False,
    ),
)


def app_bindings() -> list[BindingType]:
    """The app's key bindings: those of the commands marked ``footer_first`` first (Help, Quit),
    then the rest in the order of COMMANDS. The footer shows them in this order."""
    ordered = sorted(COMMANDS, key=lambda command: not command.footer_first)
    bindings: list[BindingType] = [binding for command in ordered for binding in command.bindings()]
    # RunmateApp does not inherit Textual's App bindings (their ^q would come first in the footer and
    # stand in for q); this is the one other it had: ctrl+c says how to quit.
    bindings.append(Binding("ctrl+c", "help_quit", show=False, system=True))
    return bindings


class RunmateCommands(Provider):
    """The app's commands, each run through the app like its key (and offered only where its key works)."""

    def _commands(self):
        app = self.app
        for command in COMMANDS:
            if not command.in_palette:
                continue
            _, name, parameters = parse(command.action)
            if not app.check_action(name, parameters):
                continue
            keys = " or ".join(app.get_key_display(b) for b in command.bindings() if b.show)
            help_text = f"{command.help} ({keys})" if keys else command.help
            yield command.name, partial(app.call_later, app.run_action, command.action), help_text

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = max(matcher.match(name), matcher.match(help_text) * 0.8)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, text=name, help=help_text)
