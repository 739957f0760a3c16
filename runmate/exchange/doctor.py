"""The summary for the doctor, read from the store and written as a PDF: shared by
``runmate report`` and the app's "Make a summary for my doctor". Public store API only.

Journal entries are read only when the person asks for their notes to be included."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from runmate.exchange.files import new_dated_name, write_private
from runmate.report import build_report, default_period
from runmate.store import Store


def source_words(store: Store) -> str:
    """What the summary says it was made from: 'runmate's data file, runmate.json'."""
    return f"runmate's data file, {store.path.name}"


def summary_pdf(
    store: Store,
    today: dt.date,
    first: dt.date | None = None,
    last: dt.date | None = None,
    *,
    with_notes: bool = False,
    paper: str = "a4",
) -> bytes:
    """The PDF of ``first`` to ``last`` (default: the 4 weeks ending ``today``)."""
    from runmate import report_pdf  # fpdf2 loads only when a summary is made

    start, end = default_period(last or today)
    first = first or start
    last = last or end
    entries = store.journal() if with_notes else []
    report = build_report(
        store.checkins(), store.activities(), entries, store.settings(), first, last, today, with_notes=with_notes
    )
    return report_pdf.render(report, source=source_words(store), paper=paper)


def summary_name(today: dt.date, folder: Path) -> Path:
    """A new file name in ``folder``: runmate-summary-2026-12-08.pdf (then -2, -3... if taken)."""
    return new_dated_name(folder, "runmate-summary", today, ".pdf")


def write_summary(store: Store, folder: Path, today: dt.date, *, with_notes: bool = False) -> Path:
    """The default summary (the last 4 weeks) as a new file in ``folder``, readable only by you."""
    data = summary_pdf(store, today, with_notes=with_notes)
    return write_private(summary_name(today, folder), data)
