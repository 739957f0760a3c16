"""The journal read back: items from reflections and notes, search, tags, months, on this day."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runmate import journal
from runmate.journal import KIND_ACTIVITY, KIND_CHECKIN, KIND_REFLECTION, Filter, build_items, find
from runmate.models import CheckIn, JournalEntry, PlannedActivity

TODAY = dt.date(2026, 11, 25)


def entry(date: str, text: str, **extra) -> JournalEntry:
    return JournalEntry(date=date, text=text, created=f"{date}T21:00:00+00:00", **extra)


def texts(items, f: Filter) -> list[str]:
    return [items[i].text for i in find(items, f)]


@pytest.fixture
def items():
    run = PlannedActivity(
        date="2026-10-25",
        kind="run",
        minutes=25,
        status="done",
        before=2,
        after=4,
        note="Easy pace #park",
        id="run1",
        created="2026-10-19T08:00:00+00:00",
    )
    planned = PlannedActivity(date="2026-11-27", kind="walk", minutes=20, note="not done yet", id="walk1")
    return build_items(
        [
            entry("2026-11-20", "Rain run.\nSilly and wet and oddly HAPPY. #rain #Park"),
            entry("2026-10-25", "Ran the park loop, no stopping. #park", activity_id="run1"),
            entry("2025-11-25", "A year ago: 日本語の日記を書きました。 #日記"),
            entry("2026-09-01", "[bold]not markup[/] and C# is no tag, nor issue#3 or &#39;"),
        ],
        [CheckIn(date="2026-11-24", mood=3, note="Slept badly, coffee helps."), CheckIn(date="2026-11-23", mood=4)],
        [run, planned],
    )


def test_items_are_newest_first_and_notes_are_marked(items):
    assert [(i.date, i.kind) for i in items] == [
        ("2026-11-24", KIND_CHECKIN),
        ("2026-11-20", KIND_REFLECTION),
        ("2026-10-25", KIND_REFLECTION),
        ("2026-10-25", KIND_ACTIVITY),
        ("2026-09-01", KIND_REFLECTION),
        ("2025-11-25", KIND_REFLECTION),
    ]
    linked = items[2]
    assert (
        linked.activity is not None
        and journal.describe_activity(linked.activity) == "Run, 25 min · felt 2 low → 4 good"
    )
    assert items[1].heading == "Rain run."


def test_reflections_only_unless_everything(items):
    assert len(find(items, Filter())) == 4
    assert len(find(items, Filter(everything=True))) == 6


def test_search_is_case_insensitive_any_part_and_every_word(items):
    assert texts(items, Filter(query="happy")) == [items[1].text]
    assert texts(items, Filter(query="PARK loop")) == [items[2].text]
    assert texts(items, Filter(query="日記")) == [items[5].text]  # no spaces needed
    assert texts(items, Filter(query="書き")) == [items[5].text]
    assert texts(items, Filter(query="[bold]")) == [items[4].text]
    assert texts(items, Filter(query="coffee")) == []
    assert texts(items, Filter(query="coffee", everything=True)) == ["Slept badly, coffee helps."]
    assert texts(items, Filter(query="   ")) == texts(items, Filter())


def test_tags_are_found_folded_and_counted(items):
    assert journal.tags_in("#Park and #park, #walk-run. #café #日記 #1 C# a#b &#39; x/#y ##z") == [
        "park",
        "walk-run",
        "café",
        "日記",
    ]
    assert items[1].tags == ("rain", "park")
    assert journal.tag_counts(items[i] for i in find(items, Filter())) == [("park", 2), ("rain", 1), ("日記", 1)]
    assert texts(items, Filter(tag="park")) == [items[1].text, items[2].text]
    assert len(find(items, Filter(tag="park", everything=True))) == 3


def test_months_and_on_this_day(items):
    assert journal.month_counts(items[i] for i in find(items, Filter())) == [
        ("2026-11", 1),
        ("2026-10", 1),
        ("2026-09", 1),
        ("2025-11", 1),
    ]
    assert journal.month_label("2026-11") == "November 2026"
    assert texts(items, Filter(month="2026-10")) == [items[2].text]
    assert [items[i].date for i in find(items, Filter(on_this_day=TODAY, everything=True))] == [
        "2026-10-25",
        "2026-10-25",
        "2025-11-25",
    ]
    assert Filter(on_this_day=TODAY, tag="park", query="loop").describe() == (
        "reflections · on the 25th · #park · “loop”"
    )


def test_a_longer_query_searches_only_the_earlier_results(items):
    first = Filter(query="ra")
    earlier = find(items, first)
    assert Filter(query="rai").within(first) and not Filter(query="r").within(first)
    assert not Filter(query="rai", tag="x").within(first)
    assert find(items, Filter(query="rai"), among=earlier) == find(items, Filter(query="rai"))
    with pytest.raises(journal.Cancelled):
        find(items * 100, Filter(query="x"), cancelled=lambda: True)


def test_the_prompt_changes_from_day_to_day():
    days = [TODAY + dt.timedelta(days=n) for n in range(len(journal.PROMPTS))]
    assert len({journal.prompt_for(d) for d in days}) == len(journal.PROMPTS)
    assert journal.prompt_for(TODAY) == journal.prompt_for(TODAY)


words = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60)


@given(words, st.data())
def test_any_part_of_a_text_finds_it(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    part = text[start:end]
    if not part.split():
        return  # only spaces: an empty search, which shows everything anyway
    items = build_items([entry("2026-11-20", text)])
    assert find(items, Filter(query=part)) == [0]
    assert find(items, Filter(query=part.swapcase() if part.isascii() else part)) == [0]
