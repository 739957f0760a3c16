"""runmate backup: list the copies of your data file, make one now, or put one back (no Textual here)."""

from __future__ import annotations

import argparse

from runmate.commands.base import Context, UsageError

NAME = "backup"


def register(sub, parent: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the backup command to ``sub`` and return its parser."""
    p = sub.add_parser(
        NAME,
        parents=[parent],
        help="list, make or restore copies of your data file",
        description="runmate keeps a copy of your data file before each import that changes something and "
        "before it moves the file to a newer layout. The last 10 copies are kept, and every copy made "
        "before a layout change. All are readable only by you.",
    )
    bsub = p.add_subparsers(dest="backup_command", metavar="ACTION", title="actions")
    ls = bsub.add_parser("list", parents=[parent], help="list the copies, oldest first (the default)")
    ls.set_defaults(handler=run_list)
    create = bsub.add_parser("create", parents=[parent], help="keep a copy of your data file now")
    create.set_defaults(handler=run_create)
    restore = bsub.add_parser(
        "restore",
        parents=[parent],
        help="put a copy back as your data file",
        description="Put a copy back as your data file. The file as it is now is kept as a copy first.",
    )
    restore.add_argument("name", metavar="NAME", help="the copy's name, as backup list shows it")
    restore.set_defaults(handler=run_restore)
    p.set_defaults(handler=run_list)
    return p


WHY = {
    "import": "before an import",
    "backup": "made by you",
    "restore": "before a restore",
    "migration": "before a layout change (kept for good)",
}


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    backups = ctx.unchecked_store().backups()
    if not backups:
        ctx.say("No copies yet. Make one with: runmate backup create")
        return 0
    for b in backups:
        ctx.say(f"{b.name}  {b.when:%Y-%m-%d %H:%M}  {_size(b.size)}  {WHY[b.reason]}")
    return 0


def _size(n: int) -> str:
    return f"{n} B" if n < 1024 else f"{n / 1024:.0f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"


def run_create(args: argparse.Namespace, ctx: Context) -> int:
    path = ctx.unchecked_store().create_backup()  # a damaged data file is kept as it is
    if path is None:
        raise UsageError("There is no data file yet, so there is nothing to copy.")
    ctx.say(f"Kept a copy of your data file: {path} (readable only by you).")
    return 0


def run_restore(args: argparse.Namespace, ctx: Context) -> int:
    if not args.name.strip():
        raise UsageError("The backup's name is empty; runmate backup list shows them.")
    restored, before = ctx.unchecked_store().restore_backup(args.name.strip())
    ctx.say(f"Your data is now as it was in {restored.name}.")
    if before is not None and before.is_file():
        ctx.say(f"The file as it was a moment ago is kept as {before.name}.")
    return 0
