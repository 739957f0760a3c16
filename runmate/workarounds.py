"""Where runmate works around Textual. Each workaround names what it works around upstream, is as
small as it can be, and has a test in tests/ui/test_workarounds.py that fails once Textual no
longer needs it, so it can go. Nothing else in runmate reaches into Textual's behaviour.

Textual 8.2. With the environment variable RUNMATE_TEXTUAL_WORKAROUNDS=off every workaround is
switched off, so the benchmarks can show what each buys (``python -m benchmarks --without-workarounds``).
"""

from __future__ import annotations

import os
from typing import Any

from textual.app import App

SWITCH = "RUNMATE_TEXTUAL_WORKAROUNDS"


def enabled() -> bool:
    """False when the workarounds are switched off (for measuring them)."""
    return os.environ.get(SWITCH, "").strip().lower() != "off"


def restyle_after_first_visit(app: App[Any]) -> None:
    """Refresh all the CSS once, just after a mode's screen has been drawn for the first time.

    Textual refreshes all the CSS on a switch to a mode whose screen missed the last refresh
    (Textualize/textual#5210, fixed by #5211 "refresh on mode switch", whose author notes it could
    avoid refreshing when not strictly required). A new mode's screen is always refreshed for while
    it is still being mounted, so it misses that refresh, and the first return to the mode refreshes
    everything again: about 100 ms with ten years of data, against 60 ms for later returns. Done here,
    after the first visit's first frame, while the person reads the screen, it spares that return.
    """
    if enabled():
        app.call_after_refresh(app.refresh_css, animate=False)
