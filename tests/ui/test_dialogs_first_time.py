"""A question opens centred over a dimmed screen the very first time it is shown in a session, in
every theme, with the screen behind it still drawn: the journal's offer after a tick and the
"Changed elsewhere meanwhile" question."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import TODAY, asks, open_mode, screen_text, settle

from runmate.models import CheckIn, PlannedActivity, Settings
from runmate.screens.clash import ClashScreen
from runmate.screens.confirm import ConfirmScreen
from runmate.store import Store

THEMES = ["textual-dark", "textual-light"]


def assert_centred_and_dimmed(app, box_id: str) -> None:
    dialog = app.screen
    box = dialog.query_one(box_id)
    width, height = app.size
    region = box.region
    assert region.x > 0 and region.y > 0, region  # not drawn in the top-left corner
    assert abs((region.x + region.right) - width) <= 1, (region, width)  # centred across
    assert abs((region.y + region.bottom) - height) <= 1, (region, height)  # and down
    background = dialog.styles.background
    assert 0 < background.a < 1, background  # the screen behind shows through, dimmed


@pytest.mark.parametrize("theme", THEMES)
async def test_the_offer_after_a_tick_is_centred_the_first_time(data_dir: Path, app_factory, theme) -> None:
    Store(data_dir).add_activity(PlannedActivity(date=TODAY.isoformat(), kind="walk", minutes=30))
    app = app_factory(settings=Settings(welcomed=True, theme=theme), mode="plan")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_mode(pilot, "plan")
        await pilot.press("space", "enter")  # tick the walk off, skipping the questions
        await asks(pilot, ConfirmScreen)
        await settle(pilot)
        assert "Write a few words about it?" in screen_text(app)
        assert_centred_and_dimmed(app, "#confirm-box")
        assert "This week, 23 Nov to 29 Nov 2026" in screen_text(app)  # the plan behind is still drawn


@pytest.mark.parametrize("theme", THEMES)
async def test_the_clash_question_is_centred_the_first_time(data_dir: Path, app_factory, theme) -> None:
    app = app_factory(settings=Settings(welcomed=True, theme=theme), mode="checkin")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_mode(pilot, "checkin")
        await pilot.press("3", "2")
        Store(data_dir).save_checkin(CheckIn(date=TODAY.isoformat(), mood=5, energy=4))
        await pilot.press("ctrl+s")
        await asks(pilot, ClashScreen)
        await settle(pilot)
        assert "Changed elsewhere meanwhile" in screen_text(app)
        assert_centred_and_dimmed(app, "#confirm-box")
        behind = screen_text(app).splitlines()
        assert any(line.lstrip().startswith("Check-in") for line in behind[:5])  # the form behind is drawn
