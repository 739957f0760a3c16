"""A runmate left open past midnight: every screen moves to the new day by itself, and a form
someone is in the middle of keeps its day. The tests move the app's clock (``today`` given as a
callable) and let the app notice, through its poll or ``check_day``."""

from __future__ import annotations

import datetime as dt

from ui_helpers import TODAY, open_mode, screen_text, settle, until

from runmate.models import CheckIn
from runmate.screens.checkin import CheckInScreen
from runmate.screens.dashboard import DashboardScreen
from runmate.screens.plan import PlanScreen
from runmate.store import Store
from runmate.widgets.entry_list import EntryList
from runmate.widgets.scale import ScalePicker

TOMORROW = TODAY + dt.timedelta(days=1)  # Thursday 26 November 2026
NEXT_MONDAY = dt.date(2026, 11, 30)


class Clock:
    """A clock the test moves on by hand."""

    def __init__(self, day: dt.date) -> None:
        self.day = day

    def __call__(self) -> dt.date:
        return self.day


async def test_the_check_in_moves_to_the_new_day_by_itself(app_factory):
    clock = Clock(TODAY)
    app = app_factory(today=clock, mode="checkin", poll_interval=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_mode(pilot, "checkin")
        assert screen.shown == TODAY and app.sub_title == "Wednesday 25 November"
        clock.day = TOMORROW  # midnight passes; the app's own poll notices
        await until(pilot, lambda: screen.shown == TOMORROW, "the new day")
        await settle(pilot)
        assert app.sub_title == "Thursday 26 November"
        assert "Check-in for Thu 26 Nov · today" in screen_text(app)


async def test_a_check_in_being_filled_in_keeps_its_day(app_factory, data_dir):
    clock = Clock(TODAY)
    app = app_factory(today=clock, mode="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_mode(pilot, "checkin")
        await pilot.press("4")  # mood, and on to energy: a form in the middle of being filled in
        clock.day = TOMORROW
        app.check_day()
        await settle(pilot)
        assert screen.shown == TODAY
        assert screen.query_one("#mood", ScalePicker).value == 4
        assert "Check-in for Wed 25 Nov · yesterday" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert [(c.date, c.mood) for c in Store(data_dir).checkins()] == [(TODAY.isoformat(), 4)]


async def test_the_plan_moves_its_today_and_its_week(app_factory):
    clock = Clock(TODAY)
    app = app_factory(today=clock, mode="plan")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_mode(pilot, "plan")
        assert screen.monday == dt.date(2026, 11, 23)
        clock.day = TOMORROW
        app.check_day()
        await settle(pilot)
        assert screen.data.today == TOMORROW and screen.monday == dt.date(2026, 11, 23)
        assert "Thu 26 Nov  today" in screen_text(app)
        clock.day = NEXT_MONDAY  # the laptop slept over the weekend: a new week
        app.check_day()
        await settle(pilot)
        assert screen.monday == NEXT_MONDAY and screen.data.today == NEXT_MONDAY
        assert "30 Nov to 6 Dec 2026" in screen_text(app)


async def test_a_week_the_person_went_to_stays(app_factory):
    clock = Clock(TODAY)
    app = app_factory(today=clock, mode="plan")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_mode(pilot, "plan")
        await pilot.press("left_square_bracket")  # last week
        await settle(pilot)
        clock.day = NEXT_MONDAY
        app.check_day()
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
        assert screen.monday == dt.date(2026, 11, 16) and screen.data.today == NEXT_MONDAY


async def test_the_journal_and_the_dashboard_follow_and_a_reflection_being_written_keeps_its_day(app_factory):
    clock = Clock(TODAY)
    app = app_factory(today=clock)
    app.store.save_checkin(CheckIn(date=TODAY.isoformat(), mood=4))
    async with app.run_test(size=(120, 36)) as pilot:
        await open_mode(pilot, "dashboard")
        assert "Wednesday 25 November" in screen_text(app)
        journal = await open_mode(pilot, "journal")
        await pilot.press("n")
        await settle(pilot)
        clock.day = TOMORROW
        app.check_day()
        await settle(pilot)
        assert journal.query_one(EntryList).today == TOMORROW
        text = screen_text(app)
        assert "Thursday 26 November" in text  # the header
        assert "Wednesday 25 November" in text  # the reflection being written keeps its day
        await pilot.press("escape")
        await settle(pilot)
        await open_mode(pilot, "dashboard")
        assert isinstance(app.screen, DashboardScreen)
        assert "Thursday 26 November" in screen_text(app)
        assert "No check-in yet today" in screen_text(app)


async def test_the_check_in_shown_again_after_midnight_opens_on_the_new_day(app_factory):
    clock = Clock(TODAY)
    app = app_factory(today=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "checkin")
        await open_mode(pilot, "plan")
        clock.day = TOMORROW
        app.check_day()
        screen = await open_mode(pilot, "checkin")
        assert isinstance(screen, CheckInScreen) and screen.shown == TOMORROW
