from textual.widgets import Static
from ui_helpers import TODAY, settle

from runmate.models import CheckIn, PlannedActivity, Settings


def _text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_dashboard_shows_today_checkin_and_plan_literally(app_factory, data_dir):
    app = app_factory(settings=Settings(name="[bold]Robin[/]", welcomed=True))
    app.store.save_checkin(
        CheckIn(date=TODAY.isoformat(), mood=4, energy=2, sleep_hours=7.5, note="tired [red]legs[/]")
    )
    app.store.add_activity(
        PlannedActivity(date=TODAY.isoformat(), kind="walk-run", minutes=20, warmup=5, with_whom="Sam")
    )
    app.store.add_activity(PlannedActivity(date="2026-11-23", kind="yoga", minutes=30, status="done"))
    app.store.add_activity(PlannedActivity(date="2026-11-17", kind="run", minutes=30, status="done"))  # last week
    app.store.update_settings(lambda s: setattr(s, "goal_why", "To sleep [i]better[/i]"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "Hello, [bold]Robin[/]." in _text(app, "#greeting")
        checkin = _text(app, "#today-checkin")
        assert "Mood 4 (good)" in checkin and "energy 2 (low)" in checkin and "slept 7.5 h" in checkin
        assert "tired [red]legs[/]" in checkin
        plan = _text(app, "#today-plan")
        assert "Walk/run intervals, 20 min" in plan and "with Sam" in plan
        week = _text(app, "#week")
        assert "1 of 3 days this week" in week and "To sleep [i]better[/i]" in week


async def test_dashboard_invites_a_checkin_when_there_is_none(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        await settle(pilot)
        assert "No check-in yet today" in _text(app, "#today-checkin")
        assert "Rest days count too" in _text(app, "#today-plan")


def _demo_app(data_dir, app_factory):
    from runmate import demo
    from runmate.store import Store

    Store(data_dir).fill_demo(demo.generate(TODAY, 1, seed=5))
    return app_factory(welcomed=False)  # keep the demo's own settings (they mark the welcome as seen)


async def _wait(pilot) -> None:
    await settle(pilot)


def test_dashboard_snapshot_80x24(snap_compare, data_dir, app_factory):
    assert snap_compare(_demo_app(data_dir, app_factory), terminal_size=(80, 24), run_before=_wait)


def test_dashboard_snapshot_120x36(snap_compare, data_dir, app_factory):
    assert snap_compare(_demo_app(data_dir, app_factory), terminal_size=(120, 36), run_before=_wait)
