"""Keys that come all at once (typed while a screen opens, sent by a terminal multiplexer) are
dealt with one after the other, each where the one before it left the focus (runmate.key_order)."""

from __future__ import annotations

import asyncio

from textual import events
from textual.widgets import Static
from ui_helpers import TODAY, settle

from runmate.key_order import KEY_WAIT, KeysInOrder
from runmate.store import Store

CHARACTERS = {"enter": "\r", "space": " ", "full_stop": ".", "ctrl+s": None}


def burst(app, keys: list[str]) -> None:
    """Put ``keys`` in the app's queue all at once, as a terminal sends keys typed faster than the
    app takes them (Pilot's press waits for the app after every key)."""
    for key in keys:
        app.post_message(events.Key(key, CHARACTERS.get(key, key)))


def typed(text: str) -> list[str]:
    return [{" ": "space"}.get(ch, ch) for ch in text]


async def test_a_check_in_typed_all_at_once_from_the_dashboard(app_factory, data_dir):
    app = app_factory()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        # The mode key, then the check-in, before the check-in screen has even opened.
        burst(app, ["c", "4", "3", "2", "7", "full_stop", "5", "enter", "4", *typed("Slept ok"), "enter"])
        await settle(pilot)
        assert app.current_mode == "dashboard"  # enter on the note saved and went back
    [saved] = Store(data_dir).checkins()
    assert (saved.date, saved.mood, saved.energy, saved.stress, saved.sleep_hours, saved.sleep_quality, saved.note) == (
        TODAY.isoformat(),
        4,
        3,
        2,
        7.5,
        4,
        "Slept ok",
    )


async def test_a_reflection_typed_all_at_once(app_factory, data_dir):
    app = app_factory()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        # The journal's key, its "new" key, the text (its letters are app keys elsewhere), save.
        burst(app, ["j", "n", *typed("Slept well, jogged past the park."), "ctrl+s"])
        await settle(pilot)
    [entry] = Store(data_dir).journal()
    assert entry.text == "Slept well, jogged past the park."


class SlowKeys(Static, can_focus=True):
    """Takes every key; the key "a" takes it a second longer than a key is ever held."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[str] = []

    async def on_key(self, event: events.Key) -> None:
        event.stop()
        if event.key == "a":
            await asyncio.sleep(KEY_WAIT + 1.0)
        self.keys.append(event.key)


class SlowApp(KeysInOrder):
    def compose(self):
        yield SlowKeys()


async def test_a_key_dealt_with_slowly_holds_the_next_only_a_moment():
    app = SlowApp()
    async with app.run_test() as pilot:
        await pilot.pause(0)
        widget = app.query_one(SlowKeys)
        assert app.focused is widget
        burst(app, ["a", "b"])
        await asyncio.sleep(0.2)
        assert [key.key for key in app.keys_waiting] == ["b"]  # b waits while a is dealt with
        await asyncio.sleep(KEY_WAIT)
        assert list(app.keys_waiting) == []  # and no longer than KEY_WAIT: it has gone to the widget
        assert widget.keys == []  # which is still on a
        await asyncio.sleep(1.5)
        assert widget.keys == ["a", "b"]  # in the order typed


async def test_a_widget_that_takes_no_more_messages_does_not_hold_up_the_keys(monkeypatch):
    """A widget with messages waiting that takes nothing more (it is closing) counts as done."""
    app = SlowApp()
    async with app.run_test() as pilot:
        await pilot.pause(0)
        widget = app.query_one(SlowKeys)
        monkeypatch.setattr(widget, "call_later", lambda *args, **kwargs: False)
        burst(app, ["a", "b"])  # "a" keeps the widget busy a while
        await asyncio.sleep(0.2)
        widget.post_message(events.Key("c", "c"))  # one more message waiting on the widget
        await asyncio.sleep(KEY_WAIT + 1.5)
        assert app.is_running
        assert widget.keys == ["a", "b", "c"]
