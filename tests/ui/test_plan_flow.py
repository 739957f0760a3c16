"""The plan's smaller steps, driven with real key presses: real defaults in the add form, logging
what was already done, the starter program's preview, a quiet note after a move, the kind list
inside its dialog, and undo after a tick, rest, move or delete."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Select
from ui_helpers import TODAY, asks, open_mode, paste, screen_text, settle, shell

from runmate import plans
from runmate.models import STATUS_DONE, STATUS_REST, PlannedActivity, Settings
from runmate.screens.clash import ClashScreen
from runmate.screens.plan_dialogs import ActivityDialog
from runmate.screens.plan_starter import StarterDialog
from runmate.store import Store


@pytest.fixture
def app_factory(app_factory):
    return partial(app_factory, mode="plan", settings=Settings(welcomed=True, goal_days=3))


async def press(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


def add(data_dir: Path, date: str, kind: str = "run", minutes: int = 20, **extra) -> PlannedActivity:
    return Store(data_dir).add_activity(PlannedActivity(date=date, kind=kind, minutes=minutes, **extra))


def week_lines(app) -> list[str]:
    return [str(option.prompt) for option in app.screen.query_one("#plan-week", OptionList).options]


def said(app) -> str:
    """Every notification the app was asked to show (RecordingApp keeps them)."""
    return "\n".join(n.message for n in app.notifications)


async def highlight(pilot, activity_id: str) -> None:
    week = pilot.app.screen.query_one("#plan-week", OptionList)
    week.highlighted = week.get_option_index(f"act:{activity_id}")
    await settle(pilot)


# --- real defaults --------------------------------------------------------------------------------


async def test_the_add_form_has_real_defaults_and_no_example_values(data_dir: Path, app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "down", "a")  # Thursday 26 Nov
        dialog = app.screen
        assert isinstance(dialog, ActivityDialog)
        for field in dialog.query(Input):  # grey text only ever says a field is optional
            assert field.placeholder in ("", "optional"), field.id
        await press(pilot, "enter")  # nothing typed: it saves what it shows
    [a] = Store(data_dir).activities()
    assert (a.date, a.kind, a.minutes, a.warmup, a.time) == ("2026-11-26", "run", 20, 5, None)


# --- log what you already did ---------------------------------------------------------------------


async def test_log_what_you_did_in_one_step(data_dir: Path, app_factory, monkeypatch) -> None:
    app = app_factory()
    calls: list[str] = []
    for name in ("add_activity", "edit_activity", "update_activity"):
        original = getattr(app.store, name)
        monkeypatch.setattr(app.store, name, lambda *a, _o=original, _n=name, **k: calls.append(_n) or _o(*a, **k))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "down", "down", "l")  # Friday is still to come: it logs today
        assert "Log what you did" in screen_text(app)
        assert app.screen.query_one("#f-date", Input).value == TODAY.isoformat()
        app.screen.query_one("#f-kind", Select).value = "walk"
        await pilot.press(*"35")
        app.screen.query_one("#f-before").focus()
        await press(pilot, "2", "4")  # each digit moves on
        assert "2 low" in screen_text(app) and "4 good" in screen_text(app)
        await press(pilot, "ctrl+s")
        assert "Write a few words about it?" in screen_text(app)
        await press(pilot, "n")
        line = next(line for line in week_lines(app) if line.startswith("Wed 25 Nov"))
        assert "Walk  35 min" in line and "done" in line and "felt 2 low → 4 good" in line
    [a] = Store(data_dir).activities()
    assert (a.date, a.kind, a.minutes, a.status, a.before, a.after, a.actual_minutes) == (
        TODAY.isoformat(),
        "walk",
        35,
        STATUS_DONE,
        2,
        4,
        None,
    )
    assert calls == ["add_activity"]  # one store call


async def test_a_done_row_shows_the_minutes_moved_once(data_dir: Path, app_factory) -> None:
    add(data_dir, "2026-11-24", "run", 20, status=STATUS_DONE, actual_minutes=25)
    app = app_factory()
    async with app.run_test(size=(120, 36)) as pilot:
        await open_mode(pilot, "plan")
        line = next(line for line in week_lines(app) if line.startswith("Tue 24 Nov"))
        assert "25 min" in line and "20 min" not in line


# --- the starter program's preview ----------------------------------------------------------------


async def test_the_starter_dialog_shows_what_it_books_before_booking(data_dir: Path, app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "S")
        assert isinstance(app.screen, StarterDialog)
        text = screen_text(app)
        assert "Wed, Fri and Sun, with a rest day between" in text
        assert "Wed 25 Nov, Fri 27 Nov and Sun 29 Nov: 20 min each" in text
        assert "Sun 24 Jan 2027, 27 sessions in all" in text
        await press(pilot, "ctrl+u")
        paste(app, "2026-11-26")
        await press(pilot, "tab", "5")
        text = screen_text(app)
        assert "Thu, Sat and Mon" in text and "Week 5" in text and "Mon 30 Nov: Run 20 min" in text
        assert Store(data_dir).activities() == []  # nothing booked yet
        await press(pilot, "enter")
    booked = Store(data_dir).activities()
    assert booked[0].date == "2026-11-26" and booked[0].program_week == 5 and len(booked) == 15


# --- a run next to a starter run ------------------------------------------------------------------


async def test_moving_a_run_next_to_a_starter_run_gets_a_quiet_note(data_dir: Path, app_factory) -> None:
    Store(data_dir).add_activities(plans.starter_sessions(dt.date(2026, 11, 26)))  # Thu, Sat, Mon
    mine = add(data_dir, "2026-11-25", "run", 30)
    app = app_factory()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_mode(pilot, "plan")
        await highlight(pilot, mine.id)
        await press(pilot, "m", "down", "down", "enter")  # to Friday, between two sessions
        assert "Another run the day before." in said(app)
        assert "Moved to Fri 27 Nov.  Press u to undo." in said(app)
    assert {a.id: a for a in Store(data_dir).activities()}[mine.id].date == "2026-11-27"  # never a block


# --- the kind list stays inside its dialog ------------------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_the_kind_list_stays_inside_the_dialog(app_factory, size) -> None:
    app = app_factory()
    async with app.run_test(size=size) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "a", "shift+tab", "enter")
        dialog = app.screen.query_one("#activity-dialog").region
        overlay = app.screen.query_one("SelectOverlay")
        assert overlay.display and overlay.region.height >= 5
        assert dialog.contains_region(overlay.region), (dialog, overlay.region)


# --- undo ---------------------------------------------------------------------------------------


async def test_tick_rest_move_and_delete_can_each_be_undone(data_dir: Path, app_factory) -> None:
    walk = add(data_dir, "2026-11-25", "walk", 30, note="park")
    original = walk.to_dict()
    app = app_factory()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_mode(pilot, "plan")

        def stored() -> dict:
            return {a.id: a for a in Store(data_dir).activities()}[walk.id].to_dict()

        def same_as_before(d: dict) -> bool:
            return {k: v for k, v in d.items() if k != "updated"} == {
                k: v for k, v in original.items() if k != "updated"
            }

        await press(pilot, "space", "3", "4", "enter", "n")
        assert stored()["status"] == STATUS_DONE
        assert "Ticked off. Well moved.  Press u to undo." in said(app)
        await press(pilot, "u")
        assert same_as_before(stored())
        await press(pilot, "r", "enter")
        assert stored()["status"] == STATUS_REST
        await press(pilot, "u")
        assert same_as_before(stored())
        await press(pilot, "m", "down", "enter")
        assert stored()["date"] == "2026-11-26"
        await press(pilot, "u")
        assert same_as_before(stored())
        just_before = stored()
        await press(pilot, "x", "y")
        assert Store(data_dir).activities() == []
        await press(pilot, "u")
        assert stored() == just_before  # the same record, with its id and stamps
        assert "Undone: it is back." in said(app)


async def test_undo_never_undoes_a_later_change_made_elsewhere(data_dir: Path, app_factory) -> None:
    walk = add(data_dir, "2026-11-25", "walk", 30)
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "m", "down", "enter")  # to Thursday
        shell(data_dir, "plan", "move", walk.id[:8], "--date", "2026-11-28")  # then Saturday, elsewhere
        await pilot.press("u")
        await asks(pilot, ClashScreen)
        await press(pilot, "o")  # keep the other
    assert Store(data_dir).activities()[0].date == "2026-11-28"


async def test_the_offer_to_undo_ends(data_dir: Path, app_factory, monkeypatch) -> None:
    monkeypatch.setattr("runmate.screens.plan_undo.UNDO_SECONDS", 0.0)
    add(data_dir, "2026-11-25", "walk", 30)
    app = app_factory()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "r", "enter", "u")
        assert "Nothing to undo just now." in said(app)
    assert Store(data_dir).activities()[0].status == STATUS_REST


async def test_an_empty_day_says_how_to_log(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_mode(pilot, "plan")
        await press(pilot, "space")
        assert "or l to log what you did" in said(app)
    assert app.store.activities() == []


# --- snapshots ------------------------------------------------------------------------------------


def test_snapshot_add_dialog_kind_list_80x24(snap_compare, app_factory) -> None:
    async def run_before(pilot) -> None:
        await open_mode(pilot, "plan")
        await press(pilot, "a", "shift+tab", "enter")

    assert snap_compare(app_factory(), terminal_size=(80, 24), run_before=run_before)


def test_snapshot_log_dialog_80x24(snap_compare, app_factory) -> None:
    async def run_before(pilot) -> None:
        await open_mode(pilot, "plan")
        await press(pilot, "l")
        pilot.app.screen.query_one("#f-before").focus()
        await press(pilot, "2", "4")

    assert snap_compare(app_factory(), terminal_size=(80, 24), run_before=run_before)


def test_snapshot_starter_dialog_80x24(snap_compare, data_dir: Path, app_factory) -> None:
    Store(data_dir).add_activities(plans.starter_sessions(TODAY))  # so it says what it replaces

    async def run_before(pilot) -> None:
        await open_mode(pilot, "plan")
        await press(pilot, "S", "end")  # the cursor after the date, nothing selected

    assert snap_compare(app_factory(), terminal_size=(80, 24), run_before=run_before)
