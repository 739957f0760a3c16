"""What the command line and every command module share: the context a handler gets, the usage
error and the exit statuses. No Textual and no store at import time (the store opens on first use).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A bad argument or value found after parsing (status 2, nothing written)."""


@dataclass
class Context:
    """What a command handler gets: the data folder, today's date and where to print."""

    data_dir: Path
    today: dt.date = field(default_factory=dt.date.today)
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    _store: object | None = None

    @property
    def store(self):
        if self._store is None:
            from runmate.store import Store

            self._store = Store(self.data_dir)
            self._store.check()
        return self._store

    def say(self, text: str = "") -> None:
        print(text, file=self.out)


Handler = Callable[[argparse.Namespace, Context], int]
