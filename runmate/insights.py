"""Plain sentences and small patterns from runmate's records.

Pure functions only: no I/O, no Textual, no TinyDB. ``today`` is always a parameter.
Words follow the house rules: warm, short, plain; a pattern in the user's own data, never a
diagnosis and never a promise.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from runmate import support
from runmate.formatting import amount_text, day_label, hours_text, scale_text
from runmate.models import (
    ACTIVITY_KINDS,
    STATUS_DONE,
    STATUS_PLANNED,
    CheckIn,
    PlannedActivity,
    Settings,
)

# --- a check-in in words ---------------------------------------------------------------------


def checkin_parts(checkin: CheckIn) -> list[str]:
    """['mood 4 (good)', 'energy 3 (okay)', 'sleep 7.5 h', 'sleep quality 4 (good)']: the values
    that were filled in, each in words (the note is not among them)."""
    parts = [f"mood {scale_text('mood', checkin.mood)}"]
    if checkin.energy is not None:
        parts.append(f"energy {scale_text('energy', checkin.energy)}")
    if checkin.stress is not None:
        parts.append(f"stress {scale_text('stress', checkin.stress)}")
    if checkin.sleep_hours is not None:
        parts.append(f"sleep {hours_text(checkin.sleep_hours)}")
    if checkin.sleep_quality is not None:
        parts.append(f"sleep quality {scale_text('sleep_quality', checkin.sleep_quality)}")
    return parts


def describe_checkin(checkin: CheckIn) -> str:
    """'mood 4 (good), energy 3 (okay), sleep 7.5 h' – only the parts that were filled in."""
    return ", ".join(checkin_parts(checkin) + (["a note"] if checkin.note else []))


def saved_sentence(checkin: CheckIn, replaced: bool, today: dt.date) -> str:
    """'Saved your check-in for Wed 25 Nov: mood 4 (good), sleep 7.5 h.'"""
    verb = "Updated" if replaced else "Saved"
    return f"{verb} your check-in for {day_label(checkin.day, today)}: {describe_checkin(checkin)}."


# --- the sleep hint ---------------------------------------------------------------------------


def previous_sleep(checkins: Iterable[CheckIn], day: dt.date) -> CheckIn | None:
    """The most recent check-in before ``day`` that has sleep hours, or None."""
    key = day.isoformat()
    best: CheckIn | None = None
    for c in checkins:
        if c.date < key and c.sleep_hours is not None and (best is None or c.date > best.date):
            best = c
    return best


# --- the low-mood safety rule -----------------------------------------------------------------

LOW_MOOD_MAX = 2  # mood 1 (very low) or 2 (low)
RULE_LAST = 7  # look at the last 7 check-ins ...
RULE_AT_LEAST = 5  # ... of which at least 5 were low ...
RULE_WITHIN_DAYS = 14  # ... and all of them within the past 14 days (today and the 13 before)


@dataclass(frozen=True)
class LowMoodPattern:
    """How many of the recent check-ins had a low mood, when the safety rule holds."""

    low: int
    of: int


def low_mood_pattern(checkins: Iterable[CheckIn], today: dt.date) -> LowMoodPattern | None:
    """The pattern behind the calm safety note, or None when the rule does not hold.

    The rule, exactly:
    - take the check-ins dated on or before ``today`` (a check-in dated later is ignored);
    - of those, the most recent 7 (all of them when there are fewer than 7);
    - the rule holds when there are at least 5 of them, every one of them is dated within the past
      14 days (``today`` and the 13 days before it), and at least 5 of them have mood 1 or 2.
    So 4 low of 7 does not hold; 5 low of 7 does; 5 low of 5 does; fewer than 5 check-ins never
    does; and when any of the last 7 is 14 or more days old, the rule does not hold.
    """
    cutoff = (today - dt.timedelta(days=RULE_WITHIN_DAYS - 1)).isoformat()
    key = today.isoformat()
    recent = sorted((c for c in checkins if c.date <= key), key=lambda c: c.date)[-RULE_LAST:]
    if len(recent) < RULE_AT_LEAST:
        return None
    if any(c.date < cutoff for c in recent):
        return None
    low = sum(1 for c in recent if c.mood <= LOW_MOOD_MAX)
    if low < RULE_AT_LEAST:
        return None
    return LowMoodPattern(low=low, of=len(recent))


def should_show_safety_note(checkins: Iterable[CheckIn], today: dt.date, last_shown: str | None) -> bool:
    """True when the rule holds and the note has not been shown yet ``today`` (at most once a day)."""
    if last_shown == today.isoformat():
        return False
    return low_mood_pattern(checkins, today) is not None


SAFETY_EMERGENCY = support.EMERGENCY_ANY


def safety_note(pattern: LowMoodPattern, support_contact: str = "", country: str = "", own_line: str = "") -> str:
    """The calm note: brief, plain, never alarming; names the support contact and the person's
    own line when there are ones, the crisis line of their country (``support.where_to_turn``)
    and the emergency line."""
    text = (
        f"Your mood was low on {pattern.low} of your last {pattern.of} check-ins. "
        "You don't have to carry this alone: please talk to your doctor or someone you trust."
    )
    return " ".join([text, *support.where_to_turn(country, own_line, support_contact)])


def safety_note_for(pattern: LowMoodPattern, settings: Settings) -> str:
    """``safety_note`` with the person's contact, own line and country from ``settings``."""
    return safety_note(pattern, settings.support_contact, settings.country, settings.own_line)


def note_hidden_today(settings: Settings, today: dt.date) -> bool:
    """True when the person hid the low-mood note today (it comes back tomorrow)."""
    return settings.safety_note_hidden == today.isoformat()


def low_mood_days(checkins: Iterable[CheckIn], first: dt.date, last: dt.date) -> list[dt.date]:
    """The days from ``first`` to ``last`` on which the low-mood rule held, so the gentle note was
    due (it shows at most once on each such day). Worked out from the check-ins alone."""
    ordered = sorted(checkins, key=lambda c: c.date)
    dates = [c.date for c in ordered]
    out = []
    day = first
    while day <= last:
        key = day.isoformat()
        # The rule reads only the last 7 check-ins on or before ``day``.
        hi = bisect.bisect_right(dates, key)
        if low_mood_pattern(ordered[max(0, hi - RULE_LAST) : hi], day) is not None:
            out.append(day)
        day += dt.timedelta(days=1)
    return out


# --- one line back after a check-in -----------------------------------------------------------


def _activity_phrase(activity: PlannedActivity) -> str:
    label = ACTIVITY_KINDS.get(activity.kind, activity.kind)
    phrase = f"{label}, {amount_text(activity.minutes, activity.distance_km)}"
    if activity.time:
        phrase += f" at {activity.time}"
    return phrase


def line_back(checkin: CheckIn, activities: Iterable[PlannedActivity], today: dt.date) -> str:
    """One short, warm line that fits what was just saved.

    ``activities`` are the activities on the check-in's date (others are ignored). For a day
    other than ``today`` the line only thanks the user, since a plan for a past day is history.
    """
    day = checkin.day
    if day != today:
        return f"Thanks for filling in {day_label(day, today)}; every day you note helps you see your patterns."

    todays = [a for a in activities if a.date == checkin.date]
    planned = [a for a in todays if a.status == STATUS_PLANNED]
    done = [a for a in todays if a.status == STATUS_DONE]
    low_energy = checkin.energy is not None and checkin.energy <= 2
    short_night = checkin.sleep_hours is not None and checkin.sleep_hours < 6
    stressed = checkin.stress is not None and checkin.stress >= 4
    low_mood = checkin.mood <= 2

    if planned:
        plan = _activity_phrase(planned[0])
        if low_energy:
            return f"Planned for today: {plan}. Energy is low, so an easy walk counts too, and so does a rest day."
        if short_night:
            return f"Planned for today: {plan}. After a short night, an easy walk counts too."
        if low_mood:
            rest = ", and so is resting instead" if checkin.mood == 1 else ""
            return f"Planned for today: {plan}. Thanks for checking in on a hard morning; going slowly is fine{rest}."
        if stressed:
            return f"Planned for today: {plan}. Moving can ease stress; start with a few minutes of walking."
        return f"Planned for today: {plan}. Start with a few minutes of walking to warm up."
    if done:
        label = ACTIVITY_KINDS.get(done[0].kind, done[0].kind)
        return f"Already done today: {label}. Well done."
    if low_energy:
        return "Energy is low today; an easy 10-minute walk may be enough, and resting is fine too."
    if short_night:
        return "A short night; an easy walk in daylight may help, and going slowly is fine."
    if low_mood:
        if checkin.mood == 1:
            return "Thanks for checking in on a hard morning. Resting is fine today; if you feel up to it, a few minutes outside can help a little."
        return "Thanks for checking in on a hard morning. A short walk outside can help a little."
    if stressed:
        return "A slow walk or some stretching can help ease stress today."
    if checkin.mood >= 4 and (checkin.energy or 0) >= 4:
        return "Good energy today. Nothing is planned; a walk, a jog or a dance would all count."
    return "Thanks for checking in. Nothing is planned today; a short walk still counts."


def today_line(
    checkin: CheckIn | None, activities: Iterable[PlannedActivity], today: dt.date, days_done: int, goal_days: int
) -> str:
    """The dashboard's one gentle line for today: the check-in's line back when there is one,
    otherwise a word about today's plan or the week (``days_done`` of ``goal_days`` days so far)."""
    todays = [a for a in activities if a.date == today.isoformat()]
    if checkin is not None and checkin.date == today.isoformat():
        return line_back(checkin, todays, today)
    planned = [a for a in todays if a.status == STATUS_PLANNED]
    if any(a.status == STATUS_DONE for a in todays):
        return "You've moved today. Well done."
    if planned:
        return f"Planned for today: {_activity_phrase(planned[0])}. Start with a few minutes of walking to warm up."
    if goal_days and days_done >= goal_days:
        return "This week's goal is met. Rest days count too."
    return "A short walk counts, and so does a rest day."
