"""runmate journal ... from the command line: text from --text, standard input or an editor (a fake
$EDITOR script here), bad input that writes nothing, and output that is safe for a terminal."""

from __future__ import annotations

import datetime as dt
import io
import os
import pty
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from runmate import cli
from runmate.models import STATUS_DONE, JournalEntry, PlannedActivity
from runmate.store import Store

TODAY = dt.date(2026, 11, 25)


class Terminal(io.StringIO):
    """Standard input that says it is a terminal, so the editor opens."""

    def isatty(self) -> bool:
        return True


def run(data_dir: Path, *argv: str, stdin: io.StringIO | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if monkeypatch is not None:
        monkeypatch.setattr(sys, "stdin", stdin if stdin is not None else Terminal())
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--data-dir", str(data_dir), "journal", *argv], out=out, err=err, today=TODAY)
    return code, out.getvalue(), err.getvalue()


def fake_editor(tmp_path: Path, body: str, name: str = "editor") -> str:
    """A script that, like an editor, replaces the file it is given; it keeps what it was shown."""
    script = tmp_path / name
    script.write_text(
        textwrap.dedent(
            f"""\
            #!{sys.executable}
            import pathlib, sys
            path = pathlib.Path(sys.argv[-1])
            pathlib.Path({str(tmp_path / (name + ".seen"))!r}).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
            path.write_text({body!r}, encoding="utf-8")
            """
        )
    )
    script.chmod(0o755)
    return str(script)


def only(data_dir: Path) -> JournalEntry:
    [entry] = Store(data_dir).journal()
    return entry


def done_run(data_dir: Path, **extra) -> PlannedActivity:
    a = PlannedActivity(date="2026-11-23", kind="run", minutes=25, status=STATUS_DONE, before=2, after=4, **extra)
    return Store(data_dir).add_activity(a)


def file_bytes(data_dir: Path) -> bytes:
    path = data_dir / "runmate.json"
    return path.read_bytes() if path.exists() else b""


# --- add ----------------------------------------------------------------------------------------


def test_add_with_text_prints_the_day_and_new_id(data_dir):
    code, out, err = run(data_dir, "add", "--text", "Glad I went. #park")
    entry = only(data_dir)
    assert code == 0, err
    assert out == f"Saved your reflection for Wed 25 Nov, id {entry.id[:8]}: Glad I went. #park\n"
    assert (entry.date, entry.text, entry.activity_id) == ("2026-11-25", "Glad I went. #park", None)


def test_add_reads_standard_input_when_it_is_not_a_terminal(data_dir, monkeypatch):
    text = "Slow start.\n\n[bold]Still[/] went out. 日本語 🏃 שלום\n"
    code, _, err = run(data_dir, "add", "--date", "2026-11-20", stdin=io.StringIO(text), monkeypatch=monkeypatch)
    assert code == 0, err
    entry = only(data_dir)
    assert (entry.date, entry.text) == ("2026-11-20", "Slow start.\n\n[bold]Still[/] went out. 日本語 🏃 שלום")


def test_add_opens_the_editor_when_standard_input_is_a_terminal(data_dir, tmp_path, monkeypatch):
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", fake_editor(tmp_path, "Written in my editor.\n#rain\n"))
    code, out, err = run(data_dir, "add", monkeypatch=monkeypatch)
    assert code == 0, err
    assert out.startswith("Saved your reflection for Wed 25 Nov, id ")
    assert only(data_dir).text == "Written in my editor.\n#rain"
    assert (tmp_path / "editor.seen").read_text() == ""  # a new reflection starts empty
    assert [p.name for p in data_dir.iterdir() if p.name.startswith("reflection-")] == []  # file removed


def test_visual_wins_over_editor_and_may_carry_arguments(data_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("VISUAL", f"{fake_editor(tmp_path, 'from visual', 'visual')} --wait")
    monkeypatch.setenv("EDITOR", fake_editor(tmp_path, "from editor"))
    assert run(data_dir, "add", monkeypatch=monkeypatch)[0] == 0
    assert only(data_dir).text == "from visual"


def test_an_empty_editor_or_an_editor_error_saves_nothing(data_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("VISUAL", fake_editor(tmp_path, "  \n\n"))
    code, out, err = run(data_dir, "add", monkeypatch=monkeypatch)
    assert (code, out) == (2, "")
    assert err == "runmate: Write a few words first; an empty reflection isn't saved.\n"
    monkeypatch.setenv("VISUAL", "false")
    code, _, err = run(data_dir, "add", monkeypatch=monkeypatch)
    assert code == 2 and "The editor stopped with status 1; nothing was saved." in err
    monkeypatch.setenv("VISUAL", str(tmp_path / "no-such-editor"))
    code, _, err = run(data_dir, "add", monkeypatch=monkeypatch)
    assert code == 2 and "could not be started" in err
    assert Store(data_dir).journal() == []
    assert [p.name for p in data_dir.iterdir() if p.name.startswith("reflection-")] == []


def test_add_about_a_done_run_takes_its_day_and_shows_it(data_dir):
    a = done_run(data_dir)
    code, out, err = run(data_dir, "add", "--run", a.id[:5], "--text", "Felt lighter after.")
    assert code == 0, err
    entry = only(data_dir)
    assert (entry.date, entry.activity_id) == ("2026-11-23", a.id)
    assert out.splitlines()[1] == "About: Run, 25 min · felt 2 low → 4 good on Mon 23 Nov."


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--text", "   "], "Write a few words first; an empty reflection isn't saved."),
        (["--text", "x" * 20_001], "A reflection is at most 20,000 characters (this one has 20,001)."),
        (["--text", "ok", "--date", "2026-11-26"], "A reflection can't be dated in the future; today is 2026-11-25."),
        (
            ["--text", "ok", "--date", "last week"],
            "Date is today, yesterday, tomorrow, a weekday like 'fri', or a date like 2026-03-14.",
        ),
        (["--text", "ok", "--run", "zzz"], "No record has an id starting with 'zzz'."),
        (
            ["--text", "ok", "--run", "a"],
            "More than one record has an id starting with 'a'; give a few more characters.",
        ),
        (["--text", "ok", "--run", "b"], "Walk, 20 min isn't ticked off yet"),
    ],
)
def test_bad_input_is_status_2_and_writes_nothing(data_dir, argv, message):
    done_run(data_dir, id="a1" + "0" * 30)
    done_run(data_dir, id="a2" + "0" * 30)
    Store(data_dir).add_activity(PlannedActivity(date="2026-11-25", kind="walk", minutes=20, id="b" * 32))
    before = file_bytes(data_dir)
    code, out, err = run(data_dir, "add", *argv)
    assert (code, out) == (2, "")
    assert err.startswith(f"runmate: {message}")
    assert file_bytes(data_dir) == before


def test_a_bad_day_is_refused_before_the_editor_opens(data_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("VISUAL", fake_editor(tmp_path, "never asked"))
    code, _, _ = run(data_dir, "add", "--date", "2027-01-01", monkeypatch=monkeypatch)
    assert code == 2 and not (tmp_path / "editor.seen").exists()


# --- list and show ------------------------------------------------------------------------------


@pytest.fixture
def written(data_dir):
    store = Store(data_dir)
    run_ = done_run(data_dir, note="Park loop #park", id="c" * 32)
    for date, text, eid in [
        ("2026-11-24", "Rain run.\nWet and HAPPY. #rain #park", "d1" + "0" * 30),
        ("2026-11-23", "The loop, no stopping.", "d2" + "0" * 30),
        ("2026-10-02", "日本語の日記を書きました。", "d3" + "0" * 30),
        ("2026-09-01", "Escape \x1b]0;owned\x07 in a hand-edited file", "d4" + "0" * 30),
    ]:
        store.add_journal(
            JournalEntry(date=date, text=text, id=eid, activity_id=run_.id if eid.startswith("d2") else None)
        )
    from runmate.models import CheckIn

    store.save_checkin(CheckIn(date="2026-11-25", mood=3, note="Coffee helps."))
    return store


def test_list_shows_newest_first_with_date_id_and_first_line(data_dir, written):
    code, out, _ = run(data_dir, "list")
    assert code == 0
    assert out.splitlines() == [
        "2026-11-24  d1000000  Rain run.",
        "2026-11-23  d2000000  The loop, no stopping.",
        "2026-10-02  d3000000  日本語の日記を書きました。",
        "2026-09-01  d4000000  Escape \\x1b]0;owned\\x07 in a hand-edited file",
    ]


def test_list_filters(data_dir, written):
    def lines(*argv):
        code, out, err = run(data_dir, "list", *argv)
        assert code == 0, err
        return [line.split("  ")[1] for line in out.splitlines()]

    assert lines("--search", "happy") == ["d1000000"]
    assert lines("--search", "HAPPY rain") == ["d1000000"]
    assert lines("--search", "日記") == ["d3000000"]
    assert lines("--tag", "#Park") == ["d1000000"]
    assert lines("--tag", "park", "--all") == ["d1000000", "cccccccc"]
    assert lines("--from", "2026-10-01", "--to", "2026-11-23") == ["d2000000", "d3000000"]
    assert lines("--limit", "1") == ["d1000000"]
    out = run(data_dir, "list", "--all", "--limit", "4")[1]
    assert out.splitlines() == [
        "2026-11-25  " + Store(data_dir).checkins()[0].id[:8] + "  (check-in note) Coffee helps.",
        "2026-11-24  d1000000  Rain run.",
        "2026-11-23  d2000000  The loop, no stopping.",  # written after the run was planned
        "2026-11-23  cccccccc  (activity note) Park loop #park",
    ]
    assert run(data_dir, "list", "--search", "nothing like it")[1] == "Nothing you wrote matches that.\n"


def test_list_options_are_checked_together(data_dir, written):
    code, out, err = run(data_dir, "list", "--from", "2026-11-30", "--to", "2026-11-01", "--limit", "0")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "runmate: --from is after --to; the first day comes first.",
        "runmate: --limit is a whole number from 1 up.",
    ]
    assert (
        run(data_dir, "list", "--to", "soon")[2]
        == "runmate: --to is today, yesterday, tomorrow, a weekday like 'fri', or a date like 2026-03-14.\n"
    )


def test_list_on_an_empty_journal(data_dir):
    assert run(data_dir, "list")[1] == "Nothing written yet. Write your first reflection with: runmate journal add\n"


def test_show_prints_the_whole_reflection_safely(data_dir, written):
    code, out, _ = run(data_dir, "show", "d2")
    assert code == 0
    assert (
        out
        == "Monday 23 November 2026 · id d2000000\nAbout: Run, 25 min · felt 2 low → 4 good\n\nThe loop, no stopping.\n"
    )
    out = run(data_dir, "show", "d1")[1]
    assert "Tags: #rain #park\n\nRain run.\nWet and HAPPY. #rain #park\n" in out
    out = run(data_dir, "show", "d4")[1]
    assert "\x1b" not in out and "\x07" not in out and "\\x1b]0;owned\\x07" in out
    assert run(data_dir, "show", "d")[0] == 2  # ambiguous
    assert run(data_dir, "show", "ffff")[0] == 2


# --- edit and delete ----------------------------------------------------------------------------


def test_edit_with_text_or_the_editor(data_dir, written, tmp_path, monkeypatch):
    code, out, err = run(data_dir, "edit", "d2", "--text", "The loop, no stopping. Proud.")
    assert code == 0, err
    assert out == "Saved the changes to your reflection for Mon 23 Nov, id d2000000.\n"
    monkeypatch.setenv("VISUAL", fake_editor(tmp_path, "Rewritten in the editor."))
    assert run(data_dir, "edit", "d1", monkeypatch=monkeypatch)[0] == 0
    assert (tmp_path / "editor.seen").read_text() == "Rain run.\nWet and HAPPY. #rain #park"  # shown as it was
    texts = {e.id[:2]: e for e in Store(data_dir).journal()}
    assert texts["d2"].text == "The loop, no stopping. Proud." and texts["d2"].activity_id == "c" * 32
    assert texts["d1"].text == "Rewritten in the editor."


def test_edit_to_nothing_or_the_same_changes_nothing(data_dir, written):
    before = file_bytes(data_dir)
    code, _, err = run(data_dir, "edit", "d2", "--text", " ")
    assert code == 2 and "runmate journal delete d2000000" in err
    assert (
        run(data_dir, "edit", "d2", "--text", "The loop, no stopping.\n")[1]
        == "Nothing changed in your reflection for Mon 23 Nov.\n"
    )
    assert file_bytes(data_dir) == before


def test_an_edit_never_overwrites_a_change_made_meanwhile(data_dir, written, tmp_path, monkeypatch):
    """While the editor is open, the app saves another version: the shell's text is kept in a file."""
    editor = tmp_path / "editor"
    editor.write_text(
        textwrap.dedent(
            f"""\
            #!{sys.executable}
            import pathlib, sys
            from runmate.edits import Edit
            from runmate.store import Store
            Store({str(data_dir)!r}).edit_journal("d2" + "0" * 30, Edit.direct_change({{"text": "Saved in the app."}}))
            pathlib.Path(sys.argv[-1]).write_text("Written in the shell.", encoding="utf-8")
            """
        )
    )
    editor.chmod(0o755)
    monkeypatch.setenv("VISUAL", str(editor))
    code, out, err = run(data_dir, "edit", "d2", monkeypatch=monkeypatch)
    assert (code, out) == (1, "")
    assert "changed elsewhere while you were editing it, so nothing was saved" in err
    kept = Path(err.split("kept in ", 1)[1].split(".\n", 1)[0])
    assert kept.read_text() == "Written in the shell." and kept.parent == data_dir
    assert f"runmate --data-dir {data_dir} journal edit d2000000 < {kept}" in err
    assert {e.id[:2]: e.text for e in Store(data_dir).journal()}["d2"] == "Saved in the app."


def test_delete(data_dir, written):
    code, out, _ = run(data_dir, "delete", "d3")
    assert (code, out) == (0, "Deleted your reflection for Fri 2 Oct, id d3000000.\n")
    assert "d3" not in {e.id[:2] for e in Store(data_dir).journal()}
    assert run(data_dir, "delete", "d3")[0] == 2


# --- a real terminal, a real process ------------------------------------------------------------


def test_the_editor_path_end_to_end_in_a_terminal_without_textual(data_dir, tmp_path):
    """`runmate journal add` in its own process with a terminal as standard input opens $EDITOR;
    no command of the journal loads Textual."""
    env = {**os.environ, "EDITOR": fake_editor(tmp_path, "From a real terminal. #pty"), "VISUAL": ""}
    probe = textwrap.dedent(
        """
        import sys
        import runmate.cli
        code = runmate.cli.main(sys.argv[1:])
        loaded = [m for m in sys.modules if m == "textual" or m.startswith("textual.")]
        print("textual loaded" if loaded else "no textual", file=sys.stderr)
        sys.exit(code)
        """
    )
    main_fd, terminal = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-c", probe, "--data-dir", str(data_dir), "journal", "add"],
            stdin=terminal,
            capture_output=True,
            check=False,
            text=True,
            timeout=60,
            env=env,
        )
    finally:
        os.close(terminal)
        os.close(main_fd)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == "no textual"
    entry = only(data_dir)
    assert entry.text == "From a real terminal. #pty"
    for argv in (["list"], ["show", entry.id[:6]], ["edit", entry.id[:6], "--text", "x"], ["delete", entry.id[:6]]):
        proc = subprocess.run(
            [sys.executable, "-c", probe, "--data-dir", str(data_dir), "journal", *argv],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            check=False,
            text=True,
            timeout=60,
        )
        assert proc.returncode == 0 and proc.stderr.strip() == "no textual", (argv, proc.stderr)


def test_add_quiet_and_day_words_looking_back(data_dir):
    code, out, err = run(data_dir, "add", "--quiet", "--date", "mon", "--text", "Slow start.")
    entry = only(data_dir)
    assert (code, err) == (0, "")
    assert out == entry.id[:8] + "\n"
    assert entry.date == "2026-11-23"  # the last Monday
    code, _, err = run(data_dir, "add", "--date", "tomorrow", "--text", "Not yet.")
    assert code == 2 and "can't be dated in the future" in err


def test_list_from_and_to_take_day_words(data_dir, written):
    code, out, err = run(data_dir, "list", "--from", "mon", "--to", "yesterday")
    assert code == 0, err
    assert [line.split("  ")[1] for line in out.splitlines()] == ["d1000000", "d2000000"]
