"""runmate plan ... from the command line: every action, and bad input that writes nothing."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import pytest

from runmate import cli
from runmate.models import (
    SOURCE_STARTER,
    STATUS_DONE,
    STATUS_PLANNED,
    STATUS_REST,
    PlannedActivity,
)
from runmate.store import Store

TODAY = dt.date(2026, 11, 25)  # a Wednesday
DAY_WORDS = "is today, yesterday, tomorrow, a weekday like 'fri', or a date like 2026-03-14."


def run(data_dir: Path, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--data-dir", str(data_dir), "plan", *argv], out=out, err=err, today=TODAY)
    return code, out.getvalue(), err.getvalue()


def add(data_dir: Path, *extra: str, date: str = "2026-11-25", kind: str = "run", minutes: str = "20") -> str:
    code, out, err = run(data_dir, "add", "--quiet", "--date", date, "--activity", kind, "--minutes", minutes, *extra)
    assert code == 0, err
    return out.strip()


def only(data_dir: Path) -> PlannedActivity:
    [a] = Store(data_dir).activities()
    return a


def file_bytes(data_dir: Path) -> bytes:
    return (data_dir / "runmate.json").read_bytes()


# --- each action ------------------------------------------------------------------------------


def test_add_prints_the_short_id_and_stores_everything(data_dir: Path) -> None:
    short = add(data_dir, "--warmup", "10", "--time", "7:30", "--with", "[b]Sam[/b]", "--note", "park loop")
    a = only(data_dir)
    assert short == a.id[:8] and len(short) == 8
    assert (a.date, a.kind, a.minutes, a.warmup, a.time, a.with_whom, a.note) == (
        "2026-11-25",
        "run",
        20,
        10,
        "07:30",
        "[b]Sam[/b]",
        "park loop",
    )
    assert a.status == STATUS_PLANNED


def test_add_gives_runs_a_five_minute_warmup_and_others_none(data_dir: Path) -> None:
    add(data_dir, kind="walk-run")
    add(data_dir, kind="yoga", date="2026-11-26")
    first, second = Store(data_dir).activities()
    assert (first.kind, first.warmup) == ("walk-run", 5)
    assert (second.kind, second.warmup) == ("yoga", 0)


def test_list_shows_the_week_with_ids_progress_and_note(data_dir: Path) -> None:
    run(data_dir, "goal", "--days", "3", "--why", "clear [bold]head[/]")
    add(data_dir, date="2026-11-16", minutes="20")
    last_week = only(data_dir).id[:8]
    assert run(data_dir, "done", last_week)[0] == 0
    short = add(data_dir, "--with", "Sam", date="2026-11-23", minutes="25")
    run(data_dir, "done", short, "--before", "2", "--after", "4")
    add(data_dir, "--note", "long and slow", date="2026-11-29", minutes="40")
    code, out, _ = run(data_dir, "list")
    assert code == 0
    assert "This week, 23 Nov to 29 Nov 2026" in out
    assert "Goal: 1 of 3 days this week." in out
    assert "Why: clear [bold]head[/]" in out
    assert f"{short}  Run, 25 min + 5 min warm-up, with Sam  (done, felt 2 low -> 4 good)" in out
    assert "Tue 24 Nov" in out and "rest day" in out
    assert "Wed 25 Nov (today)" in out
    assert "long and slow" in out
    assert "A gentle note:" in out and "40-minute run" in out
    code, out, _ = run(data_dir, "list", "--week", "2026-11-18")
    assert code == 0 and "Last week, 16 Nov to 22 Nov 2026" in out and "1 of 3 days that week" in out
    assert "A gentle note" not in out


def test_done_with_ratings_and_minutes(data_dir: Path) -> None:
    short = add(data_dir)
    code, out, _ = run(data_dir, "done", short[:4], "--before", "2", "--after", "5", "--minutes", "25")
    assert code == 0 and short in out
    a = only(data_dir)
    assert (a.status, a.before, a.after, a.actual_minutes) == (STATUS_DONE, 2, 5, 25)


def test_undo_clears_the_answers(data_dir: Path) -> None:
    short = add(data_dir)
    run(data_dir, "done", short, "--before", "2", "--after", "5", "--minutes", "25")
    code, out, _ = run(data_dir, "undo", short)
    assert code == 0 and "Back to planned" in out
    a = only(data_dir)
    assert (a.status, a.before, a.after, a.actual_minutes) == (STATUS_PLANNED, None, None, None)


def test_rest_with_reason(data_dir: Path) -> None:
    short = add(data_dir)
    code, out, _ = run(data_dir, "rest", short, "--reason", "felt ill")
    assert code == 0
    assert "missed" not in out.lower() and "fail" not in out.lower()
    a = only(data_dir)
    assert (a.status, a.rest_reason) == (STATUS_REST, "felt ill")


def test_move(data_dir: Path) -> None:
    short = add(data_dir)
    code, out, _ = run(data_dir, "move", short, "--date", "2026-11-28")
    assert code == 0 and "Sat 28 Nov" in out
    assert only(data_dir).date == "2026-11-28"


def test_delete(data_dir: Path) -> None:
    short = add(data_dir)
    code, out, _ = run(data_dir, "delete", short)
    assert code == 0 and f"Deleted {short}" in out
    assert Store(data_dir).activities() == []


def test_goal(data_dir: Path) -> None:
    code, out, _ = run(data_dir, "goal", "--days", "4", "--why", "sleep better")
    assert code == 0 and "4 days a week" in out
    s = Store(data_dir).settings()
    assert (s.goal_days, s.goal_why) == (4, "sleep better")
    run(data_dir, "goal", "--days", "2")
    s = Store(data_dir).settings()
    assert (s.goal_days, s.goal_why) == (2, "sleep better")  # the why is kept when not given
    run(data_dir, "goal", "--why", "clear my head")
    s = Store(data_dir).settings()
    assert (s.goal_days, s.goal_why) == (2, "clear my head")  # the days are kept when not given


def test_starter_fills_the_program_and_restarts_without_duplicates(data_dir: Path) -> None:
    code, out, _ = run(data_dir, "starter")
    assert code == 0 and "27 sessions" in out and "Replaced" not in out
    first = Store(data_dir).activities()
    assert len(first) == 27 and first[0].date == TODAY.isoformat()
    assert all(a.source == SOURCE_STARTER for a in first)
    run(data_dir, "done", first[0].id)
    code, out, _ = run(data_dir, "starter", "--start", "2026-11-30", "--week", "2", "--replace")
    assert code == 0 and "Replaced the starter program's 26 coming sessions" in out
    after = Store(data_dir).activities()
    assert len(after) == 1 + 24
    assert after[0].id == first[0].id and after[0].status == STATUS_DONE
    assert after[1].date == "2026-11-30" and after[1].program_week == 2
    assert len({a.date for a in after}) == len(after)


def test_starter_asks_before_replacing_coming_sessions(data_dir: Path) -> None:
    assert run(data_dir, "starter")[0] == 0
    first = Store(data_dir).activities()
    before = file_bytes(data_dir)
    code, out, err = run(data_dir, "starter", "--week", "3")
    assert code == 2 and out == ""
    assert err == (
        "runmate: You already have 27 coming sessions of the starter program. "
        "Add --replace to replace them, or leave them as they are.\n"
    )
    assert file_bytes(data_dir) == before
    code, out, _ = run(data_dir, "starter", "--week", "3", "--replace")
    assert code == 0 and "Replaced the starter program's 27 coming sessions" in out
    after = Store(data_dir).activities()
    assert len(after) == 21 and {a.id for a in after}.isdisjoint({a.id for a in first})


def test_starter_refuses_a_start_in_the_past_and_keeps_the_program(data_dir: Path) -> None:
    assert run(data_dir, "starter")[0] == 0
    run(data_dir, "rest", Store(data_dir).activities()[1].id, "--reason", "away")
    before = file_bytes(data_dir)
    for argv in (
        ["--start", "2020-01-01"],
        ["--start", "2020-01-01", "--replace"],
        ["--start", "2026-11-24", "--replace"],
    ):
        code, out, err = run(data_dir, "starter", *argv)
        assert code == 2 and out == ""
        assert err.startswith("runmate: The program starts today or later") and err.count("\n") == 1
        assert file_bytes(data_dir) == before


def test_starter_replace_keeps_rest_and_done_sessions(data_dir: Path) -> None:
    run(data_dir, "starter")
    first = Store(data_dir).activities()
    run(data_dir, "done", first[0].id)
    run(data_dir, "rest", first[1].id, "--reason", "away")
    code, out, _ = run(data_dir, "starter", "--replace")
    assert code == 0 and "25 coming sessions" in out
    after = {a.id: a for a in Store(data_dir).activities()}
    assert after[first[0].id].status == STATUS_DONE
    assert (after[first[1].id].status, after[first[1].id].rest_reason) == (STATUS_REST, "away")
    assert len(after) == 2 + 27


def test_done_again_keeps_what_was_not_given(data_dir: Path) -> None:
    short = add(data_dir)
    run(data_dir, "done", short, "--before", "2", "--after", "4", "--minutes", "25")
    code, _, _ = run(data_dir, "done", short, "--before", "3")
    assert code == 0
    a = only(data_dir)
    assert (a.status, a.before, a.after, a.actual_minutes) == (STATUS_DONE, 3, 4, 25)
    run(data_dir, "done", short, "--minutes", "30")
    a = only(data_dir)
    assert (a.before, a.after, a.actual_minutes) == (3, 4, 30)
    # a fresh tick after un-ticking starts empty
    run(data_dir, "undo", short)
    run(data_dir, "done", short, "--after", "5")
    a = only(data_dir)
    assert (a.status, a.before, a.after, a.actual_minutes) == (STATUS_DONE, None, 5, None)


def test_done_refuses_a_day_still_to_come(data_dir: Path) -> None:
    short = add(data_dir, date="2026-12-20")
    before = file_bytes(data_dir)
    code, out, err = run(data_dir, "done", short, "--before", "2")
    assert code == 2 and out == ""
    assert err == "runmate: This is planned for Sun 20 Dec. Tick it off on the day, or move it to today first.\n"
    assert file_bytes(data_dir) == before
    code, _, _ = run(data_dir, "rest", short, "--reason", "plans changed")  # resting it is fine
    assert code == 0 and only(data_dir).status == STATUS_REST


def test_list_across_new_year_names_both_years(data_dir: Path) -> None:
    code, out, _ = run(data_dir, "list", "--week", "2026-12-30")
    assert code == 0 and "Week of 28 Dec 2026 to 3 Jan 2027" in out


# --- bad input: exit 2, a clear message, nothing written ---------------------------------------


@pytest.mark.parametrize(
    "argv, message",
    [
        (["add", "--date", "2026-11-25", "--activity", "jog", "--minutes", "20"], "Activity is one of: run, walk"),
        (
            ["add", "--date", "2026-11-25", "--activity", "run", "--minutes", "0"],
            "Minutes is a whole number from 1 to 1440.",
        ),
        (
            ["add", "--date", "2026-11-25", "--activity", "run", "--minutes", "1441"],
            "Minutes is a whole number from 1 to 1440.",
        ),
        (
            ["add", "--date", "2026-11-25", "--activity", "run", "--minutes", "20", "--warmup", "61"],
            "Warm-up is a whole number",
        ),
        (
            ["add", "--date", "2026-11-25", "--activity", "run", "--minutes", "20", "--time", "25:00"],
            "Time of day is hours and minutes",
        ),
        (["add", "--date", "2026-02-30", "--activity", "run", "--minutes", "20"], f"Date {DAY_WORDS}"),
        (["add", "--date", "fr", "--activity", "run", "--minutes", "20"], f"Date {DAY_WORDS}"),
        (
            ["add", "--done", "--date", "tomorrow", "--activity", "walk", "--minutes", "20"],
            "Thu 26 Nov is still to come",
        ),
        (
            ["add", "--done", "--date", "fri", "--activity", "walk", "--minutes", "20", "--after", "6"],
            "How you felt after",
        ),
        (["add", "--date", "fri", "--activity", "walk", "--minutes", "20", "--after", "4"], "--after goes with --done"),
        (["done", "{id}", "--before", "0"], "How you felt before is a whole number from 1"),
        (["done", "{id}", "--after", "6"], "How you felt after is a whole number from 1"),
        (["done", "{id}", "--minutes", "abc"], "Minutes is a whole number from 1 to 1440."),
        (["done", "zzzz"], "No record has an id starting with 'zzzz'"),
        (["undo", "zzzz"], "No record has an id starting with 'zzzz'"),
        (["rest", "zzzz"], "No record has an id starting with 'zzzz'"),
        (["rest", "{id}", "--reason", "x" * 501], "The reason is at most 500 characters"),
        (["move", "{id}", "--date", "next week"], f"Date {DAY_WORDS}"),
        (["move", "{id}", "--date", "3000-01-01"], "Date is outside the years runmate keeps"),
        (["move", "zzzz", "--date", "2026-11-26"], "No record has an id starting with 'zzzz'"),
        (["delete", "zzzz"], "No record has an id starting with 'zzzz'"),
        (["goal", "--days", "8"], "The weekly goal is a whole number of days from 1 to 7."),
        (["goal"], "Say what to set: --days N (1 to 7), --why TEXT, or both."),
        (["goal", "--days", "0"], "The weekly goal is a whole number of days from 1 to 7."),
        (["starter", "--week", "10"], "The program week is a whole number from 1 to 9."),
        (["starter", "--start", "2026-13-01"], f"--start {DAY_WORDS}"),
        (["starter", "--start", "yesterday"], "The program starts today or later"),
        (["list", "--week", "last week"], f"--week {DAY_WORDS}"),
    ],
)
def test_bad_input_exits_2_and_writes_nothing(data_dir: Path, argv: list[str], message: str) -> None:
    short = add(data_dir)
    before = file_bytes(data_dir)
    code, _out, err = run(data_dir, *[part.replace("{id}", short) for part in argv])
    assert code == 2
    assert message in err and err.startswith("runmate: ")
    assert file_bytes(data_dir) == before


def test_ambiguous_id_exits_2(data_dir: Path) -> None:
    store = Store(data_dir)
    store.add_activities(
        [
            PlannedActivity(date="2026-11-25", kind="run", minutes=20, id="abc1" + "0" * 28),
            PlannedActivity(date="2026-11-26", kind="run", minutes=20, id="abc2" + "0" * 28),
        ]
    )
    before = file_bytes(data_dir)
    code, _, err = run(data_dir, "done", "abc")
    assert code == 2 and "More than one record has an id starting with 'abc'" in err
    assert file_bytes(data_dir) == before
    assert run(data_dir, "done", "abc1")[0] == 0


def test_bad_add_into_an_empty_folder_creates_no_data_file(data_dir: Path) -> None:
    code, _, _ = run(data_dir, "add", "--date", "2026-11-25", "--activity", "run", "--minutes", "-5")
    assert code == 2
    assert not (data_dir / "runmate.json").exists()


def test_missing_required_option_is_a_usage_error(data_dir: Path) -> None:
    code, _, _ = run(data_dir, "add", "--date", "2026-11-25", "--activity", "run")
    assert code == 2


def test_plan_commands_do_not_import_textual() -> None:
    code = (
        "import sys, runmate.cli, runmate.commands.plan, runmate.plans; "
        "runmate.cli.build_parsers(); "
        "print('textual' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


# --- what add says, --quiet, --done and the day words ------------------------------------------


def test_add_says_what_was_planned_and_the_id(data_dir: Path) -> None:
    code, out, err = run(data_dir, "add", "--date", "fri", "--activity", "run", "--minutes", "25", "--time", "7:30")
    a = only(data_dir)
    assert (code, err) == (0, "")
    assert out == f"Planned for Fri 27 Nov, id {a.id[:8]}: Run, 25 min + 5 min warm-up, 07:30\n"
    assert a.date == "2026-11-27" and a.status == STATUS_PLANNED


def test_add_quiet_prints_the_id_alone(data_dir: Path) -> None:
    code, out, _ = run(data_dir, "add", "-q", "--activity", "walk", "--minutes", "20")
    a = only(data_dir)
    assert (code, out) == (0, a.id[:8] + "\n")
    assert a.date == TODAY.isoformat()  # no --date: today


@pytest.mark.parametrize(
    ("day", "planned"),
    [
        ("today", "2026-11-25"),
        ("Tomorrow", "2026-11-26"),
        ("yesterday", "2026-11-24"),
        ("wed", "2026-11-25"),  # today counts
        ("mon", "2026-11-30"),  # planning: the next Monday
        ("SUNDAY", "2026-11-29"),
        ("2027-01-02", "2027-01-02"),
    ],
)
def test_add_plans_on_the_next_day_of_that_name(data_dir: Path, day: str, planned: str) -> None:
    assert run(data_dir, "add", "--date", day, "--activity", "walk", "--minutes", "20")[0] == 0
    assert only(data_dir).date == planned


def test_add_done_logs_what_was_already_done_in_one_step(data_dir: Path) -> None:
    code, out, err = run(
        data_dir,
        "add",
        "--done",
        "--date",
        "mon",
        "--activity",
        "walk",
        "--minutes",
        "30",
        "--before",
        "2",
        "--after",
        "4",
    )
    a = only(data_dir)
    assert (code, err) == (0, "")
    # Looking back: 'mon' is the last Monday, not the next one.
    assert (a.date, a.status, a.before, a.after, a.actual_minutes) == ("2026-11-23", STATUS_DONE, 2, 4, None)
    assert out == f"Logged as done for Mon 23 Nov, id {a.id[:8]}: Walk, 30 min (felt 2 low -> 4 good). Well moved.\n"
    code, out, _ = run(data_dir, "add", "--done", "-q", "--activity", "yoga", "--minutes", "15")
    [b] = [x for x in Store(data_dir).activities() if x.kind == "yoga"]
    assert (code, out, b.date, b.status, b.before, b.after) == (
        0,
        b.id[:8] + "\n",
        "2026-11-25",
        STATUS_DONE,
        None,
        None,
    )
    assert "Goal: 2 of 3 days this week." in run(data_dir, "list")[1]  # Monday and today


def test_add_done_on_a_day_still_to_come_is_refused_kindly(data_dir: Path) -> None:
    code, out, err = run(data_dir, "add", "--done", "--date", "2026-11-26", "--activity", "walk", "--minutes", "30")
    assert (code, out) == (2, "")
    assert err == (
        "runmate: Thu 26 Nov is still to come, so it can't be done yet. "
        "Plan it without --done, and tick it off on the day with runmate plan done ID.\n"
    )
    assert not (data_dir / "runmate.json").exists()


def test_move_list_and_starter_take_day_words_looking_ahead(data_dir: Path) -> None:
    short = add(data_dir)
    code, out, _ = run(data_dir, "move", short, "--date", "mon")
    assert code == 0 and only(data_dir).date == "2026-11-30" and "Mon 30 Nov" in out
    assert "Next week, 30 Nov to 6 Dec 2026" in run(data_dir, "list", "--week", "mon")[1]
    assert "This week, 23 Nov to 29 Nov 2026" in run(data_dir, "list", "--week", "sun")[1]
    assert "Last week, 16 Nov to 22 Nov 2026" in run(data_dir, "list", "--week", "2026-11-18")[1]
    code, out, err = run(data_dir, "starter", "--start", "tomorrow")
    assert code == 0, err
    assert min(a.date for a in Store(data_dir).activities() if a.source == SOURCE_STARTER) == "2026-11-26"


def test_every_date_option_says_what_it_takes_and_which_way_weekdays_go(capsys) -> None:
    for argv, direction in (
        (["plan", "add"], "the next one"),
        (["plan", "list"], "the next one"),
        (["plan", "move"], "the next one"),
        (["plan", "starter"], "the next one"),
        (["checkin"], "the last one"),
        (["checkin", "list"], "the last one"),
        (["checkin", "show"], "the last one"),
        (["journal", "add"], "the last one"),
        (["journal", "list"], "the last one"),
    ):
        assert cli.main([*argv, "--help"]) == 0
        text = " ".join(capsys.readouterr().out.split()).replace("- ", "-")  # argparse wraps at hyphens
        assert "today, " in text and "yesterday" in text and "a weekday like fri" in text, argv
        assert "YYYY-MM-DD" in text and direction in text, argv
    cli.main(["plan", "add", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "with --done a weekday is the last one" in text and "--quiet" in text
    cli.main(["plan", "list", "--help"])
    assert "--week mon is next week" in " ".join(capsys.readouterr().out.split())


def test_starter_quiet_prints_each_new_id(data_dir: Path) -> None:
    code, out, _ = run(data_dir, "starter", "--quiet", "--start", "fri")
    stored = sorted(Store(data_dir).activities(), key=lambda a: a.date)
    assert code == 0 and stored[0].date == "2026-11-27"
    assert sorted(out.split()) == sorted(a.id[:8] for a in stored) and len(stored) == 27
