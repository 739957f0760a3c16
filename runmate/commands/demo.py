"""runmate demo: fill an empty data folder with a believable history."""

from __future__ import annotations

import argparse

from runmate.commands.base import Context, UsageError

NAME = "demo"


def register(sub, parent: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the demo command to ``sub`` and return its parser."""
    p = sub.add_parser(
        NAME,
        parents=[parent],
        help="fill an empty data folder with a believable demo history",
        description="Fill a data folder that holds no check-ins, activities or journal entries "
        "with a believable history, to try runmate out.",
    )
    # Taken as text, so that a number is read as everywhere else in runmate (digits 0-9 only).
    p.add_argument("--years", default="1", metavar="N", help="years of history, 1 to 20 (default 1)")
    p.add_argument("--seed", default=None, help=argparse.SUPPRESS)
    p.set_defaults(handler=run)
    return p


def run(args: argparse.Namespace, ctx: Context) -> int:
    from runmate import demo
    from runmate.models import whole_number
    from runmate.textsafe import visible

    years = whole_number(args.years)
    if years is None or not 1 <= years <= 20:
        raise UsageError("Years is a whole number from 1 to 20.")
    seed = demo.DEFAULT_SEED if args.seed is None else whole_number(args.seed)
    if seed is None:
        raise UsageError("The seed is a whole number.")
    store = ctx.store
    if not store.is_empty():
        raise UsageError(
            f"{ctx.data_dir} already holds your data, so no demo data was added. "
            "Use an empty folder, for example: runmate --data-dir /tmp/runmate-demo demo"
        )
    show = years >= 3

    def progress(done: int, total: int) -> None:
        if show:
            print(f"\rMaking demo data: week {done} of {total}", end="", file=ctx.err, flush=True)

    data = demo.generate(ctx.today, years, seed=seed, progress=progress)
    if show:
        print(f"\rMaking demo data: writing {visible(ctx.data_dir)}" + " " * 10, file=ctx.err, flush=True)

    from runmate.store import NotEmpty

    try:
        store.fill_demo(data)
    except NotEmpty:
        raise UsageError(f"{ctx.data_dir} gained data meanwhile, so no demo data was added.") from None
    ctx.say(
        f"Added {years} year{'s' if years != 1 else ''} of demo data to {ctx.data_dir}: "
        f"{len(data.checkins)} check-ins, {len(data.activities)} activities, {len(data.journal)} reflections."
    )
    return 0
