"""Start-up and demo timings of the installed command, as subprocesses: median of N runs.

Run: .venv/bin/python benchmarks/bench_startup.py [--runs 15]
Never collected by pytest (pytest only looks in tests/).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def command() -> list[str]:
    script = Path(sys.executable).with_name("runmate")
    return [str(script)] if script.exists() else [sys.executable, "-m", "runmate"]


def timed(argv: list[str], runs: int, fresh_dir: bool = False) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        folder = tempfile.mkdtemp(prefix="runmate-bench-")
        args = [a.replace("{dir}", folder) for a in argv]
        t0 = time.perf_counter()
        proc = subprocess.run(args, capture_output=True)
        samples.append((time.perf_counter() - t0) * 1000)
        shutil.rmtree(folder)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(args)} failed: {proc.stderr.decode()}")
    return statistics.median(samples), min(samples)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    opts = ap.parse_args()
    runmate = command()
    ten_years = tempfile.mkdtemp(prefix="runmate-bench-10y-")
    subprocess.run([*runmate, "--data-dir", ten_years, "demo", "--years", "10"], check=True, capture_output=True)
    rows = [
        ("python -c pass (baseline)", [sys.executable, "-c", "pass"], opts.runs),
        ("runmate --version", [*runmate, "--version"], opts.runs),
        ("runmate demo --help", [*runmate, "demo", "--help"], opts.runs),
        ("runmate demo (1 year)", [*runmate, "--data-dir", "{dir}", "demo"], max(3, opts.runs // 3)),
        ("runmate demo --years 10", [*runmate, "--data-dir", "{dir}", "demo", "--years", "10"], max(3, opts.runs // 3)),
        (
            "runmate checkin (new folder)",
            [*runmate, "--data-dir", "{dir}", "checkin", "--mood", "4", "--sleep", "7.5"],
            opts.runs,
        ),
        ("runmate checkin (10 years)", [*runmate, "--data-dir", ten_years, "checkin", "--mood", "4"], opts.runs),
        ("runmate plan list (10 years)", [*runmate, "--data-dir", ten_years, "plan", "list"], opts.runs),
    ]
    print(f"command: {' '.join(runmate)}")
    print(f"{'what':28} {'median ms':>10} {'min ms':>8} {'runs':>5}")
    for name, argv, runs in rows:
        med, best = timed(argv, runs)
        print(f"{name:28} {med:10.0f} {best:8.0f} {runs:5}")
    shutil.rmtree(ten_years)


if __name__ == "__main__":
    main()
