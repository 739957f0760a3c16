"""A believable demo history, made from a seed so screenshots and tests are repeatable.

Pure: builds records in memory; the demo command writes them in one go.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from runmate.models import (
    DEFAULT_WARMUP,
    SOURCE_USER,
    STATUS_DONE,
    STATUS_PLANNED,
    STATUS_REST,
    WARMUP_KINDS,
    CheckIn,
    JournalEntry,
    PlannedActivity,
    Settings,
    week_start,
)

DEFAULT_SEED = 20261125

_KINDS = (
    ["run"] * 5 + ["walk"] * 3 + ["walk-run"] * 2 + ["yoga", "swim", "cycle", "dance", "strength", "stretch", "garden"]
)
_FRIENDS = ["Sam", "Priya", "Jo", "Alex"]
_TIMES = [None, None, "07:00", "07:30", "12:15", "18:00", "18:30"]
_REST_REASONS = ["tired", "felt ill", "life happened", "bad weather, took it easy", ""]
_CHECKIN_NOTES = [
    "Slept badly, but the coffee helps.",
    "Bright morning. Feeling lighter.",
    "Work worries again.",
    "Nice chat with a friend yesterday.",
    "Legs a bit sore from the run.",
    "Quiet day planned.",
    "Woke up before the alarm, felt rested.",
    "Grey sky, grey head. It'll pass.",
]
# Reflections by theme (the seeded draw picks a theme, as it always has, so the rest of the demo
# stays the same); a second generator picks one of the theme's entries that fits the activity.
# Each entry names the kinds it is about (None: any). Words starting with # are tags.
_ON_FOOT = frozenset({"run", "walk", "walk-run"})
_RUNS = frozenset({"run", "walk-run"})
Reflection = tuple[str, frozenset[str] | None]
_REFLECTIONS: list[list[Reflection]] = [
    [
        ("Didn't want to go out at all. Ten minutes in, it felt easier.\n\nGlad I went. #slowstart", None),
        (
            "Nearly talked myself out of it. Shoes on, door open, and the first street was the hardest part. #slowstart",
            _ON_FOOT,
        ),
    ],
    [
        ("Park loop without stopping. The trees are turning and I noticed every one of them. #park", _RUNS),
        ("Two laps of the park. A dog ran beside me for a bit, which made me laugh out loud. #park", _ON_FOOT),
        ("Same loop as always, but it felt shorter today. #park #progress", _ON_FOOT),
    ],
    [
        ("Heavy legs, so I walked more of it. That's fine; I still went. #kindtomyself", _RUNS),
        ("Body said slow down, so I did. Took it gently and still finished. #kindtomyself", None),
    ],
    [
        (
            "Went with a friend and the time flew. We talked the whole way and I forgot to look at the clock. #friends",
            None,
        ),
        (
            "Ran with a friend. Hard to be gloomy when someone is puffing next to you and telling terrible jokes. #friends",
            _RUNS,
        ),
    ],
    [
        ("My head felt clearer afterwards. The worries were still there, but smaller for a while. #clearhead", None),
        (
            "Walked off a bad morning. By the end I could think about the meeting without my stomach knotting. #clearhead #work",
            _ON_FOOT,
        ),
    ],
    [
        ("Ran in the rain. Silly and wet and oddly happy. #rain", _RUNS),
        ("Rain on the way there and back. Came home soaked, had a hot shower, felt brand new. #rain", None),
    ],
    [
        ("Noticed I sleep better on the days I move. Worth remembering on the days I don't want to. #sleep", None),
        ("Slept through the night after yesterday's session, first time in a while. #sleep", None),
    ],
]
_REST_REFLECTIONS: list[list[Reflection]] = [
    [
        ("Took a rest day. Listened to my body and I don't regret it. #rest", None),
        ("Rest day on purpose. Read on the sofa with tea instead. #rest", None),
    ],
    [
        ("Didn't make it out today. Tomorrow is another go, and that's okay. #kindtomyself", None),
        ("Plans slipped today. Not a failure, just a day. #kindtomyself", None),
    ],
]


def _reflection_text(rng: random.Random, theme: list[Reflection], kind: str) -> str:
    """One of the theme's entries that fits ``kind``, else one that fits any activity."""
    fitting = [text for text, kinds in theme if kinds is None or kind in kinds]
    if not fitting:
        fitting = [text for t in _REFLECTIONS for text, kinds in t if kinds is None]
    return rng.choice(fitting)


@dataclass
class DemoData:
    checkins: list[CheckIn] = field(default_factory=list)
    activities: list[PlannedActivity] = field(default_factory=list)
    journal: list[JournalEntry] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)


def _id(rng: random.Random) -> str:
    """A UUID4-shaped id drawn from the seeded generator, so the same seed gives the same ids."""
    return uuid.UUID(int=rng.getrandbits(128), version=4).hex


def _stamp(day: dt.date, hour: int, minute: int = 0) -> str:
    return dt.datetime(day.year, day.month, day.day, hour, minute).astimezone().isoformat(timespec="seconds")


def generate(
    today: dt.date,
    years: int = 1,
    seed: int = DEFAULT_SEED,
    progress: Callable[[int, int], None] | None = None,
) -> DemoData:
    """A history of ``years`` years ending yesterday, plus this week's and next week's plan."""
    rng = random.Random(seed)
    wording = random.Random(seed + 1)  # which entry of a reflection's theme, without touching rng
    data = DemoData(
        settings=Settings(
            name="Robin",
            support_contact="Sam (sister), 07700 900123",
            goal_days=3,
            goal_why="Move three mornings a week, because it clears my head and helps me sleep.",
            welcomed=True,
        )
    )
    start = week_start(today - dt.timedelta(days=365 * years))
    this_week = week_start(today)
    total_weeks = (this_week - start).days // 7 + 2
    mood_level = 3.0
    gap_left = 0
    longest_run = 20

    for w in range(total_weeks):
        monday = start + dt.timedelta(weeks=w)
        if progress and (w % 52 == 51 or w == total_weeks - 1):
            progress(w + 1, total_weeks)
        planned_days = sorted(rng.sample(range(7), rng.choice([2, 3, 3, 3, 4])))
        week_plan: dict[int, PlannedActivity] = {}
        for d in planned_days:
            day = monday + dt.timedelta(days=d)
            kind = rng.choice(_KINDS)
            minutes = {"run": rng.choice([20, 25, 30, 30, 35, 40]), "walk": rng.choice([20, 30, 45])}.get(
                kind, rng.choice([15, 20, 30, 40])
            )
            if kind == "run":
                minutes = min(minutes, int(longest_run * 1.1) or minutes)
            created = _stamp(monday - dt.timedelta(days=1), 19, rng.randint(0, 59))
            week_plan[d] = PlannedActivity(
                date=day.isoformat(),
                kind=kind,
                minutes=minutes,
                warmup=DEFAULT_WARMUP if kind in WARMUP_KINDS else 0,
                time=rng.choice(_TIMES),
                with_whom=rng.choice(_FRIENDS) if rng.random() < 0.2 else "",
                source=SOURCE_USER,
                id=_id(rng),
                created=created,
                updated=created,
            )
        for d in range(7):
            day = monday + dt.timedelta(days=d)
            activity = week_plan.get(d)
            season = math.cos((day.timetuple().tm_yday - 15) / 365 * 2 * math.pi)  # 1 in mid-winter
            mood_level += 0.25 * (3.3 - 0.3 * season - mood_level) + rng.gauss(0, 0.35)
            if day >= today:
                continue
            moved = False
            if activity is not None:
                chance = 0.55 + 0.08 * (mood_level - 3)
                if rng.random() < chance:
                    activity.status = STATUS_DONE
                    activity.before = max(1, min(5, round(mood_level + rng.gauss(0, 0.6))))
                    activity.after = max(1, min(5, activity.before + rng.choice([0, 1, 1, 1, 2])))
                    activity.actual_minutes = max(1, (activity.minutes or 0) + rng.choice([-5, 0, 0, 0, 5]))
                    activity.updated = _stamp(day, 20, rng.randint(0, 59))
                    if activity.kind == "run":
                        longest_run = max(longest_run, activity.actual_minutes)
                    moved = True
                elif rng.random() < 0.6:
                    activity.status = STATUS_REST
                    activity.rest_reason = rng.choice(_REST_REASONS)
                # otherwise it stays planned: a plan that simply passed by.
            # Longer gaps happen in the past; the last two weeks show someone using runmate now.
            recent = (today - day).days <= 14
            if gap_left > 0 and not recent:
                gap_left -= 1
                continue
            gap_starts = rng.random() < 0.03
            if gap_starts and not recent:
                gap_left = rng.randint(1, 9)
                continue
            if rng.random() < 0.08:
                continue
            mood = max(1, min(5, round(mood_level + (0.4 if moved else 0) + rng.gauss(0, 0.5))))
            sleep = max(3.0, min(10.5, rng.gauss(7.0 + (0.3 if moved else 0), 0.9)))
            stamp = _stamp(day, 7, rng.randint(0, 59))
            data.checkins.append(
                CheckIn(
                    date=day.isoformat(),
                    mood=mood,
                    energy=max(1, min(5, round(mood + rng.gauss(0, 0.8)))) if rng.random() < 0.95 else None,
                    stress=max(1, min(5, round(6 - mood + rng.gauss(0, 0.9)))) if rng.random() < 0.9 else None,
                    sleep_hours=round(sleep * 2) / 2 if rng.random() < 0.95 else None,
                    sleep_quality=max(1, min(5, round((sleep - 4) + rng.gauss(0, 0.7))))
                    if rng.random() < 0.9
                    else None,
                    note=rng.choice(_CHECKIN_NOTES) if rng.random() < 0.25 else "",
                    id=_id(rng),
                    created=stamp,
                    updated=stamp,
                )
            )
            if activity is not None and ((moved and rng.random() < 0.35) or rng.random() < 0.05):
                theme = rng.choice(_REFLECTIONS if moved else _REST_REFLECTIONS)
                stamp = _stamp(day, 21, rng.randint(0, 59))
                data.journal.append(
                    JournalEntry(
                        date=day.isoformat(),
                        text=_reflection_text(wording, theme, activity.kind),
                        activity_id=activity.id if moved else None,
                        id=_id(rng),
                        created=stamp,
                        updated=stamp,
                    )
                )
        data.activities.extend(week_plan.values())
    for a in data.activities:
        if a.day >= today:
            a.status = STATUS_PLANNED
    return data
