"""Mood colours that stay readable on every theme (WCAG 2.1 contrast for graphics, at least 3:1).

Colour only ever repeats what a digit or a glyph already says: the charts and the calendar show
the mood digit or a bar of its height, and movement as a symbol.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.color import Color
from textual.theme import Theme

MIN_CONTRAST = 3.0
# One calm hue from deep to light: colour shows the value, never a judgement (no red for low mood).
BASE_MOOD_COLOURS = {1: "#5a7bb5", 2: "#5f97c2", 3: "#67b3c9", 4: "#7dcac6", 5: "#9fe0c0"}
# What an ANSI theme's "terminal default" background is taken to be.
ANSI_BACKGROUND = {True: Color(0, 0, 0), False: Color(255, 255, 255)}


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: Color) -> float:
    """WCAG 2.1 relative luminance (0 black ... 1 white)."""
    return 0.2126 * _channel(colour.r) + 0.7152 * _channel(colour.g) + 0.0722 * _channel(colour.b)


def contrast(a: Color, b: Color) -> float:
    """WCAG 2.1 contrast ratio of two colours, 1 to 21."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable(colour: Color, background: Color, minimum: float = MIN_CONTRAST) -> Color:
    """``colour``, moved towards white (dark background) or black (light one) just far enough to
    reach ``minimum`` contrast against ``background``."""
    if contrast(colour, background) >= minimum:
        return colour
    target = Color(255, 255, 255) if luminance(background) < 0.18 else Color(0, 0, 0)
    for step in range(1, 21):
        moved = colour.blend(target, step / 20)
        if contrast(moved, background) >= minimum:
            return moved
    return target


def panel_background(colour: Color, dark: bool) -> Color:
    """``colour`` as a background to measure against; an ANSI theme's terminal default is taken
    to be black (dark themes) or white (light ones)."""
    if colour.ansi is not None or colour.a == 0:
        return ANSI_BACKGROUND[dark]
    return colour


def theme_background(theme: Theme, variables: Mapping[str, str] | None = None) -> Color:
    """The background the dashboard's panels sit on, for ``theme`` (its ``$background``)."""
    values = variables if variables is not None else theme.to_color_system().generate()
    try:
        colour = Color.parse(values.get("background", ""))
    except Exception:
        colour = Color(0, 0, 0, ansi=-1)
    return panel_background(colour, theme.dark)


def mood_colours(background: Color) -> dict[int, str]:
    """Mood 1 to 5 as hex colours readable on ``background``."""
    return {mood: readable(Color.parse(hex_), background).hex for mood, hex_ in BASE_MOOD_COLOURS.items()}


def theme_mood_colours(theme: Theme, variables: Mapping[str, str] | None = None) -> dict[int, str]:
    """The mood colours the dashboard uses with ``theme``."""
    return mood_colours(theme_background(theme, variables))
