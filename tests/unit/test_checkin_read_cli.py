"""runmate checkin list / show, and the days a check-in command reads (looking back)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from runmate.cli import main
from runmate.models import CheckIn
from runmate.store import Store

TODAY = dt.date(2026, 11, 25)  # a Wednesday


def run(data_dir: Path, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--data-dir", str(data_dir), "checkin", *argv], out=out, err=err, today=TODAY)
    return code, out.getvalue(), err.getvalue()


def seed(data_dir: Path) -> Store:
    store = Store(data_dir)
    for checkin in (
        CheckIn(date="2025-12-31", mood=3),
        CheckIn(date="2026-11-18", mood=2, note="grey"),
        CheckIn(date="2026-11-20", mood=3, stress=4),
        CheckIn(
            date="2026-11-24",
            mood=4,
            energy=3,
            stress=1,
            sleep_hours=7.5,
            sleep_quality=4,
            note="walked [b]early[/b] \x1b[2J" + " and on" * 20,
        ),
    ):
        store.save_checkin(checkin)
    return store


def test_the_day_words_look_back_for_a_check_in(data_dir: Path) -> None:
    assert run(data_dir, "--mood", "3", "--date", "fri")[1] == "Saved your check-in for Fri 20 Nov: mood 3 (okay).\n"
    assert run(data_dir, "--mood", "4", "--date", "wednesday")[1].startswith("Saved your check-in for Wed 25 Nov")
    assert run(data_dir, "--mood", "2", "--date", "Yesterday")[1].startswith("Saved your check-in for Tue 24 Nov")
    code, _, err = run(data_dir, "--mood", "2", "--date", "tomorrow")
    assert code == 2 and "can't be in the future" in err
    assert sorted(c.date for c in Store(data_dir).checkins()) == ["2026-11-20", "2026-11-24", "2026-11-25"]
    assert run(data_dir, "--delete", "--date", "tue")[1] == "Deleted your check-in for Tue 24 Nov.\n"


def test_list_shows_the_last_seven_days_oldest_first_one_a_line(data_dir: Path) -> None:
    seed(data_dir)
    code, out, err = run(data_dir, "list")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Check-ins from 19 Nov to 25 Nov 2026: 2 of 7 days."
    assert lines[1] == "Fri 20 Nov      mood 3 (okay), stress 4 (a lot)"
    assert lines[2].startswith(
        "Tue 24 Nov      mood 4 (good), energy 3 (okay), stress 1 (calm), sleep 7.5 h, sleep quality 4 (good) · "
        "walked [b]early[/b] \\x1b[2J and on"
    )
    assert lines[2].endswith("…") and len(lines) == 3


def test_list_days_and_from_to_take_day_words(data_dir: Path) -> None:
    seed(data_dir)
    assert run(data_dir, "list", "--days", "1")[1] == "No check-ins from 25 Nov to 25 Nov 2026.\n"
    assert run(data_dir, "list", "--days", "2")[1].splitlines()[1].startswith("Tue 24 Nov")
    out = run(data_dir, "list", "--from", "2026-11-18", "--to", "fri")[1]  # to last Friday
    assert out.splitlines() == [
        "Check-ins from 18 Nov to 20 Nov 2026: 2 of 3 days.",
        "Wed 18 Nov      mood 2 (low) · grey",
        "Fri 20 Nov      mood 3 (okay), stress 4 (a lot)",
    ]
    out = run(data_dir, "list", "--to", "2026-01-01")[1]  # from the first check-in there is
    assert out.splitlines() == [
        "Check-ins from 31 Dec 2025 to 1 Jan 2026: 1 of 2 days.",
        "Wed 31 Dec 2025 mood 3 (okay)",
    ]
    assert run(data_dir, "list", "--days", "100000")[1].count("\n") == 5


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["list", "--days", "0"], "--days is a whole number of days from 1 up."),
        (["list", "--days", "3", "--from", "mon"], "Give either --days N or --from/--to, not both."),
        (["list", "--from", "today", "--to", "fri"], "--from is after --to; the first day comes first."),
        (["list", "--from", "soon"], "--from is today, yesterday, tomorrow, a weekday like 'fri'"),
        (["--mood", "4", "list"], "runmate checkin list only reads back; leave out --mood"),
        (["show", "2026-11-23"], "There is no check-in for Mon 23 Nov (2026-11-23)."),
        (["show", "someday"], "Date is today, yesterday, tomorrow"),
    ],
)
def test_reading_refusals_exit_2_and_write_nothing(data_dir: Path, argv: list[str], message: str) -> None:
    store = seed(data_dir)
    before = store.path.read_bytes()
    code, out, err = run(data_dir, *argv)
    assert (code, out) == (2, "")
    assert err.startswith(f"runmate: {message}")
    assert store.path.read_bytes() == before


def test_show_gives_every_field(data_dir: Path) -> None:
    store = seed(data_dir)
    short = store.checkin_on("2026-11-24").id[:8]
    code, out, err = run(data_dir, "show", "yesterday")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"Tuesday 24 November 2026 · id {short}",
        "Mood:          4 (good)",
        "Energy:        3 (okay)",
        "Stress:        1 (calm)",
        "Sleep:         7.5 h",
        "Sleep quality: 4 (good)",
        "Note:          walked [b]early[/b] \\x1b[2J" + " and on" * 20,
    ]
    out = run(data_dir, "show", "2026-11-18")[1]
    assert out.splitlines()[1:] == [
        "Mood:          2 (low)",
        "Energy:        not given",
        "Stress:        not given",
        "Sleep:         not given",
        "Sleep quality: not given",
        "Note:          grey",
    ]
    # 'wed' looking back is today (a Wednesday), which has no check-in yet.
    assert run(data_dir, "show", "wed")[:2] == (2, "")


def test_saving_with_options_works_as_before_beside_the_actions(data_dir: Path) -> None:
    code, out, _ = run(data_dir, "--mood", "4")
    assert code == 0 and out == "Saved your check-in for Wed 25 Nov: mood 4 (good).\n"
    assert run(data_dir, "show")[1].splitlines()[1] == "Mood:          4 (good)"
    code, _, err = run(data_dir)
    assert code == 2 and "Say what to save" in err
