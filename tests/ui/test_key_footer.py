"""The footer's line of keys (runmate.widgets.key_footer): what it shows, and that a click presses a key."""

from __future__ import annotations

from ui_helpers import open_mode, screen_text, settle

from runmate.widgets.key_footer import KeyFooter


def footer_of(app) -> KeyFooter:
    return app.screen.query_one(KeyFooter)


async def test_the_plan_footer_groups_the_week_keys_and_keeps_the_palette_key_right(app_factory):
    app = app_factory(mode="plan")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_mode(pilot, "plan")
        line = screen_text(app).splitlines()[-1]
        assert line.startswith(" [ ] Week  a Add  space Done  ? Help  q Quit")
        assert line.rstrip().endswith("▏ ^p Commands")
        items, palette = footer_of(app).keys
        assert [k.display for k in items[0].keys] == ["[", "]"] and items[0].description == "Week"
        assert palette is not None and palette.keys[0].key == "ctrl+p"
        plan = next(item for item in items if item.description == "Plan")
        assert not plan.enabled  # where you already are: greyed
        assert next(item for item in items if item.description == "Journal").enabled


async def test_at_80_columns_the_palette_key_makes_room(app_factory):
    app = app_factory(mode="plan")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, "plan")
        line = screen_text(app).splitlines()[-1]
        assert "^p" not in line and "? Help" in line and "q Quit" in line


async def test_clicking_a_key_presses_it(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.current_mode == "dashboard"
        footer = footer_of(app)
        line = screen_text(app).splitlines()[-1]
        column = line.index(" c Check-in") + 1
        await pilot.click(KeyFooter, offset=(column, 0))
        await settle(pilot)
        assert app.current_mode == "checkin"
        # Clicking the greyed key of where you are does nothing.
        footer = footer_of(app)
        line = screen_text(app).splitlines()[-1]
        await pilot.click(KeyFooter, offset=(line.index(" c Check-in") + 1, 0))
        await settle(pilot)
        assert app.current_mode == "checkin" and len(app.screen_stack) == 1
        assert footer.is_attached
