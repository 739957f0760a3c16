"""The plan screen, driven with real key presses; and snapshots of the week view."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static
from ui_helpers import TODAY, footer_line, open_mode, paste, screen_text, settle

from runmate.models import (
    SOURCE_STARTER,
    STATUS_DONE,
    STATUS_PLANNED,
    STATUS_REST,
    PlannedActivity,
    Settings,
    parse_activity,
)
from runmate.screens.confirm import ConfirmScreen
from runmate.screens.damaged import DamagedDataScreen
from runmate.screens.plan import PlanScreen
from runmate.store import LockTimeout, Store, StoreError

WHY = "Move three mornings a week, because it clears my head and helps me sleep."


@pytest.fixture
def app_factory(app_factory):
    """Apps here start on the plan screen (test_shell.py covers the key that opens it)."""
    return partial(app_factory, mode="plan")


def add(store: Store, date: str, kind: str = "run", minutes: int = 20, **extra) -> PlannedActivity:
    fields = {k: extra.pop(k) for k in ("time", "with_whom", "note") if k in extra}
    activity = parse_activity(date=date, kind=kind, minutes=str(minutes), **fields)
    for name, value in extra.items():
        setattr(activity, name, value)
    # Fixed stamps keep the order (and so the snapshots) the same on every run.
    activity.created = activity.updated = f"2026-11-01T08:{len(store.activities()):02d}:00+00:00"
    store.add_activity(activity)
    return activity


def seed_week(data_dir: Path) -> Store:
    """Last week a little movement; this week a mix of done, rest, planned and a note with brackets."""
    store = Store(data_dir)
    add(store, "2026-11-16", "run", 20, status=STATUS_DONE, id="a0000000000000000000000000000001")
    add(store, "2026-11-18", "walk", 20, status=STATUS_DONE, id="a0000000000000000000000000000002")
    add(
        store,
        "2026-11-23",
        "run",
        25,
        time="07:30",
        with_whom="Sam",
        note="Park loop, [bold]x[/] easy pace",
        status=STATUS_DONE,
        before=2,
        after=4,
        id="b0000000000000000000000000000001",
    )
    add(store, "2026-11-24", "yoga", 30, status=STATUS_REST, rest_reason="tired", id="b0000000000000000000000000000002")
    add(store, "2026-11-25", "walk-run", 20, time="18:00", id="b0000000000000000000000000000003")
    add(store, "2026-11-25", "stretch", 10, id="b0000000000000000000000000000004")
    add(store, "2026-11-27", "swim", 40, with_whom="Priya", id="b0000000000000000000000000000005")
    add(store, "2026-11-29", "run", 35, note="Long and slow", id="b0000000000000000000000000000006")
    return store


def app_with(app_factory, **settings):
    return app_factory(settings=Settings(welcomed=True, goal_days=3, goal_why=WHY, **settings))


async def press(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


def week_lines(app) -> list[str]:
    """The plain text of each line in the week list, as shown."""
    week = app.screen.query_one("#plan-week", OptionList)
    return [str(option.prompt) for option in week.options]


def visible(app) -> str:
    """What the screen and any dialog shows: every Static's rendered text plus the week list."""
    parts = []
    for widget in app.screen.query(Static):
        if widget.display:
            parts.append(str(widget.render()))
    if isinstance(app.screen, PlanScreen):
        parts.extend(week_lines(app))
    return "\n".join(parts)


def toasts(app) -> str:
    """The text of the notifications on screen, as the person reads them (markup applied).

    Toasts are found by their CSS type, the name Textual documents for styling them.
    """
    return "\n".join(str(toast.render()) for toast in app.screen.query("Toast"))


async def highlight(pilot, activity_id: str) -> None:
    week = pilot.app.screen.query_one("#plan-week", OptionList)
    target = week.get_option_index(f"act:{activity_id}")
    for _ in range(20):
        if week.highlighted == target:
            return
        await press(pilot, "down" if (week.highlighted or 0) < target else "up")
    raise AssertionError("could not reach the activity")


# --- showing the week ---------------------------------------------------------------------------


async def test_week_shows_days_goal_and_literal_text(data_dir: Path, app_factory) -> None:
    seed_week(data_dir)
    app = app_with(app_factory)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_mode(pilot, "plan")
        text = visible(app)
        assert "This week, 23 Nov to 29 Nov 2026" in text
        assert "1 of 3 days this week" in text
        assert WHY in text
        assert "Park loop, [bold]x[/] easy pace" in text
        assert "felt 2 low → 4 good" in text
        assert "rest day" in text and "tired" in text
        lines = week_lines(app)
        assert any(line.startswith("Thu 26 Nov") and "rest day" in line for line in lines)
        for word in ("missed", "failed", "Missed", "Failed"):
            assert word not in text
        # The build-up note applies: 130 minutes planned after 40 done, and a 35-minute run.
        assert "A gentle note" in text and "130 minutes planned" in text


async def test_past_planned_is_gently_not_ticked(data_dir: Path, app_factory) -> None:
    store = Store(data_dir)
    add(store, "2026-11-23", "walk", 30)
    app = app_with(app_factory)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        line = next(line for line in week_lines(app) if line.startswith("Mon 23 Nov"))
        assert "not ticked" in line


async def test_week_navigation(data_dir: Path, app_factory) -> None:
    seed_week(data_dir)
    app = app_with(app_factory)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "right_square_bracket")
        assert "Next week, 30 Nov to 6 Dec 2026" in visible(app)
        assert week_lines(app)[0].startswith("Mon 30 Nov")
        await press(pilot, "left_square_bracket", "left_square_bracket")
        assert "Last week, 16 Nov to 22 Nov 2026" in visible(app)
        lines = week_lines(app)
        assert lines[0].startswith("Mon 16 Nov") and "Run" in lines[0]
        assert "2 of 3 days that week" in visible(app)
        await press(pilot, "left_square_bracket", "t")
        assert "This week, 23 Nov to 29 Nov 2026" in visible(app)


# --- add ------------------------------------------------------------------------------------


async def test_add_fills_the_form_and_saves(data_dir: Path, app_factory) -> None:
    app = app_with(app_factory)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "a")
        # Focus starts on minutes; the day defaults to the selected day (today).
        await pilot.press(*"30")
        await press(pilot, "shift+tab", "enter")  # the kind list opens
        await press(pilot, "y", "enter")  # type-to-search: Yoga
        await press(pilot, "tab", "tab")  # minutes -> warm-up
        await pilot.press("ctrl+u", *"0")
        await press(pilot, "tab")
        await pilot.press(*"7:15")
        await press(pilot, "tab")
        paste(app, "[b]Jo[/b]")
        await press(pilot, "tab")
        paste(app, "by the river")
        await press(pilot, "enter")
        stored = Store(data_dir).activities()
        assert len(stored) == 1
        a = stored[0]
        assert (a.date, a.kind, a.minutes, a.warmup, a.time) == ("2026-11-25", "yoga", 30, 0, "07:15")
        assert (a.with_whom, a.note, a.status) == ("[b]Jo[/b]", "by the river", STATUS_PLANNED)
        assert isinstance(app.screen, PlanScreen)
        assert any("Yoga" in line and "with [b]Jo[/b]" in line for line in week_lines(app))


async def test_add_run_gets_a_five_minute_warmup(data_dir: Path, app_factory) -> None:
    app = app_with(app_factory)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "down", "down", "a")  # Friday 27 Nov
        await pilot.press(*"20")
        await press(pilot, "enter")
        [a] = Store(data_dir).activities()
        assert (a.date, a.kind, a.minutes, a.warmup) == ("2026-11-27", "run", 20, 5)


async def test_bad_minutes_are_refused_with_a_message(data_dir: Path, app_factory) -> None:
    app = app_with(app_factory)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "a")
        await pilot.press(*"2000")
        await press(pilot, "enter")
        assert "Minutes is a whole number from 1 to 1440." in visible(app)
        assert not isinstance(app.screen, PlanScreen)  # the form stays open
        assert Store(data_dir).activities() == []
        await press(pilot, "escape")
        assert isinstance(app.screen, PlanScreen)
        assert Store(data_dir).activities() == []


# --- tick, untick, rest -------------------------------------------------------------------------


async def test_tick_with_before_and_after(data_dir: Path, app_factory) -> None:
    store = Store(data_dir)
    a = add(store, "2026-11-25", "run", 20)
    app = app_with(app_factory)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "space")
        assert app.screen.query_one("#f-minutes").value == "20"  # as planned, a real value
        await press(pilot, "2")  # a digit on the scale moves on to the next
        assert "2 low" in screen_text(app)  # the word beside the number
        await press(pilot, "4")
        await pilot.press(*"25")  # the minutes field: typing replaces what it held
        await press(pilot, "enter")
        saved = Store(data_dir).activities()[0]
        assert saved.id == a.id
        assert (saved.status, saved.before, saved.after, saved.actual_minutes) == (STATUS_DONE, 2, 4, 25)
        assert "Write a few words about it?" in visible(app)  # the journal's offer, easy to skip
        await press(pilot, "n")
        assert "1 of 3 days this week" in visible(app)
        assert any("done" in line and "felt 2 low → 4 good" in line for line in week_lines(app))


async def test_tick_can_skip_the_questions_with_one_key(data_dir: Path, app_factory) -> None:
    store = Store(data_dir)
    add(store, "2026-11-25", "walk", 30)
    app = app_with(app_factory)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "space", "enter")
        saved = Store(data_dir).activities()[0]
        assert (saved.status, saved.before, saved.after, saved.actual_minutes) == (STATUS_DONE, None, None, None)


async def test_tick_refuses_minutes_that_are_not_a_number(data_dir: Path, app_factory) -> None:
    store = Store(data_dir)
    add(store, "2026-11-25", "walk", 30)
    app = app_with(app_factory)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "space", "7")  # the scale takes 1 to 5 only
        assert app.screen.query_one("#f-before").value is None
        app.screen.query_one("#f-minutes").value = "0"
        await press(pilot, "enter")
        assert "Minutes is a whole number from 1 to 1440." in visible(app)
        assert Store(data_dir).activities()[0].status == STATUS_PLANNED
        await press(pilot, "escape")
        assert Store(data_dir).activities()[0].status == STATUS_PLANNED


async def test_untick_asks_then_goes_back_to_planned(data_dir: Path, app_factory) -> None:
    store = Store(data_dir)
    add(store, "2026-11-25", "run", 20, status=STATUS_DONE, before=2, after=4, actual_minutes=22)
    app = app_with(app_factory)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "space", "n")  # keep it done
        assert Store(data_dir).activities()[0].status == STATUS_DONE
        await press(pilot, "space", "y")
        saved = Store(data_dir).activities()[0]
        assert (saved.status, saved.before, saved.after, saved.actual_minutes) == (STATUS_PLANNED, None, None, None)
        assert any("planned" in line for line in week_lines(app))
        assert "0 of 3 days this week" in visible(app)


async def test_rest_with_reason_and_back(data_dir: Path, app_factory) -> None:
    store = Store(data_dir)
    add(store, "2026-11-25", "run", 20)
    app = app_with(app_factory)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "r")
        paste(app, "life happened")
        await press(pilot, "enter")
        saved = Store(data_dir).activities()[0]
        assert (saved.status, saved.rest_reason) == (STATUS_REST, "life happened")
        assert any("rest day" in line and "life happened" in line for line in week_lines(app))
        await press(pilot, "r")
        saved = Store(data_dir).activities()[0]
        assert (saved.status, saved.rest_reason) == (STATUS_PLANNED, "")


async def test_rest_on_a_done_activity_asks_first(data_dir: Path, app_factory) -> None:
    store = Store(data_dir)
    add(store, "2026-11-25", "run", 20, status=STATUS_DONE, before=2, after=4, actual_minutes=22)
    app = app_with(app_factory)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "r")
        assert isinstance(app.screen, ConfirmScreen)
        assert "A rest day instead?" in screen_text(app)
        assert "how you felt before and after is cleared" in screen_text(app)
        await press(pilot, "enter")  # the safe answer has the focus: it stays done
        assert isinstance(app.screen, PlanScreen)
        saved = Store(data_dir).activities()[0]
        assert (saved.status, saved.before, saved.after, saved.actual_minutes) == (STATUS_DONE, 2, 4, 22)
        await press(pilot, "r", "n")
        assert Store(data_dir).activities()[0].status == STATUS_DONE
        await press(pilot, "r", "y")  # yes: on to the rest question
        paste(app, "sore knee")
        await press(pilot, "enter")
        saved = Store(data_dir).activities()[0]
        assert (saved.status, saved.rest_reason, saved.before, saved.after) == (STATUS_REST, "sore knee", None, None)


async def test_a_day_still_to_come_is_not_ticked_but_can_rest(data_dir: Path, app_factory) -> None:
    store = Store(data_dir)
    add(store, "2026-11-27", "swim", 40)
    app = app_with(app_factory)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "down", "down", "space")  # Friday 27 Nov
        assert isinstance(app.screen, PlanScreen)  # no dialog
        assert "This is planned for Fri 27 Nov. Tick it off on the day, or move it to today first." in toasts(app)
        assert Store(data_dir).activities()[0].status == STATUS_PLANNED
        assert "0 of 3 days this week" in visible(app)
        await press(pilot, "r", "enter")  # plans change: resting it is fine
        assert Store(data_dir).activities()[0].status == STATUS_REST


# --- edit, move, delete -------------------------------------------------------------------------


async def test_edit_changes_minutes(data_dir: Path, app_factory) -> None:
    store = Store(data_dir)
    a = add(store, "2026-11-25", "walk", 30, note="old")
    app = app_with(app_factory)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "e", "tab", "tab")  # date -> kind -> minutes
        await pilot.press("ctrl+u", *"45")
        await press(pilot, "enter")
        [saved] = Store(data_dir).activities()
        assert (saved.id, saved.minutes, saved.note, saved.kind) == (a.id, 45, "old", "walk")


async def test_enter_edits_an_activity_and_adds_on_an_empty_day(data_dir: Path, app_factory) -> None:
    store = Store(data_dir)
    add(store, "2026-11-25", "walk", 30)
    app = app_with(app_factory)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "enter")
        assert "Change this activity" in visible(app)
        await press(pilot, "escape", "down", "enter")  # Thursday: nothing planned
        assert "Plan an activity" in visible(app)
        await pilot.press(*"15")
        await press(pilot, "enter")
        assert [a.date for a in Store(data_dir).activities()] == ["2026-11-25", "2026-11-26"]


async def test_move_to_another_day(data_dir: Path, app_factory) -> None:
    store = Store(data_dir)
    a = add(store, "2026-11-25", "walk", 30)
    app = app_with(app_factory)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "m", "down", "down")  # two days later
        assert "Friday 27 November 2026" in visible(app)
        await press(pilot, "enter")
        assert Store(data_dir).activities()[0].date == "2026-11-27"
        assert any(line.startswith("Fri 27 Nov") and "Walk" in line for line in week_lines(app))
        await highlight(pilot, a.id)
        await press(pilot, "m")
        await pilot.press("ctrl+u", *"sat")  # the next Saturday (tests/ui/test_plan_days.py)
        await press(pilot, "enter")
        assert Store(data_dir).activities()[0].date == "2026-11-28"
        await press(pilot, "m")
        await pilot.press("ctrl+u")
        paste(app, "2026-02-30")
        await press(pilot, "enter")
        assert "weekday like 'fri'" in visible(app)
        await press(pilot, "escape")
        assert Store(data_dir).activities()[0].date == "2026-11-28"


async def test_delete_asks_first(data_dir: Path, app_factory) -> None:
    store = Store(data_dir)
    add(store, "2026-11-25", "walk", 30)
    app = app_with(app_factory)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "x")
        assert "Delete this activity?" in visible(app)
        await press(pilot, "n")
        assert len(Store(data_dir).activities()) == 1
        await press(pilot, "x", "enter")  # Enter alone keeps it: the focus starts on "Keep it"
        assert len(Store(data_dir).activities()) == 1
        assert isinstance(app.screen, PlanScreen)
        await press(pilot, "x", "y")
        assert Store(data_dir).activities() == []
        assert any(line.startswith("Wed 25 Nov") and "rest day" in line for line in week_lines(app))


# --- goal, starter, outside changes -------------------------------------------------------------


async def test_goal_dialog_saves_days_and_why(data_dir: Path, app_factory) -> None:
    app = app_with(app_factory)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "g")
        await pilot.press("ctrl+u", "9")
        await press(pilot, "enter")
        assert "The weekly goal is a whole number of days from 1 to 7." in visible(app)
        assert Store(data_dir).settings().goal_days == 3
        await pilot.press("ctrl+u", "4", "tab", "ctrl+u")
        paste(app, "Feel [i]calmer[/i]")
        await press(pilot, "enter")
        settings = Store(data_dir).settings()
        assert (settings.goal_days, settings.goal_why) == (4, "Feel [i]calmer[/i]")
        assert "0 of 4 days this week" in visible(app)
        assert "Feel [i]calmer[/i]" in visible(app)


async def test_starter_fills_weeks_and_restart_never_duplicates(data_dir: Path, app_factory) -> None:
    app = app_with(app_factory)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "S", "enter")
        first = Store(data_dir).activities()
        assert len(first) == 27
        assert all(a.source == SOURCE_STARTER for a in first)
        assert first[0].date == TODAY.isoformat()
        assert any("Walk/run intervals" in line for line in week_lines(app))
        await press(pilot, "S")
        assert "27 coming starter sessions" in visible(app)
        await press(pilot, "tab")
        await pilot.press("ctrl+u", "3")
        await press(pilot, "enter")
        again = Store(data_dir).activities()
        assert len(again) == 21  # weeks 3 to 9, the old ones replaced
        assert {a.id for a in again}.isdisjoint({a.id for a in first})
        assert again[0].program_week == 3


async def test_starter_refuses_a_first_day_in_the_past(data_dir: Path, app_factory) -> None:
    app = app_with(app_factory)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "S")
        await pilot.press("ctrl+u")
        paste(app, "2020-01-01")
        await press(pilot, "enter")
        assert "The program starts today or later" in visible(app)
        assert not isinstance(app.screen, PlanScreen)  # the dialog stays open
        assert Store(data_dir).activities() == []
        await pilot.press("ctrl+u", *"yesterday")  # a weekday is the next one; yesterday is before today
        await press(pilot, "enter")
        assert "The program starts today or later" in visible(app)
        assert Store(data_dir).activities() == []
        await pilot.press("ctrl+u")
        paste(app, "2026-11-27")
        await press(pilot, "enter")
        assert isinstance(app.screen, PlanScreen)
        stored = Store(data_dir).activities()
        assert len(stored) == 27 and stored[0].date == "2026-11-27"


async def test_starter_count_is_what_gets_replaced(data_dir: Path, app_factory) -> None:
    store = Store(data_dir)
    from runmate import plans

    sessions = plans.starter_sessions(dt.date(2026, 11, 16))  # 16 Nov onwards: 5 in the past
    sessions[1].status = STATUS_DONE  # 18 Nov
    sessions[5].status = STATUS_REST  # Fri 27 Nov, coming but resting
    sessions[6].status = STATUS_DONE  # Mon 30 Nov, done early in an older version
    store.add_activities(sessions)
    coming = [a for a in sessions if a.date >= TODAY.isoformat() and a.status == STATUS_PLANNED]
    app = app_with(app_factory)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "S")
        assert f"{len(coming)} coming starter sessions still planned" in visible(app)
        await press(pilot, "enter")
        after = {a.id: a for a in Store(data_dir).activities()}
        for a in sessions:
            assert (a.id in after) == (a not in coming)  # exactly the counted ones went
        assert len(after) == len(sessions) - len(coming) + 27


async def test_data_changed_reloads(data_dir: Path, app_factory) -> None:
    app = app_with(app_factory)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_mode(pilot, "plan")
        add(Store(data_dir), "2026-11-26", "dance", 15)
        screen.data_changed()
        await settle(pilot)
        assert any(line.startswith("Thu 26 Nov") and "Dancing" in line for line in week_lines(app))
        assert screen.has_unsaved_changes() is False


async def test_saves_are_announced_to_the_app(data_dir: Path, app_factory) -> None:
    calls = []
    app = app_with(app_factory)
    app.data_saved = lambda source=None: calls.append(source)  # type: ignore[attr-defined]
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "a")
        await pilot.press(*"10")
        await press(pilot, "enter")
        assert calls == [app.screen] and type(app.screen).__name__ == "PlanScreen"


# --- problems with the data file --------------------------------------------------------------


async def test_a_damaged_file_shows_the_calm_screen_not_a_toast(data_dir: Path, app_factory) -> None:
    app = app_with(app_factory)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_mode(pilot, "plan")
        (data_dir / "runmate.json").write_bytes(b"{not json")
        screen.data_changed()
        await settle(pilot)
        assert isinstance(app.screen, DamagedDataScreen)
        assert not [n for n in app.notifications if "plan" in (n.title or "")]


async def test_a_save_into_a_damaged_file_shows_the_calm_screen(data_dir: Path, app_factory) -> None:
    app = app_with(app_factory)
    path = data_dir / "runmate.json"
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        path.write_bytes(b"[1, 2")
        await press(pilot, "a")
        await pilot.press(*"10")
        await press(pilot, "enter")
        assert isinstance(app.screen, DamagedDataScreen)
        assert not [n for n in app.notifications if n.title == "Not saved"]
    assert path.read_bytes() == b"[1, 2"


async def test_a_busy_file_is_a_gentle_toast_shown_literally(data_dir: Path, app_factory, monkeypatch) -> None:
    app = app_with(app_factory)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        screen = await open_mode(pilot, "plan")

        def busy(*args, **kwargs):
            raise LockTimeout(data_dir / "[x]" / "runmate.json")

        monkeypatch.setattr(app.store, "activities", busy)
        screen.data_changed()
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
        text = toasts(app)
        assert "Could not read your plan" in text and "/data/[x]/runmate.json and did not finish" in text


async def test_a_save_problem_is_shown_literally(data_dir: Path, app_factory, monkeypatch) -> None:
    app = app_with(app_factory)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await open_mode(pilot, "plan")

        def refuse(activity):
            raise StoreError("Could not write /tmp/[/]odd/runmate.json: the disk is full.")

        monkeypatch.setattr(app.store, "add_activity", refuse)
        await press(pilot, "a")
        await pilot.press(*"10")
        await press(pilot, "enter")
        text = toasts(app)
        assert "Not saved" in text and "/tmp/[/]odd/runmate.json" in text
        assert Store(data_dir).activities() == []


# --- the footer ---------------------------------------------------------------------------------


async def test_footer_keeps_help_and_quit_in_sight(data_dir: Path, app_factory) -> None:
    app = app_with(app_factory)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_mode(pilot, "plan")
        footer = await footer_line(pilot)
        for item in ("Week", "a Add", "space Done", "? Help", "q Quit"):
            assert item in footer
    app = app_with(app_factory)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        footer = await footer_line(pilot)
        for item in ("Week", "a Add", "space Done", "d Dashboard", "c Check-in"):
            assert item in footer
        await press(pilot, "question_mark")
        assert "Rest" in screen_text(app)  # hidden from the footer, listed in the help


# --- snapshots ------------------------------------------------------------------------------


async def _open_plan_for_snapshot(pilot) -> None:
    await open_mode(pilot, "plan")


def test_snapshot_week_80x24(snap_compare, data_dir: Path, app_factory) -> None:
    seed_week(data_dir)
    assert snap_compare(app_with(app_factory), terminal_size=(80, 24), run_before=_open_plan_for_snapshot)


def test_snapshot_week_120x36(snap_compare, data_dir: Path, app_factory) -> None:
    seed_week(data_dir)
    assert snap_compare(app_with(app_factory), terminal_size=(120, 36), run_before=_open_plan_for_snapshot)


async def _open_done_dialog(pilot) -> None:
    await open_mode(pilot, "plan")
    await press(pilot, "space", "2", "5", "end")  # on to the minutes: the cursor after them


def test_snapshot_done_dialog_80x24(snap_compare, data_dir: Path, app_factory) -> None:
    seed_week(data_dir)
    assert snap_compare(app_with(app_factory), terminal_size=(80, 24), run_before=_open_done_dialog)


async def test_an_empty_week_suggests_how_to_start(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_mode(pilot, "plan")
        hint = pilot.app.screen.query_one("#plan-buildup")
        assert hint.display and "S for a gentle 9-week walk/run starter program" in str(hint.render())
        await pilot.press("S")
        await settle(pilot)
        await pilot.press("enter")  # start the program from today
        await settle(pilot)
        assert len(app.store.activities()) == 27
        assert not pilot.app.screen.query_one("#plan-buildup").display  # starter sessions get no note
