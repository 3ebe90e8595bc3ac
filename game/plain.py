"""The line-mode front end: stdin to stdout, for pipes, plain terminals and screen readers."""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Iterable
from typing import TextIO

from game.engine import Paragraph, Turn, new_game, status, step
from game.launch import load_or_report
from game.model import World

PROMPT = "> "


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

    def __init__(self, world: World, stdin: TextIO, stdout: TextIO, seed: int) -> None:
        self.world = world
        self.stdin = stdin
        self.stdout = stdout
        self.interactive = stdin.isatty() and stdout.isatty()
        self.width = min(shutil.get_terminal_size().columns, 100) - 1 if self.interactive else None
        self.state, opening = new_game(world, seed)
        self.transcript: TextIO | None = None
        self.write(render(opening, self.width))

    def write(self, text: str) -> None:
        """Write to stdout (and the transcript, when one is open)."""
        self.stdout.write(text + "\n")
        self.stdout.flush()
        if self.transcript is not None:
            self.transcript.write(text + "\n")

    def show_status(self) -> None:
        """The status line."""
        self.write("\n" + status(self.world, self.state).line())

    def loop(self) -> int:
        """Play until end of input or QUIT."""
        self.show_status()
        while True:
            self.stdout.write(PROMPT)
            self.stdout.flush()
            line = self.stdin.readline()
            if not line:
                self.stdout.write("\n")
                return 0
            line = line.rstrip("\n")
            if not self.interactive:
                self.stdout.write(line + "\n")
            if self.transcript is not None:
                self.transcript.write(PROMPT + line + "\n")
            turn = step(self.world, self.state, line)
            self.state = turn.state
            self.write(render(turn.output, self.width))
            if self.handle_requests(turn):
                return 0
            self.show_status()

    def handle_requests(self, turn: Turn) -> bool:
        """Carry out what only a front end can do; True means quit."""
        for request in turn.requests:
            if request.kind == "quit":
                self.write("Goodbye. The Zone will be here when you come back.")
                return True
            if request.kind == "transcript":
                self.toggle_transcript(request.arg == "on")
            elif request.kind in ("save", "restore"):
                self.write("Saving and restoring are not available in this mode yet.")
        return False

    def toggle_transcript(self, on: bool) -> None:
        """TRANSCRIPT ON/OFF: write the session to a text file in the save folder."""
        if on and self.transcript is None:
            from game.paths import default_saves_dir

            path = default_saves_dir() / "transcript.txt"
            try:
                self.transcript = open(path, "a", encoding="utf-8")  # noqa: SIM115
            except OSError as error:
                self.write(f"Could not open a transcript file: {error.strerror}.")
                return
            self.write(f"Transcript on: writing to {path}.")
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
    return PlainUI(world, sys.stdin, sys.stdout, seed).loop()
