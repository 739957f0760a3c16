"""GPX tracks from a watch or phone, as done activities (read with gpxpy).

Each track becomes a done activity on the day it started, at its start time in the local time
zone, with its moving minutes (pauses left out) and its distance. Its kind comes from the track's
type when that names one runmate knows ('running', 'Walking', 'trail_running'), else from
``--activity`` (run by default). A file without times, or without a track, is reported, not guessed.
"""

from __future__ import annotations

import datetime as dt
import math
import re
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


# The largest GPX file read: the GPX reader takes about 20 times a file's size in memory and 0.2 s
# a megabyte, and runmate keeps no track longer than a day.
MAX_BYTES = 32 * 10**6

# Real GPX files declare a handful of namespaces (GPX itself, Garmin's extensions, xsi...) and
# one schema location.
MAX_NAMESPACES = 64
MAX_SCHEMA_LOCATIONS = 8
_DECLARATION = re.compile(rb"""xmlns(?::[^\s=<>]{0,128})?\s{0,16}=\s{0,16}(["'])[^"'<>]{0,4096}\1""", re.IGNORECASE)
_SCHEMA_LOCATION = re.compile(rb'xsi:schemaLocation="[^"<>]{0,65536}"', re.IGNORECASE)


def hostile_problem(raw: bytes) -> str | None:
    """Why ``raw`` is kept from the GPX reader, in words, or None. Checked in time linear in the
    size of the file, so that what the reader does next stays linear too:

    - a document type (DOCTYPE, ENTITY): GPX has none, and entities can make a small file huge;
    - more than MAX_NAMESPACES ``xmlns``, or one after a space that is not a whole, short
      declaration; the same for ``xsi:schemaLocation``: gpxpy finds these with patterns (and
      registers each namespace) in time that grows with the square of their number and length.
    """
    lowered = raw.lower()
    if b"<!doctype" in lowered or b"<!entity" in lowered:
        return "it declares a document type or entities, which GPX files never do"
    count = lowered.count(b"xmlns")
    if count > MAX_NAMESPACES:
        return f"it declares {count:,} XML namespaces, far more than a GPX file has"
    if lowered.count(b"xsi:schemalocation") > MAX_SCHEMA_LOCATIONS:
        return "it gives its schema locations far more often than a GPX file does"
    for word, pattern in ((b"xmlns", _DECLARATION), (b"xsi:schemalocation", _SCHEMA_LOCATION)):
        at = lowered.find(word)
        while at != -1:
            if at > 0 and raw[at - 1 : at].isspace() and not pattern.match(raw, at):
                return "it has an XML namespace declaration that is not whole"
            at = lowered.find(word, at + len(word))
    return None


def _point_problem(track) -> str | None:
    """What is wrong with the points of ``track`` (a place not on Earth), or None. An elevation
    that is not a number (inf, nan) is left out; runmate does not use elevations."""
    for segment in track.segments:
        for point in segment.points:
            lat, lon = point.latitude, point.longitude
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):  # False for nan too
                return f"a point is not on Earth (latitude {visible(lat, 20)}, longitude {visible(lon, 20)})"
            if point.elevation is not None and not math.isfinite(point.elevation):
                point.elevation = None
    return None


def default_kind(text: str | None) -> str:
    """The kind given to --activity (run when not given); raises ValidationError naming it."""
    kind = "run" if text is None else text.strip().lower()
    if kind not in ACTIVITY_KINDS:
        raise ValidationError([FieldError("--activity", "--activity is one of: " + ", ".join(ACTIVITY_KINDS) + ".")])
    return kind


def _track(label: str, track, default: str, stamp: str) -> dict | str:
    """A done activity's record for one track, or what is wrong with it (in words)."""
    problem = _point_problem(track)
    if problem:
        return f"{label}: {problem}"
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
        if len(raw) > MAX_BYTES:
            incoming.problems.append(
                f"{name}: it is {len(raw) / 1e6:,.0f} MB; runmate reads GPX files of up to {MAX_BYTES // 10**6} MB "
                "(a day of one-second points with heart rate and cadence is about 20 MB)."
            )
            continue
        hostile = hostile_problem(raw)
        if hostile:
            incoming.problems.append(f"{name}: it is not a GPX file runmate can read ({hostile}).")
            continue
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
            try:
                result = _track(label, track, default_kind, stamp)
            except (ValueError, OverflowError, ZeroDivisionError) as error:  # arithmetic on odd values
                result = f"{label}: runmate can't work out its time or distance ({visible(error, 80)})"
            if isinstance(result, str):
                incoming.problems.append(result + ".")
            else:
                incoming.tracks.append(result)
    return incoming
