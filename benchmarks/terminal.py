"""A program in a real pseudo-terminal, timed the way a person sees it.

The program runs in its own pseudo-terminal (80x24 unless told), as in a terminal window. Its output
is read as it arrives; ``wait_for`` returns when a piece of text has been drawn and the output then
stayed quiet for a moment (the screen stopped changing). Times are taken here, outside the program.
"""

from __future__ import annotations

import codecs
import contextlib
import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Sequence
from pathlib import Path

# Escape sequences (CSI with its parameters, OSC up to BEL or ST, two-byte ESC x) and the rest of
# the terminal's control bytes: what is left is the text drawn on the screen.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]|[\x00-\x08\x0b-\x1f]")
# No output for this long: the screen has stopped changing.
QUIET = 0.3


def drawn_text(raw: str) -> str:
    """The text in ``raw`` terminal output, without escape sequences (a cursor move leaves nothing)."""
    return _ESCAPES.sub("", raw)


class Timeout(Exception):
    pass


class Terminal:
    """``argv`` started in a pseudo-terminal of ``size`` (columns, rows)."""

    def __init__(self, argv: Sequence[str], *, size: tuple[int, int] = (80, 24), env: dict[str, str] | None = None):
        master, slave = os.openpty()
        columns, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        environment = dict(os.environ if env is None else env)
        environment.update(TERM="xterm-256color", COLORTERM="truecolor", COLUMNS=str(columns), LINES=str(rows))
        self.master = master
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            list(argv), stdin=slave, stdout=slave, stderr=slave, env=environment, start_new_session=True, close_fds=True
        )
        os.close(slave)
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.raw = ""  # everything written since the last mark(), escape sequences and all
        self.last_output = self.started
        self.rusage: object | None = None

    def mark(self) -> float:
        """Forget what was drawn so far (the next wait_for looks only at what comes after); now."""
        self.raw = ""
        return time.perf_counter()

    def send(self, keys: str) -> float:
        """Type ``keys``; return the moment they were written."""
        now = self.mark()
        os.write(self.master, keys.encode())
        return now

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], max(0.0, timeout))
        if not ready:
            return False
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # the program ended
            chunk = b""
        if not chunk:
            raise Timeout(f"the program ended; it drew: {self.text[-400:]!r}")
        self.last_output = time.perf_counter()
        self.raw += self._decoder.decode(chunk)
        return True

    @property
    def text(self) -> str:
        """The text drawn since the last mark() (stripped as a whole: an escape may span two reads)."""
        return drawn_text(self.raw)

    def wait_for(self, text: str, *, timeout: float = 60.0, quiet: float = QUIET) -> tuple[float, float]:
        """Read until ``text`` has been drawn and then nothing more for ``quiet`` seconds.

        Returns (when the text was first seen, when the output last changed), as perf_counter times.
        """
        deadline = time.perf_counter() + timeout
        seen: float | None = None
        while seen is None:
            if time.perf_counter() > deadline:
                raise Timeout(f"{text!r} was not drawn; the screen shows: {self.text[-600:]!r}")
            if self._read(deadline - time.perf_counter()) and text in self.text:
                seen = self.last_output
        while self._read(quiet):
            if time.perf_counter() > deadline:
                break  # something keeps drawing (a blinking cursor): the text is there, that will do
        return seen, self.last_output

    def cpu_seconds(self) -> float:
        """The processor time the program has used so far (all its threads), from /proc (Linux)."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def close(self, keys: str = "\x11") -> int:
        """Quit with ``keys`` (ctrl+q), or end the program; returns its peak memory in KiB."""
        if keys and self.proc.poll() is None:
            os.write(self.master, keys.encode())
        end = time.perf_counter() + 10
        status = None
        while status is None:
            with_timeout = time.perf_counter() < end
            with contextlib.suppress(Timeout):
                self._read(0.05)
            pid, _, usage = os.wait4(self.proc.pid, os.WNOHANG)
            if pid:
                status = usage
            elif not with_timeout:
                os.killpg(self.proc.pid, signal.SIGKILL)
                _, _, status = os.wait4(self.proc.pid, 0)
        self.proc.returncode = 0  # reaped above
        os.close(self.master)
        return int(status.ru_maxrss)  # KiB on Linux
