"""runmate export: your data as JSON (everything), CSV (a spreadsheet), Markdown (a diary to read)
or iCalendar (activities for a calendar), to a file, a folder or standard output (no Textual here)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from runmate.commands.base import Context, UsageError
from runmate.validation import DAY_HELP_BACK

NAME = "export"
FORMATS = ("json", "csv", "md", "ics")
KINDS = ("checkins", "activities", "journal")


def register(sub, parent: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the export command to ``sub`` and return its parser."""
    p = sub.add_parser(
        NAME,
        parents=[parent],
        help="write your data out as json, csv, md or ics",
        description="Write your data out: json is everything, exactly (runmate import reads it back); csv "
        "is a spreadsheet, one file a kind in a folder; md is a diary to read, print or share; ics puts "
        "planned and done activities in a calendar. Without --output it goes to standard output. "
        "Files are made readable only by you.",
    )
    p.add_argument("--format", required=True, choices=FORMATS, help="json, csv, md or ics")
    p.add_argument(
        "--output",
        metavar="PATH",
        help="the file to write (for csv without --kind: a folder), never in runmate's data folder; "
        "a pipe or a device is written into; - or default: standard output",
    )
    p.add_argument("--kind", choices=KINDS, help="only check-ins, activities or journal entries")
    p.add_argument("--from", dest="start", metavar="DAY", help=f"from this day on: {DAY_HELP_BACK}")
    p.add_argument("--to", dest="end", metavar="DAY", help="up to and including this day (md: today by default)")
    p.set_defaults(handler=run)
    return p


def day_option(value: str | None, option: str, today: dt.date) -> dt.date | None:
    """The day given to a date option (--from, --to), or None when not given: a date, or a word
    such as yesterday or mon (the last one, today included). Raises ValidationError naming the
    option."""
    from runmate.models import parse_day

    if value is None:
        return None
    return parse_day(value, today=today, back=True, label=option, field=option)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from runmate.exchange.data import snapshot
    from runmate.exchange.export import render, write_csv_folder
    from runmate.exchange.files import is_stream, open_file_number, write_private
    from runmate.models import FieldError, ValidationError

    start = end = None
    errors: list[FieldError] = []
    for value, option in ((args.start, "--from"), (args.end, "--to")):
        try:
            day = day_option(value, option, ctx.today)
        except ValidationError as error:
            errors += error.errors
            continue
        if option == "--from":
            start = day
        else:
            end = day
    if args.format == "md" and end is None:
        # A diary of what happened: it ends today unless told otherwise (a starter program's
        # sessions still to come are plans, not days lived).
        end = ctx.today
    if start and end and start > end:
        errors.append(FieldError("--from", "--from is after --to; the first day comes first."))
    if errors:
        raise ValidationError(errors)
    if args.output is not None and not args.output.strip():
        raise UsageError("--output is empty; give a file or a folder, or leave it out for standard output.")
    output = args.output
    if output is not None and (output.strip() == "-" or open_file_number(output.strip()) == 1):
        output = None  # standard output (-, /dev/stdout), as without --output
    if args.format == "csv" and args.kind is None and output is None:
        raise UsageError(
            "csv needs a folder for its three files (--output FOLDER), or one kind for standard output (--kind)."
        )
    target = _target(output, args, ctx) if output is not None else None
    snap = snapshot(ctx.store).narrowed(start, end, args.kind)
    what = _count_words(snap.count(), args.format)
    if output is None:
        text = render(args.format, snap, kind=args.kind).decode("utf-8")
        ctx.out.write(_for_terminal(text) if _is_terminal(ctx.out) else text)
        ctx.out.flush()
        return 0
    assert target is not None
    number = open_file_number(output.strip())
    if number is not None:
        _write_to_descriptor(number, render(args.format, snap, kind=args.kind), output)
        return 0
    if args.format == "csv" and args.kind is None:
        files = write_csv_folder(snap, target)
        ctx.say(f"Exported {what} to {target}: {', '.join(f.name for f in files)} (readable only by you).")
        return 0
    if is_stream(target):  # a named pipe or a device: written into, as it is
        _write_stream(target, render(args.format, snap, kind=args.kind))
        ctx.say(f"Exported {what} into {target}.")
        return 0
    write_private(
        target.resolve() if target.is_symlink() else target, render(args.format, snap, bom=True, kind=args.kind)
    )
    ctx.say(f"Exported {what} to {target} (readable only by you).")
    return 0


def _target(output: str, args: argparse.Namespace, ctx: Context) -> Path:
    """Where --output writes: the file (a folder's runmate.json, say), checked before anything is
    read. Never runmate's data folder or anything in it (its data file, backups, lock...); a pipe
    or a device is written into, never replaced."""
    from runmate.exchange.export import SINGLE_NAMES
    from runmate.exchange.files import OutputRefused, check_output, inside, open_file_number

    if open_file_number(output.strip()) is not None:
        return Path(output.strip())
    target = Path(output).expanduser()
    if args.format == "csv" and args.kind is None:
        if target.exists() and not target.is_dir():
            raise UsageError(f"{target} is a file; csv without --kind writes three files into a folder.")
    elif target.is_dir():
        name = f"{args.kind}.csv" if args.format == "csv" else SINGLE_NAMES[args.format]
        target = target / name
    if inside(target, ctx.data_dir):
        raise UsageError(
            f"{target} is in runmate's data folder ({ctx.data_dir}); an export never goes there, so "
            "nothing was written. Give a file or a folder outside it."
        )
    try:
        check_output(target)
    except OutputRefused as refused:
        raise UsageError(f"{refused}; nothing was written.") from None
    return target


def _write_to_descriptor(number: int, data: bytes, name: str) -> None:
    """Write into this process's open file ``number`` (``/dev/stderr``, ``/dev/fd/3``), at its
    place and in its mode (appending stays appending): the file is never opened again."""
    from runmate.exchange.files import write_all

    try:
        write_all(number, data)
    except OSError as exc:
        raise UsageError(f"{name} can't be written to ({exc.strerror or exc}); nothing was exported.") from None


def _write_stream(target: Path, data: bytes) -> None:
    from runmate.exchange.files import write_into

    try:
        write_into(target, data)
    except OSError as exc:
        raise UsageError(f"{target} can't be written to ({exc.strerror or exc}).") from None


def _is_terminal(stream) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (OSError, ValueError):
        return False


def _for_terminal(text: str) -> str:
    """Exported text shown on a terminal: characters that would steer it (escape sequences, tabs)
    as visible escapes; line breaks stay. Piped or redirected, the export stays exactly as written."""
    from runmate.textsafe import visible

    return "\n".join(visible(line.removesuffix("\r")) for line in text.split("\n"))


def _count_words(count: int, fmt: str) -> str:
    if fmt == "ics":
        return "your activities"
    return "1 record" if count == 1 else f"{count} records"
