"""Exports: golden files for csv, md and ics, the ics read back by a calendar parser, narrowing,
file permissions and the export command."""

from __future__ import annotations

import csv as stdcsv
import datetime as dt
import io
import os
import stat
from pathlib import Path

import icalendar
import pytest

from runmate.cli import main
from runmate.exchange import csv, ics, md
from runmate.exchange.data import snapshot
from runmate.exchange.export import export_everything
from runmate.store import Store
from tests.unit.exchange_data import sample

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("RUNMATE_UPDATE_GOLDEN") == "1"


def golden(name: str, data: bytes) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_bytes(data)
    assert data == path.read_bytes(), f"{name} differs from its golden file (RUNMATE_UPDATE_GOLDEN=1 remakes it)"


@pytest.mark.parametrize("kind", ["checkins", "activities", "journal"])
def test_csv_matches_its_golden_file_and_reads_back(kind):
    data = csv.render(kind, sample().rows(kind))
    golden(f"{kind}.csv", data)
    rows = list(stdcsv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    assert [r["id"] for r in rows] == [r["id"] for r in sample().rows(kind)]
    if kind == "journal":
        assert rows[0]["text"] == sample().journal[0]["text"]  # commas, quotes, emoji and line breaks survive
    if kind == "checkins":
        assert rows[1]["note"] == "'=1+1 is not a formula here"  # a spreadsheet shows it, never runs it
    if kind == "activities":
        assert rows[2]["minutes"] == "" and rows[3]["distance_km"] == "5.24"


def test_csv_in_a_file_starts_with_a_byte_order_mark_for_spreadsheets():
    assert csv.render("checkins", [], bom=True).startswith("\ufeffdate,".encode())


def test_md_matches_its_golden_file():
    data = md.render(sample())
    golden("diary.md", data)
    text = data.decode()
    assert "## Monday 2 March 2026" in text
    assert "Yoga, minutes not known — done" in text
    assert "Run, 31 min, 5.2 km, 18:05 — done" in text
    assert "> Went out anyway. 🌧️" in text


def test_ics_matches_its_golden_file_and_a_calendar_reads_it():
    data = ics.render(sample())
    golden("activities.ics", data)
    cal = icalendar.Calendar.from_ical(data)
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    # The rest day is left out; every other activity is an event whose UID comes from its id.
    assert set(events) == {"a1@runmate.local", "a3@runmate.local", "a4@runmate.local", "a5@runmate.local"}
    walk = events["a1@runmate.local"]
    assert walk.decoded("DTSTART") == dt.datetime(2026, 3, 2, 7, 30)
    assert walk.decoded("DTEND") == dt.datetime(2026, 3, 2, 7, 55)  # 25 minutes done
    assert str(walk["SUMMARY"]) == "Walk, 25 min, 07:30, with Sam (done)"  # the minutes moved, shown once
    assert "park; sunny, cold" in str(walk["DESCRIPTION"])
    assert "Done" in str(walk["DESCRIPTION"])
    swim = events["a5@runmate.local"]
    assert swim.decoded("DTSTART") == dt.date(2026, 3, 6)
    assert str(swim["DESCRIPTION"]) == "Planned."
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))


def test_ics_folds_long_lines_without_splitting_a_character():
    line = "DESCRIPTION:" + "é🌧" * 40
    folded = ics.fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


def test_ics_escapes_text():
    assert ics.escape("a,b;c\\d\ne\x1b") == "a\\,b\\;c\\\\d\\ne\\\\x1b"


def fill(store: Store) -> None:
    snap = sample()

    def op(tx):
        for kind in ("checkins", "activities", "journal"):
            tx.insert_many(kind, snap.rows(kind))
        tx.insert("settings", snap.settings)

    store.write(op)


def test_narrowing_by_days_and_kind(store):
    fill(store)
    snap = snapshot(store)
    week = snap.narrowed(dt.date(2026, 3, 3), dt.date(2026, 3, 4))
    assert [r["id"] for r in week.activities] == ["a2", "a3"]
    assert [r["id"] for r in week.checkins] == ["c2"]
    assert week.settings is None
    only = snap.narrowed(kind="journal")
    assert only.count() == 2 and not only.checkins
    assert snap.narrowed().settings is not None


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_export_command_writes_private_files_and_folders(store, data_dir, tmp_path, capsys):
    fill(store)
    target = tmp_path / "out" / "diary.md"
    assert main(["--data-dir", str(data_dir), "export", "--format", "md", "--output", str(target)]) == 0
    assert "readable only by you" in capsys.readouterr().out
    assert mode(target) == 0o600 and mode(target.parent) == 0o700
    assert target.read_bytes() == md.render(snapshot(store))
    folder = tmp_path / "sheets"
    assert main(["--data-dir", str(data_dir), "export", "--format", "csv", "--output", str(folder)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["activities.csv", "checkins.csv", "journal.csv"]
    assert mode(folder) == 0o700 and all(mode(p) == 0o600 for p in folder.iterdir())
    # An existing file is replaced, and made private even if it was not.
    target.write_text("old")
    target.chmod(0o644)
    assert main(["--data-dir", str(data_dir), "export", "--format", "ics", "--output", str(target)]) == 0
    assert mode(target) == 0o600 and target.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_export_command_to_standard_output_with_dates_and_kind(store, data_dir):
    fill(store)
    out = io.StringIO()
    argv = ["--data-dir", str(data_dir), "export", "--format", "csv", "--kind", "activities"]
    assert main([*argv, "--from", "2026-03-04", "--to", "2026-03-05"], out=out) == 0
    assert [line.split(",")[0] for line in out.getvalue().splitlines()] == ["date", "2026-03-04", "2026-03-05"]


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--format", "csv"], "csv needs a folder"),
        (["--format", "md", "--from", "2026-02-30"], "--from is today, yesterday"),
        (["--format", "md", "--from", "2026-03-05", "--to", "2026-03-01"], "--from is after --to"),
        (["--format", "pdf"], "invalid choice"),
    ],
)
def test_export_command_refuses_bad_options(data_dir, extra, words):
    err = io.StringIO()
    assert main(["--data-dir", str(data_dir), "export", *extra], err=err) == 2
    assert words in err.getvalue()


def test_export_everything_into_a_dated_folder(store, tmp_path):
    fill(store)
    done = export_everything(store, tmp_path, dt.date(2026, 3, 14))
    assert done.folder == tmp_path / "runmate-export-2026-03-14"
    assert sorted(p.name for p in done.files) == sorted(
        ["runmate.json", "runmate.md", "runmate.ics", "checkins.csv", "activities.csv", "journal.csv"]
    )
    again = export_everything(store, tmp_path, dt.date(2026, 3, 14))
    assert again.folder.name == "runmate-export-2026-03-14-2"
    assert mode(done.folder) == 0o700 and all(mode(p) == 0o600 for p in done.files)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_export_to_a_terminal_shows_control_characters_as_escapes(store, data_dir):
    from runmate.models import CheckIn

    store.save_checkin(CheckIn(date="2026-03-02", mood=3, note="\x1b]0;title\x07 hi"))
    shown, piped = Terminal(), io.StringIO()
    argv = ["--data-dir", str(data_dir), "export", "--format", "csv", "--kind", "checkins"]
    assert main(argv, out=shown) == 0 and main(argv, out=piped) == 0
    assert "\x1b" not in shown.getvalue() and "\\x1b]0;title\\x07 hi" in shown.getvalue()
    assert "\x1b]0;title\x07 hi" in piped.getvalue()  # redirected to a file: exactly as written


# -- where an export may go ----------------------------------------------------------------------


def _folder_state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize(
    "extra",
    [
        ["--format", "json", "--output", "{data}"],
        ["--format", "csv", "--kind", "journal", "--output", "{data}/runmate.json"],
        ["--format", "csv", "--output", "{data}"],
        ["--format", "csv", "--output", "{data}/sheets"],
        ["--format", "md", "--output", "{data}/runmate.json.lock"],
        ["--format", "md", "--output", "{data}/runmate.json.checked"],
        ["--format", "json", "--output", "{data}/{backup}"],
        ["--format", "ics", "--output", "{link}"],
        ["--format", "ics", "--output", "{link}/runmate.json"],
        ["--format", "md", "--output", "{data}/../data/diary.md"],
    ],
)
def test_an_export_never_writes_into_the_data_folder(store, data_dir, tmp_path, extra):
    fill(store)
    store.create_backup()
    (tmp_path / "link").symlink_to(data_dir)
    before = _folder_state(data_dir)
    backup = store.backups()[0].name
    argv = [a.format(data=data_dir, backup=backup, link=tmp_path / "link") for a in extra]
    err = io.StringIO()
    assert main(["--data-dir", str(data_dir), "export", *argv], err=err) == 2
    assert "data folder" in err.getvalue() and "nothing was written" in err.getvalue()
    assert _folder_state(data_dir) == before
    assert sorted(p.name for p in data_dir.iterdir()) == sorted(before)


def test_an_export_from_inside_the_data_folder_by_a_relative_name_is_refused(store, data_dir, monkeypatch):
    fill(store)
    before = _folder_state(data_dir)
    monkeypatch.chdir(data_dir)
    assert main(["--data-dir", str(data_dir), "export", "--format", "json", "--output", "runmate.json"]) == 2
    assert _folder_state(data_dir) == before


def test_an_export_into_a_named_pipe_writes_into_it(store, data_dir, tmp_path):
    import threading

    fill(store)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    out = io.StringIO()
    assert main(["--data-dir", str(data_dir), "export", "--format", "md", "--output", str(fifo)], out=out) == 0
    reader.join(10)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still the pipe, not a file put in its place
    assert got == [md.render(snapshot(store))]
    assert "readable only by you" not in out.getvalue()  # a pipe's mode is not runmate's to set


def test_an_export_into_a_terminal_device_writes_into_it(store, data_dir):
    fill(store)
    master, slave = os.openpty()
    try:
        name = os.ttyname(slave)
        assert main(["--data-dir", str(data_dir), "export", "--format", "ics", "--output", name]) == 0
        assert stat.S_ISCHR(os.stat(name).st_mode)
        got = b""
        while b"END:VCALENDAR" not in got:
            got += os.read(master, 65536)
        assert got.startswith(b"BEGIN:VCALENDAR")
    finally:
        os.close(master)
        os.close(slave)


@pytest.mark.parametrize("name", ["-", "/dev/stdout"])
def test_an_export_to_dash_or_dev_stdout_is_standard_output(store, data_dir, tmp_path, monkeypatch, name):
    fill(store)
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    assert (
        main(["--data-dir", str(data_dir), "export", "--format", "csv", "--kind", "journal", "--output", name], out=out)
        == 0
    )
    assert out.getvalue() == csv.render("journal", snapshot(store).journal).decode()
    assert not (tmp_path / "-").exists()


def test_an_export_to_dev_stdout_of_a_process_writes_into_its_pipe(store, data_dir):
    import subprocess
    import sys

    fill(store)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "runmate",
            "--data-dir",
            str(data_dir),
            "export",
            "--format",
            "json",
            "--output",
            "/dev/stdout",
        ],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert orjson_loads(proc.stdout)["runmate_export"] == 1


def test_an_export_to_dev_stderr_writes_into_it(store, data_dir):
    import subprocess
    import sys

    fill(store)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "runmate",
            "--data-dir",
            str(data_dir),
            "export",
            "--format",
            "md",
            "--output",
            "/dev/stderr",
        ],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == md.render(snapshot(store)) and proc.stdout == b""


def orjson_loads(raw: bytes):
    import orjson

    return orjson.loads(raw)


# -- text a spreadsheet or a Markdown viewer would run -------------------------------------------


FORMULAS = [
    "=1+1",
    " =1+1",
    '\n=HYPERLINK("http://x")',
    "\r\n+1",
    "  \t-2",
    "\u00a0@SUM(A1)",
    "\t=1",
    "\rhello",
    "\uff1d1+1",
    " \uff0b1",
    "\uff0d1",
    "\uff20A1",
]


@pytest.mark.parametrize("text", FORMULAS, ids=[repr(t) for t in FORMULAS])
def test_csv_guards_every_cell_a_spreadsheet_would_run(text):
    from runmate.models import CheckIn

    data = csv.render("checkins", [CheckIn(date="2026-03-02", mood=3, note=text, id="c1").to_dict()])
    (row,) = list(stdcsv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    assert row["note"] == "'" + text


@pytest.mark.parametrize("text", ["fine", "a = b", "1-2 km", "mail@home"])
def test_csv_leaves_ordinary_text_as_it_is(text):
    from runmate.models import CheckIn

    data = csv.render("checkins", [CheckIn(date="2026-03-02", mood=3, note=text, id="c1").to_dict()])
    (row,) = list(stdcsv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    assert row["note"] == text


def test_md_shows_html_from_a_reflection_as_text():
    from markdown_it import MarkdownIt

    from runmate.exchange.data import Snapshot
    from runmate.models import CheckIn, JournalEntry

    hostile = '<img src=x onerror="alert(1)"> &lt;b&gt; <script>x</script> \\<i>'
    snap = Snapshot(
        checkins=[CheckIn(date="2026-03-02", mood=3, note="<b>bold</b>", id="c1").to_dict()],
        journal=[JournalEntry(date="2026-03-02", title="<h3>t</h3>", text=hostile + "\n<div>", id="j1").to_dict()],
    )
    html = MarkdownIt("commonmark").render(md.render(snap).decode())
    for tag in ("<img", "<script", "<b>", "<h3>", "<div>", "<i>"):
        assert tag not in html
    # What was written is what a reader sees, character for character.
    text = html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    assert hostile in text and "<b>bold</b>" in text and "<h3>t</h3>" in text


@pytest.mark.parametrize("kind", ["checkins", "activities", "journal"])
def test_a_kind_with_no_rows_gives_its_own_header(store, data_dir, tmp_path, kind):
    fill(store)
    out = io.StringIO()
    argv = ["--data-dir", str(data_dir), "export", "--format", "csv", "--kind", kind, "--from", "2030-01-01"]
    assert main(argv, out=out) == 0
    assert out.getvalue().splitlines() == [",".join(csv.COLUMNS[kind])]
    target = tmp_path / f"{kind}.csv"
    assert main([*argv, "--output", str(target)], out=io.StringIO()) == 0
    assert target.read_text(encoding="utf-8-sig").splitlines() == [",".join(csv.COLUMNS[kind])]
