"""runmate's storage: the only code that touches TinyDB and the data file.

Read it a part at a time:
- ``errors``: what can go wrong (a damaged file, a busy lock, an unknown id);
- ``files``: durable, atomic file writes and file modes;
- ``lock``: the lock file beside the data file and its write generation;
- ``schema``: the tables, their record types, the data version and migrations;
- ``records``: what a valid record looks like (types, bounds from ``models``, choices);
- ``storage``: ``RunmateStorage``, TinyDB's Storage for the data file, one per locked operation;
- ``transaction``: ``Tx``, the TinyDB tables of one operation, with runmate's checks on writes;
- ``datafile``: the data file as a whole (checked reads, atomic writes under the lock);
- ``api``: ``Store``, one method per thing runmate reads or changes.
"""

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
from runmate.store.schema import (
    ACTIVITIES,
    CHECKINS,
    JOURNAL,
    SCHEMA_VERSION,
    SETTINGS,
    TABLES,
)

__all__ = [
    "ACTIVITIES",
    "CHECKINS",
    "JOURNAL",
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
    "Store",
    "StoreError",
]
