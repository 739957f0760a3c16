"""Store.step: several store operations as one locked step, written once, all or nothing."""

from __future__ import annotations

import threading

import pytest

from runmate.models import CheckIn, PlannedActivity, Settings
from runmate.store import LockTimeout, Store
from runmate.store.lock import Lock


def test_a_step_takes_the_lock_once_reads_its_own_changes_and_writes_once(store, monkeypatch):
    store.save_checkin(CheckIn(date="2026-11-01", mood=2))
    taken: list[int] = []
    written: list[int] = []
    acquire, replace = Lock.acquire, Store._replace
    monkeypatch.setattr(Lock, "acquire", lambda self, timeout=None: (taken.append(1), acquire(self, timeout))[1])
    monkeypatch.setattr(Store, "_replace", lambda self, payload: (written.append(1), replace(self, payload))[1])
    with store.step():
        store.save_checkin(CheckIn(date="2026-11-02", mood=4))
        assert [c.mood for c in store.checkins()] == [2, 4]
        with store.step():  # a step inside a step is the outer one
            store.add_activity(PlannedActivity(date="2026-11-02", kind="walk", minutes=20))
        store.save_settings(Settings(name="Ana"))
        assert written == []
    assert (len(taken), len(written)) == (1, 1)
    other = Store(store.data_dir)
    assert [c.mood for c in other.checkins()] == [2, 4]
    assert [a.kind for a in other.activities()] == ["walk"]
    assert other.settings().name == "Ana"


def test_a_step_that_fails_writes_nothing_of_it(store):
    store.save_checkin(CheckIn(date="2026-11-01", mood=2))
    before = store.path.read_bytes()
    with pytest.raises(RuntimeError, match="stop"), store.step():
        store.save_checkin(CheckIn(date="2026-11-02", mood=4))
        store.add_activity(PlannedActivity(date="2026-11-02", kind="walk", minutes=20))
        raise RuntimeError("stop")
    assert store.path.read_bytes() == before
    assert [c.date for c in store.checkins()] == ["2026-11-01"]
    assert store.activities() == []


def test_a_step_whose_write_failed_writes_nothing_even_when_the_error_was_caught(store):
    before_step = store.path.read_bytes() if store.path.exists() else None
    with pytest.raises(RuntimeError, match="nothing of it was written"), store.step():
        store.save_checkin(CheckIn(date="2026-11-02", mood=4))
        with pytest.raises(ValueError):
            store.add_activity(PlannedActivity(date="2026-11-02", kind="walk", minutes=-5))
    assert (store.path.read_bytes() if store.path.exists() else None) == before_step
    assert store.checkins() == []


def test_another_runmate_waits_for_the_step_to_end(store):
    other = Store(store.data_dir)
    with store.step():
        store.save_checkin(CheckIn(date="2026-11-02", mood=4))
        seen: list[object] = []
        reader = threading.Thread(target=lambda: seen.append(_checkins_or_busy(other)))
        reader.start()
        reader.join()
        assert seen == ["busy"]  # the lock is held for the whole step
    assert [c.mood for c in other.checkins()] == [4]


def _checkins_or_busy(store: Store) -> object:
    try:
        return store.read(lambda tx: tx.all("checkins"), timeout=0.2)
    except LockTimeout:
        return "busy"
