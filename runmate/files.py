"""Durable file writes: a crash leaves the old file or the new one, never a mix."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from pathlib import Path


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _full_fsync(fd: int) -> None:
    if sys.platform == "darwin":
        import fcntl

        with contextlib.suppress(OSError):
            fcntl.fcntl(fd, fcntl.F_FULLFSYNC)  # type: ignore[attr-defined]
            return
    os.fsync(fd)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old file or the new one, never a mix."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")  # mkstemp: 0600
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            _full_fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def write_new_file(path: Path, data: bytes) -> Path:
    """Write ``data`` to a new 0600 file at ``path`` (or ``path.1``, ``path.2``... if taken), synced."""
    candidate, n = path, 0
    while True:
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            break
        except FileExistsError:
            n += 1
            candidate = path.with_name(f"{path.name}.{n}")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            _full_fsync(out.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(candidate)
        raise
    _fsync_dir(candidate.parent)
    return candidate


# Open without following a symbolic link (the call fails instead) and without waiting on a named
# pipe or a device; both flags are 0 where the system has no such thing.
O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


class UnsafeFile(Exception):
    """A file runmate would read or write is not a plain file of the user's own; ``problem`` says
    what it is instead. Nothing has been changed."""

    def __init__(self, path: Path, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


def kind_problem(st: os.stat_result) -> str | None:
    """What a non-regular file is, in words ('it is a symbolic link'), or None for a regular file."""
    mode = st.st_mode
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "it is a symbolic link, not a file of runmate's own"
    if stat.S_ISDIR(mode):
        return "it is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "it is a named pipe (FIFO), not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "it is a device, not a file"
    if stat.S_ISSOCK(mode):
        return "it is a socket, not a file"
    return "it is not a regular file"


def owned_by_someone_else(st: os.stat_result) -> bool:
    """True when the file belongs to another user (never on systems without user ids)."""
    geteuid = getattr(os, "geteuid", None)
    return geteuid is not None and st.st_uid != geteuid()


def open_regular(path: Path, flags: int, mode: int = 0o600) -> int:
    """Open ``path`` as a plain file: never through a symbolic link, never blocking on a pipe.

    Raises UnsafeFile (the file is a link, a pipe, a device, a folder...) and lets
    FileNotFoundError and PermissionError through.
    """
    try:
        fd = os.open(path, flags | O_NOFOLLOW | O_NONBLOCK, mode)
    except (FileNotFoundError, PermissionError):
        raise
    except OSError:
        # ELOOP for a link (EMLINK on some systems), ENXIO for a socket, EISDIR for a folder...
        try:
            problem = kind_problem(os.lstat(path))
        except OSError:
            problem = None
        if problem:
            raise UnsafeFile(path, problem) from None
        raise
    try:
        problem = kind_problem(os.fstat(fd))
    except BaseException:
        os.close(fd)
        raise
    if problem:
        os.close(fd)
        raise UnsafeFile(path, problem)
    return fd


def read_regular(path: Path) -> tuple[bytes, os.stat_result] | None:
    """The bytes of the plain file ``path`` and its stat, or None when it does not exist.

    A symbolic link, a named pipe or a device raises UnsafeFile at once: runmate never reads
    through a link and never waits on a pipe.
    """
    try:
        fd = open_regular(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        st = os.fstat(fd)
        chunks = []
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks), st
    finally:
        os.close(fd)


def tighten(path: Path, mode: int) -> None:
    """Take away permissions beyond ``mode`` from a plain file of the user's own.

    A symbolic link is left alone, and so is what it points to; so are pipes, devices, files of
    other users and files with a second name (a hard link): runmate changes the mode only of
    files it could have made itself.
    """
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    if not stat.S_ISREG(st.st_mode) or st.st_nlink != 1 or owned_by_someone_else(st):
        return
    if not stat.S_IMODE(st.st_mode) & ~mode:
        return
    if not hasattr(os, "fchmod"):  # pragma: no cover - Windows
        os.chmod(path, mode)
        return
    try:
        fd = open_regular(path, os.O_RDONLY)
    except (OSError, UnsafeFile):
        return  # unreadable, or swapped for something else meanwhile: reading it will say why
    try:
        now = os.fstat(fd)
        if (now.st_dev, now.st_ino) == (st.st_dev, st.st_ino):
            os.fchmod(fd, mode)
    finally:
        os.close(fd)


def prepare_folder(folder: Path, mode: int) -> bool:
    """Make ``folder`` (and its parents) and take away permissions beyond ``mode``.

    A folder with the sticky bit (shared on purpose, like /tmp) keeps its mode exactly; the
    result is True for such a shared folder, False otherwise.
    """
    folder.mkdir(parents=True, exist_ok=True, mode=mode)
    st = folder.stat()
    if st.st_mode & stat.S_ISVTX:
        return True
    if stat.S_IMODE(st.st_mode) & ~mode:
        os.chmod(folder, mode)
    return False


def file_identity(path: Path) -> tuple[int, int, int, int] | None:
    """Device, inode, modification time and size of ``path``; None when it does not exist."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)
