"""The app as a person sees it, started in a real pseudo-terminal: cold start, switching modes,
peak memory; and a check-in from the command line against the app's start.

Cold start: from starting the program until the dashboard shows its data and the screen stops
changing (no output for a moment, see terminal.QUIET), against a bare Textual app (a Static and a
Footer) started the same way. A mode switch: from writing its key to the terminal until the
screen's text has been drawn, against a bare two-mode Textual app.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import subprocess
import time
from pathlib import Path

from benchmarks.bare_app import MODE_TEXT, READY
from benchmarks.context import Context
from benchmarks.table import Row, median
from benchmarks.terminal import Terminal, Timeout
from runmate.screens.modes import MODES

BARE_APP = str(Path(__file__).with_name("bare_app.py"))
# What each mode shows once its data is read, and its key: from runmate's table of modes.
DRAWN = {mode.name: mode.drawn for mode in MODES}
MODE_KEYS = {mode.name: mode.key for mode in MODES}
SIZES = ((80, 24), (120, 40))
"""The terminal sizes the cold start and the typed-ahead check-in are measured at."""
SIZE = SIZES[0]
"""The size of the mode-switching session."""
# The check-in typed from the dashboard in one burst, as a fast typist or a paste sends it: the mode
# key, mood 4, energy 3, stress 2, sleep 7.5 hours, Enter, sleep quality 4, a note, Enter to save.
BURST = "c4327.5\r4Slept ok\r"
BURST_SAVED = {"mood": 4, "energy": 3, "stress": 2, "sleep_hours": 7.5, "sleep_quality": 4, "note": "Slept ok"}


def cold_start(argv: list[str], ready: str, size: tuple[int, int], env: dict[str, str] | None = None) -> float:
    """Milliseconds from starting ``argv`` until ``ready`` is drawn and the screen stops changing."""
    term = Terminal(argv, size=size, env=env)
    try:
        _, settled = term.wait_for(ready)
        return (settled - term.started) * 1000
    finally:
        term.close()


def app_modes(ctx: Context, folder: Path) -> tuple[dict[str, float], dict[str, float], dict[str, float], float]:
    """One session of the app: each mode visited once (first visits), then each again twice.

    Returns the first visits, the first returns and the later returns in ms by mode, and the
    session's peak memory in MB.
    """
    term = Terminal([*ctx.runmate, "--data-dir", str(folder)], size=SIZE, env=ctx.env)
    first: dict[str, float] = {}
    again: dict[str, float] = {}
    later: dict[str, float] = {}
    try:
        term.wait_for(DRAWN["dashboard"])
        for visits in (first, again, later):
            for mode in ("checkin", "plan", "journal", "dashboard"):
                if visits is first and mode == "dashboard":
                    continue  # the app started there
                pressed = term.send(MODE_KEYS[mode])
                seen, _ = term.wait_for(DRAWN[mode])
                visits[mode] = (seen - pressed) * 1000
    finally:
        peak = term.close()
    return first, again, later, peak / 1024


def bare_modes(ctx: Context) -> tuple[float, float, float]:
    """A bare two-mode app: (first visit of b, revisit of a, revisit of b) in ms."""
    term = Terminal([ctx.python, BARE_APP, "--modes"], size=SIZE)
    times = []
    try:
        term.wait_for(MODE_TEXT["a"])
        for key in "bab":
            pressed = term.send(key)
            seen, _ = term.wait_for(MODE_TEXT[key])
            times.append((seen - pressed) * 1000)
    finally:
        term.close()
    return times[0], times[1], times[2]


def bare_memory(ctx: Context) -> float:
    term = Terminal([ctx.python, BARE_APP], size=SIZE)
    term.wait_for(READY)
    return term.close() / 1024


def typed_ahead(ctx: Context, size: tuple[int, int]) -> int:
    """The fields of a check-in typed from the dashboard in one burst (``BURST``) that were not saved
    as typed: 0 when every key landed where it was meant to."""
    from runmate.store import Store

    folder = ctx.ten_years("burst")
    term = Terminal([*ctx.runmate, "--data-dir", str(folder)], size=size, env=ctx.env)
    try:
        term.wait_for(DRAWN["dashboard"])
        term.send(BURST)
        with contextlib.suppress(Timeout):  # nothing saved: every field counts as wrong below
            term.wait_for("Saved your check-in", timeout=20)
    finally:
        term.close()
    saved = Store(folder).checkin_on(dt.date.today())
    if saved is None:
        return len(BURST_SAVED)
    return sum(getattr(saved, name) != value for name, value in BURST_SAVED.items())


def cli_checkin(ctx: Context, folder: Path) -> float:
    started = time.perf_counter()
    subprocess.run([*ctx.runmate, "--data-dir", str(folder), "checkin", "--mood", "4"], check=True, capture_output=True)
    return (time.perf_counter() - started) * 1000


def measure(ctx: Context) -> list[Row]:
    ten_years = ctx.ten_years("app")
    rows: list[Row] = []
    app_start = 0.0
    for size in SIZES:
        bare, empty, full = [], [], []
        # Interleaved, so a machine that gets busier meanwhile weighs on all three alike.
        for _ in range(ctx.runs):
            bare.append(cold_start([ctx.python, BARE_APP], READY, size))
            empty.append(cold_start([*ctx.runmate, "--data-dir", str(ctx.empty)], DRAWN["dashboard"], size, ctx.env))
            full.append(cold_start([*ctx.runmate, "--data-dir", str(ten_years)], DRAWN["dashboard"], size, ctx.env))
        base = median(bare)
        app_start = app_start or median(full)
        where = f"{size[0]}x{size[1]}"
        for data, values in (("no data", empty), ("10 years", full)):
            rows.append(
                Row(
                    f"cold start to the dashboard, {data}, {where}",
                    median(values),
                    baseline_name="bare Textual app",
                    baseline=base,
                    limit=1.3,
                )
            )

    firsts: dict[str, list[float]] = {}
    agains: dict[str, list[float]] = {}
    laters: list[float] = []
    peaks = []
    bare_first, bare_again = [], []
    for _ in range(max(3, ctx.runs // 2)):
        first, again, later, peak = app_modes(ctx, ten_years)
        for mode, ms in first.items():
            firsts.setdefault(mode, []).append(ms)
        for mode, ms in again.items():
            agains.setdefault(mode, []).append(ms)
        laters.append(max(later.values()))
        peaks.append(peak)
        b_first, a_again, b_again = bare_modes(ctx)
        bare_first.append(b_first)
        bare_again.extend([a_again, b_again])
    for label, by_mode, baseline_name, baseline, limit in (
        ("first visit: {}", firsts, "bare mode, first visit", bare_first, 1.5),
        ("first return to {}", agains, "bare mode, revisit", bare_again, 1.2),
    ):
        for mode, values in by_mode.items():
            rows.append(
                Row(
                    f"{label.format(mode)}, 10 years",
                    median(values),
                    baseline_name=baseline_name,
                    baseline=median(baseline),
                    limit=limit,
                )
            )
    rows.append(
        Row(
            "later returns, slowest of the four modes, 10 years",
            median(laters),
            baseline_name="bare mode, revisit",
            baseline=median(bare_again),
            limit=1.2,
        )
    )
    rows.append(
        Row(
            "peak memory of the app, 10 years",
            median(peaks),
            unit="MB",
            baseline_name="bare Textual app",
            baseline=median([bare_memory(ctx) for _ in range(3)]),
            limit=1.5,
        )
    )
    for size in SIZES:
        wrong = max(typed_ahead(ctx, size) for _ in range(max(1, ctx.runs // 2)))
        rows.append(
            Row(
                f"check-in typed ahead from the dashboard, {size[0]}x{size[1]}: fields not as typed",
                wrong,
                unit="",
                limit=0,
                ratio_target=False,
            )
        )
    checkins = [cli_checkin(ctx, ten_years) for _ in range(ctx.runs)]
    rows.append(
        Row(
            "runmate checkin --mood 4, 10 years",
            median(checkins),
            baseline_name="app cold start, 10 years, 80x24",
            baseline=app_start,
            limit=0.25,
        )
    )
    return rows
