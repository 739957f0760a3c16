"""runmate status: one short, kind line for a shell prompt or a login message; nothing at all
when nothing is recorded yet. Reads the data file once and builds only today's and this week's
records."""

from __future__ import annotations

import argparse
import datetime as dt

from runmate.commands.base import Context

NAME = "status"


def register(sub, parent: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the status command to ``sub`` and return its parser."""
    p = sub.add_parser(
        NAME,
        parents=[parent],
        help="one short line for your shell prompt: today's check-in, the week, today's plan",
        description="Print one short line (at most 120 characters) for a shell prompt or a login "
        "message, for example: Checked in - mood 4 (good) - 2 of 3 days this week - run planned "
        "today. Prints nothing when nothing is recorded yet.",
    )
    p.set_defaults(handler=run)
    return p


# How long the prompt line waits for another runmate holding the lock (one stopped with ctrl+z,
# say) before it says nothing at all: a shell prompt must never stall.
WAIT = 0.2


def run(args: argparse.Namespace, ctx: Context) -> int:
    from runmate.commands.stats import has_data_file, read_rows
    from runmate.store import LockTimeout

    if not has_data_file(ctx):  # nothing recorded: quiet, and nothing created
        return 0
    try:
        checkin_rows, activity_rows, settings_rows = read_rows(ctx, timeout=WAIT)
    except LockTimeout:
        return 0
    if not checkin_rows and not activity_rows:
        return 0
    from runmate import stats_report
    from runmate.models import CheckIn, PlannedActivity, Settings

    today = ctx.today.isoformat()
    monday = ctx.today - dt.timedelta(days=ctx.today.weekday())
    first, last = monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
    line = stats_report.status_line(
        [CheckIn.from_dict(r) for r in checkin_rows if r.get("date") == today],
        [PlannedActivity.from_dict(r) for r in activity_rows if first <= str(r.get("date")) <= last],
        Settings.from_dict(settings_rows[0]) if settings_rows else Settings(),
        ctx.today,
        has_data=True,
    )
    if line:
        ctx.say(line)
    return 0
