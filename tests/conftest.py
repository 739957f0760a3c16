"""Every test gets its own data folder; nothing here ever touches a real user's data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


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
