"""Shared start-up for front ends and tools: find the world, load it, report problems."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from game.model import World, WorldError, load_world
from game.paths import default_world_dirs


def world_paths(args) -> list[Path]:
    """The world folders named by --world, or the shipped world."""
    given = getattr(args, "world", None)
    return list(given) if given else default_world_dirs()


def load_or_report(args, stream: TextIO | None = None) -> World | None:
    """Load the world; on errors print every one (file:line:col) and return None."""
    stream = stream or sys.stderr
    paths = world_paths(args)
    try:
        return load_world(paths)
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
