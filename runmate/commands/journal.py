"""runmate journal: write, list, read, change and delete reflections from the shell (no Textual here).

Text comes from --text, else from standard input, else (when standard input is a terminal) from
$VISUAL or $EDITOR on a file in the data folder, as ``git commit`` does. Lines starting with '#'
are kept: they are tags, not comments.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from runmate.commands.base import EXIT_DATA, Context, UsageError, refuse_empty
from runmate.validation import DAY_HELP_BACK

if TYPE_CHECKING:
    from runmate.journal import Item
    from runmate.models import JournalEntry, PlannedActivity

NAME = "journal"


def register(sub, parent: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the journal command to ``sub`` and return its parser."""
    p = sub.add_parser(
        NAME,
        parents=[parent],
        help="write and read back reflections",
        description="Write reflections, tied to a run if you like, and read them back. Words starting "
        "with # in the text (#park, #sleep) work as tags.",
    )
    jsub = p.add_subparsers(dest="journal_command", metavar="ACTION", title="actions")

    add = jsub.add_parser(
        "add",
        parents=[parent],
        help="write a reflection",
        description="Write a reflection. Without --text, the text is read from standard input, or, when "
        "that is a terminal, written in $VISUAL or $EDITOR.",
    )
    add.add_argument(
        "--date", metavar="DAY", help=f"the day it is about (default: today, or the day of --run): {DAY_HELP_BACK}"
    )
    add.add_argument(
        "--run", metavar="ID", help="a done activity it is about (any unique start of its id, as in plan list)"
    )
    add.add_argument("--text", metavar="TEXT", help="the reflection itself")
    add.add_argument("-q", "--quiet", action="store_true", help="print only the new id (for scripts)")
    add.set_defaults(handler=run_add)

    ls = jsub.add_parser(
        "list",
        parents=[parent],
        help="list reflections, newest first",
        description="List reflections, newest first: the date, the id and the first line of each.",
    )
    ls.add_argument(
        "--search", metavar="WORDS", help="only those holding every one of these words (any part of the text, any case)"
    )
    ls.add_argument("--tag", metavar="TAG", help="only those with this #tag")
    ls.add_argument("--from", dest="start", metavar="DAY", help=f"from this day on: {DAY_HELP_BACK}")
    ls.add_argument("--to", dest="end", metavar="DAY", help="up to and including this day (the same words)")
    ls.add_argument("--limit", metavar="N", help="at most N lines, the newest")
    ls.add_argument("--all", action="store_true", help="also the notes of check-ins and of done activities")
    ls.set_defaults(handler=run_list)

    show = jsub.add_parser(
        "show", parents=[parent], help="show one reflection in full", description="Show one reflection in full."
    )
    show.add_argument("id", metavar="ID", help="the reflection's id (any unique start of it)")
    show.set_defaults(handler=run_show)

    edit = jsub.add_parser(
        "edit",
        parents=[parent],
        help="change a reflection",
        description="Change a reflection's text: --text replaces it; otherwise standard input, or your "
        "$VISUAL or $EDITOR with the text as it is now. If it was also changed elsewhere meanwhile, "
        "nothing is overwritten and your version is kept in a file.",
    )
    edit.add_argument("id", metavar="ID", help="the reflection's id (any unique start of it)")
    edit.add_argument("--text", metavar="TEXT", help="the new text")
    edit.set_defaults(handler=run_edit)

    delete = jsub.add_parser("delete", parents=[parent], help="delete a reflection", description="Delete a reflection.")
    delete.add_argument("id", metavar="ID", help="the reflection's id (any unique start of it)")
    delete.set_defaults(handler=run_delete)
    return p


# --- helpers --------------------------------------------------------------------------------------


def _one_line(text: str, width: int = 72) -> str:
    line = " ".join(text.split())  # Context.say shows any control character as an escape
    return line if len(line) <= width else line[: width - 1] + "…"


def _editor_command() -> list[str]:
    import shlex
    import shutil

    for name in ("VISUAL", "EDITOR"):
        value = os.environ.get(name, "").strip()
        if value:
            return shlex.split(value)
    if shutil.which("vi"):
        return ["vi"]
    raise UsageError("No editor is set. Give the text with --text, or set one, for example: export EDITOR=nano")


def _edit_in_editor(ctx: Context, initial: str, save_with: list[str]) -> tuple[str, Path]:
    """Open the editor on a private file in the data folder holding ``initial``; return what it
    holds afterwards and the file (the caller removes it once saved, or keeps it: ``_keep_on_failure``).

    ``save_with`` is the command that saves the text from a file given as its standard input; when
    the editor fails after something was written, the file is kept and that command shown.
    """
    import subprocess
    import tempfile

    command = _editor_command()
    ctx.store  # noqa: B018 - opens (and creates) the data folder, readable only by you
    handle, name = tempfile.mkstemp(prefix="reflection-", suffix=".txt", dir=ctx.data_dir)
    path = Path(name)
    with os.fdopen(handle, "w", encoding="utf-8", newline="") as f:
        f.write(initial)
    try:
        status = subprocess.run([*command, str(path)], check=False).returncode
    except OSError as exc:
        path.unlink(missing_ok=True)
        raise UsageError(
            f"The editor {command[0]!r} could not be started ({exc.strerror or exc}); nothing was saved."
        ) from None
    except KeyboardInterrupt:  # ctrl+c while the editor was open: what it saved so far stays
        _keep_if_written(ctx, path, initial, save_with)
        raise
    if status != 0:
        _keep_if_written(ctx, path, initial, save_with)
        raise UsageError(f"The editor stopped with status {status}; nothing was saved.")
    try:
        raw = path.read_bytes()
    except OSError:
        raw = b""
    try:
        return _decoded(raw, "The editor's file"), path
    except UsageError:
        ctx.afterwards.append(_kept_words(path, save_with))
        raise


def _keep_if_written(ctx: Context, path: Path, initial: str, save_with: list[str]) -> None:
    """After the editor failed: keep its file when it holds something new, else remove it."""
    try:
        raw = path.read_bytes()
    except OSError:
        return
    if raw.strip() and raw != initial.encode("utf-8"):
        ctx.afterwards.append(_kept_words(path, save_with))
    else:
        path.unlink(missing_ok=True)


def _decoded(raw: bytes, what: str) -> str:
    """``raw`` as UTF-8 text (a byte-order mark at the start left out); UsageError when it is not."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(
            f"{what} is not valid UTF-8 text, so nothing was saved. Save it as UTF-8 and try again."
        ) from None


def _kept_words(path: Path, save_with: list[str]) -> str:
    return f"What you wrote is kept in {path}. {_save_words(path, save_with)}"


def _save_words(path: Path, save_with: list[str]) -> str:
    import shlex

    command = " ".join(shlex.quote(part) for part in save_with)
    return f"To save it from there (after changing it, if need be): {command} < {shlex.quote(str(path))}"


def _keep_on_failure(ctx: Context, path: Path | None, text: str, save_with: list[str]) -> None:
    """A save failed: keep the editor's file (unless it holds nothing) and say how to save it."""
    if path is None:
        return
    if not text.strip():
        path.unlink(missing_ok=True)
        return
    ctx.afterwards.append(_kept_words(path, save_with))


def _save_command(args: argparse.Namespace, *words: str) -> list[str]:
    """``runmate [--data-dir DIR] journal WORDS...``: the command that saves text from standard input."""
    head = ["runmate"]
    if getattr(args, "data_dir", None) is not None:
        head += ["--data-dir", str(Path(args.data_dir).expanduser().absolute())]
    return [*head, "journal", *words]


def _read_text(
    args: argparse.Namespace, ctx: Context, initial: str = "", save_with: list[str] | None = None
) -> tuple[str, Path | None]:
    """The text from --text, standard input or the editor, and the editor's file if one was used."""
    if args.text is not None:
        return args.text, None
    stdin = sys.stdin
    if stdin is None:
        return "", None
    if not stdin.isatty():
        buffer = getattr(stdin, "buffer", None)
        if buffer is None:  # a text stream put in its place (tests, an embedding program)
            return stdin.read(), None
        return _decoded(buffer.read(), "Standard input"), None
    return _edit_in_editor(ctx, initial, save_with or _save_command(args, "add"))


def _done_activity(ctx: Context, prefix: str) -> PlannedActivity:
    from runmate.models import STATUS_DONE
    from runmate.plans import describe_plan

    activity_id = ctx.store.resolve_activity_id(prefix)
    activity = next(a for a in ctx.store.activities() if a.id == activity_id)
    if activity.status != STATUS_DONE:
        raise UsageError(
            f"{describe_plan(activity)} isn't ticked off yet; a reflection can be tied to a done activity. "
            f"Tick it first: runmate plan done {activity_id[:8]}"
        )
    return activity


def _entry(ctx: Context, prefix: str) -> JournalEntry:
    from runmate.store import NotFound

    entry = ctx.store.journal_entry(ctx.store.resolve_journal_id(prefix))
    if entry is None:  # deleted between the two reads
        raise NotFound(f"No reflection has an id starting with '{prefix}'.")
    return entry


# --- handlers -----------------------------------------------------------------------------------


def run_add(args: argparse.Namespace, ctx: Context) -> int:
    from runmate.formatting import day_label
    from runmate.journal import describe_activity, first_line
    from runmate.models import parse_journal, parse_journal_day, short_id

    # Everything but the text is checked first, so nobody writes a page only to have it refused.
    refuse_empty(args, date="--date", run="--run")
    activity = _done_activity(ctx, args.run) if args.run else None
    date = args.date if args.date is not None or activity is None else activity.date
    day = parse_journal_day(today=ctx.today, date=date)
    save_with = _save_command(args, "add", "--date", day.isoformat())
    if activity is not None:
        save_with += ["--run", activity.id[:8]]
    text, path = _read_text(args, ctx, save_with=save_with)
    try:
        entry = parse_journal(today=ctx.today, date=date, text=text, activity_id=activity.id if activity else None)
        ctx.store.add_journal(entry)
    except BaseException:  # a bad text, another runmate busy, a damaged file, ctrl+c: the text stays
        _keep_on_failure(ctx, path, text, save_with)
        raise
    if path is not None:
        path.unlink(missing_ok=True)
    if args.quiet:
        ctx.say(short_id(entry.id))
        return 0
    ctx.say(
        f"Saved your reflection for {day_label(entry.day, ctx.today)}, id {short_id(entry.id)}: "
        f"{_one_line(first_line(entry.text), 48)}"
    )
    if activity is not None:
        ctx.say(f"About: {describe_activity(activity)} on {day_label(activity.day, ctx.today)}.")
    return 0


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    from runmate.journal import KIND_WORDS, Filter, build_items, find

    refuse_empty(args, search="--search", tag="--tag")
    start, end, limit = _list_options(args, ctx.today)
    store = ctx.store
    everything = bool(args.all)
    items = build_items(
        store.journal(),
        store.checkins() if everything else (),
        store.activities() if everything else (),
    )
    tag = args.tag.strip().lstrip("#").casefold() if args.tag else None
    shown = [items[i] for i in find(items, Filter(query=args.search or "", tag=tag or None, everything=everything))]
    shown = [i for i in shown if (start is None or i.date >= start) and (end is None or i.date <= end)]
    if limit is not None:
        shown = shown[:limit]
    if not shown:
        narrowed = args.search or tag or start or end
        if narrowed:
            ctx.say("Nothing you wrote matches that.")
        else:
            ctx.say("Nothing written yet. Write your first reflection with: runmate journal add")
        return 0
    for item in shown:
        ctx.say(_list_line(item, KIND_WORDS))
    return 0


def _list_options(args: argparse.Namespace, today: dt.date) -> tuple[str | None, str | None, int | None]:
    """--from, --to and --limit, checked together: every problem is reported at once."""
    from runmate.models import FieldError, ValidationError, parse_day

    errors: list[FieldError] = []
    days: list[str | None] = []
    for value, option in ((args.start, "--from"), (args.end, "--to")):
        try:
            # Looking back: a weekday is the last one, today included.
            day = parse_day(value, today=today, back=True, label=option, field=option) if value is not None else None
            days.append(day.isoformat() if day is not None else None)
        except ValidationError as exc:
            errors.extend(exc.errors)
            days.append(None)
    start, end = days
    if start and end and start > end:
        errors.append(FieldError("--from", "--from is after --to; the first day comes first."))
    limit = None
    if args.limit is not None:
        text = args.limit.strip()
        if not text.isascii() or not text.isdigit() or int(text) < 1:
            errors.append(FieldError("--limit", "--limit is a whole number from 1 up."))
        else:
            limit = int(text)
    if errors:
        raise ValidationError(errors)
    return start, end, limit


def _list_line(item: Item, kind_words: dict[str, str]) -> str:
    lead = f"{item.date}  {item.id[:8]}  "
    if item.is_reflection:
        return lead + _one_line(item.heading)
    return lead + f"({kind_words[item.kind]}) " + _one_line(item.heading, 56)


def run_show(args: argparse.Namespace, ctx: Context) -> int:
    from runmate.formatting import long_date
    from runmate.journal import describe_activity, tags_in

    entry = _entry(ctx, args.id)
    ctx.say(f"{long_date(entry.day, year=True)} · id {entry.id[:8]}")
    if entry.activity_id:
        activity = next((a for a in ctx.store.activities() if a.id == entry.activity_id), None)
        ctx.say(f"About: {describe_activity(activity)}" if activity else "About: an activity that was deleted since")
    tags = tags_in(entry.text)
    if tags:
        ctx.say("Tags: " + " ".join(f"#{t}" for t in tags))
    ctx.say()
    if entry.title:
        ctx.say(entry.title)
    for line in entry.text.split("\n"):  # line by line: each printed line is one line of text
        ctx.say(line)
    return 0


def run_edit(args: argparse.Namespace, ctx: Context) -> int:
    from runmate.edits import Edit
    from runmate.formatting import day_label
    from runmate.models import ValidationError, parse_journal
    from runmate.store import Conflict, RecordGone

    entry = _entry(ctx, args.id)
    save_with = _save_command(args, "edit", entry.id[:8])
    text, path = _read_text(args, ctx, entry.text, save_with=save_with)
    try:
        new = parse_journal(today=max(ctx.today, entry.day), date=entry.date, text=text).text
    except ValidationError:
        _keep_on_failure(ctx, path, text, save_with)
        if not text.strip():
            raise UsageError(
                f"The new text is empty, so nothing was changed. To delete the reflection: runmate journal delete {entry.id[:8]}"
            ) from None
        raise
    label = day_label(entry.day, ctx.today)
    if new == entry.text:
        if path is not None:
            path.unlink(missing_ok=True)
        ctx.say(f"Nothing changed in your reflection for {label}.")
        return 0
    try:
        ctx.store.edit_journal(entry.id, Edit.from_form({"text": entry.text}, {"text": new}, entry.id))
    except (Conflict, RecordGone) as exc:
        kept = path or _keep(ctx, new)
        what = "deleted" if isinstance(exc, RecordGone) else "changed"
        print(
            f"runmate: this reflection was {what} elsewhere while you were editing it, so nothing was saved. "
            f"Your text is kept in {kept}.",
            file=ctx.err,
        )
        again = _save_command(args, "add", "--date", entry.date) if isinstance(exc, RecordGone) else save_with
        print(f"runmate: {_save_words(kept, again)}", file=ctx.err)
        return EXIT_DATA
    except BaseException:
        _keep_on_failure(ctx, path, text, save_with)
        raise
    if path is not None:
        path.unlink(missing_ok=True)
    ctx.say(f"Saved the changes to your reflection for {label}, id {entry.id[:8]}.")
    return 0


def _keep(ctx: Context, text: str) -> Path:
    import tempfile

    handle, name = tempfile.mkstemp(prefix="reflection-", suffix=".txt", dir=ctx.data_dir)
    with os.fdopen(handle, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    return Path(name)


def run_delete(args: argparse.Namespace, ctx: Context) -> int:
    from runmate.formatting import day_label
    from runmate.store import NotFound

    entry = _entry(ctx, args.id)
    if not ctx.store.delete_journal(entry.id):
        raise NotFound(f"No reflection has an id starting with '{args.id}'.")
    ctx.say(f"Deleted your reflection for {day_label(entry.day, ctx.today)}, id {entry.id[:8]}.")
    return 0
