"""runmate checkin: save, replace or delete a morning check-in from the shell."""

from __future__ import annotations

import argparse

from runmate.commands.base import Context, UsageError

NAME = "checkin"
_VALUE_OPTIONS = ("mood", "energy", "stress", "sleep", "sleep_quality", "note")


def register(sub, parent: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the checkin command to ``sub`` and return its parser."""
    p = sub.add_parser(
        NAME,
        parents=[parent],
        help="save today's check-in (or another day's), or delete one",
        description="Save a check-in: mood is needed, the rest is optional. Saving the same day "
        "again replaces that day's check-in. Scales go from 1 to 5: mood and sleep quality 1 very "
        "low/poor to 5 very good, energy 1 very low to 5 very high, stress 1 calm to 5 very stressed.",
    )
    # Values are taken as text so that models.parse_checkin explains every problem in plain words.
    p.add_argument("--mood", metavar="N", help="1 very low, 2 low, 3 okay, 4 good, 5 very good")
    p.add_argument("--energy", metavar="N", help="1 very low to 5 very high")
    p.add_argument("--stress", metavar="N", help="1 calm to 5 very stressed")
    p.add_argument("--sleep", metavar="HOURS", help="hours slept, from 0 to 24, like 7.5")
    p.add_argument("--sleep-quality", dest="sleep_quality", metavar="N", help="1 very poor to 5 very good")
    p.add_argument("--note", metavar="TEXT", help="a short note")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default today; never a future day)")
    p.add_argument("--delete", action="store_true", help="delete the check-in of --date instead of saving one")
    p.set_defaults(handler=run)
    return p


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.delete:
        return _delete(args, ctx)
    return _save(args, ctx)


def _save(args: argparse.Namespace, ctx: Context) -> int:
    from runmate import saving
    from runmate.models import parse_checkin

    # Validate everything before the store is opened: bad input writes nothing.
    checkin = parse_checkin(
        today=ctx.today,
        date=args.date,
        mood=args.mood,
        energy=args.energy,
        stress=args.stress,
        sleep_hours=args.sleep,
        sleep_quality=args.sleep_quality,
        note=args.note if args.note is not None else "",
    )
    result = saving.save_checkin(ctx.store, checkin, ctx.today)
    ctx.say(result.confirmation(ctx.today))
    if result.safety_note is not None:  # at most once a day, shared with the app
        ctx.say(result.safety_note)
    return 0


def _delete(args: argparse.Namespace, ctx: Context) -> int:
    from runmate.formatting import day_label
    from runmate.models import parse_date
    from runmate.store import NotFound

    given = [f"--{name.replace('_', '-')}" for name in _VALUE_OPTIONS if getattr(args, name) is not None]
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
