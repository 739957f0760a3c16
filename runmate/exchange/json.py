"""runmate's own JSON export: everything, lossless, ids included, and reading it back for import.

The file is an object: ``runmate_export`` (this layout's version), ``schema`` (the data version of
the records), the lists ``checkins``, ``activities`` and ``journal`` (oldest first) and, when any
were saved, ``settings``. Records are exactly as stored, fields a newer runmate wrote included.
"""

from __future__ import annotations

from typing import Any

import orjson

from runmate.exchange.data import KINDS, Row, Snapshot
from runmate.store import (
    ACTIVITIES,
    JOURNAL,
    META,
    SCHEMA_VERSION,
    SETTINGS,
    SchemaProblem,
    migrate,
    record_problem,
)

LAYOUT = 1
MARK = "runmate_export"


def render(snap: Snapshot) -> bytes:
    doc: dict[str, Any] = {MARK: LAYOUT, "schema": SCHEMA_VERSION}
    for kind in KINDS:
        doc[kind] = snap.rows(kind)
    if snap.settings is not None:
        doc[SETTINGS] = snap.settings
    return orjson.dumps(doc, option=orjson.OPT_INDENT_2) + b"\n"


BOM = b"\xef\xbb\xbf"


def looks_like(raw: bytes) -> bool:
    head = raw.removeprefix(BOM).lstrip()[:4000]
    return head.startswith(b"{") and MARK.encode() in head


class NotAnExport(ValueError):
    """The file is not a runmate export at all; the message says why, in words."""


def parse(raw: bytes) -> tuple[Snapshot, list[str]]:
    """The records of a runmate export, and what is wrong with the ones left out (in words).

    Raises NotAnExport when the file as a whole can't be read as one.
    """
    try:
        doc = orjson.loads(raw.removeprefix(BOM))  # a byte-order mark an editor put there is no part of it
    except orjson.JSONDecodeError as error:
        if "depth" in str(error):
            raise NotAnExport("it nests lists or objects far deeper than a runmate export does") from None
        raise NotAnExport("it is not complete JSON (it may be cut short or damaged)") from None
    if not isinstance(doc, dict) or MARK not in doc:
        raise NotAnExport("it is JSON, but not a runmate export (runmate export --format json makes one)")
    layout, schema = doc.get(MARK), doc.get("schema")
    if type(layout) is not int or type(schema) is not int or schema < 0:
        raise NotAnExport("its version is missing or damaged")
    if layout > LAYOUT or schema > SCHEMA_VERSION:
        raise NotAnExport("it was made by a newer runmate; update runmate to bring it in")
    problems: list[str] = []
    tables: dict[str, dict[str, Any]] = {}
    for name in (*KINDS, SETTINGS):
        value = doc.get(name, [] if name != SETTINGS else None)
        if name == SETTINGS:
            value = [] if value is None else [value]
        if not isinstance(value, list):
            raise NotAnExport(f"its '{name}' is not a list of records")
        tables[name] = {str(i + 1): row for i, row in enumerate(value) if isinstance(row, dict)}
        problems += [
            f"{name}, record {i + 1}: it is not an object" for i, row in enumerate(value) if not isinstance(row, dict)
        ]
    if schema < SCHEMA_VERSION:
        try:
            tables = migrate({**tables, META: {"1": {"schema": schema}}})
        except (SchemaProblem, KeyError, TypeError, AttributeError):
            raise NotAnExport("its records are in an older layout runmate can't read") from None
    snap = Snapshot()
    for name in (*KINDS, SETTINGS):
        seen: set[Any] = set()
        for number, row in tables.get(name, {}).items():
            problem = record_problem(name, row)
            if problem is None and name != SETTINGS and row["id"] in seen:
                problem = "another record in the file has the same id"
            if problem:
                problems.append(f"{name}, record {number}: {problem.removeprefix(f'a record in {name!r} ')}")
                continue
            if name == SETTINGS:
                snap.settings = row
            else:
                seen.add(row["id"])
                snap.rows(name).append(row)
    return _renamed(snap), problems


def _renamed(snap: Snapshot) -> Snapshot:
    """``snap`` with each id outside the documented alphabet and length (``validation.ID_PATTERN``:
    a CR LF, capitals, a space...) replaced by one made from it, the same each time, and each
    reflection's activity id following its activity's."""
    from runmate.validation import is_good_id, renamed_id

    for kind in KINDS:
        rows = snap.rows(kind)
        for index, row in enumerate(rows):
            changes: dict[str, Any] = {}
            if not is_good_id(row["id"]):
                changes["id"] = renamed_id(kind, row["id"])
            linked = row.get("activity_id") if kind == JOURNAL else None
            if isinstance(linked, str) and not is_good_id(linked):
                changes["activity_id"] = renamed_id(ACTIVITIES, linked)
            if changes:
                rows[index] = {**row, **changes}
    return snap


def rows_of(snap: Snapshot) -> list[tuple[str, Row]]:
    return [(kind, row) for kind in KINDS for row in snap.rows(kind)]
