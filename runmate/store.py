"""The only module that touches TinyDB: atomic writes, a lock shared by processes, schema checks.

Safety rules, all enforced here:
- every write goes to a temporary file in the same folder, is flushed and fsynced, then
  ``os.replace``d over the data file, and the folder is fsynced;
- a lock file beside the data file is held around every read-modify-write, and every
  operation opens a fresh TinyDB (no query cache, no remembered next id) so two processes
  never lose each other's writes;
- the folder is 0700 and every file runmate writes is 0600;
- a file that is not valid runmate data is never written over.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document

from runmate.models import (
    CheckIn,
    JournalEntry,
    PlannedActivity,
    Settings,
    new_id,
    now_iso,
)
from runmate.paths import DATA_FILE_NAME

SCHEMA_VERSION = 1

META = "_meta"
CHECKINS = "checkins"
ACTIVITIES = "activities"
JOURNAL = "journal"
SETTINGS = "settings"
TABLES = (CHECKINS, ACTIVITIES, JOURNAL, SETTINGS)
RECORD_TYPES: dict[str, type] = {CHECKINS: CheckIn, ACTIVITIES: PlannedActivity, JOURNAL: JournalEntry}

LOCK_TIMEOUT = 10.0

R = TypeVar("R")


# --- errors -----------------------------------------------------------------------------------


class StoreError(Exception):
    """A data or I/O problem; the command line exits with status 1."""


class DataFileError(StoreError):
    """The data file is not valid runmate data. It has not been touched."""

    def __init__(self, path: Path, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(self.describe())

    @property
    def advice(self) -> str:
        return (
            "runmate has not changed it. Move it aside (or restore a backup) and start runmate again; "
            "keep the file if you want to recover what is in it."
        )

    def describe(self) -> str:
        return f"The data file {self.path} can't be read: {self.problem}. {self.advice}"


class LockTimeout(StoreError):
    def __init__(self, path: Path):
        self.path = path
        super().__init__(
            f"Another runmate is busy with {path.parent} and did not finish in {LOCK_TIMEOUT:.0f} seconds. "
            "Try again in a moment."
        )


class NotFound(StoreError):
    """No record matches; the command line treats this as a bad argument (status 2)."""


class AmbiguousId(StoreError):
    """An id prefix matches more than one record (status 2)."""


# --- file helpers -----------------------------------------------------------------------------


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


def _tighten(path: Path, mode: int) -> None:
    try:
        current = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return
    if current & ~mode:
        os.chmod(path, mode)


# --- the lock ---------------------------------------------------------------------------------


class _Lock:
    """An exclusive lock on ``runmate.json.lock``; it also holds a write generation number.

    The data file itself is never locked because ``os.replace`` swaps it out.
    """

    def __init__(self, path: Path):
        self.path = path
        self.fd: int | None = None

    def acquire(self, timeout: float = LOCK_TIMEOUT) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + timeout
        try:
            if os.name == "posix":
                import fcntl

                while True:
                    try:
                        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except OSError as exc:
                        if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                            raise
                        if time.monotonic() > deadline:
                            raise LockTimeout(self.path) from None
                        time.sleep(0.01)
            else:  # pragma: no cover - Windows
                import msvcrt

                while True:
                    try:
                        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                        break
                    except OSError:
                        if time.monotonic() > deadline:
                            raise LockTimeout(self.path) from None
                        time.sleep(0.01)
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
        raw = os.read(self.fd, 64)
        try:
            return int(raw.strip() or b"0")
        except ValueError:
            return 0

    def write_generation(self, value: int) -> None:
        assert self.fd is not None
        data = str(value).encode()
        os.lseek(self.fd, 0, os.SEEK_SET)
        os.ftruncate(self.fd, 0)
        os.write(self.fd, data)


# --- TinyDB storage ---------------------------------------------------------------------------


class _SnapshotStorage(Storage):
    """A TinyDB storage over an in-memory snapshot; the Store decides when to read and write disk."""

    def __init__(self, data: dict[str, dict[str, Any]]):
        self.data = data
        self.dirty = False

    def read(self) -> dict[str, dict[str, Any]] | None:
        return self.data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self.data = data
        self.dirty = True


class Tx:
    """One locked read-modify-write. Use the table helpers; changes are written once, at the end."""

    def __init__(self, db: TinyDB):
        self.db = db

    def table(self, name: str):
        return self.db.table(name, cache_size=0)

    def all(self, name: str) -> list[dict[str, Any]]:
        return [dict(doc) for doc in self.table(name).all()]

    def insert(self, name: str, record: dict[str, Any]) -> None:
        self.table(name).insert(record)

    def insert_many(self, name: str, records: Iterable[dict[str, Any]]) -> None:
        self.table(name).insert_multiple(records)

    def _doc_id(self, name: str, record_id: str) -> int | None:
        for doc in self.table(name).all():
            if doc.get("id") == record_id:
                return doc.doc_id
        return None

    def get(self, name: str, record_id: str) -> dict[str, Any] | None:
        for doc in self.table(name).all():
            if doc.get("id") == record_id:
                return dict(doc)
        return None

    def replace(self, name: str, record: dict[str, Any]) -> None:
        doc_id = self._doc_id(name, record["id"])
        if doc_id is None:
            raise NotFound(f"No record with id {record['id'][:8]}.")
        self.table(name).upsert(Document(record, doc_id=doc_id))

    def remove(self, name: str, record_id: str) -> bool:
        doc_id = self._doc_id(name, record_id)
        if doc_id is None:
            return False
        self.table(name).remove(doc_ids=[doc_id])
        return True


# --- the store --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """What the app compares to notice writes from another process."""

    generation: int
    stat: tuple[int, int, int] | None


class Store:
    """runmate's data in one TinyDB JSON file inside ``data_dir``."""

    def __init__(self, data_dir: Path | str):
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / DATA_FILE_NAME
        self.lock_path = self.data_dir / (DATA_FILE_NAME + ".lock")
        self._prepared = False

    # -- folder, permissions, reading ----------------------------------------------------------

    def _prepare(self) -> None:
        if self._prepared:
            return
        self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        _tighten(self.data_dir, 0o700)
        for path in (self.path, self.lock_path, *self.data_dir.glob(DATA_FILE_NAME + ".*")):
            if path.is_file():
                _tighten(path, 0o600)
        self._prepared = True

    @contextlib.contextmanager
    def _locked(self) -> Iterator[_Lock]:
        self._prepare()
        lock = _Lock(self.lock_path)
        lock.acquire()
        try:
            yield lock
        finally:
            lock.release()

    def _read_raw(self) -> dict[str, dict[str, Any]]:
        """Parse and check the data file; raise DataFileError when it is not runmate data."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return self._empty()
        except IsADirectoryError:
            raise DataFileError(self.path, "it is a folder, not a file") from None
        except PermissionError:
            raise DataFileError(self.path, "runmate is not allowed to read it") from None
        return self._check(raw)

    def _check(self, raw: bytes) -> dict[str, dict[str, Any]]:
        if not raw.strip():
            raise DataFileError(self.path, "it is empty")
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError:
            raise DataFileError(self.path, "it is not complete JSON (it may be truncated or damaged)") from None
        if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
            raise DataFileError(self.path, "it is JSON, but not in runmate's shape")
        if not all(isinstance(doc, dict) for table in data.values() for doc in table.values()):
            raise DataFileError(self.path, "it is JSON, but not in runmate's shape")
        version = self._version(data)
        if version > SCHEMA_VERSION:
            raise DataFileError(
                self.path,
                f"it was written by a newer runmate (data version {version}; this runmate knows up to "
                f"{SCHEMA_VERSION}). Update runmate to open it",
            )
        if version == SCHEMA_VERSION:
            self._check_records(data)
        return data

    def _version(self, data: dict[str, Any]) -> int:
        meta = data.get(META)
        if meta is None:
            return 0
        docs = list(meta.values())
        version = docs[0].get("schema") if docs else None
        if not isinstance(version, int) or isinstance(version, bool) or version < 0:
            raise DataFileError(self.path, "its version record is missing or damaged")
        return version

    def _check_records(self, data: dict[str, Any]) -> None:
        for name, cls in RECORD_TYPES.items():
            for doc in data.get(name, {}).values():
                try:
                    record = cls.from_dict(doc)
                except TypeError:
                    raise DataFileError(self.path, f"a record in '{name}' is missing fields") from None
                if not isinstance(record.id, str) or not isinstance(record.date, str):
                    raise DataFileError(self.path, f"a record in '{name}' has a damaged id or date")

    @staticmethod
    def _empty() -> dict[str, dict[str, Any]]:
        return {META: {"1": {"schema": SCHEMA_VERSION}}}

    def _write_raw(self, data: dict[str, dict[str, Any]], lock: _Lock) -> None:
        atomic_write_bytes(self.path, orjson.dumps(data))
        lock.write_generation(lock.read_generation() + 1)

    # -- opening and migrating -----------------------------------------------------------------

    def check(self) -> None:
        """Make sure the data file can be used: readable, current (migrating older files), or absent.

        Raises DataFileError without touching a file that is not runmate data.
        """
        with self._locked() as lock:
            data = self._read_raw()
            if self.path.exists() and self._version(data) < SCHEMA_VERSION:
                self._migrate(data, lock)

    def _migrate(self, data: dict[str, Any], lock: _Lock) -> None:
        version = self._version(data)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = self.data_dir / f"{DATA_FILE_NAME}.v{version}-{stamp}.bak"
        fd = os.open(backup, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out, open(self.path, "rb") as src:
            shutil.copyfileobj(src, out)
            out.flush()
            os.fsync(out.fileno())
        while version < SCHEMA_VERSION:
            data = MIGRATIONS[version](data)
            version += 1
        data[META] = {"1": {"schema": SCHEMA_VERSION}}
        self._check_records(data)
        self._write_raw(data, lock)

    # -- generic operations --------------------------------------------------------------------

    def read(self, fn: Callable[[Tx], R]) -> R:
        """Run ``fn`` on a fresh read of the file, under the lock."""
        with self._locked():
            data = self._current(self._read_raw())
            return fn(Tx(TinyDB(storage=_SnapshotStorage, data=data)))  # type: ignore[arg-type]

    def write(self, fn: Callable[[Tx], R]) -> R:
        """Run ``fn`` as one read-modify-write under the lock; written once if anything changed."""
        with self._locked() as lock:
            data = self._current(self._read_raw())
            db = TinyDB(storage=_SnapshotStorage, data=data)  # type: ignore[arg-type]
            result = fn(Tx(db))
            storage: _SnapshotStorage = db.storage  # type: ignore[assignment]
            if storage.dirty:
                storage.data.setdefault(META, {"1": {"schema": SCHEMA_VERSION}})
                self._write_raw(storage.data, lock)
            return result

    def _current(self, data: dict[str, Any]) -> dict[str, Any]:
        if self._version(data) < SCHEMA_VERSION:
            raise DataFileError(self.path, "it is from an older runmate and has not been updated yet; run runmate again to update it")
        return data

    def change_marker(self) -> Change:
        """A cheap look at whether the file changed, without parsing it (for live refresh)."""
        try:
            generation = int(self.lock_path.read_bytes().strip() or b"0")
        except (FileNotFoundError, ValueError):
            generation = 0
        try:
            st = self.path.stat()
            file_stat: tuple[int, int, int] | None = (st.st_ino, st.st_mtime_ns, st.st_size)
        except FileNotFoundError:
            file_stat = None
        return Change(generation, file_stat)

    # -- check-ins -----------------------------------------------------------------------------

    def checkins(self) -> list[CheckIn]:
        """All check-ins, oldest first."""
        rows = self.read(lambda tx: tx.all(CHECKINS))
        return sorted((CheckIn.from_dict(r) for r in rows), key=lambda c: c.date)

    def checkin_on(self, day: dt.date | str) -> CheckIn | None:
        key = day if isinstance(day, str) else day.isoformat()
        return next((c for c in self.checkins() if c.date == key), None)

    def save_checkin(self, checkin: CheckIn) -> tuple[CheckIn, bool]:
        """Save a check-in, replacing any on the same date. Returns (saved, replaced)."""

        def op(tx: Tx) -> tuple[CheckIn, bool]:
            existing = [r for r in tx.all(CHECKINS) if r["date"] == checkin.date]
            record = CheckIn.from_dict(checkin.to_dict())
            record.updated = now_iso()
            if existing:
                record.id = existing[0]["id"]
                record.created = existing[0].get("created", record.created)
                for extra in existing[1:]:
                    tx.remove(CHECKINS, extra["id"])
                tx.replace(CHECKINS, record.to_dict())
            else:
                tx.insert(CHECKINS, record.to_dict())
            return record, bool(existing)

        return self.write(op)

    def delete_checkin(self, day: dt.date | str) -> bool:
        key = day if isinstance(day, str) else day.isoformat()

        def op(tx: Tx) -> bool:
            found = [r for r in tx.all(CHECKINS) if r["date"] == key]
            for r in found:
                tx.remove(CHECKINS, r["id"])
            return bool(found)

        return self.write(op)

    # -- activities ----------------------------------------------------------------------------

    def activities(self, start: dt.date | None = None, end: dt.date | None = None) -> list[PlannedActivity]:
        """Activities between ``start`` and ``end`` inclusive (all when not given), by date and time."""
        rows = self.read(lambda tx: tx.all(ACTIVITIES))
        items = [PlannedActivity.from_dict(r) for r in rows]
        if start is not None:
            items = [a for a in items if a.date >= start.isoformat()]
        if end is not None:
            items = [a for a in items if a.date <= end.isoformat()]
        return sorted(items, key=lambda a: (a.date, a.time or "99:99", a.created, a.id))

    def add_activity(self, activity: PlannedActivity) -> PlannedActivity:
        self.write(lambda tx: tx.insert(ACTIVITIES, activity.to_dict()))
        return activity

    def add_activities(self, activities: list[PlannedActivity]) -> None:
        self.write(lambda tx: tx.insert_many(ACTIVITIES, (a.to_dict() for a in activities)))

    def update_activity(self, activity_id: str, change: Callable[[PlannedActivity], None]) -> PlannedActivity:
        """Apply ``change`` to the stored activity under the lock and save it."""

        def op(tx: Tx) -> PlannedActivity:
            row = tx.get(ACTIVITIES, activity_id)
            if row is None:
                raise NotFound(f"No planned activity with id {activity_id[:8]}.")
            item = PlannedActivity.from_dict(row)
            change(item)
            item.updated = now_iso()
            tx.replace(ACTIVITIES, item.to_dict())
            return item

        return self.write(op)

    def delete_activity(self, activity_id: str) -> bool:
        return self.write(lambda tx: tx.remove(ACTIVITIES, activity_id))

    def replace_activities(self, remove_ids: Iterable[str], add: list[PlannedActivity]) -> None:
        """Remove some activities and add others in one write."""
        ids = list(remove_ids)

        def op(tx: Tx) -> None:
            for record_id in ids:
                tx.remove(ACTIVITIES, record_id)
            if add:
                tx.insert_many(ACTIVITIES, (a.to_dict() for a in add))

        self.write(op)

    # -- journal -------------------------------------------------------------------------------

    def journal(self) -> list[JournalEntry]:
        rows = self.read(lambda tx: tx.all(JOURNAL))
        return sorted((JournalEntry.from_dict(r) for r in rows), key=lambda e: (e.date, e.created))

    def save_journal(self, entry: JournalEntry) -> JournalEntry:
        """Insert a new entry, or replace the one with the same id."""

        def op(tx: Tx) -> JournalEntry:
            entry.updated = now_iso()
            if tx.get(JOURNAL, entry.id) is None:
                tx.insert(JOURNAL, entry.to_dict())
            else:
                tx.replace(JOURNAL, entry.to_dict())
            return entry

        return self.write(op)

    def delete_journal(self, entry_id: str) -> bool:
        return self.write(lambda tx: tx.remove(JOURNAL, entry_id))

    # -- settings ------------------------------------------------------------------------------

    def settings(self) -> Settings:
        rows = self.read(lambda tx: tx.all(SETTINGS))
        return Settings.from_dict(rows[0]) if rows else Settings()

    def save_settings(self, settings: Settings) -> Settings:
        def op(tx: Tx) -> Settings:
            tx.table(SETTINGS).truncate()
            tx.insert(SETTINGS, settings.to_dict())
            return settings

        return self.write(op)

    def update_settings(self, change: Callable[[Settings], None]) -> Settings:
        """Change settings under the lock, so a concurrent change to another field is kept."""

        def op(tx: Tx) -> Settings:
            rows = tx.all(SETTINGS)
            current = Settings.from_dict(rows[0]) if rows else Settings()
            change(current)
            tx.table(SETTINGS).truncate()
            tx.insert(SETTINGS, current.to_dict())
            return current

        return self.write(op)

    # -- ids -----------------------------------------------------------------------------------

    def resolve_id(self, table: str, prefix: str) -> str:
        """The full id of the one record in ``table`` whose id starts with ``prefix``."""
        wanted = prefix.strip().lower()
        if len(wanted) < 1:
            raise NotFound("An id is needed.")
        ids = self.read(lambda tx: [r["id"] for r in tx.all(table)])
        matches = [i for i in ids if i.startswith(wanted)]
        if not matches:
            raise NotFound(f"No record has an id starting with '{prefix}'.")
        if len(matches) > 1:
            raise AmbiguousId(f"More than one record has an id starting with '{prefix}'; give a few more characters.")
        return matches[0]

    def is_empty(self) -> bool:
        """True when there are no check-ins, activities or journal entries."""
        return self.read(lambda tx: not any(tx.all(name) for name in (CHECKINS, ACTIVITIES, JOURNAL)))


# --- migrations -------------------------------------------------------------------------------


def _migrate_0_to_1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 0: a plain TinyDB file without a meta record and whose records may lack ids."""
    for name in (CHECKINS, ACTIVITIES, JOURNAL):
        for doc in data.get(name, {}).values():
            doc.setdefault("id", new_id())
            stamp = now_iso()
            doc.setdefault("created", stamp)
            doc.setdefault("updated", stamp)
    return data


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _migrate_0_to_1}
