"""Export: the store's records (narrowed by dates and kind) in one format, to files or as bytes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from runmate.exchange import csv, ics, json, md
from runmate.exchange.data import KINDS, Snapshot, snapshot
from runmate.exchange.files import dated_folder, make_folder, write_private

if TYPE_CHECKING:
    from runmate.store import Store

SINGLE_NAMES = {"json": "runmate.json", "md": "runmate.md", "ics": "runmate.ics"}


def render(fmt: str, snap: Snapshot, *, bom: bool = False, kind: str | None = None) -> bytes:
    """The bytes of one file: json, md or ics of the whole snapshot, or csv of ``kind`` (its header
    alone when it has no rows), else of the snapshot's one non-empty kind."""
    if fmt == "json":
        return json.render(snap)
    if fmt == "md":
        return md.render(snap)
    if fmt == "ics":
        return ics.render(snap)
    if fmt == "csv":
        if kind is not None:
            return csv.render(kind, snap.rows(kind), bom=bom)
        kinds = [k for k in KINDS if snap.rows(k)] or [KINDS[0]]
        return csv.render(kinds[0], snap.rows(kinds[0]), bom=bom)
    raise ValueError(f"unknown format {fmt}")


def write_csv_folder(snap: Snapshot, folder: Path, kinds: tuple[str, ...] = KINDS) -> list[Path]:
    """One CSV file a kind in ``folder`` (made 0700 when missing)."""
    make_folder(folder)
    return [write_private(folder / csv.FILE_NAMES[kind], csv.render(kind, snap.rows(kind), bom=True)) for kind in kinds]


@dataclass(frozen=True)
class Exported:
    folder: Path
    files: list[Path]
    records: int


def export_everything(store: Store, base: Path, today: dt.date) -> Exported:
    """Every format into a new dated folder under ``base`` (the app's export)."""
    snap = snapshot(store)
    folder = make_folder(dated_folder(base, today))
    files = [write_private(folder / SINGLE_NAMES[fmt], render(fmt, snap)) for fmt in ("json", "ics")]
    # The diary ends today: sessions still to come are plans, not days lived.
    files.insert(1, write_private(folder / SINGLE_NAMES["md"], render("md", snap.narrowed(None, today, None))))
    files += write_csv_folder(snap, folder)
    return Exported(folder, files, snap.count())
