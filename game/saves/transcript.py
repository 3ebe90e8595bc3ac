"""A saved game as a readable transcript: `> command` lines, the text, and the player's comments."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from game.model import World
from game.model.files import NotRegularFile, open_regular
from game.saves.format import SaveFile
from game.saves.record import output_text
from game.saves.replay import opening, replay_states


def is_comment(command: str) -> bool:
    """A line the player typed as a note to themselves (`* ...`)."""
    return command.lstrip().startswith("*")


def header(save: SaveFile) -> list[str]:
    """The lines naming the game, the seed and when it was saved."""
    world = save.world
    return [
        f"{world.title} (release {world.release}) — transcript of '{save.label}'",
        f"seed {save.seed} · {len(save.log)} lines · turn {save.turn} · saved {save.created}"
        f" · Hyosan {save.engine or '?'}",
        "",
    ]


def transcript_lines(world: World, save: SaveFile) -> Iterator[str]:
    """The whole game replayed as transcript lines (without trailing newlines)."""
    yield from header(save)
    yield output_text(opening(world, save))
    for replayed in replay_states(world, save):
        yield ""
        if is_comment(replayed.command):
            yield replayed.command.strip()
            continue
        yield f"> {replayed.command}"
        text = output_text(replayed.turn.output)
        if text:
            yield text


def transcript_text(world: World, save: SaveFile) -> str:
    """The whole transcript as one string ending in a newline."""
    return "\n".join(transcript_lines(world, save)) + "\n"


TRANSCRIPT_FILE = "transcript.txt"


class TranscriptFile:
    """TRANSCRIPT ON: the game's text appended to a regular file in the save folder.

    A write that fails (a full disk) closes it and returns a warning; the game goes on."""

    def __init__(self, path: Path, handle: TextIO) -> None:
        self.path = path
        self.handle = handle

    @classmethod
    def open(cls, saves_dir: Path) -> TranscriptFile:
        """Open (or continue) the transcript; OSError with a readable message when it can't be."""
        path = Path(saves_dir) / TRANSCRIPT_FILE
        os.makedirs(path.parent, exist_ok=True)
        try:
            fd = open_regular(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
        except NotRegularFile as exc:
            raise OSError(errno.EINVAL, f"{TRANSCRIPT_FILE} is a {exc.kind}, not a file") from None
        return cls(path, os.fdopen(fd, "a", encoding="utf-8", errors="replace"))

    def write(self, text: str) -> str:
        """Append text; on failure close the file and return the warning to show."""
        try:
            self.handle.write(text)
            self.handle.flush()
        except OSError as exc:
            self.close()
            return f"Transcript stopped: {exc.strerror or exc}. Your game goes on."
        return ""

    def close(self) -> None:
        """Close the file, ignoring a disk that fails even that."""
        with contextlib.suppress(OSError):
            self.handle.close()
