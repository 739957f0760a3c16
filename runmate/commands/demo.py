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
    p.add_argument("--years", type=int, default=1, metavar="N", help="years of history, 1 to 20 (default 1)")
    p.add_argument("--seed", type=int, default=None, help=argparse.SUPPRESS)
    p.set_defaults(handler=run)
    return p


def run(args: argparse.Namespace, ctx: Context) -> int:
    from runmate import demo

    if not 1 <= args.years <= 20:
        raise UsageError("Years is a whole number from 1 to 20.")
    store = ctx.store
    if not store.is_empty():
        raise UsageError(
            f"{ctx.data_dir} already holds your data, so no demo data was added. "
            "Use an empty folder, for example: runmate --data-dir /tmp/runmate-demo demo"
        )
    show = args.years >= 3

    def progress(done: int, total: int) -> None:
        if show:
            print(f"\rMaking demo data: week {done} of {total}", end="", file=ctx.err, flush=True)

    data = demo.generate(ctx.today, args.years, seed=args.seed if args.seed is not None else demo.DEFAULT_SEED, progress=progress)
    if show:
        print(f"\rMaking demo data: writing {ctx.data_dir}" + " " * 10, file=ctx.err, flush=True)

    from runmate.store import NotEmpty

    try:
        store.fill_demo(data)
    except NotEmpty:
        raise UsageError(f"{ctx.data_dir} gained data meanwhile, so no demo data was added.") from None
    ctx.say(
        f"Added {args.years} year{'s' if args.years != 1 else ''} of demo data to {ctx.data_dir}: "
        f"{len(data.checkins)} check-ins, {len(data.activities)} activities, {len(data.journal)} reflections."
    )
    return 0
