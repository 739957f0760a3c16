"""Edits that never undo someone else's words.

A form remembers the record's fields as it opened on them (its *base*). Saving writes only the
fields the person changed (``changes``), on top of whatever the record holds by then, so a note
saved from the shell meanwhile stays. When a field the person changed was also changed elsewhere
to something else, that is a *clash*: nothing is written until the person chooses whose value
stays. Fields the person did not touch follow the data as it changes underneath (``rebase``).

Pure functions over plain dicts: no Textual, no storage. The store applies an ``Edit`` under its
lock (``Store.edit_checkin``, ``edit_activity``, ``edit_settings``, ``edit_journal``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Clash:
    """One field changed both here and elsewhere since the form opened, to different values."""

    name: str
    base: Any
    mine: Any
    theirs: Any


@dataclass(frozen=True)
class Edit:
    """What a person changed in a form, and what the form showed when it opened.

    ``opened_on`` is the id of the record the form opened on (None: the form opened on nothing,
    a new record). ``keep_mine`` names fields the person chose to write even though they clash.
    """

    changes: Mapping[str, Any]
    base: Mapping[str, Any] = field(default_factory=dict)
    opened_on: str | None = None
    keep_mine: frozenset[str] = frozenset()
    direct: bool = False

    @classmethod
    def direct_change(cls, changes: Mapping[str, Any]) -> Edit:
        """A change that names its fields outright (the command line): it never clashes."""
        return cls(changes=dict(changes), direct=True)

    @classmethod
    def from_form(cls, base: Mapping[str, Any], chosen: Mapping[str, Any], opened_on: str | None = None) -> Edit:
        """The fields of ``chosen`` that differ from ``base``, remembered with ``base``."""
        return cls(changes=changed(base, chosen), base=dict(base), opened_on=opened_on)

    def keeping_mine(self, names: Iterable[str]) -> Edit:
        """The same edit, writing ``names`` even though they were changed elsewhere."""
        return Edit(self.changes, self.base, self.opened_on, self.keep_mine | frozenset(names), self.direct)

    def keeping_theirs(self, names: Iterable[str]) -> Edit:
        """The same edit without ``names``: what was saved elsewhere stays for those."""
        dropped = set(names)
        kept = {k: v for k, v in self.changes.items() if k not in dropped}
        return Edit(kept, self.base, self.opened_on, self.keep_mine - dropped, self.direct)

    def as_new(self) -> Edit:
        """The same edit for a record that is gone: every field the form holds, as a new record."""
        return Edit({**self.base, **self.changes}, {}, None, frozenset(), direct=True)

    def clashes(self, current: Mapping[str, Any] | None) -> list[Clash]:
        """The fields this edit changes that ``current`` changed too, to another value."""
        if self.direct or current is None:
            return []
        return [
            Clash(name, self.base.get(name), mine, current.get(name))
            for name, mine in self.changes.items()
            if name not in self.keep_mine
            and not same(current.get(name), self.base.get(name))
            and not same(current.get(name), mine)
        ]


def same(a: Any, b: Any) -> bool:
    """Equal as values a person would see: 7 and 7.0 are the same; True is not 1."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    return bool(a == b)


def changed(base: Mapping[str, Any], chosen: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of ``chosen`` whose value differs from ``base``."""
    return {name: value for name, value in chosen.items() if not same(value, base.get(name))}


def rebase(
    base: Mapping[str, Any], form: Mapping[str, Any], current: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Let the fields the person has not touched follow ``current``.

    Returns the new form values and the new base: an untouched field (form equals base) takes
    the current value and the base moves with it; a touched field keeps the person's value and
    its old base, so a save still notices that it changed elsewhere too.
    """
    new_form = dict(form)
    new_base = dict(base)
    for name, value in form.items():
        if name in current and same(value, base.get(name)):
            new_form[name] = current[name]
            new_base[name] = current[name]
    return new_form, new_base
