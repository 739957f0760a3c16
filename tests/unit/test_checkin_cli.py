"""runmate checkin: save, replace, delete, refuse bad input without writing, and the calm note."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import pytest

from runmate.cli import build_parsers, main, run_handler
from runmate.commands.base import Context
from runmate.models import CheckIn, Settings
from runmate.store import Store

TODAY = dt.date(2026, 11, 25)  # a Wednesday


def run_cli(data_dir: Path, *argv: str, today: dt.date = TODAY) -> tuple[int, str, str]:
    """Run one command with a fixed today; returns (status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    args = build_parsers()[0].parse_args(["checkin", *argv])
    ctx = Context(data_dir=data_dir, today=today, out=out, err=err)
    code = run_handler(args.handler, args, ctx)
    return code, out.getvalue(), err.getvalue()


def data_bytes(data_dir: Path) -> bytes | None:
    path = data_dir / "runmate.json"
    return path.read_bytes() if path.exists() else None


def test_save_prints_one_line(data_dir):
    code, out, err = run_cli(data_dir, "--mood", "4", "--energy", "3", "--sleep", "7.5")
    assert (code, err) == (0, "")
    assert out == "Saved your check-in for Wed 25 Nov: mood 4 (good), energy 3 (okay), sleep 7.5 h.\n"
    [c] = Store(data_dir).checkins()
    assert (c.date, c.mood, c.energy, c.stress, c.sleep_hours, c.sleep_quality, c.note) == (
        "2026-11-25",
        4,
        3,
        None,
        7.5,
        None,
        "",
    )


def test_all_fields_and_a_past_date(data_dir):
    code, out, _ = run_cli(
        data_dir,
        "--mood",
        "2",
        "--energy",
        "1",
        "--stress",
        "5",
        "--sleep",
        "6,5",
        "--sleep-quality",
        "2",
        "--note",
        "[bold]x[/]",
        "--date",
        "2026-11-24",
    )
    assert code == 0
    assert out == (
        "Saved your check-in for Tue 24 Nov: mood 2 (low), energy 1 (very low), stress 5 (very stressed), "
        "sleep 6.5 h, sleep quality 2 (poor), a note.\n"
    )
    c = Store(data_dir).checkin_on("2026-11-24")
    assert (c.stress, c.sleep_hours, c.sleep_quality, c.note) == (5, 6.5, 2, "[bold]x[/]")


def test_same_date_changes_only_the_values_given(data_dir):
    run_cli(data_dir, "--mood", "3", "--energy", "2", "--sleep", "7", "--note", "first")
    first = Store(data_dir).checkins()[0]
    code, out, _ = run_cli(data_dir, "--mood", "5", "--date", "2026-11-25")
    assert code == 0
    assert out == "Updated your check-in for Wed 25 Nov: mood 5 (very good), energy 2 (low), sleep 7 h, a note.\n"
    stored = Store(data_dir).checkins()
    assert len(stored) == 1
    assert stored[0].id == first.id
    assert (stored[0].mood, stored[0].energy, stored[0].sleep_hours, stored[0].note) == (5, 2, 7.0, "first")


def test_a_day_with_a_check_in_takes_any_one_value_without_mood(data_dir):
    run_cli(data_dir, "--mood", "3", "--note", "first", "--date", "2026-11-24")
    code, _, err = run_cli(data_dir, "--sleep-quality", "4", "--date", "2026-11-24")
    assert (code, err) == (0, "")
    c = Store(data_dir).checkin_on("2026-11-24")
    assert (c.mood, c.sleep_quality, c.note) == (3, 4, "first")


def test_clear_empties_only_the_fields_named(data_dir):
    run_cli(data_dir, "--mood", "3", "--energy", "2", "--stress", "4", "--sleep", "7", "--note", "first")
    code, out, _ = run_cli(data_dir, "--clear", "note", "--clear", "sleep", "--clear", "note")
    assert code == 0 and out.startswith("Updated your check-in")
    c = Store(data_dir).checkins()[0]
    assert (c.mood, c.energy, c.stress, c.sleep_hours, c.note) == (3, 2, 4, None, "")


def test_mood_cannot_be_cleared(data_dir, capsys):
    run_cli(data_dir, "--mood", "3")
    before = data_bytes(data_dir)
    code = main(["--data-dir", str(data_dir), "checkin", "--clear", "mood"], today=TODAY)
    assert code == 2 and "invalid choice: 'mood'" in capsys.readouterr().err
    assert data_bytes(data_dir) == before


def test_help_says_only_the_given_values_change(capsys):
    assert main(["checkin", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "only the values you give change" in text and "--clear FIELD" in text


def test_year_shown_for_another_year(data_dir):
    code, out, _ = run_cli(data_dir, "--mood", "3", "--date", "2025-12-31")
    assert code == 0
    assert out.startswith("Saved your check-in for Wed 31 Dec 2025: ")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "Say what to save, for example: runmate checkin --mood 4 (see runmate checkin --help)."),
        (
            ["--energy", "3", "--date", "2026-11-21"],
            "There is no check-in for Sat 21 Nov yet; a new one needs --mood N.",
        ),
        (
            ["--clear", "note", "--date", "2026-11-21"],
            "There is no check-in for Sat 21 Nov yet; a new one needs --mood N.",
        ),
        (["--clear", "note", "--note", "x"], "The note is both given and cleared; choose one."),
        (["--mood", "", "--date", "2026-11-20"], "Mood is a whole number from 1 (very low) to 5 (very good)."),
        (["--sleep", "", "--date", "2026-11-20"], "Sleep is hours from 0 to 24, like 7 or 7.5."),
        (["--mood", "6"], "Mood is a whole number from 1 (very low) to 5 (very good)."),
        (["--mood", "four"], "Mood is a whole number from 1 (very low) to 5 (very good)."),
        (["--mood", "3", "--energy", "0"], "Energy is a whole number from 1 (very low) to 5 (very high)."),
        (["--mood", "3", "--stress", "2.5"], "Stress is a whole number from 1 (calm) to 5 (very stressed)."),
        (
            ["--mood", "3", "--sleep-quality", "9"],
            "Sleep quality is a whole number from 1 (very poor) to 5 (very good).",
        ),
        (["--mood", "3", "--sleep", "25"], "Sleep is hours from 0 to 24, like 7 or 7.5."),
        (["--mood", "3", "--sleep", "-1"], "Sleep is hours from 0 to 24, like 7 or 7.5."),
        (["--mood", "3", "--sleep", "nan"], "Sleep is hours from 0 to 24, like 7 or 7.5."),
        (["--mood", "3", "--note", "x" * 501], "The note is at most 500 characters (this one has 501)."),
        (
            ["--mood", "3", "--date", "2026-02-30"],
            "Date is today, yesterday, tomorrow, a weekday like 'fri', or a date like 2026-03-14.",
        ),
        (["--mood", "3", "--date", "2026-11-26"], "A check-in can't be in the future; today is 2026-11-25."),
    ],
)
def test_bad_values_exit_2_and_write_nothing(data_dir, argv, message):
    run_cli(data_dir, "--mood", "4", "--date", "2026-11-20")
    before = data_bytes(data_dir)
    code, out, err = run_cli(data_dir, *argv)
    assert code == 2
    assert out == ""
    assert f"runmate: {message}\n" in err
    assert data_bytes(data_dir) == before


def test_every_problem_is_reported_at_once(data_dir):
    code, _, err = run_cli(data_dir, "--mood", "0", "--sleep", "30")
    assert code == 2
    assert err.splitlines() == [
        "runmate: Mood is a whole number from 1 (very low) to 5 (very good).",
        "runmate: Sleep is hours from 0 to 24, like 7 or 7.5.",
    ]
    assert data_bytes(data_dir) is None


def test_delete(data_dir):
    run_cli(data_dir, "--mood", "3", "--date", "2026-11-24")
    run_cli(data_dir, "--mood", "4")
    code, out, err = run_cli(data_dir, "--delete", "--date", "2026-11-24")
    assert (code, err) == (0, "")
    assert out == "Deleted your check-in for Tue 24 Nov.\n"
    assert [c.date for c in Store(data_dir).checkins()] == ["2026-11-25"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--delete", "--date", "2026-11-23"],
            "There is no check-in for Mon 23 Nov (2026-11-23), so nothing was deleted.",
        ),
        (["--delete"], "Say which day's check-in to delete with --date DAY (like yesterday or 2026-11-20)."),
        (
            ["--delete", "--date", "last week"],
            "Date is today, yesterday, tomorrow, a weekday like 'fri', or a date like 2026-03-14.",
        ),
        (["--delete", "--date", "2026-11-25", "--mood", "3"], "--delete takes only --date; leave out --mood."),
    ],
)
def test_delete_refusals_exit_2_and_write_nothing(data_dir, argv, message):
    run_cli(data_dir, "--mood", "4")
    before = data_bytes(data_dir)
    code, out, err = run_cli(data_dir, *argv)
    assert (code, out) == (2, "")
    assert err == f"runmate: {message}\n"
    assert data_bytes(data_dir) == before


def _history(data_dir: Path, moods: list[int], start: dt.date) -> None:
    """Check-ins on consecutive days before ``start``, the last mood the most recent."""
    store = Store(data_dir)
    for i, mood in enumerate(reversed(moods), start=1):
        store.save_checkin(CheckIn(date=(start - dt.timedelta(days=i)).isoformat(), mood=mood))


def test_calm_note_on_a_second_line_when_the_rule_holds(data_dir):
    _history(data_dir, [4, 2, 1, 2, 4, 2], TODAY)
    Store(data_dir).save_settings(Settings(support_contact="my sister Ana"))
    code, out, _ = run_cli(data_dir, "--mood", "2")  # 5 low of the last 7
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0] == "Saved your check-in for Wed 25 Nov: mood 2 (low)."
    assert lines[1] == (
        "Your mood was low on 5 of your last 7 check-ins. You don't have to carry this alone: please talk to "
        "your doctor or someone you trust. Your support contact: my sister Ana. "
        "In an emergency, call your local emergency number."
    )
    # The day it was shown is kept in the same store the app reads: at most once a day, either way.
    assert Store(data_dir).settings().safety_note_shown == TODAY.isoformat()
    assert Store(data_dir).settings().support_contact == "my sister Ana"  # the rest of the settings kept


def test_calm_note_edges(data_dir):
    # 4 low of 7: no note, and nothing recorded.
    _history(data_dir, [4, 2, 1, 4, 2, 1], TODAY)
    code, out, _ = run_cli(data_dir, "--mood", "3")
    assert code == 0 and len(out.splitlines()) == 1
    assert Store(data_dir).settings().safety_note_shown is None
    # The same day again with a low mood: 5 low of 7, the note follows the first qualifying save.
    code, out, _ = run_cli(data_dir, "--mood", "1")
    lines = out.splitlines()
    assert lines[0].startswith("Updated your check-in")
    assert lines[1].startswith("Your mood was low on 5 of your last 7 check-ins. You don't have to carry this alone")
    assert "support contact" not in lines[1]  # none set


def test_calm_note_at_most_once_a_day(data_dir):
    _history(data_dir, [2, 2, 2, 2], TODAY)
    code, out, _ = run_cli(data_dir, "--mood", "1")  # 5 low of 5
    assert code == 0 and len(out.splitlines()) == 2
    # Saving again the same day (the rule still holds): one line only.
    code, out, _ = run_cli(data_dir, "--mood", "2")
    assert code == 0
    assert out == "Updated your check-in for Wed 25 Nov: mood 2 (low).\n"
    # Another day's check-in saved the same day: still no note.
    code, out, _ = run_cli(data_dir, "--mood", "1", "--date", "2026-11-20")
    assert code == 0 and len(out.splitlines()) == 1
    # The next morning the note may come again.
    tomorrow = TODAY + dt.timedelta(days=1)
    code, out, _ = run_cli(data_dir, "--mood", "2", today=tomorrow)
    lines = out.splitlines()
    assert lines[0] == "Saved your check-in for Thu 26 Nov: mood 2 (low)."
    assert lines[1].startswith("Your mood was low on 7 of your last 7 check-ins.")
    assert Store(data_dir).settings().safety_note_shown == tomorrow.isoformat()


def test_no_calm_note_when_already_shown_today_by_the_app(data_dir):
    _history(data_dir, [2, 2, 2, 2], TODAY)
    Store(data_dir).save_settings(Settings(safety_note_shown=TODAY.isoformat()))
    code, out, _ = run_cli(data_dir, "--mood", "1")
    assert code == 0
    assert out == "Saved your check-in for Wed 25 Nov: mood 1 (very low).\n"


def test_no_note_when_one_of_the_last_seven_is_older_than_14_days(data_dir):
    store = Store(data_dir)
    store.save_checkin(CheckIn(date=(TODAY - dt.timedelta(days=14)).isoformat(), mood=1))
    for days_ago in (5, 4, 3, 2, 1):
        store.save_checkin(CheckIn(date=(TODAY - dt.timedelta(days=days_ago)).isoformat(), mood=2))
    code, out, _ = run_cli(data_dir, "--mood", "2")
    assert code == 0 and len(out.splitlines()) == 1


def test_data_dir_after_the_command_and_real_main(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    code = main(["checkin", "--mood", "3", "--data-dir", str(tmp_path / "d")], out=out, err=err)
    assert code == 0, err.getvalue()
    assert out.getvalue().startswith("Saved your check-in for ")
    assert len(Store(tmp_path / "d").checkins()) == 1


def test_the_command_does_not_import_textual(tmp_path):
    code = (
        "import sys; from runmate import cli; import runmate.commands.checkin, runmate.insights; "
        f"rc = cli.main(['checkin', '--mood', '3', '--data-dir', {str(tmp_path / 'd')!r}]); "
        "assert rc == 0, rc; print('textual' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == "False"
