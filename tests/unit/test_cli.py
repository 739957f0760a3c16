"""The command line: version, help, exit statuses, python -m, and no Textual on command paths."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from runmate import __version__
from runmate.cli import COMMAND_MODULES, build_parsers, main, run_handler
from runmate.commands.base import Context, UsageError
from runmate.models import FieldError, ValidationError
from runmate.store import AmbiguousId, DataFileError, LockTimeout, NotFound, StoreError

SCRIPT = Path(sys.executable).with_name("runmate")


def run(*argv: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "runmate", *argv], capture_output=True, text=True, timeout=60, cwd=cwd)


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"runmate {__version__}"


def test_help_lists_every_command_and_the_data_dir_option(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "--data-dir DIR" in out and "--version" in out and "RUNMATE_DATA_DIR" in out
    _, commands = build_parsers()
    assert list(commands) == [
        "demo",
        "checkin",
        "plan",
        "journal",
        "stats",
        "status",
        "support",
        "report",
        "export",
        "import",
        "backup",
    ]
    for name in commands:
        assert f"    {name}" in out


def test_each_command_has_help_with_the_data_dir_option(capsys):
    for name in build_parsers()[1]:
        assert main([name, "--help"]) == 0
        assert "--data-dir DIR" in capsys.readouterr().out


def test_a_command_group_without_its_action_shows_its_help(capsys, data_dir):
    assert main(["plan", "--data-dir", str(data_dir)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("usage: runmate plan")
    for action in ("add", "list", "done", "starter"):
        assert f"    {action}" in captured.err
    assert not data_dir.exists()


def test_a_bad_command_or_option_is_status_2(capsys, data_dir):
    assert main(["nonsense"]) == 2
    assert "invalid choice" in capsys.readouterr().err
    assert main(["demo", "--years", "many", "--data-dir", str(data_dir)]) == 2
    assert "Years is a whole number from 1 to 20." in capsys.readouterr().err
    assert not data_dir.exists()


def ctx_for(data_dir: Path) -> tuple[Context, io.StringIO, io.StringIO]:
    out, err = io.StringIO(), io.StringIO()
    return Context(data_dir=data_dir, out=out, err=err), out, err


def raising(exc: BaseException):
    def handler(args, ctx):
        raise exc

    return handler


@pytest.mark.parametrize(
    "exc, status, message",
    [
        (
            ValidationError(
                [
                    FieldError("mood", "Mood is a whole number from 1 (very low) to 5 (very good)."),
                    FieldError("date", "Date is needed."),
                ]
            ),
            2,
            "runmate: Mood is a whole number from 1 (very low) to 5 (very good).\nrunmate: Date is needed.\n",
        ),
        (UsageError("Years is a whole number from 1 to 20."), 2, "runmate: Years is a whole number from 1 to 20.\n"),
        (NotFound("No record has an id starting with 'zz'."), 2, "runmate: No record has an id starting with 'zz'.\n"),
        (AmbiguousId("More than one record."), 2, "runmate: More than one record.\n"),
        (
            DataFileError(Path("/x/runmate.json"), "it is empty"),
            1,
            "runmate: The data file /x/runmate.json can't be read: it is empty.",
        ),
        (LockTimeout(Path("/x/runmate.json.lock")), 1, "runmate: Another runmate is busy with /x"),
        (StoreError("disk trouble"), 1, "runmate: disk trouble\n"),
        (PermissionError(13, "Permission denied"), 1, "Permission denied"),
        (KeyboardInterrupt(), 130, "runmate: stopped."),
    ],
)
def test_exit_statuses(data_dir, exc, status, message):
    ctx, out, err = ctx_for(data_dir)
    assert run_handler(raising(exc), None, ctx) == status
    assert message in err.getvalue()
    assert out.getvalue() == ""


def test_a_handler_that_works_is_status_0(data_dir):
    ctx, out, err = ctx_for(data_dir)

    def handler(args, ctx):
        ctx.say(f"{len(ctx.store.checkins())} check-ins")
        return 0

    assert run_handler(handler, None, ctx) == 0
    assert out.getvalue() == "0 check-ins\n" and err.getvalue() == ""


def test_any_command_on_a_damaged_file_is_status_1_and_names_the_file(data_dir):
    data_dir.mkdir()
    path = data_dir / "runmate.json"
    path.write_bytes(b'{"checkins": ')
    ctx, _out, err = ctx_for(data_dir)
    assert run_handler(lambda args, ctx: ctx.store.checkins() and 0, None, ctx) == 1
    assert f"The data file {path} can't be read" in err.getvalue()
    assert "Move it aside" in err.getvalue()
    assert path.read_bytes() == b'{"checkins": '


def test_python_m_runmate_and_the_console_script(tmp_path):
    proc = run("--version", cwd=tmp_path)
    assert (proc.returncode, proc.stdout.strip()) == (0, f"runmate {__version__}")
    if SCRIPT.exists():  # installed into this environment
        proc = subprocess.run([str(SCRIPT), "--version"], capture_output=True, text=True, timeout=60)
        assert (proc.returncode, proc.stdout.strip()) == (0, f"runmate {__version__}")


def test_a_damaged_file_end_to_end(data_dir):
    data_dir.mkdir()
    (data_dir / "runmate.json").write_bytes(b"[]")
    proc = run("--data-dir", str(data_dir), "demo")
    assert proc.returncode == 1
    assert str(data_dir / "runmate.json") in proc.stderr and "Move it aside" in proc.stderr
    assert (data_dir / "runmate.json").read_bytes() == b"[]"


def test_command_paths_never_import_textual(data_dir):
    script = textwrap.dedent(
        """
        import sys
        import runmate.cli
        runmate.cli.build_parsers()  # registers every command
        assert runmate.cli.main(["--data-dir", sys.argv[1], "demo"]) == 0
        loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
        print(loaded)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script, str(data_dir)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "[]"


def test_command_modules_are_importable_and_register():
    for module in COMMAND_MODULES:
        assert callable(module.register)


def test_command_modules_do_not_import_the_command_line():
    """Commands share runmate.commands.base with cli.py; none of them imports runmate.cli back."""
    names = [module.__name__ for module in COMMAND_MODULES]
    script = (
        f"import importlib, sys; [importlib.import_module(n) for n in {names!r}]; print('runmate.cli' in sys.modules)"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"


def test_no_command_opens_the_app_and_a_damaged_file_ends_with_status_1(data_dir, monkeypatch, capsys):
    opened: list = []
    monkeypatch.setattr("runmate.app.RunmateApp.run", lambda app: opened.append(app.data_problem))
    assert main(["--data-dir", str(data_dir)]) == 0
    assert opened == [None]
    (data_dir / "runmate.json").write_bytes(b"{")
    assert main(["--data-dir", str(data_dir)]) == 1
    assert isinstance(opened[-1], DataFileError)
    assert f"runmate: The data file {data_dir / 'runmate.json'} can't be read" in capsys.readouterr().err
    assert (data_dir / "runmate.json").read_bytes() == b"{"


def test_a_reader_that_stops_early_is_not_a_data_problem(tmp_path):
    """`runmate plan list | head -1`: the closed pipe is no error of the data folder."""

    class ClosedPipe(io.StringIO):
        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

    err = io.StringIO()
    code = main(["--data-dir", str(tmp_path / "d"), "plan", "list"], out=ClosedPipe(), err=err)
    assert code == 0
    assert err.getvalue() == ""


def test_the_app_failing_is_not_reported_as_success(tmp_path, monkeypatch):
    from runmate.app import RunmateApp

    monkeypatch.setattr(RunmateApp, "run", lambda self, *a, **k: None)
    monkeypatch.setattr(RunmateApp, "return_code", property(lambda self: 1))  # the app stopped on an error
    assert main(["--data-dir", str(tmp_path / "d")]) == 1


def test_the_app_closing_normally_is_success(tmp_path, monkeypatch):
    from runmate.app import RunmateApp

    monkeypatch.setattr(RunmateApp, "run", lambda self, *a, **k: None)
    assert main(["--data-dir", str(tmp_path / "d")]) == 0
