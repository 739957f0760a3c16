"""Private by default: runmate's files are readable by you alone (exports too), and runmate never
opens a network connection, in the app or on the command line."""

from __future__ import annotations

import io
import os
import socket
import stat
from pathlib import Path

import pytest
from ui_helpers import TODAY, settle

from runmate.cli import build_parsers, main


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def cli(data_dir: Path, *argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--data-dir", str(data_dir), *argv], out=out, err=err, today=TODAY)
    assert code == 0, err.getvalue()
    return out.getvalue()


def has_command(name: str) -> bool:
    return name in build_parsers()[1]


@pytest.fixture
def open_umask():
    """A umask that lets everyone read what is made (runmate must tighten it itself)."""
    old = os.umask(0o002)
    yield
    os.umask(old)


async def test_every_file_runmate_makes_is_yours_alone(app_factory, data_dir, open_umask):
    cli(data_dir, "demo")
    cli(data_dir, "checkin", "--mood", "4", "--note", "a slow walk")
    cli(data_dir, "journal", "add", "--text", "Rain, and still out for a walk.")
    app = app_factory()
    async with app.run_test() as pilot:
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("3", "ctrl+s")  # and the app writes too
        await settle(pilot)
    assert mode(data_dir) == 0o700
    made = list(data_dir.rglob("*"))
    assert made, "nothing was written"
    for path in made:
        assert mode(path) == (0o700 if path.is_dir() else 0o600), path


@pytest.mark.skipif(not has_command("export"), reason="runmate export is not in this version yet")
def test_exports_are_yours_alone(data_dir, tmp_path, open_umask):
    cli(data_dir, "demo")
    out = tmp_path / "out"
    out.mkdir()
    for fmt, name in (("json", "all.json"), ("md", "diary.md"), ("ics", "plan.ics")):
        cli(data_dir, "export", "--format", fmt, "--output", str(out / name))
        assert mode(out / name) == 0o600, fmt
    cli(data_dir, "export", "--format", "csv", "--output", str(out / "csv"))
    assert mode(out / "csv") == 0o700  # a folder runmate made for them
    csv_files = list((out / "csv").iterdir())
    assert csv_files
    for path in csv_files:
        assert mode(path) == 0o600, path


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    """Fail the test if anything opens a network socket or looks up a host name.

    Sockets between two ends of the same process (AF_UNIX, as the event loop's own wake-up pipe
    uses) are not network connections and stay allowed; every attempt is recorded.
    """
    attempts: list[str] = []
    real_socket = socket.socket

    class GuardedSocket(real_socket):  # type: ignore[misc,valid-type]
        def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
            if family in (socket.AF_INET, socket.AF_INET6) or (family == -1 and fileno is None):
                attempts.append(f"socket({family})")
                raise NetworkUsed(f"runmate made a network socket ({family})")
            super().__init__(family, type, proto, fileno)

    def refuse(name: str):
        def guard(*args, **kwargs):
            attempts.append(f"{name}{args}")
            raise NetworkUsed(f"runmate called socket.{name}{args}")

        return guard

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "create_server"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


def test_the_guard_catches_a_connection(no_network):
    with pytest.raises(NetworkUsed):
        socket.create_connection(("example.org", 443))
    with pytest.raises(NetworkUsed):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    assert len(no_network) == 2
    no_network.clear()


async def test_runmate_opens_no_network_connection(app_factory, data_dir, tmp_path, no_network):
    cli(data_dir, "demo")
    cli(data_dir, "checkin", "--mood", "4")
    cli(data_dir, "plan", "list")
    cli(data_dir, "journal", "add", "--text", "Out before the rain.")
    if has_command("export"):
        cli(data_dir, "export", "--format", "json", "--output", str(tmp_path / "all.json"))
    app = app_factory(poll_interval=0.05)
    async with app.run_test() as pilot:
        await settle(pilot)
        for key in ("c", "p", "j", "s", "escape", "question_mark", "escape", "d"):
            await pilot.press(key)
            await settle(pilot)
        assert app.is_running
    assert no_network == []
