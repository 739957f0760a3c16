"""runmate plan: the week's activities from the shell (no Textual here)."""

from __future__ import annotations

import argparse
import datetime as dt

from runmate.commands.base import Context, UsageError, refuse_empty
from runmate.formatting import day_label
from runmate.validation import DAY_HELP_AHEAD

NAME = "plan"


def register(sub, parent: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the plan command to ``sub`` and return its parser."""
    p = sub.add_parser(
        NAME,
        parents=[parent],
        help="plan the week's runs and movement, and tick them off",
        description="Plan the week's runs and movement, tick them off as done, and set your weekly goal.",
    )
    psub = p.add_subparsers(dest="plan_command", metavar="ACTION", title="actions")

    add = psub.add_parser(
        "add",
        parents=[parent],
        help="plan an activity on a day, or log one you already did",
        description="Plan an activity on a day, or, with --done, log one you already did (with how you "
        "felt before and after, 1 very low to 5 very good). Prints what was planned and its id; "
        "with --quiet, the id alone.",
    )
    add.add_argument(
        "--date",
        metavar="DAY",
        help=f"the day (default today): {DAY_HELP_AHEAD}; with --done a weekday is the last one, today included",
    )
    add.add_argument(
        "--activity",
        required=True,
        metavar="KIND",
        help="run, walk, walk-run, yoga, swim, cycle, dance, stairs, strength, stretch, garden or other",
    )
    add.add_argument("--minutes", required=True, metavar="N", help="whole minutes, 1 to 1440 (warm-up not counted)")
    add.add_argument("--warmup", metavar="N", help="warm-up walk minutes, 0 to 60 (default 5 for runs and walk-run)")
    add.add_argument("--time", metavar="HH:MM", help="time of day")
    add.add_argument("--with", dest="with_whom", metavar="NAME", help="who you are going with")
    add.add_argument("--note", metavar="TEXT", help="a short note")
    add.add_argument("--done", action="store_true", help="you already did it: log it as done (today or before)")
    add.add_argument("--before", metavar="N", help="with --done: how you felt before, 1 to 5")
    add.add_argument("--after", metavar="N", help="with --done: how you felt after, 1 to 5")
    add.add_argument("-q", "--quiet", action="store_true", help="print only the new id (for scripts)")
    add.set_defaults(handler=run_add)

    ls = psub.add_parser(
        "list", parents=[parent], help="show a week's plan", description="Show a week's plan, Monday to Sunday."
    )
    ls.add_argument(
        "--week",
        metavar="DAY",
        help=f"any day in the week to show (default: this week): {DAY_HELP_AHEAD}; "
        "so --week mon is next week (this week on a Monday)",
    )
    ls.set_defaults(handler=run_list)

    done = psub.add_parser(
        "done",
        parents=[parent],
        help="tick an activity off as done",
        description="Tick an activity off as done, with how you felt before and after (1 very low to 5 very good).",
    )
    done.add_argument("id", metavar="ID", help="the activity's id (any unique start of it)")
    done.add_argument("--before", metavar="N", help="how you felt before, 1 to 5")
    done.add_argument("--after", metavar="N", help="how you felt after, 1 to 5")
    done.add_argument("--minutes", metavar="N", help="the minutes you actually did")
    done.set_defaults(handler=run_done)

    undo = psub.add_parser(
        "undo",
        parents=[parent],
        help="set an activity back to planned",
        description="Set a done or rest activity back to planned.",
    )
    undo.add_argument("id", metavar="ID")
    undo.set_defaults(handler=run_undo)

    rest = psub.add_parser(
        "rest", parents=[parent], help="make an activity a rest day", description="Make an activity a rest day instead."
    )
    rest.add_argument("id", metavar="ID")
    rest.add_argument("--reason", metavar="TEXT", help="for example: tired, ill, life happened")
    rest.set_defaults(handler=run_rest)

    move = psub.add_parser(
        "move", parents=[parent], help="move an activity to another day", description="Move an activity to another day."
    )
    move.add_argument("id", metavar="ID")
    move.add_argument("--date", required=True, metavar="DAY", help=f"the new day: {DAY_HELP_AHEAD}")
    move.set_defaults(handler=run_move)

    delete = psub.add_parser(
        "delete", parents=[parent], help="delete a planned activity", description="Delete a planned activity."
    )
    delete.add_argument("id", metavar="ID")
    delete.set_defaults(handler=run_delete)

    goal = psub.add_parser(
        "goal",
        parents=[parent],
        help="set the weekly goal",
        description="Set how many days a week you want to move, and why. Only what you give changes: "
        "--why alone keeps the days, --days alone keeps the why.",
    )
    goal.add_argument("--days", metavar="N", help="days a week, 1 to 7")
    goal.add_argument("--why", metavar="TEXT", help="what, how often and why, in your words")
    goal.set_defaults(handler=run_goal)

    starter = psub.add_parser(
        "starter",
        parents=[parent],
        help="fill the coming weeks from the 9-week walk/run starter program",
        description="Fill the coming weeks from a gentle 9-week walk/run program: three sessions a week "
        "with a rest day between, each after a 5-minute warm-up walk, building up to 30 minutes of running. "
        "When the program's coming sessions are already in your plan, add --replace to replace the ones still "
        "planned; done and rest sessions stay, and nothing is ever there twice.",
    )
    starter.add_argument(
        "--start", metavar="DAY", help=f"the first session's day, today or later (default: today): {DAY_HELP_AHEAD}"
    )
    starter.add_argument(
        "--week",
        metavar="N",
        default="1",
        help="the program week to begin with, 1 to 9 (default 1); use it to repeat a week",
    )
    starter.add_argument(
        "--replace", action="store_true", help="replace the program's coming sessions that are still planned"
    )
    starter.add_argument(
        "-q", "--quiet", action="store_true", help="print only the new sessions' ids, one a line (for scripts)"
    )
    starter.set_defaults(handler=run_starter)
    return p


# --- helpers --------------------------------------------------------------------------------------


def _resolve(ctx: Context, prefix: str) -> str:
    return ctx.store.resolve_activity_id(prefix)


def _say_saved(ctx: Context, what: str, activity) -> None:
    from runmate.models import short_id
    from runmate.plans import describe_plan

    ctx.say(f"{what} {short_id(activity.id)}: {describe_plan(activity)} on {day_label(activity.day)}.")


# --- handlers -----------------------------------------------------------------------------------


def run_add(args: argparse.Namespace, ctx: Context) -> int:
    from runmate.models import FieldError, ValidationError, parse_activity, parse_completion, short_id
    from runmate.plans import describe_plan, describe_status

    refuse_empty(args, time="--time", with_whom="--with", note="--note")
    if not args.done:
        given = [name for name in ("--before", "--after") if getattr(args, name[2:]) is not None]
        if given:
            verb = "go" if len(given) > 1 else "goes"
            raise UsageError(f"{' and '.join(given)} {verb} with --done, for something you already did.")
    errors: list[FieldError] = []
    activity = None
    try:
        activity = parse_activity(
            date=ctx.today if args.date is None else args.date,
            kind=args.activity,
            minutes=args.minutes,
            warmup=args.warmup,
            time=args.time,
            with_whom=args.with_whom or "",
            note=args.note or "",
            today=ctx.today,
            back=args.done,  # something already done: 'fri' is the last Friday
        )
    except ValidationError as exc:
        errors.extend(exc.errors)
    before = after = None
    if args.done:
        try:
            before, after, _ = parse_completion(before=args.before, after=args.after)
        except ValidationError as exc:
            errors.extend(exc.errors)
    if errors:
        raise ValidationError(errors)
    assert activity is not None
    if args.done:
        if activity.day > ctx.today:
            raise UsageError(
                f"{day_label(activity.day, ctx.today)} is still to come, so it can't be done yet. "
                "Plan it without --done, and tick it off on the day with runmate plan done ID."
            )
        activity.mark_done(before, after)
    ctx.store.add_activity(activity)
    short = short_id(activity.id)
    when = day_label(activity.day, ctx.today)
    if args.quiet:
        ctx.say(short)
    elif args.done:
        felt = describe_status(activity).removeprefix("done").lstrip(", ")
        felt = f" ({felt})" if felt else ""
        ctx.say(f"Logged as done for {when}, id {short}: {describe_plan(activity)}{felt}. Well moved.")
    else:
        ctx.say(f"Planned for {when}, id {short}: {describe_plan(activity)}")
    return 0


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    from runmate import plans
    from runmate.models import STATUS_DONE, STATUS_REST, parse_day, short_id, week_start

    # A weekday is the next one (planning), and the week shown is the one holding that day.
    refuse_empty(args, week="--week")
    shown = parse_day(args.week, today=ctx.today, label="--week") if args.week else ctx.today
    monday = week_start(shown)
    store = ctx.store
    window = store.activities(monday - dt.timedelta(days=plans.LONG_RUN_WINDOW_DAYS), monday + dt.timedelta(days=6))
    settings = store.settings()
    this_week = monday == week_start(ctx.today)
    progress = plans.week_progress(window, monday, settings.goal_days)

    ctx.say(plans.week_title(monday, ctx.today))
    ctx.say(f"Goal: {progress.text(this_week)}.")
    if settings.goal_why:
        ctx.say(f"Why: {settings.goal_why}")
    ctx.say()
    for day in plans.week_days(monday):
        label = day_label(day) + (" (today)" if day == ctx.today else "")
        todays = [a for a in window if a.date == day.isoformat()]
        if not todays:
            ctx.say(f"{label:<20}rest day")
            continue
        for index, a in enumerate(todays):
            lead = label if index == 0 else ""
            mark = {STATUS_DONE: "[x]", STATUS_REST: "[-]"}.get(a.status, "[ ]")
            ctx.say(f"{lead:<20}{mark} {short_id(a.id)}  {plans.describe_plan(a)}  ({plans.describe_status(a)})")
            if a.note:
                ctx.say(f"{'':<20}    {a.note}")
    note = plans.buildup_note(window, monday)
    if note:
        ctx.say()
        ctx.say(f"A gentle note: {note}")
    return 0


def run_done(args: argparse.Namespace, ctx: Context) -> int:
    from runmate.models import STATUS_DONE, parse_completion
    from runmate.plans import too_early_to_tick

    before, after, minutes = parse_completion(before=args.before, after=args.after, minutes=args.minutes)
    activity_id = _resolve(ctx, args.id)

    def change(a) -> None:
        refusal = too_early_to_tick(a, ctx.today)
        if refusal:
            raise UsageError(refusal)  # raised inside the write: nothing is saved
        if a.status == STATUS_DONE:
            # Ticked off again: what is not given this time keeps its earlier value.
            new = (
                a.before if args.before is None else before,
                a.after if args.after is None else after,
                a.actual_minutes if args.minutes is None else minutes,
            )
        else:
            new = (before, after, minutes)
        a.mark_done(*new)

    saved = ctx.store.update_activity(activity_id, change)
    _say_saved(ctx, "Done, well moved:", saved)
    return 0


def run_undo(args: argparse.Namespace, ctx: Context) -> int:
    activity_id = _resolve(ctx, args.id)
    saved = ctx.store.update_activity(activity_id, lambda a: a.reopen())
    _say_saved(ctx, "Back to planned:", saved)
    return 0


def run_rest(args: argparse.Namespace, ctx: Context) -> int:
    from runmate.plans import parse_rest_reason

    refuse_empty(args, reason="--reason")
    reason = parse_rest_reason(args.reason or "")
    activity_id = _resolve(ctx, args.id)
    saved = ctx.store.update_activity(activity_id, lambda a: a.mark_rest(reason))
    _say_saved(ctx, "A rest day instead, and that's fine:", saved)
    return 0


def run_move(args: argparse.Namespace, ctx: Context) -> int:
    from runmate.models import parse_day

    day = parse_day(args.date, today=ctx.today)
    activity_id = _resolve(ctx, args.id)

    def change(a) -> None:
        a.date = day.isoformat()

    saved = ctx.store.update_activity(activity_id, change)
    _say_saved(ctx, "Moved", saved)
    return 0


def run_delete(args: argparse.Namespace, ctx: Context) -> int:
    from runmate.models import short_id

    activity_id = _resolve(ctx, args.id)
    if not ctx.store.delete_activity(activity_id):
        raise UsageError(f"No planned activity with id {short_id(activity_id)}.")
    ctx.say(f"Deleted {short_id(activity_id)}.")
    return 0


def run_goal(args: argparse.Namespace, ctx: Context) -> int:
    from runmate.models import parse_settings

    if args.days is None and args.why is None:
        raise UsageError("Say what to set: --days N (1 to 7), --why TEXT, or both.")
    store = ctx.store
    parse_settings(store.settings(), goal_days=args.days, goal_why=args.why)  # check before writing

    def change(s) -> None:
        new = parse_settings(s, goal_days=args.days, goal_why=args.why)
        # Only the fields given: the other keeps whatever it holds now.
        if args.days is not None:
            s.goal_days = new.goal_days
        if args.why is not None:
            s.goal_why = new.goal_why

    saved = store.update_settings(change)
    ctx.say(f"Weekly goal: {saved.goal_days} day{'s' if saved.goal_days != 1 else ''} a week with movement.")
    if saved.goal_why:
        ctx.say(f"Why: {saved.goal_why}")
    return 0


def run_starter(args: argparse.Namespace, ctx: Context) -> int:
    from runmate import plans
    from runmate.models import ValidationError, parse_day

    refuse_empty(args, start="--start")
    errors = []
    start = None
    week = None
    try:
        start = parse_day(args.start, today=ctx.today, label="--start") if args.start else ctx.today
        plans.check_starter_start(start, ctx.today)
    except ValidationError as exc:
        errors.extend(exc.errors)
    try:
        week = plans.check_program_week(args.week)
    except ValidationError as exc:
        errors.extend(exc.errors)
    if not errors:
        assert start is not None and week is not None
        try:
            plans.check_program_fits(start, week)
        except ValidationError as exc:
            errors.extend(exc.errors)
    if errors:
        raise ValidationError(errors)
    assert start is not None and week is not None

    try:
        change = ctx.store.start_program(today=ctx.today, start=start, first_week=week, replace=args.replace)
    except plans.StarterAlreadyPlanned as exc:
        n = exc.count
        raise UsageError(
            f"You already have {n} coming session{'s' if n != 1 else ''} of the starter program. "
            "Add --replace to replace them, or leave them as they are."
        ) from None
    first, last = change.add[0], change.add[-1]
    if args.quiet:
        from runmate.models import short_id

        for session in change.add:
            ctx.say(short_id(session.id))
        return 0
    if change.remove_ids:
        n = len(change.remove_ids)
        ctx.say(f"Replaced the starter program's {n} coming session{'s' if n != 1 else ''} that were still planned.")
    ctx.say(
        f"Starter program from week {week}: {len(change.add)} sessions from {day_label(first.day)} "
        f"to {day_label(last.day)} {last.day.year}, three a week with a rest day between, "
        "each after a 5-minute warm-up walk."
    )
    ctx.say("Any week can be repeated: runmate plan starter --week N --replace")
    return 0
