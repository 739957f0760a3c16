"""The lock file beside the data file: one writer at a time, and a write generation number."""

from __future__ import annotations

import errno
import os
import sys
import time
from pathlib import Path

from runmate.store.errors import LockTimeout
from runmate.store.files import UnsafeFile, open_regular, owned_by_someone_else

LOCK_TIMEOUT = 10.0

GENERATION_WIDTH = 20


class Lock:
    """An exclusive lock on ``runmate.json.lock``; it also holds a write generation number.

    The data file itself is never locked because ``os.replace`` swaps it out. The generation
    is written in place at a fixed width, so a reader without the lock never sees it half-written.
    """

    def __init__(self, path: Path, guards: Path | None = None):
        self.path = path
        # The file this lock guards, named when another runmate holds it too long.
        self.guards = guards or path
        self.fd: int | None = None

    def acquire(self, timeout: float | None = None) -> None:
        fd = open_lock_file(self.path)
        deadline = time.monotonic() + (LOCK_TIMEOUT if timeout is None else timeout)
        try:
            if sys.platform != "win32":
                import fcntl

                while True:
                    try:
                        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except OSError as exc:
                        if exc.errno not in (
                            errno.EAGAIN,
                            errno.EACCES,
                            errno.EWOULDBLOCK,
                        ):
                            raise
                        if time.monotonic() > deadline:
                            raise LockTimeout(self.guards, LOCK_TIMEOUT if timeout is None else timeout) from None
                        time.sleep(0.005)
            else:  # pragma: no cover - Windows
                import msvcrt

                while True:
                    try:
                        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                        break
                    except OSError:
                        if time.monotonic() > deadline:
                            raise LockTimeout(self.guards, LOCK_TIMEOUT if timeout is None else timeout) from None
                        time.sleep(0.005)
        except BaseException:
            os.close(fd)
            raise
        self.fd = fd

    def release(self) -> None:
        if self.fd is None:
            return
        fd, self.fd = self.fd, None
        try:
            if sys.platform != "win32":
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_UN)
            else:  # pragma: no cover
                import msvcrt

                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        finally:
            os.close(fd)

    def read_generation(self) -> int:
        assert self.fd is not None
        os.lseek(self.fd, 0, os.SEEK_SET)
        return parse_generation(os.read(self.fd, 64))

    def write_generation(self, value: int) -> None:
        assert self.fd is not None
        data = str(value).rjust(GENERATION_WIDTH, "0").encode() + b"\n"
        os.lseek(self.fd, 0, os.SEEK_SET)
        os.write(self.fd, data)
        if os.fstat(self.fd).st_size > len(data):
            os.ftruncate(self.fd, len(data))


def open_lock_file(path: Path) -> int:
    """Open (or make) the lock file for reading and writing; it must be runmate's own.

    The generation is written into it in place, so it must be a plain file of this user with no
    other name: never a symbolic link (its target would be overwritten), a pipe, a device, a hard
    link to another file, or a file of another user (UnsafeFile; nothing is written).
    """
    fd = open_regular(path, os.O_RDWR | os.O_CREAT)
    try:
        st = os.fstat(fd)
        if st.st_nlink > 1:
            raise UnsafeFile(path, "it has another name too (a hard link), so it is not runmate's own file")
        if owned_by_someone_else(st):
            raise UnsafeFile(path, "it belongs to another user")
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_generation_of(path: Path) -> int:
    """The generation in the lock file at ``path`` without taking the lock (0 when unreadable)."""
    try:
        fd = open_regular(path, os.O_RDONLY)
    except (OSError, UnsafeFile):
        return 0
    try:
        return parse_generation(os.read(fd, 64))
    except OSError:
        return 0
    finally:
        os.close(fd)


def parse_generation(raw: bytes) -> int:
    try:
        return int(raw.strip() or b"0")
    except ValueError:
        return 0
