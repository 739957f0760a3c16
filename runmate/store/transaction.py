"""TinyDB over data held in memory, and Tx: the table helpers a locked read or write works with."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from runmate.store.errors import NotFound
from runmate.store.records import record_problem
from runmate.textsafe import visible


class SnapshotStorage(Storage):
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


class ReadOnlyTable(Table):
    """A table that refuses every change before touching anything (TinyDB edits in place, then writes)."""

    def _update_table(self, updater):
        raise RuntimeError("Store.read() can't change data; use Store.write().")


class ReadOnlyTinyDB(TinyDB):
    table_class = ReadOnlyTable


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
            raise NotFound(f"No record with id {visible(record['id'][:8])}.")
        self.table(name).upsert(Document(record, doc_id=doc_id))

    def remove(self, name: str, record_id: str) -> bool:
        doc_id = self._doc_id(name, record_id)
        if doc_id is None:
            return False
        self.table(name).remove(doc_ids=[doc_id])
        return True

    def put_single(self, name: str, record: dict[str, Any]) -> None:
        """Make ``record`` the one record of a single-record table (settings), in its place."""
        problem = record_problem(name, record)
        if problem:
            raise ValueError(f"Not saved: {problem}.")
        keys = sorted(self._raw(name), key=int)
        table = self.table(name)
        if not keys:
            table.insert(record)
            return
        table.upsert(Document(record, doc_id=int(keys[0])))
        if len(keys) > 1:
            table.remove(doc_ids=[int(k) for k in keys[1:]])
