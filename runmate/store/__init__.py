"""runmate's storage: the only code that touches TinyDB and the data file.

Read it a part at a time:
- ``errors``: what can go wrong (a damaged file, a busy lock, an unknown id);
- ``lock``: the lock file beside the data file and its write generation;
- ``schema``: the tables, their record types, the data version and migrations;
- ``records``: what a valid record looks like (types, bounds from ``models``, choices);
- ``storage``: ``RunmateStorage``, TinyDB's Storage for the data file, one per locked operation;
- ``transaction``: ``Tx``, the TinyDB tables of one operation, with runmate's checks on writes;
- ``datafile``: the data file as a whole (checked reads, atomic writes under the lock);
- ``api``: ``Store``, one method per thing runmate reads or changes.

The helpers for files (durable, atomic writes, modes, refusing links) are ``runmate.files``,
shared with the exchange formats and the commands. What the exchange formats use is imported
from here, the store's public API: the table names and record types, the layout version and
its migration, the record check, and ``Tx`` for an import's one locked write.
"""

from runmate import files  # the file helpers the store writes with, as runmate.store.files too
from runmate.store.api import Store
from runmate.store.datafile import Change
from runmate.store.errors import (
    AmbiguousId,
    Conflict,
    DataFileError,
    LockTimeout,
    NotEmpty,
    NotFound,
    ReadOnlyFolder,
    RecordGone,
    StoreError,
)
from runmate.store.records import record_problem
from runmate.store.schema import (
    ACTIVITIES,
    CHECKINS,
    JOURNAL,
    META,
    RECORD_TYPES,
    SCHEMA_VERSION,
    SETTINGS,
    TABLES,
    SchemaProblem,
    migrate,
)
from runmate.store.transaction import Tx

__all__ = [
    "ACTIVITIES",
    "CHECKINS",
    "JOURNAL",
    "META",
    "RECORD_TYPES",
    "SCHEMA_VERSION",
    "SETTINGS",
    "TABLES",
    "AmbiguousId",
    "Change",
    "Conflict",
    "DataFileError",
    "LockTimeout",
    "NotEmpty",
    "NotFound",
    "ReadOnlyFolder",
    "RecordGone",
    "SchemaProblem",
    "Store",
    "StoreError",
    "Tx",
    "files",
    "migrate",
    "record_problem",
]
