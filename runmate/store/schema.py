"""The data file's layout: its tables, the record type of each, its version and the migrations.

Shared by the store and by anything that reads or writes runmate's data in bulk (export, import).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from runmate.models import (
    CheckIn,
    JournalEntry,
    PlannedActivity,
    Settings,
    new_id,
    now_iso,
)

# 2: an activity's minutes may be unknown (null, brought in from another app) and it may have a
# distance_km. Nothing in a version 1 file changes; the number tells an older runmate that the file
# is newer than it is, instead of calling a null minutes damaged.
SCHEMA_VERSION = 2

META = "_meta"
CHECKINS = "checkins"
ACTIVITIES = "activities"
JOURNAL = "journal"
SETTINGS = "settings"
TABLES = (CHECKINS, ACTIVITIES, JOURNAL, SETTINGS)
RECORD_TYPES: dict[str, type] = {
    CHECKINS: CheckIn,
    ACTIVITIES: PlannedActivity,
    JOURNAL: JournalEntry,
}
ALL_TYPES: dict[str, type] = {**RECORD_TYPES, SETTINGS: Settings}


class SchemaProblem(ValueError):
    """The data is not in a shape this runmate can use; the message says why, in words."""


def empty_data() -> dict[str, dict[str, Any]]:
    """A new data file's contents: only the version record."""
    return {META: {"1": {"schema": SCHEMA_VERSION}}}


def data_version(data: dict[str, Any]) -> int:
    """The schema version of parsed data (0 for a plain TinyDB file from before versions)."""
    meta = data.get(META)
    if meta is None:
        if not any(name in data for name in TABLES):
            raise SchemaProblem("it is JSON, but holds none of runmate's data")
        return 0
    docs = list(meta.values())
    version = docs[0].get("schema") if docs and isinstance(docs[0], dict) else None
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise SchemaProblem("its version record is missing or damaged")
    return version


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring parsed data of an older version up to SCHEMA_VERSION (in memory; nothing is written)."""
    version = data_version(data)
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    data[META] = {"1": {"schema": SCHEMA_VERSION}}
    return data


def _migrate_0_to_1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 0: a plain TinyDB file without a meta record and whose records may lack ids."""
    for name in (CHECKINS, ACTIVITIES, JOURNAL):
        for doc in data.get(name, {}).values():
            doc.setdefault("id", new_id())
            stamp = now_iso()
            doc.setdefault("created", stamp)
            doc.setdefault("updated", stamp)
    return data


def _migrate_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 holds no unknown minutes and no distances: its records are already version 2."""
    return data


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _migrate_0_to_1, 1: _migrate_1_to_2}
