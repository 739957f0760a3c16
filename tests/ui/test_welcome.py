"""The first-run welcome's questions: only the answers filled in are saved; skipping saves none."""

from __future__ import annotations

from ui_helpers import settle

from runmate.screens.dashboard import DashboardScreen
from runmate.screens.welcome import WelcomeScreen
from runmate.store import Store


async def test_the_welcome_saves_only_the_answers_filled_in(app_factory, data_dir):
    app = app_factory(welcomed=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("K", "i", "m", "enter")  # the name, then Enter moves to the goal
        await pilot.press("enter")  # the goal left empty: on to the support contact
        await pilot.press("A", "n", "n")
        # Meanwhile another window sets a goal: the welcome leaves the field it was not given alone.
        app.store.update_settings(lambda s: setattr(s, "goal_days", 5))
        await pilot.press("enter")  # on to the country, left empty
        await pilot.press("enter")  # Enter on the last question starts
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.settings.name == "Kim"
    saved = Store(data_dir).settings()
    assert (saved.name, saved.goal_days, saved.support_contact, saved.welcomed) == ("Kim", 5, "Ann", True)


async def test_skipping_the_welcome_saves_no_answer(app_factory, data_dir):
    app = app_factory(welcomed=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("K", "i", "m", "escape")  # typed, then skipped
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    saved = Store(data_dir).settings()
    assert (saved.name, saved.goal_days, saved.support_contact, saved.welcomed) == ("", 3, "", True)


async def test_a_goal_out_of_range_is_explained_and_nothing_is_saved(app_factory, data_dir):
    app = app_factory(welcomed=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one("#welcome-goal_days").value = "9"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        assert app.focused.id == "welcome-goal_days"
        assert "welcome-goal_days-error" in [w.id for w in app.screen.query(".welcome-error.-shown")]
    assert Store(data_dir).settings().welcomed is False
