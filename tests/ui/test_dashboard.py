import datetime as dt

from textual.color import Color
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static, TextArea
from ui_helpers import TODAY, open_mode, paste, screen_text, settle, until

from runmate.models import CheckIn, JournalEntry, PlannedActivity, Settings
from runmate.screens.checkin import CheckInScreen
from runmate.screens.day import DayScreen
from runmate.screens.plan_dialogs import ActivityDialog
from runmate.store import Store
from runmate.widgets.mood_colours import MIN_CONTRAST, contrast, panel_background
from runmate.widgets.trend_chart import TrendChart
from runmate.widgets.year_calendar import YearCalendar


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
        assert "Planned for today: Walk/run intervals" in _text(app, "#today-line")


async def test_dashboard_invites_a_checkin_when_there_is_none(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        await settle(pilot)
        assert "No check-in yet today" in _text(app, "#today-checkin")
        assert "Rest days count too" in _text(app, "#today-plan")
        assert not app.screen.query_one("#safety-card").display


async def test_calendar_opens_a_day_and_its_checkin_is_edited_there(app_factory, data_dir):
    app = app_factory()
    monday = TODAY - dt.timedelta(days=2)
    app.store.save_checkin(CheckIn(date=monday.isoformat(), mood=4, note="windy"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("y")  # to the calendar
        calendar = app.screen.query_one(YearCalendar)
        assert calendar.has_focus
        await pilot.press("left", "left", "up", "down", "enter")
        await settle(pilot)
        day = app.screen
        assert isinstance(day, DayScreen) and day.day == monday
        shown = screen_text(app)
        assert "Monday 23 November 2026" in shown and "mood 4 (good)" in shown and "windy" in shown
        await pilot.press("enter")  # the check-in line
        await settle(pilot)
        checkin = app.screen
        assert isinstance(checkin, CheckInScreen) and checkin.shown == monday
        checkin.query_one("#mood").focus()
        await pilot.press("2", "ctrl+s")
        await settle(pilot)
        saved = Store(data_dir).checkin_on(monday)
        assert saved is not None and saved.mood == 2 and saved.note == "windy"
        # A saved check-in goes back to the dashboard: here the day it was opened from, changed.
        assert isinstance(app.screen, DayScreen) and "mood 2 (low)" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.query_one(YearCalendar).cursor == monday


async def test_day_view_opens_activities_and_reflections_where_they_are_edited(app_factory):
    app = app_factory()
    day = TODAY - dt.timedelta(days=1)
    walk = app.store.add_activity(PlannedActivity(date=day.isoformat(), kind="walk", minutes=25, status="done"))
    app.store.add_journal(JournalEntry(date=day.isoformat(), text="The park was quiet."))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.query_one(YearCalendar).move_to(day)
        app.screen.query_one(YearCalendar).action_choose()
        await settle(pilot)
        options = app.screen.query_one(OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert ids[:2] == ["checkin", f"act:{walk.id}"] and ids[2].startswith("ref:")
        options.highlighted = 1
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ActivityDialog), "the activity's dialog")
        assert app.screen.activity.id == walk.id
        await pilot.press("escape", "d")
        await settle(pilot)
        app.screen.query_one(OptionList).highlighted = 2
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_mode == "journal"
        assert app.screen.query_one(TextArea).text == "The park was quiet."


async def test_trend_key_switches_30_90_days_and_a_year(app_factory):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        card = app.screen.query_one("#trends-card")
        assert "30 days" in card.border_title and card.border_subtitle == "t: 90 days"
        await pilot.press("t")
        assert "90 days" in card.border_title
        assert {chart.days for chart in app.screen.query(TrendChart)} == {90}
        await pilot.press("t")
        assert "the last year" in card.border_title and card.border_subtitle == "t: 30 days"
        await pilot.press("t")
        assert app.screen.query_one("#mood-chart", TrendChart).days == 30


async def test_dashboard_follows_a_checkin_saved_on_its_screen_and_keeps_the_chart_in_view(app_factory):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_mode(pilot, "checkin")
        screen.query_one("#note").focus()
        await pilot.pause()
        paste(app, "Slept well after the long walk with Sam, legs a bit tired but happy enough")
        screen.query_one("#mood").focus()
        await pilot.press("4", "ctrl+s")
        await settle(pilot)
        dashboard = await open_mode(pilot, "dashboard")
        assert "Mood 4 (good)" in _text(app, "#today-checkin") and "legs a bit tired" in _text(app, "#today-checkin")
        # At 80x24, today and the mood chart both show without scrolling.
        chart = dashboard.query_one("#mood-chart")
        assert chart.region.bottom <= 23 and dashboard.query_one(VerticalScroll).scroll_y == 0
        assert "27 Oct" in screen_text(app)  # the chart's last line, its dates


async def test_low_mood_note_stays_until_hidden_and_does_not_cover_today(app_factory):
    app = app_factory(settings=Settings(support_contact="my sister Ana", welcomed=True))
    for days in range(5):
        app.store.save_checkin(CheckIn(date=(TODAY - dt.timedelta(days=days)).isoformat(), mood=2))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        card = app.screen.query_one("#safety-card")
        assert card.display
        note = _text(app, "#safety-note")
        assert "You don't have to carry this alone" in note and "my sister Ana" in note
        assert "local emergency number" in note
        today = app.screen.query_one("#today-card")
        assert today.region.bottom <= card.region.y  # below today's panel, not over it
        assert "Mood 2 (low)" in screen_text(app)
        await pilot.press("p", "d")  # still there after another screen
        await settle(pilot)
        assert card.display
        await pilot.press("n")
        await settle(pilot)
        assert not card.display and "carry this alone" not in screen_text(app)


async def test_mood_colours_reach_3_to_1_in_every_theme(app_factory):
    app = app_factory()
    app.store.save_checkin(CheckIn(date=TODAY.isoformat(), mood=3))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        calendar = app.screen.query_one(YearCalendar)
        chart = app.screen.query_one("#mood-chart", TrendChart)
        for name, theme in app.available_themes.items():
            app.theme = name
            await pilot.pause()
            for widget in (calendar, chart):
                background = panel_background(widget.background_colors[1], theme.dark)
                palette = widget.mood_palette()
                for mood, colour in palette.items():
                    ratio = contrast(Color.parse(colour), background)
                    assert ratio >= MIN_CONTRAST, f"{name}: mood {mood} is {ratio:.2f}:1"
            # The calendar really draws today's mood in that colour, beside its digit.
            spans = [span for span in calendar.render().spans if palette[3] in str(span.style)]
            assert spans


async def test_coming_back_to_the_dashboard_starts_at_its_top(app_factory):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("y")
        scroll = app.screen.query_one("#dashboard", VerticalScroll)
        await until(pilot, lambda: scroll.scroll_y > 0, "the calendar scrolled into view")
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert scroll.scroll_y == 0 and not app.screen.query_one(YearCalendar).has_focus


def _demo_app(data_dir, app_factory):
    from runmate import demo

    Store(data_dir).fill_demo(demo.generate(TODAY, 1, seed=5))
    return app_factory(welcomed=False)  # keep the demo's own settings (they mark the welcome as seen)


async def _wait(pilot) -> None:
    await settle(pilot)


def test_dashboard_snapshot_80x24(snap_compare, data_dir, app_factory):
    assert snap_compare(_demo_app(data_dir, app_factory), terminal_size=(80, 24), run_before=_wait)


def test_dashboard_snapshot_120x36(snap_compare, data_dir, app_factory):
    assert snap_compare(_demo_app(data_dir, app_factory), terminal_size=(120, 36), run_before=_wait)


def test_dashboard_snapshot_no_data_80x24(snap_compare, app_factory):
    assert snap_compare(app_factory(), terminal_size=(80, 24), run_before=_wait)


def test_dashboard_snapshot_no_data_120x36(snap_compare, app_factory):
    assert snap_compare(app_factory(), terminal_size=(120, 36), run_before=_wait)


async def _open_a_day(pilot) -> None:
    await settle(pilot)
    await pilot.press("y", "left", "left", "enter")
    await settle(pilot)


def test_day_view_snapshot_80x24(snap_compare, data_dir, app_factory):
    assert snap_compare(_demo_app(data_dir, app_factory), terminal_size=(80, 24), run_before=_open_a_day)
