"""The lock beside the data file: one writer at a time, and a write generation number.

Two locks are taken, in this order, and released together:
- the data folder itself (flock on the folder, where the system can lock a folder): it can't be
  deleted or swapped while it holds the data file, so deleting the lock file while a runmate
  holds it lets no second runmate in;
- the lock file ``runmate.json.lock``, which also holds the write generation (an older runmate
  locks only this file, so both runmates still keep out of each other's way). After taking it,
  runmate checks that the name still leads to the file it locked; if the file was deleted or
  replaced meanwhile, it opens the new one and locks again.

Where the lock file can't be written (a read-only mount, a folder without write permission),
reading still works: the lock file is opened for reading only (or, when there is none, only the
folder is locked), and ``Lock.read_only`` is true so that any write is refused (``ReadOnlyFolder``).

Why runmate's own lock and not a library's (filelock, portalocker): runmate must stay safe when
the lock file is deleted or replaced while a runmate holds it (a cleaner, a sync tool, a person
tidying the folder). filelock 4.3 flocks whatever file the name leads to when it opens it; with
the lock file deleted under a holder, a second ``FileLock`` on the same path makes a new file and
gets the lock at once, so two writers would replace the data file together and one of them would
lose the other's write. It also has no place for the write generation, and no read-only way in
for a folder that can only be read. Those three (the folder lock with the identity check, the
generation, the read-only path) are what this module adds, in about 200 lines; each path is
tested in ``tests/unit/test_lock.py``.

It uses ``fcntl.flock``, so runmate's store runs where that exists (Linux, macOS and the BSDs).
There is no Windows branch: nothing here could test one.
"""

from __future__ import annotations

import errno
import fcntl
import os
import time
from pathlib import Path

from runmate.files import UnsafeFile, open_regular, owned_by_someone_else
from runmate.store.errors import LockTimeout

LOCK_TIMEOUT = 10.0

GENERATION_WIDTH = 20

_BUSY = (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK)
# Opening the lock file for writing fails this way on a read-only mount or without write permission.
_NOT_WRITABLE = (errno.EROFS, errno.EACCES, errno.EPERM)


class Lock:
    """An exclusive lock on the data folder and ``runmate.json.lock``; the file also holds a write
    generation number.

    The data file itself is never locked because ``os.replace`` swaps it out. The generation
    is written in place at a fixed width, so a reader without the lock never sees it half-written.
    """

    def __init__(self, path: Path, guards: Path | None = None):
        self.path = path
        # The file this lock guards, named when another runmate holds it too long.
        self.guards = guards or path
        self.fd: int | None = None
        self.folder_fd: int | None = None
        self.read_only = False
        """True when the lock file could be opened for reading only: reads work, writes are refused."""
        self._held = False

    def acquire(self, timeout: float | None = None) -> None:
        limit = LOCK_TIMEOUT if timeout is None else timeout
        deadline = time.monotonic() + limit
        folder_fd = self._lock_folder(deadline, limit)
        try:
            self.fd, self.read_only = self._lock_file(deadline, limit)
        except BaseException:
            if folder_fd is not None:
                os.close(folder_fd)  # closing it lets go of its lock
            raise
        self.folder_fd = folder_fd
        self._held = True

    def _lock_folder(self, deadline: float, limit: float) -> int | None:
        """Lock the data folder; None where a folder can't be opened or locked (the lock file then
        is the only lock, as for an older runmate)."""
        try:
            fd = os.open(self.path.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        except FileNotFoundError:
            raise
        except OSError:
            return None
        try:
            if not _wait_for(fd, deadline):
                raise LockTimeout(self.guards, limit)
        except LockTimeout:
            os.close(fd)
            raise
        except OSError:  # a file system that can't lock a folder (EBADF, ENOTSUP, ENOLCK...)
            os.close(fd)
            return None
        except BaseException:
            os.close(fd)
            raise
        return fd

    def _lock_file(self, deadline: float, limit: float) -> tuple[int | None, bool]:
        """Open and lock the lock file; again when its name no longer leads to the file locked."""
        while True:
            read_only = False
            try:
                fd = open_lock_file(self.path)
            except OSError as exc:
                if exc.errno not in _NOT_WRITABLE:
                    raise
                read_only = True
                try:
                    fd = open_existing_lock_file(self.path)
                except FileNotFoundError:
                    return None, True  # nothing was ever written here: the folder lock is enough
            try:
                if not _wait_for(fd, deadline):
                    raise LockTimeout(self.guards, limit)
                if _still_named(fd, self.path):
                    return fd, read_only
            except BaseException:
                os.close(fd)
                raise
            os.close(fd)  # deleted or replaced while we waited: lock the file the name leads to now

    def release(self) -> None:
        if not self._held:
            return
        self._held = False
        fd, self.fd = self.fd, None
        folder_fd, self.folder_fd = self.folder_fd, None
        try:
            if fd is not None:
                try:
                    fcntl.flock(fd, fcntl.LOCK_UN)
                finally:
                    os.close(fd)
        finally:
            if folder_fd is not None:
                os.close(folder_fd)

    def read_generation(self) -> int:
        assert self._held
        if self.fd is None:
            return 0
        os.lseek(self.fd, 0, os.SEEK_SET)
        return parse_generation(os.read(self.fd, 64))

    def write_generation(self, value: int) -> None:
        assert self.fd is not None and not self.read_only
        data = str(value).rjust(GENERATION_WIDTH, "0").encode() + b"\n"
        os.lseek(self.fd, 0, os.SEEK_SET)
        os.write(self.fd, data)
        if os.fstat(self.fd).st_size > len(data):
            os.ftruncate(self.fd, len(data))


def _wait_for(fd: int, deadline: float) -> bool:
    """flock ``fd`` exclusively, trying until ``deadline``; False when it stayed busy."""
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError as exc:
            if exc.errno not in _BUSY:
                raise
        if time.monotonic() > deadline:
            return False
        time.sleep(0.005)


def _still_named(fd: int, path: Path) -> bool:
    """Whether ``path`` still names the file open as ``fd`` (not deleted, not replaced)."""
    try:
        named = os.lstat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def open_existing_lock_file(path: Path) -> int:
    """Open the lock file for reading only (a read-only folder); it must be runmate's own."""
    fd = open_regular(path, os.O_RDONLY)
    try:
        if owned_by_someone_else(os.fstat(fd)):
            raise UnsafeFile(path, "it belongs to another user")
    except BaseException:
        os.close(fd)
        raise
    return fd


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
