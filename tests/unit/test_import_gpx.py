"""GPX tracks from a watch or phone: done activities with start time, moving minutes and distance;
types, pauses, several tracks and files, ticking off a planned activity, and bad files."""

from __future__ import annotations

import datetime as dt
import io
import time
from pathlib import Path

import pytest

from runmate.cli import main
from runmate.models import PlannedActivity
from runmate.store import Store

TODAY = dt.date(2026, 3, 10)
START = dt.datetime(2026, 3, 2, 6, 30, tzinfo=dt.UTC)  # 07:30 in Berlin


@pytest.fixture(autouse=True)
def berlin(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def points(start: dt.datetime, seconds: int, *, lat: float = 52.5, step: float = 0.0003, pause: int = 0) -> str:
    """A point every 10 s moving about 33 m north (12 km/h); with ``pause`` seconds standing still half-way."""
    out, t, here = [], start, lat
    for i in range(seconds // 10 + 1):
        out.append(f'<trkpt lat="{here:.6f}" lon="13.4"><time>{t:%Y-%m-%dT%H:%M:%SZ}</time></trkpt>')
        if i == seconds // 20 and pause:
            for _ in range(pause // 10):
                t += dt.timedelta(seconds=10)
                out.append(f'<trkpt lat="{here:.6f}" lon="13.4"><time>{t:%Y-%m-%dT%H:%M:%SZ}</time></trkpt>')
        t += dt.timedelta(seconds=10)
        here += step
    return "".join(out)


def track(body: str, kind: str | None = None) -> str:
    type_tag = f"<type>{kind}</type>" if kind else ""
    return f"<trk><name>Morning</name>{type_tag}<trkseg>{body}</trkseg></trk>"


def gpx(*tracks: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">' + "".join(tracks) + "</gpx>"
    )


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(data_dir: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--data-dir", str(data_dir), "import", *args], out=out, err=err, today=TODAY)
    return code, out.getvalue(), err.getvalue()


def test_a_track_becomes_a_done_activity_in_local_time(store: Store, data_dir, tmp_path):
    path = write(tmp_path, "run.gpx", gpx(track(points(START, 30 * 60))))
    code, out, err = run(data_dir, str(path))
    assert code == 0, err
    (a,) = store.activities()
    assert (a.date, a.time, a.kind, a.status, a.minutes) == ("2026-03-02", "07:30", "run", "done", 30)
    assert a.distance_km == pytest.approx(6.0, abs=0.1)
    assert "Brought in 1 activity." in out


def test_types_pick_the_kind_else_the_activity_option(store: Store, data_dir, tmp_path):
    write(tmp_path, "a.gpx", gpx(track(points(START, 600), "walking")))
    write(tmp_path, "b.gpx", gpx(track(points(START + dt.timedelta(days=1), 600), "trail_running")))
    write(tmp_path, "c.gpx", gpx(track(points(START + dt.timedelta(days=2), 600), "9")))
    write(tmp_path, "d.gpx", gpx(track(points(START + dt.timedelta(days=3), 600))))
    code, _, err = run(data_dir, str(tmp_path), "--activity", "cycle")
    assert code == 0, err
    assert [a.kind for a in store.activities()] == ["walk", "run", "cycle", "cycle"]


def test_pauses_are_left_out_of_the_minutes(store: Store, data_dir, tmp_path):
    paused = points(START, 20 * 60, pause=10 * 60)
    # A second segment half an hour later: the gap between segments is not moving either.
    later = points(START + dt.timedelta(minutes=60), 10 * 60, lat=52.6)
    body = f"<trk><trkseg>{paused}</trkseg><trkseg>{later}</trkseg></trk>"
    assert run(data_dir, str(write(tmp_path, "p.gpx", gpx(body))))[0] == 0
    (a,) = store.activities()
    assert a.minutes == 30


def test_several_tracks_in_one_file(store: Store, data_dir, tmp_path):
    text = gpx(track(points(START, 600), "running"), track(points(START + dt.timedelta(hours=8), 1200), "walking"))
    assert run(data_dir, str(write(tmp_path, "two.gpx", text)))[0] == 0
    assert [(a.kind, a.minutes, a.time) for a in store.activities()] == [("run", 10, "07:30"), ("walk", 20, "15:30")]


def test_a_planned_activity_of_that_kind_is_ticked_off_and_the_same_file_twice_changes_nothing(
    store: Store, data_dir, tmp_path
):
    planned = PlannedActivity(date="2026-03-02", kind="run", minutes=25, warmup=5, time="07:00")
    store.add_activity(planned)
    path = write(tmp_path, "run.gpx", gpx(track(points(START, 30 * 60), "running")))
    code, out, _ = run(data_dir, str(path))
    assert code == 0 and "1 planned activity ticked off" in out
    (a,) = store.activities()
    assert a.id == planned.id and a.status == "done" and a.actual_minutes == 30 and a.minutes == 25
    assert a.time == "07:00" and a.distance_km is not None
    before = store.path.read_bytes()
    code, _, err = run(data_dir, str(path))
    assert code == 2 and "already here" in err
    assert store.path.read_bytes() == before


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (gpx(), "it holds no track"),
        (gpx(track('<trkpt lat="52.5" lon="13.4"></trkpt><trkpt lat="52.6" lon="13.4"></trkpt>')), "have no times"),
        (gpx(track("")), "it has no points"),
        ("<gpx><trk>", "not a GPX file runmate can read"),
    ],
)
def test_bad_files_are_reported_not_guessed(data_dir, tmp_path, text, words):
    code, out, err = run(data_dir, str(write(tmp_path, "bad.gpx", text)))
    assert code == 2 and out == ""
    assert words in err
    assert not data_dir.exists()


def test_one_bad_file_among_good_ones_blocks_unless_partial(store: Store, data_dir, tmp_path):
    write(tmp_path, "good.gpx", gpx(track(points(START, 600))))
    write(tmp_path, "bad.gpx", gpx())
    code, _, err = run(data_dir, str(tmp_path))
    assert code == 2 and "bad.gpx: it holds no track." in err
    code, out, _ = run(data_dir, str(tmp_path), "--partial")
    assert code == 0 and len(store.activities()) == 1 and "Brought in 1 activity." in out


def test_an_unknown_activity_option_is_refused(data_dir, tmp_path):
    path = write(tmp_path, "run.gpx", gpx(track(points(START, 600))))
    code, _, err = run(data_dir, str(path), "--activity", "skydiving")
    assert code == 2 and "--activity is one of" in err
