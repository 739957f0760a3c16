"""The summary for the doctor: figures read back from the PDF with pypdf and checked against the
store, what it never holds, the period, the paper, and runmate report."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from runmate import insights, report, stats
from runmate.cli import main
from runmate.exchange.doctor import summary_pdf
from runmate.models import STATUS_DONE, STATUS_PLANNED, CheckIn, JournalEntry, PlannedActivity, Settings
from runmate.report_pdf import DAILY_UP_TO, chart_points, day_ranges, wrap
from runmate.store import Store

TODAY = dt.date(2026, 11, 25)  # a Wednesday
FIRST = TODAY - dt.timedelta(days=27)


def day(n: int) -> str:
    """The day ``n`` days before TODAY."""
    return (TODAY - dt.timedelta(days=n)).isoformat()


@pytest.fixture
def store(data_dir: Path) -> Store:
    s = Store(data_dir)
    s.save_settings(Settings(name="Zoë Ångström", goal_days=3, welcomed=True))
    for n in range(28):
        if n % 4 == 3:
            continue  # a gap every fourth day
        low = n <= 6
        s.save_checkin(
            CheckIn(
                date=day(n),
                mood=2 if low else 3 + n % 2,
                energy=None if n % 5 == 0 else 1 + n % 5,
                stress=2 + n % 3,
                sleep_hours=6.5 + (n % 3) * 0.5,
                note="Привет, Καλημέρα, שלום" if n == 1 else ("walked to the shop" if n == 9 else ""),
            )
        )
    s.save_checkin(CheckIn(date=day(40), mood=5, note="before the period"))
    for n, minutes in ((2, 20), (5, 35), (9, 30), (10, 25), (16, 40)):
        s.add_activity(
            PlannedActivity(date=day(n), kind="walk", minutes=minutes, status=STATUS_DONE, before=2, after=3)
        )
    s.add_activity(PlannedActivity(date=(TODAY + dt.timedelta(days=3)).isoformat(), kind="run", minutes=99))
    s.add_journal(JournalEntry(date=day(4), text="A reflection in my own words: ça va mieux.", title="Sunday"))
    return s


def pdf_text(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split())


def test_the_figures_match_the_store(store):
    reader, text = pdf_text(summary_pdf(store, TODAY))
    checkins = [c for c in store.checkins() if FIRST.isoformat() <= c.date <= TODAY.isoformat()]
    assert f"Days with a check-in: {len(checkins)} of 28." in text
    done = [a for a in store.activities() if a.status == STATUS_DONE]
    assert f"I moved on {len(done)} days, {sum(a.minutes or 0 for a in done)} minutes in all" in text
    assert "my weekly goal is 3 days" in text
    assert f"{FIRST.day} Oct 2026 to 25 Nov 2026 (28 days)" in text
    # Each week's row: its check-ins and mood average, from the store.
    built = report.build_report(store.checkins(), store.activities(), [], store.settings(), FIRST, TODAY, TODAY)
    for week in built.weeks:
        rows = [
            c for c in checkins if week.monday.isoformat() <= c.date <= (week.monday + dt.timedelta(days=6)).isoformat()
        ]
        mood = stats.one_decimal(sum(c.mood for c in rows) / len(rows))
        label = f"{week.monday.day} {week.monday.strftime('%b')} {week.monday.year}"
        assert re.search(rf"{label} {week.days} {len(rows)} {mood} ", text), label
    # "Does moving help me?" with its numbers of days.
    for sentence in built.moving.sentences():
        assert " ".join(sentence.split()) in text
    assert "(5 activities)" in text
    # The days the low-mood note was due, worked out from the check-ins.
    due = insights.low_mood_days(store.checkins(), FIRST, TODAY)
    assert due and ", ".join(day_ranges(due)) in text
    assert len(reader.pages) <= 2


def test_it_says_who_made_it_from_what_and_never_a_diagnosis(store):
    reader, text = pdf_text(summary_pdf(store, TODAY))
    assert "Prepared by Zoë Ångström with runmate" in text
    assert "not a medical record" in text and "runmate's data file, runmate.json" in text
    lowered = text.lower()
    for word in ("diagnos", "depress", "disorder", "phq", "gad-7", "severity", "score", "symptom", "patient"):
        assert word not in lowered, word
    assert reader.metadata is not None and reader.metadata.creator == "runmate"


def test_notes_and_reflections_only_when_asked_for(store):
    _, text = pdf_text(summary_pdf(store, TODAY))
    assert "walked to the shop" not in text and "ça va mieux" not in text and "Привет" not in text
    _, text = pdf_text(summary_pdf(store, TODAY, with_notes=True))
    assert "walked to the shop" in text and "A reflection in my own words: ça va mieux." in text
    # Any script the app shows, as real text; right-to-left words are drawn in the order written,
    # as the terminal shows them, and a reader may give them back either way round.
    assert "Привет, Καλημέρα" in text and ("שלום" in text or "םולש" in text)
    assert "before the period" not in text


def test_the_fonts_are_embedded(store):
    reader = PdfReader(io.BytesIO(summary_pdf(store, TODAY, with_notes=True)))
    fonts = []
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            fonts.append((str(font["/BaseFont"]), "/FontFile2" in descendant["/FontDescriptor"].get_object()))
    assert fonts and all(embedded for _, embedded in fonts)
    assert any("DejaVuSans" in name for name, _ in fonts)


@pytest.mark.parametrize(("paper", "size"), [("a4", (595.28, 841.89)), ("letter", (612, 792))])
def test_a4_and_letter(store, paper, size):
    reader = PdfReader(io.BytesIO(summary_pdf(store, TODAY, paper=paper)))
    box = reader.pages[0].mediabox
    assert (round(float(box.width), 1), round(float(box.height), 1)) == (round(size[0], 1), round(size[1], 1))


def test_a_day_with_nothing_noted_is_a_gap_never_a_zero(store):
    built = report.build_report(store.checkins(), store.activities(), [], store.settings(), FIRST, TODAY, TODAY)
    assert built.series["mood"][built.days - 1 - 3] is None  # TODAY - 3: a gap
    assert 0 not in built.series["mood"]
    assert built.days == 28 and built.last == TODAY


def test_the_default_period_is_the_four_weeks_ending_today():
    assert report.default_period(TODAY) == (FIRST, TODAY)


def test_day_ranges_group_runs():
    days = [dt.date(2026, 11, d) for d in (20, 21, 22, 25)] + [dt.date(2026, 12, 1)]
    assert day_ranges(days) == ["20–22 Nov 2026", "25 Nov 2026", "1 Dec 2026"]


def cli(data_dir: Path, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(["--data-dir", str(data_dir), *argv], out=out, err=err, today=TODAY)
    return status, out.getvalue(), err.getvalue()


def test_report_writes_the_pdf_here_by_default(store, data_dir, tmp_path, monkeypatch):
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    status, out, _ = cli(data_dir, "report")
    assert status == 0
    written = here / "runmate-summary-2026-11-25.pdf"
    assert f"to {written}" in out and "not a medical record" in out
    assert written.stat().st_mode & 0o777 == 0o600
    _, text = pdf_text(written.read_bytes())
    assert "(28 days)" in text


def test_report_takes_a_period_and_a_file(store, data_dir, tmp_path):
    target = tmp_path / "for-dr-lee.pdf"
    status, _, _ = cli(data_dir, "report", "--from", day(6), "--to", day(0), "--output", str(target), "--with-notes")
    assert status == 0
    _, text = pdf_text(target.read_bytes())
    assert "19 Nov 2026 to 25 Nov 2026 (7 days)" in text and "Привет" in text


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("--to", "2026-11-28"), "still to come"),
        (("--from", "2026-11-20", "--to", "2026-11-10"), "first day comes first"),
        (("--output", ""), "empty"),
    ],
)
def test_report_refuses_a_period_that_cannot_be(store, data_dir, tmp_path, argv, words):
    before = sorted(tmp_path.iterdir())
    status, _, err = cli(data_dir, "report", *argv)
    assert status == 2 and words in err
    assert sorted(tmp_path.iterdir()) == before


def test_report_never_writes_into_the_data_folder(store, data_dir):
    status, _, err = cli(data_dir, "report", "--output", str(data_dir / "x.pdf"))
    assert status == 2 and "data folder" in err
    assert not (data_dir / "x.pdf").exists()


def test_the_md_export_ends_today_unless_told_otherwise(store, data_dir):
    status, out, _ = cli(data_dir, "export", "--format", "md")
    assert status == 0 and "99 min" not in out and "2026-11-28" not in out
    status, out, _ = cli(data_dir, "export", "--format", "md", "--to", "2026-11-30")
    assert status == 0 and ("2026-11-28" in out or "28 Nov" in out)


def test_a_future_planned_session_is_never_in_the_summary(store):
    built = report.build_report(store.checkins(), store.activities(), [], store.settings(), FIRST, TODAY, TODAY)
    assert built.minutes == 150 and all(a.status != STATUS_PLANNED or a.date <= TODAY.isoformat() for a in [])


@given(st.text(alphabet=st.sampled_from("ab cdéЖש\n"), max_size=300), st.integers(min_value=1, max_value=40))
def test_wrapped_lines_fit_and_keep_every_character(text, width):
    lines = wrap(text, float(width), lambda s: float(len(s)))
    assert all(len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")
    assert len(lines) >= text.count("\n") + 1


def test_a_long_period_is_drawn_week_by_week_with_gaps(store):
    first = TODAY - dt.timedelta(days=199)
    built = report.build_report(store.checkins(), store.activities(), [], store.settings(), first, TODAY, TODAY)
    points = chart_points(built, "mood")
    assert len(points) == len(built.weeks) and built.days > DAILY_UP_TO
    assert points[0][1] is None  # weeks long before the first check-in: gaps, never zeros
    assert points[-1][1] == built.weeks[-1].mood is not None
    short = report.build_report(store.checkins(), store.activities(), [], store.settings(), FIRST, TODAY, TODAY)
    assert [v for _, v in chart_points(short, "mood")] == short.series["mood"]
