"""runmate stats: a window of days in numbers, as a short summary or as JSON; and the records
``status`` and ``stats`` read, in one locked read of the data file."""

from __future__ import annotations

import argparse
import json
import os
from typing import Any

from runmate.commands.base import Context, UsageError

NAME = "stats"
DAYS_RANGE = (1, 3660)
DEFAULT_DAYS = 30
DAYS_MESSAGE = f"Days is a whole number from {DAYS_RANGE[0]} to {DAYS_RANGE[1]}, like 30 or 365."


def register(sub, parent: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the stats command to ``sub`` and return its parser."""
    p = sub.add_parser(
        NAME,
        parents=[parent],
        help="your last days in numbers: check-ins, movement, weekly goal, consistency",
        description="A short summary of the last N days, today included: your check-ins, the days "
        "you moved, the weeks that met your goal, the consistency score, and, when there are "
        "enough days on both sides, how your mood and sleep compare on days you moved. These are "
        "patterns in your own data, not proof. --json prints the same figures as one JSON object.",
    )
    # Taken as text, so that a number is read as everywhere else in runmate (digits 0-9 only).
    p.add_argument(
        "--days",
        default=str(DEFAULT_DAYS),
        metavar="N",
        help=f"how many days, ending today ({DAYS_RANGE[0]} to {DAYS_RANGE[1]}, default {DEFAULT_DAYS})",
    )
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    p.set_defaults(handler=run)
    return p


def parse_days(text: str) -> int:
    from runmate.models import whole_number

    days = whole_number(text)
    if days is None or not DAYS_RANGE[0] <= days <= DAYS_RANGE[1]:
        raise UsageError(DAYS_MESSAGE)
    return days


def has_data_file(ctx: Context) -> bool:
    """Whether the data folder holds a data file at all (a link counts: the store then refuses it)."""
    from runmate.paths import DATA_FILE_NAME

    return os.path.lexists(ctx.data_dir / DATA_FILE_NAME)


def read_rows(
    ctx: Context, *, timeout: float | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Check-ins, activities and settings as stored, from one locked read of the data file.

    With ``timeout``, the lock is waited for that long at most (LockTimeout after it), and the
    data file is read without the first use's check for leftovers."""
    from runmate.store import ACTIVITIES, CHECKINS, SETTINGS

    def rows(tx):
        return tx.all(CHECKINS), tx.all(ACTIVITIES), tx.all(SETTINGS)

    if timeout is None:
        return ctx.store.read(rows)
    from runmate.commands.base import complain
    from runmate.paths import shared_folder_note
    from runmate.store import Store

    store = Store(ctx.data_dir)
    found = store.read(rows, timeout=timeout)
    if store.shared_folder:
        complain(ctx.err, shared_folder_note(ctx.data_dir))
    return found


def run(args: argparse.Namespace, ctx: Context) -> int:
    from runmate import stats_report
    from runmate.models import CheckIn, PlannedActivity, Settings

    days = parse_days(args.days)  # before the store is opened: a bad value reads nothing
    if has_data_file(ctx):
        checkin_rows, activity_rows, settings_rows = read_rows(ctx)
    else:
        checkin_rows, activity_rows, settings_rows = [], [], []
    settings = Settings.from_dict(settings_rows[0]) if settings_rows else Settings()
    report = stats_report.stats_report(
        [CheckIn.from_dict(r) for r in checkin_rows],
        [PlannedActivity.from_dict(r) for r in activity_rows],
        settings,
        ctx.today,
        days,
    )
    if args.json:
        for line in json.dumps(report.as_dict(), indent=2).splitlines():
            ctx.say(line)
    else:
        for line in report.lines():
            ctx.say(line)
    return 0
