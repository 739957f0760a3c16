"""What a person wrote in $EDITOR survives every failed save of journal add and journal edit: the
editor's file stays, and runmate says where it is and the command that saves it from there. And
standard input that is not UTF-8 is refused in one line (status 2), never a traceback."""

from __future__ import annotations

import io
import os
import shlex
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from runmate import cli
from runmate.models import JournalEntry
from runmate.store import Store
from tests.unit.test_journal_cli import TODAY, run

LONG = "word " * 4_001  # 20,005 characters: one more page than a reflection holds


def bytes_editor(tmp_path: Path, body: bytes, status: int = 0, hold_lock: Path | None = None) -> str:
    """An editor that writes ``body`` (bytes) into its file and exits with ``status``; with
    ``hold_lock``, it first starts another process that holds that lock file (another runmate busy)."""
    script = tmp_path / "editor"
    holder = ""
    if hold_lock is not None:
        holder = textwrap.dedent(
            f"""\
            import subprocess, time
            ready = pathlib.Path({str(tmp_path / "held")!r})
            code = "import fcntl, os, sys, time; fd = os.open(sys.argv[1], os.O_RDWR); fcntl.flock(fd, fcntl.LOCK_EX); open(sys.argv[2], 'w').close(); time.sleep(60)"
            p = subprocess.Popen([sys.executable, "-c", code, {str(hold_lock)!r}, str(ready)], start_new_session=True)
            pathlib.Path({str(tmp_path / "holder.pid")!r}).write_text(str(p.pid))
            while not ready.exists():
                time.sleep(0.01)
            """
        )
    script.write_text(
        f"#!{sys.executable}\nimport pathlib, sys\n"
        + holder
        + f"pathlib.Path(sys.argv[-1]).write_bytes({body!r})\nsys.exit({status})\n"
    )
    script.chmod(0o755)
    return str(script)


def kept_file(err: str, data_dir: Path) -> tuple[Path, str]:
    """The file runmate said it kept, and the command it said saves from it."""
    path = Path(err.split("What you wrote is kept in ", 1)[1].split(". To save it", 1)[0])
    command = err.split("if need be): ", 1)[1].splitlines()[0]
    assert path.parent == data_dir and path.name.startswith("reflection-")
    return path, command


def save_as_told(command: str, path: Path) -> int:
    """Run the command runmate showed (``runmate ... < file``) the way a shell would."""
    words = shlex.split(command)
    assert words[0] == "runmate" and words[-2] == "<" and Path(words[-1]) == path
    with open(path, "rb") as handle:
        stdin = io.TextIOWrapper(handle, encoding="utf-8")
        old = sys.stdin
        sys.stdin = stdin
        try:
            return cli.main(words[1:-2], out=io.StringIO(), err=io.StringIO(), today=TODAY)
        finally:
            sys.stdin = old


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (LONG.encode(), "at most 20,000 characters"),
        (b"Pasted a bell \x07 in here.", "control characters"),
        (b"caf\xe9 au lait", "not valid UTF-8"),
    ],
    ids=["too-long", "a-control-character", "latin-1"],
)
def test_add_keeps_what_the_editor_holds_when_it_is_refused(data_dir, tmp_path, monkeypatch, body, words):
    monkeypatch.setenv("VISUAL", bytes_editor(tmp_path, body))
    code, out, err = run(data_dir, "add", "--date", "2026-11-20", monkeypatch=monkeypatch)
    assert (code, out) == (2, "") and words in err
    path, command = kept_file(err, data_dir)
    assert path.read_bytes() == body
    assert "journal add --date 2026-11-20" in command
    assert Store(data_dir).journal() == []
    # Put right in the file, the command shown saves it.
    path.write_text("Fixed it. #rain", encoding="utf-8")
    assert save_as_told(command, path) == 0
    [entry] = Store(data_dir).journal()
    assert (entry.date, entry.text) == ("2026-11-20", "Fixed it. #rain")


def test_edit_keeps_what_the_editor_holds_when_it_is_refused(data_dir, tmp_path, monkeypatch):
    entry = Store(data_dir).add_journal(JournalEntry(date="2026-11-20", text="First words."))
    monkeypatch.setenv("VISUAL", bytes_editor(tmp_path, LONG.encode()))
    code, _, err = run(data_dir, "edit", entry.id[:6], monkeypatch=monkeypatch)
    assert code == 2 and "at most 20,000 characters" in err
    path, command = kept_file(err, data_dir)
    assert path.read_text() == LONG and f"journal edit {entry.id[:8]}" in command
    assert Store(data_dir).journal_entry(entry.id).text == "First words."
    path.write_text("Second words.", encoding="utf-8")
    assert save_as_told(command, path) == 0
    assert Store(data_dir).journal_entry(entry.id).text == "Second words."


def test_an_editor_that_fails_after_writing_keeps_the_file(data_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("VISUAL", bytes_editor(tmp_path, b"Half a page, then the editor crashed.", status=3))
    code, _, err = run(data_dir, "add", monkeypatch=monkeypatch)
    assert code == 2 and "The editor stopped with status 3; nothing was saved." in err
    path, _ = kept_file(err, data_dir)
    assert path.read_text() == "Half a page, then the editor crashed."


@pytest.mark.parametrize("action", ["add", "edit"])
def test_the_text_survives_another_runmate_being_busy(data_dir, tmp_path, monkeypatch, action):
    """Another runmate holds the lock when the editor closes: the save gives up, the text stays."""
    monkeypatch.setattr("runmate.store.lock.LOCK_TIMEOUT", 0.3)
    entry = Store(data_dir).add_journal(JournalEntry(date="2026-11-20", text="First words."))
    body = "Written while another runmate was busy. #busy"
    monkeypatch.setenv("VISUAL", bytes_editor(tmp_path, body.encode(), hold_lock=data_dir / "runmate.json.lock"))
    argv = ["add"] if action == "add" else ["edit", entry.id[:8]]
    try:
        code, _, err = run(data_dir, *argv, monkeypatch=monkeypatch)
    finally:
        pid = int((tmp_path / "holder.pid").read_text())
        os.kill(pid, signal.SIGKILL)  # the editor's child, not ours: nothing to wait for
    assert code == 1 and "Another runmate is busy" in err
    path, command = kept_file(err, data_dir)
    assert path.read_text() == body
    _wait_unlocked(data_dir / "runmate.json.lock")
    assert save_as_told(command, path) == 0
    texts = [e.text for e in Store(data_dir).journal()]
    assert texts == (["First words.", body] if action == "add" else [body])


def _wait_unlocked(lock: Path) -> None:
    import fcntl
    import time

    fd = os.open(lock, os.O_RDWR)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                assert time.monotonic() < deadline
                time.sleep(0.01)
    finally:
        os.close(fd)


def test_nothing_is_kept_when_nothing_was_written(data_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("VISUAL", bytes_editor(tmp_path, b"  \n"))
    code, _, err = run(data_dir, "add", monkeypatch=monkeypatch)
    assert code == 2 and "kept in" not in err
    assert [p for p in data_dir.iterdir() if p.name.startswith("reflection-")] == []


# -- standard input that is not UTF-8 ----------------------------------------------------------


@pytest.mark.parametrize("action", ["add", "edit"])
def test_standard_input_that_is_not_utf8_is_refused(data_dir, action):
    entry = Store(data_dir).add_journal(JournalEntry(date="2026-11-20", text="First words."))
    before = (data_dir / "runmate.json").read_bytes()
    argv = ["add"] if action == "add" else ["edit", entry.id[:8]]
    proc = subprocess.run(
        [sys.executable, "-m", "runmate", "--data-dir", str(data_dir), "journal", *argv],
        input=b"caf\xe9",
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2, proc.stderr
    assert b"Standard input is not valid UTF-8 text, so nothing was saved" in proc.stderr
    assert b"Traceback" not in proc.stderr
    assert (data_dir / "runmate.json").read_bytes() == before


def test_standard_input_in_utf8_with_a_byte_order_mark_is_read(data_dir):
    proc = subprocess.run(
        [sys.executable, "-m", "runmate", "--data-dir", str(data_dir), "journal", "add", "--date", "2026-11-20"],
        input="\ufeffCafé au lait. #morning".encode(),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert [e.text for e in Store(data_dir).journal()] == ["Café au lait. #morning"]


def test_ctrl_c_while_the_editor_is_open_keeps_what_it_saved(data_dir, tmp_path, monkeypatch):
    import subprocess as subprocess_module

    def interrupted(command, check=False):
        Path(command[-1]).write_text("Saved once, then ctrl+c.", encoding="utf-8")
        raise KeyboardInterrupt

    monkeypatch.setenv("VISUAL", "any-editor")
    monkeypatch.setattr(subprocess_module, "run", interrupted)
    code, _, err = run(data_dir, "add", monkeypatch=monkeypatch)
    assert code == 130 and "stopped." in err
    path, _ = kept_file(err, data_dir)
    assert path.read_text() == "Saved once, then ctrl+c."
