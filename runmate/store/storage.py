"""RunmateStorage: TinyDB's Storage for runmate's data file, one per locked operation.

TinyDB asks a storage for the whole data (``read``) and hands it back whole after each change of a
table (``write``). This one reads through ``DataFile.load`` (the file read fresh under the lock:
a regular file of this user, never through a link, checked record by record unless it holds the
very bytes this runmate wrote; a file that is not runmate data raises DataFileError and is never
written over) and writes through ``DataFile.save`` (a temporary file in the same folder, fsynced,
``os.replace``d over the data file, the folder fsynced, all under the lock).

Two choices differ from TinyDB's own ``JSONStorage``, on purpose:
- ``write`` keeps the data and ``commit`` writes it once, when the operation ends without an
  error. An operation makes several table changes (a save that also removes a duplicate, an
  import of thousands of records): written one by one, a crash or a check that fails half-way
  would leave half of them on disk. Here an operation is all or nothing, and costs one write.
- the data is not parsed again for each operation: ``DataFile`` keeps what it last read or wrote,
  keyed by the generation number in the lock file, which every writer bumps before it replaces
  the file. TinyDB has no notion of this; without it every save would parse ten years of data
  before writing them, doubling its cost.

A storage of a read (``writable=False``) refuses every write, and one whose operation ended
refuses everything, so a TinyDB kept after its operation can't touch data the DataFile keeps.
"""

from __future__ import annotations

from typing import Any, Protocol

from tinydb.storages import Storage

from runmate.store.lock import Lock

Data = dict[str, dict[str, Any]]


class DataFileLike(Protocol):
    """What the storage needs of ``DataFile`` (named here, so this module does not import it)."""

    def load(self, lock: Lock) -> Data: ...

    def save(self, data: Data, lock: Lock, *, backup: str | None = None) -> None: ...


class RunmateStorage(Storage):
    def __init__(self, file: DataFileLike, lock: Lock, *, writable: bool) -> None:
        self._file = file
        self._lock = lock
        self.writable = writable
        self._data: Data | None = None
        self._ended = False
        self.dirty = False
        """True once TinyDB wrote a change: ``commit`` will write the file."""

    def _open(self) -> None:
        if self._ended:
            raise RuntimeError("This runmate transaction has ended.")

    def read(self) -> Data:
        self._open()
        if self._data is None:
            self._data = self._file.load(self._lock)
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._open()
        if not self.writable:
            raise RuntimeError("Store.read() can't change data; use Store.write().")
        self._data = data
        self.dirty = True

    def commit(self, *, backup: str | None = None) -> None:
        """Write the changed data to the file, in one atomic write (nothing when nothing changed)."""
        self._open()
        if self.dirty:
            assert self._data is not None
            self._file.save(self._data, self._lock, backup=backup)
            self.dirty = False

    def close(self) -> None:
        self._ended = True
        self._data = None
