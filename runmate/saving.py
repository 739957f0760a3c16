"""What runmate does when a person saves something, shared by the screens and the command line.

No Textual here: the check-in screen and ``runmate checkin`` both call these functions, so a
check-in saved either way follows the same rules against the same store. ``today`` is always a
parameter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from runmate import insights
from runmate.edits import Edit
from runmate.models import CheckIn, Settings, parse_settings
from runmate.store import Store


@dataclass(frozen=True)
class CheckinSaved:
    """The outcome of saving a check-in.

    ``line`` is the one line back that fits the data ('' when it could not be worked out);
    ``safety_note`` is the calm note when it is due now (at most once a day), otherwise None.
    """

    checkin: CheckIn
    replaced: bool
    line: str
    safety_note: str | None

    def confirmation(self, today: dt.date) -> str:
        """'Saved your check-in for Wed 25 Nov: mood 4 (good).'"""
        return insights.saved_sentence(self.checkin, self.replaced, today)


def save_checkin(store: Store, day: dt.date | str, edit: Edit, today: dt.date, *, create: bool = True) -> CheckinSaved:
    """Apply ``edit`` to the check-in of ``day``, work out the line back and the safety note, and
    mark the note shown: one locked step of the store (``Store.step``), written once.

    Only the edit's fields are written (``Store.edit_checkin``: it raises Conflict, RecordGone or,
    when there is no check-in and ``create`` is false, NotFound, having written nothing).

    The note is due when the low-mood rule holds and it has not been shown yet ``today``; it is
    then marked shown (``Settings.safety_note_shown``) with the check-in, so two runmates saving at
    once show it only once. A damaged data file (``DataFileError``) and a busy one
    (``LockTimeout``) propagate, with nothing written.
    """
    with store.step():
        saved, replaced = store.edit_checkin(day, edit, create=create)
        checkins = store.checkins()
        line = insights.line_back(saved, store.activities(saved.day, saved.day), today)
        settings = store.settings()
        if not insights.should_show_safety_note(checkins, today, settings.safety_note_shown):
            return CheckinSaved(saved, replaced, line, None)
        pattern = insights.low_mood_pattern(checkins, today)
        assert pattern is not None  # should_show_safety_note said the rule holds
        stamp = today.isoformat()
        claimed: list[bool] = []

        def mark(current: Settings) -> None:
            claimed.append(current.safety_note_shown != stamp)
            current.safety_note_shown = stamp

        latest = store.update_settings(mark)
    if not claimed[0]:
        return CheckinSaved(saved, replaced, line, None)
    return CheckinSaved(saved, replaced, line, insights.safety_note_for(pattern, latest))


# The questions of the first-run welcome, in order: its answers are settings fields.
WELCOME_FIELDS = ("name", "goal_days", "support_contact", "country")


def welcome_edit(current: Settings, answers: dict[str, str]) -> Edit:
    """The welcome's answers as an edit of the settings: only the fields filled in, and that the
    welcome was seen. Raises ValidationError (every problem at once) for an answer that can't be kept.

    ``current`` is the settings as the welcome opened on them; a field left empty is not written,
    so a name saved from another window meanwhile stays.
    """
    filled = {name: answers.get(name, "").strip() for name in WELCOME_FIELDS}
    filled = {name: value for name, value in filled.items() if value}
    chosen = parse_settings(current, **filled)
    base = {name: getattr(current, name) for name in filled} | {"welcomed": current.welcomed}
    return Edit.from_form(base, {name: getattr(chosen, name) for name in filled} | {"welcomed": True})
