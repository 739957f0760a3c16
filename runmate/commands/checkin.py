"""runmate checkin: save, replace or delete a morning check-in from the shell."""

from __future__ import annotations

import argparse
import datetime as dt

from runmate.commands.base import Context, UsageError

NAME = "checkin"
_VALUE_OPTIONS = ("mood", "energy", "stress", "sleep", "sleep_quality", "note")
# Option name -> check-in field.
_FIELDS = {
    "mood": "mood",
    "energy": "energy",
    "stress": "stress",
    "sleep": "sleep_hours",
    "sleep_quality": "sleep_quality",
    "note": "note",
}
_CLEARABLE = {
    "energy": "energy",
    "stress": "stress",
    "sleep": "sleep_hours",
    "sleep-quality": "sleep_quality",
    "note": "note",
}


def register(sub, parent: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the checkin command to ``sub`` and return its parser."""
    p = sub.add_parser(
        NAME,
        parents=[parent],
        help="save today's check-in (or another day's), change it, or delete one",
        description="Save a check-in: a new day needs --mood, the rest is optional. On a day that "
        "already has a check-in, only the values you give change; everything else stays as it was "
        "(use --clear FIELD to empty a field on purpose). Scales go from 1 to 5: mood and sleep "
        "quality 1 very low/poor to 5 very good, energy 1 very low to 5 very high, stress 1 calm to "
        "5 very stressed.",
    )
    # Values are taken as text so that models.parse_checkin explains every problem in plain words.
    p.add_argument("--mood", metavar="N", help="1 very low, 2 low, 3 okay, 4 good, 5 very good")
    p.add_argument("--energy", metavar="N", help="1 very low to 5 very high")
    p.add_argument("--stress", metavar="N", help="1 calm to 5 very stressed")
    p.add_argument("--sleep", metavar="HOURS", help="hours slept, from 0 to 24, like 7.5")
    p.add_argument("--sleep-quality", dest="sleep_quality", metavar="N", help="1 very poor to 5 very good")
    p.add_argument("--note", metavar="TEXT", help="a short note")
    p.add_argument(
        "--clear",
        action="append",
        default=[],
        choices=tuple(_CLEARABLE),
        metavar="FIELD",
        help="empty a field of the day's check-in: energy, stress, sleep, sleep-quality or note (repeatable)",
    )
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default today; never a future day)")
    p.add_argument("--delete", action="store_true", help="delete the check-in of --date instead of saving one")
    p.set_defaults(handler=run)
    return p


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.delete:
        return _delete(args, ctx)
    return _save(args, ctx)


def _save(args: argparse.Namespace, ctx: Context) -> int:
    from runmate import formatting, saving
    from runmate.edits import Edit
    from runmate.models import parse_checkin_changes
    from runmate.store import NotFound

    given = {_FIELDS[name]: getattr(args, name) for name in _VALUE_OPTIONS if getattr(args, name) is not None}
    clear = tuple(dict.fromkeys(_CLEARABLE[name] for name in args.clear))
    if not given and not clear:
        raise UsageError("Say what to save, for example: runmate checkin --mood 4 (see runmate checkin --help).")
    # Validate everything before the store is opened: bad input writes nothing.
    date, changes = parse_checkin_changes(today=ctx.today, date=args.date, given=given, clear=clear)
    try:
        result = saving.save_checkin(ctx.store, date, Edit.direct_change(changes), ctx.today, create="mood" in changes)
    except NotFound:
        label = formatting.day_label(dt.date.fromisoformat(date), ctx.today)
        raise UsageError(f"There is no check-in for {label} yet; a new one needs --mood N.") from None
    ctx.say(result.confirmation(ctx.today))
    if result.safety_note is not None:  # at most once a day, shared with the app
        ctx.say(result.safety_note)
    return 0


def _delete(args: argparse.Namespace, ctx: Context) -> int:
    from runmate.formatting import day_label
    from runmate.models import parse_date
    from runmate.store import NotFound

    given = [f"--{name.replace('_', '-')}" for name in _VALUE_OPTIONS if getattr(args, name) is not None]
    given += ["--clear"] if args.clear else []
    if given:
        raise UsageError(f"--delete takes only --date; leave out {', '.join(given)}.")
    if args.date is None:
        raise UsageError("Say which day's check-in to delete with --date YYYY-MM-DD.")
    day = parse_date(args.date)
    label = day_label(day, ctx.today)
    if not ctx.store.delete_checkin(day):
        raise NotFound(f"There is no check-in for {label} ({day.isoformat()}), so nothing was deleted.")
    ctx.say(f"Deleted your check-in for {label}.")
    return 0
