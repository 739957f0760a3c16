"""What the journal's reader shows of an entry, as styled lines (no widgets, no keys)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.content import Content

from runmate import journal
from runmate.formatting import long_date
from runmate.journal import KIND_CHECKIN, KIND_REFLECTION, Item


def reader_heading(item: Item, today: dt.date) -> Content:
    """'Tuesday 24 November', and what kind of note it is when it is not a reflection."""
    parts: list[Any] = [(long_date(item.day, year=item.day.year != today.year), "bold")]
    if item.kind != KIND_REFLECTION:
        parts.append((f"  {journal.KIND_WORDS[item.kind]}", "italic $text-secondary"))
    return Content.assemble(*parts)


def reader_about(item: Item) -> list[Content]:
    """The lines above the text: the activity it is about, its tags, and where a note comes from."""
    lines: list[Content] = []
    if item.activity is not None:
        lines.append(Content.assemble(("About  ", "bold $text-muted"), journal.describe_activity(item.activity)))
    if item.tags:
        lines.append(
            Content.assemble(("Tags  ", "bold $text-muted"), ("  ".join(f"#{t}" for t in item.tags), "$text-accent"))
        )
    if item.kind == KIND_CHECKIN:
        lines.append(Content.styled("The note of your check-in; e or Enter opens that check-in.", "$text-muted"))
    elif item.kind != KIND_REFLECTION:
        lines.append(Content.styled("The note of a done activity; e or Enter opens it in the plan.", "$text-muted"))
    return lines


def reader_body(item: Item) -> Content:
    """The text itself, shown literally, under its title when it has one."""
    body = Content(item.text)
    if item.title:
        body = Content.assemble((item.title, "bold"), "\n\n", body)
    return body


def one_line(text: str, width: int = 60) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"
