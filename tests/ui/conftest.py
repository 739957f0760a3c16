"""Helpers for Pilot and snapshot tests: an app on its own data folder with a fixed 'today'."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea
from ui_helpers import TODAY, RecordingApp

from runmate.models import Settings
from runmate.store import Store


def make_app(
    data_dir: Path,
    *,
    today: dt.date = TODAY,
    welcomed: bool = True,
    settings: Settings | None = None,
    poll_interval: float | None = None,
    mode: str | None = None,
    warm_up_after: float | None = None,
):
    """A RunmateApp on ``data_dir`` that records its notifications, starting in ``mode`` (by
    default the dashboard). By default the first-run welcome is marked as seen, and the app does
    not look for changes made elsewhere (a test about that passes a poll_interval), and it does not
    get the other modes ready ahead of their visits (a test about that passes warm_up_after)."""
    store = Store(data_dir)
    if settings is not None or welcomed:
        chosen = settings or Settings()
        chosen.welcomed = welcomed if settings is None else chosen.welcomed
        store.save_settings(chosen)
    store.check()
    return RecordingApp(store=store, today=today, poll_interval=poll_interval, mode=mode, warm_up_after=warm_up_after)


@pytest.fixture
def app_factory(data_dir: Path):
    def factory(**kwargs):
        return make_app(data_dir, **kwargs)

    return factory


@pytest.fixture(autouse=True)
def _no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cursors never blink in a UI test: a blink timer firing while a test looks (or a snapshot is
    taken) changes what the screen shows, and under load it once failed a journal snapshot.

    Every Input and TextArea, wherever it is made (a screen, a dialog, a widget of runmate's), starts
    with its public ``cursor_blink`` switched off.
    """
    for widget_class in (Input, TextArea):
        made = widget_class.__init__

        def init(self, *args, __made=made, **kwargs) -> None:
            __made(self, *args, **kwargs)
            self.cursor_blink = False

        monkeypatch.setattr(widget_class, "__init__", init)


@pytest.fixture(autouse=True)
def _plain_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The welcome and settings offer the country the locale names: every UI test (and snapshot)
    sees the same locale, one that names no country, unless it sets its own."""
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
