"""Reflections: the validator keeps the text exactly as written, and the store's journal operations."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from runmate.edits import Edit
from runmate.models import MAX_JOURNAL, JournalEntry, ValidationError, journal_text, parse_journal
from runmate.store import AmbiguousId, Conflict, NotFound, RecordGone, Store

TODAY = dt.date(2026, 11, 25)


def problems(**kwargs) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        parse_journal(today=TODAY, **kwargs)
    result = {e.field: e.message for e in caught.value.errors}
    assert len(result) == len(caught.value.errors), "one message per field"
    return result


# --- the validator ----------------------------------------------------------------------------


def test_a_reflection_keeps_its_text_title_day_and_link():
    entry = parse_journal(
        today=TODAY, date="2026-11-20", text="A good run.\n\n  Indented #park", title=" Park ", activity_id="abc"
    )
    assert (entry.date, entry.text, entry.title, entry.activity_id) == (
        "2026-11-20",
        "A good run.\n\n  Indented #park",
        "Park",
        "abc",
    )
    assert parse_journal(today=TODAY, text="x", activity_id="").activity_id is None
    assert parse_journal(today=TODAY, text="x").date == "2026-11-25"


def test_every_problem_is_reported_at_once_in_plain_words():
    assert problems(date="2026-11-26", text=" \n\t ", title="t" * 81) == {
        "date": "A reflection can't be dated in the future; today is 2026-11-25.",
        "text": "Write a few words first; an empty reflection isn't saved.",
        "title": "The title is at most 80 characters (this one has 81).",
    }
    assert problems(date="26/11/2026", text="ok") == {
        "date": "Date is today, yesterday, tomorrow, a weekday like 'fri', or a date like 2026-03-14."
    }
    assert problems(text="x" * (MAX_JOURNAL + 1)) == {
        "text": "A reflection is at most 20,000 characters (this one has 20,001)."
    }
    assert problems(text="clear\x1b[2Jscreen") == {
        "text": "The reflection has control characters in it; please remove them."
    }
    assert problems(text="bell\x07") and problems(text="csi\x9b31m")
    assert parse_journal(today=TODAY, text="x" * MAX_JOURNAL).text == "x" * MAX_JOURNAL


def test_only_the_edges_are_tidied():
    assert journal_text("\n  \n  first line\r\nsecond\rthird  \n\n") == "  first line\nsecond\nthird"
    assert journal_text("[bold]not markup[/] \\[x]") == "[bold]not markup[/] \\[x]"
    assert journal_text(None) == ""


# Text a person might type: any script, emoji, right-to-left, combining accents, markup characters.
typed = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc"),  # no lone surrogates, no control characters ...
        whitelist_characters="\n\t[]/\\#",  # ... but new lines, tabs and markup characters
    ),
    min_size=1,
    max_size=300,
)


@given(typed.map(str.strip).filter(bool))
@example("café naïve e\u0301 日本語の日記 🏃‍♀️ 🌧️ שלום עולם مرحبا [bold]x[/bold] #tag")
def test_written_text_is_kept_exactly(text):
    assert parse_journal(today=TODAY, text=text).text == text


@given(typed)
def test_only_blank_text_is_refused_and_tidying_twice_changes_nothing(text):
    expected = journal_text(text)
    if not expected:
        with pytest.raises(ValidationError):
            parse_journal(today=TODAY, text=text)
        return
    entry = parse_journal(today=TODAY, text=text)
    assert entry.text == expected and expected.strip() == text.strip()
    assert parse_journal(today=TODAY, text=entry.text).text == entry.text


@given(typed)
def test_text_round_trips_through_the_data_file(tmp_path_factory, text):
    if not journal_text(text):
        return
    store = Store(tmp_path_factory.mktemp("data"))
    entry = store.add_journal(parse_journal(today=TODAY, text=text))
    assert Store(store.data_dir).journal_entry(entry.id).text == entry.text


# --- the store --------------------------------------------------------------------------------


def test_ids_resolve_by_prefix_and_delete(store):
    a = store.add_journal(JournalEntry(date="2026-11-20", text="one", id="ab12" + "0" * 28))
    b = store.add_journal(JournalEntry(date="2026-11-21", text="two", id="ab34" + "0" * 28))
    assert store.resolve_journal_id("AB1") == a.id
    with pytest.raises(AmbiguousId):
        store.resolve_journal_id("ab")
    with pytest.raises(NotFound):
        store.resolve_journal_id("ff")
    assert store.journal_entry(b.id).text == "two"
    assert store.delete_journal(a.id) and not store.delete_journal(a.id)
    assert [e.id for e in store.journal()] == [b.id]
    assert store.journal_entry(a.id) is None


def test_an_edit_writes_only_the_text_and_asks_when_both_sides_changed_it(store):
    entry = store.add_journal(JournalEntry(date="2026-11-20", text="first", title="Park", activity_id="run1"))
    base = {"date": entry.date, "title": entry.title, "text": "first", "activity_id": "run1"}
    store.edit_journal(entry.id, Edit.direct_change({"text": "from the shell"}))
    with pytest.raises(Conflict) as caught:
        store.edit_journal(entry.id, Edit.from_form(base, {**base, "text": "from the app"}, entry.id))
    [clash] = caught.value.clashes
    assert (clash.name, clash.mine, clash.theirs) == ("text", "from the app", "from the shell")
    assert store.journal_entry(entry.id).text == "from the shell"
    edit = Edit.from_form(base, {**base, "text": "from the app"}, entry.id).keeping_mine(["text"])
    saved = store.edit_journal(entry.id, edit)
    assert (saved.text, saved.title, saved.activity_id) == ("from the app", "Park", "run1")


def test_a_reflection_deleted_elsewhere_is_only_made_again_when_asked(store):
    entry = store.add_journal(JournalEntry(date="2026-11-20", text="first"))
    base = {"date": entry.date, "title": "", "text": "first", "activity_id": None}
    edit = Edit.from_form(base, {**base, "text": "more"}, entry.id)
    store.delete_journal(entry.id)
    with pytest.raises(RecordGone):
        store.edit_journal(entry.id, edit)
    assert store.journal() == []
    again = store.edit_journal(entry.id, edit.as_new())
    assert (again.date, again.text) == ("2026-11-20", "more")
    assert [e.text for e in store.journal()] == ["more"]
