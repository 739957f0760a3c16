"""The data folder is runmate's alone: links, pipes, shared folders and files of other users.

runmate never reads or writes through a symbolic link, never changes the mode of a file it did
not make, never waits on a named pipe, and leaves a folder shared on purpose (sticky, like /tmp)
exactly as it is, saying so.
"""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from runmate.cli import main
from runmate.models import CheckIn
from runmate.store import DataFileError, LockTimeout, Store
from runmate.store import lock as lock_module

posix_only = pytest.mark.skipif(os.name != "posix", reason="symbolic links, pipes and modes as on POSIX")
pytestmark = posix_only

TODAY_ARGS = ["checkin", "--mood", "3", "--date", "2026-11-25"]


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def cli(data_dir: Path, *argv: str) -> tuple[int, str, str]:
    import datetime as dt

    out, err = io.StringIO(), io.StringIO()
    status = main(["--data-dir", str(data_dir), *argv], out=out, err=err, today=dt.date(2026, 11, 25))
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A file of the user's that has nothing to do with runmate, readable by others."""
    target = tmp_path / "elsewhere" / "notes.txt"
    target.parent.mkdir()
    target.write_text("my own notes\n")
    target.chmod(0o644)
    return target


# --- symbolic links -----------------------------------------------------------------------------


def test_a_data_file_that_is_a_link_is_refused_and_neither_it_nor_its_target_changes(data_dir, elsewhere):
    data_dir.mkdir(mode=0o700)
    link = data_dir / "runmate.json"
    link.symlink_to(elsewhere)
    status, out, err = cli(data_dir, *TODAY_ARGS)
    assert status == 1 and out == ""
    assert f"The data file {link} can't be read: it is a symbolic link" in err
    assert "--data-dir" in err  # the way to keep the data elsewhere
    assert link.is_symlink() and os.readlink(link) == str(elsewhere)
    assert elsewhere.read_text() == "my own notes\n" and mode(elsewhere) == 0o644


def test_a_link_to_real_runmate_data_is_refused_too(data_dir, tmp_path):
    real = Store(tmp_path / "real")
    real.save_checkin(CheckIn(date="2026-11-20", mood=4))
    raw = real.path.read_bytes()
    os.chmod(real.path, 0o640)
    data_dir.mkdir(mode=0o700)
    (data_dir / "runmate.json").symlink_to(real.path)
    with pytest.raises(DataFileError, match="symbolic link"):
        Store(data_dir).save_checkin(CheckIn(date="2026-11-21", mood=2))
    assert real.path.read_bytes() == raw and mode(real.path) == 0o640


def test_a_dangling_link_as_data_file_is_refused_and_nothing_is_made_at_its_target(data_dir, tmp_path):
    data_dir.mkdir(mode=0o700)
    target = tmp_path / "nowhere" / "runmate.json"
    target.parent.mkdir()
    (data_dir / "runmate.json").symlink_to(target)
    status, _, err = cli(data_dir, *TODAY_ARGS)
    assert status == 1 and "symbolic link" in err
    assert not target.exists()


def test_a_lock_file_that_is_a_link_is_refused_and_its_target_never_written(data_dir, elsewhere):
    data_dir.mkdir(mode=0o700)
    lock = data_dir / "runmate.json.lock"
    lock.symlink_to(elsewhere)
    status, out, err = cli(data_dir, *TODAY_ARGS)
    assert status == 1 and out == ""
    assert f"The lock file {lock} can't be used: it is a symbolic link" in err
    assert elsewhere.read_text() == "my own notes\n" and mode(elsewhere) == 0o644
    assert lock.is_symlink() and not (data_dir / "runmate.json").exists()


def test_links_beside_the_data_file_are_left_alone_when_modes_are_tightened(data_dir, elsewhere):
    store = Store(data_dir)
    store.save_checkin(CheckIn(date="2026-11-20", mood=3))
    (data_dir / "runmate.json.old").symlink_to(elsewhere)
    os.chmod(store.path, 0o644)
    assert [c.date for c in Store(data_dir).checkins()] == ["2026-11-20"]
    assert mode(store.path) == 0o600  # runmate's own file is tightened...
    assert mode(elsewhere) == 0o644  # ...what a link beside it points to is not


def test_a_lock_file_with_a_second_name_is_not_written_through(data_dir, elsewhere):
    data_dir.mkdir(mode=0o700)
    os.link(elsewhere, data_dir / "runmate.json.lock")
    with pytest.raises(DataFileError, match="hard link"):
        Store(data_dir).checkins()
    assert elsewhere.read_text() == "my own notes\n" and mode(elsewhere) == 0o644


# --- pipes and devices ----------------------------------------------------------------------------


def run_cli_process(data_dir: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "runmate", "--data-dir", str(data_dir), *argv],
        capture_output=True,
        check=False,
        text=True,
        timeout=30,  # reading a pipe used to wait for ever
    )


def test_a_named_pipe_as_data_file_is_refused_at_once(data_dir):
    data_dir.mkdir(mode=0o700)
    pipe = data_dir / "runmate.json"
    os.mkfifo(pipe)
    proc = run_cli_process(data_dir, "plan", "list")
    assert proc.returncode == 1 and proc.stdout == ""
    assert f"The data file {pipe} can't be read: it is a named pipe (FIFO), not a file." in proc.stderr
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)


def test_a_named_pipe_as_lock_file_is_refused_at_once(data_dir):
    data_dir.mkdir(mode=0o700)
    os.mkfifo(data_dir / "runmate.json.lock")
    proc = run_cli_process(data_dir, *TODAY_ARGS)
    assert proc.returncode == 1 and "it is a named pipe (FIFO)" in proc.stderr
    assert not (data_dir / "runmate.json").exists()


def test_a_device_as_data_file_is_refused(data_dir):
    data_dir.mkdir(mode=0o700)
    (data_dir / "runmate.json").symlink_to("/dev/null")  # a link first: refused before it is opened
    with pytest.raises(DataFileError, match="symbolic link"):
        Store(data_dir).checkins()


def test_the_change_marker_never_waits_on_a_pipe(data_dir):
    store = Store(data_dir)
    store.check()
    store.lock_path.unlink()
    os.mkfifo(store.lock_path)
    result = []
    reader = threading.Thread(target=lambda: result.append(store.change_marker()), daemon=True)
    reader.start()
    reader.join(timeout=10)  # reading the pipe used to wait until someone wrote to it
    assert not reader.is_alive() and result[0].generation == 0


# --- a shared folder ----------------------------------------------------------------------------


def test_a_sticky_shared_folder_keeps_its_mode_and_runmate_says_it_is_shared(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    status, out, err = cli(shared, *TODAY_ARGS)
    assert status == 0 and out.startswith("Saved your check-in")
    assert mode(shared) == 0o1777
    assert f"runmate: {shared} is a folder other people on this computer can use too" in err
    assert mode(shared / "runmate.json") == 0o600 and mode(shared / "runmate.json.lock") == 0o600


def test_any_other_folder_is_made_private(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    folder.chmod(0o755)
    status, _, err = cli(folder, *TODAY_ARGS)
    assert status == 0 and err == ""
    assert mode(folder) == 0o700


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to make a file of another user")
def test_in_a_shared_folder_files_of_another_user_are_refused(tmp_path):
    import pwd

    nobody = pwd.getpwnam("nobody").pw_uid
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    planted = Store(tmp_path / "planted")
    planted.save_checkin(CheckIn(date="2026-11-20", mood=1, note="not yours"))
    raw = planted.path.read_bytes()
    (shared / "runmate.json").write_bytes(raw)
    os.chown(shared / "runmate.json", nobody, -1)
    with pytest.raises(DataFileError, match="belongs to another user"):
        Store(shared).checkins()
    (shared / "runmate.json").unlink()
    lock = shared / "runmate.json.lock"
    lock.write_bytes(b"")
    os.chown(lock, nobody, -1)
    lock.chmod(0o666)
    with pytest.raises(DataFileError, match="lock file .* belongs to another user"):
        Store(shared).checkins()
    assert mode(lock) == 0o666 and lock.read_bytes() == b""


# --- messages name the file --------------------------------------------------------------------


def test_a_busy_lock_names_the_data_file(store, monkeypatch):
    store.check()
    monkeypatch.setattr(lock_module, "LOCK_TIMEOUT", 0.05)
    holder = lock_module.Lock(store.lock_path)
    holder.acquire()
    try:
        with pytest.raises(LockTimeout) as caught:
            Store(store.data_dir).checkins()
    finally:
        holder.release()
    assert str(caught.value).startswith(f"Another runmate is busy with {store.path} and did not finish")


def test_an_unreadable_file_is_named_on_the_command_line(data_dir):
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root reads every file")
    store = Store(data_dir)
    store.save_checkin(CheckIn(date="2026-11-20", mood=3))
    store.path.chmod(0)
    status, _, err = cli(data_dir, "plan", "list")
    assert status == 1 and str(store.path) in err
