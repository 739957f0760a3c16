"""Backups of the data file, kept beside it in the data folder, readable only by you (0600).

- ``runmate.json.v0-20260314-071500.bak``: made before a migration to a newer layout; never pruned;
- ``runmate.json.20260314-071500-import.bak`` (``-backup`` when asked for, ``-restore`` before a
  restore): the last KEEP of these are kept, older ones are removed when a new one is made.

A second backup within the same second gets ``.1``, ``.2``... at the end.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from runmate.paths import DATA_FILE_NAME
from runmate.store.files import write_new_file

KEEP = 10
REASONS = ("import", "backup", "restore")
_STAMP = r"(?P<stamp>[0-9]{8}-[0-9]{6})"
_SEQ = r"(?:\.(?P<n>[0-9]{1,4}))?"
_KEPT = re.compile(rf"{re.escape(DATA_FILE_NAME)}\.{_STAMP}-(?P<reason>{'|'.join(REASONS)})\.bak{_SEQ}")
_MIGRATION = re.compile(rf"{re.escape(DATA_FILE_NAME)}\.v(?P<version>[0-9]{{1,4}})-{_STAMP}\.bak{_SEQ}")


@dataclass(frozen=True)
class Backup:
    path: Path
    when: dt.datetime
    reason: str  # import, backup, restore or migration
    size: int
    seq: int = 0

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
    return Backup(path, when, reason, st.st_size, int(m.group("n") or 0))


def list_backups(folder: Path) -> list[Backup]:
    """Every backup in ``folder``, oldest first."""
    found = [b for p in folder.glob(DATA_FILE_NAME + ".*.bak*") if (b := _parse(p)) is not None]
    return sorted(found, key=lambda b: (b.when, b.seq, b.name))


def prune(folder: Path, keep: int = KEEP) -> list[Path]:
    """Remove all but the newest ``keep`` backups that are pruned (migration backups stay)."""
    pruned = [b for b in list_backups(folder) if b.pruned]
    removed = []
    for old in pruned[: max(0, len(pruned) - keep)]:
        with contextlib.suppress(OSError):
            old.path.unlink()
            removed.append(old.path)
    return removed


def save_backup(folder: Path, raw: bytes, reason: str, now: dt.datetime | None = None) -> Path:
    """Keep ``raw`` (the data file's bytes) as a new backup, then prune to the newest KEEP."""
    if reason not in REASONS:
        raise ValueError(reason)
    path = write_new_file(folder / f"{DATA_FILE_NAME}.{stamp(now)}-{reason}.bak", raw)
    prune(folder)
    return path
