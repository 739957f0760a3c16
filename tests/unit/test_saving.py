"""runmate.saving.save_checkin: the one way a check-in is saved, by the screen and the command."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from runmate import saving
from runmate.edits import Edit
from runmate.models import CheckIn, PlannedActivity, Settings, ValidationError
from runmate.store import DataFileError, LockTimeout, Store
from runmate.store.lock import Lock

TODAY = dt.date(2026, 11, 25)


def save(store: Store, date: str, today: dt.date, **fields) -> saving.CheckinSaved:
    return saving.save_checkin(store, date, Edit.direct_change(fields), today)


def low_days(store: Store, count: int, mood: int = 2) -> None:
    for i in range(1, count + 1):
        store.save_checkin(CheckIn(date=(TODAY - dt.timedelta(days=i)).isoformat(), mood=mood))


def test_saves_and_words_the_line_back(store):
    store.add_activity(PlannedActivity(date=TODAY.isoformat(), kind="walk", minutes=20))
    result = save(store, TODAY.isoformat(), TODAY, mood=4, energy=2)
    assert (result.checkin.mood, result.checkin.energy, result.replaced) == (4, 2, False)
    assert result.line.startswith("Planned for today: ")
    assert "Energy is low, so an easy walk counts too" in result.line
    assert result.safety_note is None
    assert result.confirmation(TODAY) == "Saved your check-in for Wed 25 Nov: mood 4 (good), energy 2 (low)."
    [stored] = store.checkins()
    assert (stored.date, stored.mood, stored.energy) == (TODAY.isoformat(), 4, 2)
    again = save(store, TODAY.isoformat(), TODAY, mood=3)
    assert again.replaced and again.confirmation(TODAY).startswith("Updated your check-in")
    assert [(c.mood, c.energy) for c in store.checkins()] == [(3, 2)]  # only mood changed


def test_the_note_once_a_day_and_marked_in_the_store(store):
    store.save_settings(Settings(support_contact="Sam [bold]x[/]"))
    low_days(store, 4)
    first = save(store, TODAY.isoformat(), TODAY, mood=1)
    assert first.safety_note == (
        "Your mood was low on 5 of your last 5 check-ins. You don't have to carry this alone: please talk to "
        "your doctor or someone you trust. Your support contact: Sam [bold]x[/]. "
        "In an emergency, call your local emergency number."
    )
    settings = store.settings()
    assert settings.safety_note_shown == TODAY.isoformat()
    assert settings.support_contact == "Sam [bold]x[/]"
    second = save(store, TODAY.isoformat(), TODAY, mood=1)
    assert second.replaced and second.safety_note is None
    third = save(store, (TODAY - dt.timedelta(days=6)).isoformat(), TODAY, mood=1)
    assert third.safety_note is None
    tomorrow = TODAY + dt.timedelta(days=1)
    next_day = save(store, tomorrow.isoformat(), tomorrow, mood=2)
    assert next_day.safety_note is not None and next_day.safety_note.startswith("Your mood was low on 7 of your last 7")
    assert store.settings().safety_note_shown == tomorrow.isoformat()


def test_no_note_and_nothing_marked_when_the_rule_does_not_hold(store):
    low_days(store, 3)
    result = save(store, TODAY.isoformat(), TODAY, mood=1)  # 4 of 4
    assert result.safety_note is None
    assert store.settings().safety_note_shown is None


class StaleSettingsStore(Store):
    """A store whose settings read misses a note another runmate showed a moment ago."""

    def settings(self) -> Settings:
        return Settings()


def test_the_note_is_claimed_under_the_lock(data_dir):
    store = StaleSettingsStore(data_dir)
    low_days(store, 4)
    Store(data_dir).save_settings(Settings(safety_note_shown=TODAY.isoformat()))
    result = save(store, TODAY.isoformat(), TODAY, mood=1)
    assert result.safety_note is None  # the other runmate showed it already
    assert Store(data_dir).settings().safety_note_shown == TODAY.isoformat()


def test_a_save_with_its_note_takes_the_lock_once_and_writes_once(store, monkeypatch):
    low_days(store, 4)
    taken: list[object] = []
    written: list[object] = []
    acquire, replace = Lock.acquire, Store._replace
    monkeypatch.setattr(Lock, "acquire", lambda self, timeout=None: (taken.append(1), acquire(self, timeout))[1])
    monkeypatch.setattr(Store, "_replace", lambda self, payload: (written.append(1), replace(self, payload))[1])
    result = save(store, TODAY.isoformat(), TODAY, mood=1)
    assert result.safety_note is not None and "have to carry this alone" in result.safety_note
    assert (len(taken), len(written)) == (1, 1)
    assert store.settings().safety_note_shown == TODAY.isoformat()
    assert [c.mood for c in store.checkins()][-1] == 1


def test_a_busy_file_saves_nothing_and_says_so(store, data_dir, monkeypatch):
    low_days(store, 4)
    before = (data_dir / "runmate.json").read_bytes()

    def busy(self, timeout=None):
        raise LockTimeout(self.path)

    monkeypatch.setattr(Lock, "acquire", busy)
    with pytest.raises(LockTimeout):
        save(store, TODAY.isoformat(), TODAY, mood=1)
    assert (data_dir / "runmate.json").read_bytes() == before


def test_a_damaged_file_propagates_and_is_not_written(store, data_dir):
    store.save_checkin(CheckIn(date=TODAY.isoformat(), mood=3))
    path = data_dir / "runmate.json"
    path.write_bytes(b"{not json")
    with pytest.raises(DataFileError):
        save(store, TODAY.isoformat(), TODAY, mood=4)
    assert path.read_bytes() == b"{not json"


def test_saving_does_not_import_textual():
    code = "import sys, runmate.saving; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_the_welcome_writes_only_the_fields_filled_in(store):
    store.save_settings(Settings(name="Kim", goal_why="sleep"))
    current = store.settings()
    edit = saving.welcome_edit(current, {"name": "  ", "goal_days": " 4 ", "support_contact": "Ann"})
    assert dict(edit.changes) == {"goal_days": 4, "support_contact": "Ann", "welcomed": True}
    store.update_settings(lambda s: setattr(s, "name", "Kim Lee"))  # meanwhile, elsewhere
    saved = store.edit_settings(edit)
    assert (saved.name, saved.goal_days, saved.support_contact, saved.goal_why) == ("Kim Lee", 4, "Ann", "sleep")
    assert saved.welcomed is True


def test_the_welcome_refuses_a_goal_out_of_range_with_the_field_named(store):
    with pytest.raises(ValidationError) as raised:
        saving.welcome_edit(Settings(), {"goal_days": "9", "name": "Kim"})
    assert raised.value.for_field("goal_days") and not raised.value.for_field("name")


def test_an_empty_welcome_only_marks_it_seen():
    assert dict(saving.welcome_edit(Settings(), {}).changes) == {"welcomed": True}
