"""The summary for the doctor from the command palette: a question about notes (no unless said),
the PDF in the home folder, and a message saying where."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from ui_helpers import TODAY, settle, until

from runmate.models import CheckIn, JournalEntry
from runmate.screens.confirm import ConfirmScreen


@pytest.mark.parametrize(("answer", "with_notes"), [("n", False), ("y", True)])
async def test_the_palette_makes_the_summary_and_asks_about_notes(app_factory, answer, with_notes):
    app = app_factory()
    app.store.save_checkin(CheckIn(date=TODAY.isoformat(), mood=3, note="a quiet walk by the river"))
    app.store.add_journal(JournalEntry(date=TODAY.isoformat(), text="My reflection, kept private unless asked."))
    target = Path.home() / f"runmate-summary-{TODAY.isoformat()}.pdf"
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"doctor")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press(answer)
        await until(
            pilot, lambda: any(n.title == "A summary for your doctor" for n in app.notifications), "the message"
        )
        (note,) = [n for n in app.notifications if n.title == "A summary for your doctor"]
        assert str(target) in note.message and "readable only by you" in note.message
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Days with a check-in: 1 of 28." in text and "not a medical record" in text
    assert ("a quiet walk by the river" in text) == with_notes
    assert ("My reflection, kept private unless asked." in text) == with_notes
    target.unlink()
