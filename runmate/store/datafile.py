"""The data file as a whole: the folder and its modes, the lock, checked reads and atomic writes.

Safety rules, all enforced here:
- every write goes to a temporary file in the same folder, is flushed and fsynced, then
  ``os.replace``d over the data file, and the folder is fsynced (``files.py``);
- a lock file beside the data file is held around every read-modify-write (``lock.py``), and every
  operation works on a fresh TinyDB (no query cache, no remembered next id) so two processes
  never lose each other's writes;
- the lock file also holds a generation number that every write bumps *before* it replaces
  the data file; a DataFile keeps the data it last read or wrote, keyed by that number and the
  data file's identity, and parses the file again only when either changed. Each operation is a
  TinyDB of its own over a ``RunmateStorage`` (``storage.py``); a write that fails half-way
  drops the kept data, so the next operation reads the file again;
- the folder is 0700 and every file runmate writes is 0600, except that a folder with the sticky
  bit (shared on purpose, like /tmp) keeps its mode and ``shared_folder`` says so;
- the folder is runmate's alone: the data file and the lock file are plain files of this user,
  never read or written through a symbolic link, never a pipe or a device (``UnsafeFile``
  becomes a DataFileError naming the file); the mode of a link's target or of another user's
  file is never changed;
- a file that is not valid runmate data is never written over. Records are JSON objects whose
  known fields have the types of their dataclass in ``models.py`` (``records.py``);
- every record is checked whenever the file is read, unless the file holds exactly the bytes this
  runmate version last wrote there (``runmate.json.checked`` holds their SHA-256): those were
  checked record by record as they were changed. Any other bytes (an edit by hand, a restored
  copy, another runmate version's write) are checked in full.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import stat
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import orjson
from tinydb import TinyDB

from runmate import __version__
from runmate.files import (
    UnsafeFile,
    atomic_write_bytes,
    file_identity,
    kind_problem,
    open_regular,
    owned_by_someone_else,
    prepare_folder,
    read_regular,
    tighten,
)
from runmate.paths import DATA_FILE_NAME
from runmate.store.backups import Backup, list_backups, save_backup, save_migration_backup
from runmate.store.errors import DataFileError, NotFound, ReadOnlyFolder
from runmate.store.lock import Lock, read_generation_of
from runmate.store.records import MAX_NESTING, SHOWN_CHARS, tables_problem, too_deep
from runmate.store.schema import (
    ALL_TYPES,
    META,
    SCHEMA_VERSION,
    SchemaProblem,
    data_version,
    empty_data,
    migrate,
)
from runmate.store.storage import RunmateStorage
from runmate.store.transaction import ReadOnlyTinyDB, Tx
from runmate.textsafe import visible

R = TypeVar("R")

UTF8_BOM = b"\xef\xbb\xbf"
NESTED = (
    f"it holds a value nested more than {MAX_NESTING} levels deep, deeper than runmate writes (it "
    "could be read but never saved again)"
)

# How a write fails in a folder on a read-only mount, or one you may not write in.
_NOT_WRITABLE = (errno.EROFS, errno.EACCES, errno.EPERM)


@dataclass(frozen=True)
class Change:
    """What the app compares to notice writes from another process."""

    generation: int
    stat: tuple[int, int, int] | None


class _Step:
    """A locked step in progress on one thread (``DataFile.step``): its lock, and what it will write."""

    def __init__(self, lock: Lock):
        self.lock = lock
        self.data: dict[str, dict[str, Any]] | None = None
        self.backup: str | None = None
        self.broken = False


class DataFile:
    """The data file and its lock: opening, checking, reading and writing it as a whole.

    ``Store`` adds the per-record API on top."""

    def __init__(self, data_dir: Path | str):
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / DATA_FILE_NAME
        self.lock_path = self.data_dir / (DATA_FILE_NAME + ".lock")
        self.checked_path = self.data_dir / (DATA_FILE_NAME + ".checked")
        self._prepared = False
        self.shared_folder = False
        """True when the data folder has the sticky bit (shared on purpose, like /tmp); its mode is
        then left as it is, and the command line and the app say so. Known once the store was used."""
        # (generation, data file identity) -> the checked data last read or written here.
        self._kept: tuple[tuple[int, Any], dict[str, dict[str, Any]]] | None = None
        self._steps = threading.local()

    # -- folder, permissions, reading ----------------------------------------------------------

    def _prepare(self) -> None:
        if self._prepared:
            return
        try:
            self.shared_folder = prepare_folder(self.data_dir, 0o700)
        except (FileExistsError, NotADirectoryError):
            raise self._not_a_folder() from None
        except OSError as exc:
            if exc.errno not in _NOT_WRITABLE or not self.data_dir.is_dir():
                raise
            # A read-only mount, or a folder of yours you may not write in: read it as it is.
            self.shared_folder = bool(self.data_dir.stat().st_mode & stat.S_ISVTX)
        for path in (
            self.path,
            self.lock_path,
            *self.data_dir.glob(DATA_FILE_NAME + ".*"),
        ):
            try:
                tighten(path, 0o600)  # plain files of this user only; links and their targets never
            except OSError as exc:
                if exc.errno not in _NOT_WRITABLE:
                    raise
        self._prepared = True

    def _not_a_folder(self) -> DataFileError:
        """The data folder, or a folder above it, is a file (or something else that is not a folder)."""
        blocker = next((p for p in (self.data_dir, *self.data_dir.parents) if os.path.lexists(p)), self.data_dir)
        problem = kind_problem(os.lstat(blocker)) if os.path.lexists(blocker) else None
        if problem is None or problem == "it is a folder, not a file":
            problem = "it is a file, not a folder"
        if blocker != self.data_dir:
            problem = f"{blocker} is in its way: {problem}"
        return DataFileError(
            self.data_dir,
            problem,
            advice="runmate has not changed it. Give a folder with --data-dir (or RUNMATE_DATA_DIR), or move it aside.",
            what="data folder",
        )

    def _writable(self, lock: Lock) -> None:
        """Refuse a write, before anything is written, when the folder can only be read."""
        if lock.read_only:
            raise ReadOnlyFolder(self.data_dir)

    @contextlib.contextmanager
    def _locked(self, timeout: float | None = None) -> Iterator[Lock]:
        step = self._step_here()
        if step is not None:  # inside a step, which holds the lock already
            yield step.lock
            return
        self._prepare()
        lock = Lock(self.lock_path, guards=self.path)
        try:
            try:
                lock.acquire(timeout)
            except FileNotFoundError:  # the folder was removed while runmate was running
                self._prepared = False
                self._prepare()
                lock.acquire(timeout)
        except UnsafeFile as unsafe:
            raise DataFileError(
                unsafe.path,
                unsafe.problem,
                advice="runmate has not changed it, nor anything it points to. Remove it (runmate makes "
                "its lock file again) and start runmate again.",
                what="lock file",
            ) from None
        try:
            yield lock
        finally:
            lock.release()

    def _read_bytes(self) -> bytes | None:
        try:
            found = read_regular(self.path)
        except UnsafeFile as unsafe:
            advice = None
            if unsafe.problem.startswith("it is a symbolic link"):
                advice = (
                    "runmate has not changed the link or the file it points to. To keep your data in "
                    "that other place, give its folder with --data-dir (or RUNMATE_DATA_DIR) instead of a link."
                )
            raise DataFileError(self.path, unsafe.problem, advice=advice) from None
        except PermissionError:
            raise DataFileError(self.path, "runmate is not allowed to read it") from None
        if found is None:
            return None
        raw, st = found
        if self.shared_folder and owned_by_someone_else(st):
            # In a folder anyone can add files to, a file of someone else's is not your data.
            raise DataFileError(self.path, "it belongs to another user, in a folder other people can write to")
        return raw

    def _parse(self, raw: bytes) -> dict[str, dict[str, Any]]:
        """Parse and check the data file's bytes; raise DataFileError when they are not runmate data."""
        raw = raw.removeprefix(UTF8_BOM)  # an editor may have put one there; JSON has none
        if not raw.strip():
            raise DataFileError(self.path, "it is empty")
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as error:
            if "depth" in str(error):
                raise DataFileError(self.path, NESTED) from None
            raise DataFileError(self.path, "it is not complete JSON (it may be truncated or damaged)") from None
        if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
            raise DataFileError(self.path, "it is JSON, but not in runmate's shape")
        for name, table in data.items():
            numbers: dict[int, str] = {}
            for key, doc in table.items():
                # A record number is digits 0-9; at most 600 of them, which int() reads under any
                # setting of Python's limit on digits (640 at the least).
                if not isinstance(doc, dict) or not re.fullmatch(r"[0-9]{1,600}", key):
                    raise DataFileError(self.path, "it is JSON, but not in runmate's shape")
                # TinyDB numbers records by int(key): "1" and "01" would become one record on
                # the next save, and one of them would be lost.
                number = int(key)
                if number in numbers:
                    raise DataFileError(
                        self.path,
                        f"two records in '{visible(name, SHOWN_CHARS)}' have the same number "
                        f"('{visible(numbers[number], SHOWN_CHARS)}' and '{visible(key, SHOWN_CHARS)}')",
                    )
                numbers[number] = key
        here = self._written_here(raw)
        if not here and any(name not in ALL_TYPES and too_deep(table, MAX_NESTING + 1) for name, table in data.items()):
            raise DataFileError(self.path, NESTED)
        version = self._version(data)
        if version > SCHEMA_VERSION:
            raise DataFileError(
                self.path,
                f"it was written by a newer runmate (data version {version}; this runmate knows up to "
                f"{SCHEMA_VERSION})",
                advice="runmate has not changed it. Update runmate to open it, or use the newer runmate that wrote it.",
            )
        if version == SCHEMA_VERSION and not here:
            self._check_records(data)
        return data

    def _check_records(self, data: dict[str, Any]) -> None:
        problem = tables_problem(data)
        if problem:
            raise DataFileError(self.path, problem)

    def _key(self, lock: Lock) -> tuple[int, Any]:
        return (lock.read_generation(), file_identity(self.path))

    def _load(self, lock: Lock) -> dict[str, dict[str, Any]]:
        """The current, checked data (under the lock): kept data when nothing changed, else the file.

        An older data file is migrated here, in one write after a backup copy. Callers must not
        change what this returns; ``write`` works on a copy.
        """
        key = self._key(lock)
        if self._kept is not None and self._kept[0] == key:
            return self._kept[1]
        self._kept = None
        raw = self._read_bytes()
        if raw is None:
            data = empty_data()
        else:
            data = self._parse(raw)
            if self._version(data) < SCHEMA_VERSION:
                return self._migrate(raw, data, lock)
        self._kept = (key, data)
        return data

    def _write_data(self, data: dict[str, dict[str, Any]], lock: Lock) -> None:
        """Replace the data file with ``data``; the generation moves first, so no one trusts stale data."""
        self._writable(lock)
        self._kept = None
        try:
            payload = orjson.dumps(data)
        except orjson.JSONEncodeError as error:  # checked on read, so never expected here
            raise DataFileError(self.path, f"runmate can't write it back ({error})") from None
        lock.write_generation(lock.read_generation() + 1)
        self._replace(payload)
        self._kept = (self._key(lock), data)
        self._note_written(payload)

    def _replace(self, payload: bytes) -> None:
        """Replace the data file with ``payload`` in one step (``files.atomic_write_bytes``)."""
        try:
            atomic_write_bytes(self.path, payload)
        except OSError as exc:
            if exc.errno in _NOT_WRITABLE:  # the data file is as it was
                raise ReadOnlyFolder(self.data_dir) from None
            raise

    # -- bytes written here --------------------------------------------------------------------

    @staticmethod
    def _fingerprint(raw: bytes) -> bytes:
        return f"runmate {__version__} sha256 {hashlib.sha256(raw).hexdigest()}".encode()

    def _note_written(self, payload: bytes) -> None:
        """Remember that the data file holds ``payload``, whose records were each checked as they
        were changed. A note that is lost or left half-written only means a full check next time,
        so it is written in place, without a sync."""
        with contextlib.suppress(OSError, UnsafeFile):
            fd = open_regular(self.checked_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
            try:
                os.write(fd, self._fingerprint(payload))
            finally:
                os.close(fd)

    def _written_here(self, raw: bytes) -> bool:
        """Whether ``raw`` is exactly what this runmate version last wrote to the data file."""
        try:
            found = read_regular(self.checked_path)
        except (OSError, UnsafeFile):
            return False
        if found is None:
            return False
        note, st = found
        if owned_by_someone_else(st):
            return False
        return note == self._fingerprint(raw)

    # -- opening and migrating -----------------------------------------------------------------

    def check(self) -> None:
        """Make sure the data file can be used: readable, current (migrating older files), or absent.

        Raises DataFileError without touching a file that is not runmate data.
        """
        with self._locked() as lock:
            self._remove_leftovers()
            self._load(lock)

    def _remove_leftovers(self) -> None:
        """Delete temporary files left by a writer that crashed; only a lock holder makes them."""
        for leftover in self.data_dir.glob(f".{DATA_FILE_NAME}.*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()

    def _migrate(self, raw: bytes, data: dict[str, Any], lock: Lock) -> dict[str, dict[str, Any]]:
        """Bring older data up to SCHEMA_VERSION: checked in memory, then a backup copy, then one write."""
        self._writable(lock)
        original = self._version(data)
        data = migrate(data)
        self._check_records(data)
        save_migration_backup(self.data_dir, raw, original)
        self._write_data(data, lock)
        return data

    def _check_any_layout(self, raw: bytes) -> None:
        """Check ``raw`` as the data file would be checked when opened, older layouts included:
        moved to the current layout in memory, every record checked (nothing is written)."""
        data = self._parse(raw)
        if self._version(data) == SCHEMA_VERSION:
            return
        try:
            current = migrate(data)
        except SchemaProblem as problem:
            raise DataFileError(self.path, str(problem)) from None
        except (KeyError, TypeError, AttributeError, ValueError):
            raise DataFileError(self.path, "its records are in an older layout runmate can't read") from None
        self._check_records(current)

    def _version(self, data: dict[str, Any]) -> int:
        try:
            return data_version(data)
        except SchemaProblem as problem:
            raise DataFileError(self.path, str(problem)) from None

    # -- generic operations --------------------------------------------------------------------

    def read(self, fn: Callable[[Tx], R], *, timeout: float | None = None) -> R:
        """Run ``fn`` on the current data under the lock; ``fn`` may look but not change.

        ``timeout``: how long to wait for another runmate holding the lock (LockTimeout after it;
        ``lock.LOCK_TIMEOUT`` when not given)."""
        with self._locked(timeout) as lock, ReadOnlyTinyDB(self, lock, writable=False, storage=RunmateStorage) as db:
            return fn(Tx(db))

    def write(self, fn: Callable[[Tx], R], *, backup: str | None = None) -> R:
        """Run ``fn`` as one read-modify-write under the lock; written once, when ``fn`` returns,
        if anything changed: all of it or, when ``fn`` raises, none of it.

        With ``backup`` (a reason in ``backups.REASONS``, such as "import"), a copy of the data file
        as it was is kept first, and only when something changes (``backups.py``).
        """
        with self._locked() as lock, TinyDB(self, lock, writable=True, storage=RunmateStorage) as db:
            try:
                result = fn(Tx(db))
                storage = db.storage
                assert isinstance(storage, RunmateStorage)
                storage.commit(backup=backup)
            except BaseException:
                # TinyDB changes the data it read in place: what this DataFile keeps may now hold
                # changes that were never written, so the next operation reads the file again.
                self._kept = None
                step = self._step_here()
                if step is not None:
                    step.broken = True
                raise
            return result

    def _step_here(self) -> _Step | None:
        step: _Step | None = getattr(self._steps, "step", None)
        return step

    @contextlib.contextmanager
    def step(self, timeout: float | None = None) -> Iterator[None]:
        """One locked step: the store's reads and writes inside it (on this thread) share one hold
        of the lock, read each other's changes, and what they change is written once, when the
        step ends. When it ends with an error, or one of its writes failed, nothing is written.

        A form's save is one step: the read, the clash check, the write and what follows it (the
        line back, the safety note marked shown) take the lock once. A step inside a step is the
        outer one. Only the record operations belong in a step (not backups or a restore)."""
        if self._step_here() is not None:
            yield
            return
        with self._locked(timeout) as lock:
            step = _Step(lock)
            self._steps.step = step
            try:
                yield
                if step.broken:
                    raise RuntimeError("A change in this runmate step failed, so nothing of it was written.")
                if step.data is not None:
                    self._save_now(step.data, lock, step.backup)
            except BaseException:
                self._kept = None
                raise
            finally:
                self._steps.step = None

    def load(self, lock: Lock) -> dict[str, dict[str, Any]]:
        """For ``RunmateStorage.read``: the current, checked data (``_load``)."""
        return self._load(lock)

    def save(self, data: dict[str, dict[str, Any]], lock: Lock, *, backup: str | None = None) -> None:
        """For ``RunmateStorage.commit``: replace the data file with ``data`` under the lock, after a
        backup copy of the file as it was when ``backup`` (a reason) is given. Inside a ``step``,
        the data is kept (as the data of this DataFile, where the step's next reads find it) and
        written when the step ends."""
        step = self._step_here()
        if step is not None:
            step.data = data
            step.backup = step.backup or backup
            return
        self._save_now(data, lock, backup)

    def _save_now(self, data: dict[str, dict[str, Any]], lock: Lock, backup: str | None) -> None:
        data.setdefault(META, empty_data()[META])
        self._writable(lock)
        if backup is not None:
            self._keep_copy(backup)
        self._write_data(data, lock)

    # -- backups -------------------------------------------------------------------------------

    def _keep_copy(self, reason: str, spare: tuple[Path, ...] = ()) -> Path | None:
        """Under the lock: keep the data file as it is now as a backup (None when there is no file).

        Pruning never removes the copy just made, nor those in ``spare``."""
        raw = self._read_bytes()
        if raw is None:
            return None
        try:
            return save_backup(self.data_dir, raw, reason, spare=spare)
        except OSError as exc:
            if exc.errno in _NOT_WRITABLE:
                raise ReadOnlyFolder(self.data_dir) from None
            raise

    def backups(self) -> list[Backup]:
        """The backups beside the data file, oldest first."""
        self._prepare()
        return list_backups(self.data_dir)

    def create_backup(self) -> Path | None:
        """Keep a copy of the data file now; None when there is no data file yet."""
        with self._locked() as lock:
            self._writable(lock)
            return self._keep_copy("backup")

    def restore_backup(self, name: str) -> tuple[Path, Path | None]:
        """Put the backup called ``name`` back as the data file, after keeping the current file as a
        backup too. Returns (the backup restored, the backup of the file it replaced).

        Raises NotFound for a name that is not one of ``backups()`` and DataFileError (naming the
        backup) when it is not runmate data; nothing is changed then.
        """
        with self._locked() as lock:
            chosen = next((b for b in list_backups(self.data_dir) if b.name == name), None)
            if chosen is None:
                raise NotFound(
                    f"There is no backup called '{visible(name, SHOWN_CHARS)}' in {self.data_dir}; "
                    "runmate backup list shows them."
                )
            try:
                found = read_regular(chosen.path)
            except UnsafeFile as unsafe:
                raise DataFileError(chosen.path, unsafe.problem, what="backup") from None
            if found is None:
                raise NotFound(f"The backup {chosen.name} was removed meanwhile.")
            raw = found[0]
            try:
                self._check_any_layout(raw)
            except DataFileError as problem:
                raise DataFileError(
                    chosen.path, problem.problem, advice="runmate has not changed anything.", what="backup"
                ) from None
            self._writable(lock)
            before = self._keep_copy("restore", spare=(chosen.path,))
            self._kept = None
            lock.write_generation(lock.read_generation() + 1)
            self._replace(raw)
            self._note_written(raw)  # checked in full just above (or the very bytes noted before)
            return chosen.path, before

    def change_marker(self) -> Change:
        """A cheap look at whether the file changed, without parsing it (for live refresh)."""
        generation = read_generation_of(self.lock_path)  # never blocks, never follows a link
        try:
            st = self.path.stat()
            file_stat: tuple[int, int, int] | None = (
                st.st_ino,
                st.st_mtime_ns,
                st.st_size,
            )
        except OSError:
            file_stat = None
        return Change(generation, file_stat)
