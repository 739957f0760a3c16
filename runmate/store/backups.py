"""Backups of the data file, kept beside it in the data folder, readable only by you (0600).

- ``runmate.json.v0-000003-20260314-071500.bak``: made before a migration to a newer layout;
  never pruned;
- ``runmate.json.000004-20260314-071500-import.bak`` (``-backup`` when asked for, ``-restore``
  before a restore): the last KEEP of these are kept, older ones are removed when a new one is made.

The six digits (or more) after ``runmate.json.`` count the copies made in this folder: each new
copy gets one more than the highest there. Copies are ordered and pruned by that number, never
by the time in the name, which is local time as the clock said (it can go back: another time
zone, a clock corrected, the hour a daylight-saving change repeats) and is only shown.
Copies named by an older runmate (no number) come first, in the order of their times.

A second backup with the same name gets ``.1``, ``.2``... at the end.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from runmate.files import write_new_file
from runmate.paths import DATA_FILE_NAME

KEEP = 10
REASONS = ("import", "backup", "restore")
ORDER_WIDTH = 6
_ORDER = r"(?:(?P<order>[0-9]{6,18})-)?"
_STAMP = r"(?P<stamp>[0-9]{8}-[0-9]{6})"
_SEQ = r"(?:\.(?P<n>[0-9]{1,4}))?"
_KEPT = re.compile(rf"{re.escape(DATA_FILE_NAME)}\.{_ORDER}{_STAMP}-(?P<reason>{'|'.join(REASONS)})\.bak{_SEQ}")
_MIGRATION = re.compile(rf"{re.escape(DATA_FILE_NAME)}\.v(?P<version>[0-9]{{1,4}})-{_ORDER}{_STAMP}\.bak{_SEQ}")


@dataclass(frozen=True)
class Backup:
    path: Path
    when: dt.datetime
    reason: str  # import, backup, restore or migration
    size: int
    seq: int = 0
    order: int = 0
    """The copy's number in the folder (0 for a copy named by an older runmate)."""

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def pruned(self) -> bool:
        """Whether newer backups push this one out (migration backups are kept for good)."""
        return self.reason != "migration"


def stamp(now: dt.datetime | None = None) -> str:
    return (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")


def _parse(path: Path) -> Backup | None:
    m = _KEPT.fullmatch(path.name)
    reason = m.group("reason") if m else "migration"
    m = m or _MIGRATION.fullmatch(path.name)
    if m is None:
        return None
    try:
        when = dt.datetime.strptime(m.group("stamp"), "%Y%m%d-%H%M%S")
        st = path.lstat()
    except (ValueError, OSError):
        return None
    if not path.is_file() or path.is_symlink():
        return None
    return Backup(path, when, reason, st.st_size, int(m.group("n") or 0), int(m.group("order") or 0))


def _age(b: Backup) -> tuple[int, dt.datetime, int, str]:
    # Numbered copies by their number alone; an older runmate's unnumbered ones before them.
    if b.order:
        return (b.order, dt.datetime.min, b.seq, b.name)
    return (0, b.when, b.seq, b.name)


def list_backups(folder: Path) -> list[Backup]:
    """Every backup in ``folder``, oldest first (in the order they were made)."""
    found = [b for p in folder.glob(DATA_FILE_NAME + ".*.bak*") if (b := _parse(p)) is not None]
    return sorted(found, key=_age)


def next_order(folder: Path) -> str:
    """The number the next copy made in ``folder`` gets: one more than any there, zero-padded."""
    highest = max((b.order for b in list_backups(folder)), default=0)
    return str(highest + 1).rjust(ORDER_WIDTH, "0")


def prune(folder: Path, keep: int = KEEP, spare: Collection[Path] = ()) -> list[Path]:
    """Remove all but the newest ``keep`` backups that are pruned (migration backups stay, and
    so do the copies in ``spare``: the one just made, the one being restored)."""
    pruned = [b for b in list_backups(folder) if b.pruned]
    removed = []
    for old in pruned[: max(0, len(pruned) - keep)]:
        if old.path in spare:
            continue
        with contextlib.suppress(OSError):
            old.path.unlink()
            removed.append(old.path)
    return removed


def save_backup(
    folder: Path, raw: bytes, reason: str, now: dt.datetime | None = None, spare: Collection[Path] = ()
) -> Path:
    """Keep ``raw`` (the data file's bytes) as a new backup, then prune to the newest KEEP (never
    the new copy, nor those in ``spare``). Call it under the data file's lock."""
    if reason not in REASONS:
        raise ValueError(reason)
    path = write_new_file(folder / f"{DATA_FILE_NAME}.{next_order(folder)}-{stamp(now)}-{reason}.bak", raw)
    prune(folder, spare={path, *spare})
    return path


def save_migration_backup(folder: Path, raw: bytes, version: int, now: dt.datetime | None = None) -> Path:
    """Keep ``raw`` as the copy made before a migration from layout ``version`` (never pruned)."""
    return write_new_file(folder / f"{DATA_FILE_NAME}.v{version}-{next_order(folder)}-{stamp(now)}.bak", raw)
