"""What can go wrong with the data file, as exceptions the screens and the command line understand."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from runmate.edits import Clash


class StoreError(Exception):
    """A data or I/O problem; the command line exits with status 1."""


class DataFileError(StoreError):
    """The data file is not valid runmate data, or a file runmate needs beside it (its lock) is
    not runmate's own. It has not been touched; ``path`` names the file at fault."""

    DEFAULT_ADVICE = (
        "runmate has not changed it. Move it aside (or restore a backup) and start runmate again; "
        "keep the file if you want to recover what is in it."
    )

    def __init__(self, path: Path, problem: str, advice: str | None = None, what: str = "data file"):
        self.path = path
        self.problem = problem
        self._advice = advice
        self.what = what
        super().__init__(self.describe())

    @property
    def advice(self) -> str:
        return self._advice or self.DEFAULT_ADVICE

    def describe(self) -> str:
        verb = "read" if self.what == "data file" else "used"
        return f"The {self.what} {self.path} can't be {verb}: {self.problem}. {self.advice}"


class LockTimeout(StoreError):
    """Another runmate held the lock of the file at ``path`` for longer than ``timeout`` seconds."""

    def __init__(self, path: Path, timeout: float = 10.0):
        self.path = path
        super().__init__(
            f"Another runmate is busy with {path} and did not finish in {timeout:.0f} seconds. Try again in a moment."
        )


class ReadOnlyFolder(StoreError):
    """runmate may read the data folder but not write in it (a read-only mount, no write permission)."""

    def __init__(self, folder: Path):
        self.folder = folder
        super().__init__(
            f"runmate can't write in {folder} (it is read-only, or you may not write there), so nothing "
            "was changed. Reading your data still works."
        )


class NotFound(StoreError):
    """No record matches; the command line treats this as a bad argument (status 2)."""


class AmbiguousId(StoreError):
    """An id prefix matches more than one record (status 2)."""


class NotEmpty(StoreError):
    """The data folder already holds records, so bulk data was not added (status 2)."""


class Conflict(StoreError):
    """Fields the person changed were changed elsewhere too since the form opened; nothing written.

    ``clashes`` says which (``runmate.edits.Clash``); ``current`` is the record as it is now.
    """

    def __init__(self, clashes: list[Clash], current: dict[str, Any]):
        self.clashes = clashes
        self.current = current
        names = ", ".join(c.name for c in clashes)
        super().__init__(f"Changed elsewhere meanwhile: {names}. Nothing was saved.")


class RecordGone(StoreError):
    """The record a form opened on was deleted elsewhere; it is not silently made again."""
