"""Every test gets its own data folder; nothing here ever touches a real user's data."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest


def pytest_configure(config: pytest.Config) -> None:
    """Fewer, larger garbage collections, as runmate itself runs with (RunmateApp.on_ready).

    With Python's default (a young collection every 700 new objects, a full one every 100 of
    those) a UI test spent a quarter of its time collecting, more as a worker's heap grew.
    """
    from runmate.app import GC_THRESHOLDS

    gc.set_threshold(*GC_THRESHOLDS)


def pytest_unconfigure(config: pytest.Config) -> None:
    """No more garbage collections once the tests have run.

    pytest's check for exceptions ignored in finalisers collects five times at the end, and the
    interpreter once more as it exits: each walks the whole heap of a worker that has run hundreds
    of apps, together about 3 s of a run. What tests left behind is collected as later tests run
    (and reported with them); freezing it skips only what the last few tests of a worker left.
    """
    gc.freeze()


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """Two test workers a CPU for ``-n auto`` (set in pyproject.toml).

    A UI test spends about a third of its time asleep while Pilot waits for the app to go idle; a
    second worker on the same CPU uses that time. PYTEST_XDIST_AUTO_NUM_WORKERS still decides
    when it is set.
    """
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # no sched_getaffinity on macOS and Windows
        cpus = os.cpu_count() or 1
    return 2 * cpus


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.delenv("RUNMATE_DATA_DIR", raising=False)
    return home


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path):
    from runmate.store import Store

    return Store(data_dir)
