"""What a valid record looks like: field types as in models.py, required fields, bounds and choices."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Container
from typing import Any

from runmate.models import (
    ACTIVITY_KINDS,
    DATE_RANGE_TEXT,
    FIELD_BOUNDS,
    SOURCE_STARTER,
    SOURCE_USER,
    STATUSES,
    in_date_range,
)
from runmate.store.schema import ACTIVITIES, ALL_TYPES, RECORD_TYPES
from runmate.textsafe import visible

# How much of a value from the file a message repeats: enough to find it, never a screenful.
SHOWN_CHARS = 40

# How deep a value inside a record may nest lists and objects. runmate's own values nest none; a
# newer runmate's extra fields may nest a little. orjson writes at most 254 levels in all, so a
# deeper value could be read but never saved again.
MAX_NESTING = 32

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


def _date_problem(value: str) -> str | None:
    """Why ``value`` is not a date runmate writes (year-month-day, within DATE_RANGE), or None."""
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return "a date that is not a real date"
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return "a date that is not a real date"
    if not in_date_range(day):
        return f"the date {value}, outside the years runmate keeps ({DATE_RANGE_TEXT})"
    return None


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
    for value in record.values():
        if (type(value) is dict or type(value) is list) and too_deep(value, MAX_NESTING):
            return f"a record in '{table}' holds a value nested more than {MAX_NESTING} levels deep"
    if "id" in required and not record["id"]:
        return f"a record in '{table}' has an empty id"
    if "date" in required:
        problem = _date_problem(record["date"])
        if problem:
            return f"a record in '{table}' has {problem}"
    for name, low, high in _RANGES.get(table, ()):
        value = record.get(name)
        if value is not None and not low <= value <= high:
            return f"a record in '{table}' has {name} {value}, outside {low} to {high}"
    for name, choices in _CHOICES.get(table, ()):
        if name in record and record[name] not in choices:
            return f"a record in '{table}' has an unknown {name} '{visible(record[name], SHOWN_CHARS)}'"
    time_of_day = record.get("time") if table == ACTIVITIES else None
    if time_of_day is not None and not re.fullmatch(r"([01][0-9]|2[0-3]):[0-5][0-9]", time_of_day):
        return f"a record in '{table}' has a time of day that is not HH:MM"
    return None


def too_deep(value: Any, limit: int) -> bool:
    """Whether the list or object ``value`` (one level) nests more than ``limit`` levels deep."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        current, depth = stack.pop()
        if depth > limit:
            return True
        for child in current.values() if type(current) is dict else current:
            if type(child) is dict or type(child) is list:
                stack.append((child, depth + 1))
    return False


# Values that runmate never writes outside these bounds (models.FIELD_BOUNDS); a file holding them
# was changed by hand or damaged, and is treated like any other damaged file.
_RANGES: dict[str, tuple[tuple[str, float, float], ...]] = {
    table: tuple((name, low, high) for name, (low, high) in FIELD_BOUNDS.get(cls.__name__, {}).items())
    for table, cls in ALL_TYPES.items()
}
_CHOICES: dict[str, tuple[tuple[str, Container[str]], ...]] = {
    ACTIVITIES: (
        ("kind", ACTIVITY_KINDS),
        ("status", STATUSES),
        ("source", (SOURCE_USER, SOURCE_STARTER)),
    ),
}


def tables_problem(data: dict[str, Any]) -> str | None:
    """The first thing wrong with the records of current-version ``data``, or None."""
    for name in ALL_TYPES:
        ids: set[Any] = set()
        for doc in data.get(name, {}).values():
            problem = record_problem(name, doc)
            if problem:
                return problem
            if name in RECORD_TYPES:
                if doc["id"] in ids:
                    return f"two records in '{name}' share the id {visible(doc['id'], SHOWN_CHARS)}"
                ids.add(doc["id"])
    return None
