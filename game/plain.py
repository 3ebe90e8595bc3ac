"""The line-mode front end: stdin to stdout, for pipes, plain terminals and screen readers."""

from __future__ import annotations

import contextlib
import shutil
import sys
import textwrap
from collections.abc import Iterable
from typing import TextIO

from game.engine import GameState, Paragraph, Turn, status
from game.launch import load_or_report
from game.paths import default_saves_dir
from game.saves.errors import SaveError
from game.saves.record import MAX_LINE
from game.saves.session import Session
from game.saves.transcript import TranscriptFile

PROMPT = "> "
READ_LIMIT = 64 * 1024  # characters of one input line kept; the game reads the first MAX_LINE


def render(paragraphs: Iterable[Paragraph], width: int | None) -> str:
    """Paragraphs as plain text: a blank line between them, titles marked for the ear and eye."""
    blocks: list[str] = []
    previous = ""
    for p in paragraphs:
        text = p.text
        if p.kind == "title":
            text = f"** {text} **"
        elif p.kind == "ending":
            text = text.upper() if text.startswith("***") else text
        if width and p.kind not in ("meta", "choice") and "\n" not in text:
            text = textwrap.fill(text, width)
        if p.kind == "choice" and previous == "choice":
            blocks[-1] += "\n" + text
        else:
            blocks.append(text)
        previous = p.kind
    return "\n\n".join(blocks)


class PlainUI:
    """Reads lines, steps the game, writes the text and a status line."""

    def __init__(self, session: Session, stdin: TextIO, stdout: TextIO) -> None:
        self.session = session
        self.world = session.world
        self.stdin = stdin
        self.stdout = stdout
        self.interactive = stdin.isatty() and stdout.isatty()
        self.width = min(shutil.get_terminal_size().columns, 100) - 1 if self.interactive else None
        self.transcript: TranscriptFile | None = None
        self.write(render(session.opening, self.width))

    @property
    def state(self) -> GameState:
        """The session's current game state."""
        return self.session.state

    def write(self, text: str) -> None:
        """Write to stdout (and the transcript, when one is open)."""
        self.stdout.write(text + "\n")
        self.stdout.flush()
        self.to_transcript(text + "\n")

    def to_transcript(self, text: str) -> None:
        """Append to the transcript, when one is open; a failing disk closes it with a warning."""
        if self.transcript is not None:
            problem = self.transcript.write(text)
            if problem:
                self.transcript = None
                self.write(problem)

    def show_status(self) -> None:
        """The status line."""
        self.write("\n" + status(self.world, self.state).line())

    def loop(self) -> int:
        """Play until end of input or QUIT."""
        self.show_status()
        while True:
            self.stdout.write(PROMPT)
            self.stdout.flush()
            line = read_line(self.stdin)
            if not line:
                self.stdout.write("\n")
                self.write_paragraphs(self.session.close())
                return 0
            line = line.rstrip("\n")
            if not self.interactive:
                self.stdout.write(line[:MAX_LINE] + "\n")
            self.to_transcript(PROMPT + line + "\n")
            turn = self.session.play(line)
            self.write(render(turn.output, self.width))
            if self.handle_requests(turn):
                return 0
            self.show_status()

    def handle_requests(self, turn: Turn) -> bool:
        """Carry out what only a front end can do; True means quit."""
        for request in turn.requests:
            if request.kind == "quit":
                self.write_paragraphs(self.session.close())
                self.write("Goodbye. The Zone will be here when you come back.")
                return True
            if request.kind == "transcript":
                self.toggle_transcript(request.arg == "on")
        return False

    def write_paragraphs(self, paragraphs: Iterable[Paragraph]) -> None:
        """Write paragraphs, if there are any."""
        text = render(paragraphs, self.width)
        if text:
            self.write(text)

    def toggle_transcript(self, on: bool) -> None:
        """TRANSCRIPT ON/OFF: write the session to a text file in the save folder."""
        if on and self.transcript is None:
            try:
                self.transcript = TranscriptFile.open(self.session.saves_dir)
            except OSError as error:
                self.write(f"Could not open a transcript file: {error.strerror or error}.")
                return
            self.write(f"Transcript on: writing to {self.transcript.path}.")
        elif not on and self.transcript is not None:
            self.transcript.close()
            self.transcript = None
            self.write("Transcript off.")


def run(args) -> int:
    """`hyosan --plain`."""
    world = load_or_report(args)
    if world is None:
        return 1
    seed = args.seed if getattr(args, "seed", None) is not None else 1
    saves_dir = getattr(args, "saves", None) or default_saves_dir()
    load = getattr(args, "load", None)
    try:
        if load:
            session = Session.load(world, load, saves_dir)
        else:
            session = Session.new(world, seed, saves_dir)
    except SaveError as error:
        print(f"hyosan: {error}", file=sys.stderr)
        return 1
    return PlainUI(session, tolerant(sys.stdin), tolerant(sys.stdout)).loop()


def read_line(stream: TextIO) -> str:
    """One input line, never more than READ_LIMIT characters held (the rest of a longer line is
    read and dropped), so endless input without a newline cannot fill the memory."""
    line = stream.readline(READ_LIMIT)
    if len(line) == READ_LIMIT and not line.endswith("\n"):
        while True:
            rest = stream.readline(READ_LIMIT)
            if not rest or rest.endswith("\n"):
                break
    return line


def tolerant(stream: TextIO) -> TextIO:
    """The stream with undecodable input bytes (or unprintable output) made U+FFFD / '?'."""
    reconfigure = getattr(stream, "reconfigure", None)  # absent on a test's StringIO
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):  # a stream already read from
            reconfigure(errors="replace")
    return stream
