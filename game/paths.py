"""Where the shipped world and the default save folder live."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def default_world_dirs() -> list[Path]:
    """The shipped world folder (or $HYOSAN_WORLD)."""
    env = os.environ.get("HYOSAN_WORLD")
    return [Path(env)] if env else [ROOT / "world"]


def default_saves_dir() -> Path:
    """The save folder: $HYOSAN_SAVES, else the project's saves/ folder."""
    env = os.environ.get("HYOSAN_SAVES")
    return Path(env) if env else ROOT / "saves"
