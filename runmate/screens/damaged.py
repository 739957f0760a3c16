"""The calm screen shown instead of everything else when the data file can't be read."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from runmate.store import DataFileError
from runmate.textsafe import visible
from runmate.widgets.key_footer import KeyFooter


def friendly_path(path: Path) -> str:
    """The path with the home folder written as ~ (shorter, and the same on every machine)."""
    try:
        return "~/" + str(Path(path).relative_to(Path.home()))
    except ValueError:
        return str(path)


class DamagedDataScreen(Screen):
    """Names the file, says what went wrong and what to do. Only q works here; nothing is written."""

    CSS_PATH = "damaged.tcss"

    def compose(self) -> ComposeResult:
        problem: DataFileError | None = getattr(self.app, "data_problem", None)
        with VerticalScroll(id="damaged-scroll"), Vertical(id="damaged-box"):
            yield Static("runmate can't read its data file", id="damaged-title")
            if problem is not None:
                yield Static(Text(visible(friendly_path(problem.path))), id="damaged-path")
                yield Static(Text(visible(f"What is wrong: {problem.problem}.")), id="damaged-problem")
                yield Static(Text(visible(problem.advice)), id="damaged-advice")
            yield Static(
                "Nothing else opens until the file can be read, so nothing can be written over it. Press q to quit.",
                id="damaged-calm",
            )
        yield KeyFooter()
