"""The journal as a person reads it back: reflections and, when they ask for everything, the notes
of check-ins and of done activities, searched, narrowed to a tag or a month, or "on this day".

Pure functions and plain data: no Textual, no store, no I/O. The screen and ``runmate journal``
share them, and "today" is always a parameter.

Search is case-insensitive (``str.casefold``), finds any part of the text (also inside words, so
scripts written without spaces such as Japanese and Chinese work), and every word of a query must
be found. Each item keeps its text folded once, so a search is a plain substring test per item; a
query that only adds to the previous one looks only among the previous results (``Filter.within``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from runmate.formatting import MONTH_NAMES, amount_text
from runmate.models import STATUS_DONE, CheckIn, JournalEntry, PlannedActivity
from runmate.plans import feeling

KIND_REFLECTION = "reflection"
KIND_CHECKIN = "checkin"
KIND_ACTIVITY = "activity"
KIND_WORDS = {KIND_REFLECTION: "reflection", KIND_CHECKIN: "check-in note", KIND_ACTIVITY: "activity note"}

# Gentle prompts over an empty editor, one a day, drawn from what moving can bring. Never required.
PROMPTS = (
    "What felt lighter after moving today?",
    "Where did your mind wander while you walked?",
    "One thing you're glad you did this week.",
    "How did your body feel before, and after?",
    "What did you notice outside today: a sound, a colour, the weather?",
    "Who would you like to move with some time?",
    "What helped you get out of the door, or what got in the way?",
    "How did you sleep, and did moving make a difference?",
    "A small thing that went well today.",
    "What would you tell a friend who had the day you had?",
    "Which kind of movement do you enjoy most at the moment?",
    "What is one gentle goal for the next few days?",
)

# '#' then a letter, then letters, digits, '-' or '_': #park, #walk-run, #日記, #café. Not inside a
# word (C#, issue#3), an HTML entity (&#39;) or a link (page/#part): see ``tags_in``.
TAG_PATTERN = re.compile(r"#([^\W\d_][\w-]*)")
_NOT_BEFORE_TAG = re.compile(r"[\w&/#]")


def prompt_for(day: dt.date) -> str:
    """The prompt of ``day``: the same all day, another tomorrow."""
    return PROMPTS[day.toordinal() % len(PROMPTS)]


def fold(text: str) -> str:
    """Text as search compares it: case folded (so 'Straße' finds 'STRASSE')."""
    return text.lower() if text.isascii() else text.casefold()  # the same for ASCII, and quicker


def tags_in(text: str) -> list[str]:
    """The #tags in ``text``, folded, each once, in order of first use ('#Park #park' is one tag)."""
    seen: dict[str, None] = {}
    for match in TAG_PATTERN.finditer(text):
        start = match.start()
        if start and _NOT_BEFORE_TAG.match(text, start - 1):
            continue
        seen.setdefault(fold(match.group(1).rstrip("-")), None)
    return list(seen)


def first_line(text: str) -> str:
    """The first line with words on it, without the space around it."""
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def month_key(day: dt.date | str) -> str:
    """'2026-11' for any day in November 2026."""
    return (day if isinstance(day, str) else day.isoformat())[:7]


def month_label(key: str) -> str:
    """'2026-11' -> 'November 2026'."""
    year, month = key.split("-")
    return f"{MONTH_NAMES[int(month) - 1]} {year}"


def describe_activity(a: PlannedActivity) -> str:
    """'Run, 25 min · felt 2 low → 4 good' for a done activity a reflection is about."""
    text = f"{a.label}, {amount_text(a.shown_minutes, a.distance_km)}"
    if a.before is not None or a.after is not None:
        text += f" · felt {feeling(a.before)} → {feeling(a.after)}"
    return text


@dataclass(frozen=True)
class Item:
    """One thing a person wrote: a reflection, or the note of a check-in or of a done activity.

    ``id`` is the record's own id (the check-in's or the activity's for a note). ``activity`` is the
    done activity a reflection is about, or the activity a note belongs to; ``link`` is the id a
    reflection names, as stored (the activity may have been deleted since).
    """

    kind: str
    id: str
    date: str
    text: str
    title: str = ""
    created: str = ""
    activity: PlannedActivity | None = None
    link: str | None = None
    tags: tuple[str, ...] = ()
    folded: str = field(default="", repr=False, compare=False)

    @property
    def day(self) -> dt.date:
        return dt.date.fromisoformat(self.date)

    @property
    def heading(self) -> str:
        """What the list shows: the title, else the first line."""
        return self.title.strip() or first_line(self.text)

    @property
    def is_reflection(self) -> bool:
        return self.kind == KIND_REFLECTION


def _item(
    kind: str,
    record_id: str,
    date: str,
    text: str,
    *,
    title: str = "",
    created: str = "",
    activity: PlannedActivity | None = None,
    link: str | None = None,
) -> Item:
    searched = f"{title}\n{text}" if title else text
    folded = fold(searched)
    return Item(
        kind=kind,
        id=record_id,
        date=date,
        text=text,
        title=title,
        created=created,
        activity=activity,
        link=link,
        tags=tuple(tags_in(searched)),
        folded=searched if folded == searched else folded,  # one copy when nothing changes
    )


def build_items(
    entries: Iterable[JournalEntry],
    checkins: Iterable[CheckIn] = (),
    activities: Iterable[PlannedActivity] = (),
) -> list[Item]:
    """Every reflection and every note of a check-in or a done activity, newest first."""
    by_id = {a.id: a for a in activities}
    items = [
        _item(
            KIND_REFLECTION,
            e.id,
            e.date,
            e.text,
            title=e.title,
            created=e.created,
            activity=by_id.get(e.activity_id) if e.activity_id else None,
            link=e.activity_id,
        )
        for e in entries
    ]
    items += [_item(KIND_CHECKIN, c.id, c.date, c.note, created=c.created) for c in checkins if c.note.strip()]
    items += [
        _item(KIND_ACTIVITY, a.id, a.date, a.note, created=a.created, activity=a)
        for a in by_id.values()
        if a.status == STATUS_DONE and a.note.strip()
    ]
    items.sort(key=lambda i: (i.date, i.created, i.id), reverse=True)
    return items


@dataclass(frozen=True)
class Filter:
    """What the person narrowed the list to. The empty filter shows every reflection."""

    query: str = ""
    tag: str | None = None
    month: str | None = None  # '2026-11'
    on_this_day: dt.date | None = None  # today: the same day of the month, in earlier months
    everything: bool = False  # also check-in and activity notes

    @property
    def words(self) -> list[str]:
        return fold(self.query).split()

    @property
    def is_narrowed(self) -> bool:
        return bool(self.words or self.tag or self.month or self.on_this_day)

    def within(self, earlier: Filter) -> bool:
        """True when everything this filter shows is among what ``earlier`` showed: the same
        filter, with a query that only adds to the earlier one."""
        same_rest = (self.tag, self.month, self.on_this_day, self.everything) == (
            earlier.tag,
            earlier.month,
            earlier.on_this_day,
            earlier.everything,
        )
        return same_rest and fold(self.query).startswith(fold(earlier.query))

    def describe(self) -> str:
        """'reflections · #park · November 2026', for the line above the list."""
        parts = ["everything you wrote" if self.everything else "reflections"]
        if self.on_this_day is not None:
            parts.append(f"on the {_ordinal(self.on_this_day.day)}")
        if self.month:
            parts.append(month_label(self.month))
        if self.tag:
            parts.append(f"#{self.tag}")
        if self.words:
            parts.append(f"“{self.query.strip()}”")
        return " · ".join(parts)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def matches(item: Item, f: Filter, words: Sequence[str] | None = None) -> bool:
    if not f.everything and item.kind != KIND_REFLECTION:
        return False
    if f.tag is not None and f.tag not in item.tags:
        return False
    if f.month is not None and not item.date.startswith(f.month):
        return False
    if f.on_this_day is not None:
        day = item.day
        if day.day != f.on_this_day.day or day >= f.on_this_day:
            return False
    folded = item.folded
    return all(word in folded for word in (f.words if words is None else words))


class Cancelled(Exception):
    """A search stopped early because a newer one replaced it."""


def find(
    items: Sequence[Item],
    f: Filter,
    among: Sequence[int] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[int]:
    """The positions in ``items`` that ``f`` shows (newest first, as ``items`` are).

    ``among`` limits the search to earlier results (see ``Filter.within``). ``cancelled`` is asked
    now and then; when it says yes, ``Cancelled`` is raised.
    """
    words = f.words
    result: list[int] = []
    positions: Iterable[int] = range(len(items)) if among is None else among
    for count, index in enumerate(positions):
        if cancelled is not None and count % 256 == 255 and cancelled():
            raise Cancelled
        if matches(items[index], f, words):
            result.append(index)
    return result


def tag_counts(items: Iterable[Item]) -> list[tuple[str, int]]:
    """Each tag and how many items use it: most used first, then by name."""
    counts = Counter(tag for item in items for tag in item.tags)
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))


def month_counts(items: Iterable[Item]) -> list[tuple[str, int]]:
    """Each month with something written in it and how much, newest month first."""
    counts = Counter(month_key(item.date) for item in items)
    return sorted(counts.items(), reverse=True)
