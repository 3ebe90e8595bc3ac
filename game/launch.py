"""Shared start-up for front ends and tools: find the world, load it, report problems."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from game.model import World, WorldError
from game.paths import default_world_dirs

TYPE_CHECKING = False  # typing's flag without importing typing, whose import is a start-up cost
if TYPE_CHECKING:
    from typing import TextIO


def world_paths(args) -> list[Path]:
    """The world folders named by --world, or the shipped world."""
    given = getattr(args, "world", None)
    return list(given) if given else default_world_dirs()


def load_for_play(paths: list[Path]) -> World:
    """The world for playing: from the load cache when its files are unchanged, with the save
    identity kept beside it (so neither the YAML nor the identity hash is redone each start)."""
    from game.model.cache import load_world_cached
    from game.saves import identity
    from game.saves.identity import remember_world_hash, world_id

    world, extras = load_world_cached(
        paths, {"identity": lambda w: world_id(w).hash}, code=[Path(identity.__file__)]
    )
    if isinstance(extras.get("identity"), str):
        remember_world_hash(world, extras["identity"])
    return world


def load_or_report(args, stream: TextIO | None = None) -> World | None:
    """Load the world; on errors print every one (file:line:col) and return None."""
    stream = stream or sys.stderr
    paths = world_paths(args)
    try:
        world = load_for_play(paths)
    except WorldError as error:
        for problem in error.problems:
            print(problem, file=stream)
        count = len(error.problems)
        print(
            f"world: {count} error{'s' if count != 1 else ''} — the game cannot start; "
            f"run 'hyosan check' for details",
            file=stream,
        )
        return None
    gc.freeze()  # the world and the code live until exit: no collection (nor the exit's) walks them
    return world
