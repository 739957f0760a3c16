"""Daylio's CSV export: check-ins, reflections and done activities with unknown minutes; quotes,
commas, emoji, multi-line notes, 12- and 24-hour times, extra columns, custom moods."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runmate.cli import main
from runmate.exchange import daylio
from runmate.models import CheckIn, ValidationError
from runmate.store import Store

TODAY = dt.date(2026, 3, 10)
HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"

# Newest first, as Daylio writes it.
FILE = (
    HEADER
    + '2026-03-03,March 3,Tuesday,8:15 pm,good,"🏃 running | friends",,"Ran with Sam, ""slowly""\nthen tea ☕"\n'
    + "2026-03-03,March 3,Tuesday,7:05 am,bad,sleep early,Morning,heavy head\n"
    + "2026-03-02,March 2,Monday,12:30 PM,rad,walking | Yoga 🧘 | reading,,\n"
    + "2026-03-01,March 1,Sunday,23:40,meh,,,\n"
)


def write(tmp_path: Path, text: str, name: str = "daylio_export.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def run(data_dir: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--data-dir", str(data_dir), "import", *args], out=out, err=err, today=TODAY)
    return code, out.getvalue(), err.getvalue()


def test_a_daylio_export_comes_in_as_check_ins_reflections_and_activities(store: Store, data_dir, tmp_path):
    code, out, err = run(data_dir, str(write(tmp_path, FILE)))
    assert code == 0, err
    assert "3 check-ins, 3 activities, 2 reflections" in out
    moods = {c.date: c.mood for c in store.checkins()}
    assert moods == {"2026-03-01": 3, "2026-03-02": 5, "2026-03-03": 4}  # the day's latest entry: 8:15 pm
    acts = sorted((a.date, a.kind, a.minutes, a.status, a.time) for a in store.activities())
    assert acts == [
        ("2026-03-02", "walk", None, "done", "12:30"),
        ("2026-03-02", "yoga", None, "done", "12:30"),
        ("2026-03-03", "run", None, "done", "20:15"),
    ]
    notes = {(j.title, j.text) for j in store.journal()}
    assert notes == {("Morning", "heavy head"), ("", 'Ran with Sam, "slowly"\nthen tea ☕')}


def test_importing_the_same_file_twice_adds_nothing(store: Store, data_dir, tmp_path):
    path = write(tmp_path, FILE)
    assert run(data_dir, str(path))[0] == 0
    before = store.path.read_bytes()
    code, _, err = run(data_dir, str(path))
    assert code == 2 and "already here" in err
    assert store.path.read_bytes() == before


def test_a_day_with_a_check_in_keeps_it(store: Store, data_dir, tmp_path):
    store.save_checkin(CheckIn(date="2026-03-02", mood=1, note="mine"))
    assert run(data_dir, str(write(tmp_path, FILE)))[0] == 0
    kept = store.checkin_on("2026-03-02")
    assert kept is not None and kept.mood == 1 and kept.note == "mine"


def test_extra_columns_a_byte_order_mark_and_no_note_title(store: Store, data_dir, tmp_path):
    text = (
        "\ufefffull_date,date,weekday,time,mood,activities,note,scales,extra\n"
        '2026-03-04,March 4,Wednesday,06:00,awful,cycling,"a, b and c",3,x\n'
    )
    code, _, err = run(data_dir, str(write(tmp_path, text, "export.csv")))
    assert code == 0, err
    assert store.checkin_on("2026-03-04").mood == 1
    assert [a.kind for a in store.activities()] == ["cycle"]
    assert [j.text for j in store.journal()] == ["a, b and c"]


def test_custom_moods_need_a_mood_map(store: Store, data_dir, tmp_path):
    text = HEADER + "2026-03-04,March 4,Wednesday,9:00 am,Super,,,\n" + "2026-03-05,,,,fine,,,\n"
    path = write(tmp_path, text)
    code, _, err = run(data_dir, str(path))
    assert code == 2
    assert "row 2: the mood 'Super' is not one runmate knows; say what it means with --mood-map 'Super=N'" in err
    assert "row 3: the mood 'fine'" in err
    assert not store.path.exists()
    code, _, err = run(data_dir, str(path), "--mood-map", "super=5, fine=3")
    assert code == 0, err
    assert {c.date: c.mood for c in store.checkins()} == {"2026-03-04": 5, "2026-03-05": 3}


def test_bad_rows_are_reported_and_block_the_import_unless_partial(store: Store, data_dir, tmp_path):
    text = (
        HEADER
        + "2026-03-04,,,25:00,good,,,\n"
        + "2026-13-01,,,,good,,,\n"
        + "2026-04-01,,,,good,,,\n"
        + "2026-03-05,,,,,,,\n"
        + "2026-03-06,,,7:00 pm,meh,,,\n"
    )
    path = write(tmp_path, text)
    code, _, err = run(data_dir, str(path))
    assert code == 2
    assert "row 2: the time '25:00' is not a time of day." in err
    assert "row 3: the date '2026-13-01' is not a date written year-month-day." in err
    assert "row 4: the date 2026-04-01 is after today." in err
    assert "row 5: it has no mood." in err
    assert not store.path.exists()
    code, out, _ = run(data_dir, str(path), "--partial")
    assert code == 0 and "Brought in 1 check-in." in out


@pytest.mark.parametrize(
    "text",
    ["", "date,mood\n2026-01-01,good\n", "\x00\x01binary", "full_date,mood\n"],
)
def test_files_that_are_not_daylio_or_hold_nothing(data_dir, tmp_path, text):
    code, out, err = run(data_dir, str(write(tmp_path, text)), "--format", "daylio")
    assert code == 2 and out == "" and err.startswith("runmate: ")
    assert not data_dir.exists()


def test_mood_map_is_checked():
    assert daylio.parse_mood_map("fine=3")["fine"] == 3
    assert daylio.parse_mood_map(None)["rad"] == 5
    for bad in ("fine", "fine=6", "=3", "fine=x"):
        with pytest.raises(ValidationError):
            daylio.parse_mood_map(bad)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("8:15 pm", "20:15"), ("12:00 AM", "00:00"), ("12:30 p.m.", "12:30"), ("07:05", "07:05"), ("", None)],
)
def test_times(text, expected):
    assert daylio._time(text) == expected


NAMES = st.sampled_from(["rad", "good", "meh", "bad", "awful"])
CELLS = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.dates(dt.date(2000, 1, 1), TODAY), NAMES, CELLS, CELLS), min_size=1, max_size=8))
def test_any_notes_survive_the_csv(rows):
    """Whatever a note holds (quotes, commas, line breaks, emoji), it reads back as written."""
    import csv

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(["full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"])
    for day, mood, activities, note in rows:
        writer.writerow([day.isoformat(), "", "", "", mood, activities, "", note])
    incoming = daylio.read(buffer.getvalue().encode(), moods=daylio.MOODS, today=TODAY)
    assert len(incoming.checkins) == len({d for d, *_ in rows})
    kept = {j["text"] for j in incoming.journal}
    for _, _, _, note in rows:
        clean = daylio._note(note).replace("\r\n", "\n").replace("\r", "\n").strip()
        if clean and clean in kept:
            continue
        # A note runmate can't keep (control characters) is reported, not silently lost.
        assert not clean or incoming.problems


@pytest.mark.parametrize(
    "broken",
    [
        # An unclosed quote in a note: the rest of the file reads as one note.
        '2026-03-04,March 4,Wednesday,8:00 am,good,,,"Went out, felt ""ok\n',
        # The same in a title.
        '2026-03-04,March 4,Wednesday,8:00 am,good,,"Morning,note\n',
        # Quoted dates in the rows swallowed.
        '2026-03-04,March 4,Wednesday,8:00 am,good,"walking,,\n',
    ],
)
def test_an_unclosed_quote_is_reported_not_one_long_note(store: Store, data_dir, tmp_path, broken):
    lines = FILE.splitlines(keepends=True)
    path = write(tmp_path, lines[0] + broken + "".join(lines[1:]))
    code, out, err = run(data_dir, str(path))
    assert code == 2 and "row 2: a cell in it holds what reads as further rows" in err, (out, err)
    assert "nothing was imported" in err and not store.path.exists()


def test_a_note_with_a_line_that_starts_with_a_date_still_comes_in(store: Store, data_dir, tmp_path):
    note = '"Plans:\n2026-03-05, a long run\nthen rest"'
    path = write(tmp_path, HEADER + f"2026-03-04,March 4,Wednesday,8:00 am,good,,,{note}\n")
    code, _, err = run(data_dir, str(path))
    assert code == 0, err
    assert [e.text for e in store.journal()] == ["Plans:\n2026-03-05, a long run\nthen rest"]
