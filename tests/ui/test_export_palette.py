"""Export from the command palette: every format into a dated folder in the home folder, written
off the UI thread, with a message saying where."""

from __future__ import annotations

import stat
from pathlib import Path

from ui_helpers import TODAY, settle, until

from runmate.models import CheckIn


async def test_export_from_the_palette_writes_a_dated_folder_and_says_where(app_factory, data_dir):
    app = app_factory()
    app.store.save_checkin(CheckIn(date="2026-11-24", mood=4, note="[bold]not markup[/bold]"))
    folder = Path.home() / f"runmate-export-{TODAY.isoformat()}"
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"export")
        await settle(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: any(n.title == "Exported" for n in app.notifications), "the export message")
        (note,) = [n for n in app.notifications if n.title == "Exported"]
        assert str(folder) in note.message and "readable only by you" in note.message
    assert sorted(p.name for p in folder.iterdir()) == [
        "activities.csv",
        "checkins.csv",
        "journal.csv",
        "runmate.ics",
        "runmate.json",
        "runmate.md",
    ]
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert "[bold]not markup[/bold]" in (folder / "runmate.md").read_text()
