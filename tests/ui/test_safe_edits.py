"""Open forms never undo what was saved elsewhere meanwhile: the shell writes (in a real second
process) between two key presses, and the app writes only what the person changed, asking when the
same field changed on both sides."""

from __future__ import annotations

from pathlib import Path

from ui_helpers import TODAY, RecordingApp, asks, open_mode, screen_text, settle, shell, until

from runmate.app import RunmateApp
from runmate.models import CheckIn, PlannedActivity, Settings
from runmate.screens.clash import ClashScreen
from runmate.screens.confirm import ConfirmScreen
from runmate.store import Store

DAY = TODAY.isoformat()


def quiet_app(data_dir: Path, mode: str | None = None) -> RunmateApp:
    """An app that only notices outside writes when a test says so (no polling), starting in
    ``mode`` (by default the dashboard; test_shell.py covers the keys that open the others)."""
    store = Store(data_dir)
    store.update_settings(lambda s: setattr(s, "welcomed", True))
    return RecordingApp(store=store, today=TODAY, poll_interval=600, mode=mode)


# --- the check-in -----------------------------------------------------------------------------


async def test_check_in_on_an_empty_day_keeps_the_shells_values_and_asks_about_mood(data_dir):
    app = quiet_app(data_dir, mode="checkin")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_mode(pilot, "checkin")
        await pilot.press("3")  # mood 3 (okay); focus moves on to energy
        shell(
            data_dir,
            "checkin",
            "--date",
            DAY,
            "--mood",
            "5",
            "--energy",
            "5",
            "--sleep",
            "8",
            "--note",
            "from the shell",
        )
        await pilot.press("ctrl+s")
        await asks(pilot, ClashScreen)
        text = screen_text(app)
        assert "Changed elsewhere meanwhile" in text
        assert "Mood: yours 3 (okay), the other 5 (very good)" in text
        await pilot.press("m")  # keep mine
        await settle(pilot)
        assert app.current_mode == "dashboard"
    [c] = Store(data_dir).checkins()
    assert (c.mood, c.energy, c.sleep_hours, c.note) == (3, 5, 8.0, "from the shell")


async def test_keeping_the_other_value_and_going_back_to_editing(data_dir):
    app = quiet_app(data_dir, mode="checkin")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_mode(pilot, "checkin")
        await pilot.press("2", "4")  # mood 2, energy 4
        shell(data_dir, "checkin", "--date", DAY, "--mood", "5", "--note", "shell")
        await pilot.press("ctrl+s")
        await asks(pilot, ClashScreen)
        await pilot.press("escape")  # back to editing: nothing saved, nothing lost
        await settle(pilot)
        assert app.screen is screen
        assert screen.query_one("#mood").value == 2 and screen.query_one("#energy").value == 4
        assert Store(data_dir).checkin_on(TODAY).energy is None
        await pilot.press("ctrl+s")
        await asks(pilot, ClashScreen)
        await pilot.press("o")  # keep the other's mood; my energy is saved
        await settle(pilot)
    c = Store(data_dir).checkin_on(TODAY)
    assert (c.mood, c.energy, c.note) == (5, 4, "shell")


async def test_untouched_fields_follow_the_file_while_the_person_edits(data_dir):
    Store(data_dir).save_checkin(CheckIn(date=DAY, mood=2, energy=2, note="morning"))
    app = quiet_app(data_dir, mode="checkin")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_mode(pilot, "checkin")
        await pilot.press("4")  # mood 2 -> 4, not saved yet
        shell(data_dir, "checkin", "--date", DAY, "--energy", "3", "--note", "written in the shell")
        screen.data_changed()  # what the app's file watch calls
        await settle(pilot)
        assert screen.query_one("#mood").value == 4  # what the person typed stays
        assert screen.query_one("#energy").value == 3
        assert screen.query_one("#note").value == "written in the shell"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.current_mode == "dashboard"  # no question: only mood changed here
    c = Store(data_dir).checkin_on(TODAY)
    assert (c.mood, c.energy, c.note) == (4, 3, "written in the shell")


async def test_a_check_in_deleted_in_the_shell_is_only_saved_again_when_asked(data_dir):
    Store(data_dir).save_checkin(CheckIn(date=DAY, mood=2, note="morning"))
    app = quiet_app(data_dir, mode="checkin")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_mode(pilot, "checkin")
        await pilot.press("4")
        shell(data_dir, "checkin", "--delete", "--date", DAY)
        await pilot.press("ctrl+s")
        await asks(pilot, ConfirmScreen)
        assert "was deleted elsewhere" in screen_text(app)
        await pilot.press("n")  # leave it deleted
        await settle(pilot)
        assert Store(data_dir).checkins() == []
        assert app.screen is screen and screen.query_one("#mood").value is None  # the day as it is now
        screen.query_one("#mood").focus()
        await pilot.press("4")
        shell(data_dir, "checkin", "--date", DAY, "--mood", "2", "--note", "again")
        screen.data_changed()
        await settle(pilot)
        Store(data_dir).delete_checkin(DAY)
        await pilot.press("ctrl+s")
        await asks(pilot, ConfirmScreen)
        await pilot.press("y")  # save it as new: everything the form holds
        await settle(pilot)
    [c] = Store(data_dir).checkins()
    assert (c.mood, c.note) == (4, "again")


# --- settings and the goal ------------------------------------------------------------------------


async def test_settings_saved_in_the_app_keep_a_goal_set_in_the_shell(data_dir):
    Store(data_dir).save_settings(Settings(welcomed=True, goal_days=3, goal_why="old"))
    app = RunmateApp(store=Store(data_dir), today=TODAY, poll_interval=600)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await settle(pilot)
        await pilot.press(*"Robin")
        shell(data_dir, "plan", "goal", "--days", "6", "--why", "from the shell")
        await pilot.press("ctrl+s")
        await settle(pilot)
    s = Store(data_dir).settings()
    assert (s.name, s.goal_days, s.goal_why) == ("Robin", 6, "from the shell")


async def test_the_goal_dialog_asks_when_the_goal_changed_on_both_sides(data_dir):
    Store(data_dir).save_settings(Settings(welcomed=True, goal_days=3, goal_why="old"))
    app = RunmateApp(store=Store(data_dir), today=TODAY, poll_interval=600)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_mode(pilot, "plan")
        await pilot.press("g")
        await until(pilot, lambda: app.screen.query("#f-goal_days"), "the goal dialog")
        await pilot.press("backspace", "4")  # 3 -> 4 days
        shell(data_dir, "plan", "goal", "--days", "6", "--why", "from the shell")
        await pilot.press("ctrl+s")
        await asks(pilot, ClashScreen)
        [clash] = app.screen.clashes
        assert (clash.name, clash.mine, clash.theirs) == ("goal_days", 4, 6)
        assert "Weekly goal:" in screen_text(app)
        await pilot.press("m")
        await settle(pilot)
    s = Store(data_dir).settings()
    assert (s.goal_days, s.goal_why) == (4, "from the shell")


# --- the activity dialog --------------------------------------------------------------------------


async def test_the_activity_dialog_saved_unchanged_keeps_a_move_from_the_shell(data_dir):
    a = Store(data_dir).add_activity(PlannedActivity(date=DAY, kind="walk", minutes=20))
    app = quiet_app(data_dir, mode="plan")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_mode(pilot, "plan")
        await pilot.press("e")
        await until(pilot, lambda: app.screen.query("#f-minutes"), "the activity dialog")
        shell(data_dir, "plan", "move", a.id[:8], "--date", "2026-11-27")
        await pilot.press("ctrl+s")  # saved as it was opened: nothing changed here
        await settle(pilot)
        (stored,) = Store(data_dir).activities()
        assert stored.date == "2026-11-27"
        await pilot.press("e")
        await until(pilot, lambda: app.screen.query("#f-minutes"), "the activity dialog")
        shell(data_dir, "plan", "move", a.id[:8], "--date", "2026-11-28")
        minutes = app.screen.query_one("#f-minutes")
        minutes.value = "35"  # a change of its own, to another field
        await pilot.press("ctrl+s")
        await settle(pilot)
    (stored,) = Store(data_dir).activities()
    assert (stored.date, stored.minutes) == ("2026-11-28", 35)


async def test_an_activity_deleted_in_the_shell_is_not_made_again(data_dir):
    a = Store(data_dir).add_activity(PlannedActivity(date=DAY, kind="walk", minutes=20))
    app = quiet_app(data_dir, mode="plan")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_mode(pilot, "plan")
        await pilot.press("e")
        await until(pilot, lambda: app.screen.query("#f-minutes"), "the activity dialog")
        shell(data_dir, "plan", "delete", a.id[:8])
        app.screen.query_one("#f-minutes").value = "35"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "was deleted elsewhere" in screen_text(app)
    assert Store(data_dir).activities() == []


# --- how the question looks -----------------------------------------------------------------------


def test_clash_question_snapshot(snap_compare, data_dir):
    app = quiet_app(data_dir, mode="checkin")

    async def clash(pilot) -> None:
        await open_mode(pilot, "checkin")
        await pilot.press("3", "2")
        Store(data_dir).save_checkin(CheckIn(date=DAY, mood=5, energy=4, note="[bold]shell[/]"))
        await pilot.press("ctrl+s")
        await asks(pilot, ClashScreen)

    assert snap_compare(app, run_before=clash, terminal_size=(80, 24))


async def test_an_open_activity_dialog_follows_a_move_but_keeps_what_was_typed(data_dir):
    a = Store(data_dir).add_activity(PlannedActivity(date=DAY, kind="walk", minutes=20, note="park"))
    app = quiet_app(data_dir, mode="plan")
    async with app.run_test(size=(100, 30)) as pilot:
        plan = await open_mode(pilot, "plan")
        await pilot.press("e")
        await until(pilot, lambda: app.screen.query("#f-minutes"), "the activity dialog")
        dialog = app.screen
        dialog.query_one("#f-minutes").value = "35"
        shell(data_dir, "plan", "move", a.id[:8], "--date", "2026-11-27")
        shell(data_dir, "plan", "add", "--date", DAY, "--activity", "run", "--minutes", "10")
        plan.data_changed()  # what the app's file watch calls
        await settle(pilot)
        assert app.screen is dialog
        assert dialog.query_one("#f-date").value == "2026-11-27"  # untouched: follows the move
        assert dialog.query_one("#f-minutes").value == "35"  # typed here: kept
        await pilot.press("ctrl+s")
        await settle(pilot)
    stored = {x.id: x for x in Store(data_dir).activities()}[a.id]
    assert (stored.date, stored.minutes, stored.note) == ("2026-11-27", 35, "park")


async def test_an_open_goal_dialog_follows_a_new_why(data_dir):
    Store(data_dir).save_settings(Settings(welcomed=True, goal_days=3, goal_why="old"))
    app = RunmateApp(store=Store(data_dir), today=TODAY, poll_interval=600)
    async with app.run_test(size=(100, 30)) as pilot:
        plan = await open_mode(pilot, "plan")
        await pilot.press("g")
        await until(pilot, lambda: app.screen.query("#f-goal_days"), "the goal dialog")
        await pilot.press("backspace", "5")
        shell(data_dir, "plan", "goal", "--why", "new from the shell")
        plan.data_changed()
        await settle(pilot)
        assert app.screen.query_one("#f-goal_why").value == "new from the shell"
        assert app.screen.query_one("#f-goal_days").value == "5"
        await pilot.press("ctrl+s")
        await settle(pilot)
    s = Store(data_dir).settings()
    assert (s.goal_days, s.goal_why) == (5, "new from the shell")


async def test_ticking_off_keeps_how_it_felt_when_given_in_the_shell_meanwhile(data_dir):
    a = Store(data_dir).add_activity(PlannedActivity(date=DAY, kind="walk", minutes=20))
    app = quiet_app(data_dir, mode="plan")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_mode(pilot, "plan")
        await pilot.press("space")
        await until(pilot, lambda: app.screen.query("#f-after"), "the done dialog")
        shell(data_dir, "plan", "done", a.id[:8], "--before", "2")
        app.screen.query_one("#f-after").value = 4
        await pilot.press("ctrl+s")
        await settle(pilot)
    (stored,) = Store(data_dir).activities()
    assert (stored.status, stored.before, stored.after) == ("done", 2, 4)


async def test_ticking_off_asks_when_the_same_feeling_was_given_in_the_shell(data_dir):
    a = Store(data_dir).add_activity(PlannedActivity(date=DAY, kind="walk", minutes=20))
    app = quiet_app(data_dir, mode="plan")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_mode(pilot, "plan")
        await pilot.press("space")
        await until(pilot, lambda: app.screen.query("#f-after"), "the done dialog")
        shell(data_dir, "plan", "done", a.id[:8], "--after", "5")
        app.screen.query_one("#f-after").value = 3
        await pilot.press("ctrl+s")
        await asks(pilot, ClashScreen)
        await pilot.press("o")
        await settle(pilot)
    (stored,) = Store(data_dir).activities()
    assert (stored.status, stored.after) == ("done", 5)
