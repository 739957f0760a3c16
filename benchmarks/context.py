"""What every part of the benchmarks shares: the data folders, the commands, the number of runs."""

from __future__ import annotations

import compileall
import datetime as dt
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# The day the demo data ends on, so every run measures the same data.
TODAY = dt.date(2026, 11, 25)
YEARS = 10


def runmate_command() -> list[str]:
    """The installed ``runmate`` script next to this Python, as a person would start it."""
    script = Path(sys.executable).with_name("runmate")
    return [str(script)] if script.exists() else [sys.executable, "-m", "runmate"]


@dataclass
class Context:
    root: Path
    runs: int

    @property
    def env(self) -> dict[str, str]:
        """The environment runmate is started in."""
        return dict(os.environ)

    @property
    def python(self) -> str:
        return sys.executable

    @property
    def runmate(self) -> list[str]:
        return runmate_command()

    @property
    def empty(self) -> Path:
        """A folder with no records (the welcome already seen): a new user's dashboard."""
        return self.root / "empty"

    @property
    def pristine(self) -> Path:
        """Ten years of demo data, never written to by a benchmark (copy it with ``ten_years``)."""
        return self.root / "ten-years"

    def ten_years(self, name: str) -> Path:
        """A fresh copy of the ten years of demo data, for a part that writes."""
        folder = self.root / name
        if folder.exists():
            shutil.rmtree(folder)
        shutil.copytree(self.pristine, folder)
        return folder

    def prepare(self) -> None:
        """The data folders, and runmate's bytecode as an installed copy has it.

        ``pip install .`` compiles every module once; a working copy without ``__pycache__`` (or a
        shell with PYTHONDONTWRITEBYTECODE set) would compile them again at every start, which no
        one who installed runmate waits for.
        """
        import runmate
        from runmate.models import Settings
        from runmate.store import Store

        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # the programs started from here keep it
        compileall.compile_dir(Path(runmate.__file__).parent, quiet=1)

        Store(self.empty).save_settings(Settings(welcomed=True))
        subprocess.run(
            [*self.runmate, "--data-dir", str(self.pristine), "demo", "--years", str(YEARS)],
            check=True,
            capture_output=True,
        )
