"""The command palette (ctrl+p): the same actions as the app-wide keys, found by typing."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

# (name shown, action run on the app, help line)
COMMANDS = (
    ("Dashboard", "goto('dashboard')", "Go to the dashboard (d)"),
    ("Check-in", "goto('checkin')", "Check in: how are you this morning? (c)"),
    ("Plan", "goto('plan')", "Plan the week's activities (p)"),
    ("Journal", "goto('journal')", "Read and write reflections (j)"),
    ("Settings", "settings", "Name, support contact, weekly goal and theme (s)"),
    ("Help", "help", "Show every key (? or f1)"),
    ("Quit", "quit", "Quit runmate (q)"),
)


class RunmateCommands(Provider):
    """Mode switches, settings, help and quit, each run through the app like its key."""

    def _commands(self):
        app = self.app
        for name, action, help_text in COMMANDS:
            if not app.check_action(*_split(action)):
                continue
            yield name, partial(app.call_later, app.run_action, action), help_text

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = max(matcher.match(name), matcher.match(help_text) * 0.8)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, text=name, help=help_text)


def _split(action: str) -> tuple[str, tuple[object, ...]]:
    if "(" not in action:
        return action, ()
    name, _, rest = action.partition("(")
    return name, (rest.rstrip(")").strip("'\""),)
