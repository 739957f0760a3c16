"""Names other apps give to movement ('Running', '🏃 jogging', 'trail_running'), as runmate's kinds."""

from __future__ import annotations

import re

from runmate.models import ACTIVITY_KINDS

NAMES: dict[str, str] = {
    **{kind: kind for kind in ACTIVITY_KINDS},
    "running": "run",
    "jog": "run",
    "jogging": "run",
    "walking": "walk",
    "hike": "walk",
    "hiking": "walk",
    "swimming": "swim",
    "cycling": "cycle",
    "bike": "cycle",
    "biking": "cycle",
    "bicycle": "cycle",
    "dancing": "dance",
    "stair climbing": "stairs",
    "gym": "strength",
    "weights": "strength",
    "workout": "strength",
    "stretching": "stretch",
    "pilates": "stretch",
    "gardening": "garden",
    "sport": "other",
    "sports": "other",
    "exercise": "other",
}


def movement_kind(name: str) -> str | None:
    """runmate's kind for an activity name from elsewhere, or None when it is not movement runmate knows.

    Case, emoji, underscores and extra words are ignored: 'Running', '🏃 running' and
    'trail_running' are all a run.
    """
    words = re.sub(r"[^a-z\- ]+", " ", name.lower().replace("_", " ")).split()
    whole = " ".join(words)
    if whole in NAMES:
        return NAMES[whole]
    for word in reversed(words):
        if word in NAMES:
            return NAMES[word]
    return None
