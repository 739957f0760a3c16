"""ScalePicker on its own: keys, mouse, messages, optional and required scales."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from runmate.models import MOOD_WORDS, STRESS_WORDS
from runmate.widgets.scale import ScalePicker


class ScaleApp(App):
    def __init__(self) -> None:
        super().__init__()
        self.changes: list[tuple[str, int | None, bool, bool]] = []

    def compose(self) -> ComposeResult:
        yield ScalePicker("Mood", MOOD_WORDS, id="required", allow_empty=False, label_width=10)
        yield ScalePicker("Stress", STRESS_WORDS, id="optional", value=2)

    def on_scale_picker_changed(self, event: ScalePicker.Changed) -> None:
        self.changes.append((event.picker.id, event.value, event.typed, event.move_on))


async def test_digits_arrows_and_clear():
    app = ScaleApp()
    async with app.run_test() as pilot:
        required = app.query_one("#required", ScalePicker)
        optional = app.query_one("#optional", ScalePicker)
        assert app.focused is required
        await pilot.press("0", "6", "9")  # not on the scale: ignored
        assert required.value is None
        await pilot.press("5")
        assert required.value == 5 and required.value_text == "5 very good"
        await pilot.press("right")  # already at the top
        await pilot.press("left", "minus")
        assert required.value == 3
        await pilot.press("backspace", "delete")  # a required scale does not clear
        assert required.value == 3
        await pilot.press("tab", "plus")
        assert optional.value == 3 and optional.word == "some"
        await pilot.press("delete")
        assert optional.value is None and optional.value_text == ""
        await pilot.pause()
    assert app.changes == [
        ("required", 5, True, True),
        ("required", 4, False, False),
        ("required", 3, False, False),
        ("optional", 3, False, False),
        ("optional", None, False, False),
    ]


async def test_a_digit_moves_on_only_when_it_fills_an_empty_scale():
    app = ScaleApp()
    async with app.run_test() as pilot:
        await pilot.press("4", "4", "2")  # a first fill, then two corrections
        await pilot.press("tab", "5")  # the optional scale already holds 2
        await pilot.press("delete", "1")  # emptied, so the next digit fills it again
        await pilot.pause()
    assert app.changes == [
        ("required", 4, True, True),
        ("required", 4, True, False),
        ("required", 2, True, False),
        ("optional", 5, True, False),
        ("optional", None, False, False),
        ("optional", 1, True, True),
    ]


async def test_an_empty_scale_shows_what_its_ends_mean():
    app = ScaleApp()
    async with app.run_test(size=(80, 4)) as pilot:
        required = app.query_one("#required", ScalePicker)
        optional = app.query_one("#optional", ScalePicker)
        assert "1 very low … 5 very good" in str(required.render())
        await pilot.press("tab", "delete")
        assert "1 calm … 5 very stressed" in str(optional.render())
        await pilot.press("3")
        assert str(optional.render()).endswith("3 some")


async def test_click_chooses_and_focuses_without_typed():
    app = ScaleApp()
    async with app.run_test() as pilot:
        optional = app.query_one("#optional", ScalePicker)
        # padding 1 + label 8 ("Stress" + 2) then cells of 3 one apart: 4 is at 9 + 3*4 + 1.
        await pilot.click("#optional", offset=(9 + 3 * 4 + 1, 0))
        assert optional.value == 4
        assert app.focused is optional
        await pilot.click("#optional", offset=(3, 0))  # on the label: nothing changes
        assert optional.value == 4
        await pilot.pause()
    assert app.changes == [("optional", 4, False, False)]


def test_number_at_and_bad_values():
    picker = ScalePicker("Mood", MOOD_WORDS, label_width=10)
    assert [picker.number_at(x) for x in (9, 10, 12, 13, 14, 28, 29)] == [None, 1, 1, None, 2, 5, None]
    with pytest.raises(ValueError):
        ScalePicker("Mood", MOOD_WORDS, value=6)
