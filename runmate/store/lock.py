"""The lock file beside the data file: one writer at a time, and a write generation number."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

from runmate.store.errors import LockTimeout

LOCK_TIMEOUT = 10.0

GENERATION_WIDTH = 20


class Lock:
    """An exclusive lock on ``runmate.json.lock``; it also holds a write generation number.

    The data file itself is never locked because ``os.replace`` swaps it out. The generation
    is written in place at a fixed width, so a reader without the lock never sees it half-written.
    """

    def __init__(self, path: Path):
        self.path = path
        self.fd: int | None = None

    def acquire(self, timeout: float | None = None) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + (LOCK_TIMEOUT if timeout is None else timeout)
        try:
            if os.name == "posix":
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
                            raise LockTimeout(self.path, LOCK_TIMEOUT if timeout is None else timeout) from None
                        time.sleep(0.005)
            else:  # pragma: no cover - Windows
                import msvcrt

                while True:
                    try:
                        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                        break
                    except OSError:
                        if time.monotonic() > deadline:
                            raise LockTimeout(self.path, LOCK_TIMEOUT if timeout is None else timeout) from None
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
            if os.name == "posix":
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


def parse_generation(raw: bytes) -> int:
    try:
        return int(raw.strip() or b"0")
    except ValueError:
        return 0
