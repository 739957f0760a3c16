"""The command line never crashes and never lets raw control characters reach the terminal.

Whatever text goes into any option: status 0 or 2 (never a traceback); on 2 one line on stderr
and the data file byte for byte as it was. Notes, names and echoed input are printed with
control characters and escape sequences written as visible escapes.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runmate.cli import main
from runmate.models import CheckIn, PlannedActivity
from runmate.store import Store
from runmate.textsafe import has_unsafe

TODAY = dt.date(2026, 11, 25)
ACTIVITY_ID = "abcdef0123456789abcdef0123456789"
FEW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

ESCAPES = "\x1b]0;pwned\x07\x1b[2J"

# Anything a person (or a script) could pass as an option's value.
values = st.one_of(
    st.text(max_size=30),
    st.text(alphabet="0123456789-:., ²½٣\x1b\n\t\udcff", max_size=14),
    st.sampled_from(
        [
            "",
            " ",
            "9" * 5000,
            "-1",
            "²",
            "½",
            "①",
            "٣",
            "0001-01-01",
            "0001-01-03",
            "9999-12-31",
            "9999-12-25",
            "1899-12-31",
            "3000-01-01",
            "2999-12-31",
            "2999-12-01",
            ESCAPES,
            "line\nbreak",
            "bad \udcff bytes",
            "--help",
            "a" * 600,
        ]
    ),
)

# Each command with a value to vary: (argv before the value, its option or None, argv after).
ADD = ["plan", "add", "--date", "2026-11-26", "--activity", "run", "--minutes", "20"]
OPTIONS = [
    *(
        (["checkin", "--mood", "3"], option, [])
        for option in ("--energy", "--stress", "--sleep", "--sleep-quality", "--note", "--date")
    ),
    (["checkin"], "--mood", []),
    (["checkin", "--delete"], "--date", []),
    *((ADD, option, []) for option in ("--warmup", "--time", "--with", "--note")),
    (["plan", "add", "--activity", "run", "--minutes", "20"], "--date", []),
    (["plan", "add", "--date", "2026-11-26", "--minutes", "20"], "--activity", []),
    (["plan", "add", "--date", "2026-11-26", "--activity", "run"], "--minutes", []),
    (["plan", "list"], "--week", []),
    (["plan", "move", ACTIVITY_ID[:8]], "--date", []),
    (["plan", "move"], None, ["--date", "2026-11-27"]),
    (["plan", "done"], None, []),
    *((["plan", "done", ACTIVITY_ID[:8]], option, []) for option in ("--before", "--after", "--minutes")),
    (["plan", "rest"], None, []),
    (["plan", "rest", ACTIVITY_ID[:8]], "--reason", []),
    (["plan", "starter"], "--start", []),
    (["plan", "starter"], "--week", []),
    (["plan", "goal", "--days", "3"], "--why", []),
    (["plan", "goal"], "--days", []),
    (["demo"], "--years", []),
    *((["checkin", "list"], option, []) for option in ("--days", "--from", "--to")),
    (["checkin", "show"], None, []),
    *(([*ADD, "--done"], option, []) for option in ("--date", "--before", "--after")),
]


def seeded(data_dir: Path) -> Store:
    store = Store(data_dir)
    store.save_checkin(CheckIn(date="2026-11-24", mood=3, note="yesterday"))
    store.add_activity(PlannedActivity(date="2026-11-24", kind="walk", minutes=20, id=ACTIVITY_ID))
    return store


def run(data_dir: Path, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(["--data-dir", str(data_dir), *argv], out=out, err=err, today=TODAY)
    return status, out.getvalue(), err.getvalue()


def assert_safe(*texts: str) -> None:
    for text in texts:
        assert not has_unsafe(text, allow="\n"), repr(text)


@pytest.mark.parametrize(
    ("before", "option", "after"), OPTIONS, ids=lambda v: " ".join(v) if isinstance(v, list) else str(v)
)
@FEW
@given(value=values)
def test_any_value_in_any_option_is_status_0_or_2_and_a_refusal_writes_nothing(data_dir, before, option, after, value):
    store = seeded(data_dir) if not data_dir.exists() else Store(data_dir)
    raw = store.path.read_bytes()
    argv = [*before, *([option] if option else []), value, *after]
    status, out, err = run(data_dir, *argv)
    assert status in (0, 2), (argv, status, err)
    assert_safe(out, err)
    if status == 2:
        assert store.path.read_bytes() == raw
        assert err.startswith("runmate: ") and err.endswith("\n")
        # One line per problem found: each starts with "runmate: ".
        assert all(line.startswith("runmate: ") for line in err.splitlines())


# --- examples of each class --------------------------------------------------------------------


def test_a_note_with_escape_sequences_is_kept_and_listed_escaped(data_dir):
    status, out, err = run(
        data_dir, "plan", "add", "--date", "2026-11-25", "--activity", "run", "--minutes", "20", "--note", ESCAPES
    )
    assert status == 0 and err == ""
    [stored] = Store(data_dir).activities()
    assert stored.note == ESCAPES  # the person's words, exactly
    status, out, err = run(data_dir, "plan", "list")
    assert status == 0 and err == ""
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b]0;pwned\\x07\\x1b[2J" in out


def test_names_reasons_and_the_why_are_printed_escaped_too(data_dir):
    status, out, _ = run(
        data_dir,
        "plan",
        "add",
        "--quiet",
        "--date",
        "2026-11-25",
        "--activity",
        "run",
        "--minutes",
        "20",
        "--with",
        "Sam\x1b[31m\x9b2J",
    )
    assert status == 0
    assert run(data_dir, "plan", "goal", "--days", "3", "--why", "why \u202eevil")[0] == 0
    assert run(data_dir, "plan", "rest", out.strip(), "--reason", "tired\x1b[8m")[0] == 0
    status, out, err = run(data_dir, "plan", "list")
    assert status == 0 and err == ""
    assert_safe(out)
    assert "with Sam\\x1b[31m\\x9b2J" in out and "rest: tired\\x1b[8m" in out and "Why: why \\u202eevil" in out


def test_a_line_break_can_neither_be_saved_nor_fake_a_row(data_dir):
    fake = "why\nGoal: 7 of 3 days this week."
    status, _, err = run(data_dir, "plan", "goal", "--days", "3", "--why", fake)
    assert status == 2 and err == "runmate: The goal is one line; please leave out line breaks.\n"
    Store(data_dir).update_settings(lambda s: setattr(s, "goal_why", fake))  # as if the file was edited
    status, out, _ = run(data_dir, "plan", "list")
    assert "Why: why\\nGoal: 7 of 3 days this week." in out
    assert [line for line in out.splitlines() if line.startswith("Goal:")] == ["Goal: 0 of 3 days this week."]


def test_an_unknown_id_is_echoed_escaped_and_cut(data_dir):
    seeded(data_dir)
    typed = "\x1b[2J" + "z" * 100
    status, out, err = run(data_dir, "plan", "done", typed)
    assert status == 2 and out == ""
    assert err == "runmate: No record has an id starting with '\\x1b[2J" + "z" * 35 + "…'.\n"


def test_argparse_errors_are_one_escaped_line(data_dir):
    status, _, err = run(data_dir, "checkin", "--mood", "3", "\x1b[2Jextra")
    assert status == 2
    assert err == (
        "runmate: argument ACTION: invalid choice: '\\x1b[2Jextra' (choose from 'list', 'show') "
        "(see: runmate checkin --help)\n"
    )
    status, _, err = run(data_dir, "plan", "add", "--date", "2026-11-25")
    assert status == 2 and err.count("\n") == 1 and "--activity" in err and "runmate plan add --help" in err
    assert not data_dir.exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["checkin", "--mood", "3", "--note", "caf\udce9"],
        ["checkin", "--mood", "3", "--note=\udcff"],
        ["plan", "add", "--date", "2026-11-25", "--activity", "run", "--minutes", "20", "--with", "\udcff"],
        ["plan", "done", "\udcff"],
    ],
)
def test_text_that_is_not_utf8_is_refused_not_repaired(data_dir, argv):
    status, out, err = run(data_dir, *argv)
    assert status == 2 and out == ""
    assert (
        err.startswith("runmate: ") and "is not valid UTF-8 text, so nothing was done" in err and err.count("\n") == 1
    )
    assert_safe(err)
    assert not data_dir.exists()


def test_bytes_that_are_not_utf8_from_a_real_shell_are_refused(data_dir):
    proc = subprocess.run(
        [sys.executable, "-m", "runmate", "--data-dir", str(data_dir), "checkin", "--mood", "3", "--note", b"\xff"],
        capture_output=True,
        check=False,
        timeout=60,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    )
    assert proc.returncode == 2, proc.stderr
    assert b"the value of --note is not valid UTF-8 text" in proc.stderr and b"Traceback" not in proc.stderr
    assert not data_dir.exists()


def test_output_a_terminal_cannot_encode_is_escaped_not_a_crash(data_dir):
    store = Store(data_dir)
    store.add_activity(PlannedActivity(date="2026-11-25", kind="walk", minutes=20, note="café · 日本"))
    proc = subprocess.run(
        [sys.executable, "-m", "runmate", "--data-dir", str(data_dir), "plan", "list", "--week", "2026-11-25"],
        capture_output=True,
        check=False,
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
    )
    assert proc.returncode == 0, proc.stderr
    assert b"caf\\xe9 \\xb7 \\u65e5\\u672c" in proc.stdout


@pytest.mark.parametrize(
    "argv",
    [
        ["checkin", "--mood"],
        ["plan", "add", "--date", "2026-11-25", "--activity", "run", "--minutes"],
        ["plan", "done", ACTIVITY_ID[:8], "--minutes"],
        ["demo", "--years"],
    ],
)
def test_a_number_of_thousands_of_digits_is_refused_in_words(data_dir, argv):
    seeded(data_dir)
    raw = (data_dir / "runmate.json").read_bytes()
    status, _, err = run(data_dir, *argv, "9" * 5000)
    assert status == 2 and err.count("\n") == 1 and "whole number" in err and len(err) < 200
    assert (data_dir / "runmate.json").read_bytes() == raw


@pytest.mark.parametrize(
    "argv",
    [
        ["plan", "list", "--week", "9999-12-31"],
        ["plan", "list", "--week", "0001-01-01"],
        ["plan", "starter", "--start", "9999-12-25"],
        ["plan", "starter", "--start", "2999-12-20"],
        ["plan", "add", "--date", "0001-01-01", "--activity", "run", "--minutes", "20"],
        ["plan", "move", ACTIVITY_ID[:8], "--date", "9999-12-31"],
        ["checkin", "--mood", "3", "--date", "0001-01-01"],
        ["checkin", "--delete", "--date", "0001-01-01"],
    ],
)
def test_dates_near_the_ends_of_the_calendar_are_refused_in_words(data_dir, argv):
    seeded(data_dir)
    raw = (data_dir / "runmate.json").read_bytes()
    status, out, err = run(data_dir, *argv)
    assert (status, out) == (2, "")
    assert err.count("\n") == 1 and ("1900 to 2999" in err), err
    assert (data_dir / "runmate.json").read_bytes() == raw


def test_the_last_weeks_of_the_range_can_still_be_listed(data_dir):
    status, out, _ = run(data_dir, "plan", "list", "--week", "2999-12-31")
    assert status == 0 and "Week of 30 Dec 2999 to 5 Jan 3000" in out
    status, out, _ = run(data_dir, "plan", "list", "--week", "1900-01-01")
    assert status == 0 and "Week of 1 Jan to 7 Jan 1900" in out


@pytest.mark.parametrize(
    ("flag", "words"),
    [
        ("", "--data-dir is empty"),
        ("  ", "--data-dir is empty"),
        ("~no-such-user-here/x", "--data-dir starts with a home folder that can't be found"),
    ],
)
def test_a_data_folder_that_cannot_be_a_folder_is_a_mistake(tmp_path, monkeypatch, flag, words):
    monkeypatch.chdir(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    assert main(["--data-dir", flag, "checkin", "--mood", "3"], out=out, err=err, today=TODAY) == 2
    assert err.getvalue().startswith(f"runmate: {words}") and err.getvalue().count("\n") == 1
    assert list(tmp_path.iterdir()) == []
    assert not (Path(os.environ["HOME"]) / ".local").exists()  # not the default folder either


@pytest.mark.parametrize("years", ["9" * 5000, "10" + "0" * 30, "²", "٣", "1.5"])
def test_demo_years_are_a_small_whole_number(data_dir, years):
    status, _, err = run(data_dir, "demo", "--years", years)
    assert status == 2 and err == "runmate: Years is a whole number from 1 to 20.\n"
    assert not data_dir.exists()
