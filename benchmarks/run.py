"""Run runmate's benchmarks and print one table: each figure next to its baseline from the same
run, the ratio, the target and whether it is met.

Run: .venv/bin/python -m benchmarks [PART ...] [--runs N]
Parts: startup (the app in a pseudo-terminal, and the command-line check-in), store, figures;
journal (typing in the search box with 5,000 long reflections) only when named.
Never collected by pytest (pytest only looks in tests/). Run it on a quiet machine; ratios to a
baseline taken in the same run drift less than absolute times, but a busy machine still shows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks import figures, journal, startup, store
from benchmarks.context import Context
from benchmarks.table import Row, render

PARTS: dict[str, Callable[[Context], list[Row]]] = {
    "startup": startup.measure,
    "store": store.measure,
    "figures": figures.measure,
    "journal": journal.measure,
}
DEFAULT_PARTS = ("startup", "store", "figures")


def machine() -> str:
    """'AMD EPYC, 2 CPUs, Linux 6.1, Python 3.12.3'."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:
        cpus = os.cpu_count() or 1
    load = ", load {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()) if hasattr(os, "getloadavg") else ""
    return f"{model}, {cpus} CPUs{load}, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "parts",
        nargs="*",
        metavar="PART",
        help=f"which parts to run (default: {' '.join(DEFAULT_PARTS)}; also: journal)",
    )
    ap.add_argument("--runs", type=int, default=5, help="runs of each figure; the median is shown (default 5)")
    opts = ap.parse_args(argv)
    parts = opts.parts or list(DEFAULT_PARTS)
    unknown = [p for p in parts if p not in PARTS]
    if unknown:
        ap.error(f"no such part: {', '.join(unknown)} (parts: {', '.join(PARTS)})")
    started = time.perf_counter()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="runmate-bench-") as tmp:
        ctx = Context(root=Path(tmp), runs=max(1, opts.runs))
        ctx.prepare()
        for part in parts:
            rows += PARTS[part](ctx)
    print(
        f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC · {machine()} · median of {opts.runs} runs "
        f"· {time.perf_counter() - started:.0f} s"
    )
    print(render(rows))
    missed = [row.name for row in rows if row.met is False]
    return 1 if missed else 0
