"""The morning check-in screen, driven with real key presses (and a mouse click)."""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest
from textual.widgets import Input
from ui_helpers import TODAY, error_text, open_mode, screen_text, settle

from runmate.models import MAX_NOTE, CheckIn, PlannedActivity, Settings
from runmate.screens.confirm import ConfirmScreen
from runmate.store import Store
from runmate.widgets.scale import ScalePicker

YESTERDAY = TODAY - dt.timedelta(days=1)


@pytest.fixture
def app_factory(app_factory):
    """Apps here start on the check-in screen (test_shell.py covers the key that opens it)."""
    return partial(app_factory, mode="checkin")


def notes(app) -> list[str]:
    """Title and message of every notification the app has shown."""
    return [f"{n.title}: {n.message}" for n in app.notifications]


def scale(screen, name: str) -> ScalePicker:
    return screen.query_one(f"#{name}", ScalePicker)


def text_input(screen, name: str) -> Input:
    return screen.query_one(f"#{name}", Input)


# --- a full check-in by keys ------------------------------------------------------------------


async def test_full_checkin_with_keys_takes_under_15_presses(app_factory, data_dir):
    app = app_factory(mode="dashboard")  # from the start of the app
    keys = ["c", "4", "3", "2", "7", "full_stop", "5", "enter", "4", "o", "k", "enter"]
    async with app.run_test(notifications=True) as pilot:
        await pilot.press("c")
        await settle(pilot)
        assert app.focused is not None and app.focused.id == "mood"
        await pilot.press(*keys[1:])
        await settle(pilot)
        assert app.current_mode == "dashboard"
        assert any("Saved your check-in for Wed 25 Nov" in n for n in notes(app))
    assert len(keys) < 15
    stored = Store(data_dir).checkins()
    assert len(stored) == 1
    c = stored[0]
    assert (c.date, c.mood, c.energy, c.stress, c.sleep_hours, c.sleep_quality, c.note) == (
        TODAY.isoformat(),
        4,
        3,
        2,
        7.5,
        4,
        "ok",
    )


async def test_digits_advance_and_tab_arrows_move(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await open_mode(pilot, "checkin")
        await pilot.press("3")
        assert scale(screen, "mood").value == 3
        assert app.focused.id == "energy"
        await pilot.press("down")
        assert app.focused.id == "stress"
        await pilot.press("up", "up")
        assert app.focused.id == "mood"
        await pilot.press("tab", "tab", "tab")
        assert app.focused.id == "sleep_hours"
        await pilot.press("down")
        assert app.focused.id == "sleep_quality"
        await pilot.press("shift+tab")
        assert app.focused.id == "sleep_hours"
        await pilot.press("enter")  # Enter moves on from every field but the last
        assert app.focused.id == "sleep_quality"
        await pilot.press("enter")
        assert app.focused.id == "note"


async def test_a_digit_corrects_a_filled_scale_and_stays_there(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await open_mode(pilot, "checkin")
        await pilot.press("3", "4")  # first fills: mood, then energy, then on to stress
        assert app.focused.id == "stress"
        await pilot.press("shift+tab", "2")  # back to energy: a correction
        assert scale(screen, "energy").value == 2
        assert app.focused.id == "energy"
        await pilot.press("5")  # and another: still there
        assert (scale(screen, "mood").value, scale(screen, "energy").value) == (3, 5)
        assert app.focused.id == "energy"
        await pilot.press("enter", "1")  # Enter moves on; a digit on the empty stress fills it and moves on
        assert scale(screen, "stress").value == 1
        assert app.focused.id == "sleep_hours"


async def test_enter_on_the_note_saves_as_help_and_the_key_line_say(app_factory, data_dir):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_mode(pilot, "checkin")
        assert "enter next, saves on the note" in screen_text(app)
        scale(screen, "mood").value = 4
        text_input(screen, "note").focus()
        await pilot.press("o", "k", "enter")
        await settle(pilot)
        assert app.current_mode == "dashboard"
    [stored] = Store(data_dir).checkins()
    assert (stored.mood, stored.note) == (4, "ok")


async def test_scale_shows_the_word_and_steps_with_arrows(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await open_mode(pilot, "checkin")
        await pilot.press("tab")  # energy
        await pilot.press("right")  # empty -> the middle
        assert scale(screen, "energy").value == 3
        assert "3 okay" in screen_text(app)
        await pilot.press("right", "right", "right")
        assert scale(screen, "energy").value == 5
        assert "5 very high" in screen_text(app)
        await pilot.press("minus")
        assert scale(screen, "energy").value == 4
        await pilot.press("backspace")  # optional scales clear
        assert scale(screen, "energy").value is None
        await pilot.press("shift+tab", "left", "backspace")  # mood is required: it does not clear
        assert scale(screen, "mood").value == 3
        assert app.focused.id == "mood"


async def test_mouse_click_chooses_a_number(app_factory, data_dir):
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await open_mode(pilot, "checkin")
        picker = scale(screen, "stress")
        # padding 1 + label 16, then cells " n " one column apart: 5 is at 17 + 4*4 + 1.
        await pilot.click("#stress", offset=(17 + 4 * 4 + 1, 0))
        assert picker.value == 5
        assert app.focused is picker
        assert "5 very stressed" in screen_text(app)
        await pilot.click("#mood", offset=(17 + 1 * 4 + 1, 0))
        assert scale(screen, "mood").value == 2
        await pilot.press("ctrl+s")
        await settle(pilot)
    c = Store(data_dir).checkin_on(TODAY)
    assert c is not None and (c.mood, c.stress) == (2, 5)


# --- editing, other days, deleting ------------------------------------------------------------


async def test_edit_today_updates_not_duplicates(app_factory, data_dir):
    app = app_factory()
    first, _ = app.store.save_checkin(CheckIn(date=TODAY.isoformat(), mood=2, energy=3, sleep_hours=6.0, note="tired"))
    async with app.run_test() as pilot:
        screen = await open_mode(pilot, "checkin")
        assert scale(screen, "mood").value == 2
        assert scale(screen, "energy").value == 3
        assert text_input(screen, "sleep_hours").value == "6"
        assert text_input(screen, "note").value == "tired"
        assert "saving again updates what you change" in screen_text(app)
        assert not screen.has_unsaved_changes()
        await pilot.press("4")
        assert screen.has_unsaved_changes()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.current_mode == "dashboard"
    stored = Store(data_dir).checkins()
    assert len(stored) == 1
    assert stored[0].id == first.id
    assert (stored[0].mood, stored[0].energy, stored[0].sleep_hours, stored[0].note) == (4, 3, 6.0, "tired")


async def test_fill_in_yesterday(app_factory, data_dir):
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await open_mode(pilot, "checkin")
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert screen.shown == YESTERDAY
        assert "Tue 24 Nov · yesterday" in screen_text(app)
        await pilot.press("3", "ctrl+s")
        await settle(pilot)
    stored = Store(data_dir).checkins()
    assert [(c.date, c.mood) for c in stored] == [(YESTERDAY.isoformat(), 3)]


async def test_moving_past_today_is_refused_gently(app_factory):
    app = app_factory()
    async with app.run_test(notifications=True) as pilot:
        screen = await open_mode(pilot, "checkin")
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert screen.shown == TODAY
        assert any("can wait for tomorrow" in n for n in notes(app))
        await pilot.press("left_square_bracket", "left_square_bracket")
        await settle(pilot)
        assert screen.shown == TODAY - dt.timedelta(days=2)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert screen.shown == YESTERDAY


async def test_switching_day_with_changes_asks_first(app_factory, data_dir):
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await open_mode(pilot, "checkin")
        await pilot.press("4", "shift+tab", "left_square_bracket")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep editing
        await settle(pilot)
        assert app.screen is screen and screen.shown == TODAY
        assert scale(screen, "mood").value == 4
        await pilot.press("left_square_bracket")
        await pilot.press("y")  # leave them
        await settle(pilot)
        assert screen.shown == YESTERDAY
        assert scale(screen, "mood").value is None
    assert Store(data_dir).checkins() == []


async def test_delete_asks_first(app_factory, data_dir):
    app = app_factory()
    app.store.save_checkin(CheckIn(date=TODAY.isoformat(), mood=3))
    async with app.run_test(notifications=True) as pilot:
        screen = await open_mode(pilot, "checkin")
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "Delete the check-in for Wed 25 Nov?" in screen_text(app)
        await pilot.press("enter")  # the focused answer is the safe one
        await settle(pilot)
        assert app.screen is screen
        assert Store(data_dir).checkin_on(TODAY) is not None
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("tab", "enter")  # shift to "Delete" and press it, all by keys
        await settle(pilot)
        assert app.screen is screen
        assert Store(data_dir).checkin_on(TODAY) is None
        assert scale(screen, "mood").value is None
        assert any("Deleted the check-in for Wed 25 Nov" in n for n in notes(app))
        assert "Nothing saved for this day yet" in screen_text(app)


async def test_answering_a_question_keeps_the_shown_day(app_factory, data_dir):
    app = app_factory()
    app.store.save_checkin(CheckIn(date=YESTERDAY.isoformat(), mood=2))
    async with app.run_test() as pilot:
        screen = await open_mode(pilot, "checkin")
        await pilot.press("left_square_bracket")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is screen
        assert screen.shown == YESTERDAY
        assert scale(screen, "mood").value == 2
    assert Store(data_dir).checkin_on(YESTERDAY) is not None


async def test_delete_yesterday_leaves_today(app_factory, data_dir):
    app = app_factory()
    app.store.save_checkin(CheckIn(date=TODAY.isoformat(), mood=3))
    app.store.save_checkin(CheckIn(date=YESTERDAY.isoformat(), mood=2))
    async with app.run_test() as pilot:
        await open_mode(pilot, "checkin")
        await pilot.press("left_square_bracket")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
    assert [c.date for c in Store(data_dir).checkins()] == [TODAY.isoformat()]


# --- validation -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("keys", "field", "message"),
    [
        ([], "mood", "Mood is a whole number from 1 (very low) to 5 (very good)."),
        # Words and below-zero hours: the same rule, in tests/unit/test_models.py::test_sleep_hours_refused;
        # text that is not a number, through this form: test_robust_ui.py::test_checkin_sleep_explains_instead_of_crashing.
        (["3", "tab", "tab", "2", "5"], "sleep_hours", "Sleep is hours from 0 to 24, like 7 or 7.5."),
    ],
)
async def test_bad_values_are_explained_next_to_the_field(app_factory, data_dir, keys, field, message):
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await open_mode(pilot, "checkin")
        await pilot.press(*keys, "ctrl+s")
        await settle(pilot)
        assert app.current_mode == "checkin"
        assert error_text(screen, field) == message
        assert message in screen_text(app)
        assert app.focused.id == field
        # Fixing the field clears its message.
        if field == "mood":
            await pilot.press("4")
        else:
            await pilot.press(*["backspace"] * 4, "8")
        assert error_text(screen, field) == ""
        assert Store(data_dir).checkins() == []
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.current_mode == "dashboard"
    assert len(Store(data_dir).checkins()) == 1


async def test_note_too_long_and_nothing_half_saved(app_factory, data_dir):
    app = app_factory()
    app.store.save_checkin(CheckIn(date=TODAY.isoformat(), mood=3, note="kept"))
    before = (data_dir / "runmate.json").read_bytes()
    async with app.run_test() as pilot:
        screen = await open_mode(pilot, "checkin")
        await pilot.press("5", "tab", "tab", "tab", "9", "9")  # mood corrected (it stays there), sleep 99: bad
        # 501 characters arrive as a paste would; typing them one by one adds nothing to the test.
        text_input(screen, "note").value = "a" * (MAX_NOTE + 1)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert error_text(screen, "sleep_hours") == "Sleep is hours from 0 to 24, like 7 or 7.5."
        assert error_text(screen, "note") == f"The note is at most {MAX_NOTE} characters (this one has {MAX_NOTE + 1})."
        assert error_text(screen, "mood") == ""
        assert app.focused.id == "sleep_hours"
        assert screen.has_unsaved_changes()
    assert (data_dir / "runmate.json").read_bytes() == before


async def test_comma_decimal_sleep_is_accepted(app_factory, data_dir):
    app = app_factory()
    async with app.run_test() as pilot:
        await open_mode(pilot, "checkin")
        await pilot.press("3", "tab", "tab", "7", "comma", "5", "ctrl+s")
        await settle(pilot)
    assert Store(data_dir).checkin_on(TODAY).sleep_hours == 7.5


# --- the sleep hint ---------------------------------------------------------------------------


async def test_sleep_hint_is_not_saved_unless_confirmed(app_factory, data_dir):
    app = app_factory()
    app.store.save_checkin(CheckIn(date=(TODAY - dt.timedelta(days=3)).isoformat(), mood=3, sleep_hours=6.5))
    app.store.save_checkin(CheckIn(date=(TODAY - dt.timedelta(days=2)).isoformat(), mood=3))  # no sleep given
    async with app.run_test() as pilot:
        screen = await open_mode(pilot, "checkin")
        assert text_input(screen, "sleep_hours").placeholder == "last time 6.5 h · ctrl+l to use it"
        assert "last time 6.5 h" in screen_text(app)
        await pilot.press("4", "ctrl+s")
        await settle(pilot)
    assert Store(data_dir).checkin_on(TODAY).sleep_hours is None

    app = app_factory()
    async with app.run_test() as pilot:
        screen = await open_mode(pilot, "checkin")
        await pilot.press("ctrl+l")
        assert text_input(screen, "sleep_hours").value == "6.5"
        assert app.focused.id == "sleep_hours"
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert Store(data_dir).checkin_on(TODAY).sleep_hours == 6.5


async def test_no_hint_without_earlier_sleep(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await open_mode(pilot, "checkin")
        assert text_input(screen, "sleep_hours").placeholder == "for example 7.5"
        await pilot.press("ctrl+l")
        assert text_input(screen, "sleep_hours").value == ""


# --- literal text, reloading ------------------------------------------------------------------


async def test_note_is_literal_text(app_factory, data_dir):
    app = app_factory()
    app.store.save_checkin(CheckIn(date=TODAY.isoformat(), mood=3, note="[bold]x[/]"))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_mode(pilot, "checkin")
        assert text_input(screen, "note").value == "[bold]x[/]"
        assert "[bold]x[/]" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert Store(data_dir).checkin_on(TODAY).note == "[bold]x[/]"


async def test_data_changed_reloads_only_a_clean_form(app_factory, data_dir):
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await open_mode(pilot, "checkin")
        other = Store(data_dir)
        other.save_checkin(CheckIn(date=TODAY.isoformat(), mood=5))
        screen.data_changed()
        await settle(pilot)
        assert scale(screen, "mood").value == 5
        assert not screen.has_unsaved_changes()
        await pilot.press("2")
        other.save_checkin(CheckIn(date=TODAY.isoformat(), mood=1))
        screen.data_changed()
        await settle(pilot)
        assert scale(screen, "mood").value == 2  # the user's edit is kept
        assert screen.has_unsaved_changes()


async def test_reopening_shows_today_prefilled(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await open_mode(pilot, "checkin")
        await pilot.press("left_square_bracket")
        await settle(pilot)
        await pilot.press("3", "ctrl+s")  # saves yesterday, then the dashboard
        await settle(pilot)
        assert app.current_mode == "dashboard"
        await pilot.press("c")
        await settle(pilot)
        assert screen.shown == TODAY
        assert scale(screen, "mood").value is None
        assert app.focused.id == "mood"


# --- after saving -----------------------------------------------------------------------------


async def test_line_back_mentions_todays_plan_and_an_easy_walk(app_factory):
    app = app_factory()
    app.store.add_activity(PlannedActivity(date=TODAY.isoformat(), kind="walk-run", minutes=20))
    async with app.run_test(notifications=True) as pilot:
        await open_mode(pilot, "checkin")
        await pilot.press("3", "1", "ctrl+s")  # energy 1
        await settle(pilot)
    shown = notes(app)
    assert any(n.startswith("Saved your check-in for Wed 25 Nov") and "Walk/run intervals, 20 min" in n for n in shown)
    assert any("an easy walk counts too" in n for n in shown)


async def test_save_announces_data_saved(app_factory):
    app = app_factory(mode="dashboard")  # from the start of the app
    calls: list[object] = []
    announce = app.data_saved
    app.data_saved = lambda source=None: (calls.append(source), announce(source))
    async with app.run_test() as pilot:
        await settle(pilot)  # the dashboard is up first and has shown "no check-in yet"
        await open_mode(pilot, "checkin")
        checkin_screen = app.screen
        await pilot.press("3", "ctrl+s")
        await settle(pilot)
        assert calls == [checkin_screen]
        # the dashboard, already open in the background, was told and shows the new check-in
        assert app.current_mode == "dashboard"
        assert "Mood 3 (okay)" in str(app.screen.query_one("#today-checkin").render())


def _low_history(store: Store, count: int) -> None:
    for i in range(1, count + 1):
        store.save_checkin(CheckIn(date=(TODAY - dt.timedelta(days=i)).isoformat(), mood=2))


async def test_safety_note_after_save_is_on_the_dashboard(app_factory, data_dir):
    app = app_factory(settings=Settings(welcomed=True, support_contact="Sam, 0123 456"))
    _low_history(app.store, 4)
    async with app.run_test(notifications=True) as pilot:
        await open_mode(pilot, "checkin")
        await pilot.press("1", "ctrl+s")  # the 5th low mood in the last 5 check-ins
        await settle(pilot)
        # The dashboard comes next and keeps the note in a panel of its own, not in a toast.
        assert app.current_mode == "dashboard" and app.screen.query_one("#safety-card").display
        shown = str(app.screen.query_one("#safety-note").render())
        assert "have to carry this alone" in shown and "talk to your doctor or someone you trust" in shown
        assert "Sam, 0123 456" in shown
        assert not [n for n in notes(app) if "have to carry this alone" in n]
        assert Store(data_dir).settings().safety_note_shown == TODAY.isoformat()  # the shell won't repeat it


async def test_no_safety_note_when_mood_is_not_mostly_low(app_factory, data_dir):
    app = app_factory()
    _low_history(app.store, 3)
    async with app.run_test(notifications=True) as pilot:
        await open_mode(pilot, "checkin")
        await pilot.press("2", "ctrl+s")  # 4 low of 4: fewer than 5 check-ins
        await settle(pilot)
        assert not app.screen.query_one("#safety-card").display
    assert Store(data_dir).settings().safety_note_shown is None


async def test_leaving_without_saving_drops_the_edits(app_factory):
    app = app_factory(mode="dashboard")  # from the start of the app
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("4")
        assert app.screen.has_unsaved_changes()
        await pilot.press("d")  # asks first
        await pilot.pause()
        await pilot.press("y")  # leave without saving
        await settle(pilot)
        assert app.current_mode == "dashboard"
        await pilot.press("c")
        await settle(pilot)
        assert not app.screen.has_unsaved_changes()
        assert app.store.checkins() == []
