"""Where the data lives: --data-dir, then RUNMATE_DATA_DIR, then the platform's user data folder."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from platformdirs import user_data_dir

from runmate.cli import main
from runmate.paths import resolve_data_dir


def test_the_flag_wins_then_the_environment_then_platformdirs(tmp_path):
    env = {"RUNMATE_DATA_DIR": str(tmp_path / "env")}
    assert resolve_data_dir(tmp_path / "flag", env) == tmp_path / "flag"
    assert resolve_data_dir(None, env) == tmp_path / "env"
    assert resolve_data_dir(None, {}) == Path(user_data_dir("runmate", appauthor=False))
    assert resolve_data_dir(None, {"RUNMATE_DATA_DIR": ""}) == Path(user_data_dir("runmate", appauthor=False))


def test_the_default_is_the_user_data_folder(_isolated_data_dir):
    # conftest points HOME and XDG_DATA_HOME at a temporary folder
    assert resolve_data_dir() == _isolated_data_dir / ".local" / "share" / "runmate"


def test_a_tilde_is_expanded(_isolated_data_dir, monkeypatch):
    assert resolve_data_dir("~/runmate-data") == _isolated_data_dir / "runmate-data"
    monkeypatch.setenv("RUNMATE_DATA_DIR", "~/elsewhere")
    assert resolve_data_dir() == _isolated_data_dir / "elsewhere"


def test_data_dir_is_accepted_before_and_after_the_command(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path / "before"), "demo"]) == 0
    assert main(["demo", "--data-dir", str(tmp_path / "after")]) == 0
    assert (tmp_path / "before" / "runmate.json").is_file()
    assert (tmp_path / "after" / "runmate.json").is_file()
    assert str(tmp_path / "after") in capsys.readouterr().out


def test_the_command_line_uses_the_environment_and_the_flag_beats_it(tmp_path, monkeypatch):
    monkeypatch.setenv("RUNMATE_DATA_DIR", str(tmp_path / "env"))
    assert main(["demo"]) == 0
    assert (tmp_path / "env" / "runmate.json").is_file()
    monkeypatch.setenv("RUNMATE_DATA_DIR", str(tmp_path / "env2"))
    assert main(["demo", "--data-dir", str(tmp_path / "flag")]) == 0
    assert (tmp_path / "flag" / "runmate.json").is_file()
    assert not (tmp_path / "env2").exists()


def test_without_flag_or_environment_the_user_data_folder_is_used(_isolated_data_dir):
    assert main(["demo"]) == 0
    assert (_isolated_data_dir / ".local" / "share" / "runmate" / "runmate.json").is_file()


def test_nothing_is_created_or_read_at_import_time(tmp_path):
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    script = textwrap.dedent(
        """
        import os, sys
        watched = (os.environ["HOME"], os.getcwd())
        touched = []

        def hook(event, args):
            if event in ("open", "os.mkdir", "os.listdir", "os.scandir") and args and isinstance(args[0], (str, bytes, os.PathLike)):
                path = os.fsdecode(args[0])
                if path.startswith(watched):
                    touched.append((event, path))

        sys.addaudithook(hook)
        import runmate.cli, runmate.demo, runmate.models, runmate.paths, runmate.store
        runmate.cli.build_parsers()
        print(repr(touched))
        """
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_") and k != "RUNMATE_DATA_DIR"}
    env["HOME"] = str(home)  # -P below: the working folder is not on the import path
    proc = subprocess.run(
        [sys.executable, "-P", "-c", script], cwd=work, env=env, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
    assert list(home.iterdir()) == [] and list(work.iterdir()) == []
