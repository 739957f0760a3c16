"""What the command line and every command module share: the context a handler gets, the usage
error, the exit statuses and the parser class. No Textual and no store at import time (the store
opens on first use).

Everything printed goes through ``Context.say`` or ``complain``, which show control characters
and escape sequences from notes, names, paths and echoed input as visible escapes (``textsafe``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from runmate.paths import shared_folder_note
from runmate.textsafe import visible

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A bad argument or value found after parsing (status 2, nothing written)."""


class BadArguments(Exception):
    """argparse found the arguments wrong; ``parser`` is the (sub)command's parser."""

    def __init__(self, parser: argparse.ArgumentParser, message: str):
        self.parser = parser
        self.message = message
        super().__init__(message)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors come back to ``main`` (one escaped line there, status 2)."""

    def error(self, message: str):
        raise BadArguments(self, message)


def refuse_empty(args: argparse.Namespace, advice: dict[str, str] | None = None, **options: str) -> None:
    """UsageError (status 2, nothing read or written) when an option was given an empty value:
    ``--date ""`` is a mistake (an unset shell variable, say), never a wish for the default.

    ``options`` maps each argument's dest to the option as typed (``start="--from"``); ``advice``
    gives a message of its own for some options (``--note``: how a note is removed)."""
    for dest, option in options.items():
        value = getattr(args, dest, None)
        if isinstance(value, str) and not value.strip():
            raise UsageError((advice or {}).get(dest) or f"{option} is empty; give a value, or leave it out.")


def complain(err: TextIO, message: str) -> None:
    """Print ``runmate: message`` on ``err``, with anything unsafe in it made visible."""
    print(f"runmate: {visible(message)}", file=err)


@dataclass
class Context:
    """What a command handler gets: the data folder, today's date and where to print."""

    data_dir: Path
    today: dt.date = field(default_factory=dt.date.today)
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    afterwards: list[str] = field(default_factory=list)
    """Lines printed on stderr after the message of a command that failed (where your text is kept)."""
    _store: object | None = None

    @property
    def store(self):
        """The store, its data file checked (and moved to the current layout) on first use."""
        if self._store is None:
            from runmate.store import Store

            store = Store(self.data_dir)
            store.check()
            self._store = store
            if store.shared_folder:
                complain(self.err, shared_folder_note(self.data_dir))
        return self._store

    def unchecked_store(self):
        """The store without reading the data file first: for backups, which must work while the
        data file is damaged (the store checks each copy it restores)."""
        from runmate.store import Store

        store = Store(self.data_dir)
        store.backups()  # prepares the folder
        if store.shared_folder:
            complain(self.err, shared_folder_note(self.data_dir))
        return store

    def say(self, text: str = "") -> None:
        """Print one line; control characters and escape sequences in it are shown as escapes."""
        print(visible(text), file=self.out)


Handler = Callable[[argparse.Namespace, Context], int]
