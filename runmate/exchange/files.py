"""Where exports go: files readable by you only (0600), written whole or not at all, and folders
made readable by you only (0700). A folder that already exists keeps its permissions."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from pathlib import Path

from runmate.files import atomic_write_bytes


def make_folder(folder: Path) -> Path:
    """Make ``folder`` (and missing parents) 0700; an existing folder is left as it is."""
    if not folder.is_dir():
        folder.mkdir(parents=True, mode=0o700)
        os.chmod(folder, 0o700)
    return folder


def write_private(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` (replacing what was there) as a 0600 file, in one step; a named
    pipe or a device there is written into instead, never replaced."""
    if is_stream(path):
        write_into(path, data)
        return path
    if path.parent != Path() and not path.parent.is_dir():
        make_folder(path.parent)
    atomic_write_bytes(path, data)  # a temporary file made 0600, then renamed over ``path``
    return path


def new_dated_name(base: Path, stem: str, today: dt.date, suffix: str = "") -> Path:
    """A name under ``base`` nothing has yet: STEM-2026-03-14SUFFIX (then -2, -3... if taken)."""
    candidate = base / f"{stem}-{today.isoformat()}{suffix}"
    n = 1
    while candidate.exists():
        n += 1
        candidate = base / f"{stem}-{today.isoformat()}-{n}{suffix}"
    return candidate


def dated_folder(base: Path, today: dt.date) -> Path:
    """A new folder name under ``base``: runmate-export-2026-03-14 (then -2, -3... if taken)."""
    return new_dated_name(base, "runmate-export", today)


class OutputRefused(ValueError):
    """An export may not go where it was asked to; the message says why, in words."""


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or anywhere inside it, links followed on both sides."""
    where, home = path.expanduser().resolve(), folder.expanduser().resolve()
    return where == home or home in where.parents


# Names of an open file of this process: written through that file, never replaced.
_FD_NAMES = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}
_FD_PATH = re.compile(r"/(?:dev/fd|proc/self/fd)/([0-9]{1,6})")


def open_file_number(text: str) -> int | None:
    """The file descriptor an output name stands for (``/dev/stdout`` 1, ``/dev/fd/3`` 3), or None."""
    if text in _FD_NAMES:
        return _FD_NAMES[text]
    m = _FD_PATH.fullmatch(text)
    return int(m.group(1)) if m else None


def is_stream(path: Path) -> bool:
    """Whether ``path`` (links followed) is a named pipe or a character device (a terminal, /dev/null):
    something an export is written into, never replaced by a file."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)


def check_output(path: Path) -> None:
    """Refuse an existing ``path`` an export can neither write into nor replace (a socket, a disk)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    if stat.S_ISBLK(mode) or stat.S_ISSOCK(mode):
        raise OutputRefused(f"{path} is a disk or a socket, not a file; give a file or a folder")


def write_into(path: Path, data: bytes) -> None:
    """Write ``data`` into the pipe or device at ``path`` (a reader of a pipe is waited for)."""
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    try:
        write_all(fd, data)
    finally:
        os.close(fd)


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
