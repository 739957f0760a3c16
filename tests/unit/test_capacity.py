"""The size runmate is built for (50 years, 100,000 reflections): an import that would go past it
says so before writing anything, and files far past it are refused before they are read in full."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from runmate import validation
from runmate.cli import main
from runmate.exchange import daylio, gpx
from runmate.models import JournalEntry
from runmate.store import Store
from tests.unit.exchange_data import sample
from tests.unit.test_import_daylio import FILE
from tests.unit.test_import_gpx import START, points, track
from tests.unit.test_import_gpx import gpx as gpx_text


def run(data_dir: Path, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--data-dir", str(data_dir), "import", *argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _folder(data_dir: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(data_dir.iterdir())}


@pytest.mark.parametrize("dry_run", [False, True])
def test_an_import_past_the_size_runmate_is_built_for_writes_nothing(data_dir, tmp_path, monkeypatch, dry_run):
    from runmate.exchange import json

    store = Store(data_dir)
    store.add_journal(JournalEntry(date="2026-01-01", text="Already here."))
    monkeypatch.setitem(validation.CAPACITY, "journal", len(sample().journal))  # one short of the file and this
    path = tmp_path / "export.json"
    path.write_bytes(json.render(sample()))
    before = _folder(data_dir)
    code, out, err = run(data_dir, str(path), *(["--dry-run"] if dry_run else []))
    assert code == 2, (out, err)
    assert f"runmate is built for up to {len(sample().journal)} reflections" in err and "nothing was imported" in err
    assert _folder(data_dir) == before  # no records, no backup
    monkeypatch.setitem(validation.CAPACITY, "journal", len(sample().journal) + 1)
    assert run(data_dir, str(path))[0] == 0


def test_a_daylio_file_of_more_rows_than_runmate_is_built_for_is_refused_at_once(data_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(daylio, "MAX_ROWS", 3)
    path = tmp_path / "daylio_export.csv"
    path.write_text(FILE, encoding="utf-8")  # four rows
    code, _, err = run(data_dir, str(path))
    assert code == 2 and "it holds 4 rows, more than the 3" in err
    assert not (data_dir / "runmate.json").exists()


def test_a_gpx_file_larger_than_runmate_reads_is_refused(data_dir, tmp_path, monkeypatch):
    path = tmp_path / "long.gpx"
    path.write_text(gpx_text(track(points(START, 20 * 60))), encoding="utf-8")
    monkeypatch.setattr(gpx, "MAX_BYTES", path.stat().st_size - 1)
    code, _, err = run(data_dir, str(path))
    assert code == 2 and "long.gpx: it is 0 MB; runmate reads GPX files of up to 0 MB" in err
    assert not (data_dir / "runmate.json").exists()
