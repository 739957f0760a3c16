"""The runmate command line. Only the path that opens the app imports Textual."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TextIO

from runmate import __version__
from runmate.commands import checkin, demo, journal, plan
from runmate.commands.base import EXIT_DATA, EXIT_OK, EXIT_USAGE, Context, Handler, UsageError
from runmate.models import ValidationError
from runmate.paths import ENV_VAR, resolve_data_dir

# Each module names its command (NAME) and defines register(subparsers, parent), which adds the
# command's handlers with set_defaults(handler=...) and returns its parser. They import what a
# handler needs inside the handler, so parsing the command line stays quick.
COMMAND_MODULES = (demo, checkin, plan, journal)


def _data_dir_parent() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=f"folder for runmate's data (default: ${ENV_VAR}, else your user data folder)",
    )
    return parent


def build_parsers() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """runmate's parser, and each command's own parser by its name."""
    parent = _data_dir_parent()
    parser = argparse.ArgumentParser(
        prog="runmate",
        description="A gentle companion for people who run to look after their mood. "
        "With no command, runmate opens the app.",
        parents=[parent],
    )
    parser.add_argument("--version", action="version", version=f"runmate {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    commands = {module.NAME: module.register(sub, parent) for module in COMMAND_MODULES}
    return parser, commands


def main(
    argv: list[str] | None = None,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
    today: dt.date | None = None,
) -> int:
    """Run runmate with ``argv``; ``today`` fixes the date for tests (default: the local date now)."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser, commands = build_parsers()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help, --version (0) or a bad argument (2)
        return int(exc.code or 0)
    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    ctx = Context(data_dir=data_dir, out=out, err=err, today=today or dt.date.today())
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        if args.command:  # a command group given without its sub-command: show what it offers
            commands[args.command].print_help(file=err)
            return EXIT_USAGE
        return run_app(ctx)
    return run_handler(handler, args, ctx)


def run_handler(handler: Handler, args: argparse.Namespace, ctx: Context) -> int:
    from runmate.store import AmbiguousId, NotFound, StoreError

    try:
        return handler(args, ctx)
    except ValidationError as exc:
        for error in exc.errors:
            print(f"runmate: {error.message}", file=ctx.err)
        return EXIT_USAGE
    except (UsageError, NotFound, AmbiguousId) as exc:
        print(f"runmate: {exc}", file=ctx.err)
        return EXIT_USAGE
    except StoreError as exc:
        print(f"runmate: {exc}", file=ctx.err)
        return EXIT_DATA
    except BrokenPipeError:
        # The reader stopped early (runmate plan list | head): nothing is wrong with the data.
        if ctx.out is sys.__stdout__:
            _silence_stdout()
        return EXIT_OK
    except OSError as exc:
        print(f"runmate: could not use {ctx.data_dir}: {exc.strerror or exc}", file=ctx.err)
        return EXIT_DATA
    except KeyboardInterrupt:
        print("runmate: stopped.", file=ctx.err)
        return 130


def run_app(ctx: Context) -> int:
    from runmate.store import DataFileError, Store, StoreError

    store = Store(ctx.data_dir)
    problem: DataFileError | None = None
    try:
        store.check()
    except DataFileError as exc:
        problem = exc
    except StoreError as exc:
        print(f"runmate: {exc}", file=ctx.err)
        return EXIT_DATA
    except OSError as exc:
        print(f"runmate: could not use {ctx.data_dir}: {exc.strerror or exc}", file=ctx.err)
        return EXIT_DATA
    from runmate.app import RunmateApp

    app = RunmateApp(store=store, data_problem=problem)
    app.run()
    if problem:  # the app showed it too; leave it in the terminal where it can be copied
        print(f"runmate: {problem}", file=ctx.err)
        return EXIT_DATA
    return EXIT_OK if not app.return_code else EXIT_DATA


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's final flush does not complain about the closed pipe."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
