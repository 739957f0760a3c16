"""Each workaround of runmate.workarounds: that Textual still needs it (these fail once Textual is
fixed, so the workaround can go), and that runmate's works."""

from __future__ import annotations

from textual.app import App
from textual.screen import Screen
from textual.widgets import Static
from ui_helpers import settle


class Plain(Screen):
    def compose(self):
        yield Static(type(self).__name__)


class First(Plain):
    pass


class Second(Plain):
    pass


class TwoModes(App[None]):
    MODES = {"first": First, "second": Second}
    DEFAULT_MODE = "first"


def count_refreshes(app, monkeypatch) -> list[str]:
    refreshes: list[str] = []
    refresh_css = app.refresh_css

    def counted(*args, **kwargs):
        refreshes.append(app.current_mode)
        refresh_css(*args, **kwargs)

    monkeypatch.setattr(app, "refresh_css", counted)
    return refreshes


async def test_textual_still_refreshes_all_css_on_the_first_return_to_a_mode(monkeypatch):
    """runmate.workarounds.restyle_after_first_visit: if this fails, Textual no longer refreshes all
    the CSS on the first return to a mode, and the workaround can go."""
    app = TwoModes()
    async with app.run_test() as pilot:
        await pilot.pause()
        await app.switch_mode("second")  # its first visit
        await pilot.pause()
        await app.switch_mode("first")
        await pilot.pause()
        refreshes = count_refreshes(app, monkeypatch)
        await app.switch_mode("second")  # the first return
        await pilot.pause()
        assert refreshes == ["second"], "Textual no longer refreshes here: remove restyle_after_first_visit"
        await app.switch_mode("first")
        await app.switch_mode("second")  # later returns: no refresh
        await pilot.pause()
        assert refreshes == ["second"]


async def test_runmate_returns_to_a_mode_without_refreshing_all_css(app_factory, monkeypatch):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key in "cpjd":  # every mode's first visit
            await pilot.press(key)
            await settle(pilot)
            await pilot.pause()
        refreshes = count_refreshes(app, monkeypatch)
        for key in "cpjdcpjd":
            await pilot.press(key)
            await settle(pilot)
        assert refreshes == []
