"""The only module that touches TinyDB: atomic writes, a lock shared by processes, schema checks.

Safety rules, all enforced here:
- every write goes to a temporary file in the same folder, is flushed and fsynced, then
  ``os.replace``d over the data file, and the folder is fsynced;
- a lock file beside the data file is held around every read-modify-write, and every
  operation works on a fresh TinyDB (no query cache, no remembered next id) so two processes
  never lose each other's writes;
- the lock file also holds a generation number that every write bumps *before* it replaces
  the data file; a Store keeps the data it last read or wrote, keyed by that number and the
  data file's identity, and parses the file again only when either changed. Reads get that
  data behind a read-only storage; writes get their own fresh copy, so a change that fails
  half-way never reaches the kept data;
- the folder is 0700 and every file runmate writes is 0600;
- a file that is not valid runmate data is never written over. Records are JSON objects whose
  known fields have the types of their dataclass in ``models.py``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import errno
import functools
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from runmate.models import (
    ACTIVITY_KINDS,
    SOURCE_STARTER,
    SOURCE_USER,
    STATUSES,
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
ALL_TYPES: dict[str, type] = {**RECORD_TYPES, SETTINGS: Settings}

LOCK_TIMEOUT = 10.0

R = TypeVar("R")


# --- errors -----------------------------------------------------------------------------------


class StoreError(Exception):
    """A data or I/O problem; the command line exits with status 1."""


class DataFileError(StoreError):
    """The data file is not valid runmate data. It has not been touched."""

    DEFAULT_ADVICE = (
        "runmate has not changed it. Move it aside (or restore a backup) and start runmate again; "
        "keep the file if you want to recover what is in it."
    )

    def __init__(self, path: Path, problem: str, advice: str | None = None):
        self.path = path
        self.problem = problem
        self._advice = advice
        super().__init__(self.describe())

    @property
    def advice(self) -> str:
        return self._advice or self.DEFAULT_ADVICE

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


def _write_new_file(path: Path, data: bytes) -> Path:
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


def _tighten(path: Path, mode: int) -> None:
    try:
        current = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return
    if current & ~mode:
        os.chmod(path, mode)


# --- record shapes ----------------------------------------------------------------------------

_SCALAR_TYPES: dict[str, frozenset[type]] = {
    "str": frozenset({str}),
    "int": frozenset({int}),
    "float": frozenset({int, float}),
    "bool": frozenset({bool}),
    "None": frozenset({type(None)}),
}
_MISSING = object()


@functools.cache
def _shape(cls: type) -> tuple[tuple[tuple[str, frozenset[type]], ...], frozenset[str]]:
    """For a record dataclass: the exact JSON types allowed for each simply-typed field, and the required fields."""
    types: list[tuple[str, frozenset[type]]] = []
    required: set[str] = set()
    for f in dataclasses.fields(cls):
        parts = [p.strip() for p in str(f.type).split("|")]
        if all(p in _SCALAR_TYPES for p in parts):
            types.append((f.name, frozenset().union(*(_SCALAR_TYPES[p] for p in parts))))
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            required.add(f.name)
    if cls in RECORD_TYPES.values():
        required.add("id")
    return tuple(types), frozenset(required)


def _real_date(value: str) -> bool:
    if len(value) != 10:
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def record_problem(table: str, record: Any) -> str | None:
    """What is wrong with ``record`` as a row of ``table``, in words; None when it is fine.

    Types are compared exactly (as JSON gives them), so True is not a number and 7 is not text.
    """
    if type(record) is not dict:
        return f"a record in '{table}' is not an object"
    cls = ALL_TYPES.get(table)
    if cls is None:
        return None
    types, required = _shape(cls)
    if not required <= record.keys():
        return f"a record in '{table}' is missing the field '{sorted(required - record.keys())[0]}'"
    for name, allowed in types:
        value = record.get(name, _MISSING)
        if value is not _MISSING and type(value) not in allowed:
            return f"a record in '{table}' has a damaged '{name}' value"
    if "id" in required and not record["id"]:
        return f"a record in '{table}' has an empty id"
    if "date" in required and not _real_date(record["date"]):
        return f"a record in '{table}' has a date that is not a real date"
    for name, low, high in _RANGES.get(table, ()):
        value = record.get(name)
        if value is not None and not low <= value <= high:
            return f"a record in '{table}' has {name} {value}, outside {low} to {high}"
    for name, allowed in _CHOICES.get(table, ()):
        if name in record and record[name] not in allowed:
            return f"a record in '{table}' has an unknown {name} '{record[name]}'"
    time_of_day = record.get("time") if table == ACTIVITIES else None
    if time_of_day is not None and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", time_of_day):
        return f"a record in '{table}' has a time of day that is not HH:MM"
    return None


# Values that runmate never writes outside these bounds; a file holding them was changed by hand
# or damaged, and is treated like any other damaged file.
_RANGES: dict[str, tuple[tuple[str, float, float], ...]] = {
    CHECKINS: (("mood", 1, 5), ("energy", 1, 5), ("stress", 1, 5), ("sleep_quality", 1, 5), ("sleep_hours", 0, 24)),
    ACTIVITIES: (("minutes", 1, 1440), ("warmup", 0, 60), ("before", 1, 5), ("after", 1, 5), ("actual_minutes", 1, 1440)),
    SETTINGS: (("goal_days", 1, 7),),
}
_CHOICES: dict[str, tuple[tuple[str, Container[str]], ...]] = {
    ACTIVITIES: (("kind", ACTIVITY_KINDS), ("status", STATUSES), ("source", (SOURCE_USER, SOURCE_STARTER))),
}


# --- the lock ---------------------------------------------------------------------------------

_GENERATION_WIDTH = 20


class _Lock:
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
                        if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                            raise
                        if time.monotonic() > deadline:
                            raise LockTimeout(self.path) from None
                        time.sleep(0.005)
            else:  # pragma: no cover - Windows
                import msvcrt

                while True:
                    try:
                        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                        break
                    except OSError:
                        if time.monotonic() > deadline:
                            raise LockTimeout(self.path) from None
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
        return _parse_generation(os.read(self.fd, 64))

    def write_generation(self, value: int) -> None:
        assert self.fd is not None
        data = str(value).rjust(_GENERATION_WIDTH, "0").encode() + b"\n"
        os.lseek(self.fd, 0, os.SEEK_SET)
        os.write(self.fd, data)
        if os.fstat(self.fd).st_size > len(data):
            os.ftruncate(self.fd, len(data))


def _parse_generation(raw: bytes) -> int:
    try:
        return int(raw.strip() or b"0")
    except ValueError:
        return 0


# --- TinyDB storage ---------------------------------------------------------------------------


class _SnapshotStorage(Storage):
    """A TinyDB storage over data in memory; the Store decides when to read and write the disk.

    A read-only storage refuses changes (``Store.read``); a closed one refuses everything, so a
    transaction kept after it ended can't touch data the Store still holds.
    """

    def __init__(self, data: dict[str, dict[str, Any]], read_only: bool = False):
        self.data: dict[str, dict[str, Any]] | None = data
        self.read_only = read_only
        self.dirty = False

    def read(self) -> dict[str, dict[str, Any]] | None:
        if self.data is None:
            raise RuntimeError("This runmate transaction has ended.")
        return self.data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self.data is None:
            raise RuntimeError("This runmate transaction has ended.")
        if self.read_only:
            raise RuntimeError("Store.read() can't change data; use Store.write().")
        self.data = data
        self.dirty = True

    def close(self) -> None:
        self.data = None


class _ReadOnlyTable(Table):
    """A table that refuses every change before touching anything (TinyDB edits in place, then writes)."""

    def _update_table(self, updater):  # type: ignore[no-untyped-def]
        raise RuntimeError("Store.read() can't change data; use Store.write().")


class _ReadOnlyTinyDB(TinyDB):
    table_class = _ReadOnlyTable


class Tx:
    """One locked read (or read-modify-write). Use the table helpers; changes are written once, at the end."""

    def __init__(self, db: TinyDB):
        self.db = db

    def table(self, name: str):
        return self.db.table(name, cache_size=0)

    def _raw(self, name: str) -> dict[str, dict[str, Any]]:
        return self.db.storage.read().get(name, {})  # type: ignore[union-attr]

    def all(self, name: str) -> list[dict[str, Any]]:
        return [dict(doc) for doc in self._raw(name).values()]

    def _checked(self, name: str, record: dict[str, Any], taken: set[str]) -> dict[str, Any]:
        problem = record_problem(name, record)
        if problem:
            raise ValueError(f"Not saved: {problem}.")
        record_id = record.get("id")
        if record_id is not None:
            if record_id in taken:
                raise ValueError(f"Not saved: '{name}' already has a record with id {record_id}.")
            taken.add(record_id)
        return record

    def _ids(self, name: str) -> set[str]:
        return {doc.get("id") for doc in self._raw(name).values()}  # type: ignore[misc]

    def insert(self, name: str, record: dict[str, Any]) -> None:
        self.table(name).insert(self._checked(name, record, self._ids(name)))

    def insert_many(self, name: str, records: Iterable[dict[str, Any]]) -> None:
        taken = self._ids(name)
        self.table(name).insert_multiple([self._checked(name, r, taken) for r in records])

    def _doc_id(self, name: str, record_id: str) -> int | None:
        for key, doc in self._raw(name).items():
            if doc.get("id") == record_id:
                return int(key)
        return None

    def get(self, name: str, record_id: str) -> dict[str, Any] | None:
        for doc in self._raw(name).values():
            if doc.get("id") == record_id:
                return dict(doc)
        return None

    def replace(self, name: str, record: dict[str, Any]) -> None:
        problem = record_problem(name, record)
        if problem:
            raise ValueError(f"Not saved: {problem}.")
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


def _file_identity(path: Path) -> tuple[int, int, int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)


class Store:
    """runmate's data in one TinyDB JSON file inside ``data_dir``."""

    def __init__(self, data_dir: Path | str):
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / DATA_FILE_NAME
        self.lock_path = self.data_dir / (DATA_FILE_NAME + ".lock")
        self._prepared = False
        # (generation, data file identity) -> the checked data last read or written here.
        self._kept: tuple[tuple[int, Any], dict[str, dict[str, Any]]] | None = None

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
        try:
            lock.acquire()
        except FileNotFoundError:  # the folder was removed while runmate was running
            self._prepared = False
            self._prepare()
            lock.acquire()
        try:
            yield lock
        finally:
            lock.release()

    def _read_bytes(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return None
        except IsADirectoryError:
            raise DataFileError(self.path, "it is a folder, not a file") from None
        except PermissionError:
            raise DataFileError(self.path, "runmate is not allowed to read it") from None

    def _parse(self, raw: bytes) -> dict[str, dict[str, Any]]:
        """Parse and check the data file's bytes; raise DataFileError when they are not runmate data."""
        if not raw.strip():
            raise DataFileError(self.path, "it is empty")
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError:
            raise DataFileError(self.path, "it is not complete JSON (it may be truncated or damaged)") from None
        if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
            raise DataFileError(self.path, "it is JSON, but not in runmate's shape")
        for table in data.values():
            for key, doc in table.items():
                if not isinstance(doc, dict) or not (key.isascii() and key.isdigit()):
                    raise DataFileError(self.path, "it is JSON, but not in runmate's shape")
        version = self._version(data)
        if version > SCHEMA_VERSION:
            raise DataFileError(
                self.path,
                f"it was written by a newer runmate (data version {version}; this runmate knows up to "
                f"{SCHEMA_VERSION})",
                advice="runmate has not changed it. Update runmate to open it, or use the newer runmate that wrote it.",
            )
        if version == SCHEMA_VERSION:
            self._check_records(data)
        return data

    def _version(self, data: dict[str, Any]) -> int:
        meta = data.get(META)
        if meta is None:
            if not any(name in data for name in TABLES):
                raise DataFileError(self.path, "it is JSON, but holds none of runmate's data")
            return 0
        docs = list(meta.values())
        version = docs[0].get("schema") if docs else None
        if not isinstance(version, int) or isinstance(version, bool) or version < 0:
            raise DataFileError(self.path, "its version record is missing or damaged")
        return version

    def _check_records(self, data: dict[str, Any]) -> None:
        for name in ALL_TYPES:
            ids: set[Any] = set()
            table = data.get(name, {})
            for doc in table.values():
                problem = record_problem(name, doc)
                if problem:
                    raise DataFileError(self.path, problem)
                if name in RECORD_TYPES:
                    if doc["id"] in ids:
                        raise DataFileError(self.path, f"two records in '{name}' share the id {doc['id']}")
                    ids.add(doc["id"])

    @staticmethod
    def _empty() -> dict[str, dict[str, Any]]:
        return {META: {"1": {"schema": SCHEMA_VERSION}}}

    def _key(self, lock: _Lock) -> tuple[int, Any]:
        return (lock.read_generation(), _file_identity(self.path))

    def _load(self, lock: _Lock) -> dict[str, dict[str, Any]]:
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
            data = self._empty()
        else:
            data = self._parse(raw)
            if self._version(data) < SCHEMA_VERSION:
                return self._migrate(raw, data, lock)
        self._kept = (key, data)
        return data

    def _write_data(self, data: dict[str, dict[str, Any]], lock: _Lock) -> None:
        """Replace the data file with ``data``; the generation moves first, so no one trusts stale data."""
        self._kept = None
        payload = orjson.dumps(data)
        lock.write_generation(lock.read_generation() + 1)
        atomic_write_bytes(self.path, payload)
        self._kept = (self._key(lock), data)

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

    def _migrate(self, raw: bytes, data: dict[str, Any], lock: _Lock) -> dict[str, dict[str, Any]]:
        """Bring older data up to SCHEMA_VERSION: checked in memory, then a backup copy, then one write."""
        version = self._version(data)
        original = version
        while version < SCHEMA_VERSION:
            data = MIGRATIONS[version](data)
            version += 1
        data[META] = {"1": {"schema": SCHEMA_VERSION}}
        self._check_records(data)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        _write_new_file(self.data_dir / f"{DATA_FILE_NAME}.v{original}-{stamp}.bak", raw)
        self._write_data(data, lock)
        return data

    # -- generic operations --------------------------------------------------------------------

    def read(self, fn: Callable[[Tx], R]) -> R:
        """Run ``fn`` on the current data under the lock; ``fn`` may look but not change."""
        with self._locked() as lock:
            storage = _SnapshotStorage(self._load(lock), read_only=True)
            try:
                return fn(Tx(_ReadOnlyTinyDB(storage=lambda: storage)))  # type: ignore[arg-type]
            finally:
                storage.close()

    def write(self, fn: Callable[[Tx], R]) -> R:
        """Run ``fn`` as one read-modify-write under the lock; written once if anything changed."""
        with self._locked() as lock:
            working = orjson.loads(orjson.dumps(self._load(lock)))  # a private copy for this change
            storage = _SnapshotStorage(working)
            try:
                result = fn(Tx(TinyDB(storage=lambda: storage)))  # type: ignore[arg-type]
                if storage.dirty:
                    data = storage.data
                    assert data is not None
                    data.setdefault(META, {"1": {"schema": SCHEMA_VERSION}})
                    self._write_data(data, lock)
            finally:
                storage.close()
            return result

    def change_marker(self) -> Change:
        """A cheap look at whether the file changed, without parsing it (for live refresh)."""
        try:
            generation = _parse_generation(self.lock_path.read_bytes())
        except OSError:
            generation = 0
        try:
            st = self.path.stat()
            file_stat: tuple[int, int, int] | None = (st.st_ino, st.st_mtime_ns, st.st_size)
        except OSError:
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
