"""runmate stats and runmate status from the shell, on a small hand-made store."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from runmate import cli
from runmate.models import STATUS_DONE, STATUS_PLANNED, STATUS_REST, CheckIn, PlannedActivity, Settings
from runmate.stats import loop_multiplier
from runmate.store import Store

TODAY = dt.date(2026, 11, 25)  # a Wednesday


def run(data_dir: Path, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--data-dir", str(data_dir), *argv], out=out, err=err, today=TODAY)
    return code, out.getvalue(), err.getvalue()


def small_store(data_dir: Path) -> Store:
    """Sun 22 Nov a rest day (the first recorded day), Tue 24 a walk done, today a run planned."""
    store = Store(data_dir)
    store.save_settings(Settings(goal_days=2))
    store.save_checkin(CheckIn(date="2026-11-25", mood=4, energy=3, sleep_hours=7.0))
    store.save_checkin(CheckIn(date="2026-11-24", mood=2, sleep_hours=6.0))
    store.add_activities(
        [
            PlannedActivity(
                date="2026-11-24",
                kind="walk",
                minutes=30,
                warmup=5,
                status=STATUS_DONE,
                actual_minutes=25,
                before=2,
                after=4,
            ),
            PlannedActivity(date="2026-11-25", kind="run", minutes=20, warmup=5, status=STATUS_PLANNED),
            PlannedActivity(date="2026-11-22", kind="yoga", minutes=20, status=STATUS_REST),
        ]
    )
    return store


def test_json_keys_and_values(data_dir):
    small_store(data_dir)
    code, out, err = run(data_dir, "stats", "--days", "7", "--json")
    assert (code, err) == (0, "")
    m = loop_multiplier(2)
    # 22 rest (kept at 0), 23 plain (0), 24 active (done 1 of num 4), 25 plain (still 1 in 14 days)
    score = 0.25 * (1 - m) * m + 0.25 * (1 - m)
    assert json.loads(out) == {
        "days": 7,
        "checkins": 2,
        "mood_avg": 3.0,
        "energy_avg": 3.0,
        "stress_avg": None,
        "sleep_avg_hours": 6.5,
        "active_days": 1,
        "activities_done": 1,
        "activities_planned": 3,
        "minutes_done": 25,  # actual minutes; the warm-up never counts
        "weekly_goal": 2,
        "weeks_goal_met": 0,  # the week of 16 Nov ends on the first recorded day, with a rest day only
        "weeks_counted": 1,
        "consistency_score": round(score, 6),
        "mood_active_days": 2.0,
        "mood_rest_days": 4.0,
        "n_active_days_with_checkin": 1,
        "n_rest_days_with_checkin": 1,
        "mood_lift_after_activity": 2.0,
        "n_lift": 1,
        "sleep_after_active": 7.0,
        "sleep_after_rest": 6.0,
        "n_sleep_after_active": 1,
        "n_sleep_after_rest": 1,
    }


def test_window_default_30_and_edges(data_dir):
    store = small_store(data_dir)
    store.save_checkin(CheckIn(date="2026-10-27", mood=5))  # the 30th day back: inside
    store.save_checkin(CheckIn(date="2026-10-26", mood=1))  # the 31st: outside
    code, out, _ = run(data_dir, "stats", "--json")
    summary = json.loads(out)
    assert (code, summary["days"], summary["checkins"], summary["mood_avg"]) == (0, 30, 3, 3.67)
    code, out, _ = run(data_dir, "stats", "--days", "1", "--json")
    summary = json.loads(out)
    assert (summary["checkins"], summary["activities_planned"], summary["active_days"]) == (1, 1, 0)
    code, out, _ = run(data_dir, "stats", "--days", "3660", "--json")
    assert code == 0 and json.loads(out)["checkins"] == 4


def test_summary_in_words(data_dir):
    small_store(data_dir)
    code, out, err = run(data_dir, "stats", "--days", "7")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Your last 7 days (19 Nov to 25 Nov 2026):",
        "2 check-ins: mood averaged 3.0, energy 3.0, sleep 6.5 h.",
        "You moved on 1 day: 1 activity, 25 minutes.",
        "Last full week: 0 of 2 days that week.",
        f"Consistency: {round(100 * 0.25 * (1 - loop_multiplier(2) ** 2))}% (a quiet week barely moves it).",
    ]  # too few days to compare: no moving-help lines and no reminder


@pytest.mark.parametrize("days", ["0", "3661", "abc", "-5", "1.5", "", "٣"])
def test_bad_days_is_a_usage_error(data_dir, days):
    code, out, err = run(data_dir, "stats", "--days", days)
    assert (code, out) == (2, "")
    assert err == "runmate: Days is a whole number from 1 to 3660, like 30 or 365.\n"
    assert not data_dir.exists()


def test_empty_folder(data_dir):
    code, out, err = run(data_dir, "stats", "--json")
    assert (code, err) == (0, "")
    summary = json.loads(out)
    assert summary["checkins"] == 0 and summary["mood_avg"] is None and summary["consistency_score"] is None
    assert summary["weekly_goal"] == 3
    code, out, _ = run(data_dir, "stats")
    assert (code, out) == (0, "Nothing recorded yet. A check-in takes a few seconds: runmate checkin --mood N\n")
    assert not data_dir.exists()  # nothing created


def test_status_line(data_dir):
    small_store(data_dir)
    code, out, err = run(data_dir, "status")
    assert (code, err) == (0, "")
    assert out == "Checked in - mood 4 (good) - 1 of 2 days this week - run planned today\n"
    assert len(out.strip()) <= 120


def test_status_under_120_with_long_names(data_dir):
    store = small_store(data_dir)
    store.add_activities(
        [PlannedActivity(date="2026-11-25", kind=k, minutes=10, status=STATUS_DONE) for k in ("walk-run", "stairs")]
        + [PlannedActivity(date="2026-11-25", kind=k, minutes=10) for k in ("stretch", "garden", "other")]
    )
    code, out, _ = run(data_dir, "status")
    assert code == 0 and 0 < len(out.rstrip("\n")) <= 120 and out.count("\n") == 1


def test_status_quiet_without_data(data_dir):
    assert run(data_dir, "status") == (0, "", "")
    assert not data_dir.exists()  # a shell prompt creates nothing
    Store(data_dir).save_settings(Settings(goal_days=4))  # settings alone are not data
    assert run(data_dir, "status") == (0, "", "")


def test_damaged_file_exit_1_and_untouched(data_dir):
    data_dir.mkdir(mode=0o700)
    path = data_dir / "runmate.json"
    path.write_bytes(b"{not json")
    path.chmod(0o600)
    for argv in (["status"], ["stats"], ["stats", "--json"]):
        code, out, err = run(data_dir, *argv)
        assert (code, out) == (1, "")
        assert str(path) in err
    assert path.read_bytes() == b"{not json"


def test_help_lists_both(capsys):
    assert cli.main(["--help"]) == 0
    text = capsys.readouterr().out
    assert "stats " in text and "status " in text
    assert cli.main(["stats", "--help"]) == 0
    assert "--days N" in capsys.readouterr().out


def test_stats_and_status_never_import_textual(data_dir):
    small_store(data_dir)
    script = textwrap.dedent(
        """
        import sys
        import runmate.cli
        assert runmate.cli.main(["--data-dir", sys.argv[1], "stats", "--json"]) == 0
        assert runmate.cli.main(["--data-dir", sys.argv[1], "status"]) == 0
        print(sorted(m for m in sys.modules if m == "textual" or m.startswith("textual.")))
        """
    )
    proc = subprocess.run([sys.executable, "-c", script, str(data_dir)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "[]"
