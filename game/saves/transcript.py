"""A saved game as a readable transcript: `> command` lines, the text, and the player's comments."""

from __future__ import annotations

from collections.abc import Iterator

from game.model import World
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
