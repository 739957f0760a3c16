"""Where exports go: files readable by you only (0600), written whole or not at all, and folders
made readable by you only (0700). A folder that already exists keeps its permissions."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from runmate.store.files import atomic_write_bytes


def make_folder(folder: Path) -> Path:
    """Make ``folder`` (and missing parents) 0700; an existing folder is left as it is."""
    if not folder.is_dir():
        folder.mkdir(parents=True, mode=0o700)
        os.chmod(folder, 0o700)
    return folder


def write_private(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` (replacing what was there) as a 0600 file, in one step."""
    if path.parent != Path() and not path.parent.is_dir():
        make_folder(path.parent)
    atomic_write_bytes(path, data)  # a temporary file made 0600, then renamed over ``path``
    return path


def dated_folder(base: Path, today: dt.date) -> Path:
    """A new folder name under ``base``: runmate-export-2026-03-14 (then -2, -3... if taken)."""
    candidate = base / f"runmate-export-{today.isoformat()}"
    n = 1
    while candidate.exists():
        n += 1
        candidate = base / f"runmate-export-{today.isoformat()}-{n}"
    return candidate
