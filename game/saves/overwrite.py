"""A typed SAVE never replaces another game's save without asking first."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from game.model import World
from game.model.files import is_regular
from game.saves.errors import SaveError
from game.saves.recordings import local_time
from game.saves.slots import slot_path
from game.saves.store import read_file


def other_game(
    world: World, saves_dir: Path, name: str, game: tuple[int, Sequence[str], int]
) -> str:
    """What slot `name` holds when that is not this game; '' when it is free or this game's.

    `game` is this game's (seed, log, since): a save is this game's when it has the seed, its
    lines begin the log, and it was made after line `since` (the game's last RESTART).
    """
    seed, log, since = game
    try:
        path = slot_path(saves_dir, name)
    except SaveError:
        return ""  # a bad name: SAVE itself says why
    if not is_regular(path):
        return ""  # nothing there, or a link or folder that SAVE itself refuses
    try:
        save = read_file(path, offer_backup=False)
    except SaveError:
        return f"The save '{name}' cannot be read, and saving would replace it."
    theirs = save.commands
    same_start = since < len(theirs) <= len(log) and tuple(log[: len(theirs)]) == theirs
    if save.seed == seed and same_start:
        return ""
    room = world.rooms.get(save.location)
    where = room.name if room is not None else save.location
    when = local_time(save.created)
    return f"The save '{name}' holds another game ({where}, turn {save.turn}, saved {when})."


def ask(name: str, holds: str, bare: bool) -> str:
    """The question put to the player before another game's save is replaced."""
    again = "SAVE again" if bare else f"SAVE {name.upper()} again"
    return f"{holds} Type {again} to replace it, or SAVE and a new name to keep both."
