"""The lock: two writers never both hold it, whatever happens to the lock file (deleted or
replaced while a runmate holds it, a holder that is stopped); reading works where the lock file
can't be written, and a write there is refused in one line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from runmate.models import CheckIn
from runmate.store import Store
from runmate.store.errors import LockTimeout
from runmate.store.lock import Lock

# Reads the check-ins under the lock, says so, stops itself (SIGSTOP) and, once continued, adds a
# check-in to what it read: a second writer that got in meanwhile would be written over.
HOLDER = textwrap.dedent(
    """
    import os, signal, sys
    from runmate.models import CheckIn
    from runmate.store import Store

    def op(tx):
        tx.all("checkins")
        open(sys.argv[2], "w").close()
        os.kill(os.getpid(), signal.SIGSTOP)
        tx.insert("checkins", CheckIn(date="2026-01-01", mood=2).to_dict())

    Store(sys.argv[1]).write(op)
    """
)


def _wait_for(path: Path, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while not path.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.01)


def _stopped(pid: int) -> bool:
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()[0] == "T"


@pytest.mark.parametrize("what", ["deleted", "replaced"])
def test_a_lock_file_deleted_under_a_stopped_holder_lets_no_second_writer_in(data_dir, tmp_path, what):
    store = Store(data_dir)
    store.save_checkin(CheckIn(date="2025-12-31", mood=3))
    ready = tmp_path / "held"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(data_dir), str(ready)])
    second = None
    try:
        _wait_for(ready, holder)
        deadline = time.monotonic() + 10
        while not _stopped(holder.pid):
            assert time.monotonic() < deadline
            time.sleep(0.01)
        lock = data_dir / "runmate.json.lock"
        if what == "deleted":
            lock.unlink()
        else:
            other = tmp_path / "other.lock"
            other.write_bytes(b"0" * 20 + b"\n")
            os.replace(other, lock)
        second = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "runmate",
                "--data-dir",
                str(data_dir),
                "checkin",
                "--date",
                "2026-01-02",
                "--mood",
                "4",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        time.sleep(1.0)
        assert second.poll() is None, "a second runmate wrote while the first held the lock"
        os.kill(holder.pid, signal.SIGCONT)
        assert holder.wait(30) == 0
        _out, err = second.communicate(timeout=30)
        assert second.returncode == 0, err
    finally:
        for proc in (holder, second):
            if proc is not None and proc.poll() is None:
                os.kill(proc.pid, signal.SIGCONT)
                proc.kill()
                proc.wait()
    assert sorted(c.date for c in Store(data_dir).checkins()) == ["2025-12-31", "2026-01-01", "2026-01-02"]


def test_a_lock_taken_on_a_file_deleted_meanwhile_is_taken_again(tmp_path, monkeypatch):
    """Where a folder can't be locked, the lock file alone: a runmate that waited on a file that
    was deleted before it got it locks the file the name leads to now."""
    monkeypatch.setattr(Lock, "_lock_folder", lambda self, deadline, limit: None, raising=False)
    path = tmp_path / "runmate.json.lock"
    holder = Lock(path)
    holder.acquire()
    waiter = Lock(path)
    thread = threading.Thread(target=waiter.acquire, daemon=True)
    thread.start()
    time.sleep(0.2)  # the waiter has opened the file and waits for it
    path.unlink()
    holder.release()
    thread.join(10)
    assert waiter.fd is not None
    try:
        assert os.fstat(waiter.fd).st_ino == os.stat(path).st_ino
        third = Lock(path)
        with pytest.raises(LockTimeout):
            third.acquire(timeout=0.1)
    finally:
        waiter.release()


# -- a folder runmate may read but not write in ------------------------------------------------------


def _can_mount_read_only() -> bool:
    try:
        proc = subprocess.run(["unshare", "-rm", "true"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return proc.returncode == 0


def _read_only_mount(data_dir: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """runmate ARGV with ``data_dir`` on a read-only bind mount (in a mount namespace of its own)."""
    import shlex

    d = shlex.quote(str(data_dir))
    command = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "runmate", "--data-dir", str(data_dir), *argv])
    script = f"mount --bind {d} {d} && mount -o remount,bind,ro {d} && exec {command}"
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, timeout=60, check=False
    )


def _as_nobody(data_dir: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """runmate ARGV as the user nobody (root can write in any folder; nobody can't)."""
    return subprocess.run(
        [
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            sys.executable,
            "-m",
            "runmate",
            "--data-dir",
            str(data_dir),
            *argv,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


READS = [
    (("status",), "mood 3"),
    (("checkin", "show", "2026-01-05"), "3"),
    (("export", "--format", "csv", "--kind", "checkins"), "2026-01-05,3"),
    (("journal", "list"), "Nothing written yet"),
    (("backup", "list"), "No copies yet"),
]


def _filled(data_dir: Path, with_lock_file: bool) -> bytes:
    import datetime as dt

    Store(data_dir).save_checkin(CheckIn(date=dt.date.today().isoformat(), mood=3))
    Store(data_dir).save_checkin(CheckIn(date="2026-01-05", mood=3))
    if not with_lock_file:
        (data_dir / "runmate.json.lock").unlink()
    return (data_dir / "runmate.json").read_bytes()


@pytest.mark.parametrize("with_lock_file", [True, False], ids=["lock-file", "no-lock-file"])
def test_a_read_only_mount_can_be_read_and_a_write_is_refused_in_one_line(data_dir, with_lock_file):
    if not _can_mount_read_only():
        pytest.skip("no mount namespaces here")
    before = _filled(data_dir, with_lock_file)
    for argv, words in READS:
        proc = _read_only_mount(data_dir, *argv)
        assert proc.returncode == 0, (argv, proc.stderr)
        assert words in proc.stdout, (argv, proc.stdout)
    for argv in (("checkin", "--date", "2026-01-06", "--mood", "4"), ("backup", "create")):
        proc = _read_only_mount(data_dir, *argv)
        assert proc.returncode == 1, (argv, proc.stderr)
        assert proc.stderr.count("\n") == 1 and "can't write in" in proc.stderr and "Traceback" not in proc.stderr
    assert (data_dir / "runmate.json").read_bytes() == before


@pytest.fixture
def nobodys_folder():
    import shutil
    import tempfile

    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("needs root to run runmate as another user")
    base = Path(tempfile.mkdtemp(prefix="runmate-nobody-"))
    os.chmod(base, 0o755)
    try:
        yield base / "data"
    finally:
        shutil.rmtree(base)


def test_a_folder_without_write_permission_can_be_read_and_a_write_is_refused(nobodys_folder):
    data_dir = nobodys_folder
    before = _filled(data_dir, with_lock_file=False)
    for path in (data_dir, *data_dir.iterdir()):
        os.chown(path, 65534, 65534)
    os.chmod(data_dir, 0o500)
    for argv, words in READS:
        proc = _as_nobody(data_dir, *argv)
        assert proc.returncode == 0, (argv, proc.stderr)
        assert words in proc.stdout, (argv, proc.stdout)
    proc = _as_nobody(data_dir, "checkin", "--date", "2026-01-06", "--mood", "4")
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "can't write in" in proc.stderr
    assert (data_dir / "runmate.json").read_bytes() == before


def test_status_says_nothing_rather_than_wait_for_a_stopped_holder(data_dir, tmp_path):
    import datetime as dt

    Store(data_dir).save_checkin(CheckIn(date=dt.date.today().isoformat(), mood=4))
    status = [sys.executable, "-m", "runmate", "--data-dir", str(data_dir), "status"]
    assert "mood 4" in subprocess.run(status, capture_output=True, text=True, timeout=60, check=True).stdout
    ready = tmp_path / "held"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(data_dir), str(ready)])
    try:
        _wait_for(ready, holder)
        started = time.monotonic()
        proc = subprocess.run(status, capture_output=True, text=True, timeout=5, check=False)
        took = time.monotonic() - started
    finally:
        os.kill(holder.pid, signal.SIGCONT)
        holder.wait(30)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")
    assert took < 1.5, f"status waited {took:.2f} s"  # the process's start, and 0.2 s for the lock
