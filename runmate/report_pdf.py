"""The summary for the doctor as a PDF (fpdf2): one or two printed pages for the default 4 weeks,
black on white with greys that survive a greyscale printer, real text (searchable, selectable)
in an embedded DejaVu Sans (Latin, Greek, Cyrillic, Hebrew, Arabic letters and more), on A4 or
US Letter.

What it says comes from ``runmate.report.Report``; this module only lays it out. It never names
a diagnosis or a questionnaire, and it says who prepared it, from which data, and that it is not
a medical record.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from importlib import resources

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from runmate.formatting import long_date
from runmate.report import Report
from runmate.stats import PATTERN_NOTE, one_decimal

PAPERS = {"a4": "A4", "letter": "Letter"}
FONT = "DejaVu"
MARGIN = 15.0  # mm
INK = 0  # black
GRID = 190  # light grey: survives greyscale and reads as a guide, not data
SOFT = 90  # dark grey for secondary text

CHARTS = (
    ("mood", "Mood", "1 very low … 5 very good", 1.0, 5.0),
    ("energy", "Energy", "1 very low … 5 very high", 1.0, 5.0),
    ("stress", "Stress", "1 calm … 5 very stressed", 1.0, 5.0),
    ("sleep_hours", "Sleep", "hours a night", 0.0, 12.0),
)


def _date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%b')} {day.year}"


def _short(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%b')}"


def day_ranges(days: list[dt.date]) -> list[str]:
    """Days as runs: ['20-23 Nov 2026', '2 Dec 2026']."""
    runs: list[tuple[dt.date, dt.date]] = []
    for day in sorted(days):
        if runs and (day - runs[-1][1]).days == 1:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    out = []
    for a, b in runs:
        if a == b:
            out.append(_date(a))
        elif (a.year, a.month) == (b.year, b.month):
            out.append(f"{a.day}–{b.day} {b.strftime('%b')} {b.year}")
        else:
            out.append(f"{_short(a)}{' ' + str(a.year) if a.year != b.year else ''} – {_date(b)}")
    return out


def _number(value: float | None) -> str:
    return "–" if value is None else one_decimal(value)


class _Pdf(FPDF):
    footer_text = ""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, "", 7.5)
        self.set_text_color(SOFT)
        self.cell(0, 5, f"{self.footer_text}  ·  page {self.page_no()} of {{nb}}", align="C")


def _fonts(pdf: FPDF) -> None:
    folder = resources.files("runmate").joinpath("fonts")
    with resources.as_file(folder.joinpath("DejaVuSans.ttf")) as regular:
        pdf.add_font(FONT, "", str(regular))
    with resources.as_file(folder.joinpath("DejaVuSans-Bold.ttf")) as bold:
        pdf.add_font(FONT, "B", str(bold))


def render(report: Report, *, source: str, paper: str = "a4") -> bytes:
    """The PDF's bytes. ``source`` names the data it was made from (the data file's name)."""
    pdf = _Pdf(orientation="portrait", unit="mm", format=PAPERS[paper])
    _fonts(pdf)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=16)
    who = report.name or "me"
    pdf.footer_text = f"Prepared by {who} with runmate · not a medical record · from {source}"
    pdf.set_title("A summary of my mood and movement")
    pdf.set_author(report.name or "runmate user")
    pdf.set_creator("runmate")
    pdf.set_subject(f"{_date(report.first)} to {_date(report.last)}")
    pdf.set_lang("en")
    pdf.add_page()
    _heading(pdf, report, source)
    _charts(pdf, report)
    _weeks(pdf, report)
    _moving(pdf, report)
    _low_mood(pdf, report)
    if report.with_notes:
        _notes(pdf, report)
    return bytes(pdf.output())


# --- parts --------------------------------------------------------------------------------------


def wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """``text`` in lines at most ``width`` wide (``measure`` gives a string's width): at spaces,
    and inside a word only when the word alone is wider than a line; line breaks are kept.

    fpdf2's own multi_cell measures each line again for every character it adds, which took
    seconds for five years of notes; words are measured once here."""
    lines: list[str] = []
    space = measure(" ")
    for paragraph in text.split("\n"):
        line, used = "", 0.0
        for raw in paragraph.split(" "):
            word, w = raw, measure(raw)
            if line and used + space + w <= width:
                line, used = f"{line} {word}", used + space + w
                continue
            if line:
                lines.append(line)
            while w > width and len(word) > 1:  # a word wider than a line: the most of it that fits
                lo, hi = 1, len(word) - 1
                while lo < hi:
                    mid = (lo + hi + 1) // 2
                    if measure(word[:mid]) <= width:
                        lo = mid
                    else:
                        hi = mid - 1
                lines.append(word[:lo])
                word = word[lo:]
                w = measure(word)
            line, used = word, w
        lines.append(line)
    return lines


def _text(pdf: FPDF, text: str, size: float = 9.5, style: str = "", grey: int = INK, h: float = 4.6) -> None:
    pdf.set_font(FONT, style, size)
    pdf.set_text_color(grey)
    measure = functools.lru_cache(maxsize=4096)(pdf.get_string_width)
    for line in wrap(text, pdf.epw, measure):
        pdf.cell(pdf.epw, h, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _title(pdf: FPDF, text: str) -> None:
    pdf.ln(2.5)
    if pdf.get_y() > pdf.h - 40:
        pdf.add_page()
    _text(pdf, text, 11.5, "B", h=6)
    pdf.ln(0.5)


def _heading(pdf: FPDF, report: Report, source: str) -> None:
    _text(pdf, "A summary of my mood and movement", 16, "B", h=8)
    span = f"{_date(report.first)} to {_date(report.last)} ({report.days} day{'s' if report.days != 1 else ''})"
    _text(pdf, span, 11, h=6)
    pdf.ln(1)
    who = f"by {report.name}" if report.name else "by me"
    _text(
        pdf,
        f"Prepared {who} with runmate on {long_date(report.made_on, year=True)}, from {source}: what I noted "
        "myself each day (a short check-in of mood, energy, stress and sleep, and the activities I ticked "
        "off). It is not a medical record, and it gives no medical opinion.",
        8.5,
        grey=SOFT,
        h=4.2,
    )
    pdf.ln(1.5)
    moved = f"I moved on {report.active_days} day{'s' if report.active_days != 1 else ''}"
    minutes = f", {report.minutes} minutes in all" if report.minutes else ""
    _text(
        pdf,
        f"Days with a check-in: {report.checkin_days} of {report.days}.  {moved}{minutes}; "
        f"my weekly goal is {report.goal_days} day{'s' if report.goal_days != 1 else ''} with movement.",
        10,
        "B",
        h=5.2,
    )


def _ticks(first: dt.date, last: dt.date) -> list[tuple[int, str]]:
    """(day index, label) for the x axis: Mondays for up to 9 weeks, months up to 2 years, else years."""
    days = (last - first).days + 1
    out = []
    for i in range(days):
        day = first + dt.timedelta(days=i)
        if days <= 63 and day.weekday() == 0:
            out.append((i, _short(day)))
        elif 63 < days <= 731 and day.day == 1:
            out.append((i, day.strftime("%b") + (f" {day.year}" if day.month == 1 or not out else "")))
        elif days > 731 and day.month == 1 and day.day == 1:
            out.append((i, str(day.year)))
    return out


DAILY_UP_TO = 120  # days; a longer period is drawn week by week, which a page can still show


def chart_points(report: Report, field: str) -> list[tuple[float, float | None]]:
    """(day position, value) to draw: each day for up to DAILY_UP_TO days, else each week's
    average at the middle of its days in the period. None is a gap, never a zero."""
    if report.days <= DAILY_UP_TO:
        return [(float(i), v) for i, v in enumerate(report.series[field])]
    points = []
    for week in report.weeks:
        start = max(week.monday, report.first)
        points.append(((start - report.first).days + (week.days - 1) / 2, getattr(week, field)))
    return points


def _charts(pdf: FPDF, report: Report) -> None:
    daily = report.days <= DAILY_UP_TO
    _title(pdf, "Day by day" if daily else "Over the whole period, week by week")
    gap = (
        "A gap is a day with nothing noted"
        if daily
        else "Each point is a week's average; a gap is a week with nothing noted"
    )
    _text(pdf, f"{gap}, never a zero.", 8.5, grey=SOFT, h=4.2)
    pdf.ln(1)
    left = pdf.l_margin + 9
    width = pdf.epw - 9
    height = 22.0
    n = report.days
    step = width / n
    ticks = _ticks(report.first, report.last)
    for field, label, scale, low, top_value in CHARTS:
        points = chart_points(report, field)
        noted = [v for _, v in points if v is not None]
        high = max(top_value, *noted) if field == "sleep_hours" and noted else top_value
        if pdf.get_y() + height + 12 > pdf.h - 16:
            pdf.add_page()
        pdf.set_font(FONT, "B", 8.5)
        pdf.set_text_color(INK)
        pdf.cell(0, 4.2, f"{label}  ", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_xy(pdf.l_margin + pdf.get_string_width(f"{label}  ") + 0.5, pdf.get_y() - 4.2)
        pdf.set_font(FONT, "", 7.5)
        pdf.set_text_color(SOFT)
        pdf.cell(0, 4.2, scale, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        top = pdf.get_y() + 1
        bottom = top + height

        def y_of(value: float, top: float = top, bottom: float = bottom, low: float = low, high: float = high) -> float:
            return bottom - (value - low) / (high - low) * (bottom - top)

        pdf.set_line_width(0.15)
        pdf.set_draw_color(GRID)
        grid = range(int(low), int(high) + 1, 1 if high - low <= 5 else 3)
        pdf.set_font(FONT, "", 6.5)
        pdf.set_text_color(SOFT)
        for g in grid:
            y = y_of(g)
            pdf.line(left, y, left + width, y)
            pdf.set_xy(pdf.l_margin, y - 1.6)
            pdf.cell(8, 3.2, str(g), align="R")
        for i, _ in ticks:
            x = left + (i + 0.5) * step
            pdf.line(x, bottom, x, bottom + 1.2)
        pdf.set_draw_color(INK)
        pdf.set_fill_color(INK)
        pdf.set_line_width(0.45 if daily else 0.3)
        run: list[tuple[float, float]] = []
        for position, value in [*points, (0.0, None)]:
            if value is not None:
                run.append((left + (position + 0.5) * step, y_of(value)))
                continue
            if len(run) == 1:
                x, y = run[0]
                pdf.rect(x - 0.45, y - 0.45, 0.9, 0.9, style="F")
            elif run:
                pdf.polyline(run)
            run = []
        pdf.set_font(FONT, "", 6.5)
        pdf.set_text_color(SOFT)
        for i, text in ticks:
            pdf.set_xy(left + (i + 0.5) * step - 10, bottom + 1.2)
            pdf.cell(20, 3, text, align="C")
        pdf.set_xy(pdf.l_margin, bottom + 4.6)


WEEK_COLUMNS = (
    ("Week of", 26, "L"),
    ("Days", 12, "R"),
    ("Check-ins", 18, "R"),
    ("Mood", 15, "R"),
    ("Energy", 15, "R"),
    ("Stress", 15, "R"),
    ("Sleep (h)", 18, "R"),
    ("Moved (min)", 22, "R"),
    ("Active days / goal", 39, "R"),
)


def _weeks(pdf: FPDF, report: Report) -> None:
    _title(pdf, "Week by week")
    _text(
        pdf,
        "Averages of the days with a check-in (scales 1 to 5); minutes and days with movement against my "
        "weekly goal. A week cut by the period shows how many of its days are in it.",
        8.5,
        grey=SOFT,
        h=4.2,
    )
    pdf.ln(1)
    scale = pdf.epw / sum(w for _, w, _ in WEEK_COLUMNS)
    widths = [w * scale for _, w, _ in WEEK_COLUMNS]

    def header() -> None:
        pdf.set_font(FONT, "B", 7.5)
        pdf.set_text_color(INK)
        pdf.set_draw_color(INK)
        pdf.set_line_width(0.3)
        for (title, _, align), w in zip(WEEK_COLUMNS, widths, strict=True):
            pdf.cell(w, 5, title, align=align)
        pdf.ln(5)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + pdf.epw, pdf.get_y())

    header()
    pdf.set_line_width(0.1)
    for k, week in enumerate(report.weeks):
        if pdf.get_y() + 5 > pdf.h - 16:
            pdf.add_page()
            header()
        pdf.set_font(FONT, "", 8)
        pdf.set_text_color(INK)
        if k % 2:
            pdf.set_fill_color(240)
        goal = f"{week.active_days} of {week.goal_days}" + (" (met)" if week.goal_met and week.days == 7 else "")
        cells = (
            _date(week.monday),
            str(week.days),
            str(week.checkins),
            _number(week.mood),
            _number(week.energy),
            _number(week.stress),
            _number(week.sleep_hours),
            str(week.minutes),
            goal,
        )
        for (_, _, align), w, text in zip(WEEK_COLUMNS, widths, cells, strict=True):
            pdf.cell(w, 4.6, text, align=align, fill=bool(k % 2))
        pdf.ln(4.6)


def _moving(pdf: FPDF, report: Report) -> None:
    _title(pdf, "Does moving help me?")
    for sentence in report.moving.sentences():
        _text(pdf, sentence, 9.5)
    _text(pdf, f"{PATTERN_NOTE} Each figure says how many days it rests on.", 8.5, grey=SOFT, h=4.2)


def _low_mood(pdf: FPDF, report: Report) -> None:
    _title(pdf, "The gentle low-mood note")
    rule = (
        "runmate shows a note suggesting a talk with my doctor or someone I trust when my mood was 1 or 2 "
        "on at least 5 of my last 7 check-ins, within 14 days."
    )
    days = report.low_mood_days
    if days:
        said = (
            f"In this period it was due on {len(days)} day{'s' if len(days) != 1 else ''}: "
            + ", ".join(day_ranges(days))
            + "."
        )
    else:
        said = "In this period it was not due on any day."
    _text(pdf, said, 9.5)
    _text(pdf, rule, 8.5, grey=SOFT, h=4.2)


def _notes(pdf: FPDF, report: Report) -> None:
    _title(pdf, "My notes")
    if not report.notes:
        _text(pdf, "No notes with my check-ins in this period.", 9.5)
    for note in report.notes:
        _text(pdf, f"{_date(note.day)}: {note.text}", 9)
    _title(pdf, "My reflections")
    if not report.reflections:
        _text(pdf, "No reflections in this period.", 9.5)
    for entry in report.reflections:
        heading = f"{_date(entry.day)}" + (f": {entry.title}" if entry.title else "")
        _text(pdf, heading, 9, "B")
        _text(pdf, entry.text, 9)
        pdf.ln(1)
