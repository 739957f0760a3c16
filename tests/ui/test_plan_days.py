"""The plan's add form and move dialog read a typed day as every command does (models.parse_day):
a weekday is the next one on or after the app's today (a Wednesday here), and today counts."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from textual.widgets import Input, Static
from ui_helpers import open_mode, settle

from runmate.models import PlannedActivity, Settings
from runmate.store import Store


@pytest.fixture
def app_factory(app_factory):
    return partial(app_factory, mode="plan", settings=Settings(welcomed=True))


def shown(app) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query(Static) if w.display)


async def type_day(pilot, text: str) -> None:
    """Empty the dialog's day field and type ``text`` into it, key by key."""
    field = pilot.app.screen.query_one("#f-date", Input)
    field.focus()
    await pilot.press("ctrl+u", *text)


async def test_the_add_form_takes_fri_and_tomorrow(data_dir: Path, app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        for day in ("fri", "tomorrow"):
            await pilot.press("a")
            await settle(pilot)
            app.screen.query_one("#f-minutes", Input).value = "20"  # not what this test is about
            await type_day(pilot, day)
            await pilot.press("enter")
            await settle(pilot)
        assert sorted(a.date for a in Store(data_dir).activities()) == ["2026-11-26", "2026-11-27"]


async def test_the_move_dialog_takes_a_weekday_ahead_of_today(data_dir: Path, app_factory) -> None:
    Store(data_dir).add_activity(PlannedActivity(date="2026-11-25", kind="walk", minutes=30))
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        await pilot.press("m")
        await settle(pilot)
        await type_day(pilot, "someday")
        await pilot.press("enter")
        await settle(pilot)
        assert "Date is today, yesterday, tomorrow, a weekday like 'fri'" in shown(app)
        await type_day(pilot, "Mon")
        await settle(pilot)
        assert "Monday 30 November 2026" in shown(app)  # the next Monday, not this week's
        await pilot.press("enter")
        await settle(pilot)
        assert [a.date for a in Store(data_dir).activities()] == ["2026-11-30"]
