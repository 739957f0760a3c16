"""GPX tracks from a watch or phone, as done activities (read with gpxpy).

Each track becomes a done activity on the day it started, at its start time in the local time
zone, with its moving minutes (pauses left out) and its distance. Its kind comes from the track's
type when that names one runmate knows ('running', 'Walking', 'trail_running'), else from
``--activity`` (run by default). A file without times, or without a track, is reported, not guessed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from runmate.exchange.incoming import Incoming
from runmate.exchange.kinds import movement_kind
from runmate.models import (
    ACTIVITY_KINDS,
    MINUTES_RANGE,
    STATUS_DONE,
    FieldError,
    PlannedActivity,
    ValidationError,
    now_iso,
)
from runmate.textsafe import visible
from runmate.validation import DATE_RANGE, DISTANCE_RANGE

_NAMESPACE = uuid.UUID("0d9f1f5e-22c4-4c0e-8f53-3a8a5b9e6c42")


def looks_like(raw: bytes) -> bool:
    return b"<gpx" in raw[:2000]


def default_kind(text: str | None) -> str:
    """The kind given to --activity (run when not given); raises ValidationError naming it."""
    kind = "run" if text is None else text.strip().lower()
    if kind not in ACTIVITY_KINDS:
        raise ValidationError([FieldError("--activity", "--activity is one of: " + ", ".join(ACTIVITY_KINDS) + ".")])
    return kind


def _track(label: str, track, default: str, stamp: str) -> dict | str:
    """A done activity's record for one track, or what is wrong with it (in words)."""
    bounds = track.get_time_bounds()
    start = bounds.start_time
    if start is None:
        if not any(s.points for s in track.segments):
            return f"{label}: it has no points"
        return f"{label}: its points have no times, so runmate can't tell when it was"
    if start.tzinfo is None:
        start = start.replace(tzinfo=dt.UTC)  # GPX times are UTC
    local = start.astimezone()
    if not DATE_RANGE[0] <= local.date() <= DATE_RANGE[1]:
        return f"{label}: it starts on {local.date().isoformat()}, outside the years runmate keeps"
    moving = track.get_moving_data()
    seconds = moving.moving_time if moving else 0
    if not seconds:
        return f"{label}: it holds no movement"
    minutes = max(1, round(seconds / 60))
    if minutes > MINUTES_RANGE[1]:
        return f"{label}: it is {minutes} minutes long, more than a day"
    km = round((moving.moving_distance or 0) / 1000, 2)
    if not DISTANCE_RANGE[0] <= km <= DISTANCE_RANGE[1]:
        return f"{label}: it is {km:.0f} km long, more than runmate keeps"
    kind = movement_kind(track.type or "") or default
    record = PlannedActivity(
        date=local.date().isoformat(),
        kind=kind,
        minutes=minutes,
        warmup=0,
        time=f"{local:%H:%M}",
        status=STATUS_DONE,
        distance_km=km or None,
        id=uuid.uuid5(_NAMESPACE, start.astimezone(dt.UTC).isoformat()).hex,
        created=stamp,
        updated=stamp,
    )
    return record.to_dict()


def read_files(files: list[tuple[Path, bytes]], *, default_kind: str) -> Incoming:
    """The tracks of every file as done activities, and what is wrong with the ones left out."""
    import gpxpy
    import gpxpy.gpx

    incoming = Incoming()
    stamp = now_iso()
    for path, raw in files:
        name = visible(path.name, 60)
        try:
            parsed = gpxpy.parse(raw.decode("utf-8-sig", errors="replace"))
        except (gpxpy.gpx.GPXException, ValueError) as error:
            incoming.problems.append(f"{name}: it is not a GPX file runmate can read ({visible(error, 80)}).")
            continue
        if not parsed.tracks:
            incoming.problems.append(f"{name}: it holds no track.")
            continue
        for number, track in enumerate(parsed.tracks, start=1):
            label = name if len(parsed.tracks) == 1 else f"{name}, track {number}"
            result = _track(label, track, default_kind, stamp)
            if isinstance(result, str):
                incoming.problems.append(result + ".")
            else:
                incoming.tracks.append(result)
    return incoming
