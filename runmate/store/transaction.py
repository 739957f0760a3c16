"""Tx: one locked read (or read-modify-write), TinyDB tables with runmate's checks on what is written.

Each operation gets a TinyDB of its own over a ``RunmateStorage`` (``storage.py``), made under
the lock and closed with it: no query cache (tables have ``cache_size=0``) and no next document
id outlive the operation, so a write from another runmate is never missed. Records are found
with ``Query`` on their ``id`` (or ``date``) and changed by TinyDB document id.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NoReturn

from tinydb import Query, TinyDB
from tinydb.table import Document, Table

from runmate.store.errors import NotFound
from runmate.store.records import record_problem
from runmate.textsafe import visible

Q = Query()


def _refuse(*_args: Any, **_kwargs: Any) -> NoReturn:
    raise RuntimeError("Store.read() can't change data; use Store.write().")


class ReadOnlyTable(Table):
    """A table of a read: every change is refused before anything is touched (TinyDB changes a
    record's fields in place before it hands the data to the storage, which refuses it too)."""

    insert = insert_multiple = update = update_multiple = upsert = remove = truncate = _refuse


class ReadOnlyTinyDB(TinyDB):
    table_class = ReadOnlyTable


def _checked(name: str, record: dict[str, Any]) -> dict[str, Any]:
    problem = record_problem(name, record)
    if problem:
        raise ValueError(f"Not saved: {problem}.")
    return record


class Tx:
    """One locked read (or read-modify-write); changes are written once, when it ends.

    ``all``, ``get``, ``insert``, ``replace`` and ``remove`` work on records by their ``id``;
    ``table`` is the TinyDB table itself, for queries."""

    def __init__(self, db: TinyDB):
        self.db = db

    def table(self, name: str) -> Table:
        return self.db.table(name, cache_size=0)

    def all(self, name: str) -> list[dict[str, Any]]:
        return [dict(doc) for doc in self.table(name).all()]

    def find(self, name: str, **fields: Any) -> list[Document]:
        """The records of ``name`` whose fields have these values (a TinyDB ``Query.fragment``)."""
        return self.table(name).search(Q.fragment(fields))

    def get(self, name: str, record_id: str) -> dict[str, Any] | None:
        doc = self._doc(name, record_id)
        return dict(doc) if doc is not None else None

    def _doc(self, name: str, record_id: str) -> Document | None:
        found = self.table(name).get(Q.id == record_id)
        assert not isinstance(found, list)
        return found

    def _ids(self, name: str) -> set[Any]:
        return {doc.get("id") for doc in self.table(name)}

    def insert(self, name: str, record: dict[str, Any]) -> None:
        self.insert_many(name, [record])

    def insert_many(self, name: str, records: Iterable[dict[str, Any]]) -> None:
        taken = self._ids(name)
        checked = []
        for record in records:
            _checked(name, record)
            record_id = record.get("id")
            if record_id is not None:
                if record_id in taken:
                    raise ValueError(f"Not saved: '{name}' already has a record with id {record_id}.")
                taken.add(record_id)
            checked.append(record)
        if checked:
            self.table(name).insert_multiple(checked)

    def replace(self, name: str, record: dict[str, Any]) -> None:
        """Write ``record`` over the stored record with its id (fields it lacks stay)."""
        _checked(name, record)
        doc = self._doc(name, record["id"])
        if doc is None:
            raise NotFound(f"No record with id {visible(record['id'][:8])}.")
        self.table(name).update(record, doc_ids=[doc.doc_id])

    def remove(self, name: str, record_id: str) -> bool:
        return bool(self.table(name).remove(Q.id == record_id))

    def remove_docs(self, name: str, docs: Iterable[Document]) -> None:
        doc_ids = [doc.doc_id for doc in docs]
        if doc_ids:
            self.table(name).remove(doc_ids=doc_ids)

    def single(self, name: str) -> dict[str, Any] | None:
        """The record of a single-record table (settings): the one with the lowest document id."""
        docs: list[Document] = self.table(name).all()
        first = min(docs, key=lambda doc: doc.doc_id) if docs else None
        return dict(first) if first is not None else None

    def put_single(self, name: str, record: dict[str, Any]) -> None:
        """Make ``record`` the one record of a single-record table (settings), in its place."""
        _checked(name, record)
        table = self.table(name)
        doc_ids = sorted(doc.doc_id for doc in table.all())
        if not doc_ids:
            table.insert(record)
            return
        table.update(record, doc_ids=doc_ids[:1])
        if len(doc_ids) > 1:
            table.remove(doc_ids=doc_ids[1:])
