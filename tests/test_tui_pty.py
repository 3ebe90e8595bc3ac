"""End to end: the installed `hyosan` command in a real pseudo-terminal, typed at like a player."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import select
import shutil
import struct
import sys
import termios
import time
from pathlib import Path

import pytest

WORLD_DIR = Path(__file__).parent / "snapshots" / "world"
ANSI = re.compile(
    r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)"
)
DEADLINE = 60.0  # generous: a loaded CI machine is slow to start Python


def command() -> list[str]:
    """The installed console script next to this Python, else `python -m game`."""
    script = shutil.which("hyosan", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "game"]


class Terminal:
    """A child process on a pty, with what it has drawn so far (escape codes removed)."""

    def __init__(
        self, argv: list[str], env: dict[str, str], size: tuple[int, int] = (100, 30)
    ) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child
            os.execvpe(argv[0], argv, env)
        cols, rows = size
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.raw = b""

    def text(self) -> str:
        """Everything drawn so far as plain text."""
        return ANSI.sub("", self.raw.decode("utf-8", "replace"))

    def wait_for(self, *needles: str, since: int = 0) -> None:
        """Read until every needle has been drawn (after offset `since` of the raw output)."""
        end = time.monotonic() + DEADLINE
        while True:
            text = ANSI.sub("", self.raw[since:].decode("utf-8", "replace"))
            if all(needle in text for needle in needles):
                return
            if time.monotonic() > end:
                raise AssertionError(f"never saw {needles!r}; screen text:\n{text[-2000:]}")
            ready, _, _ = select.select([self.fd], [], [], 0.2)
            if ready:
                try:
                    self.raw += os.read(self.fd, 65536)
                except OSError:
                    raise AssertionError(f"the game exited before drawing {needles!r}") from None

    def type(self, keys: str) -> int:
        """Send keystrokes; returns the output offset before them."""
        mark = len(self.raw)
        os.write(self.fd, keys.encode())
        return mark

    def finish(self) -> int:
        """Wait for the child to exit (draining output) and return its exit status."""
        end = time.monotonic() + DEADLINE
        while time.monotonic() < end:
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                return os.waitstatus_to_exitcode(status)
            ready, _, _ = select.select([self.fd], [], [], 0.1)
            if ready:
                with contextlib.suppress(OSError):
                    self.raw += os.read(self.fd, 65536)
        os.kill(self.pid, 9)
        raise AssertionError("the game did not exit")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_typing_a_command_in_a_real_terminal_shows_the_answer(tmp_path):
    """The installed command starts on a pty, a typed command is answered on screen, ctrl+q quits."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "HYOSAN"))} | {
        "TERM": "xterm-256color",
        "COLORTERM": "truecolor",
        "HYOSAN_SAVES": str(tmp_path),
    }
    term = Terminal([*command(), "--world", str(WORLD_DIR), "--seed", "7"], env)
    try:
        term.wait_for("New game", "Quit")
        mark = term.type("\r")
        term.wait_for("East Stairwell", "What do you do?", since=mark)
        mark = term.type("west\r")
        term.wait_for("Classroom 2-3", "Desks are stacked", since=mark)
        term.type("\x11")  # ctrl+q
        assert term.finish() == 0
    finally:
        try:
            os.kill(term.pid, 9)
            os.waitpid(term.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(term.fd)
    assert len(list((tmp_path / "games").glob("*.journal"))) == 1


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_bytes_that_are_not_utf8_never_stop_the_terminal_game(tmp_path):
    """Invalid UTF-8 typed at the full-screen game is read as U+FFFD; typing goes on working."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "HYOSAN"))} | {
        "TERM": "xterm-256color",
        "HYOSAN_SAVES": str(tmp_path),
    }
    term = Terminal([*command(), "--world", str(WORLD_DIR), "--seed", "7"], env)
    try:
        term.wait_for("New game", "Quit")
        mark = term.type("\r")
        term.wait_for("East Stairwell", "What do you do?", since=mark)
        os.write(term.fd, b"\xff\xfe\xc3\r")
        mark = term.type("west\r")
        term.wait_for("Classroom 2-3", "Desks are stacked", since=mark)
        term.type("\x11")  # ctrl+q
        assert term.finish() == 0
    finally:
        try:
            os.kill(term.pid, 9)
            os.waitpid(term.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(term.fd)
