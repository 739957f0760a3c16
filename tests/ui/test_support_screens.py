"""Where to turn, on screen: the country chosen in the welcome and in settings, the person's own
line, the crisis line in the low-mood note and in help, and the note hidden until tomorrow."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input, Static
from ui_helpers import TODAY, paste, screen_text, settle

from runmate.models import CheckIn, Settings
from runmate.screens.dashboard import DashboardScreen
from runmate.screens.settings import SettingsScreen
from runmate.screens.welcome import WelcomeScreen
from runmate.store import Store
from tests.ui.conftest import make_app


def _low_week(store: Store, today: dt.date = TODAY) -> None:
    for days in range(5):
        store.save_checkin(CheckIn(date=(today - dt.timedelta(days=days)).isoformat(), mood=2))


def _text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_the_welcome_offers_the_locale_country_and_saves_the_one_typed(app_factory, data_dir, monkeypatch):
    monkeypatch.setenv("LANG", "en_NZ.UTF-8")
    app = app_factory(welcomed=False)
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        country = app.screen.query_one("#welcome-country", Input)
        assert "your system says NZ" in country.placeholder and country.value == ""  # offered, not set
        country.focus()
        await pilot.press("i", "e")
        await settle(pilot)
        assert "In Ireland: Samaritans, call 116 123" in _text(app, "#welcome-line")
        await pilot.press("enter")  # the last question: starts
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    assert Store(data_dir).settings().country == "IE"


async def test_a_welcome_left_alone_sets_no_country_even_when_the_locale_names_one(app_factory, data_dir, monkeypatch):
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    app = app_factory(welcomed=False)
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert Store(data_dir).settings().country == ""


async def test_settings_show_the_line_for_the_country_typed_and_save_it_with_your_own_line(app_factory, data_dir):
    app = app_factory()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#country", Input).focus()
        await pilot.press(*"au")
        await settle(pilot)
        assert "In Australia: Lifeline, call 13 11 14" in _text(app, "#country-hint")
        await pilot.press("tab")
        paste(app, "Mum [evenings] 0400 000 111")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, SettingsScreen)
    saved = Store(data_dir).settings()
    assert (saved.country, saved.own_line) == ("AU", "Mum [evenings] 0400 000 111")


async def test_a_country_that_is_not_two_letters_is_refused_by_the_field(app_factory, data_dir):
    app = app_factory()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("s")
        await settle(pilot)
        app.screen.query_one("#country", Input).focus()
        await pilot.press(*"Narnia", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        assert "two letters" in _text(app, "#country-error")
    assert Store(data_dir).settings().country == ""


async def test_the_low_mood_note_names_the_line_of_the_country_and_your_own_line(app_factory):
    settings = Settings(support_contact="Ana", country="US", own_line="Dr Lee 555 0101", welcomed=True)
    app = app_factory(settings=settings)
    _low_week(app.store)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        note = " ".join(_text(app, "#safety-note").split())
        assert "You don't have to carry this alone" in note
        assert "Your support contact: Ana." in note and "Your own line: Dr Lee 555 0101." in note
        assert "988 Suicide & Crisis Lifeline, call or text 988" in note
        assert "In an emergency, call 911." in note


async def test_a_country_without_a_line_gets_the_directory_in_the_note(app_factory):
    app = app_factory(settings=Settings(country="JP", welcomed=True))
    _low_week(app.store)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        note = " ".join(_text(app, "#safety-note").split())
        assert "findahelpline.com" in note and "local emergency number" in note


async def test_hiding_the_note_lasts_until_tomorrow_across_a_restart(data_dir):
    app = make_app(data_dir)
    _low_week(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#safety-card").display
        await pilot.press("n")
        await settle(pilot)
        assert not app.screen.query_one("#safety-card").display
    assert Store(data_dir).settings().safety_note_hidden == TODAY.isoformat()
    again = make_app(data_dir, welcomed=False, settings=None)  # the same day, opened again
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not again.screen.query_one("#safety-card").display
        assert "carry this alone" not in screen_text(again)
    tomorrow = TODAY + dt.timedelta(days=1)
    Store(data_dir).save_checkin(CheckIn(date=tomorrow.isoformat(), mood=2))
    later = make_app(data_dir, today=tomorrow, welcomed=False, settings=None)
    async with later.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert later.screen.query_one("#safety-card").display


async def test_help_names_the_line_for_your_country_and_when_the_lines_were_checked(app_factory):
    app = app_factory(settings=Settings(country="GB", own_line="Jo 07700 900000", welcomed=True))
    async with app.run_test(size=(120, 60)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        text = _text(app, "#help-support")
        assert "In the United Kingdom: Samaritans, call 116 123" in text
        assert "Your own line: Jo 07700 900000." in text
        assert "last checked on 2026-12-08" in text
