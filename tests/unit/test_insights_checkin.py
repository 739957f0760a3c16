"""insights: the low-mood safety rule, the sleep hint and the one line back after a check-in."""

from __future__ import annotations

import datetime as dt

import pytest

from runmate import insights
from runmate.models import CheckIn, PlannedActivity

TODAY = dt.date(2026, 11, 25)  # a Wednesday


def ago(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


def checkins(moods_by_days_ago: dict[int, int]) -> list[CheckIn]:
    return [CheckIn(date=ago(d), mood=m) for d, m in moods_by_days_ago.items()]


# --- the safety rule --------------------------------------------------------------------------


def test_four_low_of_seven_does_not_hold():
    data = checkins({0: 2, 1: 1, 2: 3, 3: 2, 4: 4, 5: 1, 6: 3})
    assert insights.low_mood_pattern(data, TODAY) is None


def test_five_low_of_seven_holds():
    data = checkins({0: 2, 1: 1, 2: 3, 3: 2, 4: 4, 5: 1, 6: 2})
    assert insights.low_mood_pattern(data, TODAY) == insights.LowMoodPattern(low=5, of=7)


def test_only_the_last_seven_count():
    # 5 low moods, but the 8th and 9th most recent are outside the last 7: 3 of 7 low.
    data = checkins({0: 2, 1: 4, 2: 4, 3: 4, 4: 4, 5: 1, 6: 2, 7: 1, 8: 1})
    assert insights.low_mood_pattern(data, TODAY) is None


def test_fewer_than_five_checkins_never_hold():
    assert insights.low_mood_pattern(checkins({0: 1, 1: 1, 2: 1, 3: 1}), TODAY) is None
    assert insights.low_mood_pattern([], TODAY) is None


def test_five_or_six_checkins_all_low_hold():
    assert insights.low_mood_pattern(checkins({0: 1, 2: 2, 4: 1, 6: 2, 8: 1}), TODAY) == insights.LowMoodPattern(5, 5)
    assert insights.low_mood_pattern(checkins({0: 1, 1: 3, 2: 2, 4: 1, 6: 2, 8: 1}), TODAY) == insights.LowMoodPattern(
        5, 6
    )


def test_one_of_the_seven_older_than_14_days_does_not_hold():
    # 14 days ago is outside "the past 14 days" (today and the 13 days before).
    data = checkins({0: 1, 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 14: 1})
    assert insights.low_mood_pattern(data, TODAY) is None


def test_thirteen_days_ago_is_still_within_the_14_days():
    data = checkins({0: 1, 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 13: 1})
    assert insights.low_mood_pattern(data, TODAY) == insights.LowMoodPattern(7, 7)


def test_an_old_checkin_beyond_the_last_seven_does_not_matter():
    data = checkins({0: 1, 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 3, 30: 5})
    assert insights.low_mood_pattern(data, TODAY) == insights.LowMoodPattern(6, 7)


def test_all_five_recent_checkins_must_be_recent():
    # Only 5 check-ins, one of them 20 days ago: not "all within the past 14 days".
    assert insights.low_mood_pattern(checkins({0: 1, 1: 1, 2: 1, 3: 1, 20: 1}), TODAY) is None


def test_checkins_after_today_are_ignored():
    data = [*checkins({0: 1, 1: 1, 2: 1, 3: 1, 4: 1}), CheckIn(date=ago(-1), mood=5), CheckIn(date=ago(-2), mood=5)]
    assert insights.low_mood_pattern(data, TODAY) == insights.LowMoodPattern(5, 5)


def test_judged_on_the_given_today():
    data = checkins({0: 1, 1: 1, 2: 1, 3: 1, 4: 1})
    assert insights.low_mood_pattern(data, TODAY + dt.timedelta(days=9)) is not None  # 9 to 13 days before
    assert insights.low_mood_pattern(data, TODAY + dt.timedelta(days=10)) is None  # the oldest is 14 days old


def test_mood_three_is_not_low():
    assert insights.low_mood_pattern(checkins({0: 3, 1: 3, 2: 3, 3: 3, 4: 3}), TODAY) is None


def test_shown_at_most_once_a_day():
    data = checkins({0: 1, 1: 1, 2: 1, 3: 1, 4: 1})
    assert insights.should_show_safety_note(data, TODAY, None)
    assert insights.should_show_safety_note(data, TODAY, ago(1))
    assert not insights.should_show_safety_note(data, TODAY, TODAY.isoformat())
    assert not insights.should_show_safety_note(checkins({0: 1, 1: 1, 2: 1, 3: 1}), TODAY, None)


def test_safety_note_words():
    text = insights.safety_note(insights.LowMoodPattern(5, 7))
    assert text == (
        "Your mood was low on 5 of your last 7 check-ins. You don't have to carry this alone: "
        "please talk to your doctor or someone you trust. In an emergency, call your local emergency number."
    )
    with_contact = insights.safety_note(insights.LowMoodPattern(6, 7), "  Dr Lee, 020 7946 0000 ")
    assert with_contact.endswith(
        "someone you trust. Your support contact: Dr Lee, 020 7946 0000. "
        "In an emergency, call your local emergency number."
    )


# --- the sleep hint ---------------------------------------------------------------------------


def test_previous_sleep_is_the_latest_before_the_day_with_hours():
    data = [
        CheckIn(date=ago(5), mood=3, sleep_hours=8.0),
        CheckIn(date=ago(3), mood=3, sleep_hours=6.5),
        CheckIn(date=ago(2), mood=3),  # no hours
        CheckIn(date=ago(0), mood=3, sleep_hours=9.0),  # the day itself does not count
    ]
    assert insights.previous_sleep(data, TODAY).sleep_hours == 6.5
    assert insights.previous_sleep(data, TODAY - dt.timedelta(days=3)).sleep_hours == 8.0
    assert insights.previous_sleep(data, TODAY - dt.timedelta(days=5)) is None


# --- words ------------------------------------------------------------------------------------


def test_saved_sentence():
    c = CheckIn(date=TODAY.isoformat(), mood=4, energy=3, sleep_hours=7.5)
    assert insights.saved_sentence(c, False, TODAY) == (
        "Saved your check-in for Wed 25 Nov: mood 4 (good), energy 3 (okay), sleep 7.5 h."
    )
    assert insights.saved_sentence(c, True, TODAY).startswith("Updated your check-in for Wed 25 Nov: ")


# --- the line back ----------------------------------------------------------------------------


def plan(kind: str, minutes: int = 20, *, status: str = "planned", time: str | None = None, day: str | None = None):
    a = PlannedActivity(date=day or TODAY.isoformat(), kind=kind, minutes=minutes, time=time)
    a.status = status
    return a


def line(activities=(), **values) -> str:
    values.setdefault("mood", 3)
    return insights.line_back(CheckIn(date=values.pop("date", TODAY.isoformat()), **values), list(activities), TODAY)


def test_low_energy_without_a_plan_suggests_an_easy_walk():
    assert "easy 10-minute walk" in line(energy=2)


def test_plan_is_mentioned_with_its_label():
    text = line([plan("walk-run", 25, time="07:30")], energy=4, mood=4)
    assert text.startswith("Planned for today: Walk/run intervals, 25 min at 07:30.")


def test_plan_with_low_energy_offers_an_easy_walk_or_rest():
    text = line([plan("run", 30)], energy=1)
    assert text.startswith("Planned for today: Run, 30 min.")
    assert "easy walk counts too" in text and "rest day" in text


def test_plan_after_a_short_night():
    assert "After a short night" in line([plan("yoga")], energy=3, sleep_hours=5.0)


def test_plan_on_another_day_is_not_mentioned():
    text = line([plan("swim", day=ago(1))], energy=4)
    assert "Swimming" not in text


def test_done_today():
    assert line([plan("dance", status="done")]) == "Already done today: Dancing. Well done."


def test_rest_day_is_not_mentioned_as_a_plan():
    assert "Planned" not in line([plan("run", status="rest")])


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"mood": 1}, "hard morning"),
        ({"stress": 5}, "ease stress"),
        ({"mood": 5, "energy": 4}, "Good energy today"),
        ({"sleep_hours": 4.5}, "A short night"),
        ({}, "Thanks for checking in"),
    ],
)
def test_lines_fit_the_data(values, expected):
    assert expected in line(**values)


def test_a_past_day_is_only_thanked():
    text = line([plan("run", day=ago(1))], date=ago(1), energy=1)
    assert text.startswith("Thanks for filling in Tue 24 Nov")


def test_lines_never_diagnose():
    samples = [line(**v) for v in ({"mood": 1}, {"energy": 1}, {"stress": 5}, {"mood": 5, "energy": 5})]
    samples.append(insights.safety_note(insights.LowMoodPattern(7, 7), "Sam"))
    for text in samples:
        lowered = text.lower()
        for word in ("depress", "disorder", "symptom", "diagnos", "cure", "failed", "missed"):
            assert word not in lowered


# --- the dashboard's line for today -------------------------------------------------------------


def test_today_line_fits_the_day():
    walk = PlannedActivity(date=TODAY.isoformat(), kind="walk", minutes=20)
    done = PlannedActivity(date=TODAY.isoformat(), kind="run", minutes=20, status="done")
    morning = CheckIn(date=TODAY.isoformat(), mood=2, energy=1)
    # With today's check-in: the same line as after the check-in.
    assert insights.today_line(morning, [walk], TODAY, 0, 3) == insights.line_back(morning, [walk], TODAY)
    # Without one: today's plan, then what was done, then the week.
    assert insights.today_line(None, [walk], TODAY, 0, 3).startswith("Planned for today: Walk, 20 min.")
    assert insights.today_line(None, [walk, done], TODAY, 1, 3) == "You've moved today. Well done."
    assert insights.today_line(None, [], TODAY, 3, 3) == "This week's goal is met. Rest days count too."
    assert insights.today_line(None, [], TODAY, 1, 3) == "A short walk counts, and so does a rest day."
    # An old check-in or another day's plan says nothing about today.
    other = PlannedActivity(date=ago(1), kind="walk", minutes=20)
    old = CheckIn(date=ago(1), mood=5)
    assert insights.today_line(old, [other], TODAY, 1, 3) == "A short walk counts, and so does a rest day."
