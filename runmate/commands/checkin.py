"""runmate checkin: save, replace or delete a morning check-in from the shell, and read them back
(``checkin list``, ``checkin show DAY``). No Textual here."""

from __future__ import annotations

import argparse
import datetime as dt

from runmate.commands.base import Context, UsageError, refuse_empty
from runmate.validation import DAY_HELP_BACK

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
        help="save today's check-in (or another day's), change it, delete one, or read them back",
        usage="%(prog)s [--mood N] [--energy N] [--stress N] [--sleep HOURS] [--sleep-quality N]\n"
        "                       [--note TEXT] [--clear FIELD] [--date DAY] [--delete]\n"
        "       %(prog)s list [--days N | --from DAY --to DAY]\n"
        "       %(prog)s show [DAY]",
        description="Save a check-in: a new day needs --mood, the rest is optional. On a day that "
        "already has a check-in, only the values you give change; everything else stays as it was "
        "(use --clear FIELD to empty a field on purpose). Scales go from 1 to 5: mood and sleep "
        "quality 1 very low/poor to 5 very good, energy 1 very low to 5 very high, stress 1 calm to "
        "5 very stressed. To read them back: runmate checkin list, runmate checkin show DAY.",
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
    p.add_argument("--date", metavar="DAY", help=f"the day (default today; never a future day): {DAY_HELP_BACK}")
    p.add_argument("--delete", action="store_true", help="delete the check-in of --date instead of saving one")
    p.set_defaults(handler=run)

    # Reading back. Without an action, `runmate checkin --mood 4` saves, as it always has.
    csub = p.add_subparsers(dest="checkin_command", metavar="ACTION", title="reading back")
    ls = csub.add_parser(
        "list",
        parents=[parent],
        help="list check-ins, one a line, oldest first",
        description="List check-ins, one a line, oldest first (the newest ends up just above your "
        "prompt): the day and every value given; a long note is cut short (show gives it whole). "
        "Without options, the last 7 days.",
    )
    ls.add_argument("--days", metavar="N", help="the last N days, today included (default 7)")
    ls.add_argument(
        "--from", dest="start", metavar="DAY", help=f"from this day on (default: the first check-in): {DAY_HELP_BACK}"
    )
    ls.add_argument(
        "--to", dest="end", metavar="DAY", help="up to and including this day, in the same words (default today)"
    )
    ls.set_defaults(handler=run_list)
    show = csub.add_parser(
        "show",
        parents=[parent],
        help="show one day's check-in in full",
        description="Show one day's check-in with every field. A day without one says so (status 2).",
    )
    show.add_argument("day", metavar="DAY", nargs="?", help=f"the day (default today): {DAY_HELP_BACK}")
    show.set_defaults(handler=run_show)
    return p


def run(args: argparse.Namespace, ctx: Context) -> int:
    refuse_empty(
        args,
        {"note": "--note is empty, so nothing was changed. To remove the note: runmate checkin --clear note"},
        date="--date",
        note="--note",
    )
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
    from runmate.models import parse_day
    from runmate.store import NotFound

    given = [f"--{name.replace('_', '-')}" for name in _VALUE_OPTIONS if getattr(args, name) is not None]
    given += ["--clear"] if args.clear else []
    if given:
        raise UsageError(f"--delete takes only --date; leave out {', '.join(given)}.")
    if args.date is None:
        raise UsageError("Say which day's check-in to delete with --date DAY (like yesterday or 2026-11-20).")
    day = parse_day(args.date, today=ctx.today, back=True)
    label = day_label(day, ctx.today)
    if not ctx.store.delete_checkin(day):
        raise NotFound(f"There is no check-in for {label} ({day.isoformat()}), so nothing was deleted.")
    ctx.say(f"Deleted your check-in for {label}.")
    return 0


# --- reading back ---------------------------------------------------------------------------------

DEFAULT_LIST_DAYS = 7
NOTE_IN_LIST = 60  # characters of a note shown in a list line


def _saving_options_given(args: argparse.Namespace) -> None:
    """`runmate checkin --mood 4 list`: the saving options don't go with reading back."""
    given = [f"--{name.replace('_', '-')}" for name in (*_VALUE_OPTIONS, "date") if getattr(args, name) is not None]
    given += ["--clear"] if args.clear else []
    given += ["--delete"] if args.delete else []
    if given:
        raise UsageError(
            f"runmate checkin {args.checkin_command} only reads back; leave out {', '.join(given)} "
            "(for saving: runmate checkin --mood N)."
        )


def _list_window(args: argparse.Namespace, today: dt.date) -> tuple[dt.date | None, dt.date]:
    """The first and last day to list, from --days or --from/--to, every problem reported at once.

    The first is None for --to alone: from the first check-in there is."""
    from runmate.models import DATE_RANGE, FieldError, ValidationError, parse_day, whole_number

    if args.days is not None and (args.start is not None or args.end is not None):
        raise UsageError("Give either --days N or --from/--to, not both.")
    if args.start is None and args.end is None:
        number = DEFAULT_LIST_DAYS if args.days is None else whole_number(args.days)
        if number is None or number < 1:
            raise ValidationError([FieldError("--days", "--days is a whole number of days from 1 up.")])
        earliest = (today - DATE_RANGE[0]).days + 1
        return today - dt.timedelta(days=min(number, earliest) - 1), today
    errors: list[FieldError] = []
    days: list[dt.date | None] = []
    for value, option in ((args.start, "--from"), (args.end, "--to")):
        try:
            days.append(
                parse_day(value, today=today, back=True, label=option, field=option) if value is not None else None
            )
        except ValidationError as exc:
            errors.extend(exc.errors)
            days.append(None)
    first, last = days[0], days[1] or today
    if not errors and first is not None and first > last:
        errors.append(FieldError("--from", "--from is after --to; the first day comes first."))
    if errors:
        raise ValidationError(errors)
    return first, last


def _list_line(checkin, today: dt.date) -> str:
    from runmate.formatting import day_label
    from runmate.insights import describe_checkin

    parts = describe_checkin(checkin).removesuffix(", a note")
    note = " ".join(checkin.note.split())
    if note:
        note = note if len(note) <= NOTE_IN_LIST else note[: NOTE_IN_LIST - 1] + "…"
        parts += f" · {note}"
    return f"{day_label(checkin.day, today):<16}{parts}"


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    from runmate.formatting import date_span, day_label

    _saving_options_given(args)
    start, last = _list_window(args, ctx.today)
    earlier = sorted((c for c in ctx.store.checkins() if c.date <= last.isoformat()), key=lambda c: c.date)
    first = start or (earlier[0].day if earlier else last)
    shown = [c for c in earlier if c.date >= first.isoformat()]
    span = date_span(first, last)
    if not shown:
        ctx.say(f"No check-ins from {span}." if start else f"No check-ins up to {day_label(last, ctx.today)}.")
        return 0
    days = (last - first).days + 1
    ctx.say(f"Check-ins from {span}: {len(shown)} of {days} day{'s' if days != 1 else ''}.")
    for checkin in shown:
        ctx.say(_list_line(checkin, ctx.today))
    return 0


def run_show(args: argparse.Namespace, ctx: Context) -> int:
    from runmate.formatting import day_label, hours_text, long_date, scale_text
    from runmate.models import parse_day, short_id
    from runmate.store import NotFound

    _saving_options_given(args)
    day = parse_day(args.day, today=ctx.today, back=True) if args.day is not None else ctx.today
    checkin = ctx.store.checkin_on(day)
    if checkin is None:
        raise NotFound(f"There is no check-in for {day_label(day, ctx.today)} ({day.isoformat()}).")

    def scale(name: str) -> str:
        value = getattr(checkin, name)
        return scale_text(name, value) if value is not None else "not given"

    ctx.say(f"{long_date(checkin.day, year=True)} · id {short_id(checkin.id)}")
    rows = (
        ("Mood", scale("mood")),
        ("Energy", scale("energy")),
        ("Stress", scale("stress")),
        ("Sleep", hours_text(checkin.sleep_hours) if checkin.sleep_hours is not None else "not given"),
        ("Sleep quality", scale("sleep_quality")),
        ("Note", checkin.note or "none"),
    )
    for label, value in rows:
        ctx.say(f"{label + ':':<15}{value}")
    return 0
