"""The runmate command line. Only the path that opens the app imports Textual.

Every bad value ends with one line on stderr and status 2, before anything is written; output
and messages show control characters as visible escapes (``commands.base.complain``, ``Context.say``).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import sys
from pathlib import Path
from typing import TextIO

from runmate import __version__
from runmate.commands import backup, checkin, demo, export, import_, journal, plan, report, stats, status, support
from runmate.commands.base import (
    EXIT_DATA,
    EXIT_OK,
    EXIT_USAGE,
    BadArguments,
    Context,
    Handler,
    Parser,
    UsageError,
    complain,
)
from runmate.models import ValidationError
from runmate.paths import ENV_VAR, DataDirError, resolve_data_dir
from runmate.textsafe import has_surrogates, visible

# How much of an argparse message (which repeats what was typed) is shown.
MAX_ECHO = 200

# Each module names its command (NAME) and defines register(subparsers, parent), which adds the
# command's handlers with set_defaults(handler=...) and returns its parser. They import what a
# handler needs inside the handler, so parsing the command line stays quick.
COMMAND_MODULES = (demo, checkin, plan, journal, stats, status, support, report, export, import_, backup)


def _data_dir_parent() -> argparse.ArgumentParser:
    parent = Parser(add_help=False)
    parent.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=f"folder for runmate's data (default: ${ENV_VAR}, else your user data folder)",
    )
    return parent


def _app_parser() -> argparse.ArgumentParser:
    return Parser(prog="runmate", parents=[_data_dir_parent()], add_help=False)


def _opens_app(arguments: list[str]) -> bool:
    """True when ``arguments`` name no command and ask for no help: nothing, or a data folder."""
    rest = list(arguments)
    while rest:
        head = rest.pop(0)
        if head == "--data-dir" and rest:
            rest.pop(0)
        elif not head.startswith("--data-dir="):
            return False
    return True


@functools.cache
def build_parsers() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """runmate's parser, and each command's own parser by its name.

    Built once per process (parsing does not change them): building costs a few milliseconds,
    which a process calling ``main`` many times (the tests do, thousands of times) paid at each call.
    """
    parent = _data_dir_parent()
    parser = Parser(
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
    out = out or _tolerant(sys.stdout)
    err = err or _tolerant(sys.stderr)
    arguments = sys.argv[1:] if argv is None else list(argv)
    not_text = _not_utf8(arguments)
    if not_text:
        complain(
            err, f"{not_text} is not valid UTF-8 text, so nothing was done. Please type it again in a UTF-8 terminal."
        )
        return EXIT_USAGE
    # Opening the app (no command) needs no command's parser: building them all costs its start.
    parser, commands = (_app_parser(), {}) if _opens_app(arguments) else build_parsers()
    try:
        args = parser.parse_args(arguments)
    except BadArguments as exc:
        complain(err, f"{visible(exc.message, MAX_ECHO)} (see: {exc.parser.prog} --help)")
        return EXIT_USAGE
    except SystemExit as exc:  # argparse: --help or --version
        return int(exc.code or 0)
    try:
        data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    except DataDirError as exc:
        complain(err, str(exc))
        return EXIT_USAGE
    ctx = Context(data_dir=data_dir, out=out, err=err, today=today or dt.date.today())
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        if getattr(args, "command", None):  # a command group given without its sub-command: show what it offers
            commands[args.command].print_help(file=err)
            return EXIT_USAGE
        return run_app(ctx)
    return run_handler(handler, args, ctx)


def run_handler(handler: Handler, args: argparse.Namespace, ctx: Context) -> int:
    code = _run_handler(handler, args, ctx)
    for line in ctx.afterwards:
        complain(ctx.err, line)
    return code


def _run_handler(handler: Handler, args: argparse.Namespace, ctx: Context) -> int:
    from runmate.store import AmbiguousId, NotFound, StoreError

    try:
        return handler(args, ctx)
    except ValidationError as exc:
        for error in exc.errors:
            complain(ctx.err, error.message)
        return EXIT_USAGE
    except (UsageError, NotFound, AmbiguousId) as exc:
        complain(ctx.err, str(exc))
        return EXIT_USAGE
    except StoreError as exc:
        complain(ctx.err, str(exc))
        return EXIT_DATA
    except BrokenPipeError:
        # The reader stopped early (runmate plan list | head): nothing is wrong with the data.
        if ctx.out is sys.__stdout__:
            _silence_stdout()
        return EXIT_OK
    except OSError as exc:
        complain(ctx.err, os_problem(exc, ctx.data_dir))
        return EXIT_DATA
    except KeyboardInterrupt:
        complain(ctx.err, "stopped.")
        return 130


def os_problem(exc: OSError, data_dir: Path) -> str:
    """'could not use /the/file/at/fault: Permission denied' (the folder when no file is named)."""
    return f"could not use {exc.filename or data_dir}: {exc.strerror or exc}"


def _not_utf8(arguments: list[str]) -> str | None:
    """Which argument holds bytes that were not valid UTF-8 ('the value of --note'), or None.

    Python keeps such bytes as lone surrogates; they are refused rather than guessed at.
    """
    for index, arg in enumerate(arguments):
        if not has_surrogates(arg):
            continue
        if arg.startswith("--") and "=" in arg:
            return f"the value of {visible(arg.split('=', 1)[0], 40)}"
        previous = arguments[index - 1] if index else ""
        if previous.startswith("-") and not has_surrogates(previous):
            return f"the value of {visible(previous, 40)}"
        return f"argument {index + 1}"
    return None


def _tolerant(stream: TextIO) -> TextIO:
    """``stream`` set to write what its encoding can't hold as escapes rather than fail
    (a terminal in a Latin-1 locale and a note in another script)."""
    reconfigure = getattr(stream, "reconfigure", None)
    if callable(reconfigure) and getattr(stream, "errors", "") == "strict":
        with contextlib.suppress(ValueError, OSError):
            reconfigure(errors="backslashreplace")
    return stream


def run_app(ctx: Context) -> int:
    from runmate.store import DataFileError, Store, StoreError

    store = Store(ctx.data_dir)
    problem: DataFileError | None = None
    try:
        store.check()
    except DataFileError as exc:
        if exc.what == "data folder":  # not a folder at all: nothing for the app to show
            complain(ctx.err, str(exc))
            return EXIT_DATA
        problem = exc
    except StoreError as exc:
        complain(ctx.err, str(exc))
        return EXIT_DATA
    except OSError as exc:
        complain(ctx.err, os_problem(exc, ctx.data_dir))
        return EXIT_DATA
    from runmate.app import RunmateApp

    app = RunmateApp(store=store, data_problem=problem)
    app.run()
    if problem:  # the app showed it too; leave it in the terminal where it can be copied
        complain(ctx.err, str(problem))
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
