"""How long the app takes from a cold start to a filled-in dashboard, and to an open check-in.

Run: .venv/bin/python benchmarks/bench_app.py [--runs 5] [--years 10]
Each run is a fresh Python process (so imports count), headless, on a demo data folder.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile

PROBE = r"""
import asyncio, sys, time
t0 = time.perf_counter()
from runmate.app import RunmateApp
from runmate.store import Store
t_import = time.perf_counter()

async def main():
    app = RunmateApp(store=Store(sys.argv[1]))
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        t_dash = time.perf_counter()
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        t_checkin = time.perf_counter()
    print(f"{(t_import - t0) * 1000:.0f} {(t_dash - t0) * 1000:.0f} {(t_checkin - t_dash) * 1000:.0f}")

asyncio.run(main())
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--years", type=int, default=10)
    opts = ap.parse_args()
    folder = tempfile.mkdtemp(prefix="runmate-bench-app-")
    try:
        subprocess.run(
            [sys.executable, "-m", "runmate", "--data-dir", folder, "demo", "--years", str(opts.years)],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [sys.executable, "-m", "runmate", "--data-dir", folder, "plan", "goal", "--days", "3"],
            check=True,
            capture_output=True,
        )
        rows = []
        for _ in range(opts.runs):
            out = subprocess.run(
                [sys.executable, "-c", PROBE, folder], check=True, capture_output=True, text=True
            ).stdout
            rows.append([float(x) for x in out.split()])
    finally:
        shutil.rmtree(folder)
    names = ["import runmate.app (ms)", "launch to dashboard shown (ms)", "c to check-in ready (ms)"]
    print(f"{opts.years} years of demo data, {opts.runs} runs, median (min)")
    for i, name in enumerate(names):
        values = [r[i] for r in rows]
        print(f"{name:34} {statistics.median(values):7.0f} ({min(values):.0f})")


if __name__ == "__main__":
    main()
