"""runmate import: bring data in from runmate's own JSON export, Daylio's CSV export or GPX files
from a watch or phone (no Textual here).

The file is read and checked first; nothing is written when any row is wrong (unless --partial),
when nothing would change, or with --dry-run. Otherwise everything comes in in one locked write,
after a backup of the data file.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from runmate.commands.base import EXIT_OK, EXIT_USAGE, Context, UsageError, complain, refuse_empty

NAME = "import"
FORMATS = ("json", "daylio", "gpx")
SHOWN_PROBLEMS = 20


def register(sub, parent: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the import command to ``sub`` and return its parser."""
    p = sub.add_parser(
        NAME,
        parents=[parent],
        help="bring data in: a runmate json export, Daylio's CSV, or GPX tracks",
        description="Bring data in from runmate's own json export, Daylio's CSV export, or GPX files from a "
        "watch or phone (several files, or a folder of them). The format is recognised from the file when "
        "--format is not given. What is already here stays as it is, and a backup of your data file is "
        "kept first. If any row is wrong, nothing is imported unless you give --partial.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="the file to bring in (GPX: files or folders)")
    p.add_argument("--format", choices=FORMATS, help="json, daylio or gpx (default: recognised from the file)")
    p.add_argument(
        "--mood-map",
        metavar="NAME=N,...",
        help="Daylio: what your own mood names mean on runmate's 1 to 5 scale, like 'fine=3,super=5'",
    )
    p.add_argument(
        "--activity", metavar="KIND", help="GPX: the kind of a track that names none runmate knows (default run)"
    )
    p.add_argument("--dry-run", action="store_true", help="show what would change, and change nothing")
    p.add_argument("--partial", action="store_true", help="bring in the rows that are right even if some are not")
    p.set_defaults(handler=run)
    return p


def _read(path: Path) -> bytes:
    from runmate.files import UnsafeFile, read_regular

    try:
        # A file you name may be a link (to your watch's folder, say): its target is read. Never a
        # pipe or a device, and never written.
        found = read_regular(path.resolve())
    except UnsafeFile as unsafe:
        raise UsageError(f"{path} can't be imported: {unsafe.problem}.") from None
    except PermissionError:
        raise UsageError(f"{path} can't be read: runmate is not allowed to read it.") from None
    if found is None:
        raise UsageError(f"There is no file {path}.")
    return found[0]


def _format_of(path: Path, raw: bytes) -> str:
    from runmate.exchange import daylio, gpx, json

    if json.looks_like(raw):
        return "json"
    if gpx.looks_like(raw) or path.suffix.lower() == ".gpx":
        return "gpx"
    if daylio.looks_like(raw):
        return "daylio"
    raise UsageError(
        f"runmate can't tell what kind of file {path} is; give --format json, daylio or gpx. "
        "It reads runmate's own json export, Daylio's CSV export and GPX tracks."
    )


def _gpx_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            files += sorted(p for p in path.iterdir() if p.suffix.lower() == ".gpx" and p.is_file())
        else:
            files.append(path)
    return files


def read_incoming(args: argparse.Namespace, ctx: Context):
    """The records the files hold, checked, with what is wrong with the rest (nothing written)."""
    from runmate.exchange import daylio, gpx, json
    from runmate.exchange.incoming import Incoming

    if any(not f.strip() for f in args.files):
        raise UsageError("A file name is empty; give the file (or the folder of GPX files) to bring in.")
    refuse_empty(args, mood_map="--mood-map", activity="--activity")
    paths = [Path(f).expanduser() for f in args.files]
    fmt = args.format
    if fmt is None and len(paths) == 1 and not paths[0].is_dir():
        fmt = _format_of(paths[0], _read(paths[0]))
    elif fmt is None:
        fmt = "gpx"  # several files, or a folder: only GPX comes that way
    if fmt != "gpx" and len(paths) > 1:
        raise UsageError(f"One {fmt} file at a time, please; several files or a folder are for GPX tracks.")
    if args.mood_map is not None and fmt != "daylio":
        raise UsageError("--mood-map is for Daylio files.")
    if args.activity is not None and fmt != "gpx":
        raise UsageError("--activity is for GPX files.")
    if fmt == "json":
        try:
            snap, problems = json.parse(_read(paths[0]))
        except json.NotAnExport as error:
            raise UsageError(f"{paths[0]} can't be imported: {error}.") from None
        return Incoming(snap.checkins, snap.activities, snap.journal, snap.settings, problems=problems)
    if fmt == "daylio":
        moods = daylio.parse_mood_map(args.mood_map)
        try:
            return daylio.read(_read(paths[0]), moods=moods, today=ctx.today)
        except daylio.NotDaylio as error:
            raise UsageError(f"{paths[0]} can't be imported: {error}.") from None
    kind = gpx.default_kind(args.activity)
    files = _gpx_files(paths)
    if not files:
        raise UsageError("There are no .gpx files there.")
    return gpx.read_files([(f, _read(f)) for f in files], default_kind=kind)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from runmate.exchange.incoming import BeyondCapacity, NothingToImport, bring_in

    incoming = read_incoming(args, ctx)
    problems = incoming.problems
    for line in problems[:SHOWN_PROBLEMS]:
        complain(ctx.err, line)
    if len(problems) > SHOWN_PROBLEMS:
        complain(ctx.err, f"and {len(problems) - SHOWN_PROBLEMS} more like these.")
    if not incoming.rows():
        raise UsageError("Nothing in that file can be brought in, so nothing was changed.")
    if problems and not args.partial and not args.dry_run:
        raise UsageError(
            f"Because of {_problems(len(problems))} above, nothing was imported. "
            "Fix the file, or give --partial to bring in the rest."
        )
    before = {b.name for b in ctx.store.backups()}
    try:
        merge = bring_in(ctx.store, incoming, dry_run=args.dry_run)
    except BeyondCapacity as beyond:
        raise UsageError(str(beyond)) from None
    except NothingToImport as nothing:
        kept = ", ".join(nothing.merge.kept_summary())
        complain(
            ctx.err, "Everything in it is already here" + (f" ({kept})" if kept else "") + "; nothing was changed."
        )
        return EXIT_USAGE
    added = ", ".join(merge.summary())
    kept = ", ".join(merge.kept_summary())
    if args.dry_run:
        ctx.say(f"Would bring in {added}." + (f" Already here, and would stay as they are: {kept}." if kept else ""))
        if problems and not args.partial:
            ctx.say(f"Because of {_problems(len(problems))} above, nothing would be imported without --partial.")
        ctx.say("Nothing was changed (--dry-run).")
        return EXIT_OK
    ctx.say(f"Brought in {added}." + (f" Already here, kept as they were: {kept}." if kept else ""))
    kept_copy = [b.name for b in ctx.store.backups() if b.name not in before and b.reason == "import"]
    if kept_copy:
        ctx.say(f"Your data file as it was is kept as {kept_copy[-1]} (runmate backup list shows every copy).")
    return EXIT_OK


def _problems(n: int) -> str:
    return "the problem" if n == 1 else f"the {n} problems"
