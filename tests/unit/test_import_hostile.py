"""Files that used to crash an import or make it hang: GPX points not on Earth, XML built to make
the GPX reader slow, and json (an export or the data file) nested deeper than runmate can write
back. Each is refused with a clear line, in time proportional to its size, and nothing is written."""

from __future__ import annotations

import time

import pytest

from runmate.models import CheckIn
from runmate.store import Store
from tests.unit.test_import_gpx import START, gpx, points, run, track, write

GARMIN_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<gpx creator="Garmin Connect" version="1.1" xmlns="http://www.topografix.com/GPX/1/1"\n'
    '  xmlns:ns3="http://www.garmin.com/xmlschemas/TrackPointExtension/v1"\n'
    '  xmlns:ns2="http://www.garmin.com/xmlschemas/GpxExtensions/v3"\n'
    '  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n'
    '  xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">'
)


def test_a_garmin_file_with_its_namespaces_still_comes_in(store: Store, data_dir, tmp_path):
    path = write(tmp_path, "garmin.gpx", GARMIN_HEAD + track(points(START, 20 * 60), "running") + "</gpx>")
    code, _, err = run(data_dir, str(path))
    assert code == 0, err
    assert [a.minutes for a in store.activities()] == [20]


@pytest.mark.parametrize(
    ("lat", "lon"),
    [
        ("inf", "13.4"),
        ("-inf", "13.4"),
        ("nan", "13.4"),
        ("52.5", "inf"),
        ("52.5", "-inf"),
        ("1e308", "0"),
        ("91", "0"),
    ],
)
def test_a_point_not_on_earth_is_reported_not_a_crash(store: Store, data_dir, tmp_path, lat, lon):
    bad_point = f'<trkpt lat="{lat}" lon="{lon}"><time>2026-03-02T06:29:50Z</time></trkpt>'
    path = write(tmp_path, "odd.gpx", gpx(track(bad_point + points(START, 20 * 60))))
    code, _, err = run(data_dir, str(path))
    assert code == 2 and "odd.gpx: a point is not on Earth" in err and "Traceback" not in err
    assert not store.path.exists()
    good = write(tmp_path, "good.gpx", gpx(track(points(START, 10 * 60))))
    code, _, err = run(data_dir, "--partial", str(path), str(good))
    assert code == 0, err
    assert [a.minutes for a in store.activities()] == [10]


def test_an_elevation_that_is_not_a_number_is_left_out(store: Store, data_dir, tmp_path):
    body = points(START, 20 * 60).replace("<time>", "<ele>inf</ele><time>", 3)
    path = write(tmp_path, "ele.gpx", gpx(track(body)))
    code, _, err = run(data_dir, str(path))
    assert code == 0, err
    assert [a.minutes for a in store.activities()] == [20]


SIZE = 240_000


def _repeated(piece: str, head: str = '<gpx version="1.1" creator="x"', tail: str = "></gpx>") -> str:
    return head + piece * (SIZE // len(piece)) + tail


HOSTILE = {
    "declared namespaces, each new": '<gpx version="1.1" creator="x"'
    + "".join(f' xmlns:a{i}="u{i}"' for i in range(SIZE // 16))
    + "></gpx>",
    "the same namespace again and again": _repeated(' xmlns="u"'),
    "xmlns with no value": _repeated(" xmlns", tail="></gpx>"),
    "one xmlns, then nothing": '<gpx version="1.1" creator="x" xmlns' + " " * SIZE + "></gpx>",
    "a namespace value never closed": '<gpx version="1.1" xmlns="' + "u" * SIZE + "></gpx>",
    "schema locations never closed": _repeated(' xsi:schemaLocation="u'),
    "a document type": '<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "aaaaaaaaaa">]><gpx>&a;</gpx>',
}


@pytest.mark.parametrize("shape", HOSTILE, ids=list(HOSTILE))
def test_xml_made_to_slow_the_gpx_reader_is_refused_at_once(store: Store, data_dir, tmp_path, shape):
    path = write(tmp_path, "slow.gpx", HOSTILE[shape])
    started = time.perf_counter()
    code, _, err = run(data_dir, str(path))
    took = time.perf_counter() - started
    assert code == 2 and "slow.gpx: it is not a GPX file runmate can read" in err, err
    assert took < 1.0, f"{shape}: {took:.2f} s for {len(HOSTILE[shape]) / 1e6:.2f} MB"
    assert not store.path.exists()


# -- json nested deeper than runmate writes ------------------------------------------------------


def _nested(levels: int) -> object:
    value: object = "bottom"
    for _ in range(levels):
        value = [value]
    return value


def _data_file(data_dir, table: str, levels: int) -> bytes:
    import orjson

    data_dir.mkdir(mode=0o700)
    record = CheckIn(date="2026-03-02", mood=3, id="c1").to_dict()
    doc = {"_meta": {"1": {"schema": 2}}, "checkins": {"1": record}}
    deep = _nested(levels)
    if table == "checkins":
        record["extra"] = deep
    else:
        doc[table] = {"1": {"extra": deep}}
    raw = orjson.dumps(doc) if levels < 250 else _dumps_deep(doc)
    (data_dir / "runmate.json").write_bytes(raw)
    return raw


def _dumps_deep(doc) -> bytes:
    import json

    return json.dumps(doc).encode()


@pytest.mark.parametrize("table", ["checkins", "_meta", "from_a_newer_runmate"])
@pytest.mark.parametrize("levels", [40, 255, 2000])
def test_a_data_file_nested_too_deep_is_refused_on_read(data_dir, table, levels):
    import io
    import sys

    from runmate.cli import main

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))  # json.dumps of the test file
    raw = _data_file(data_dir, table, levels)
    for argv in (["checkin", "--date", "2026-03-03", "--mood", "4"], ["checkin", "list"], ["status"]):
        err = io.StringIO()
        code = main(["--data-dir", str(data_dir), *argv], out=io.StringIO(), err=err)
        assert code == 1, (argv, err.getvalue())
        assert "nested more than 32 levels deep" in err.getvalue()
    assert (data_dir / "runmate.json").read_bytes() == raw


def test_nesting_runmate_can_write_back_is_kept(data_dir):
    _data_file(data_dir, "checkins", 20)
    Store(data_dir).save_checkin(CheckIn(date="2026-03-03", mood=4))
    assert [c.mood for c in Store(data_dir).checkins()] == [3, 4]


@pytest.mark.parametrize("levels", [255, 2000])
def test_an_imported_json_nested_too_deep_is_refused(store: Store, data_dir, tmp_path, levels):
    import json
    import sys

    import orjson

    from runmate.exchange import json as export_json
    from tests.unit.exchange_data import sample

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    doc = orjson.loads(export_json.render(sample()))
    doc["journal"][0]["extra"] = _nested(levels)
    path = tmp_path / "deep.json"
    path.write_text(json.dumps(doc))
    code, _, err = run(data_dir, str(path))
    assert code == 2 and "Traceback" not in err
    assert "nested more than 32 levels deep" in err or "far deeper than a runmate export" in err
    assert not store.path.exists()
    if levels == 255:  # the rest of the file can still come in
        code, _, err = run(data_dir, "--partial", str(path))
        assert code == 0, err
        assert len(store.journal()) == len(sample().journal) - 1
        store.save_checkin(CheckIn(date="2026-03-20", mood=4))
