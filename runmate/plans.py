"""Plans: the starter program as data, laying it onto dates, the gentle build-up check and
weekly progress.

Pure: no I/O and no Textual. Functions that depend on the date take ``today`` as a parameter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from runmate.formatting import amount_text, date_span, day_label, duration_text, weekday_short
from runmate.models import (
    DATE_RANGE,
    DATE_RANGE_TEXT,
    DEFAULT_WARMUP,
    FEELING_WORDS,
    MAX_NOTE,
    SOURCE_STARTER,
    STATUS_DONE,
    STATUS_PLANNED,
    STATUS_REST,
    FieldError,
    PlannedActivity,
    ValidationError,
    date_out_of_range,
    in_date_range,
    parse_completion,
    text_problem,
    week_start,
    whole_number,
)
from runmate.models import parse_day as parse_any_day

# --- the starter program ------------------------------------------------------------------------
#
# A gentle walk/run build-up in the spirit of the 9-week couch-to-5K structure: three sessions a
# week with a rest day between, each after a 5-minute warm-up walk, the running parts lengthening
# until the last week is 30 minutes of running.
#
# Each session is a tuple of blocks; a block is (times, ((action, seconds), ...)) and means
# "do these intervals this many times". Actions are "run" and "walk".

RUN = "run"
WALK = "walk"

Interval = tuple[str, int]
Block = tuple[int, tuple[Interval, ...]]
Session = tuple[Block, ...]


def _m(minutes: float) -> int:
    return int(minutes * 60)


def _same(session: Session) -> tuple[Session, Session, Session]:
    return (session, session, session)


def _run(minutes: float) -> Session:
    return ((1, ((RUN, _m(minutes)),)),)


STARTER_PROGRAM: tuple[tuple[Session, Session, Session], ...] = (
    # week 1: run 1 minute, walk 1 and a half, eight times
    _same(((8, ((RUN, _m(1)), (WALK, _m(1.5)))),)),
    # week 2: run 1 and a half, walk 2, six times
    _same(((6, ((RUN, _m(1.5)), (WALK, _m(2)))),)),
    # week 3: run 1 and a half, walk 1 and a half, run 3, walk 3, twice
    _same(((2, ((RUN, _m(1.5)), (WALK, _m(1.5)), (RUN, _m(3)), (WALK, _m(3)))),)),
    # week 4: run 3, walk 1 and a half, run 5, walk 2 and a half, then the same again
    _same(
        (
            (
                1,
                (
                    (RUN, _m(3)),
                    (WALK, _m(1.5)),
                    (RUN, _m(5)),
                    (WALK, _m(2.5)),
                    (RUN, _m(3)),
                    (WALK, _m(1.5)),
                    (RUN, _m(5)),
                ),
            ),
        )
    ),
    # week 5: three different sessions, ending with 20 minutes of running
    (
        ((3, ((RUN, _m(5)), (WALK, _m(3)))),),
        ((1, ((RUN, _m(8)), (WALK, _m(5)), (RUN, _m(8)))),),
        _run(20),
    ),
    # week 6
    (
        ((1, ((RUN, _m(5)), (WALK, _m(3)), (RUN, _m(8)), (WALK, _m(3)), (RUN, _m(5)))),),
        ((1, ((RUN, _m(10)), (WALK, _m(3)), (RUN, _m(10)))),),
        _run(25),
    ),
    # weeks 7 to 9: one steady run each time
    _same(_run(25)),
    _same(_run(28)),
    _same(_run(30)),
)
PROGRAM_WEEKS = len(STARTER_PROGRAM)
STARTER_WARMUP = DEFAULT_WARMUP
# Days after a program week's first session on which its sessions fall: every session has at
# least one rest day after it (starting on a Tuesday gives Tuesday, Thursday and Saturday).
SESSION_OFFSETS = (0, 2, 4)
DAYS_PER_PROGRAM_WEEK = 7

STARTER_NOTE_PREFIX = "Starter week"


def session_seconds(session: Session, action: str | None = None) -> int:
    """Seconds in a session (warm-up not counted), of one action or of all."""
    return sum(times * sum(s for a, s in steps if action is None or a == action) for times, steps in session)


def session_minutes(session: Session) -> int:
    """Whole minutes of a session, rounded up (warm-up not counted)."""
    return -(-session_seconds(session) // 60)


def describe_session(session: Session) -> str:
    """A short plain description, e.g. 'run 1 min, walk 1½ min; 8 times'."""
    parts = []
    for times, steps in session:
        text = ", ".join(f"{action} {duration_text(seconds)}" for action, seconds in steps)
        parts.append(f"{text}; {times} times" if times > 1 else text)
    text = " / then ".join(parts)
    return text[0].upper() + text[1:]


def session_kind(session: Session) -> str:
    """'run' for a steady run, 'walk-run' for intervals."""
    return "walk-run" if session_seconds(session, WALK) else "run"


def starter_session(week: int, session: int) -> Session:
    """The program's session (both counted from 1)."""
    return STARTER_PROGRAM[week - 1][session - 1]


def check_program_week(value: object) -> int:
    """A program week 1..9 from text or a number, or ValidationError on field 'week'."""
    week = whole_number(value)
    if week is None or not 1 <= week <= PROGRAM_WEEKS:
        raise ValidationError([FieldError("week", f"The program week is a whole number from 1 to {PROGRAM_WEEKS}.")])
    return week


def starter_sessions(start: dt.date, first_week: int = 1) -> list[PlannedActivity]:
    """Lay the program onto dates, beginning on ``start``.

    The weeks from ``first_week`` to the last are used, in order (starting again from a week is how
    a week is repeated). Sessions fall on ``start`` + 0, 2 and 4 days, and each following program
    week begins 7 days later, so there is always a rest day between sessions.
    """
    chosen = list(range(first_week, PROGRAM_WEEKS + 1))
    for week in chosen:
        if not 1 <= week <= PROGRAM_WEEKS:
            raise ValueError(f"program week {week} is outside 1..{PROGRAM_WEEKS}")
    result: list[PlannedActivity] = []
    for index, week in enumerate(chosen):
        first_day = start + dt.timedelta(days=DAYS_PER_PROGRAM_WEEK * index)
        for number, offset in enumerate(SESSION_OFFSETS, start=1):
            session = starter_session(week, number)
            result.append(
                PlannedActivity(
                    date=(first_day + dt.timedelta(days=offset)).isoformat(),
                    kind=session_kind(session),
                    minutes=session_minutes(session),
                    warmup=STARTER_WARMUP,
                    note=f"{STARTER_NOTE_PREFIX} {week}, session {number}: {describe_session(session)}.",
                    source=SOURCE_STARTER,
                    program_week=week,
                    program_session=number,
                )
            )
    return result


def future_starter_ids(existing: Iterable[PlannedActivity], today: dt.date) -> list[str]:
    """Ids of the starter sessions a restart replaces: those dated today or later that are still
    planned.

    Anything before today, and every session that is done or set to rest, is kept as it is. The
    screen counts these before it asks, and the restart removes exactly these.
    """
    key = today.isoformat()
    return [a.id for a in existing if a.source == SOURCE_STARTER and a.status == STATUS_PLANNED and a.date >= key]


def check_starter_start(start: dt.date, today: dt.date) -> None:
    """The program fills the coming weeks: its first day is today or later (ValidationError on
    the 'date' field otherwise)."""
    if start < today:
        raise ValidationError(
            [
                FieldError(
                    "date",
                    f"The program starts today or later (today is {day_label(today)}); it fills the coming weeks.",
                )
            ]
        )


def program_end(start: dt.date, first_week: int = 1) -> dt.date:
    """The day of the last session when the program starts on ``start`` from ``first_week``."""
    weeks = PROGRAM_WEEKS - first_week + 1
    return start + dt.timedelta(days=DAYS_PER_PROGRAM_WEEK * (weeks - 1) + SESSION_OFFSETS[-1])


def check_program_fits(start: dt.date, first_week: int = 1) -> None:
    """The program's first and last sessions are dates runmate keeps (ValidationError on 'date')."""
    if not in_date_range(start):
        raise ValidationError([FieldError("date", date_out_of_range("The first day"))])
    if not in_date_range(program_end(start, first_week)):
        raise ValidationError(
            [
                FieldError(
                    "date",
                    f"From this day the program would run past the end of {DATE_RANGE[1].year}, "
                    f"the last year runmate keeps ({DATE_RANGE_TEXT}); choose an earlier first day.",
                )
            ]
        )


class StarterAlreadyPlanned(Exception):
    """Starting the program would replace ``count`` coming sessions, and that was not asked for."""

    def __init__(self, count: int):
        self.count = count
        super().__init__(f"{count} coming starter session{'s' if count != 1 else ''} already planned")


@dataclass(frozen=True)
class StarterRestart:
    """What starting the program does: which sessions go, which come, and from when."""

    remove_ids: list[str]
    add: list[PlannedActivity]
    start: dt.date


def plan_starter(
    existing: Iterable[PlannedActivity],
    *,
    today: dt.date,
    start: dt.date | None = None,
    first_week: int = 1,
) -> StarterRestart:
    """Start (or restart) the program without ever duplicating its sessions.

    ``start`` (default today) may not be before today. The program's sessions from today on that
    are still planned (``future_starter_ids``) are replaced by the new ones. Done and rest sessions
    stay; if one falls on or after ``start``, the new sessions begin two days after the last of
    them, so the rest day between sessions holds and no session is there twice.
    """
    items = list(existing)
    begin = start or today
    check_starter_start(begin, today)
    remove = future_starter_ids(items, today)
    removed = set(remove)
    kept_days = [a.day for a in items if a.source == SOURCE_STARTER and a.id not in removed and a.day >= begin]
    if kept_days:
        begin = max(kept_days) + dt.timedelta(days=2)
    check_program_fits(begin, first_week)
    return StarterRestart(remove, starter_sessions(begin, first_week), begin)


@dataclass(frozen=True)
class StarterPreview:
    """What starting the program would book, before anything is booked (``starter_preview``)."""

    first: tuple[PlannedActivity, ...]  # the first program week's sessions
    end: dt.date  # the day of the last session
    sessions: int
    asked: dt.date  # the first day asked for; ``first[0]`` is later when kept sessions come first

    def lines(self) -> list[tuple[str, str]]:
        """(label, text) rows: the days, the first week, and until when it runs."""
        start = self.first[0].day
        names = [weekday_short(a.day) for a in self.first]
        rows = [("Days", f"{', '.join(names[:-1])} and {names[-1]}, with a rest day between")]
        if start != self.asked:
            rows.append(("Starts", f"{day_label(start)}, two days after the starter session you keep"))
        week = self.first[0].program_week
        sessions = [starter_session(a.program_week or 1, a.program_session or 1) for a in self.first]
        if len(set(sessions)) == 1:
            days = ", ".join(day_label(a.day) for a in self.first[:-1]) + f" and {day_label(self.first[-1].day)}"
            rows.append((f"Week {week}", f"{days}: {self.first[0].minutes} min each"))
            rows.append(("", describe_session(sessions[0])))
        else:
            for index, (a, session) in enumerate(zip(self.first, sessions, strict=True)):
                rows.append((f"Week {week}" if index == 0 else "", f"{day_label(a.day)}: {describe_session(session)}"))
        rows.append(("Until", f"{day_label(self.end, start)}, {self.sessions} sessions in all"))
        return rows


def starter_preview(
    existing: Iterable[PlannedActivity], *, today: dt.date, start: dt.date, first_week: int = 1
) -> StarterPreview:
    """What ``Store.start_program`` would book from ``start`` and ``first_week``, from the same rule
    (``plan_starter``); raises its ValidationError when the program can't start there."""
    change = plan_starter(existing, today=today, start=start, first_week=first_week)
    first = tuple(a for a in change.add if a.program_week == first_week)
    return StarterPreview(first, change.add[-1].day, len(change.add), start)


# --- moving next to another run ------------------------------------------------------------------

RUNNING_KINDS = {"run", "walk-run"}


def rest_day_note(activities: Iterable[PlannedActivity], moved: PlannedActivity, day: dt.date) -> str | None:
    """A quiet note when ``moved`` (a run or walk/run) lands on ``day`` next to another one and
    either is a starter session: the program keeps a rest day between runs. Never a block."""
    if moved.kind not in RUNNING_KINDS:
        return None
    for other in activities:
        if other.id == moved.id or other.kind not in RUNNING_KINDS or other.status == STATUS_REST:
            continue
        gap = (other.day - day).days
        if abs(gap) > 1 or SOURCE_STARTER not in (other.source, moved.source):
            continue
        where = {-1: "the day before", 0: "on the same day", 1: "the day after"}[gap]
        return (
            f"Another run {where}. The starter program keeps a rest day between runs so your body "
            "can recover; fine if you feel fresh."
        )
    return None


# --- logging what was already done ----------------------------------------------------------------


def log_done(
    activity: PlannedActivity, *, today: dt.date, before: object = None, after: object = None
) -> PlannedActivity:
    """``activity`` (as ``parse_activity`` made it) as already done, ready for one
    ``Store.add_activity``: its minutes are the minutes moved, and how it felt before and after
    (1 to 5, as text or numbers) is optional. Raises ValidationError listing every problem: a day
    after today ('date'), a feeling outside 1 to 5 ('before', 'after')."""
    errors: list[FieldError] = []
    if activity.day > today:
        errors.append(
            FieldError("date", f"Something already done is dated today or earlier (today is {day_label(today)}).")
        )
    felt_before = felt_after = None
    try:
        felt_before, felt_after, _ = parse_completion(before=before, after=after)
    except ValidationError as error:
        errors.extend(error.errors)
    if errors:
        raise ValidationError(errors)
    done = PlannedActivity.from_dict(activity.to_dict())
    done.mark_done(felt_before, felt_after)
    return done


def moved_minutes(planned: int | None, done: int | None) -> int | None:
    """The actual minutes a tick keeps: None when they are the minutes planned."""
    return None if done == planned else done


# --- ticking off ---------------------------------------------------------------------------------


def too_early_to_tick(activity: PlannedActivity, today: dt.date) -> str | None:
    """Why ``activity`` can't be ticked off yet (it is dated after today), or None when it can.

    Only what was done counts towards a week; setting a later activity to rest stays allowed.
    """
    if activity.day <= today:
        return None
    return f"This is planned for {day_label(activity.day, today)}. Tick it off on the day, or move it to today first."


# --- the gentle build-up check -------------------------------------------------------------------

GROWTH_LIMIT = 0.10  # more than 10% more than last week ...
GROWTH_MIN_MINUTES = 10  # ... and at least 10 minutes more
LONG_RUN_FACTOR = 1.1
LONG_RUN_WINDOW_DAYS = 30
RUN_KINDS = {"run"}


def _in(items: Iterable[PlannedActivity], first: dt.date, last: dt.date) -> list[PlannedActivity]:
    a, b = first.isoformat(), last.isoformat()
    return [x for x in items if a <= x.date <= b]


def _counted_minutes(activity: PlannedActivity) -> int:
    """Minutes a plan holds (warm-up never counted): actual minutes when done, 0 for a rest or
    when the minutes are not known (an activity brought in from elsewhere)."""
    if activity.status == STATUS_REST:
        return 0
    if activity.status == STATUS_DONE:
        return activity.done_minutes
    return activity.minutes or 0


def buildup_note(activities: Iterable[PlannedActivity], week_of: dt.date) -> str | None:
    """A quiet note when the week holding ``week_of`` builds up faster than is kind, else None.

    The note applies when the week's planned minutes exceed last week's completed minutes by more
    than 10% and by at least 10 minutes, or when a planned run is longer than 1.1 times the
    longest run done in the 30 days before the week. There is no note when nothing was done last
    week, or when the week's sessions all come from the starter program (it builds up gently by
    design, so its runs are not checked either). Warm-up minutes are never counted.
    """
    items = list(activities)
    monday = week_start(week_of)
    sunday = monday + dt.timedelta(days=6)
    week = [a for a in _in(items, monday, sunday) if a.status != STATUS_REST]
    last_week = _in(items, monday - dt.timedelta(days=7), monday - dt.timedelta(days=1))
    done_last_week = sum(a.done_minutes for a in last_week)
    if done_last_week == 0 or not week:
        return None
    own = [a for a in week if a.source != SOURCE_STARTER]
    if not own:
        return None
    notes: list[str] = []
    planned = sum(_counted_minutes(a) for a in week)
    growth = planned - done_last_week
    if growth > done_last_week * GROWTH_LIMIT and growth >= GROWTH_MIN_MINUTES:
        notes.append(
            f"{planned} minutes planned, up from {done_last_week} done last week. "
            "Adding about a tenth a week is kinder to your body."
        )
    window = _in(items, monday - dt.timedelta(days=LONG_RUN_WINDOW_DAYS), monday - dt.timedelta(days=1))
    longest = max((a.done_minutes for a in window if a.kind in RUN_KINDS and a.status == STATUS_DONE), default=0)
    runs = [a for a in own if a.kind in RUN_KINDS and a.status == STATUS_PLANNED]
    long_runs = [a.minutes for a in runs if a.minutes is not None and a.minutes > longest * LONG_RUN_FACTOR]
    if long_runs:
        biggest = max(long_runs)
        if longest:
            notes.append(
                f"A {biggest}-minute run is a big step from your longest this past month ({longest} min); "
                "a little slower keeps you running for longer."
            )
        else:
            notes.append(
                f"A {biggest}-minute run is a big step after a month without running; "
                "walk/run intervals are a kinder way back in."
            )
    return " ".join(notes) if notes else None


# --- weekly progress ---------------------------------------------------------------------------


@dataclass(frozen=True)
class WeekProgress:
    days_done: int
    goal_days: int

    def text(self, this_week: bool = True) -> str:
        when = "this week" if this_week else "that week"
        if self.days_done > self.goal_days:
            return f"{self.days_done} days {when} (goal {self.goal_days})"
        return f"{self.days_done} of {self.goal_days} days {when}"


def week_progress(activities: Iterable[PlannedActivity], week_of: dt.date, goal_days: int) -> WeekProgress:
    """How many distinct days of the week holding ``week_of`` have a done activity."""
    monday = week_start(week_of)
    days = {a.date for a in _in(activities, monday, monday + dt.timedelta(days=6)) if a.status == STATUS_DONE}
    return WeekProgress(len(days), goal_days)


def week_days(week_of: dt.date) -> list[dt.date]:
    monday = week_start(week_of)
    return [monday + dt.timedelta(days=i) for i in range(7)]


# --- words ------------------------------------------------------------------------------------


def week_title(week_of: dt.date, today: dt.date) -> str:
    monday = week_start(week_of)
    sunday = monday + dt.timedelta(days=6)
    span = date_span(monday, sunday)
    this = week_start(today)
    if monday == this:
        return f"This week, {span}"
    if monday == this + dt.timedelta(days=7):
        return f"Next week, {span}"
    if monday == this - dt.timedelta(days=7):
        return f"Last week, {span}"
    return f"Week of {span}"


def feeling(value: int | None) -> str:
    return f"{value} {FEELING_WORDS[value]}" if value is not None else "?"


def describe_plan(a: PlannedActivity) -> str:
    """'Run, 20 min + 5 min warm-up, 07:30, with Sam' (no status, no note); a done activity shows
    the minutes actually moved; the distance follows the minutes when known ('Run, 31 min, 5.2 km'),
    and 'minutes not known' stands in when they are not."""
    parts = [a.label, amount_text(a.shown_minutes, a.distance_km) + (f" + {a.warmup} min warm-up" if a.warmup else "")]
    if a.time:
        parts.append(a.time)
    if a.with_whom:
        parts.append(f"with {a.with_whom}")
    return ", ".join(parts)


def describe_status(a: PlannedActivity) -> str:
    """'planned', 'done, felt 2 low -> 4 good', 'rest: tired' (the minutes moved are in describe_plan)."""
    if a.status == STATUS_DONE:
        bits = ["done"]
        if a.before is not None or a.after is not None:
            bits.append(f"felt {feeling(a.before)} -> {feeling(a.after)}")
        return ", ".join(bits)
    if a.status == STATUS_REST:
        return f"rest: {a.rest_reason}" if a.rest_reason else "rest"
    return "planned"


def parse_day(text: str, today: dt.date) -> dt.date:
    """A day typed in a planning field: ``models.parse_day`` in the planning direction (a weekday
    is the next one on or after ``today``). Raises ValidationError on the 'date' field."""
    return parse_any_day(text, today=today)


def parse_rest_reason(text: str | None) -> str:
    """The reason for a rest day: optional, one line, at most MAX_NOTE characters."""
    reason = (text or "").strip()
    if len(reason) > MAX_NOTE:
        raise ValidationError(
            [FieldError("reason", f"The reason is at most {MAX_NOTE} characters (this one has {len(reason)}).")]
        )
    problem = text_problem(reason, "The reason")
    if problem:
        raise ValidationError([FieldError("reason", problem)])
    return reason
