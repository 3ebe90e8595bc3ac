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

    `game` is this game's (seed, log, since): a save is this game's (or a branch of it, after
    UNDO or RESTORE) when it has the seed and shares the log up to line `since`, where the
    game last started again with RESTART, and was made after it.
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
    after_restart = len(theirs) > since and tuple(log[:since]) == theirs[:since]
    if save.seed == seed and after_restart:
        return ""
    room = world.rooms.get(save.location)
    where = room.name if room is not None else save.location
    when = local_time(save.created)
    return f"The save '{name}' holds another game ({where}, turn {save.turn}, saved {when})."


def ask(name: str, holds: str, bare: bool) -> str:
    """The question put to the player before another game's save is replaced."""
    again = "SAVE again" if bare else f"SAVE {name.upper()} again"
    return f"{holds} Type {again} to replace it, or SAVE and a new name to keep both."
