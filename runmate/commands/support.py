"""runmate support: where to turn on a hard day. The person's support contact and own line, the
crisis line for the country they chose (or a directory of helplines), and the emergency line.
With --all, every line runmate ships, with the pages each was checked against.

Reads the settings only (never a check-in or a reflection); with no data file yet, nothing is
created and the lines that need no settings are printed."""

from __future__ import annotations

import argparse

from runmate.commands.base import Context

NAME = "support"


def register(sub, parent: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the support command to ``sub`` and return its parser."""
    p = sub.add_parser(
        NAME,
        parents=[parent],
        help="where to turn on a hard day: your contact, a crisis line for your country, the emergency line",
        description="Print your support contact and your own line, the crisis line for your country "
        "(choose it in the app's settings), and the emergency line. runmate is not a treatment; "
        "talk to your doctor or someone you trust.",
    )
    p.add_argument(
        "--all",
        action="store_true",
        help="list every crisis line runmate knows, with the pages each number was checked against",
    )
    p.set_defaults(handler=run)
    return p


def run(args: argparse.Namespace, ctx: Context) -> int:
    from runmate import support
    from runmate.commands.stats import has_data_file
    from runmate.models import Settings

    settings = ctx.store.settings() if has_data_file(ctx) else Settings()
    ctx.say(f"{support.NOT_ALONE} Talk to your doctor or someone you trust.")
    *lines, emergency = support.where_to_turn(settings.country, settings.own_line, settings.support_contact)
    for sentence in lines:
        ctx.say(sentence)
    if not settings.country:
        ctx.say(support.directory_sentence())
        ctx.say("Choose your country in the app's settings (s) to see a crisis line for where you live.")
    ctx.say(emergency)
    if args.all:
        ctx.say()
        for entry in support.table().lines.values():
            ctx.say(support.line_sentence(entry))
            ctx.say(f"  checked {entry.checked} against: {', '.join(entry.sources)}")
        d = support.table().directory
        ctx.say(f"Elsewhere: {d.service}, {d.web}")
        ctx.say(f"  checked {d.checked} against: {', '.join(d.sources)}")
    ctx.say(support.checked_sentence())
    return 0
