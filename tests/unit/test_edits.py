"""Edits write only what the person changed, and never overwrite a change made elsewhere silently."""

from __future__ import annotations

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from runmate.edits import Edit, changed, rebase, same
from runmate.models import CheckIn, PlannedActivity, Settings
from runmate.store import Conflict, NotFound, RecordGone, Store

EMPTY_CHECKIN = {"mood": None, "energy": None, "stress": None, "sleep_hours": None, "sleep_quality": None, "note": ""}


# --- the pure rules -------------------------------------------------------------------------------


def test_changed_lists_only_what_differs():
    assert changed({"a": 1, "b": "x"}, {"a": 1, "b": "y"}) == {"b": "y"}
    assert changed({"h": 7}, {"h": 7.0}) == {}  # the same number, written differently
    assert changed({"flag": 1}, {"flag": True}) == {"flag": True}  # True is not a number


def test_a_field_changed_on_both_sides_to_different_values_clashes():
    edit = Edit.from_form({"mood": None, "note": ""}, {"mood": 3, "note": ""})
    (clash,) = edit.clashes({"mood": 5, "note": "from the shell"})
    assert (clash.name, clash.base, clash.mine, clash.theirs) == ("mood", None, 3, 5)
    assert edit.clashes({"mood": 3, "note": "x"}) == []  # both chose 3: no clash
    assert edit.keeping_mine(["mood"]).clashes({"mood": 5}) == []
    assert edit.keeping_theirs(["mood"]).changes == {}


def test_rebase_lets_untouched_fields_follow_and_keeps_touched_ones():
    base = {"mood": 3, "note": "old", "energy": 2}
    form = {"mood": 4, "note": "old", "energy": 2}  # the person changed mood only
    current = {"mood": 1, "note": "new from the shell", "energy": 2}
    new_form, new_base = rebase(base, form, current)
    assert new_form == {"mood": 4, "note": "new from the shell", "energy": 2}
    assert new_base == {"mood": 3, "note": "new from the shell", "energy": 2}
    # mood still clashes on save: it changed elsewhere (3 -> 1) and here (3 -> 4)
    assert [c.name for c in Edit.from_form(new_base, new_form).clashes(current)] == ["mood"]


values = st.one_of(st.none(), st.integers(-3, 9), st.text(max_size=3), st.booleans())
records = st.dictionaries(st.sampled_from(["a", "b", "c", "d"]), values, min_size=4, max_size=4)


@given(base=records, form=records, current=records)
def test_rebase_never_drops_what_the_person_typed(base, form, current):
    new_form, new_base = rebase(base, form, current)
    for name, value in form.items():
        if not same(value, base.get(name)):
            assert new_form[name] is value  # touched: kept exactly
            assert new_base[name] is base.get(name)
        else:
            assert same(new_form[name], current[name])


@given(base=records, form=records)
def test_nothing_clashes_when_nothing_changed_elsewhere(base, form):
    assert Edit.from_form(base, form).clashes(base) == []


@given(base=records, form=records, current=records)
def test_a_clash_is_exactly_a_field_changed_on_both_sides_differently(base, form, current):
    names = {c.name for c in Edit.from_form(base, form).clashes(current)}
    expected = {
        k
        for k in form
        if not same(form[k], base[k]) and not same(current[k], base[k]) and not same(current[k], form[k])
    }
    assert names == expected


# --- the store applies edits under its lock -------------------------------------------------------


def test_a_form_opened_on_an_empty_day_keeps_what_the_shell_saved_meanwhile(store: Store):
    edit = Edit.from_form(EMPTY_CHECKIN, {**EMPTY_CHECKIN, "mood": 3})
    # meanwhile, from the shell:
    Store(store.data_dir).save_checkin(CheckIn(date="2026-11-25", mood=5, energy=5, sleep_hours=8.0, note="shell"))
    before = store.path.read_bytes()
    with pytest.raises(Conflict) as info:
        store.edit_checkin("2026-11-25", edit)
    assert [(c.name, c.mine, c.theirs) for c in info.value.clashes] == [("mood", 3, 5)]
    assert store.path.read_bytes() == before  # nothing written until the person chooses
    saved, existed = store.edit_checkin("2026-11-25", edit.keeping_mine(["mood"]))
    assert existed
    assert (saved.mood, saved.energy, saved.sleep_hours, saved.note) == (3, 5, 8.0, "shell")


def test_keeping_the_other_value_writes_the_rest(store: Store):
    store.save_checkin(CheckIn(date="2026-11-25", mood=2, note="a"))
    opened = store.checkin_on("2026-11-25")
    assert opened is not None
    base = {**EMPTY_CHECKIN, "mood": 2, "note": "a"}
    edit = Edit.from_form(base, {**base, "mood": 4, "energy": 3}, opened.id)
    Store(store.data_dir).save_checkin(CheckIn(date="2026-11-25", mood=5, note="a"))
    with pytest.raises(Conflict):
        store.edit_checkin("2026-11-25", edit)
    saved, _ = store.edit_checkin("2026-11-25", edit.keeping_theirs(["mood"]))
    assert (saved.mood, saved.energy, saved.note) == (5, 3, "a")


def test_a_check_in_deleted_elsewhere_is_not_made_again(store: Store):
    store.save_checkin(CheckIn(date="2026-11-25", mood=2))
    opened = store.checkin_on("2026-11-25")
    assert opened is not None
    edit = Edit.from_form({**EMPTY_CHECKIN, "mood": 2}, {**EMPTY_CHECKIN, "mood": 3}, opened.id)
    store.delete_checkin("2026-11-25")
    with pytest.raises(RecordGone):
        store.edit_checkin("2026-11-25", edit)
    assert store.checkins() == []
    saved, existed = store.edit_checkin("2026-11-25", edit.as_new())  # when the person says so
    assert (saved.mood, existed) == (3, False)


def test_a_new_check_in_needs_creating_allowed(store: Store):
    with pytest.raises(NotFound):
        store.edit_checkin("2026-11-25", Edit.direct_change({"energy": 3}), create=False)
    assert not store.path.exists()


def test_the_activity_dialog_saved_unchanged_keeps_a_move_made_meanwhile(store: Store):
    a = store.add_activity(PlannedActivity(date="2026-11-25", kind="run", minutes=20))
    base = a.to_dict()
    store.update_activity(a.id, lambda x: setattr(x, "date", "2026-11-27"))  # runmate plan move
    store.edit_activity(a.id, Edit.from_form(base, dict(base), a.id))
    assert store.activities()[0].date == "2026-11-27"
    store.edit_activity(a.id, Edit.from_form(base, {**base, "minutes": 30}, a.id))
    (stored,) = store.activities()
    assert (stored.date, stored.minutes) == ("2026-11-27", 30)


def test_an_activity_deleted_elsewhere_is_not_made_again(store: Store):
    a = store.add_activity(PlannedActivity(date="2026-11-25", kind="run", minutes=20))
    store.delete_activity(a.id)
    with pytest.raises(RecordGone):
        store.edit_activity(a.id, Edit.from_form(a.to_dict(), {**a.to_dict(), "minutes": 30}, a.id))
    assert store.activities() == []


def test_settings_saved_from_a_form_keep_a_goal_set_elsewhere(store: Store):
    store.save_settings(Settings(name="Kim", goal_days=3))
    opened = store.settings().to_dict()
    store.update_settings(lambda s: setattr(s, "goal_days", 6))  # runmate plan goal --days 6
    store.edit_settings(Edit.from_form(opened, {**opened, "name": "Robin"}))
    saved = store.settings()
    assert (saved.name, saved.goal_days) == ("Robin", 6)


def test_fields_from_a_newer_runmate_stay_through_every_kind_of_save(store: Store):
    store.save_settings(Settings(name="Kim"))
    store.save_checkin(CheckIn(date="2026-11-25", mood=3))
    a = store.add_activity(PlannedActivity(date="2026-11-25", kind="run", minutes=20))
    data = orjson.loads(store.path.read_bytes())
    for table in ("settings", "checkins", "activities"):
        next(iter(data[table].values()))["from_the_future"] = [1, 2]
    store.path.write_bytes(orjson.dumps(data))

    store.update_settings(lambda s: setattr(s, "goal_days", 5))
    store.edit_settings(Edit.direct_change({"name": "Robin"}))
    store.edit_checkin("2026-11-25", Edit.direct_change({"energy": 4}))
    store.update_activity(a.id, lambda x: x.mark_done(3, 4))

    data = orjson.loads(store.path.read_bytes())
    assert len(data["settings"]) == 1  # settings stay one record
    for table in ("settings", "checkins", "activities"):
        assert next(iter(data[table].values()))["from_the_future"] == [1, 2]
    assert store.settings().goal_days == 5 and store.settings().name == "Robin"


def test_an_edit_that_changes_nothing_writes_nothing(store: Store):
    store.save_checkin(CheckIn(date="2026-11-25", mood=3))
    marker = store.change_marker()
    store.edit_checkin("2026-11-25", Edit.direct_change({"mood": 3}))
    assert store.change_marker() == marker
