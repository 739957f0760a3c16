"""runmate report: a summary of your mood and movement to take to your doctor, as a PDF.

The period is the last 4 weeks by default, never days still to come; notes and reflections go in
only with --with-notes. It holds your own figures, never a diagnosis or a questionnaire's score,
and says that you prepared it with runmate, from which data, and that it is not a medical record."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from runmate.commands.base import Context, UsageError
from runmate.validation import DAY_HELP_BACK

NAME = "report"


def register(sub, parent: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the report command to ``sub`` and return its parser."""
    p = sub.add_parser(
        NAME,
        parents=[parent],
        help="a PDF summary of your mood and movement to take to your doctor",
        description="Write a PDF of one or two pages for the last 4 weeks (or the days you give): the "
        "days with a check-in, mood, energy, stress and sleep day by day and week by week, your movement "
        "against your weekly goal, the 'does moving help me?' figures with their numbers of days, and "
        "the days the gentle low-mood note was due. Your notes and reflections only with --with-notes. "
        "It says you prepared it with runmate and that it is not a medical record.",
    )
    p.add_argument("--from", dest="start", metavar="DAY", help=f"the first day: {DAY_HELP_BACK}")
    p.add_argument("--to", dest="end", metavar="DAY", help="the last day (default today; never a day to come)")
    p.add_argument(
        "--output",
        metavar="FILE.pdf",
        help="the PDF to write (default runmate-summary-DATE.pdf here), never in runmate's data folder; "
        "- for standard output",
    )
    p.add_argument("--with-notes", action="store_true", help="include your check-in notes and reflections")
    p.add_argument("--paper", choices=("a4", "letter"), default="a4", help="A4 (default) or US Letter")
    p.set_defaults(handler=run)
    return p


def run(args: argparse.Namespace, ctx: Context) -> int:
    from runmate.commands.base import refuse_empty
    from runmate.commands.export import day_option
    from runmate.exchange.doctor import summary_name, summary_pdf
    from runmate.exchange.files import OutputRefused, check_output, inside, write_private
    from runmate.models import FieldError, ValidationError

    refuse_empty(args, start="--from", end="--to", output="--output")
    errors: list[FieldError] = []
    days = {}
    for value, option in ((args.start, "--from"), (args.end, "--to")):
        try:
            days[option] = day_option(value, option, ctx.today)
        except ValidationError as error:
            errors += error.errors
    start, end = days.get("--from"), days.get("--to")
    if end is not None and end > ctx.today:
        errors.append(FieldError("--to", "--to is a day still to come; a summary covers days that have passed."))
    if start is not None and start > (end or ctx.today):
        errors.append(FieldError("--from", "--from is after the last day; the first day comes first."))
    if errors:
        raise ValidationError(errors)
    to_stdout = args.output is not None and args.output.strip() == "-"
    target: Path | None = None
    if not to_stdout:
        target = Path(args.output).expanduser() if args.output else summary_name(ctx.today, Path.cwd())
        if target.is_dir():
            target = summary_name(ctx.today, target)
        if inside(target, ctx.data_dir):
            raise UsageError(
                f"{target} is in runmate's data folder ({ctx.data_dir}); a summary never goes there, so "
                "nothing was written. Give a file outside it."
            )
        try:
            check_output(target)
        except OutputRefused as refused:
            raise UsageError(f"{refused}; nothing was written.") from None
    data = summary_pdf(ctx.store, ctx.today, start, end, with_notes=args.with_notes, paper=args.paper)
    if to_stdout:
        stream = getattr(ctx.out, "buffer", None) or getattr(sys.stdout, "buffer", None)
        if stream is None:
            raise UsageError("standard output takes no bytes here; give --output FILE.pdf.")
        ctx.out.flush()
        stream.write(data)
        stream.flush()
        return 0
    assert target is not None
    write_private(target, data)
    notes = " with your notes and reflections" if args.with_notes else ""
    ctx.say(f"Wrote your summary{notes} to {target} (readable only by you). It is not a medical record.")
    return 0
