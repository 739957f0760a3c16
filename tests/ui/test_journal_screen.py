"""The journal screen, driven with real key presses: write, save, edit, delete, search, tags,
months, on this day, everything, the discard guard, changes made in the shell meanwhile, and the
offer after ticking an activity off."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea
from ui_helpers import TODAY, RecordingApp, open_mode, screen_text, settle, shell, until

from runmate.app import RunmateApp
from runmate.journal import prompt_for
from runmate.models import STATUS_DONE, CheckIn, JournalEntry, PlannedActivity
from runmate.screens.checkin import CheckInScreen
from runmate.screens.clash import ClashScreen
from runmate.screens.confirm import ConfirmScreen
from runmate.screens.journal import JournalScreen
from runmate.screens.pick import PickScreen
from runmate.screens.plan import PlanScreen
from runmate.screens.plan_dialogs import ActivityDialog
from runmate.screens.plan_done import DoneDialog
from runmate.store import Store

RUN_ID = "a" * 32


def seed(data_dir: Path) -> Store:
    """A run with a note, a check-in note and four reflections over two years."""
    store = Store(data_dir)
    store.update_settings(lambda s: setattr(s, "welcomed", True))
    store.add_activity(
        PlannedActivity(
            date="2026-10-25",
            kind="run",
            minutes=25,
            status=STATUS_DONE,
            before=2,
            after=4,
            note="Easy pace #park",
            id=RUN_ID,
            created="2026-10-20T08:00:00+00:00",
        )
    )
    store.save_checkin(CheckIn(date="2026-11-24", mood=3, note="Slept badly, coffee helps."))
    for n, (date, text, link) in enumerate(
        [
            ("2026-11-20", "Rain run.\nSilly and wet and oddly HAPPY. #rain #park", None),
            ("2026-10-25", "Ran the park loop, no stopping. #park", RUN_ID),
            ("2026-09-03", "[bold]Not markup[/bold] and a quiet walk.", None),
            ("2025-11-25", "A year ago today: 日本語の日記. #日記", None),
        ]
    ):
        store.add_journal(
            JournalEntry(
                date=date, text=text, activity_id=link, id=f"e{n}" + "0" * 30, created=f"{date}T21:00:00+00:00"
            )
        )
    return store


def quiet_app(data_dir: Path, mode: str | None = None) -> RunmateApp:
    """An app that only notices outside writes when a test says so (no polling), starting in
    ``mode`` (by default the dashboard; test_shell.py covers the keys that open the others)."""
    store = Store(data_dir)
    store.update_settings(lambda s: setattr(s, "welcomed", True))
    return RecordingApp(store=store, today=TODAY, poll_interval=600, mode=mode)


async def press(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[{" ": "space", "\n": "enter"}.get(ch, ch) for ch in text])
    await settle(pilot)


def shown(app) -> list[str]:
    """The first line of each entry in the list, as listed."""
    entries = app.screen.query_one("#journal-list")
    return [entries._items[i].heading for i in entries._shown]


# --- reading ------------------------------------------------------------------------------------


async def test_the_list_is_newest_first_beside_the_reader_and_text_is_literal(data_dir):
    seed(data_dir)
    app = quiet_app(data_dir, mode="journal")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_mode(pilot, "journal")
        assert shown(app) == [
            "Rain run.",
            "Ran the park loop, no stopping. #park",
            "[bold]Not markup[/bold] and a quiet walk.",
            "A year ago today: 日本語の日記. #日記",
        ]
        text = screen_text(app)
        assert "Reflections · 4" in text
        assert "Friday 20 November" in text and "Silly and wet and oddly HAPPY. #rain #park" in text
        assert "Tags  #rain  #park" in text
        await press(pilot, "down")
        text = screen_text(app)
        assert "About  Run, 25 min · felt 2 low → 4 good" in text
        assert "· Run" in text  # the list marks a reflection about an activity
        await press(pilot, "down")
        assert "[bold]Not markup[/bold] and a quiet walk." in screen_text(app)


async def test_an_empty_journal_invites_without_asking(data_dir):
    app = quiet_app(data_dir, mode="journal")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "journal")
        assert "Nothing written yet." in screen_text(app)
        assert "Press n to write your first reflection" in screen_text(app)


async def test_at_80_columns_the_reader_takes_the_screen_and_esc_goes_back(data_dir):
    seed(data_dir)
    app = quiet_app(data_dir, mode="journal")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_mode(pilot, "journal")
        assert "Rain run." in screen_text(app) and "Silly and wet" not in screen_text(app)
        await press(pilot, "enter")
        text = screen_text(app)
        assert "Silly and wet and oddly HAPPY." in text and "Ran the park loop" not in text
        await press(pilot, "escape")
        assert screen.focused is screen.query_one("#journal-list")
        assert "Ran the park loop" in screen_text(app)


# --- writing ------------------------------------------------------------------------------------


async def test_write_and_save_a_new_reflection(data_dir):
    seed(data_dir)
    app = quiet_app(data_dir, mode="journal")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_mode(pilot, "journal")
        await press(pilot, "n")
        assert isinstance(screen.focused, TextArea)
        assert screen.focused.cursor_blink is False  # tests/ui/conftest.py: no blink in any UI test
        assert prompt_for(TODAY) in screen_text(app)  # the day's prompt over the empty editor
        await type_text(pilot, "Short walk, [bold]dcpjsq[/] #sun")
        assert app.current_mode == "journal"  # letters went into the text, not to the mode keys
        assert prompt_for(TODAY) not in screen_text(app)
        await press(pilot, "ctrl+s")
        assert screen.focused is screen.query_one("#journal-list")
        assert shown(app)[0] == "Short walk, [bold]dcpjsq[/] #sun"
        assert "Short walk, [bold]dcpjsq[/] #sun" in screen_text(app)
    newest = Store(data_dir).journal()[-1]
    assert (newest.date, newest.text, newest.activity_id) == ("2026-11-25", "Short walk, [bold]dcpjsq[/] #sun", None)


async def test_unicode_is_kept_exactly(data_dir):
    app = quiet_app(data_dir, mode="journal")
    text = "Café naïve 日本語の日記 🏃‍♀️ 🌧️ שלום مرحبا e\u0301"
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_mode(pilot, "journal")
        await press(pilot, "n")
        screen.query_one(TextArea).insert(text)  # as a paste would
        await press(pilot, "ctrl+s")
        [entry] = Store(data_dir).journal()
        assert entry.text == text
        await press(pilot, "slash")
        await type_text(pilot, "日記")
        assert shown(app) == [text]


async def test_an_empty_reflection_is_not_saved(data_dir):
    app = quiet_app(data_dir, mode="journal")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_mode(pilot, "journal")
        await press(pilot, "n", "space", "enter", "ctrl+s")
        assert "Write a few words first; an empty reflection isn't saved." in screen_text(app)
        assert isinstance(app.screen, JournalScreen) and app.screen._draft is not None
    assert Store(data_dir).journal() == []


async def test_escape_asks_before_throwing_text_away(data_dir):
    app = quiet_app(data_dir, mode="journal")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_mode(pilot, "journal")
        await press(pilot, "n")
        await press(pilot, "escape")  # nothing typed: closes without asking
        assert screen._draft is None and isinstance(app.screen, JournalScreen)
        await press(pilot, "n")
        await type_text(pilot, "Half a thought")
        await press(pilot, "escape")
        assert isinstance(app.screen, ConfirmScreen) and "Throw away what you wrote?" in screen_text(app)
        await press(pilot, "n")  # keep writing
        assert app.screen is screen and screen.query_one(TextArea).text == "Half a thought"
        assert isinstance(screen.focused, TextArea)
        await press(pilot, "ctrl+p")  # the mode keys are letters; the palette leaves the editor
        await type_text(pilot, "Dashboard")
        await press(pilot, "enter")
        assert app.screen.id == "leave-question"  # the app asks too
        await press(pilot, "n")
        assert app.current_mode == "journal" and screen.query_one(TextArea).text == "Half a thought"
        await press(pilot, "escape")
        await press(pilot, "y")
        assert screen._draft is None
    assert Store(data_dir).journal() == []


async def test_edit_keeps_the_link_and_delete_asks_first(data_dir):
    seed(data_dir)
    app = quiet_app(data_dir, mode="journal")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_mode(pilot, "journal")
        await press(pilot, "down", "e")
        assert screen.query_one(TextArea).text == "Ran the park loop, no stopping. #park"
        await type_text(pilot, " Proud.")
        await press(pilot, "ctrl+s")
        entry = Store(data_dir).journal_entry("e1" + "0" * 30)
        assert (entry.text, entry.activity_id) == ("Ran the park loop, no stopping. #park Proud.", RUN_ID)
        assert shown(app)[1] == "Ran the park loop, no stopping. #park Proud."  # still highlighted
        await press(pilot, "x")
        assert isinstance(app.screen, ConfirmScreen) and "Delete your reflection of Sunday 25 October?" in screen_text(
            app
        )
        await press(pilot, "n")
        assert Store(data_dir).journal_entry("e1" + "0" * 30) is not None
        await press(pilot, "x", "y")
        assert Store(data_dir).journal_entry("e1" + "0" * 30) is None
        assert "Ran the park loop" not in " ".join(shown(app))


# --- finding ------------------------------------------------------------------------------------


async def test_search_filters_as_you_type_in_any_case(data_dir):
    seed(data_dir)
    app = quiet_app(data_dir, mode="journal")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_mode(pilot, "journal")
        await press(pilot, "slash")
        assert isinstance(screen.focused, Input)
        await type_text(pilot, "PA")
        assert shown(app) == ["Rain run.", "Ran the park loop, no stopping. #park"]
        await type_text(pilot, "rk lo")
        assert shown(app) == ["Ran the park loop, no stopping. #park"]
        assert "“PArk lo”" in screen_text(app)
        await type_text(pilot, "x")
        assert shown(app) == [] and "Nothing here matches." in screen_text(app)
        assert app.current_mode == "journal"
        await press(pilot, "escape")  # empties the search
        assert len(shown(app)) == 4
        await press(pilot, "escape")  # back to the list
        assert screen.focused is screen.query_one("#journal-list")


async def test_tags_are_listed_and_filter(data_dir):
    seed(data_dir)
    app = quiet_app(data_dir, mode="journal")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_mode(pilot, "journal")
        await press(pilot, "t")
        assert isinstance(app.screen, PickScreen)
        text = screen_text(app)
        assert "#park  (2)" in text and "#rain  (1)" in text and "#日記  (1)" in text
        await press(pilot, "down", "enter")  # the first tag after "All tags": #park
        assert shown(app) == ["Rain run.", "Ran the park loop, no stopping. #park"]
        assert "Reflections · #park · 2" in screen_text(app)
        await press(pilot, "escape")
        assert len(shown(app)) == 4


async def test_months_and_on_this_day(data_dir):
    seed(data_dir)
    app = quiet_app(data_dir, mode="journal")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_mode(pilot, "journal")
        await press(pilot, "m")
        assert "October 2026  (1)" in screen_text(app)
        await press(pilot, "down", "down", "enter")
        assert shown(app) == ["Ran the park loop, no stopping. #park"]
        await press(pilot, "left_square_bracket")
        assert shown(app) == ["[bold]Not markup[/bold] and a quiet walk."]
        assert "September 2026" in screen_text(app)
        await press(pilot, "right_square_bracket", "right_square_bracket", "right_square_bracket")
        assert shown(app) == ["Rain run."]  # November: the month after is still to come
        await press(pilot, "escape", "o")
        assert shown(app) == ["Ran the park loop, no stopping. #park", "A year ago today: 日本語の日記. #日記"]
        assert "on the 25th" in screen_text(app)


async def test_everything_lists_notes_that_open_in_their_own_screen(data_dir):
    seed(data_dir)
    app = quiet_app(data_dir, mode="journal")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_mode(pilot, "journal")
        await press(pilot, "f")
        assert shown(app)[0] == "Slept badly, coffee helps."
        assert "Easy pace #park" in shown(app)
        text = screen_text(app)
        assert "check-in note" in text and "Everything you wrote · 6" in text
        assert app.screen.query_one("#journal-list").highlighted.heading == "Rain run."  # the cursor stays
        await press(pilot, "up", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen)
        assert app.screen.shown.isoformat() == "2026-11-24"
        assert app.screen.focused.id == "note" and app.screen.focused.value == "Slept badly, coffee helps."
        app.screen.query_one("#mood").focus()
        await press(pilot, "j")
        assert app.current_mode == "journal"
        await press(pilot, "down", "down", "down")
        assert app.screen.query_one("#journal-list").highlighted.heading == "Easy pace #park"
        await press(pilot, "e")
        await until(pilot, lambda: isinstance(app.screen, ActivityDialog), "the activity dialog")
        assert app.screen.query_one("#f-note").value == "Easy pace #park"


# --- changes made elsewhere ---------------------------------------------------------------------


async def test_an_edit_from_the_shell_is_never_silently_overwritten(data_dir):
    seed(data_dir)
    app = quiet_app(data_dir, mode="journal")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_mode(pilot, "journal")
        await press(pilot, "e")
        await type_text(pilot, " Mine.")
        shell(data_dir, "journal", "edit", "e0", "--text", "Changed in the shell.")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ClashScreen), "the clash question")
        assert "Text: yours " in screen_text(app) and 'the other "Changed in the shell."' in screen_text(app)
        await press(pilot, "escape")  # back to editing: nothing lost
        assert app.screen.query_one(TextArea).text.endswith(" Mine.")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ClashScreen), "the clash question")
        await press(pilot, "o")  # keep the other
        assert Store(data_dir).journal_entry("e0" + "0" * 30).text == "Changed in the shell."
        assert app.screen._draft is None
        await press(pilot, "e")
        await type_text(pilot, " Mine again.")
        shell(data_dir, "journal", "edit", "e0", "--text", "Changed twice.")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ClashScreen), "the clash question")
        await press(pilot, "m")
    assert Store(data_dir).journal_entry("e0" + "0" * 30).text == "Changed in the shell. Mine again."


async def test_an_untouched_text_follows_the_file(data_dir):
    seed(data_dir)
    app = quiet_app(data_dir, mode="journal")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_mode(pilot, "journal")
        await press(pilot, "e")
        shell(data_dir, "journal", "edit", "e0", "--text", "From the shell.")
        screen.data_changed()  # what the app's file watch calls
        await settle(pilot)
        assert screen.query_one(TextArea).text == "From the shell."
        assert not screen.has_unsaved_changes()
        await press(pilot, "ctrl+s")
        assert not isinstance(app.screen, ClashScreen)
    assert Store(data_dir).journal_entry("e0" + "0" * 30).text == "From the shell."


async def test_a_reflection_deleted_in_the_shell_is_saved_again_only_when_asked(data_dir):
    seed(data_dir)
    app = quiet_app(data_dir, mode="journal")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_mode(pilot, "journal")
        await press(pilot, "e")
        await type_text(pilot, " More.")
        shell(data_dir, "journal", "delete", "e0")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        assert "was deleted elsewhere" in screen_text(app)
        await press(pilot, "y")
    entry = Store(data_dir).journal_entry("e0" + "0" * 30)
    assert entry.text.endswith("HAPPY. #rain #park More.") and entry.date == "2026-11-20"


# --- after a tick -------------------------------------------------------------------------------


async def test_after_a_tick_the_plan_offers_a_few_words_and_links_them(data_dir):
    store = Store(data_dir)
    walk = store.add_activity(PlannedActivity(date="2026-11-24", kind="walk", minutes=30))
    app = quiet_app(data_dir, mode="plan")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_mode(pilot, "plan")
        week = app.screen.query_one("#plan-week")
        week.highlighted = week.get_option_index(f"act:{walk.id}")
        await press(pilot, "space")
        assert isinstance(app.screen, DoneDialog)
        await press(pilot, "2", "4", "ctrl+s")  # a digit on each scale moves on to the next
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the offer")
        assert "Write a few words about it?" in screen_text(app)
        await press(pilot, "y")
        await settle(pilot)
        assert app.current_mode == "journal"
        text = screen_text(app)
        assert "New reflection · Tuesday 24 November" in text
        assert "About  Walk, 30 min · felt 2 low → 4 good" in text
        await type_text(pilot, "Lighter after.")
        await press(pilot, "ctrl+s")
    [entry] = Store(data_dir).journal()
    assert (entry.text, entry.activity_id, entry.date) == ("Lighter after.", walk.id, "2026-11-24")


async def test_the_offer_is_easy_to_skip(data_dir):
    store = Store(data_dir)
    walk = store.add_activity(PlannedActivity(date="2026-11-25", kind="walk", minutes=30))
    app = quiet_app(data_dir, mode="plan")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        week = app.screen.query_one("#plan-week")
        week.highlighted = week.get_option_index(f"act:{walk.id}")
        await press(pilot, "space", "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the offer")
        await press(pilot, "enter")  # "Not now" has the focus
        assert isinstance(app.screen, PlanScreen)
        assert Store(data_dir).activities()[0].status == STATUS_DONE
    assert Store(data_dir).journal() == []
