"""The yes/no question runmate asks before deleting or discarding something."""

from __future__ import annotations

from textual.app import App
from ui_helpers import screen_text

from runmate.screens.confirm import ConfirmScreen, leave_question


class AskApp(App[None]):
    """Asks one question on start and keeps every answer."""

    def __init__(self, question: ConfirmScreen) -> None:
        super().__init__()
        self.question = question
        self.answers: list[bool | None] = []

    def on_mount(self) -> None:
        self.push_screen(self.question, self.answers.append)


def delete_question() -> ConfirmScreen:
    return ConfirmScreen("Delete [bold]x[/]?", "Notes like [red]this[/] stay as typed.", yes="Delete", no="Keep it")


async def test_text_and_labels_show_literally_at_80x24():
    app = AskApp(delete_question())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Delete [bold]x[/]?" in text
        assert "Notes like [red]this[/] stay as typed." in text
        assert "Keep it (n)" in text and "Delete (y)" in text


async def test_enter_alone_gives_the_safe_answer():
    app = AskApp(delete_question())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "confirm-no"
        await pilot.press("enter")
        await pilot.pause()
    assert app.answers == [False]


async def test_right_then_enter_says_yes_and_left_comes_back():
    app = AskApp(delete_question())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("right")
        assert app.focused is not None and app.focused.id == "confirm-yes"
        await pilot.press("left")
        assert app.focused.id == "confirm-no"
        await pilot.press("right", "enter")
        await pilot.pause()
    assert app.answers == [True]


async def test_keys_y_n_and_escape():
    for key, answer in (("y", True), ("n", False), ("escape", False)):
        app = AskApp(delete_question())
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press(key)
            await pilot.pause()
        assert app.answers == [answer], key


async def test_leave_question_wording():
    app = AskApp(leave_question())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Leave without saving?" in text and "Your changes here are not saved yet." in text
        assert "Keep editing (n)" in text and "Leave without saving (y)" in text
        await pilot.press("y")
        await pilot.pause()
    assert app.answers == [True]
