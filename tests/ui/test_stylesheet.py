"""runmate's stylesheet parses a source again only when it is new or the CSS variables changed,
and the app's look still follows a change of theme."""

from __future__ import annotations

from textual.css.stylesheet import Stylesheet
from ui_helpers import settle

from runmate.stylesheet import RunmateStylesheet

CSS = "Static { color: $accent; } Label { background: $panel; }"
FIRST = {"accent": "#ff0000", "panel": "#000000"}
OTHER = {"accent": "#00ff00", "panel": "#000000"}


def colour_of(sheet: Stylesheet) -> str:
    return next(str(rule.styles.color) for rule in sheet.rules if "Static" in rule.selectors)


def test_a_refresh_with_the_same_variables_keeps_the_parsed_rules():
    sheet = RunmateStylesheet(variables=FIRST)
    sheet.add_source(CSS, read_from=("test", "CSS"))
    sheet.parse()
    rules = sheet.rules
    sheet.set_variables(dict(FIRST))  # what Textual does on every refresh of the CSS
    sheet.reparse()
    assert all(a is b for a, b in zip(sheet.rules, rules, strict=True))
    # Textual's own stylesheet parses everything again (what this one saves).
    plain = Stylesheet(variables=FIRST)
    plain.add_source(CSS, read_from=("test", "CSS"))
    plain.parse()
    before = plain.rules
    plain.set_variables(dict(FIRST))
    plain.reparse()
    assert not any(a is b for a, b in zip(plain.rules, before, strict=True))


def test_new_variables_or_a_new_source_are_parsed():
    sheet = RunmateStylesheet(variables=FIRST)
    sheet.add_source(CSS, read_from=("test", "CSS"))
    sheet.parse()
    assert "255, 0, 0" in colour_of(sheet)
    sheet.set_variables(OTHER)
    sheet.reparse()
    assert "0, 255, 0" in colour_of(sheet)
    sheet.add_source("Button { color: $accent; }", read_from=("test", "more"))
    sheet.reparse()
    assert any("Button" in rule.selectors for rule in sheet.rules)


def test_the_shared_rules_key_ignores_only_a_widget_types_own_default_css():
    sheet = RunmateStylesheet(variables=FIRST)
    sheet.add_source(CSS, read_from=("test", "CSS"))
    key = sheet.shared_rules_key()
    # A widget type's scoped default CSS matches only widgets of that type.
    sheet.add_source(
        "ScalePicker { height: 3; }", read_from=("scale", "DEFAULT_CSS"), is_default_css=True, scope="ScalePicker"
    )
    assert sheet.shared_rules_key() == key
    for change in (
        lambda: sheet.add_source("Label { color: red; }", read_from=("test", "more")),
        lambda: sheet.add_source("Label { color: red; }", read_from=("any", "DEFAULT_CSS"), is_default_css=True),
        lambda: sheet.add_source("Static { color: $panel; }", read_from=("test", "CSS")),
        lambda: sheet.set_variables(OTHER),
    ):
        change()
        assert sheet.shared_rules_key() != key
        key = sheet.shared_rules_key()


async def test_the_app_follows_a_change_of_theme(app_factory):
    app = app_factory(mode="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.stylesheet, RunmateStylesheet)
        before = app.screen.styles.background
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await settle(pilot)
        assert app.screen.styles.background != before
